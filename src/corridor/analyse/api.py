"""Functions a notebook calls: each returns a polars DataFrame read from the warehouse (read-only, holding no lock
between queries)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import duckdb
import polars as pl

from corridor import labels
from corridor.resources import find_warehouse
from corridor.store.warehouse import SNAPSHOT_SUFFIX
from corridor.store.warehouse import connect as _connect

MEASURES = ("level", "change_pct", "change_factor", "target")


class Warehouse:
    """The warehouse as a notebook reads it: each query opens the file read-only, reads its whole result and
    closes it, so nothing is held between queries and an open notebook never blocks a build. A query while a
    build writes raises WarehouseLocked ("warehouse is locked by another corridor process"). A snapshot (the
    private copy a report reads, store.warehouse.snapshot) stays open: nothing else ever opens it."""

    def __init__(self, db: Path | str | None = None) -> None:
        self.db = find_warehouse(db)
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


def connect(db: Path | str | None = None, read_only: bool = True) -> Warehouse | duckdb.DuckDBPyConnection:
    """The warehouse for reading: a handle holding no lock between queries (see Warehouse). `read_only=False`
    gives a plain DuckDB connection, which holds the file, and so blocks builds, until closed. With no `db`: the
    `CORRIDOR_DB` environment variable, else the project's data/corridor.duckdb, found from any folder of
    the project (notebooks/ included)."""
    return Warehouse(db) if read_only else _connect(find_warehouse(db))


def countries(value: Sequence[str] | str | None) -> list[str]:
    """Countries as a user writes them ("KAZ", "kz", "Kazakhstan", "Ouzbékistan") -> ISO alpha-3 codes;
    ValueError naming what was not understood."""
    if not value:
        return []
    out = []
    for v in [value] if isinstance(value, str) else list(value):
        code = labels.resolve_country(v)
        if code is None:
            raise ValueError(f"unknown country {v!r}: write an ISO code (KAZ or KZ) or a name (Kazakhstan)")
        out.append(code)
    return out


def indicators(value: Sequence[str] | str | None) -> list[str]:
    """Indicator names, checked: ValueError listing the valid ones."""
    if not value:
        return []
    vals = [value] if isinstance(value, str) else list(value)
    bad = [v for v in vals if v not in labels.INDICATORS]
    if bad:
        raise ValueError(f"unknown indicator {', '.join(map(repr, bad))}; valid: {', '.join(labels.INDICATORS)}")
    return vals


def _where(indicator: Sequence[str] | str | None, country: Sequence[str] | str | None,
           measure: Sequence[str] | str | None = None) -> tuple[str, list]:
    clauses, params = [], []
    for col, vals in (("indicator", indicators(indicator)), ("measure", _measures(measure))):
        if vals:
            clauses.append(f"{col} in (select unnest(?))")
            params.append(vals)
    if country:
        vals = countries(country)
        clauses.append("(reporter in (select unnest(?)) or partner in (select unnest(?)))")
        params += [vals, vals]
    return (" where " + " and ".join(clauses)) if clauses else "", params


def _measures(value: Sequence[str] | str | None) -> list[str]:
    vals = [] if not value else [value] if isinstance(value, str) else list(value)
    bad = [v for v in vals if v not in MEASURES]
    if bad:
        raise ValueError(f"unknown measure {', '.join(map(repr, bad))}; valid: {', '.join(MEASURES)}")
    return vals


Reader = Warehouse | duckdb.DuckDBPyConnection


def _query(sql: str, params: list, con: Reader | None, db: Path | str | None) -> pl.DataFrame:
    if con is not None:
        return con.sql(sql, params=params or None).pl()
    with Warehouse(db) as own:
        return own.sql(sql, params=params or None).pl()


STATUSES = ("extracted", "confirmed", "corrected", "added")


def facts(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
          measure: Sequence[str] | str | None = None, con: Reader | None = None,
          db: Path | str | None = None, min_confidence: float | None = None,
          status: Sequence[str] | str | None = None) -> pl.DataFrame:
    """Facts (with data/corrections.yaml applied), optionally filtered by indicator, measure, country (reporter or
    partner), `min_confidence` (a fact a person checked has 1; docs/review.md) and `status` (extracted,
    confirmed, corrected, added)."""
    where, params = _where(indicator, country, measure)
    clauses = [where.removeprefix(" where ")] if where else []
    if min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(float(min_confidence))
    statuses = [] if not status else [status] if isinstance(status, str) else list(status)
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise ValueError(f"unknown status {', '.join(map(repr, bad))}; valid: {', '.join(STATUSES)}")
    if statuses:
        clauses.append("status in (select unnest(?))")
        params.append(statuses)
    sql = ("select f.*, a.title as article_title, a.published from facts f "
           "left join articles a using (article_id)" + (" where " + " and ".join(clauses) if clauses else "")
           + " order by f.article, f.char_start")
    return _query(sql, params, con, db)


def corrections(con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
    """Every entry of the corrections file as the last build applied it: its action, who, when and note, and its
    outcome (applied, moot, or why it no longer applies: invalid, article_missing, span_missing, fact_missing)."""
    return _query("select * exclude (raw) from corrections order by entry", [], con, db)


def series(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
           measure: Sequence[str] | str | None = "level", con: Reader | None = None,
           db: Path | str | None = None, pair: tuple[str, str] | None = None) -> pl.DataFrame:
    """One row per indicator x pair x measure x period (the `series` view); `pair` keeps the facts
    between two countries, in either direction."""
    where, params = _view_where(indicator, country, measure, pair)
    return _query(f"select * from series{where} order by indicator, pair_label, period_end nulls last", params, con, db)


def _view_where(indicator, country, measure, pair: tuple[str, str] | None = None) -> tuple[str, list]:
    """Filters on a view's columns (country_a, country_b): `pair` keeps both directions of two countries."""
    where, params = _where(indicator, None, measure)
    if pair:
        a, b = sorted(countries(list(pair)))
        where += (" and " if where else " where ") + "least(country_a, country_b) = ? and greatest(country_a, country_b) = ?"
        params += [a, b]
    if country:
        vals = countries(country)
        where += (" and " if where else " where ") + "(country_a in (select unnest(?)) or country_b in (select unnest(?)))"
        params += [vals, vals]
    return where, params


