"""French names that stand for a state or a group: names, demonyms, capitals, leaders, companies.

Every entry maps a lower-case surface form to an ISO 3166-1 alpha-3 code (or a group code).
One compiled regex finds them all; `Mention.kind` says how the state was named, because
the linker treats a demonym ("investissements kazakhs") differently from a name ("au Kazakhstan").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corridor.extract.cues import CueIndex, cue
from corridor.extract.text import lowered, trie_pattern

# Country names as French writes them (CLDR French territory names plus common press variants).
NAMES: dict[str, tuple[str, ...]] = {
    "AZE": ("azerbaïdjan", "azerbaidjan", "république d'azerbaïdjan", "république d’azerbaïdjan"),
    "KAZ": ("kazakhstan",),
    "UZB": ("ouzbékistan", "ouzbekistan"),
    "TKM": ("turkménistan", "turkmenistan", "turkménie"),
    "KGZ": ("kirghizstan", "kirghizistan", "kirghizie", "kyrgyzstan"),
    "TJK": ("tadjikistan",),
    "TUR": ("turquie", "türkiye", "turkiye"),
    "RUS": ("russie", "fédération de russie"),
    "CHN": ("chine", "république populaire de chine", "empire du milieu", "rpc"),
    "GEO": ("géorgie",),
    "ARM": ("arménie",),
    "IRN": ("iran",),
    "PAK": ("pakistan",),
    "AFG": ("afghanistan",),
    "HUN": ("hongrie",),
    "BLR": ("biélorussie", "bélarus", "belarus"),
    "UKR": ("ukraine",),
    "IND": ("inde",),
    "MNG": ("mongolie",),
    "DEU": ("allemagne",),
    "FRA": ("france", "hexagone"),  # "l'Hexagone" of the French press
    "ITA": ("italie",),
    "ESP": ("espagne",),
    "GBR": ("royaume-uni",),
    "USA": ("états-unis", "etats-unis"),
    "JPN": ("japon",),
    "KOR": ("corée du sud", "corée"),  # "la Corée" of the business press is the South
    "ARE": ("émirats arabes unis", "emirats arabes unis", "eau", "émirats", "emirats"),  # "les Émirats"
    "SAU": ("arabie saoudite",),
    "QAT": ("qatar",),
    "ISR": ("israël",),
    "EGY": ("égypte",),
    "POL": ("pologne",),
    "ROU": ("roumanie",),
    "BGR": ("bulgarie",),
    "SRB": ("serbie",),
    "GRC": ("grèce",),
    "NLD": ("pays-bas",),
    "CHE": ("suisse",),
    "AUT": ("autriche",),
    "IRQ": ("irak",),
    "SYR": ("syrie",),
    "MDA": ("moldavie",),
    "LTU": ("lituanie",),
    "LVA": ("lettonie",),
    "EST": ("estonie",),
    "OMN": ("oman",),
    "KWT": ("koweït",),
    "IDN": ("indonésie",),
    "MYS": ("malaisie",),
    "VNM": ("viêt nam", "vietnam"),
    "SVK": ("slovaquie",),
    "CZE": ("tchéquie", "république tchèque"),
    "EUU": ("union européenne", "ue", "vingt-sept"),  # "les Vingt-Sept" (capitalised: the number is lower case)
    "OTS": ("organisation des états turciques", "oet", "conseil turcique"),
    "CSTO": ("organisation du traité de sécurité collective", "otsc"),
    "CIS": ("communauté des états indépendants", "cei"),
    "EAEU": ("union économique eurasiatique", "ueea", "uee"),
    "SCO": ("organisation de coopération de shanghai", "ocs"),
    "NATO": ("otan",),
}

# Demonyms, every gender and number: the stem and its inflections.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AZE": ("azerbaïdjanais", "azerbaïdjanaise", "azerbaïdjanaises", "azerbaidjanais", "azéri", "azérie",
            "azéris", "azéries"),
    "KAZ": ("kazakh", "kazakhe", "kazakhs", "kazakhes", "kazakhstanais", "kazakhstanaise",
            "kazakhstanaises"),
    "UZB": ("ouzbek", "ouzbeke", "ouzbèke", "ouzbeks", "ouzbekes", "ouzbèkes"),
    "TKM": ("turkmène", "turkmènes"),
    "KGZ": ("kirghiz", "kirghize", "kirghizes"),
    "TJK": ("tadjik", "tadjike", "tadjiks", "tadjikes"),
    "TUR": ("turc", "turque", "turcs", "turques"),
    "RUS": ("russe", "russes"),
    "CHN": ("chinois", "chinoise", "chinoises"),
    "GEO": ("géorgien", "géorgienne", "géorgiens", "géorgiennes"),
    "ARM": ("arménien", "arménienne", "arméniens", "arméniennes"),
    "IRN": ("iranien", "iranienne", "iraniens", "iraniennes"),
    "PAK": ("pakistanais", "pakistanaise", "pakistanaises"),
    "AFG": ("afghan", "afghane", "afghans", "afghanes"),
    "HUN": ("hongrois", "hongroise", "hongroises"),
    "BLR": ("biélorusse", "biélorusses", "bélarusse", "bélarusses"),
    "UKR": ("ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"),
    "IND": ("indien", "indienne", "indiens", "indiennes"),
    "MNG": ("mongol", "mongole", "mongols", "mongoles"),
    "DEU": ("allemand", "allemande", "allemands", "allemandes"),
    "FRA": ("français", "française", "françaises"),
    "JPN": ("japonais", "japonaise", "japonaises"),
    "USA": ("américain", "américaine", "américains", "américaines"),
    "KOR": ("sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes", "coréen", "coréenne", "coréens",
            "coréennes"),
    "PRK": ("nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"),
    "ITA": ("italien", "italienne", "italiens", "italiennes"),
    "ESP": ("espagnol", "espagnole", "espagnols", "espagnoles"),
    "GBR": ("britannique", "britanniques"),
    "ARE": ("émirien", "émirienne", "émiriens", "émiriennes", "émirati", "émiratie", "émiratis", "émiraties"),
    "SAU": ("saoudien", "saoudienne", "saoudiens", "saoudiennes"),
    "QAT": ("qatari", "qatarie", "qataris", "qataries", "qatarien", "qatarienne", "qatariens", "qatariennes"),
    "ISR": ("israélien", "israélienne", "israéliens", "israéliennes"),
    "EGY": ("égyptien", "égyptienne", "égyptiens", "égyptiennes"),
    "POL": ("polonais", "polonaise", "polonaises"),
    "ROU": ("roumain", "roumaine", "roumains", "roumaines"),
    "BGR": ("bulgare", "bulgares"),
    "SRB": ("serbe", "serbes"),
    "GRC": ("grec", "grecque", "grecs", "grecques"),
    "NLD": ("néerlandais", "néerlandaise", "néerlandaises"),
    "CHE": ("suisse", "suisses"),
    "AUT": ("autrichien", "autrichienne", "autrichiens", "autrichiennes"),
    "IRQ": ("irakien", "irakienne", "irakiens", "irakiennes"),
    "SYR": ("syrien", "syrienne", "syriens", "syriennes"),
    "MDA": ("moldave", "moldaves"),
    "LTU": ("lituanien", "lituanienne", "lituaniens", "lituaniennes"),
    "LVA": ("letton", "lettone", "lettons", "lettones"),
    "EST": ("estonien", "estonienne", "estoniens", "estoniennes"),
    "IDN": ("indonésien", "indonésienne", "indonésiens", "indonésiennes"),
    "MYS": ("malaisien", "malaisienne", "malaisiens", "malaisiennes"),
    "VNM": ("vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"),
    "SVK": ("slovaque", "slovaques"),
    "CZE": ("tchèque", "tchèques"),
    # "les investissements directs européens": the Union's (as "l'Europe" is, for gas, in the spec)
    "EUU": ("européen", "européenne", "européens", "européennes"),
}

# First halves of compound adjectives: "hungaro-ouzbek", "russo-kazakhe", "sino-kirghiz".
COMPOUND_PREFIXES: dict[str, str] = {
    "azerbaïdjano": "AZE", "azéro": "AZE", "kazakho": "KAZ", "kazakhstano": "KAZ", "ouzbéko": "UZB",
    "ouzbeko": "UZB", "turkméno": "TKM", "kirghizo": "KGZ", "tadjiko": "TJK", "turco": "TUR",
    "russo": "RUS", "sino": "CHN", "géorgo": "GEO", "arméno": "ARM", "irano": "IRN",
    "pakistano": "PAK", "afghano": "AFG", "hungaro": "HUN", "hongro": "HUN", "biélorusso": "BLR",
    "ukraino": "UKR", "indo": "IND", "germano": "DEU", "franco": "FRA", "nippo": "JPN",
    "américano": "USA",
}

# Capitals and former names standing for the state ("Bakou et Astana se sont fixé pour objectif").
CAPITALS: dict[str, tuple[str, ...]] = {
    "AZE": ("bakou", "baku"),
    "KAZ": ("astana", "nur-sultan", "noursoultan", "nour-soultan"),
    "UZB": ("tachkent",),
    "TKM": ("achgabat", "ashgabat", "achkhabad"),
    "KGZ": ("bichkek", "bishkek"),
    "TJK": ("douchanbé", "douchanbe", "dushanbe"),
    "TUR": ("ankara",),
    "RUS": ("moscou", "kremlin"),
    "CHN": ("pékin", "beijing"),
    "GEO": ("tbilissi",),
    "ARM": ("erevan",),
    "IRN": ("téhéran",),
    "PAK": ("islamabad",),
    "AFG": ("kaboul",),
    "HUN": ("budapest",),
    "BLR": ("minsk",),
    "UKR": ("kiev", "kyiv"),
    "EUU": ("bruxelles",),
    # partners farther away, as the press names them ("Paris et Astana ont signé 24 accords")
    "FRA": ("paris", "élysée"),  # "reçu à l'Élysée": the French presidency
    "DEU": ("berlin",),
    "ITA": ("rome",),
    "GBR": ("londres",),
    "USA": ("washington",),
    "JPN": ("tokyo",),
    "KOR": ("séoul",),
    "IND": ("new delhi", "new-delhi"),
    "SAU": ("riyad",),
    "ARE": ("abou dhabi", "abu dhabi"),
    "QAT": ("doha",),
    "POL": ("varsovie",),
    "MNG": ("oulan-bator",),
}

# Other cities and ports that stand for their country in a figure ("le port d'Aktaou a traité...").
CITIES: dict[str, tuple[str, ...]] = {
    "AZE": ("khankendi", "choucha", "gabala", "nakhitchevan", "soumgaït", "alat", "gandja", "lankaran"),
    "UZB": ("samarcande", "boukhara", "khiva", "termez", "andijan", "ferghana", "namangan", "noukous", "karchi"),
    "KAZ": ("almaty", "aktaou", "aktau", "kouryk", "turkestan", "chymkent", "khorgos", "dostyk", "atyraou",
            "karaganda", "pavlodar", "aktioubinsk", "aktobe", "oral", "semeï", "taraz", "kyzylorda"),
    "TJK": ("khodjent", "khoudjand", "khujand", "koulob", "bokhtar", "khorog", "istaravchan"),
    "GEO": ("batoumi", "koutaïssi", "poti"),
    "TUR": ("istanbul", "antalya", "izmir", "ceyhan", "mersin"),
    "RUS": ("saint-pétersbourg", "sotchi", "kazan", "novorossiisk", "astrakhan"),
    "KGZ": ("cholpon-ata", "och", "karakol", "djalal-abad", "batken", "naryn"),
    "TKM": ("avaza", "turkmenbachi", "turkmenabat", "mary", "dachoguz"),
    "CHN": ("xi'an", "shanghai", "urumqi", "lianyungang"),
    "PAK": ("karachi", "lahore", "gwadar"),
    "IRN": ("bandar abbas", "sarakhs"),
}

# Heads of state and government of the region (surname as the French press spells it).
LEADERS: dict[str, tuple[str, ...]] = {
    "AZE": ("aliyev", "aliev"),
    "KAZ": ("tokaïev", "tokaiev", "tokayev", "nazarbaïev", "nazarbayev", "nazarbaev"),
    "UZB": ("mirzioïev", "mirziyoyev", "mirzioyev", "mirzioev", "karimov"),
    "TKM": ("berdimoukhamedov", "berdymukhamedov", "berdymoukhamedov", "berdimuhamedov", "niazov", "niyazov"),
    "KGZ": ("japarov", "djaparov", "jeenbekov", "atambaïev", "atambaev", "atambayev", "bakiev", "akaïev"),
    "TJK": ("rahmon", "rakhmon", "rakhmonov", "rahmonov"),
    "TUR": ("erdoğan", "erdogan"),
    # the presidents and prime ministers of the years the press archives cover
    "RUS": ("poutine", "putin", "michoustine", "medvedev", "fradkov"),
    "CHN": ("xi jinping", "m. xi", "président xi", "hu jintao", "président hu", "wen jiabao", "li keqiang", "li qiang"),
    "GEO": ("kobakhidze", "saakachvili", "saakashvili", "garibachvili", "kavelachvili", "zourabichvili"),
    "ARM": ("pachinian", "pashinyan", "sarkissian", "kotcharian"),
    "IRN": ("pezeshkian", "raïssi", "ahmadinejad", "rohani", "rouhani"),
    "PAK": ("sharif",),
    "HUN": ("orbán", "orban", "sulyok"),
    "BLR": ("loukachenko",),
    "UKR": ("zelensky", "zelenski", "ianoukovitch"),
}

# National companies: they stand for their state only where the text ties a figure to them.
COMPANIES: dict[str, tuple[str, ...]] = {
    "AZE": ("socar",),
    "KAZ": ("kazmunaygas", "kaztransoil", "ktz", "kazatomprom", "tengizchevroil", "qazaqgaz", "kaztransgas",
            "samruk-kazyna"),
    "RUS": ("gazprom", "rosneft", "lukoil", "transneft", "rosatom", "novatek"),
    "CHN": ("cnpc", "sinopec", "cnooc"),
    "TKM": ("turkmengaz", "turkmennebit"),
    "UZB": ("uzbekneftegaz",),
    "TUR": ("botaş", "botas", "tpao"),
}

GROUPS = frozenset({"EUU", "OTS", "CSTO", "CIS", "EAEU", "SCO", "NATO", "UN", "OSCE"})
# The states Corridor covers: the Turkic states, Central Asia and the Caucasus
HOME = frozenset({"AZE", "KAZ", "UZB", "TKM", "KGZ", "TJK", "TUR", "GEO", "ARM"})

# Ambiguous or upper-case-only forms: matched case-sensitively.
CASE_SENSITIVE = frozenset({"vingt-sept", "inde", "oman", "chine", "sharif", "rahmon", "socar", "och", "alat", "poti", "dostyk", "oral",
                            "mary", "naryn", "taraz", "émirats", "emirats"})


class Mention(NamedTuple):  # a tuple: immutable and several times cheaper to make than a frozen dataclass
    code: str
    start: int
    end: int
    kind: str  # name | demonym | compound | capital | city | leader | company


# The rest of the world: CLDR's French country names (babel). They count only when capitalised, since some
# are also words ("bénin", "chili", "panama"); names that read as first names or common words in news
# ("Maurice", "Dominique", "Salvador", "La Réunion"), and regions that are no country, are left out.
_CLDR_SKIP = frozenset({"RE", "MU", "DM", "SV", "EU", "EZ", "UN", "QO", "HK", "MO", "AC", "CP", "DG", "EA", "IC", "TA",
                        "XA", "XB", "ZZ"})
_OBSOLETE_ALPHA3 = frozenset({"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD"})


def _world_names() -> dict[str, tuple[str, ...]]:
    try:
        from babel import Locale
        from babel.core import get_global
    except ImportError:  # pragma: no cover - babel comes with the pinned dependencies
        return {}
    alpha3 = {v[0]: k for k, v in get_global("territory_aliases").items()
              if len(k) == 3 and k.isalpha() and len(v) == 1 and k not in _OBSOLETE_ALPHA3}
    out: dict[str, tuple[str, ...]] = {}
    for a2, name in Locale("fr").territories.items():
        code = alpha3.get(a2)
        if len(a2) != 2 or not a2.isalpha() or a2 in _CLDR_SKIP or code is None or code in NAMES:
            continue
        form = name.lower().replace("’", "'")
        if "(" not in form and "r.a.s." not in form:
            out[code] = (form,)
    return out


WORLD = _world_names()
WORLD_FORMS = frozenset(f for forms in WORLD.values() for f in forms)


def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for kind, source in (("name", WORLD), ("city", CITIES), ("company", COMPANIES), ("leader", LEADERS),
                         ("capital", CAPITALS), ("demonym", DEMONYMS), ("name", NAMES)):
        for code, forms in source.items():
            for form in forms:
                table[form] = (code, kind)
    return table


TABLE = _table()
_WORD = r"[^\W\d_]"
_forms = sorted({f.replace("’", "'") for f in TABLE})
# Matched on lowered text (text.lowered): no IGNORECASE, forms as a trie.
MENTION_RE = re.compile(
    rf"(?<!{_WORD})(?:(?P<cp>{trie_pattern(list(COMPOUND_PREFIXES))})-(?P<cs>{_WORD}+)"
    rf"|(?P<f>{trie_pattern(_forms)}))(?!\w)"
)
ACRONYMS = frozenset({"ue", "oet", "otsc", "cei", "ueea", "uee", "ocs", "otan", "ktz", "cnpc", "rpc", "eau"})


def _demonym_code(word: str) -> str | None:
    entry = TABLE.get(word.lower())
    if entry and entry[1] == "demonym":
        return entry[0]
    return COMPOUND_PREFIXES.get(word.lower())


MENTION = cue("mention", MENTION_RE, word_start=True)
_NOT_A_SIDE_BEFORE = re.compile(r"\bbanques?\s+$")


def find_mentions(text: str, low: str | None = None, cues: CueIndex | None = None) -> list[Mention]:
    """Every mention of a state or group in `text`, in order."""
    low = lowered(text) if low is None else low
    cues = CueIndex(low) if cues is None else cues
    out: list[Mention] = []
    for m in cues.finditer(MENTION):
        if m.group("cp"):
            first = COMPOUND_PREFIXES[m.group("cp")]
            second = _demonym_code(m.group("cs"))
            out.append(Mention(first, m.start(), m.start("cs") - 1, "compound"))
            if second:
                out.append(Mention(second, m.start("cs"), m.end(), "compound"))
            continue
        key = m.group("f")
        original = text[m.start():m.end()]
        if text.startswith("-", m.end()) and not text[m.end() + 1:m.end() + 2].isupper():
            continue  # a name glued to a lower-case word is part of another; "Kazakhstan-Chine" is two
        if key in ACRONYMS and not original.isupper():
            continue  # "ue" in "ue" is no Union; acronyms count in capitals only
        if (key in CASE_SENSITIVE or key in WORLD_FORMS) and not original[0].isupper():
            continue
        if key in CASE_SENSITIVE and "-" in key and not all(w[:1].isupper() for w in original.split("-")):
            continue  # "les Vingt-Sept", not "Vingt-sept accords" at the head of a sentence
        code, kind = TABLE.get(key) or TABLE[key.replace("'", "’")]
        if code == "EUU" and kind == "demonym" and _NOT_A_SIDE_BEFORE.search(low, max(0, m.start() - 12), m.start()):
            continue  # "la Banque européenne pour la reconstruction" (the EBRD) is no side of the Union
        out.append(Mention(code, m.start(), m.end(), kind))
    return out
