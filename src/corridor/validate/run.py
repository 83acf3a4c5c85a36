"""Run the expectation suites against the warehouse and record every failing row.

GX's SQL datasource through duckdb-engine fetches after the connection closes (every expectation
fails with MetricResolutionError), so each suite runs on a pandas frame read from DuckDB, with
COMPLETE results indexed by the row id so a failure names its rows. Facts are never deleted:
failures go to `fact_issues`, keyed by run.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from corridor.resources import LOCK_WAIT, project_dir
from corridor.store import connect, ensure_schema
from corridor.store.load import rollback
from corridor.store.warehouse import WRITE_ERRORS, refresh_fact_checks, write_failed

# What each suite reads: the suite's `meta.table` names one of these queries.
QUERIES = {
    "facts": "select * from facts",
    "fact_checks": "select * from fact_checks",
    "articles": "select article_id, name, text, n_chars, lang, year(published) as published_year from articles",
    "event_checks": "select * from event_checks",
    "event_participants": "select * from event_participants",
    # one row per entry of the corrections file; each check is null where an earlier one already failed
    "corrections": """
        select regexp_extract(file, '[^/]+$') || '#' || entry as correction, article_ref as article, evidence,
               outcome, problem,
               outcome <> 'invalid' as entry_valid,
               case when outcome <> 'invalid' then outcome <> 'article_missing' end as article_found,
               case when outcome not in ('invalid', 'article_missing') then outcome <> 'span_missing' end as span_found,
               case when outcome in ('applied', 'moot', 'fact_missing') then outcome <> 'fact_missing' end as fact_found
        from corrections
    """,
}
# How a failing row is named in examples: a fact a person corrected or added says by which entry
LOOKUP = """
    select fact_id, article || case when status in ('corrected', 'added') then ' (' || status || ' by ' || correction || ')'
                                    else '' end, evidence from facts
    union all select event_id, article, evidence from events
    union all select regexp_extract(file, '[^/]+$') || '#' || entry, coalesce(article_ref, '?'), coalesce(evidence, '?')
    from corrections
