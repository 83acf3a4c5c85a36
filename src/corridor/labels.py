"""Words for codes, shared by the CLI, the API and the report: indicator names and definitions, country
names, the pair convention, values with their scale and unit, periods in words.

Kept free of polars and Altair so that the CLI can import it at no cost.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date
from functools import cache

# What each indicator counts, in a reader's words (the spec's table, ../shared/spec/facts.md).
INDICATORS: dict[str, tuple[str, str]] = {
    "trade_turnover": ("Trade turnover", "exports plus imports between two countries, counted once for the pair"),
    "exports": ("Exports", "goods sold by the first country to the second (or to all partners)"),
    "imports": ("Imports", "goods bought by the first country from the second (or from all partners)"),
    "investment": ("Investment", "capital invested by the first country in the second: a stock or a flow"),
    "transit_cargo": ("Transit cargo", "freight carried between or across two countries, counted once for the pair"),
    "oil_transit": ("Oil transit", "oil shipped from the first country across or to the second"),
    "gas_supply": ("Gas supply", "natural gas delivered by the first country to the second"),
    "companies": ("Companies", "companies with the first country's capital registered in the second"),
    "agreements": ("Agreements", "agreements and documents signed between the two countries"),
    "visits": ("Visits", "visits by the first country's leader to the second"),
}
# Counted once for the pair, whichever side the article names first: "A – B" in code order. The others run
# from the first country to the second: "A → B". A country's figure with no partner is "A (all partners)".
SYMMETRIC = frozenset({"trade_turnover", "transit_cargo", "agreements"})
PAIR_CONVENTION = ("“A – B” is a figure counted once for the pair (trade turnover, transit cargo, agreements), "
                   "its countries in alphabetical order of their codes; “A → B” runs from A to B (A's exports to B, "
                   "A's investment in B, oil from A across B); “A (all partners)” is A's own total.")

GROUP_NAMES = {"EUU": "European Union", "OTS": "Organization of Turkic States", "CIS": "Commonwealth of Independent States",
               "EAEU": "Eurasian Economic Union", "CSTO": "Collective Security Treaty Organization",
               "SCO": "Shanghai Cooperation Organisation", "NATO": "NATO", "UN": "United Nations", "OSCE": "OSCE"}
GROUPS = frozenset(GROUP_NAMES)
# Units as a reader says them; the scale words of big numbers.
UNIT_WORDS = {"USD": "US dollars", "EUR": "euros", "t": "tonnes", "m3": "cubic metres", "bbl": "barrels", "TEU": "TEU",
              "count": "", "%": "%", "x": "times", "KZT": "tenge (KZT)", "AZN": "manats (AZN)", "RUB": "roubles (RUB)",
              "TRY": "Turkish liras (TRY)", "UZS": "sums (UZS)", "CNY": "yuan (CNY)", "GEL": "lari (GEL)",
              "KGS": "soms (KGS)", "TJS": "somonis (TJS)", "TMT": "Turkmen manats (TMT)", "HUF": "forints (HUF)"}
PER_WORDS = {"day": "per day", "year": "per year"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k"))
_TONNE_SCALES = ((1e9, "Gt"), (1e6, "Mt"), (1e3, "kt"))
QUALIFIER_SIGNS = {"approx": "≈ ", "lower_bound": "> ", "upper_bound": "< ", "exact": ""}
QUALIFIER_WORDS = {"approx": "approximate", "lower_bound": "at least (lower bound)", "upper_bound": "at most (upper bound)",
                   "exact": "as stated"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def indicator_name(indicator: str | None) -> str:
    return INDICATORS.get(indicator or "", (str(indicator or "").replace("_", " ").capitalize(), ""))[0]


def indicator_definition(indicator: str | None) -> str:
    return INDICATORS.get(indicator or "", ("", ""))[1]


@cache
def _alpha3_to_alpha2() -> dict[str, str]:
    from babel.core import get_global

    return {k: v[0] for k, v in get_global("territory_aliases").items()
            if len(k) == 3 and k.isalpha() and len(v) == 1 and len(v[0]) == 2 and k not in _RETIRED}


# alpha-3 codes CLDR still aliases to a living country's alpha-2: "France" must read FRA, never FXX
_RETIRED = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})


@cache
def _names(locale: str) -> dict[str, str]:
    """ISO alpha-3 -> CLDR name in `locale`."""
    from babel import Locale

    territories = Locale(locale).territories
    return {a3: territories[a2] for a3, a2 in _alpha3_to_alpha2().items() if a2 in territories}


def country_name(code: str | None) -> str:
    """"KAZ" -> "Kazakhstan"; a group code -> its name; an unknown code as it is."""
    if not code:
        return ""
    code = str(code).upper()
    return GROUP_NAMES.get(code) or _names("en").get(code) or code


def pair_label(indicator: str | None, reporter: str | None, partner: str | None) -> str:
    """The pair convention (PAIR_CONVENTION) in codes: "KAZ–RUS", "KAZ→CHN", "KAZ (all partners)"."""
    if not partner:
        return f"{reporter} (all partners)"
    if indicator in SYMMETRIC:
        a, b = sorted((str(reporter), str(partner)))
        return f"{a}–{b}"
    return f"{reporter}→{partner}"


def pair_words(country_a: str | None, country_b: str | None, symmetric: bool) -> str:
    """The same convention in names: "Kazakhstan – Russia", "Kazakhstan → China"."""
    if not country_b:
        return f"{country_name(country_a)} (all partners)"
    return f"{country_name(country_a)} {'–' if symmetric else '→'} {country_name(country_b)}"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.strip().lower()) if not unicodedata.combining(c))


@cache
def _country_index() -> dict[str, str]:
    """Every spelling a user may type, folded -> alpha-3: codes, English and French names, the press's forms."""
    index: dict[str, str] = {}
    named = _names("en")
    for a3, a2 in _alpha3_to_alpha2().items():
        if a3 in named:
            index.setdefault(_fold(a2), a3)
    for locale in ("fr", "en"):
        for a3, name in _names(locale).items():
            index[_fold(name)] = a3
    try:  # the extractor's own French forms ("Kirghizistan", "Turkménie"), when it is there
        from corridor.extract.lexicon import NAMES

        for a3, forms in NAMES.items():
            for form in forms:
                index.setdefault(_fold(form), a3)
    except ImportError:  # pragma: no cover
        pass
    for code, name in GROUP_NAMES.items():
        index[_fold(name)] = code
        index[_fold(code)] = code
    for a3 in named:
        index[_fold(a3)] = a3
    index.update({"turkey": "TUR", "russian federation": "RUS", "kyrgyzstan": "KGZ", "eu": "EUU"})
    return index


