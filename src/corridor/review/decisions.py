"""Decisions from a notebook: corridor.confirm / correct / reject / add write the entry `corridor review` would
(the same file, the same key: the article and the evidence span, never the fact_id). The next `corridor build`
applies them.

    import corridor
    f = corridor.facts(min_confidence=0, country="KAZ").sort("confidence").row(0, named=True)
    corridor.correct(f, partner="CHN", note="the buyer is China, named in the sentence before")
    corridor.reject("17c93978eafd37dd", note="a contract's volume, not a flow")
    corridor.add("003_x.txt", "sa septième visite", indicator="visits", measure="level", reporter="AZE",
                 partner="KAZ", value=7, unit="count")
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corridor.review import entries
from corridor.review.apply import Lookup, anchor, corrections_path

# what an entry records of the reading the person saw (`was`): enough to tell two facts of one span apart
WAS = ("indicator", "measure", "reporter", "partner", "value", "unit", "period_start", "period_end")

FactRef = str | Mapping[str, Any]


def confirm(fact: FactRef, note: str = "", who: str | None = None, db: Path | str | None = None,
            corrections: Path | str | None = None) -> dict:
    """The extractor read this fact right. `fact`: its fact_id, or a row of corridor.facts() (a dict)."""
    return _decide("confirm", fact, note, who, db, corrections)


def reject(fact: FactRef, note: str = "", who: str | None = None, db: Path | str | None = None,
           corrections: Path | str | None = None) -> dict:
    """Not a fact (the facts view leaves it out; the extractor's row stays in extracted_facts)."""
    return _decide("reject", fact, note, who, db, corrections)


def correct(fact: FactRef, note: str = "", who: str | None = None, db: Path | str | None = None,
            corrections: Path | str | None = None, **fields: Any) -> dict:
    """Set fields of the fact (`partner="CHN"`, `period_kind="as_of"`, `value=4.1e9`); ValueError when a value
    is not one the fact record allows."""
    if not fields:
        raise ValueError("correct what? give fields, e.g. correct(fact, partner='CHN')")
    entries.coerce_all(fields)
    return _decide("correct", fact, note, who, db, corrections, fields)


def add(article: str, evidence: str, span: tuple[int, int] | None = None, note: str = "", who: str | None = None,
        db: Path | str | None = None, corrections: Path | str | None = None, **fields: Any) -> dict:
    """A fact the extractor missed: `evidence` is the text stating it in `article` (its name, as facts show it);
    `span` says which occurrence when the text holds it more than once. Fields: indicator, measure, reporter,
    value, unit at least."""
    missing = [k for k in entries.REQUIRED_TO_ADD if fields.get(k) is None]
    if missing:
        raise ValueError(f"add needs {', '.join(missing)}")
    entries.coerce_all(fields)
    from corridor.analyse.api import Warehouse

    probe = entries.Entry(number=0, raw={}, article=article, evidence=evidence)
    with Warehouse(db) as wh:
        found = Lookup(wh).articles([probe]).get(0)
    if not isinstance(found, list):
        raise ValueError(found or f"no article {article!r}")
    [text] = found
    at = anchor(text.text, evidence, tuple(span) if span else None)
    if at is None:
        n = text.text.count(evidence)
        raise ValueError(f"«{evidence}» is not in {text.name}" if n == 0 else
                         f"«{evidence}» occurs {n} times in {text.name}: give span=(start, end)")
    entry = entries.record("add", text.name, text.article_id, at, evidence, who, note, fields=fields)
    entries.append(corrections_path(db, corrections), entry)
    return entry


def _decide(action: str, fact: FactRef, note: str, who: str | None, db: Path | str | None,
            corrections: Path | str | None, fields: dict | None = None) -> dict:
    row = _fact(fact, db)
    entry = entries.record(action, row["article"], row["article_id"], (row["char_start"], row["char_end"]),
                           row["evidence"], who, note, fields=fields, was={k: row.get(k) for k in WAS
                                                                            if row.get(k) is not None})
    entries.append(corrections_path(db, corrections), entry)
    return entry


def _fact(fact: FactRef, db: Path | str | None) -> dict:
    """The fact as the warehouse holds it now (a row's own copy may be older)."""
    fact_id = fact if isinstance(fact, str) else fact.get("fact_id")
    if not fact_id:
        raise ValueError("give a fact_id or a row of corridor.facts() (with its fact_id)")
    from corridor.analyse.api import Warehouse

    with Warehouse(db) as wh:
        rows = wh.sql("select * from facts where fact_id = ?", [fact_id]).pl().to_dicts()
    if not rows:
        raise ValueError(f"no fact {fact_id} in the warehouse (rebuilt since? its id changes with the reading)")
    return rows[0]

