"""Open the warehouse and apply the SQL in sql/ (tables first, then views, in file order)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from corridor.resources import project_dir


class WarehouseError(RuntimeError):
    """An expected failure to open or write the warehouse; the message is one line saying what happened."""


class WarehouseLocked(WarehouseError):
    """Another process holds the DuckDB file."""


class WarehouseWriteFailed(WarehouseError):
    """The warehouse could not be written (a read-only or full disk); what it held is intact."""


LOCKED = "warehouse is locked by another corridor process"


def connect(db: Path | str, read_only: bool = False, wait: float = 0,
            notify: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse. A writer finding it open for reading elsewhere (a report, a notebook's query) waits
    up to `wait` seconds, telling `notify` once; another writer holding it fails at once (a build runs)."""
    db = Path(db)
    if read_only and not db.exists():
        raise FileNotFoundError(f"{db}: no warehouse here yet (run `corridor build` first)")
    if not read_only:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WarehouseWriteFailed(f"{db}: cannot create the warehouse's folder ({e.strerror})") from None
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise _open_failed(db, read_only, e) from None
            readers = "read-only mode" in str(e)  # DuckDB's hint when the processes holding it only read
            if not readers or time.monotonic() >= deadline:
                waited = f" (open for reading; waited {wait:g} s)" if readers and wait else ""
                raise WarehouseLocked(f"{db}: {LOCKED}{waited}") from None
            if notify:
                notify(f"{db}: open for reading in another process (a report, a notebook); "
                       f"waiting up to {wait:g} s for it to close")
                notify = None
            time.sleep(0.1)


SNAPSHOT_SUFFIX = ".snapshot.duckdb"


@contextmanager
def snapshot(db: Path) -> Iterator[Path]:
    """A private copy of the warehouse for a long reader (the report): copied under a read-only connection, so
    no build writes meanwhile, then read without holding the warehouse itself, so a build never waits for it."""
    with tempfile.TemporaryDirectory(prefix="corridor-") as tmp:
        copy = Path(tmp) / f"{db.stem}{SNAPSHOT_SUFFIX}"
        with connect(db, read_only=True):
            shutil.copyfile(db, copy)
            wal = db.with_name(f"{db.name}.wal")  # committed rows not yet checkpointed into the file
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(f"{copy.name}.wal"))
        yield copy


def _open_failed(db: Path, read_only: bool, e: Exception) -> WarehouseError:
    if read_only:
        return WarehouseError(f"{db}: cannot open the warehouse ({reason(e)})")
    intact = "; the previous warehouse is intact" if db.exists() else ""
    return WarehouseWriteFailed(f"{db}: cannot open the warehouse for writing ({reason(e)}){intact}")


# What a full or read-only disk raises while a build writes (a failed commit included): the transaction is
# rolled back and the file holds what it held.
WRITE_ERRORS = (duckdb.IOException, duckdb.TransactionException, duckdb.FatalException, duckdb.OutOfMemoryException,
                duckdb.PermissionException)


def write_failed(db: Path | str, e: Exception, what: str = "the build") -> WarehouseWriteFailed:
    return WarehouseWriteFailed(f"{db}: {what} could not write the warehouse ({reason(e)}); "
                                "the previous warehouse is intact")


def reason(e: Exception) -> str:
    """The gist of a DuckDB or OS error: 'Permission denied', 'No space left on device'."""
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text.rsplit('": ', 1)[-1].rsplit("Error: ", 1)[-1]


def sql_files(kind: str) -> list[Path]:
    return sorted((project_dir("sql") / kind).glob("*.sql"))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    _keep_raw_facts(con)
    for path in sql_files("schema"):
        con.execute(path.read_text(encoding="utf-8"))
    _widen_fmt_check(con)
    _key_article_names_by_source(con)
    # fact_checks was a view before it became a table refreshed by each build (views/50_fact_checks.sql)
    if con.execute("select count(*) from duckdb_views() where view_name = 'fact_checks' and not internal").fetchone()[0]:
        con.execute("drop view fact_checks")
    for path in sql_files("views"):
        con.execute(path.read_text(encoding="utf-8"))