def resolve_country(text: str) -> str | None:
    """A country as a user writes it ("KAZ", "kz", "Kazakhstan", "Ouzbékistan", "Türkiye") -> its alpha-3 code."""
    return _country_index().get(_fold(text))


def scale(unit: str | None, magnitude: float) -> tuple[float, str]:
    """(divisor, word) that writes numbers of this size readably: 3.0e10 USD -> (1e9, "bn")."""
    magnitude = abs(magnitude or 0)
    if unit in ("%", "x"):
        return 1.0, ""
    for div, word in (_TONNE_SCALES if unit == "t" else _SCALES):
        if magnitude >= div:
            return div, word
    return 1.0, ""


def unit_text(unit: str | None, word: str = "", per: str | None = None) -> str:
    """ "bn" + "USD" -> "bn USD"; "Mt" (tonnes scaled); "M m³ per day"."""
    if unit == "t":
        base = word or "t"
    else:
        u = {"m3": "m³", "count": ""}.get(unit or "", unit or "")
        base = " ".join(p for p in (word, u) if p)
    return " ".join(p for p in (base, PER_WORDS.get(per or "", "")) if p)


def number_text(value: float, digits: int = 3) -> str:
    """Plain digits with thousands separators and never an exponent, about `digits` significant digits."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    a = abs(value)
    if a >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    decimals = min(4, max(0, digits - 1 - math.floor(math.log10(a))))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(value: float | None, unit: str | None, per: str | None = None, qualifier: str | None = None,
               measure: str | None = None) -> str:
    """A value as a reader writes it: "3.0 bn USD", "≈ 1.4 Mt", "10 M m³ per day", "+20 %", "×3"."""
    if value is None:
        return ""
    sign = QUALIFIER_SIGNS.get(qualifier or "exact", "")
    if measure == "change_pct" or unit == "%":
        return f"{sign}{value:+,.1f} %".replace(".0 %", " %") if measure == "change_pct" else f"{sign}{number_text(value)} %"
    if measure == "change_factor" or unit == "x":
        return f"{sign}×{number_text(value)}"
    div, word = scale(unit, value)
    shown = value / div
    num = f"{shown:,.1f}".removesuffix(".0") if div > 1 and abs(shown) < 100 else number_text(shown)
    return f"{sign}{num} {unit_text(unit, word, per)}".strip()


def month_span(start: date, end: date) -> str:
    """ "Jan–Jun 2024", "Mar 2024", "Nov 2023–Feb 2024"."""
    if start.year == end.year:
        if start.month == end.month:
            return f"{MONTHS[start.month - 1]} {start.year}"
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
    return f"{MONTHS[start.month - 1]} {start.year}–{MONTHS[end.month - 1]} {end.year}"


def period_text(start: date | None, end: date | None, kind: str | None = None, measure: str | None = None) -> str:
    """A period in words: "2023", "Jan–Jun 2024", "2019–2023", "as of May 2024", "by 2030", "no date"."""
    if start is None and end is None:
        return "no date"
    start = start or end
    end = end or start
    full_years = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    if full_years:
        text = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    elif start == end:
        text = f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    else:
        text = month_span(start, end)
    if measure == "target":
        return f"by {text}"
    if kind == "as_of":
        return f"as of {text}"
    return text


def is_full_year(start: date | None, end: date | None) -> bool:
    return (start is not None and end is not None and start.year == end.year and (start.month, start.day) == (1, 1)
            and (end.month, end.day) == (12, 31))


def review_text(status: str | None, confidence: float | None = None, who: str | None = None,
                when: str | None = None, fields: list[str] | None = None) -> str:
    """A fact's review in words: "not reviewed · confidence 0.62 (low)", "corrected by Aigerim on 2025-06-02:
    partner, period_kind" (docs/review.md)."""
    if status in (None, "extracted"):
        if confidence is None:
            return "not reviewed"
        from corridor.review.confidence import band

        return f"not reviewed · confidence {confidence:.2f} ({band(confidence)})"
    by = f" by {who}" if who else ""
    on = f" on {str(when)[:10]}" if when else ""
    what = f": {', '.join(fields)}" if status == "corrected" and fields else ""
    return f"{status}{by}{on}{what}"
