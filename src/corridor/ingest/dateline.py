"""Publication dates: a dateline on the first line ("Tachkent, 22 septembre 2023 —"), or a date line among the
first lines of a page ("date 2024-06", "2013-12-11", "25 Novembre 2024 15:27")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from corridor.extract.periods import DATELINE_RE, MONTHS

_MONTHS = "|".join(MONTHS)


def parse_dateline(text: str) -> tuple[date, str] | None:
    m = DATELINE_RE.match(_first_line(text))
    if not m:
        return None
    try:
        d = date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
    except ValueError:
        return None
    return d, m.group("place").strip()


def _first_line(text: str) -> str:
    return text[:400].lstrip().split("\n", 1)[0][:120]  # a slice first: no copy of a long text


# A dateline's shape whatever its numbers ("Astana, 3 mars 99999 —", "Bakou, 31 février 2024 —"): a date there
# that is no date leaves the article undated, and says so.
_DATELINE_SHAPE = re.compile(rf"^\s*[A-ZÀ-Ý][\w'’ -]{{1,40}}?,\s+(?:le\s+)?(?:\w+\s+)?(?P<day>\d+)(?:er)?\s+"
                             rf"(?P<month>{_MONTHS})\s+(?P<year>\d+)\b", re.IGNORECASE)


def dateline_problem(text: str) -> str | None:
    """Why the date of a first line shaped like a dateline is no date, or None."""
    m = _DATELINE_SHAPE.match(_first_line(text))
    if m is None:
        return None
    try:
        if len(m.group("year")) == 4:
            date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
            return None
    except ValueError:
        pass
    written = m.group(0)[m.start("day"):].strip()
    return f"dateline date {written!r} is not a valid date; the article is undated"


_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_FR = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")  # 11/02/2025: day first, as in French
_WRITTEN_FR = re.compile(rf"\s*(?:\w+\s+)?(\d{{1,2}})(?:er)?\s+({_MONTHS})\s+(\d{{4}})\s*$", re.IGNORECASE)


def parse_date(value: object) -> date | None:
    """A publication date as front matter gives it: ISO ("2025-02-11", with a time or not), French numeric
    ("11/02/2025", day first) or written ("11 février 2025", "mardi 1er avril 2025"); None otherwise."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        if m := _ISO.match(value):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _NUMERIC_FR.match(value):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _WRITTEN_FR.match(value):
            return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None
    return None


# A line that is only a date, near the top of a saved page: "2013-12-11", "25 Novembre 2024 15:27"; or a page that
# opens with "date 2024-06" (a clipping tool's stamp, the text after it on the same line)
_STAMP = re.compile(r"\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b", re.IGNORECASE)
_HEADER_DATE = re.compile(rf"^\s*(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\s*$|"
                          rf"^\s*(?:\w+\s+)?(?P<d2>\d{{1,2}})(?:er)?\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}})"
                          rf"(?:\s+\d{{1,2}}[:h]\d{{2}}.{{0,20}})?\s*$|"
                          # an author's byline with the month first: "Bair Danzanov, avril 25 2024"
                          rf"^[^,\n\d]{{1,40}},\s*(?P<m3>{_MONTHS})\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>\d{{4}})\s*$",
                          re.IGNORECASE)


def parse_header_date(text: str) -> date | None:
    """The date a stamp opening the text, or a line of its own among the first six, states (a month alone dates
    the month's last day)."""
    try:
        if m := _STAMP.match(text):
            y, mo = int(m.group("y")), int(m.group("m"))
            # a month alone: its last day, so that "le 14 décembre" in a page stamped 2022-12 is that December's
            return date(y, mo, int(m.group("d") or calendar.monthrange(y, mo)[1]))
        for line in text[:600].split("\n")[:6]:
            if len(line) <= 60 and (m := _HEADER_DATE.match(line)):
                if m.group("y"):
                    return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                if m.group("y2"):
                    return date(int(m.group("y2")), MONTHS[m.group("m2").lower()], int(m.group("d2")))
                return date(int(m.group("y3")), MONTHS[m.group("m3").lower()], int(m.group("d3")))
    except ValueError:
        return None
    return None
