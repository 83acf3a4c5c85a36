"""Periods in French: "en 2024", "entre janvier et août 2025", "au T1 2023", "l'an dernier", "d'ici 2030".

`find_periods` returns every period expression with its span; relative ones ("l'an dernier",
"cette année") resolve against the publication date, and "de l'année" against the year the
text last named. Dates are ISO strings, inclusive.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain
from typing import NamedTuple

from corridor.extract.cues import CueIndex, anchors_of, cue
from corridor.extract.text import lowered

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
ORDINAL_MONTHS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "premiers": 1,
}
_M = "|".join(MONTHS)
# "Tachkent, 22 septembre 2023 —", "Astana, 3 septembre 2025 (AFP) —": where and when a dispatch was filed
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-ZÀ-Ý][\w'’ -]{{1,40}}?),\s+(?:le\s+)?(?:\w+\s+)?(?P<day>\d{{1,2}})(?:er)?\s+"
    rf"(?P<month>{_M})\s+(?P<year>\d{{4}})\s*(?:\([^()\n]{{1,30}}\)\s*)?[—–-]",  # "(AFP) —": the agency
    re.IGNORECASE,
)
_Y = r"(?:19[89]\d|20[0-4]\d)"
_REL_YEAR = (r"l['’]an(?:née)?\s+(?:dernier|dernière|passée?|précédente|écoulée)|cette\s+année|l['’]an(?:née)?\s+prochaine?|"
             r"de\s+l['’]année(?!\s+(?:précédente|dernière|passée|prochaine|suivante|écoulée))")


class Period(NamedTuple):  # a tuple: immutable and several times cheaper to make than a frozen dataclass
    start: int
    end: int
    kind: str  # year | months | cumulative | as_of
    period_start: str | None
    period_end: str | None
    is_target_year: bool = False  # "d'ici 2030"


def _ym_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _months(y: int, m1: int, m2: int) -> tuple[str, str]:
    return f"{y:04d}-{m1:02d}-01", _ym_end(y, m2)


PATTERNS = [
    # cumulative spans: "de 2019 à 2023", "entre 2019 et 2023"
    ("span", rf"\b(?:de|entre)\s+(?P<y1>{_Y})\s+(?:à|et)\s+(?P<y2>{_Y})\b"),
    # "sur la période 2019-2023" (a bare "2022-2027" names a plan, not a period)
    ("span", rf"\b(?:sur|pour|durant|pendant|au\s+cours\s+de)\s+la\s+période\s+(?:de\s+)?(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>{_Y})\b"),
    # month ranges: "entre janvier et août 2025", "de janvier à mai", "d'octobre à décembre 2023"
    ("month_range",
     rf"\b(?:entre|de|d['’])\s*(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?\s+(?:et|à)\s+(?:fin\s+)?(?P<m2>{_M})"
     rf"(?:\s+(?P<y>{_Y})|\s+(?:de\s+)?(?P<rel>{_REL_YEAR}))?"),
    # "les neuf premiers mois de 2024", "les onze premiers mois de l'année"
    # "janvier-mars 2024"
    ("month_range", rf"\b(?P<m1>{_M})\s*[-–]\s*(?P<m2>{_M})(?:\s+(?P<y>{_Y})|\s+(?:de\s+)?(?P<rel>{_REL_YEAR}))?"),
    ("first_months",
     rf"\b(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|\d{{1,2}})\s+premiers\s+mois"
     rf"(?:\s+(?:de\s+)?(?P<y>{_Y})|\s+(?:de\s+)?(?P<rel>{_REL_YEAR}))?"),
    # "pour 9 mois de 2025", "sur les dix mois de l'année" (translated dispatches): the first months of that year
    ("first_months",
     rf"\b(?:pour|sur|durant)\s+(?:les\s+)?(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|\d{{1,2}})\s+mois\s+"
     rf"(?:de\s+|d['’])?(?:(?P<y>{_Y})|(?P<rel>{_REL_YEAR}))"),
    # "les exportations sur quatre mois se sont élevées à …" in a dispatch of May: the year's first months
    ("first_months",
     r"\b(?:sur|durant|pour)\s+(?:les\s+)?(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|\d{1,2})\s+"
     r"(?:premiers\s+)?mois\b(?!\s+(?:de|d['’]|derniers|suivants|précédents|prochains))"),
    ("half", rf"\b(?:(?P<which>premier|second|deuxième|1er)\s+semestre|s(?P<s>[12])\b)(?:\s+(?:de\s+)?(?P<y>{_Y})|\s+(?:de\s+)?(?P<rel>{_REL_YEAR}))?"),
    ("quarter",
     rf"\b(?:t(?P<q>[1-4])|(?P<qw>premier|deuxième|second|troisième|quatrième|dernier)\s+trimestre)"
     rf"(?:\s+(?:de\s+)?(?P<y>{_Y})|\s+(?:de\s+)?(?P<rel>{_REL_YEAR}))?"),
    # "au 1er janvier 2025": a stock at that date
    ("at_date", rf"\bau\s+(?P<d>1er|\d{{1,2}})\s+(?P<m>{_M})\s+(?P<y>{_Y})\b"),
    ("month", rf"\b(?:en\s+|de\s+|d['’])?(?P<m>{_M})\s+(?P<y>{_Y})\b"),
    # "en mars dernier": the last March before the publication
    ("month_last", rf"\b(?:en\s+)?(?P<m>{_M})\s+dernier\b"),
    # "le mois dernier": the month before the publication's
    ("last_month", r"\bmois\s+dernier\b"),
    # "au cours des douze derniers mois": the whole months before the publication's
    ("last_months", r"\b(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\d{1,2})\s+derniers\s+mois\b"),
    # "en janvier", "au mois de mars" with no year: the latest such month up to the publication
    ("month_bare", rf"\b(?:en|au\s+mois\s+d['’]|au\s+mois\s+de)\s*(?P<m>{_M})\b(?!\s*(?:[-–]|{_Y}|dernier|prochain))"),
    # "à fin mars (2024)": the year up to the end of that month; "depuis janvier": from it to the publication
    ("to_month_end", rf"\b(?:à\s+)?fin\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}))?\b"),
    ("since_month", rf"\bdepuis\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}))?\b(?!\s+dernier)"),
    # "d'ici trois ans": a goal that many years after the publication
    ("target_in", r"\bd['’]ici\s+(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2})\s+ans\b"),
    ("target_year", rf"\b(?:d['’]ici|(?:à\s+l['’])?horizon)\s+(?:(?:à|la\s+fin\s+de|fin|de)\s+)?(?P<y>{_Y})\b"),
    ("whole_year", rf"\b(?:sur\s+)?l['’]ensemble\s+de\s+(?:l['’]année\s+)?(?P<y>{_Y})\b"),
    ("whole_rel", r"\bl['’]ensemble\s+de\s+l['’]année\b"),
    ("fin_year", rf"\bfin\s+(?P<y>{_Y})\b"),
    # (not a split year, "l'exercice 2024-2025", "la campagne 2023/2024": a season the text does not date to a year)
    ("year", rf"\b(?:en|pour|au\s+cours\s+de|durant|sur|exercice(?:\s+budgétaire)?)\s+(?:l['’]année\s+)?(?P<y>{_Y})\b"
             rf"(?!\s?[-–/]\s?\d)"),
    # "depuis le début de l'année": the year so far, up to the publication date
    ("year_to_date", r"\bdepuis\s+le\s+début\s+de\s+(?:l['’]année|cette\s+année)\b"),
    ("rel", rf"\b(?P<rel>{_REL_YEAR})\b"),
    ("cumulative",
     r"\bdepuis\s+(?:l['’]indépendance|sa\s+mise\s+en\s+service|son\s+(?:arrivée|accession)|le\s+début\s+des"
     r"|sa\s+création|leur|l['’]ouverture|l['’]établissement)"
     r"|\bau\s+cours\s+des\s+(?:années|\w+\s+dernières\s+années)|\bcumulé(?:e|s|es)?\b"
     r"|\ben\s+(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)\s+ans\b|\bdepuis\s+\d+\s+ans\b"
     rf"|\bdepuis\s+(?:le\s+début\s+de\s+)?{_Y}\b"),
    ("same", r"\b(?:sur|pour|durant)\s+la\s+même\s+période\b"),
    # "contre 900 000 tonnes un an plus tôt": the period just named, a year before
    ("year_earlier", r"\b(?:un|(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2}))\s+ans?\s+(?:plus\s+tôt|auparavant)\b"),
    ("as_of", r"\bactuellement\b|\baujourd['’]hui\b|\bs['’]élèvent\b|\bs['’]élève\b|\bstock\b"),
]
# Group names repeat across patterns: one scan without names finds spans, then each span is
# matched again by the pattern that fits it (a scan with a capturing group per alternative runs 4x
# slower in `re`). All are matched on lowered text (text.lowered): without IGNORECASE the scan is
# several times faster.
_COMPILED = [(kind, re.compile(pat)) for kind, pat in PATTERNS]
# Every pattern starts at the start of a word: the look-behind, tested once per position, spares
# `re` trying each alternative's own \b there (a third faster).
_ANY = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', p)})" for _, p in PATTERNS) + ")")

# Where a period phrase can start, found with the article's other cues in one pass (cues.py): the
# scan of each sentence with `_ANY` then runs only there. Anchors as short as "t" (of "t[1-4]"), "de"
# or "entre" would stop at thousands of words ("tous", "demande", "entreprises"), so the longer ones
# the phrases begin with stand in for them ("de " and "de" glued to a month, as `\s*` allows).
_SHORT = {"t": ("t1", "t2", "t3", "t4", "troisième", "trois "),
          # "de 2019 à 2023", "de janvier à mai", "de l'année"
          "de": ("de 19", "de 20", "de l'année", "deux", "deuxième", "dernier", "depuis", "decembre",
                 *(f"de{sep}{m}" for m in MONTHS for sep in ("", " "))),
          "entre": ("entre ", *(f"entre{m}" for m in MONTHS)),
          "au ": (*(f"au {d}" for d in "0123456789"), "au cours", "au mois"),  # "au 1er janvier 2025", "au cours de 2024"
          "mai": ("mai ", "mai-", "mai–"),  # not "mais"
          # "en 2024", "en l'année 2024", "en mars 2024", "en mars dernier", "en cinq ans", "en 10 ans"
          "en ": (*(f"en {d}" for d in "0123456789"), "en l'année", *(f"en {m}" for m in MONTHS),
                  *(f"en {n} " for n in ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")))}
PERIOD_CUE = cue("period", _ANY, sorted(x for a in anchors_of(_ANY.pattern) for x in _SHORT.get(a, (a,))),
                 word_start=True)

# Years that name a comparison base or a founding date, not the period of the figure.
NOT_PERIOD_BEFORE = re.compile(
    r"(?:par\s+rapport\s+(?:à|au|aux)|comparé\s+(?:à|au)|celui\s+de|celle\s+de|niveau\s+de|depuis|à\s+partir(?:\s+d[eu])?|"
    r"(?:fondée?|créée?|signée?s?|inauguré|adoptée?|conclue?)(?:\s+en)?|contre|\bque(?:\s+(?:en|l['’]an))?|qu['’]|"
    r"même\s+période(?:\s+de)?)\s*(?:l['’]année\s+|le\s+|la\s+|les\s+)?$",
)


def _rel_year(rel: str, pub: date | None, context_year: int | None) -> int | None:
    y = _rel_year_unchecked(rel, pub, context_year)
    return y if y is not None and 1900 <= y <= 2100 else None


def _rel_year_unchecked(rel: str, pub: date | None, context_year: int | None) -> int | None:
    r = rel.lower().replace("’", "'")
    if r.startswith("de l'année"):
        return context_year or (pub.year if pub else None)
    if pub is None:
        return None
    if "dernier" in r or "dernière" in r or "pass" in r or "précédente" in r or "écoulée" in r:
        return pub.year - 1
    if "prochain" in r:
        return pub.year + 1
    return pub.year


def _year(m: re.Match[str], pub: date | None, context_year: int | None) -> int | None:
    if m.groupdict().get("y"):
        return int(m.group("y"))
    if m.groupdict().get("rel"):
        return _rel_year(m.group("rel"), pub, context_year)
    return _rel_year("de l'année", pub, context_year)


def _resolve(kind: str, m: re.Match[str], pub: date | None, cy: int | None) -> Period | None:
    s, e = m.start(), m.end()
    if kind == "span":
        return Period(s, e, "cumulative", f"{m.group('y1')}-01-01", f"{m.group('y2')}-12-31")
    if kind == "month_range":
        # "de janvier à mai" with no year: this year, as the reader of the day understands it.
        y = _year(m, pub, cy) if (m.group("y") or m.group("rel") or pub is None) else _rel_year("cette année", pub, cy)
        if y is None:
            return None
        a, b = _months(y, MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()])
        return Period(s, e, "months", a, b)
    if kind == "first_months":
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else ORDINAL_MONTHS[n]
        y = _year(m, pub, cy)
        if y is None or not 1 <= count <= 12:
            return None
        a, b = _months(y, 1, count)
        return Period(s, e, "months", a, b)
    if kind == "half":
        y = _year(m, pub, cy)
        if y is None:
            return None
        first = m.group("s") == "1" if m.group("s") else m.group("which").lower() in ("premier", "1er")
        a, b = _months(y, 1, 6) if first else _months(y, 7, 12)
        return Period(s, e, "months", a, b)
    if kind == "quarter":
        y = _year(m, pub, cy)
        if y is None:
            return None
        q = int(m.group("q")) if m.group("q") else {"premier": 1, "deuxième": 2, "second": 2,
                                                    "troisième": 3, "quatrième": 4, "dernier": 4}[m.group("qw").lower()]
        a, b = _months(y, 3 * q - 2, 3 * q)
        return Period(s, e, "months", a, b)
    if kind == "at_date":
        day = 1 if m.group("d") == "1er" else int(m.group("d"))
        try:
            d = date(int(m.group("y")), MONTHS[m.group("m")], day).isoformat()
        except ValueError:
            return None
        return Period(s, e, "as_of", d, d)
    if kind == "month":
        y, mo = int(m.group("y")), MONTHS[m.group("m").lower()]
        a, b = _months(y, mo, mo)
        return Period(s, e, "months", a, b)
    if kind == "last_months":
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else 12 if n == "douze" else ORDINAL_MONTHS.get(n)
        if pub is None or not count or count > 36:
            return None
        last = pub.year * 12 + pub.month - 2  # the month before the publication's, counted from year 0
        first = last - count + 1
        a, _ = _months(first // 12, first % 12 + 1, first % 12 + 1)
        _, b = _months(last // 12, last % 12 + 1, last % 12 + 1)
        return Period(s, e, "months", a, b)
    if kind == "last_month":
        if pub is None:
            return None
        y, mo = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        a, b = _months(y, mo, mo)
        return Period(s, e, "months", a, b)
    if kind in ("month_last", "month_bare", "to_month_end", "since_month"):
        mo = MONTHS[m.group("m").lower()]
        if m.groupdict().get("y"):
            y = int(m.group("y"))
        elif pub is None:
            return None
        else:  # the latest such month up to the publication (the current one counts, but not for "dernier")
            y = pub.year if mo < pub.month or (mo == pub.month and kind != "month_last") else pub.year - 1
        if kind in ("month_last", "month_bare"):
            a, b = _months(y, mo, mo)
        elif kind == "to_month_end":
            a, b = _months(y, 1, mo)
        else:
            if pub is None:
                return None
            return Period(s, e, "months", f"{y:04d}-{mo:02d}-01", pub.isoformat())
        return Period(s, e, "months", a, b)
    if kind == "target_in":
        n = m.group("n")
        years = int(n) if n.isdigit() else ORDINAL_MONTHS[n]  # the same number words
        if pub is None:
            return Period(s, e, "year", None, None, is_target_year=True)
        y = pub.year + years
        return Period(s, e, "year", f"{y}-01-01", f"{y}-12-31", is_target_year=True)
    if kind == "target_year":
        y = int(m.group("y"))
        return Period(s, e, "year", f"{y}-01-01", f"{y}-12-31", is_target_year=True)
    if kind in ("whole_year", "fin_year", "year"):
        y = int(m.group("y"))
        return Period(s, e, "year", f"{y}-01-01", f"{y}-12-31")
    if kind == "year_to_date":
        if pub is None:
            return Period(s, e, "months", None, None)
        return Period(s, e, "months", f"{pub.year:04d}-01-01", pub.isoformat())
    if kind in ("whole_rel", "rel"):
        y = _rel_year(m.groupdict().get("rel") or "cette année", pub, cy)
        if y is None:
            return Period(s, e, "year", None, None)
        return Period(s, e, "year", f"{y}-01-01", f"{y}-12-31")
    if kind == "cumulative":
        return Period(s, e, "cumulative", None, None)
    if kind == "as_of":
        return Period(s, e, "as_of", None, None)
    if kind == "same":
        return Period(s, e, "same", None, None)
    return None


def _year_earlier(last: Period | None, context_year: int | None, back: int = 1) -> Period | None:
    """'un an plus tôt', 'cinq ans plus tôt': the last dated period of the sentence moved back that many years
    (else the year that many before the one the text is about)."""
    if last is None:
        if context_year is None:
            return None
        y = context_year - back
        return Period(0, 0, "year", f"{y}-01-01", f"{y}-12-31")
    start, end = date.fromisoformat(last.period_start), date.fromisoformat(last.period_end)  # type: ignore[arg-type]
    a = f"{start.year - back:04d}-{start.month:02d}-01" if start.day == 1 else _back_years(start, back)
    b = _ym_end(end.year - back, end.month) if end.day == calendar.monthrange(end.year, end.month)[1] \
        else _back_years(end, back)
    return Period(0, 0, last.kind, a, b)


def _back_years(d: date, back: int) -> str:
    y = d.year - back
    return d.replace(year=y, day=min(d.day, calendar.monthrange(y, d.month)[1])).isoformat()


def find_periods(text: str, pub: date | None, context_year: int | None = None,
                 offset: int = 0) -> list[Period]:
    """Period expressions in `text` (offsets shifted by `offset`), left to right, non-overlapping."""
    low = lowered(text)  # a no-op on text already lowered
    return [p._replace(start=p.start + offset, end=p.end + offset)
            for p in _periods(low, 0, _ANY.finditer(low), pub, context_year)]


def periods_between(low: str, lo: int, hi: int, pub: date | None,
                    context_year: int | Callable[[], int | None] | None = None,
                    cues: CueIndex | None = None) -> list[Period]:
    """`find_periods` of the lowered text between `lo` and `hi` (a sentence), offsets in `low`.
    `context_year` may be a function: it is called only if the sentence has a period phrase.
    `cues`: the article's cue index (of `low`), to look only where a period phrase can start."""
    found = _ANY.finditer(low, lo, hi) if cues is None else cues.finditer(PERIOD_CUE, lo, hi)
    first = next(found, None)
    if first is None:
        return []
    if callable(context_year):
        context_year = context_year()
    return _periods(low, lo, chain((first,), found), pub, context_year)


