"""Load articles and facts into the warehouse: one transaction per build, bulk inserts via Arrow."""

from __future__ import annotations

import hashlib
import json
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

from corridor.extract.events import Event
from corridor.extract.facts import EXTRACTOR_VERSION, Fact
from corridor.ingest.article import Article
from corridor.review.confidence import confidence
from corridor.store.warehouse import load_reference, refresh_fact_checks

FACT_COLUMNS = [
    "fact_id", "article_id", "article", "indicator", "measure", "reporter", "partner", "value", "unit", "per",
    "qualifier", "period_start", "period_end", "period_kind", "route", "evidence", "char_start", "char_end",
    "source_kind", "why", "extractor_version", "confidence",
]
ARTICLE_COLUMNS = [
    "article_id", "name", "path", "fmt", "title", "published", "date_source", "place", "source", "url", "lang",
    "text", "n_chars", "extractor_version",
]


def fact_id(article_id: str, f: Fact) -> str:
    """Stable across runs: the same statement in the same article always gets the same id."""
    key = f"{article_id}|{f.char_start}|{f.char_end}|{f.indicator}|{f.measure}|{f.unit}|{f.value:.6g}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


EVENT_COLUMNS = [
    "event_id", "article_id", "article", "event_type", "status", "date_start", "date_end", "place", "place_country",
    "host", "visitor", "organization", "signed", "documents", "evidence", "char_start", "char_end", "extractor_version",
]
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("article", pa.string()), ("event_type", pa.string()),
    ("status", pa.string()), ("date_start", pa.string()), ("date_end", pa.string()), ("place", pa.string()),
    ("place_country", pa.string()), ("host", pa.string()), ("visitor", pa.string()), ("organization", pa.string()),
    ("signed", pa.bool_()), ("documents", pa.int32()), ("evidence", pa.string()), ("char_start", pa.int32()),
    ("char_end", pa.int32()), ("extractor_version", pa.string()), ("participants", pa.list_(pa.string())),
])


def event_rows(article_id: str, events: list[Event]) -> list[tuple]:
    """Rows in EVENT_SCHEMA's column order (tuples: they cross process boundaries and become Arrow
    columns far more cheaply than dicts)."""
    out, seen = [], set()
    for e in events:
        rec = e.as_record()
        # two gatherings may share a sentence: who took part tells them apart
        key = f"{article_id}|{e.char_start}|{e.char_end}|{e.event_type}|{e.status}|{','.join(sorted(e.participants))}"
        if key in seen:
            continue  # the same event twice is one event (never a failed build)
        seen.add(key)
        rec.update(article_id=article_id, event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
                   extractor_version=EXTRACTOR_VERSION)
        out.append(tuple(rec[c] for c in EVENT_SCHEMA.names))
    return out


@dataclass(slots=True)
class Known:
    """What the warehouse already holds, to decide what a build must (re)extract."""
    versions: dict[str, str]  # article_id -> extractor_version
    files: dict[str, tuple[int, int, list[str]]]  # path -> (size, mtime_ns, article ids)


def known(con: duckdb.DuckDBPyConnection) -> Known:
    versions = dict(con.execute("select article_id, extractor_version from articles").fetchall())
    files = {p: (size, mtime, ids) for p, size, mtime, ids in
             con.execute("select path, size, mtime_ns, article_ids from source_files").fetchall()}
    return Known(versions, files)


@dataclass(slots=True)
class Mirror:
    """What a build found under the paths it was given, for the warehouse to mirror them."""
    roots: list[str]  # the paths given, absolute: known files under them that were not found are gone
    present: dict[str, str]  # every file found (read, unchanged or unreadable): path -> name in this build
    read: dict[str, list[str]]  # files read this build: path -> the sources (article keys) they hold now
    sources: list[tuple[str, str, str, str]]  # (source, name, article_id, path) of the articles stored or known
    files: list[tuple[str, int, int, list[str]]]  # the file index of the files read whole: path, size, mtime, ids


ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("name", pa.string()), ("path", pa.string()), ("fmt", pa.string()),
    ("title", pa.string()), ("published", pa.date32()), ("date_source", pa.string()), ("place", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("lang", pa.string()), ("text", pa.string()),
    ("n_chars", pa.int32()), ("extractor_version", pa.string()),
])


