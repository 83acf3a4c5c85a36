"""Functions a notebook calls: each returns a polars DataFrame read from the warehouse (read-only, holding no lock
between queries)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import duckdb
import polars as pl

from corridor.resources import DEFAULT_DB
from corridor.store.warehouse import SNAPSHOT_SUFFIX
from corridor.store.warehouse import connect as _connect


class Warehouse:
    """The warehouse as a notebook reads it: each query opens the file read-only, reads its whole result and
    closes it, so nothing is held between queries and an open notebook never blocks a build. A query while a
    build writes raises WarehouseLocked ("warehouse is locked by another corridor process"). A snapshot (the
    private copy a report reads, store.warehouse.snapshot) stays open: nothing else ever opens it."""

    def __init__(self, db: Path | str = DEFAULT_DB) -> None:
        self.db = Path(db)
        if not self.db.exists():
            raise FileNotFoundError(f"{self.db}: no warehouse here yet (run `corridor build` first)")
        self._results = duckdb.connect()  # in memory: where results live once the file is closed
        self._held = _connect(self.db, read_only=True) if self.db.name.endswith(SNAPSHOT_SUFFIX) else None

    def sql(self, query: str, params: list | dict | None = None) -> duckdb.DuckDBPyRelation | None:
        """The result of `query` (a relation: .pl(), .df(), .fetchall()...), read and the file closed."""
        with nullcontext(self._held) if self._held else _connect(self.db, read_only=True) as con:
            rel = con.sql(query, params=params or None)
            table = rel.to_arrow_table() if rel is not None else None
        return self._results.from_arrow(table) if table is not None else None

    execute = sql

    def close(self) -> None:
        if self._held:
            self._held.close()
        self._results.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"corridor.Warehouse({str(self.db)!r})"


def connect(db: Path | str = DEFAULT_DB, read_only: bool = True) -> Warehouse | duckdb.DuckDBPyConnection:
    """The warehouse for reading: a handle holding no lock between queries (see Warehouse). `read_only=False`
    gives a plain DuckDB connection, which holds the file, and so blocks builds, until closed."""
    return Warehouse(db) if read_only else _connect(db)


def _where(indicator: Sequence[str] | str | None, country: Sequence[str] | str | None,
           measure: Sequence[str] | str | None = None) -> tuple[str, list]:
    clauses, params = [], []
    for col, val in (("indicator", indicator), ("measure", measure)):
        if val:
            vals = [val] if isinstance(val, str) else list(val)
            clauses.append(f"{col} in (select unnest(?))")
            params.append(vals)
    if country:
        vals = [country] if isinstance(country, str) else list(country)
        vals = [v.upper() for v in vals]
        clauses.append("(reporter in (select unnest(?)) or partner in (select unnest(?)))")
        params += [vals, vals]
    return (" where " + " and ".join(clauses)) if clauses else "", params


Reader = Warehouse | duckdb.DuckDBPyConnection


def _query(sql: str, params: list, con: Reader | None, db: Path | str) -> pl.DataFrame:
    if con is not None:
        return con.sql(sql, params=params or None).pl()
    with Warehouse(db) as own:
        return own.sql(sql, params=params or None).pl()


def facts(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
          measure: Sequence[str] | str | None = None, con: Reader | None = None,
          db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Facts, optionally filtered by indicator, measure and country (reporter or partner)."""
    where, params = _where(indicator, country, measure)
    sql = ("select f.*, a.title as article_title, a.published from facts f "
           "left join articles a using (article_id)" + where
           + " order by f.article, f.char_start")
    return _query(sql, params, con, db)


def series(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
           measure: Sequence[str] | str | None = "level", con: Reader | None = None,
           db: Path | str = DEFAULT_DB, pair: tuple[str, str] | None = None) -> pl.DataFrame:
    """One row per indicator x pair x measure x period (the `series` view); `pair` keeps the facts
    between two countries, in either direction."""
    where, params = _where(indicator, None, measure)
    if pair:
        a, b = sorted(c.upper() for c in pair)
        where += (" and " if where else " where ") + "least(country_a, country_b) = ? and greatest(country_a, country_b) = ?"
        params += [a, b]
    if country:
        vals = [country] if isinstance(country, str) else list(country)
        vals = [v.upper() for v in vals]
        where += (" and " if where else " where ") + "(country_a in (select unnest(?)) or country_b in (select unnest(?)))"
        params += [vals, vals]
    return _query(f"select * from series{where} order by indicator, pair_label, period_end nulls last", params, con, db)


def coverage(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Articles and facts per pair and year."""
    return _query("select * from coverage", [], con, db)


def conflicts(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Statements of the same quantity from different articles that disagree by more than 5 %."""
    return _query("select * from conflicts order by rel_spread desc", [], con, db)


def issues(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Validation flags of the latest validation run, joined to their facts."""
    sql = """
        with last_run as (
            select run_id from runs where kind = 'validate' order by started_at desc limit 1
        )
        select i.rule, i.family, i.observed, f.*
        from fact_issues i join last_run using (run_id) left join facts f using (fact_id)
        order by i.rule, f.article
    """
    return _query(sql, [], con, db)


def consensus(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """One value per quantity across articles, with n_sources, min, max, spread and the rule used."""
    return _query("select * from consensus order by indicator, pair_label, period_end nulls last", [], con, db)


def usd_values(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Money figures with their USD equivalent (fx_status says native, converted or no_rate)."""
    return _query("select * from usd_value where fx_status != 'not_money' order by indicator, pair_label", [], con, db)


def events(country: Sequence[str] | str | None = None, con: Reader | None = None,
           db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Cooperation events with their participants as a list, optionally those a country took part in."""
    sql = """
        select e.*, p.participants, a.published
        from events e
        left join (select event_id, list(participant order by participant) as participants
                   from event_participants group by event_id) p using (event_id)
        left join articles a using (article_id)
    """
    params: list = []
    if country:
        vals = [country] if isinstance(country, str) else list(country)
        sql += " where list_has_any(p.participants, ?)"
        params.append([v.upper() for v in vals])
    return _query(sql + " order by coalesce(e.date_start, a.published) nulls last, e.article", params, con, db)


def cooperation(con: Reader | None = None, db: Path | str = DEFAULT_DB) -> pl.DataFrame:
    """Events per country pair and year (held and planned apart)."""
    return _query("select * from cooperation order by n_held desc, pair_label, year", [], con, db)
