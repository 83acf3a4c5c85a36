"""Corrections applied at build: each entry of the file found again in this build's articles and folded, in
file order, over the extractor's facts; the result is written to `corrections` (one row per entry and what
became of it) and `reviewed_facts` (one row per fact a person decided about), inside the build's transaction.
The extractor's own rows (extracted_facts) are never touched; the `facts` view reads these over them.

Finding an entry again (docs/review.md):
- the article: by the name facts show (`003_x.txt`; a name under another build root, `articles/003_x.txt`, is
  the same file), else by `article_id` (the hash of the text it was decided on: a renamed file);
- the span: `evidence` at `span` when the text there is still it; else the occurrence of `evidence` nearest
  to `span` (an edit elsewhere in the article moved it); none, and the span is gone (`span_missing`);
- the fact: the fact whose span is the entry's, else the one overlapping it most (a new extractor version may
  cut the span otherwise); `was` (the reading the person saw) breaks ties.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from corridor.review import confidence as scale
from corridor.review.entries import (
    ADD_DEFAULTS,
    FIELDS,
    REQUIRED_TO_ADD,
    CorrectionsFileError,
    Entry,
    coerce_all,
    load,
    parse,
)

DEFAULT_NAME = "corrections.yaml"
ADDED_VERSION = "review"  # extractor_version of a fact a person added
COMPARED = (*FIELDS, "char_start", "char_end")
FAILURES = ("invalid", "article_missing", "span_missing", "fact_missing")


def corrections_path(db: Path | str | None = None, given: Path | str | None = None) -> Path:
    """The corrections file of a warehouse: `given`, else CORRIDOR_CORRECTIONS, else beside the warehouse,
    named after it: data/corrections.yaml for the default data/corridor.duckdb, data/press.corrections.yaml for
    data/press.duckdb (a second warehouse in data/ never takes the bundled corpus's decisions)."""
    if given:
        return Path(given)
    if os.environ.get("CORRIDOR_CORRECTIONS"):
        return Path(os.environ["CORRIDOR_CORRECTIONS"])
    from corridor.resources import DEFAULT_DB, find_warehouse

    db = find_warehouse(db)
    return db.parent / (DEFAULT_NAME if db.stem == DEFAULT_DB.stem else f"{db.stem}.{DEFAULT_NAME}")


@dataclass(slots=True)
class Text:
    article_id: str
    name: str
    text: str


@dataclass(slots=True)
class _Fact:
    """A fact as the fold leaves it: the extractor's row (`base`, None for an added fact) and its fields now."""
    fact_id: str
    base: dict | None
    cur: dict
    rejected: bool = False
    last: Entry | None = None

    @property
    def status(self) -> str:
        if self.rejected:
            return "rejected"
        if self.base is None:
            return "added"
        return "corrected" if self.changed() else "confirmed"

    def changed(self) -> list[str]:
        if self.base is None:
            return []
        return [k for k in COMPARED if k in self.cur and self.cur[k] != self.base.get(k)]


@dataclass(slots=True)
class Resolved:
    """One entry and what became of it."""
    entry: Entry
    outcome: str
    problem: str | None = None
    article: Text | None = None
    span: tuple[int, int] | None = None
    fact_id: str | None = None

    @property
    def failed(self) -> bool:
        return self.outcome in FAILURES


@dataclass(slots=True)
class Resolution:
    file: str
    entries: list[Resolved]
    facts: list[_Fact]  # every fact an entry decided about (rejected ones included)

    def reviewed_rows(self) -> list[dict]:
        out = []
        for f in self.facts:
            e = f.last
            out.append({**f.cur, "fact_id": f.fact_id, "status": f.status,
                        "confidence": f.base.get("confidence") if f.base else None,
                        "corrected_fields": [k for k in f.changed() if k not in ("char_start", "char_end")] or None,
                        "reviewed_by": e.who if e else None, "reviewed_at": e.when if e else None,
                        "review_note": e.note or None if e else None, "correction": e.name(self.file) if e else None})
        return out

    def messages(self) -> list[str]:
        """One line per entry that failed, naming it: `corrections.yaml#3 (line 12): …`."""
        return [f"{r.entry.name(self.file)}{f' (line {r.entry.line})' if r.entry.line else ''}: {r.problem}"
                for r in self.entries if r.failed]

    def counts(self) -> dict[str, int]:
        out = {"entries": len(self.entries), "applied": 0, "moot": 0, "failed": 0}
        for r in self.entries:
            out["failed" if r.failed else r.outcome] += 1
        return out


class Ambiguous(str):
    """An entry's `article` that names several articles (the same file name under two folders)."""


class Lookup:
    """What the fold reads from a warehouse (a build's connection, or a notebook's corridor.Warehouse): articles by
    name or id, the extractor's facts of an article."""

    def __init__(self, con: duckdb.DuckDBPyConnection | Any) -> None:
        self.con = con

    def articles(self, entries: Iterable[Entry]) -> dict[int, list[Text] | str]:
        """entry number -> the articles its `article` names (or its `article_id`), or a line saying none does."""
        wanted = [e for e in entries if e.problem is None]
        refs = sorted({e.article for e in wanted if e.article})
        ids = sorted({e.article_id for e in wanted if e.article_id})
        if not refs and not ids:
            return {}
        exact: dict[str, set[str]] = {}
        loose: dict[str, set[str]] = {}
        names = "select n.name, n.article_id from article_names n join articles a using (article_id)"
        for ref, aid in self.con.execute(f"select name, article_id from ({names}) where name in "
                                         "(select unnest($1::varchar[]))", [refs]).fetchall() if refs else []:
            exact.setdefault(ref, set()).add(aid)
        rest = [r for r in refs if r not in exact]  # under another build root: a suffix of the name, or the name of it
        for ref, aid in self.con.execute(f"""
            select r.ref, n.article_id from (select unnest($1::varchar[]) as ref) r join ({names}) n
            on ends_with(n.name, '/' || r.ref) or ends_with(r.ref, '/' || n.name)
        """, [rest]).fetchall() if rest else []:
            loose.setdefault(ref, set()).add(aid)
        by_id = {r[0] for r in self.con.execute("select article_id from articles where article_id in "
                                                "(select unnest($1::varchar[]))", [ids]).fetchall()} if ids else set()
        chosen: dict[int, set[str] | str] = {}
        for e in wanted:
            named = exact.get(e.article) or loose.get(e.article) or set()
            if len(named) > 1 and e.article_id in named:
                named = {e.article_id}
            if len(named) > 1:
                chosen[e.number] = Ambiguous(f"`article: {e.article}` names {len(named)} articles; give its full name")
            elif named:
                chosen[e.number] = named
            elif e.article_id in by_id:
                chosen[e.number] = {e.article_id}
            else:
                chosen[e.number] = (f"no article {e.article!r} in the warehouse" if e.article else
                                    f"no article with id {e.article_id} in the warehouse")
        need = sorted({a for v in chosen.values() if isinstance(v, set) for a in v})
        texts = {aid: Text(aid, name, text) for aid, name, text in self.con.execute(
            "select article_id, name, text from articles where article_id in (select unnest($1::varchar[]))",
            [need]).fetchall()} if need else {}
        return {n: ([texts[a] for a in v] if isinstance(v, set) else v) for n, v in chosen.items()}

    def facts(self, article_ids: list[str]) -> dict[str, list[dict]]:
        if not article_ids:
            return {}
        cur = self.con.execute("select * from extracted_facts where article_id in (select unnest($1::varchar[])) "
                               "order by char_start, fact_id", [article_ids])
        cols = [d[0] for d in cur.description]
        out: dict[str, list[dict]] = {}
        for row in cur.fetchall():
            rec = dict(zip(cols, row, strict=True))
            out.setdefault(rec["article_id"], []).append(rec)
        return out


def anchor(text: str, evidence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where `evidence` is in `text` now: at `span` if still there, else its occurrence nearest `span` (the
    only one when no span is given; None when several and no span says which)."""
    if span is not None and text[span[0]:span[1]] == evidence:
        return span
    hits, at = [], text.find(evidence)
    while at >= 0 and evidence:
        hits.append(at)
        at = text.find(evidence, at + 1)
    if not hits or (span is None and len(hits) > 1):
        return None
    start = min(hits, key=lambda h: (abs(h - span[0]), h)) if span is not None else hits[0]
    return start, start + len(evidence)


def added_id(article_id: str, start: int, end: int, fields: dict) -> str:
    key = (f"added|{article_id}|{start}|{end}|{fields.get('indicator')}|{fields.get('measure')}|"
           f"{fields.get('unit')}|{float(fields.get('value') or 0):.6g}")
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def resolve(entries: list[Entry], lookup: Lookup, file: str = DEFAULT_NAME) -> Resolution:
    """Every entry found again and folded over the extractor's facts, in file order."""
    articles = lookup.articles(entries)
    found = {n: v for n, v in articles.items() if isinstance(v, list)}
    extracted = lookup.facts(sorted({t.article_id for v in found.values() for t in v}))
    facts: dict[str, _Fact] = {}  # fact_id -> its state, for facts decided about
    by_article: dict[str, list[dict]] = {}  # article_id -> facts an entry may match (added ones join)
    out: list[Resolved] = []
    for e in entries:
        if e.problem:
            out.append(Resolved(e, "invalid", e.problem))
            continue
        target = articles.get(e.number)
        if not isinstance(target, list):
            out.append(Resolved(e, "invalid" if isinstance(target, Ambiguous) else "article_missing",
                                target or "no article"))
            continue
        [art] = target
        at = anchor(art.text, e.evidence, e.span)
        if at is None:
            where = f" at {list(e.span)}" if e.span else ""
            missing = e.span is not None or e.evidence not in art.text
            out.append(Resolved(e, "span_missing" if missing else "invalid",
                                f"«{_short(e.evidence)}» is no longer in {art.name}{where}" if missing else
                                f"«{_short(e.evidence)}» occurs more than once in {art.name}: give its `span`",
                                art))
            continue
        out.append(_decide(e, art, at, extracted, by_article, facts))
    return Resolution(file, out, list(facts.values()))


def _decide(e: Entry, art: Text, at: tuple[int, int], extracted: dict[str, list[dict]],
            by_article: dict[str, list[dict]], facts: dict[str, _Fact]) -> Resolved:
    try:
        fields = coerce_all(e.fields)
    except ValueError as err:
        return Resolved(e, "invalid", str(err), art, at)
    if e.action == "add":
        missing = [k for k in REQUIRED_TO_ADD if fields.get(k) is None]
        if missing:
            return Resolved(e, "invalid", f"`add` needs {', '.join(missing)}", art, at)
    if "evidence" in fields:
        new = anchor(art.text, fields["evidence"], at)
        if new is None:
            return Resolved(e, "invalid", f"corrected evidence «{_short(fields['evidence'])}» is not in {art.name}",
                            art, at)
        fields["char_start"], fields["char_end"] = new
    pool = by_article.setdefault(art.article_id, [{"fact_id": f["fact_id"], "char_start": f["char_start"],
                                                   "char_end": f["char_end"], "row": f}
                                                  for f in extracted.get(art.article_id, [])])
    s, t = at
    cands = [c for c in pool if c["char_start"] < t and s < c["char_end"]]
    if e.action == "add":  # a span the extractor reads now (the same figure): the addition corrects that fact
        same = [c for c in cands if _cur(c, facts).get("indicator") == fields["indicator"]]
        if not same:
            row = {**ADD_DEFAULTS, "period_kind": "year" if fields.get("period_start") else "unknown", **fields,
                   "article_id": art.article_id, "article": art.name, "evidence": art.text[s:t], "char_start": s,
                   "char_end": t, "why": None, "extractor_version": ADDED_VERSION}
            row.update({k: fields[k] for k in ("evidence", "char_start", "char_end") if k in fields})
            fid = added_id(art.article_id, row["char_start"], row["char_end"], row)
            if fid not in facts:
                facts[fid] = _Fact(fid, None, row)
                pool.append({"fact_id": fid, "char_start": row["char_start"], "char_end": row["char_end"], "row": row})
            facts[fid].cur.update(row)
            facts[fid].rejected, facts[fid].last = False, e
            return Resolved(e, "applied", None, art, at, fid)
        cands = same
    if not cands:
        if e.action == "reject":
            return Resolved(e, "moot", f"no fact is read at «{_short(e.evidence)}» in {art.name} any more: "
                            "nothing to reject", art, at)
        return Resolved(e, "fact_missing", f"no fact is read at «{_short(e.evidence)}» in {art.name} any more "
                        "(to keep it, `add` it)", art, at)
    best = max(cands, key=lambda c: _fit(c, s, t, e.was, facts))
    state = facts.get(best["fact_id"])
    if state is None:
        base = {k: best["row"].get(k) for k in best["row"]}
        state = facts[best["fact_id"]] = _Fact(best["fact_id"], base, dict(base))
    if e.action == "reject":
        state.rejected = True
    else:
        state.rejected = False
        state.cur.update(fields)
    state.last = e
    best["char_start"], best["char_end"] = state.cur["char_start"], state.cur["char_end"]
    return Resolved(e, "applied", None, art, at, state.fact_id)


def _cur(c: dict, facts: dict[str, _Fact]) -> dict:
    state = facts.get(c["fact_id"])
    return state.cur if state else c["row"]


def _fit(c: dict, s: int, t: int, was: dict, facts: dict[str, _Fact]) -> tuple:
    """How well a fact fits an entry's span: the same span, the reading the person saw, the overlap."""
    cur = _cur(c, facts)
    agrees = sum(str(cur.get(k)) == str(v) for k, v in was.items() if k in ("indicator", "measure", "unit"))
    overlap = min(t, c["char_end"]) - max(s, c["char_start"])
    return ((c["char_start"], c["char_end"]) == (s, t), agrees, overlap,
            -abs((c["char_end"] - c["char_start"]) - (t - s)), -c["char_start"])


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


# --- inside a build ----------------------------------------------------------------------------------------

@dataclass(slots=True)
class Applied:
    """What applying the corrections did to a build."""
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    changed: bool = False  # the reviewed facts differ from the last build's
    error: str | None = None  # the file could not be read: the last build's entries were applied again
    warnings: list[str] = field(default_factory=list)  # one per entry that failed

    def summary(self) -> dict:
        return {"file": str(self.path), **self.counts, **({"error": self.error} if self.error else {})}


CORRECTION_COLUMNS = ("entry", "line", "file", "action", "article_ref", "evidence", "who", "decided_at", "note", "raw",
                      "outcome", "problem", "article_id", "article", "char_start", "char_end", "moved", "fact_id")
REVIEWED_COLUMNS = ("fact_id", "article_id", "article", "indicator", "measure", "reporter", "partner", "value", "unit",
                    "per", "qualifier", "period_start", "period_end", "period_kind", "route", "evidence", "char_start",
                    "char_end", "source_kind", "why", "extractor_version", "confidence", "status", "corrected_fields",
                    "reviewed_by", "reviewed_at", "review_note", "correction")


def apply(con: duckdb.DuckDBPyConnection, path: Path) -> Applied:
    """Refresh the extractor's confidences, then read `path` and write `corrections` and `reviewed_facts`, in the
    caller's transaction. A file that cannot be read is one line (`error`), and the entries the last build read
    are applied again: a broken file never undoes the corrections."""
    refresh_confidence(con)
    result = Applied(Path(path))
    try:
        entries = load(path)
    except CorrectionsFileError as e:
        result.error = f"{e}; the corrections read before are applied again"
        entries = [parse(json.loads(raw), n, line) for n, line, raw in
                   con.execute("select entry, line, raw from corrections order by entry").fetchall()]
    res = resolve(entries, Lookup(con), Path(path).name)
    before = _fingerprint(con)
    _write(con, res, str(path))
    result.changed = _fingerprint(con) != before
    result.counts = res.counts()
    result.warnings = res.messages()
    return result


def refresh_confidence(con: duckdb.DuckDBPyConnection) -> None:
    """Every extracted fact's confidence as the scale gives it now (a warehouse from before the scale, or a
    changed scale): distinct `why`s are few, so the scale is computed once per rule combination."""
    whys = [r[0] for r in con.execute("select distinct why from extracted_facts").fetchall()]
    if not whys:
        return
    con.execute("create or replace temp table confidence_scale as select unnest($1::varchar[]) as why, "
                "unnest($2::double[]) as confidence", [whys, [scale.confidence(w) for w in whys]])
    con.execute("update extracted_facts x set confidence = s.confidence from confidence_scale s "
                "where x.why is not distinct from s.why and x.confidence is distinct from s.confidence")
    con.execute("drop table confidence_scale")


def _fingerprint(con: duckdb.DuckDBPyConnection) -> tuple:
    return con.execute("select count(*), sum(hash(r)) from reviewed_facts r").fetchone()


def _write(con: duckdb.DuckDBPyConnection, res: Resolution, file: str) -> None:
    import pyarrow as pa

    rows = []
    for r in res.entries:
        e = r.entry
        rows.append((e.number, e.line, file, e.action or None, e.article or e.article_id or None, e.evidence or None,
                     e.who or None, e.when or None, e.note or None, json.dumps(e.raw, ensure_ascii=False, default=str),
                     r.outcome, r.problem, r.article.article_id if r.article else None,
                     r.article.name if r.article else None, r.span[0] if r.span else None,
                     r.span[1] if r.span else None, (r.span != e.span) if r.span and e.span else None, r.fact_id))
    con.execute("delete from corrections")
    con.execute("delete from reviewed_facts")
    if rows:
        con.register("staged", pa.table({c: [row[i] for row in rows] for i, c in enumerate(CORRECTION_COLUMNS)}))
        try:
            con.execute(f"insert into corrections ({', '.join(CORRECTION_COLUMNS)}) select * from staged")
        finally:
            con.unregister("staged")
    reviewed = res.reviewed_rows()
    if reviewed:
        table = {c: [r.get(c) for r in reviewed] for c in REVIEWED_COLUMNS}
        con.register("staged", pa.table(table))
        try:
            con.execute(f"insert into reviewed_facts ({', '.join(REVIEWED_COLUMNS)}) select * from staged")
        finally:
            con.unregister("staged")