def _article_rows(articles: list[tuple[Article, str]]) -> pa.Table:
    cols: dict[str, list] = {name: [] for name in ARTICLE_SCHEMA.names}
    for a, version in articles:  # column by column: much cheaper than a list of dicts
        for name in ("article_id", "name", "path", "fmt", "title", "published", "date_source", "place", "source",
                     "url", "lang", "text"):
            cols[name].append(getattr(a, name))
        cols["n_chars"].append(len(a.text))
        cols["extractor_version"].append(version)
    return pa.table(cols, schema=ARTICLE_SCHEMA)


FACT_SCHEMA = pa.schema([
    ("fact_id", pa.string()), ("article_id", pa.string()), ("article", pa.string()), ("indicator", pa.string()),
    ("measure", pa.string()), ("reporter", pa.string()), ("partner", pa.string()), ("value", pa.float64()),
    ("unit", pa.string()), ("per", pa.string()), ("qualifier", pa.string()), ("period_start", pa.string()),
    ("period_end", pa.string()), ("period_kind", pa.string()), ("route", pa.string()), ("evidence", pa.string()),
    ("char_start", pa.int32()), ("char_end", pa.int32()), ("source_kind", pa.string()), ("why", pa.string()),
    ("extractor_version", pa.string()), ("confidence", pa.float64()),
])


def fact_rows(article_id: str, facts: list[Fact]) -> list[tuple]:
    """Rows in FACT_COLUMNS order (tuples, as for events)."""
    out = []
    for f in facts:
        rec = f.as_record()
        rec["article_id"] = article_id
        rec["fact_id"] = fact_id(article_id, f)
        rec["confidence"] = confidence(f.why)
        out.append(tuple(rec[c] for c in FACT_COLUMNS))
    return out


