"""`corridor`: a thin command line over the library (corridor.pipeline, .validate, .report, .analyse).

Heavy imports (Great Expectations, Altair, nbconvert) happen inside the commands that need them,
so `extract` and `build` start fast.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from corridor.labels import INDICATORS
from corridor.resources import DEFAULT_ARTICLES, DEFAULT_DB, LOCK_WAIT

app = typer.Typer(
    help="Corridor: French news on the Turkic states, Central Asia and the Caucasus -> a warehouse of "
    "trade and cooperation facts.",
    no_args_is_help=True,
    add_completion=False,
)
# Data is printed as it is, never read as rich markup (an article named "[/x] a.txt" is text): markup off
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)  # one line per message, never wrapped
out = Console(markup=False, highlight=False)

SPEC_FIELDS = [
    "article", "indicator", "measure", "reporter", "partner", "value", "unit", "per", "qualifier",
    "period_start", "period_end", "period_kind", "route", "evidence", "char_start", "char_end",
]


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.")]


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:,.0f} articles/s" if task.speed else "")


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal,
    )


def _say(label: str, message: str) -> None:
    """One line on stderr: a coloured `error:` or `warning:`, then the message as plain text."""
    err.print(Text.assemble((f"{label}:", "red" if label == "error" else "yellow"), " ", message))


def _fail(message: str, code: int = 2) -> typer.Exit:
    _say("error", message)
    return typer.Exit(code)


def _row(table: Table, *cells: object) -> None:
    table.add_row(*(Text("" if c is None else str(c)) for c in cells))  # Text: never parsed as markup


def _print_table(table: Table, width: int | None) -> None:
    Console(width=width and max(out.width, width), markup=False, highlight=False).print(table)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """What can be expected to go wrong with the warehouse (missing, locked by a build, on a read-only or full
    disk) ends the command with one line and exit 2, never a traceback."""
    from corridor.store import WarehouseError

    try:
        yield
    except (WarehouseError, FileNotFoundError) as e:
        raise _fail(str(e)) from None


@app.command()
def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help="Article files or folders.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    events: Annotated[bool, typer.Option("--events", help="Print cooperation events instead of facts.")] = False,
    parquet_in: Annotated[Path | None, typer.Option("--parquet-in", help="Batch mode: a Parquet file or folder of "
                                                    "articles (name, text, published).")] = None,
    parquet_out: Annotated[Path | None, typer.Option("--parquet-out", help="Batch mode: write facts (or events) "
                                                     "to this Parquet file (a partitioned folder with --engine ray).")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Batch mode: map in this process, or on Ray Data "
                                           "(RAY_ADDRESS names a cluster; else Ray runs locally).")] = Engine.local,
) -> None:
    """Extract facts from articles and print them in the shape of the facts spec (no database)."""
    if parquet_in or parquet_out:
        if not (parquet_in and parquet_out):
            raise _fail("--parquet-in and --parquet-out go together")
        if engine is Engine.ray:
            from corridor.batch import extract_with_ray

            n = extract_with_ray(parquet_in, parquet_out, events=events)
        else:
            from corridor.batch import extract_parquet

            n = extract_parquet(parquet_in, parquet_out, events=events)
        err.print(f"{parquet_out}: {n} {'events' if events else 'facts'} written")
        return
    if not paths:
        raise _fail("give article files or folders (or --parquet-in/--parquet-out)")
    from corridor.pipeline import extract_safely, read_articles

    errors: list[str] = []
    warnings: list[str] = []
    records: list[dict] = []
    for article in read_articles(paths, errors, warnings):
        found_facts, found_events, error = extract_safely(article)
        if error:
            errors.append(error)
        records.extend(e.as_record() for e in (found_events if events else found_facts))
    for w in warnings:
        _say("warning", w)
    for e in errors:
        _say("error", e)
    _emit(records, fmt, SPEC_FIELDS if not events else None)
    if errors:
        raise typer.Exit(1)


def _date(value):
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _emit(records: list[dict], fmt: Format, fields: list[str] | None) -> None:
    if fmt is Format.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    cols = fields or (list(records[0]) if records else [])
    if fmt is Format.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in records:
            w.writerow({k: (json.dumps(v) if isinstance(v, list) else v) for k, v in r.items()})
        return
    if fields is None:  # events: every field as it is
        table = Table(show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in records:
            _row(table, *(r.get(c) for c in cols))
    else:
        table = Table(show_lines=False)
        reviewed = any("status" in r for r in records)  # the warehouse's facts: status or confidence
        for c in ("article", "indicator", "measure", "pair", "value", "qualifier", "period", "evidence",
                  *(["checked"] if reviewed else [])):
            table.add_column(c, overflow="fold", max_width=60 if c == "evidence" else None)
        from corridor.labels import pair_label, period_text, value_text

        for r in records:
            checked = (r.get("status") if r.get("status") not in (None, "extracted") else
                       f"{r['confidence']:.2f}" if r.get("confidence") is not None else "")
            _row(table, r["article"], r["indicator"], r["measure"], pair_label(r["indicator"], r["reporter"], r["partner"]),
                 value_text(r["value"], r["unit"], r.get("per"), r["qualifier"], r["measure"]), r["qualifier"],
                 period_text(_date(r.get("period_start")), _date(r.get("period_end")), r.get("period_kind"),
                             r["measure"]), r["evidence"], *([checked] if reviewed else []))
    _print_table(table, 180 if not out.is_terminal else None)


@app.command()
def build(
    articles: Annotated[list[Path] | None, typer.Argument(help="Article files or folders.")] = None,
    db: DbOption = DEFAULT_DB,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-extract every article.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Re-read every file and exit 1 on warnings too.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes (0: one per core).")] = 0,
    wait: Annotated[float, typer.Option("--wait", help="Seconds to wait for readers (a report, a notebook's "
                                        "query) to close the warehouse.")] = LOCK_WAIT,
    corrections: Annotated[Path | None, typer.Option(
        "--corrections", help="The corrections file to apply (default: beside the warehouse, named after it: "
        "corrections.yaml for corridor.duckdb, press.corrections.yaml for press.duckdb).")] = None,
) -> None:
    """Ingest, extract and load articles into the DuckDB warehouse, then apply the corrections file (one
    transaction)."""
    from corridor.pipeline import build as run_build

    paths = articles or [DEFAULT_ARTICLES]
    missing = [p for p in paths if not p.exists()]
    if missing:  # checked before the warehouse is opened: a mistyped folder must leave no empty warehouse
        raise _fail(f"{', '.join(map(str, missing))}: no such file or folder; nothing built")
    with _progress() as bar, _one_line_errors():
        task = bar.add_task("extracting", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        result = run_build(paths, db, rebuild=rebuild, workers=workers or None, progress=progress, reread=strict,
                           lock_wait=wait, notify=err.print, corrections=corrections)
    for w in result.warnings:
        _say("warning", w)
    for e in result.errors:
        _say("error", e)
    s = result.summary()
    retired = f", {s['retired']} retired (their files left the paths built)" if s["retired"] else ""
    c = s["corrections"]
    applied = (f", {c['applied']} of {c['entries']} corrections applied"
               + (f" ({c['moot']} moot)" if c.get("moot") else "")
               + (f" ({c['failed']} no longer apply)" if c.get("failed") else "") if c.get("entries") else "")
    err.print(
        f"{db}: {s['articles']} articles ({s['extracted']} extracted, {s['unchanged']} unchanged{retired}), "
        f"{s['facts']} new facts, {s['events']} new events{applied}, {s['errors']} errors, {s['warnings']} warnings")
    if result.errors or (strict and result.warnings):
        raise typer.Exit(1)


@app.command()
def validate(
    db: DbOption = DEFAULT_DB,
    warn_only: Annotated[bool, typer.Option("--warn-only", help="Exit 0 even when rules fail.")] = False,
) -> None:
    """Run the Great Expectations suites; flag failing facts in fact_issues; exit 1 when a rule fails."""
    from corridor.validate import run_validation

    with _one_line_errors(), err.status("running the expectation suites…", spinner="dots"):
        report = run_validation(db, notify=err.print)
    table = Table(title=f"validation {report.run_id}: {report.n_rules} rules, {report.n_failed} failing")
    for col in ("family", "rule", "failing", "rows (fact_id)", "first examples"):
        table.add_column(col, overflow="fold")
    for r in report.results:
        if r.success:
            continue
        ids = ", ".join(r.failing_ids[:10]) + (f" (+{len(r.failing_ids) - 10})" if len(r.failing_ids) > 10 else "")
        examples = "; ".join(f"{x['article']}: «{x['evidence']}» ({x['observed']})" for x in r.examples[:2])
        _row(table, r.family, r.rule, r.n_failing, ids, examples)
    if report.n_failed:
        _print_table(table, 160)
    else:
        err.print(f"all {report.n_rules} rules pass ({report.n_rows} rows checked)")
    if report.n_failed and not warn_only:
        raise typer.Exit(1)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out_dir: Annotated[Path, typer.Option("--out", help="Where the HTML site goes.")] = Path("reports/_site"),
) -> None:
    """Render the report site to HTML (Quarto when installed, else the built-in renderer)."""
    from corridor.report import render_site

    with _one_line_errors(), err.status("rendering the report…", spinner="dots"):
        index = render_site(db, out_dir, log=err.print)
    print(index.resolve())


@app.command()
def facts(
    db: DbOption = DEFAULT_DB,
    indicator: Annotated[list[str] | None, typer.Option(
        "--indicator", "-i", help=f"Only these indicators: {', '.join(INDICATORS)}.")] = None,
    country: Annotated[list[str] | None, typer.Option(
        "--country", "-c", help="Facts involving these countries: ISO codes (KAZ, KZ) or names (Kazakhstan, "
        "Ouzbékistan).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 200,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", help="Only facts at least this certain, 0 to 1 (a fact a person checked has 1).")] = None,
) -> None:
    """Print facts from the warehouse (with the corrections file applied). Pairs are written as everywhere in corridor: "A–B" counted once for the
    pair (trade turnover, transit cargo, agreements; codes in alphabetical order), "A→B" from A to B."""
    from corridor.analyse import api

    try:
        codes = api.countries(country)
        api.indicators(indicator)
    except ValueError as e:
        raise _fail(str(e)) from None
    with _one_line_errors():
        df = api.facts(indicator=indicator, country=codes, db=db, min_confidence=min_confidence)
        if df.is_empty():
            with api.connect(db) as wh:
                present = [r[0] for r in wh.execute("select distinct indicator from facts order by 1").fetchall()]
            err.print(f"no fact matches; indicators in this warehouse: {', '.join(present) or 'none'}"
                      + (f"; countries asked: {', '.join(codes)}" if codes else ""))
    rows = df.to_dicts()
    if limit:
        rows = rows[:limit]
    for r in rows:
        for k, v in r.items():
            if hasattr(v, "isoformat"):
                r[k] = v.isoformat()
    _emit(rows, fmt, SPEC_FIELDS)


@app.command()
def review(
    db: DbOption = DEFAULT_DB,
    country: Annotated[list[str] | None, typer.Option(
        "--country", "-c", help="Only facts involving these countries (codes or names).")] = None,
    indicator: Annotated[list[str] | None, typer.Option(
        "--indicator", "-i", help=f"Only these indicators: {', '.join(INDICATORS)}.")] = None,
    article: Annotated[str | None, typer.Option("--article", "-a", help="Only articles whose name holds this.")] = None,
    corrections: Annotated[Path | None, typer.Option(
        "--corrections", help="The corrections file (default: beside the warehouse, as `build` finds it).")] = None,
    who: Annotated[str | None, typer.Option("--who", help="Who decides (default: CORRIDOR_REVIEWER, else your "
                                            "login name).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many facts (0: all).")] = 0,
    stats: Annotated[bool, typer.Option("--stats", help="Print the share of reviewed facts the extractor had "
                                        "right, per indicator and per confidence band, and exit.")] = False,
) -> None:
    """Review facts, least certain first: one key each to confirm, reject, edit a field or note why; every answer is
    written to the corrections file at once, and the next `corridor build` applies it."""
    from corridor.review import entries, queue
    from corridor.review.apply import corrections_path

    path = corrections_path(db, corrections)
    with _one_line_errors():
        try:
            if stats:
                _print_agreement(queue.agreement(db, path, "indicator"), "indicator", path)
                _print_agreement(queue.agreement(db, path, "confidence"), "confidence", path)
                return
            from corridor.analyse import api

            codes = api.countries(country)
            api.indicators(indicator)
            facts = queue.pending(db, codes, indicator, article, path, limit or None)
            waiting = queue.count_pending(db, codes, indicator, article, path)
            total = min(limit, waiting) if limit else waiting
        except (ValueError, entries.CorrectionsFileError) as e:
            raise _fail(str(e)) from None
    if not facts:
        err.print("nothing to review: every fact that matches is decided (in the warehouse or in "
                  f"{path}), or none matches")
        return
    tty = sys.stdin.isatty()
    session = queue.Session(facts, path, key=_key_reader(tty), line=_line_reader(tty), write=_review_writer(tty),
                            text=lambda article_id: queue.article_text(db, article_id), who=who, total=total)
    try:
        answers = session.run()
    except entries.CorrectionsFileError as e:
        raise _fail(str(e)) from None
    n = sum(answers.values())
    done = ", ".join(f"{v} {k}" for k, v in answers.items())
    err.print(f"{n} answer{'s' if n != 1 else ''} saved to {path}" + (f" ({done})" if n else "")
              + ("; `corridor build` applies them" if n else ""))


def _key_reader(tty: bool):
    """One key at the terminal (no Enter); from a pipe or a file, the first character of each line."""
    def read(prompt: str) -> str | None:
        out.file.write(prompt)
        out.file.flush()
        if tty:
            import click

            try:
                ch = click.getchar()
            except EOFError:
                return None
            out.file.write(ch + "\n")
            return ch.lower()
        line = sys.stdin.readline()
        if not line:
            return None
        out.file.write("\n")
        return line.strip()[:1].lower()
    return read


def _line_reader(tty: bool):
    def read(prompt: str) -> str | None:
        out.file.write(prompt)
        out.file.flush()
        line = sys.stdin.readline()
        if not line:
            return None
        if not tty:
            out.file.write("\n")
        return line.rstrip("\n")
    return read


def _review_writer(tty: bool):
    """The queue's text: styled at a terminal (the figure reversed), else plain with the figure in [[ ]]."""
    styles = {"figure": "reverse bold", "dim": "dim", "bad": "red", "good": "green", "head": "bold"}

    def write(segments: list[tuple[str, str]]) -> None:
        if tty:
            out.print(Text.assemble(*((t, styles.get(s, "")) for t, s in segments)), end="")
        else:
            out.file.write("".join(f"[[{t}]]" if s == "figure" else t for t, s in segments))
            out.file.flush()
    return write


def _print_agreement(df, by: str, path: Path) -> None:
    if df.is_empty():
        err.print(f"no reviewed fact yet ({path})")
        return
    table = Table(title=f"agreement by {by}: the share of reviewed facts the extractor had right ({path.name})")
    for col in df.columns:
        table.add_column(col, justify="left" if col == by else "right")
    for r in df.iter_rows(named=True):
        _row(table, *(f"{r[c]:.0%}" if c == "agreement" and r[c] is not None else
                      "—" if r[c] is None else r[c] for c in df.columns))
    _print_table(table, 100)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