"""


@dataclass(slots=True)
class RuleResult:
    suite: str
    rule: str  # expectation type and column, e.g. expect_column_values_to_be_between(value)
    family: str
    why: str
    success: bool
    n_failing: int
    failing_ids: list[str] = field(default_factory=list)
    observed: list[str] = field(default_factory=list)
    examples: list[dict] = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)


@dataclass(slots=True)
class ValidationReport:
    run_id: str
    results: list[RuleResult]
    n_rows: int

    @property
    def n_rules(self) -> int:
        return len(self.results)

    @property
    def n_failed(self) -> int:
        return sum(not r.success for r in self.results)


def load_suites(folder: Path | None = None) -> list[dict]:
    folder = folder or project_dir("expectations")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def rule_name(exp: dict) -> str:
    kw = exp["kwargs"]
    cols = kw.get("column") or ",".join(filter(None, (kw.get("column_A"), kw.get("column_B"))))
    name = f"{exp['type'].removeprefix('expect_')}({cols})"
    if kw.get("row_condition"):
        name += f" where {condition_text(kw['row_condition'])}"
    return name


def condition_text(cond: dict | str) -> str:
    """A GX row condition (its JSON form) as one readable line: `unit == "USD" & measure in ["level"]`."""
    if isinstance(cond, str):
        return cond
    if cond.get("type") in ("and", "or"):
        joiner = " & " if cond["type"] == "and" else " | "
        return joiner.join(condition_text(c) for c in cond["conditions"])
    op = {"IN": "in", "NOT IN": "not in"}.get(cond["operator"], cond["operator"])
    return f"{cond['column']['name']} {op} {json.dumps(cond['parameter'], ensure_ascii=False)}"


def _gx_results(suite: dict, frame, index_col: str):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    asset = ctx.data_sources.add_pandas(f"corridor_{suite['name']}").add_dataframe_asset(suite["name"])
    batch = asset.add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": frame})
    # GX may return results in another order than the suite's: tag each expectation to map back.
    tagged = [{**e, "meta": {**e.get("meta", {}), "corridor_rule": i}} for i, e in enumerate(suite["expectations"])]
    gx_suite = ctx.suites.add(gx.ExpectationSuite(name=suite["name"], expectations=tagged))
    results = batch.validate(
        gx_suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [index_col]}
    ).results
    return sorted(results, key=lambda r: r.expectation_config.meta["corridor_rule"])


def run_validation(db: Path | str, suites_dir: Path | None = None, lock_wait: float = LOCK_WAIT,
                   notify: Callable[[str], None] | None = None) -> ValidationReport:
    """Run every suite, write failures to fact_issues (one transaction), return the report. Readers holding
    the warehouse are waited for up to `lock_wait` seconds, as a build waits."""
    started = datetime.now()
    run_id = uuid.uuid4().hex[:12]
    suites = load_suites(suites_dir)
    if not Path(db).exists():  # validating a mistyped path must not leave an empty warehouse there
        raise FileNotFoundError(f"{db}: no warehouse here yet (run `corridor build` first)")
    try:
        with connect(db, wait=lock_wait, notify=notify) as con:  # the stored checks first, if the facts changed
            ensure_schema(con)
            refresh_fact_checks(con)
    except WRITE_ERRORS as e:
        raise write_failed(db, e, "validation") from None
    with connect(db, read_only=True) as con:
        frames = {s["name"]: con.sql(QUERIES[s["meta"]["table"]]).df() for s in suites}
        lookup = {r[0]: r[1:] for r in con.execute(LOOKUP).fetchall()}
    results: list[RuleResult] = []
    n_rows = 0
    for suite in suites:
        frame = frames[suite["name"]]
        n_rows += len(frame)
        index_col = suite["meta"]["index_column"]
        gx_results = _gx_results(suite, frame, index_col) if len(frame) else []
        for exp, res in zip(suite["expectations"], gx_results, strict=False):
            r = res.result or {}
            index_list = r.get("unexpected_index_list") or []
            ids = [str(row.get(index_col)) for row in index_list if isinstance(row, dict)]
            column = exp["kwargs"].get("column") or exp["kwargs"].get("column_A")
            observed = [str(row.get(column, row.get(exp["kwargs"].get("column_B", ""), ""))) for row in index_list
                        if isinstance(row, dict)]
            if suite["meta"].get("observed_column") and ids:  # say what is wrong, not the failing flag
                said = dict(zip(frame[index_col].astype(str), frame[suite["meta"]["observed_column"]], strict=True))
                observed = [str(said.get(i) or o) for i, o in zip(ids, observed, strict=False)]
            if not ids and not res.success:
                # a table-level failure (e.g. uniqueness reported without index): name the values
                ids = [str(v) for v in r.get("unexpected_list") or []]
                observed = ids[:]
            examples = [
                {"id": i, "article": lookup.get(i, ("?", "?"))[0], "evidence": lookup.get(i, ("?", "?"))[1],
                 "observed": o}
                for i, o in zip(ids, observed, strict=False)
            ]
            results.append(RuleResult(
                suite=suite["name"], rule=rule_name(exp), family=exp["meta"]["family"], why=exp["meta"]["why"],
                success=bool(res.success), n_failing=len(ids) if ids else (0 if res.success else 1),
                failing_ids=ids, observed=observed, examples=examples, kwargs=exp["kwargs"],
            ))
    try:
        _record(db, run_id, started, results, n_rows, lock_wait, notify)
    except WRITE_ERRORS as e:
        raise write_failed(db, e, "validation") from None
    return ValidationReport(run_id=run_id, results=results, n_rows=n_rows)


def _record(db: Path | str, run_id: str, started: datetime, results: list[RuleResult], n_rows: int,
            lock_wait: float, notify: Callable[[str], None] | None) -> None:
    rows = [(run_id, i, r.rule, r.family, o) for r in results if not r.success
            for i, o in zip(r.failing_ids, r.observed, strict=False)]
    summary = {
        "rules": len(results), "failed": sum(not r.success for r in results), "rows": n_rows,
        "results": [{"suite": r.suite, "rule": r.rule, "family": r.family, "why": r.why, "success": r.success,
                     "failing": r.n_failing} for r in results],
    }
    with connect(db, wait=lock_wait, notify=notify) as con:
        ensure_schema(con)
        con.execute("begin transaction")
        try:
            if rows:
                con.executemany("insert into fact_issues values (?, ?, ?, ?, ?)", rows)
            con.execute("insert into runs values (?, 'validate', ?, current_timestamp, ?)",
                        [run_id, started, json.dumps(summary)])
            con.execute("commit")
        except BaseException:
            rollback(con)
            raise