def _columns(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """Row tuples (in `schema`'s order) to an Arrow table, column by column."""
    if not rows:
        return schema.empty_table()
    return pa.table(dict(zip(schema.names, zip(*rows, strict=True), strict=True)), schema=schema)


@dataclass(slots=True)
class Batch:
    """What one slice of a build writes (a few thousand articles: memory stays bounded)."""
    articles: list[tuple[Article, str]]  # (article, extractor_version) to (re)write
    facts: list[tuple]  # fact_rows for those articles
    events: list[tuple]  # event_rows (with their participants) for those articles
    replacing: list[str] | None = None  # ids already in the warehouse (None: check every id)


def begin(con: duckdb.DuckDBPyConnection) -> None:
    """A build is one transaction: killed at any point, the warehouse reopens as it was."""
    con.execute("begin transaction")


def write_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> None:
    """Replace the rows of the batch's articles, in bulk through Arrow (never row by row)."""
    if not batch.articles:
        return
    ids = [a.article_id for a, _ in batch.articles] if batch.replacing is None else batch.replacing
    if ids:
        _delete(con, ids)
    _insert(con, _article_rows(batch.articles),
            f"insert into articles ({', '.join(ARTICLE_COLUMNS)}) select * from staged")
    if batch.facts:
        _insert(con, _columns(batch.facts, FACT_SCHEMA),
                f"insert into extracted_facts ({', '.join(FACT_COLUMNS)}) "
                "select * replace (period_start::date as period_start, period_end::date as period_end) from staged")
    if batch.events:
        _insert(con, _columns(batch.events, EVENT_SCHEMA),
                f"insert into events ({', '.join(EVENT_COLUMNS)}) "
                "select * exclude (participants) replace (date_start::date as date_start, date_end::date as date_end) "
                "from staged",
                "insert into event_participants select distinct event_id, unnest(participants) from staged")


def _delete(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """The rows of articles about to be written again."""
    con.execute("delete from extracted_facts where article_id in (select unnest($1))", [ids])
    con.execute("delete from event_participants where event_id in "
                "(select event_id from events where article_id in (select unnest($1)))", [ids])
    con.execute("delete from events where article_id in (select unnest($1))", [ids])
    con.execute("delete from articles where article_id in (select unnest($1))", [ids])


def _insert(con: duckdb.DuckDBPyConnection, table: pa.Table, *statements: str) -> None:
    """Run `statements` against `table` registered as `staged`: one bulk insert through Arrow."""
    con.register("staged", table)
    try:
        for sql in statements:
            con.execute(sql)
    finally:
        con.unregister("staged")


def settle(con: duckdb.DuckDBPyConnection, run_id: str, mirror: Mirror) -> int:
    """Sources and the file index mirror the paths built; articles no source holds retire. Returns how many
    retired."""
    _mirror(con, mirror)
    return _retire(con, run_id)


def finish(con: duckdb.DuckDBPyConnection, run_id: str, started: datetime, errors: list[tuple[str, str, str]],
           summary: dict, changed: bool = True) -> None:
    """Reference data, the stored checks and the run record; then commit. `changed`: the facts changed (written,
    retired or corrected): the checks are recomputed."""
    load_reference(con)
    refresh_fact_checks(con, force=changed)
    if errors:
        con.executemany("insert into ingest_errors values (?, ?, ?, ?)", [(run_id, p, s, m) for p, s, m in errors])
    con.execute("insert into runs values (?, 'build', ?, current_timestamp, ?)", [run_id, started, json.dumps(summary)])
    con.execute("commit")


_UNDER_ROOTS = "(path in (select unnest($roots)) or exists (select 1 from unnest($prefixes) t(p) where starts_with(path, p)))"


def _mirror(con: duckdb.DuckDBPyConnection, m: Mirror) -> None:
    """Sources and the file index follow the files: a file gone from the paths built loses its sources, a file
    read loses the records it no longer holds (an unreadable file keeps what an earlier build read from it),
    and names follow this build's root. Each article is then named after one of its sources."""
    if m.files:
        _insert(con, pa.table({"path": [f[0] for f in m.files], "size": [f[1] for f in m.files],
                               "mtime_ns": [f[2] for f in m.files], "article_ids": [f[3] for f in m.files]}),
                "insert or replace into source_files select * from staged")
    if m.sources:
        _insert(con, pa.table({k: [s[i] for s in m.sources] for i, k in enumerate(("source", "name", "article_id", "path"))}),
                "insert or replace into article_names select source, name, article_id, path from staged")
    # temp tables from list parameters: an Arrow table would import pandas, seconds an unchanged build need not pay
    con.execute("create or replace temp table present as select unnest($1) as path, unnest($2) as name",
                [list(m.present), list(m.present.values())])
    con.execute("create or replace temp table read_now as select unnest($1) as path, unnest($2) as source",
                [[p for p, keys in m.read.items() for _ in keys], [k for keys in m.read.values() for k in keys]])
    roots = {"roots": m.roots, "prefixes": [r.rstrip("/") + "/" for r in m.roots]}
    for table in ("article_names", "source_files"):
        con.execute(f"delete from {table} where {_UNDER_ROOTS} and path not in (select path from present)", roots)
    con.execute("delete from article_names where path in (select path from read_now) "
                "and source not in (select source from read_now)")
    con.execute("update article_names n set name = p.name || n.source[length(n.path) + 1:] from present p "
                "where n.path = p.path and n.name != p.name || n.source[length(n.path) + 1:]")
    con.execute("drop table present")
    con.execute("drop table read_now")
    con.execute("""
        create or replace temp table renamed as
        select article_id, s.name, s.path
        from articles a
        join (select article_id, arg_min(name, source) as name, arg_min(path, source) as path
              from article_names group by article_id) s using (article_id)
        where not exists (select 1 from article_names n
                          where n.article_id = a.article_id and n.name = a.name and n.path = a.path)
    """)
    con.execute("update articles a set name = r.name, path = r.path from renamed r where a.article_id = r.article_id")
    for table in ("extracted_facts", "events"):
        con.execute(f"update {table} t set article = r.name from renamed r where t.article_id = r.article_id")
    con.execute("drop table renamed")


def _retire(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Articles no source holds any more move, with their facts and events, to the retired_* tables."""
    con.execute("create or replace temp table leaving as select article_id from articles "
                "where article_id not in (select article_id from article_names)")
    n = con.execute("select count(*) from leaving").fetchone()[0]
    if n:
        con.execute("insert into retired_articles by name select *, $1 as retired_run, current_timestamp::timestamp "
                    "as retired_at from articles where article_id in (select article_id from leaving)", [run_id])
        con.execute("insert into retired_facts by name select *, $1 as retired_run from extracted_facts "
                    "where article_id in (select article_id from leaving)", [run_id])
        con.execute("insert into retired_events by name select e.*, coalesce(p.participants, []) as participants, "
                    "$1 as retired_run from events e left join (select event_id, list(participant order by participant) "
                    "as participants from event_participants group by event_id) p using (event_id) "
                    "where e.article_id in (select article_id from leaving)", [run_id])
        _delete(con, [r[0] for r in con.execute("select article_id from leaving").fetchall()])
    con.execute("drop table leaving")
    return n


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    with suppress(duckdb.Error):  # a failed commit (a full disk) has already ended the transaction
        con.execute("rollback")
