"""Publication dates: a dateline on the first line ("Tachkent, 22 septembre 2023 —")."""

from __future__ import annotations

import re
from datetime import date

from corridor.extract.periods import MONTHS

_MONTHS = "|".join(MONTHS)
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-ZÀ-Ý][\w'’ -]{{1,40}}?),\s+(?:le\s+)?(?:\w+\s+)?(?P<day>\d{{1,2}})(?:er)?\s+"
    rf"(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\s*[—–-]",
    re.IGNORECASE,
)


def parse_dateline(text: str) -> tuple[date, str] | None:
    first = text.lstrip().split("\n", 1)[0][:120]
    m = DATELINE_RE.match(first)
    if not m:
        return None
    try:
        d = date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
    except ValueError:
        return None
    return d, m.group("place").strip()


def parse_iso_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
