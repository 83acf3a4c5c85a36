"""Frames as data: which words name a flow, and which grammatical role of a country makes it which side.

A country's role in a flow is one of
- `origin`: where the goods, money or gas come from (exporter, seller, investor, supplier);
- `dest`: where they go (importer, buyer, recipient, the economy invested in);
- `pair`: one of two sides of a symmetric figure ("entre X et Y", "le commerce turco-ouzbek", "de X");
- `partner`: the other side of a symmetric figure ("avec X"): the first side is the sentence's subject or the
  text's;
- `via`: the way through (a pipeline's or a corridor's country).
The indicator turns roles into the record's sides (`sides_of`): exports, investment, gas and oil run from
origin to destination; imports are the importer's (`dest`) from its supplier (`origin`).

A frame says, for one trigger lemma, the role of its subject, of a passive's agent ("investis par la Türkiye")
and of each preposition ("à", "vers", "depuis", "dans" ...). Nouns pass roles on: in "dans l'économie turque",
"économie" is a *transparent* noun: "turque" takes the role "dans" gives. Verbs that only state a level
("atteindre", "s'élever à", "être de") are *level* verbs: the frame is then their subject ("les exportations
kazakhes ont atteint ...").
"""

from __future__ import annotations

from typing import NamedTuple

ORIGIN, DEST, PAIR, PARTNER, VIA = "origin", "dest", "pair", "partner", "via"


class Frame(NamedTuple):
    subject: str | None  # the role of the verb's subject (nsubj), or of a noun's demonym / "de X"
    agent: str | None  # a passive verb's "par X"
    preps: dict[str, str]  # case marker (lower case, several words joined by one space) -> role
    indicator: str | None = None  # what the trigger names by itself, if anything


_TO = {p: DEST for p in ("à", "au", "aux", "vers", "en", "pour", "à destination de", "à destination du",
                         "à destination des", "chez", "sur")}
_FROM = {p: ORIGIN for p in ("de", "du", "des", "d'", "depuis", "en provenance de", "en provenance du",
                             "en provenance des", "en provenance d'", "auprès de", "auprès du", "auprès des",
                             "auprès d'", "à partir de", "à partir du", "à partir d'")}
_VIA = {p: VIA for p in ("via", "par", "à travers", "au travers de", "par le biais de", "en passant par", "le long de")}
_INTO = {p: DEST for p in ("dans", "en", "au", "aux", "à", "chez", "sur")}

# what moves from its subject to somewhere: "X exporte / vend / livre ... à Y"
_SEND = Frame(ORIGIN, ORIGIN, {**_FROM, **_TO, **_VIA})
# what comes to its subject from somewhere: "X importe / achète / reçoit ... de Y" ("à Y": the seller)
_GET = Frame(DEST, DEST, {**_TO, **_FROM, **{p: ORIGIN for p in ("à", "au", "aux", "chez")}, **_VIA})
_INVEST = Frame(ORIGIN, ORIGIN, {**_INTO, **{p: ORIGIN for p in ("en provenance de", "en provenance du",
                                                                  "en provenance des", "en provenance d'")}})
_TRADE = Frame(PAIR, PAIR, {"avec": PARTNER, "entre": PAIR, "de": PAIR, "du": PAIR, "des": PAIR, "d'": PAIR})

VERB_FRAMES: dict[str, Frame] = {
    **dict.fromkeys(("exporter", "vendre", "réexporter"), _SEND._replace(indicator="exports")),
    **dict.fromkeys(("livrer", "fournir", "expédier", "envoyer", "acheminer", "transporter", "pomper",
                     "transférer", "approvisionner", "transiter", "écouler"), _SEND),
    **dict.fromkeys(("importer", "acheter"), _GET._replace(indicator="imports")),
    **dict.fromkeys(("recevoir", "acquérir", "obtenir", "réceptionner", "accueillir"), _GET),
    **dict.fromkeys(("investir", "injecter", "placer"), _INVEST._replace(indicator="investment")),
    **dict.fromkeys(("commercer", "échanger"), _TRADE._replace(indicator="trade_turnover")),
}