def _periods(low: str, lo: int, found: Iterator[re.Match[str]], pub: date | None,
             context_year: int | None) -> list[Period]:
    out: list[Period] = []
    for m in found:
        span = m.group(0)
        for kind, rx in _COMPILED:
            mm = rx.fullmatch(span)
            if mm is None:
                continue
            if kind == "year_earlier":
                if NOT_PERIOD_BEFORE.search(low, max(lo, m.start() - 40), m.start()):
                    break  # "8,3 % de plus qu'un an auparavant": the base of a change, not its period
                n = mm.group("n")
                back = 1 if not n else int(n) if n.isdigit() else ORDINAL_MONTHS.get(n, 1)
                p = _year_earlier(next((q for q in reversed(out) if q.period_start), None), context_year, back)
                if p is not None:
                    out.append(p._replace(start=m.start(), end=m.end()))
                break
            if kind not in ("cumulative", "as_of", "target_year", "target_in") and \
                    NOT_PERIOD_BEFORE.search(low, max(lo, m.start() - 40), m.start()):
                break
            p = _resolve(kind, mm, pub, context_year)
            if p is not None:
                out.append(Period(p.start + m.start(), p.end + m.start(), p.kind, p.period_start, p.period_end,
                                  p.is_target_year))
                if p.period_start:
                    context_year = int(p.period_end.split("-")[0])  # type: ignore[union-attr]
            break
    return out


YEAR_RE = re.compile(rf"\b{_Y}\b")
