"""The CLI: every command has --help, is documented in the README, and `extract` keeps the spec's shape."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES, ROOT
from corridor.cli import SPEC_FIELDS, app

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_commands_exist() -> None:
    assert set(COMMANDS) >= {"extract", "build", "validate", "report", "facts"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"corridor {command}" in readme, f"`corridor {command}` is not documented in README.md"


def test_extract_jsonl_has_the_spec_fields() -> None:
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "extract", str(ARTICLES), "--format", "jsonl"],
                       capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows
    for row in rows:
        assert set(SPEC_FIELDS) <= set(row)
        assert isinstance(row["char_start"], int) and isinstance(row["value"], float | int)


def test_extract_csv_and_table() -> None:
    r = runner.invoke(app, ["extract", str(ARTICLES / "003_ce0b867bfe2a5adf.txt"), "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and list(rows[0]) == SPEC_FIELDS
    t = runner.invoke(app, ["extract", str(ARTICLES / "003_ce0b867bfe2a5adf.txt"), "--format", "table"])
    assert t.exit_code == 0 and "trade_turnover" in t.stdout


def test_extract_reports_a_missing_file_and_exits_1(tmp_path) -> None:
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "extract", str(tmp_path / "missing.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "no such file" in r.stderr


def test_facts_filters(built_db) -> None:
    r = runner.invoke(app, ["facts", "--db", str(built_db), "--indicator", "investment", "--format", "jsonl"])
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and {x["indicator"] for x in rows} == {"investment"}
    r = runner.invoke(app, ["facts", "--db", str(built_db), "--country", "tur", "--format", "jsonl"])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("TUR" in (x["reporter"], x["partner"]) for x in rows)


def test_facts_without_warehouse_is_a_clear_error(tmp_path) -> None:
    r = runner.invoke(app, ["facts", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    assert "corridor build" in r.output


def test_readers_during_a_build_get_one_line(built_db, tmp_path) -> None:
    """`facts`, `report`, `validate` and the notebook API, while a build holds the warehouse: the one line
    `validate` gave, no WarehouseLocked traceback."""
    import shutil
    import textwrap

    import corridor
    from corridor.store import WarehouseLocked

    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, time
        con = duckdb.connect({str(db)!r})  # as a build holds it
        print("held", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (["facts"], ["report", "--out", str(tmp_path / "site")], ["validate"]):
            r = subprocess.run([sys.executable, "-m", "corridor.cli", *args, "--db", str(db)], capture_output=True,
                               text=True, timeout=120)
            assert r.returncode == 2 and "Traceback" not in r.stderr, (args, r.stderr)
            assert r.stderr.strip().splitlines()[-1] == f"error: {db}: warehouse is locked by another corridor process"
        con = corridor.connect(db)
        with pytest.raises(WarehouseLocked, match="warehouse is locked by another corridor process"):
            corridor.facts(con=con)
    finally:
        holder.kill()
        holder.wait()


def test_data_printed_to_the_terminal_is_never_markup(tmp_path) -> None:
    """Names and text that look like rich markup (`[/x]` closes a tag never opened) are printed as they are:
    `facts`, `extract --format table`, `validate` and the build's messages crashed in rich's markup parser."""
    corpus = tmp_path / "corpus"
    (corpus / "[").mkdir(parents=True)  # named after its path in the build: "[/x] markup.txt"
    (corpus / "[" / "x] markup.txt").write_text(  # an implausible turnover, so that validate names the article
        "Les échanges commerciaux entre le Kazakhstan et la Chine ont atteint 1 789 milliards de dollars en 2023.",
        encoding="utf-8")
    (corpus / "[red]empty[").mkdir()
    (corpus / "[red]empty[" / "red].txt").write_bytes(b"")
    db = tmp_path / "w.duckdb"
    env = {**__import__("os").environ, "COLUMNS": "250"}

    def cli(*args: str) -> subprocess.CompletedProcess:
        r = subprocess.run([sys.executable, "-m", "corridor.cli", *args], capture_output=True, text=True, env=env)
        assert "Traceback" not in r.stderr and "MarkupError" not in r.stderr, r.stderr
        return r

    built = cli("build", str(corpus), "--db", str(db), "--workers", "1")
    assert built.returncode == 1 and "error: [red]empty[/red].txt: empty file" in built.stderr
    extracted = cli("extract", str(corpus), "--format", "table")
    assert extracted.returncode == 1 and "[/x] markup.txt" in extracted.stdout
    assert "[/x] markup.txt" in cli("facts", "--db", str(db)).stdout
    validated = cli("validate", "--db", str(db))
    assert validated.returncode == 1 and "[/x] markup.txt" in validated.stdout


@pytest.mark.parametrize("spelling", ["AZE", "az", "Azerbaijan", "Azerbaïdjan", "azerbaidjan"])
def test_facts_accepts_country_names_and_codes(built_db, spelling: str) -> None:
    r = runner.invoke(app, ["facts", "--db", str(built_db), "--country", spelling, "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("AZE" in (x["reporter"], x["partner"]) for x in rows)


def test_facts_refuses_an_unknown_indicator_or_country_and_says_what_is_valid(built_db) -> None:
    r = runner.invoke(app, ["facts", "--db", str(built_db), "--indicator", "trade"])
    assert r.exit_code == 2 and "trade_turnover" in r.output and "investment" in r.output
    r = runner.invoke(app, ["facts", "--db", str(built_db), "--country", "Atlantis"])
    assert r.exit_code == 2 and "ISO code" in r.output


def test_facts_help_lists_the_indicators() -> None:
    r = runner.invoke(app, ["facts", "--help"])
    assert r.exit_code == 0
    for indicator in ("trade_turnover", "exports", "investment", "transit_cargo", "gas_supply"):
        assert indicator in r.output


def test_facts_matching_nothing_says_what_the_warehouse_holds(built_db) -> None:
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "facts", "--db", str(built_db), "--country", "FRA",
                        "--indicator", "gas_supply"], capture_output=True, text=True)
    assert r.returncode == 0 and "no fact matches" in r.stderr and "investment" in r.stderr


def test_validate_on_a_mistyped_path_creates_no_warehouse(tmp_path) -> None:
    typo = tmp_path / "typo.duckdb"
    r = runner.invoke(app, ["validate", "--db", str(typo)])
    assert r.exit_code != 0 and "corridor build" in r.output
    assert not typo.exists()


def test_build_of_a_missing_folder_creates_no_warehouse(tmp_path) -> None:
    db = tmp_path / "w.duckdb"
    r = runner.invoke(app, ["build", str(tmp_path / "missing"), "--db", str(db)])
    assert r.exit_code != 0 and "no such file or folder" in r.output
    assert not db.exists() and not (tmp_path / "w.duckdb.wal").exists()


def test_one_pair_convention_in_the_cli_api_and_report(built_db) -> None:
    """A symmetric indicator is "A–B" in code order whichever side the article names first; a directional one
    "A→B" from reporter to partner: the CLI's table and the API's series write the same label."""
    from corridor import labels
    from corridor.analyse import api

    r = runner.invoke(app, ["facts", "--db", str(built_db), "--format", "table", "--limit", "0"])
    assert r.exit_code == 0
    with api.connect(built_db) as con:
        series = api.series(con=con, measure=None)
    for row in series.iter_rows(named=True):
        assert row["pair_label"] == labels.pair_label(row["indicator"], row["country_a"], row["country_b"])
        if row["is_symmetric"] and row["country_b"]:
            assert row["country_a"] < row["country_b"]
            assert f"{row['country_b']}–{row['country_a']}" not in r.stdout  # never the other way round
        assert row["pair_label"] in r.stdout