# nouns: the subject role is that of a demonym ("les exportations turques") or of "de X"
NOUN_FRAMES: dict[str, Frame] = {
    **dict.fromkeys(("exportation", "export", "vente", "réexportation"), _SEND._replace(indicator="exports")),
    **dict.fromkeys(("livraison", "expédition", "fourniture", "approvisionnement", "envoi", "acheminement",
                     "fournisseur", "exportateur"), _SEND),
    # "les importations au Kazakhstan": where they arrive; "les achats de gaz en Russie": where it is bought
    **dict.fromkeys(("importation", "import"), _GET._replace(preps={**_GET.preps, **_INTO, "dans": DEST},
                                                             indicator="imports")),
    "achat": _GET._replace(indicator="imports"),
    **dict.fromkeys(("importateur", "acheteur", "client", "consommateur"), _GET),
    **dict.fromkeys(("investissement", "investisseur", "ide", "capital", "capitaux"),
                    _INVEST._replace(indicator="investment")),
    **dict.fromkeys(("échange", "commerce", "chiffre", "coopération", "partenariat", "relation", "volume",
                     "trafic", "fret", "transit", "turnover", "commerce extérieur"), _TRADE),
}

# "dans l'économie turque", "vers le voisin ouzbek", "le marché kazakh": the place stands for its country
TRANSPARENT = frozenset({
    "économie", "marché", "territoire", "pays", "secteur", "port", "côte", "voisin", "province", "région", "ville",
    "capitale", "frontière", "partenaire", "côté", "république", "état", "gouvernement", "entreprise", "société",
    "compagnie", "groupe", "consortium", "douane", "sol", "industrie", "raffinerie", "terminal", "réseau",
    # "via un oléoduc azerbaïdjanais": a route stands for the country it crosses
    "oléoduc", "gazoduc", "pipeline", "corridor", "route", "voie", "tronçon",
})

# what is traded: a demonym or "de X" on it names where it comes from ("du gaz turkmène", "produits azéris")
GOODS = frozenset({
    "gaz", "pétrole", "brut", "produit", "marchandise", "bien", "blé", "coton", "céréale", "électricité", "charbon",
    "uranium", "métal", "cuivre", "aluminium", "acier", "engrais", "carburant", "hydrocarbure", "or", "voiture",
    "véhicule", "machine", "équipement", "textile", "fruit", "légume", "denrée", "farine", "viande", "cargaison",
    "conteneur", "gnl", "pétrolier", "énergie", "minerai", "article", "importation",
})

# verbs that state where a figure stands, not what moves: their subject carries the frame
LEVEL_VERBS = frozenset({
    "atteindre", "élever", "chiffrer", "établir", "représenter", "totaliser", "dépasser", "excéder", "franchir",
    "être", "passer", "augmenter", "progresser", "croître", "bondir", "grimper", "diminuer", "baisser", "reculer",
    "chuter", "tomber", "doubler", "tripler", "quadrupler", "quintupler", "multiplier", "accroître", "hausser",
    "avoisiner", "frôler", "approcher", "se", "monter", "porter", "évaluer", "estimer", "situer", "s'élever",
    "s'établir", "fixer", "enregistrer", "afficher", "culminer", "stagner", "rester", "demeurer",
    "compter", "valoir", "peser", "correspondre", "équivaloir", "gonfler", "fléchir", "s'effondrer",
    "effondrer", "améliorer", "renforcer", "développer", "caracteriser", "accroitre", "ressortir",
})


def frame_named(lemma: str | None) -> Frame | None:
    """The frame of a trigger lemma, verb or noun (their lemmas differ: "exporter", "exportation")."""
    return VERB_FRAMES.get(lemma or "") or NOUN_FRAMES.get(lemma or "")


def sides_of(indicator: str, roles: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """The record's (reporter, partner) from the countries found in each role, first found first. Several
    countries in one directional role ("vers l'Afghanistan, l'Ouzbékistan et le Tadjikistan") share the figure:
    none of them is its side alone."""
    def first(*names: str, but: str | None = None) -> str | None:
        for n in names:
            found = [c for c in roles.get(n, ()) if c != but]
            if len(found) > 1 and n != PAIR:
                return None
            if found:
                return found[0]
        return None

    if indicator in ("trade_turnover", "transit_cargo", "agreements"):
        ordered: list[str] = []
        for n in (PAIR, ORIGIN, DEST, PARTNER):
            ordered += [c for c in roles.get(n, ()) if c not in ordered]
        ordered += [None, None]  # type: ignore[list-item]
        return ordered[0], ordered[1]
    if indicator == "imports":
        reporter = first(DEST, PAIR)
        return reporter, first(ORIGIN, PARTNER, PAIR, but=reporter)
    if indicator == "oil_transit":  # the spec: from the origin to the country it crosses
        reporter = first(ORIGIN, PAIR)
        return reporter, first(VIA, DEST, PARTNER, PAIR, but=reporter)
    reporter = first(ORIGIN, PAIR)
    return reporter, first(DEST, PARTNER, PAIR, VIA if indicator == "gas_supply" else "-", but=reporter)
