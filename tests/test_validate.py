"""Validation: the bundled corpus passes; planted violations of every family fail, each named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import FIXTURES
from corridor.ingest import read_path
from corridor.store import connect, ensure_schema
from corridor.store.load import FACT_COLUMNS
from corridor.validate import run_validation
from corridor.validate.run import load_suites

PLANTED = FIXTURES / "planted"


def test_suites_are_readable_files_with_reasons() -> None:
    suites = load_suites()
    assert {s["name"] for s in suites} >= {"facts", "articles", "fact_checks"}
    exps = [e for s in suites for e in s["expectations"]]
    assert len(exps) >= 25
    assert {e["meta"]["family"] for e in exps} == {"schema", "ranges", "plausibility", "cross_fact"}
    assert all(len(e["meta"]["why"]) > 20 for e in exps)


def test_bundled_corpus_passes(built_db: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "validate", "--db", str(built_db)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "rules pass" in r.stderr


@pytest.fixture(scope="module")
def planted_report(tmp_path_factory):
    db = _planted_db(tmp_path_factory.mktemp("planted"))
    return db, run_validation(db)


def _planted_db(tmp_path: Path) -> Path:
    db = tmp_path / "planted.duckdb"
    [article] = read_path(PLANTED / "article.txt")
    with connect(db) as con:
        ensure_schema(con)
        con.execute(
            "insert into articles (article_id, name, path, fmt, published, date_source, lang, text, n_chars, "
            "extractor_version) values (?, ?, ?, 'txt', ?, 'dateline', 'fr', ?, ?, 'planted')",
            [article.article_id, article.name, article.path, article.published, article.text, len(article.text)])
        con.execute("insert into article_names values (?, ?, ?, ?)",
                    [article.key, article.name, article.article_id, article.path])
        for line in (PLANTED / "facts.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            rec["article_id"] = article.article_id
            rec["extractor_version"] = "planted"
            con.execute(f"insert into extracted_facts ({', '.join(FACT_COLUMNS)}) values ({', '.join('?' * len(FACT_COLUMNS))})",
                        [rec.get(c) for c in FACT_COLUMNS])
    return db


def test_planted_violations_fail_each_named(tmp_path: Path) -> None:
    db = _planted_db(tmp_path)
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "validate", "--db", str(db)],
                       capture_output=True, text=True, env={"COLUMNS": "250", **__import__("os").environ})
    assert r.returncode == 1, r.stdout + r.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        flagged = con.execute("select fact_id, rule, family from fact_issues").fetchall()
        n_facts = con.execute("select count(*) from facts").fetchall()[0][0]
    planted = [json.loads(line) for line in (PLANTED / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    for p in planted:
        if p["planted_rule"] is None:
            continue
        hits = [(rule, fam) for fid, rule, fam in flagged if fid == p["fact_id"]]
        assert any(p["planted_rule"] in rule and fam == p["planted_family"] for rule, fam in hits), (p["fact_id"], hits)
        assert p["fact_id"] in r.stdout, f"{p['fact_id']} not named in the CLI output"
    assert n_facts == len(planted)  # flagged, never deleted
    warn = subprocess.run([sys.executable, "-m", "corridor.cli", "validate", "--db", str(db), "--warn-only"],
                          capture_output=True, text=True)
    assert warn.returncode == 0


def test_validation_run_is_recorded(planted_report) -> None:
    db, report = planted_report
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select run_id, kind from runs").fetchall()
        issues = con.execute("select count(*) from fact_issues where run_id = ?", [report.run_id]).fetchall()[0][0]
    assert (report.run_id, "validate") in runs
    assert issues == sum(len(r.failing_ids) for r in report.results if not r.success) > 0


@pytest.mark.parametrize("rule_family", ["schema", "ranges", "plausibility", "cross_fact"])
def test_every_family_catches_something(planted_report, rule_family: str) -> None:
    _, report = planted_report
    assert any(not r.success and r.family == rule_family for r in report.results)