def _keep_raw_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Before corrections, the extractor's rows were the table `facts`; they are `extracted_facts` now and `facts`
    is the view that applies data/corrections.yaml (views/05_facts.sql). The rows are copied rather than the table
    renamed: DuckDB renames no table an index depends on, and cannot update a table renamed in the same
    transaction (a build's)."""
    is_table = con.execute("select count(*) from duckdb_tables() where table_name = 'facts' and not temporary").fetchone()[0]
    if not is_table:
        return
    con.execute((project_dir("sql") / "schema" / "02_facts.sql").read_text(encoding="utf-8"))
    con.execute("insert into extracted_facts by name select * from facts")
    con.execute("drop index if exists facts_article")
    con.execute("drop table facts")


def _widen_fmt_check(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse built before .json files were read checks articles.fmt without 'json'; DuckDB cannot alter a
    check, so the table is rebuilt under the current schema with its rows (no key or view points at it)."""
    row = con.execute("select constraint_text from duckdb_constraints() where table_name = 'articles' "
                      "and constraint_type = 'CHECK' and constraint_text like '%fmt%'").fetchone()
    if row is None or "'json'" in row[0]:
        return
    con.execute("create temp table articles_before as select * from articles")
    con.execute("drop table articles")
    con.execute((project_dir("sql") / "schema" / "01_articles.sql").read_text(encoding="utf-8"))
    con.execute("insert into articles select * from articles_before")
    con.execute("drop table articles_before")


def _key_article_names_by_source(con: duckdb.DuckDBPyConnection) -> None:
    """Warehouses from before sources had an identity keyed article_names by bare name (of two `a.txt`, one
    overwrote the other). Each row becomes the source its path and name say, its path made absolute: paths were
    stored as typed, relative to the folder builds ran in, as this one most likely does. The file index keeps
    only absolute paths (the others are read once more)."""
    has_source = con.execute("select count(*) from duckdb_columns() where table_name = 'article_names' "
                             "and column_name = 'source'").fetchone()[0]
    if has_source:
        return
    rows = con.execute("select name, article_id, path from article_names").fetchall()
    con.execute("drop table article_names")
    con.execute((project_dir("sql") / "schema" / "01_articles.sql").read_text(encoding="utf-8"))
    sources = {}
    for name, article_id, path in rows:
        absolute = os.path.abspath(path)
        key = absolute if name == os.path.basename(path) else f"{absolute}#{name}"
        sources[key] = (name, article_id, absolute)
    con.register("migrated", pa.table({"source": list(sources), "name": [v[0] for v in sources.values()],
                                       "article_id": [v[1] for v in sources.values()],
                                       "path": [v[2] for v in sources.values()]}))
    try:
        con.execute("insert into article_names select source, name, article_id, path from migrated")
    finally:
        con.unregister("migrated")
    con.execute("delete from source_files where not starts_with(path, '/')")


def refresh_fact_checks(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Store fact_checks_live as the table fact_checks when the facts changed (or it is missing): the ids
    of the facts are compared, and an id changes with the fact's content (store/load.fact_id)."""
    present = con.execute("select count(*) from duckdb_tables() where table_name = 'fact_checks'").fetchone()[0]
    stale = force or not present or con.execute(
        "select (select (count(*), sum(hash(fact_id))) from facts) "
        "is distinct from (select (count(*), sum(hash(fact_id))) from fact_checks)").fetchone()[0]
    if stale:
        con.execute("create or replace table fact_checks as select * from fact_checks_live")
    return bool(stale)


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Replace fx_rates with data/reference/fx_annual_usd.csv (inside the caller's transaction)."""
    csv = project_dir("data/reference") / "fx_annual_usd.csv"
    con.execute("delete from fx_rates")
    con.execute(
        "insert into fx_rates select currency, year, lcu_per_usd, source_url, source_note "
        "from read_csv(?, header = true, columns = {'currency': 'varchar', 'year': 'integer', "
        "'lcu_per_usd': 'double', 'source_url': 'varchar', 'source_note': 'varchar'})",
        [str(csv)],
    )
