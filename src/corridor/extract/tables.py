"""Figures in tables: "| Chine | 41 012 | 43 821 |" under "(en millions de dollars)".

A cell holds a bare number; the caption (the line above the table, or a one-cell row of it) and the header
say its unit and scale and what it measures, the row label names the other country, and a year in the
column's header is the period. Markdown pipe tables, and HTML tables as the reader renders them (the same
pipes). The fact extractor turns each `Cell` into a fact; this module only reads the grid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from corridor.extract import lexicon, numbers
from corridor.extract.lexicon import Mention

_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_SEPARATOR = re.compile(r"[\s|:-]*-{3,}[\s|:-]*")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_NUMBER_CELL = re.compile(r"[-+−–]?\s*\d[\d \u00a0\u202f.,]*[*†]?")  # "530*": a footnote mark
# "(en millions de dollars)", "en milliards de m³", "(M$)", "(Mt)": the scale and unit of every number cell
_SCALED_UNIT = re.compile(
    r"\b(?:milliers|millions?|milliards?)\s+(?:de\s+|d')?(?:dollars(?:\s+américains)?|euros|tonnes|mètres\s+cubes|"
    r"barils|evp|usd|eur|m3|m³)|\b(?:m|md|mds)\s?[$€]|\bmt\b")
_CHANGE_HEADER = re.compile(r"variation|évolution|croissance|%")
_TOTAL_LABEL = re.compile(r"\s*(?:total|ensemble|monde|tous\s+pays)\b")
# an inbound table ("investissements étrangers au Kazakhstan par pays d'origine"): the row invests
_INBOUND = re.compile(r"étrangers|reçus|entrants|origine")


class Cell(NamedTuple):
    start: int  # offsets of the number in the article text
    end: int
    table_start: int  # the caption and table: where their source is named ("Source : Bureau des statistiques")
    table_end: int
    value: float  # normalised (scale applied); a change in percent for change columns
    unit: str
    measure: str  # level | change_pct
    indicator: str
    reporter: str
    partner: str | None
    year: int | None


Mentions = Callable[[int, int], list[Mention]]  # the article's country mentions between two offsets


def table_cells(text: str, low: str, mentions: Mentions, article_ranked: list[str],
                indicator_of: Callable[[str, str], str | None]) -> list[Cell]:
    """Every number cell of every table in `text` whose unit and indicator the caption or header state.
    `mentions(lo, hi)` gives the country mentions in a span (the fact extractor's `mentions_between`);
    `indicator_of(lowered caption, unit)` names what a caption measures (the fact extractor's keywords)."""
    if "|" not in text:
        return []
    out: list[Cell] = []
    for block in _blocks(text):
        out += _read(text, low, block, mentions, article_ranked, indicator_of)
    return out


def _blocks(text: str) -> list[list[re.Match[str]]]:
    """Runs of consecutive pipe rows."""
    blocks: list[list[re.Match[str]]] = []
    for m in _ROW.finditer(text):
        if blocks and text[blocks[-1][-1].end():m.start()] == "\n":
            blocks[-1].append(m)
        else:
            blocks.append([m])
    return [b for b in blocks if len(b) >= 2]


def _cells(text: str, row: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of each cell's stripped content, in text offsets."""
    line = row.group(0)
    first = row.start() + line.index("|")
    last = row.start() + line.rindex("|")
    out = []
    pos = first + 1
    while pos <= last:
        nxt = text.find("|", pos, last + 1)
        if nxt < 0:
            break
        s, e = pos, nxt
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        pos = nxt + 1
    return out


def _read(text: str, low: str, block: list[re.Match[str]], mentions: Mentions,
          article_ranked: list[str], indicator_of: Callable[[str, str], str | None]) -> list[Cell]:
    rows = [r for r in block if not _SEPARATOR.fullmatch(r.group(0))]
    grid = [_cells(text, r) for r in rows]
    # the caption: the line right above the table and any one-cell row ("| Principaux partenaires ... |  |  |")
    above_end = block[0].start() - 1
    above_start = text.rfind("\n", 0, max(0, above_end - 1)) + 1
    while above_start > 0 and not text[above_start:above_end].strip():  # a blank line between
        above_end = above_start - 1
        above_start = text.rfind("\n", 0, max(0, above_end - 1)) + 1
    # a caption does not end as a sentence does ("Principaux partenaires (en millions de dollars)")
    above = [(above_start, above_end)] if 0 < above_end - above_start < 300 \
        and not text[above_start:above_end].rstrip().endswith(".") else []
    inner = [cells[0] for cells in grid if len([c for c in cells if c[1] > c[0]]) == 1]
    caption_spans = inner + above
    # the header: the first row whose other cells are labels or years, not figures
    header_i = next((i for i, cells in enumerate(grid)
                     if len(cells) >= 2 and any(e > s for s, e in cells[1:])
                     and not any(_is_number(text, s, e) and not _YEAR.fullmatch(text, s, e) for s, e in cells[1:])),
                    None)
    if header_i is None:
        return []
    header = grid[header_i]
    caption = " ".join(low[s:e] for s, e in inner + header + above)
    # with no unit in the caption, only cells that state their own count ("| Chine | 43,8 milliards de dollars |")
    scale, unit = _scaled_unit(caption) or (1.0, None)
    indicator = indicator_of(caption, unit) if unit is not None else None
    if unit is not None and indicator is None:
        return []  # GDP, a budget: not a trade figure
    own = [m.code for s, e in caption_spans for m in mentions(s, e)
           if m.code not in lexicon.GROUPS or m.code == "EUU"]
    reporter = own[0] if own else (article_ranked[0] if article_ranked else None)
    if reporter is None:
        return []
    years = [_year(low[s:e]) for s, e in header]
    change = [bool(_CHANGE_HEADER.search(low[s:e])) and y is None for (s, e), y in zip(header, years, strict=True)]
    latest = max((y for y in years if y), default=None)
    inbound = indicator == "investment" and _INBOUND.search(caption) is not None
    span = (min([block[0].start(), *(s for s, _ in caption_spans)]), block[-1].end())
    # "| Année | Kazakhstan | Kirghizstan |" then "| 2023 | 4 810 | 1 240 |": countries across, years down
    across = [_side(low, mentions, s, e) for s, e in header]
    transposed = not any(years[1:]) and any(across[1:])
    out = []
    for cells in grid[header_i + 1:]:
        if len(cells) < 2 or cells[0][1] <= cells[0][0]:
            continue
        ls, le = cells[0]
        row_year = _year(low[ls:le]) if transposed else None
        row_side = None if transposed else _side(low, mentions, ls, le)
        if not transposed and any(years[1:]) and (row_side is None or _SCALED_UNIT.search(low, ls, le)
                                                  or _COUNT_LABEL.search(low, ls, le)):
            out += _indicator_row(text, low, cells, years, span, (scale, unit), own, mentions, article_ranked,
                                  indicator_of)
            continue
        if (row_year if transposed else row_side) is None:
            continue
        for k, (s, e) in enumerate(cells[1:], start=1):
            if k >= len(header) or e <= s:
                continue
            side, year = (across[k], row_year) if transposed else (row_side, years[k])
            if side is None or side == reporter:
                continue
            partner = side or None  # "" for a total row: the reporter's own figure
            sides = (partner, reporter) if inbound and partner else (reporter, partner)
            if not _is_number(text, s, e):
                # "| Chine | 43,8 milliards de dollars |": a cell that states its own unit
                own_q = numbers.find_quantities(text[s:e])
                own_ind = indicator_of(caption, own_q[0].unit) if len(own_q) == 1 and own_q[0].unit else None
                if own_ind is not None and own_q[0].unit != "%" and year is not None:
                    out.append(Cell(s + own_q[0].start, s + own_q[0].end, span[0], span[1], own_q[0].value,
                                    own_q[0].unit, "level", own_ind, sides[0], sides[1], year))
                continue
            if unit is None or indicator is None:
                continue
            try:
                v = _parse(text[s:e])
            except ValueError:
                continue
            e = s + len(text[s:e].rstrip("*† "))  # "530*": the footnote mark is not the figure's
            if change[k] and not transposed:
                out.append(Cell(s, e, span[0], span[1], v, "%", "change_pct", indicator, sides[0], sides[1], latest))
            elif year is not None:
                out.append(Cell(s, e, span[0], span[1], float(f"{v * scale:.15g}"), unit, "level", indicator,
                                sides[0], sides[1], year))
    return out


_COUNT_LABEL = re.compile(r"\b(?P<companies>entreprises|sociétés|compagnies|coentreprises)\b|\b(?P<agreements>accords|documents)\b")


def _indicator_row(text: str, low: str, cells: list[tuple[int, int]], years: list[int | None], span: tuple[int, int],
                   caption_unit: tuple[float, str | None], caption_sides: list[str], mentions: Mentions,
                   article_ranked: list[str], indicator_of: Callable[[str, str], str | None]) -> list[Cell]:
    """'| Commerce bilatéral (M$) | 210,6 | 276,0 |' under '| Indicateur | 2023 | 2024 |': the row label says what
    is measured (and its unit), the columns the year; the sides are those the label, the caption or the article
    name."""
    ls, le = cells[0]
    label = low[ls:le]
    own_unit = _scaled_unit(label)
    count = _COUNT_LABEL.search(label)
    if own_unit:
        scale, unit = own_unit
        indicator = indicator_of(label, unit)
    elif count:
        scale, unit, indicator = 1.0, "count", count.lastgroup
    else:
        scale, unit = caption_unit
        indicator = indicator_of(label, unit) if unit is not None else None
    if unit is None or indicator is None:
        return []
    named = [m for m in mentions(ls, le) if m.code not in lexicon.GROUPS or m.code == "EUU"]
    if indicator == "companies":
        # "Entreprises à capitaux azerbaïdjanais en Ouzbékistan": the nationality of the capital, where registered
        capital = next((m.code for m in named if m.kind in ("demonym", "compound")), None)
        where = next((m.code for m in named if m.code != capital), None)
        if capital is None or where is None:
            return []
        sides = [capital, where]
    else:
        sides = list(dict.fromkeys([m.code for m in named] + caption_sides + article_ranked))[:2]
    if len(sides) < 2:
        return []
    out = []
    for k, (s, e) in enumerate(cells[1:], start=1):
        if k >= len(years) or years[k] is None or not _is_number(text, s, e):
            continue
        try:
            v = _parse(text[s:e])
        except ValueError:
            continue
        e = s + len(text[s:e].rstrip("*† "))
        out.append(Cell(s, e, span[0], span[1], float(f"{v * scale:.15g}"), unit, "level", indicator,
                        sides[0], sides[1], years[k]))
    return out


def _scaled_unit(label: str) -> tuple[float, str] | None:
    """The scale and unit a caption or label states ("(en millions de dollars)" -> (1e6, "USD")), if any."""
    m = _SCALED_UNIT.search(label)
    q = numbers.find_quantities("1 " + m.group(0).replace("milliers", "mille")) if m else []
    return (q[0].value, q[0].unit) if q and q[0].unit is not None else None


def _side(low: str, mentions: Mentions, s: int, e: int) -> str | None:
    """The country a row label or column header names, "" for a total, None for anything else."""
    named = [m.code for m in mentions(s, e) if m.code not in lexicon.GROUPS or m.code == "EUU"]
    if named:
        return named[0]
    return "" if e > s and _TOTAL_LABEL.match(low, s) else None


def _year(header: str) -> int | None:
    found = _YEAR.findall(header)
    return int(found[0]) if len(found) == 1 else None


def _is_number(text: str, s: int, e: int) -> bool:
    return e > s and _NUMBER_CELL.fullmatch(text, s, e) is not None


def _parse(cell: str) -> float:
    sign = -1.0 if cell[0] in "-−–" else 1.0
    return sign * numbers.parse_number(cell.lstrip("-+−– ").rstrip("*† "))
