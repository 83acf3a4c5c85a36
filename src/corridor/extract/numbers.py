"""French numbers and quantities: "1 234,5", "3,5 millions de tonnes", "deux milliards", "961 M$".

`QUANTITY_RE` is the one C-level scan for candidates; `parse_quantity` turns a match into a
`Quantity` that keeps its raw text beside the normalised value (as price-parser does).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corridor.extract.cues import CueIndex, cue
from corridor.extract.text import lowered, trie_pattern

GROUP_SEPARATORS = " \u00a0\u202f\u2009"

UNITS_WORDS: dict[str, int] = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
HUNDRED = ("cent", "cents")
THOUSAND = ("mille",)
SCALES: dict[str, float] = {
    "mille": 1e3, "milliers": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mlns": 1e6, "m": 1e6,
    "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9, "g": 1e9,  # "2,1 G$" (Quebec)
    "billion": 1e12, "billions": 1e12,
    "demi-milliard": 5e8, "demi-milliards": 5e8, "demi-million": 5e5, "demi-millions": 5e5,  # "un demi-milliard"
}

_word = trie_pattern([*UNITS_WORDS, *HUNDRED, *THOUSAND])
WORD_NUMBER = rf"(?:{_word})(?:(?:[- ]et[- ]|[- ])(?:{_word})(?![\w]))*"
_sep = f"[{GROUP_SEPARATORS}]"
DIGIT_NUMBER = (
    rf"\d{{1,3}}(?:{_sep}\d{{3}})+(?:,\d+)?(?![\d])"  # 1 234 567,5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,])"  # 1.234.567 (dots as groups)
    r"|\d+\.\d+(?![\d])"  # 3.5 (a decimal point in some sources)
    r"|\d+(?:,\d+)?(?![\d])"  # 3,5
)
NUMBER = rf"(?:{DIGIT_NUMBER}|(?<![\w-])(?:{WORD_NUMBER})(?:\s+virgule\s+(?:{WORD_NUMBER}))?(?![\w-]))"

# The unit of measure or currency, in the order French writes it after the number.
UNIT_PATTERNS: list[tuple[str, str]] = [
    ("USD", r"dollars?(?:\s+(?:américains|us|des\s+états-unis))?|\$\s*us|us\s*\$|usd|\$"),
    ("EUR", r"euros?|€|eur\b"),
    ("TMT", r"manats?\s+turkmènes?|manat\s+turkmène|tmt\b"),  # before the Azerbaijani manat
    ("AZN", r"manats?|azn"),
    ("KZT", r"tenges?|kzt"),
    ("UZS", r"sums?|soums?|uzs"),
    ("TRY", r"livres\s+turques|livre\s+turque|try"),
    ("BYN", r"roubles?\s+biélorusses?|byn\b"),  # before the Russian rouble
    ("RUB", r"roubles?|rub"),
    ("CNY", r"yuans?|cny|rmb"),
    ("KGS", r"soms?\b|kgs"),
    ("GEL", r"laris?|gel\b"),
    ("HUF", r"forints?|huf"),
    ("TJS", r"somonis?|tjs"),
    ("AMD", r"drams?\b|amd\b"),
    ("IRR", r"rials?(?:\s+iraniens?)?|irr\b"),
    ("PKR", r"roupies?\s+pakistanaises?|pkr\b"),
    ("INR", r"roupies?(?:\s+indiennes?)?|inr\b"),
    ("JPY", r"yens?\b|jpy\b"),
    ("KRW", r"wons?\b|krw\b"),
    ("GBP", r"livres?\s+sterling|gbp\b"),
    ("CHF", r"francs?\s+suisses?|chf\b"),
    ("t", r"tonnes?|t\b|mt\b"),
    ("m3", r"mètres?\s+cubes?|m3|m³"),  # "mètre cubes", "mètres cube": both are written  # "Gm3", "bcm": scales with their unit (SCALE)
    ("bbl", r"barils?|b/j|bpj"),
    ("TEU", r"evp|teu|conteneurs\s+evp"),
    ("%", r"%|pour\s*cent"),
]
_unit_alts = "|".join(f"(?P<u_{i}>{pat})" for i, (_, pat) in enumerate(UNIT_PATTERNS))
UNIT_CODES = [code for code, _ in UNIT_PATTERNS]
CURRENCY_CODES = frozenset(c for c in UNIT_CODES if len(c) == 3 and c.isupper() and c != "TEU")  # ISO 4217

# Matched on lowered text: "M$" is "m$" there, "Mt" is "mt".
# "Mt", "kt", "Gm3", "bcm": a scale and a unit in one ("6,2 Gm3" is 6.2 billion cubic metres)
SCALE = r"demi-milliards?|demi-millions?|milliards?|millions?|milliers|mille|gm3\b|gm³|bcm\b|kt\b|mlns?|mds?|mrds?|md(?=\s?(?:[$€]|usd\b|eur\b))|g(?=\s?(?:[$€]|usd\b))|billions?|k(?=\s|$|\W)|m(?=\s?(?:[$€]|usd\b|eur\b))|mt\b"
_QUANTITY = (
    rf"(?P<num>{NUMBER})"
    rf"(?:[{GROUP_SEPARATORS}]?(?P<scale>{SCALE})(?P<half>\s+et\s+demie?(?![\w-]))?)?"  # "deux milliards et demi"
    rf"(?:[{GROUP_SEPARATORS}]?(?:(?:de|d')\s*)?(?P<unit>{_unit_alts})(?![\w]))?"
)
QUANTITY_RE = re.compile(_QUANTITY)  # on lowered text (see text.lowered)
_UNIT_GROUPS = [(QUANTITY_RE.groupindex[f"u_{i}"], code) for i, code in enumerate(UNIT_CODES)]
# The one scan over the whole text: where a number (digits or words) or a multiple word starts.
ORDINALS = {"deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
            "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "quinzième": 15,
            "vingtième": 20}
# multiples ("a doublé") and ordinals ("sa septième visite"): sentences worth a close reading
FACTOR_WORDS = r"(?:doubl|tripl|quadrupl|quintupl|sextupl|décupl|multipli)\w*|divisée?s?|moitié|fois|" + "|".join(ORDINALS)
TRIGGER_RE = re.compile(rf"(?P<d>\d)|(?<![\w-])(?:(?P<w>{_word})(?!\w)|(?P<f>{FACTOR_WORDS})(?![\w-])"
                        r"|(?P<o>(?:le|du)\s+(?=milli(?:ard|on)\s)))")
# Every trigger begins with a digit, a number word or a multiple word; "le milliard" is found from its
# scale word (an anchor "le" would fire everywhere), see `scan`.
TRIGGER = cue("number", TRIGGER_RE, [*"0123456789", *UNITS_WORDS, *HUNDRED, *THOUSAND, "doubl", "tripl",
                                     "quadrupl", "quintupl", "sextupl", "décupl", "multipli", "divis", "moitié", "fois", *ORDINALS], word_start=True)
ONE_SCALE = cue("one-scale", r"milli(?:ard|on)\s")
_ONE_BEFORE = re.compile(r"(?:le|du)\s+$")
# "a dépassé le milliard de dollars": one of the scale, with no numeral
ONE_SCALE_RE = re.compile(rf"(?:le|du)\s+(?P<scale>milliard|million)\s*(?:de\s+|d')\s*(?P<unit>{_unit_alts})(?![\w])")
PER_RE = re.compile(r"\s*(?:de\s+\w+\s+)?(?:par\s+(?P<per>an|année|jour|mois)|/\s*(?P<slash>an|jour|j))\b",
                    re.IGNORECASE)


class Quantity(NamedTuple):  # a tuple: immutable and several times cheaper to make than a frozen dataclass
    raw: str
    value: float
    unit: str | None  # None when the text does not say (an ellipsis the linker may resolve)
    scale: float
    start: int
    end: int
    is_words: bool
    approx: bool = False  # a collective numeral ("une quinzaine"): about that many


def parse_words(text: str) -> float:
    """'trois cent mille' -> 300000; 'deux virgule cinq' -> 2.5; raises ValueError if not a number."""
    text = text.lower().strip()
    if " virgule " in f" {text} ":
        whole, _, frac = text.partition("virgule")
        frac_value = parse_words(frac)
        digits = len(str(int(frac_value)))
        return parse_words(whole) + frac_value / 10**digits
    tokens = [t for t in re.split(r"[-\s]+", text) if t and t != "et"]
    if not tokens:
        raise ValueError(text)
    total, current, prev = 0, 0, None
    for token in tokens:
        if token.startswith("vingt") and prev == "quatre":
            current += 80 - 4  # "quatre-vingt(s)": 4 was already added
        elif token in UNITS_WORDS:
            current += UNITS_WORDS[token]
        elif token in HUNDRED:
            current = (current or 1) * 100
        elif token in THOUSAND:
            total += (current or 1) * 1000
            current = 0
        else:
            raise ValueError(text)
        prev = token
    return float(total + current)


_NO_GROUPS = str.maketrans("", "", GROUP_SEPARATORS)
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_number(raw: str) -> float:
    """A French-written number, digits or words, to a float."""
    s = raw.strip()
    if not s:
        raise ValueError(raw)
    if s[0].isdigit():
        s = s.translate(_NO_GROUPS)
        if "." in s and _DOT_GROUPS.fullmatch(s):
            s = s.replace(".", "")
        return float(s.replace(",", "."))
    return parse_words(s)


_SCALE_UNITS = {"mt": ("t", 1e6), "kt": ("t", 1e3), "gm3": ("m3", 1e9), "gm³": ("m3", 1e9), "bcm": ("m3", 1e9)}


def _scale_factor(scale: str | None) -> float:
    if not scale:
        return 1.0
    s = scale.lower()
    return _SCALE_UNITS[s][1] if s in _SCALE_UNITS else SCALES[s]


def parse_quantity(m: re.Match[str], text: str | None = None) -> Quantity:
    num = m.group("num")
    value = parse_number(num) + (0.5 if m.group("half") else 0.0)
    scale = _scale_factor(m.group("scale"))
    unit = None
    if m.group("unit"):
        regs = m.regs
        unit = next(code for gi, code in _UNIT_GROUPS if regs[gi][0] >= 0)
    if m.group("scale") and m.group("scale").lower() in _SCALE_UNITS:
        unit = _SCALE_UNITS[m.group("scale").lower()][0]
    return Quantity(
        raw=m.group(0) if text is None else text[m.start():m.end()],
        value=float(f"{value * scale:.15g}"),  # 17,1 milliards is 17100000000, not 17100000000.000002
        unit=unit,
        scale=scale,
        start=m.start(),
        end=m.end(),
        is_words=not num[0].isdigit(),
    )


# collective numerals, after "un"/"une"; "des centaines", "plusieurs dizaines" say no number
COLLECTIVES = {"dizaine": 10.0, "douzaine": 12.0, "quinzaine": 15.0, "vingtaine": 20.0, "trentaine": 30.0,
               "quarantaine": 40.0, "cinquantaine": 50.0, "soixantaine": 60.0, "centaine": 100.0, "millier": 1000.0}
_COLLECTIVE = re.compile(r"\s+(" + "|".join(COLLECTIVES) + r")(?![\w-])")
_CURRENCY_BEFORE = re.compile(r"(?<![\w$€])(usd|us\$|\$|€|eur)\s?$")
_CURRENCY_CODES = {"usd": "USD", "us$": "USD", "$": "USD", "€": "EUR", "eur": "EUR"}


def one_of_scale_starts(cues: CueIndex) -> list[int]:
    """Where "le"/"du" stands before "milliard"/"million" (the trigger alternative no anchor finds)."""
    out = []
    for s in cues.starts(ONE_SCALE):
        b = _ONE_BEFORE.search(cues.low, max(0, s - 12), s)
        if b:
            out.append(b.start())
    return out


def scan(text: str, low: str | None = None, cues: CueIndex | None = None) -> tuple[list[Quantity], list[int]]:
    """Quantities in `text` and positions of multiple words ("a doublé", "multiplié par"), in one pass."""
    low = lowered(text) if low is None else low
    cues = CueIndex(low) if cues is None else cues
    quantities: list[Quantity] = []
    factors: list[int] = []
    last_end = -1
    trigger = TRIGGER_RE.match
    for pos in cues.starts(TRIGGER, one_of_scale_starts(cues)):
        # what cues.finditer(TRIGGER) gives, less the trigger matches inside a quantity already read
        # (every digit of "12 500" is an anchor): those are never tried
        if pos < last_end:
            continue
        t = trigger(low, pos)
        if t is None:
            continue
        last_end = t.end()
        if t.lastgroup == "f":
            factors.append(pos)
            continue
        if t.lastgroup == "o":
            one = ONE_SCALE_RE.match(low, pos)
            if one:
                unit = next(code for i, code in enumerate(UNIT_CODES) if one.group(f"u_{i}"))
                quantities.append(Quantity(raw=text[one.start():one.end()], value=SCALES[one.group("scale")],
                                           unit=unit, scale=SCALES[one.group("scale")], start=one.start(),
                                           end=one.end(), is_words=True))
                last_end = one.end()
            continue
        if t.lastgroup == "d" and pos > 0 and (low[pos - 1].isalpha() or low[pos - 1] == "_"):
            continue  # "T1", "A4": part of a word
        m = QUANTITY_RE.match(low, pos)
        if m is None:
            continue
        if t.lastgroup == "w" and m.lastindex == 1 and m.group("num") in ("un", "une"):
            last_end = m.end()
            c = _COLLECTIVE.match(low, m.end())
            if c:  # "une quinzaine d'accords", "un millier d'entreprises": about that many
                quantities.append(Quantity(raw=text[pos:c.end()], value=COLLECTIVES[c.group(1)], unit=None, scale=1.0,
                                           start=pos, end=c.end(), is_words=True, approx=True))
                last_end = c.end()
            continue  # the article "un"/"une", with no scale nor unit: never a figure by itself
        try:
            q = parse_quantity(m, text)
        except ValueError:
            continue
        if q.unit is None and q.scale > 1:
            q = _with_smaller_part(q, text, low)
        if q.unit is None:  # "USD 450 millions", "$3 milliards": the currency written first
            before = _CURRENCY_BEFORE.search(low, max(0, pos - 6), pos)
            if before:
                q = Quantity(raw=text[before.start():q.end], value=q.value, unit=_CURRENCY_CODES[before.group(1)],
                             scale=q.scale, start=before.start(), end=q.end, is_words=q.is_words)
        if quantities and quantities[-1].unit is None and q.start - quantities[-1].end <= 8:
            quantities[-1] = _shared_scale(quantities[-1], q, low)
            # "15,1, 13,2 et 7,9 milliards": the items of the list before take the scale too
            i = len(quantities) - 2
            while i >= 0 and quantities[i + 1].unit is not None and quantities[i].unit is None \
                    and quantities[i].scale == 1.0 and not quantities[i].is_words \
                    and _LIST_COMMA.fullmatch(low, quantities[i].end, quantities[i + 1].start):
                nxt = quantities[i + 1]
                quantities[i] = quantities[i]._replace(value=float(f"{quantities[i].value * nxt.scale:.15g}"),
                                                       unit=nxt.unit, scale=nxt.scale)
                i -= 1
        quantities.append(q)
        last_end = max(m.end(), q.end)
    return quantities, factors


_LIST_COMMA = re.compile(r",\s+")
_SHARED = re.compile(r"\s+(?:et|à|ou)\s+(?:de\s+|d')?")


def _shared_scale(q: Quantity, nxt: Quantity, low: str) -> Quantity:
    """'4,1 et 3,2 milliards de dollars', 'entre 3 et 4 millions de tonnes': the first number takes the scale
    and unit written once after the second (not a year: 'en 2023 et 3 milliards')."""
    if nxt.unit == "%" or not _SHARED.fullmatch(low, q.end, nxt.start):
        return q
    if q.scale == 1.0 and not q.is_words and (nxt.scale > 1.0 or nxt.unit is not None) \
            and not (q.value == int(q.value) and 1900 <= q.value <= 2100):
        return q._replace(value=float(f"{q.value * nxt.scale:.15g}"), unit=nxt.unit, scale=nxt.scale)
    if q.scale > 1.0 and nxt.unit is not None:  # "entre 2,5 milliards et 3 milliards de dollars"
        return q._replace(unit=nxt.unit)
    return q


_BLANKS = re.compile(rf"[{GROUP_SEPARATORS}]+")


def _with_smaller_part(q: Quantity, text: str, low: str) -> Quantity:
    """'2 milliards 600 millions de dollars', 'deux milliards six cents millions': one amount in two parts,
    the second of a smaller scale."""
    gap = _BLANKS.match(low, q.end)
    if gap is None:
        return q
    m = QUANTITY_RE.match(low, gap.end())
    if m is None or not m.group("scale"):
        return q
    try:
        rest = parse_quantity(m, text)
    except ValueError:
        return q
    if not 1 < rest.scale < q.scale:
        return q
    return Quantity(raw=text[q.start:rest.end], value=q.value + rest.value, unit=rest.unit, scale=q.scale,
                    start=q.start, end=rest.end, is_words=q.is_words)


def find_quantities(text: str) -> list[Quantity]:
    return scan(text)[0]


def per_after(text: str, pos: int) -> tuple[str | None, int]:
    """A rate right after a quantity: 'par an' -> ('year', end)."""
    m = PER_RE.match(text, pos)
    if not m:
        return None, pos
    word = (m.group("per") or m.group("slash") or "").lower()
    per = {"an": "year", "année": "year", "jour": "day", "j": "day", "mois": "month"}.get(word)
    if per == "month":
        return None, pos
    return per, m.end()