def coverage(con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
    """Articles and facts per pair and year."""
    return _query("select * from coverage", [], con, db)


def conflicts(con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
    """Statements of the same quantity from different articles that disagree by more than 5 %."""
    return _query("select * from conflicts order by rel_spread desc", [], con, db)


def issues(con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
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


def consensus(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
              measure: Sequence[str] | str | None = None, con: Reader | None = None,
              db: Path | str | None = None, pair: tuple[str, str] | None = None) -> pl.DataFrame:
    """One value per quantity (indicator, pair, measure, unit, period), the value every page of the report
    shows: picked among its statements by the rule of sql/views/30_consensus.sql, with n_facts, n_sources,
    min, max, spread and the picked statement's article and evidence."""
    where, params = _view_where(indicator, country, measure, pair)
    return _query(f"select * from consensus{where} order by indicator, pair_label, period_end nulls last", params, con, db)


def usd_values(indicator: Sequence[str] | str | None = None, country: Sequence[str] | str | None = None,
               con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
    """Money quantities (consensus values) with their USD equivalent: fx_status says native, converted or
    no_rate, and fx_note why a figure stays unconverted."""
    where, params = _view_where(indicator, country, None)
    where += (" and " if where else " where ") + "fx_status != 'not_money'"
    return _query(f"select * from usd_value{where} order by indicator, pair_label", params, con, db)


def comparisons(country: Sequence[str] | str | None = None, indicator: Sequence[str] | str | None = None,
                year: int | None = None, con: Reader | None = None,
                db: Path | str | None = None) -> pl.DataFrame:
    """A country's partners ranked per indicator and full year by USD value (consensus values), with each
    partner's share of the partners the corpus states for that country and year."""
    clauses, params = [], []
    if country:
        clauses.append("country in (select unnest(?))")
        params.append(countries(country))
    if indicator:
        clauses.append("indicator in (select unnest(?))")
        params.append(indicators(indicator))
    if year is not None:
        clauses.append("year = ?")
        params.append(int(year))
    where = (" where " + " and ".join(clauses)) if clauses else ""
    return _query(f"select * from comparisons{where} order by country, indicator, year desc, rank", params, con, db)


def events(country: Sequence[str] | str | None = None, con: Reader | None = None,
           db: Path | str | None = None) -> pl.DataFrame:
    """Cooperation events with their participants as a list, optionally those a country took part in."""
    sql = """
        select e.*, p.participants, a.published, a.title as article_title, a.source as article_source
        from events e
        left join (select event_id, list(participant order by participant) as participants
                   from event_participants group by event_id) p using (event_id)
        left join articles a using (article_id)
    """
    params: list = []
    if country:
        sql += " where list_has_any(p.participants, ?)"
        params.append(countries(country))
    return _query(sql + " order by coalesce(e.date_start, a.published) nulls last, e.article", params, con, db)


def cooperation(con: Reader | None = None, db: Path | str | None = None) -> pl.DataFrame:
    """Events per country pair and year (held and planned apart)."""
    return _query("select * from cooperation order by n_held desc, pair_label, year", [], con, db)
