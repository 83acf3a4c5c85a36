"""Confidence per fact, from its `why`: explicit roles outrank nearest words, which outrank context, topic and the
figure before; documented in docs/review.md; stored, filterable in the API and the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import corridor
from conftest import ARTICLES, ROOT
from corridor.cli import app
from corridor.review.confidence import SIDES, band, confidence, factors


def why(sides: str, measure: str = "level", period: str = "stated") -> str:
    return f"sides={sides}; measure={measure}; period={period}"


def test_an_explicit_role_outranks_nearby_words_which_outrank_inherited_sides() -> None:
    ladder = ["frame:exporter", "item:exporter", "near", "near+context", "context", "topic", "previous:total"]
    values = [confidence(why(s)) for s in ladder]
    assert values == sorted(values, reverse=True) and len(set(values)) >= 6, dict(zip(ladder, values, strict=True))
    # a frame giving one side only is surer than no frame, less than a frame giving both
    assert confidence(why("frame:investir")) > confidence(why("frame:investir+near")) > confidence(why("near"))
    assert confidence(why("frame:investir+context")) < confidence(why("frame:investir+near"))
    assert confidence(why("frame:transit+near+route")) == confidence(why("frame:transit+near"))  # a route decides no side


def test_period_and_measure_lower_it() -> None:
    base = confidence(why("frame:exporter"))
    assert confidence(why("frame:exporter", period="none")) < base
    assert confidence(why("frame:exporter", period="sentence-before")) < confidence(why("frame:exporter", period="series")) < base
    assert confidence(why("frame:exporter", measure="target:prévoir")) < base
    assert confidence(why("frame:exporter", measure="target:cue")) < confidence(why("frame:exporter", measure="target:future"))


def test_it_is_the_product_of_its_factors_and_stays_in_range() -> None:
    w = why("near+context", "target:cue", "none")
    product = 1.0
    for _, _, f in factors(w):
        product *= f
    assert confidence(w) == round(product, 2)
    for w in ("", None, "garbage", why("?"), why("unheard-of+tag", "weird", "odd")):
        assert 0 < confidence(w) <= 1
    assert [band(x) for x in (0.95, 0.85, 0.84, 0.65, 0.64, 0.1)] == ["high", "high", "medium", "medium", "low", "low"]


def test_every_rule_of_the_scale_is_documented() -> None:
    doc = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in doc.splitlines() if line.startswith("| sides"))
    for rule in SIDES:
        name = rule.replace("frame", "frame:<lemma>") if rule == "frame" else rule
        assert f"`{name}`" in table or f"`{rule}:<lemma>`" in table, f"{rule} not in docs/review.md's table"
        documented = re.search(rf"`{re.escape(name)}`[^|]*\| ([0-9.]+) \|", table) or \
            re.search(rf"`{re.escape(rule)}:<lemma>`[^|]*\| ([0-9.]+) \|", table)
        assert documented and float(documented.group(1)) == SIDES[rule], rule


def test_every_stored_fact_has_its_confidence(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as con:
        rows = con.execute("select why, confidence from extracted_facts").fetchall()
        shown = con.execute("select status, confidence, extractor_confidence from facts").fetchall()
    assert rows and all(c == confidence(w) for w, c in rows)
    assert all(c == 1.0 for s, c, _ in shown if s != "extracted")  # a person checked it
    assert all(c == e for s, c, e in shown if s == "extracted")


def test_min_confidence_filters_the_api_and_the_cli(built_db: Path) -> None:
    every = corridor.facts(db=built_db)
    sure = corridor.facts(db=built_db, min_confidence=0.8)
    assert 0 < sure.height < every.height and sure["confidence"].min() >= 0.8
    assert set(corridor.facts(db=built_db, status="added")["status"]) == {"added"}
    with pytest.raises(ValueError, match="unknown status"):
        corridor.facts(db=built_db, status="maybe")
    r = CliRunner().invoke(app, ["facts", "--db", str(built_db), "--min-confidence", "0.8", "--format", "jsonl"])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and len(rows) == sure.height and all(x["confidence"] >= 0.8 for x in rows)
    table = CliRunner().invoke(app, ["facts", "--db", str(built_db), "--limit", "0"], env={"COLUMNS": "250"})
    assert "checked" in table.stdout and "confirmed" in table.stdout and "0.6" in table.stdout


def test_a_warehouse_from_before_confidence_gets_it(tmp_path: Path) -> None:
    """A warehouse whose raw facts were the table `facts` (no confidence, no corrections): the next build moves the
    rows to extracted_facts, scores them and makes `facts` the view; nothing is re-extracted."""
    from corridor.pipeline import build

    db = tmp_path / "old.duckdb"
    build([ARTICLES], db)
    with duckdb.connect(str(db)) as con:  # the layout before corrections
        con.execute("drop view facts")
        con.execute("create table facts as select * exclude (confidence) from extracted_facts")
        con.execute("create index facts_article on facts (article_id)")
        con.execute("drop table extracted_facts")
        con.execute("drop table reviewed_facts")
        con.execute("drop table corrections")
        before = con.execute("select fact_id, value from facts order by 1").fetchall()
    result = build([ARTICLES], db)
    assert result.extracted == 0 and not result.errors
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select fact_id, value from facts order by 1").fetchall() == before
        assert con.execute("select count(*) from extracted_facts where confidence is null").fetchone()[0] == 0
        assert con.execute("select table_type from information_schema.tables where table_name = 'facts'"
                           ).fetchone()[0] == "VIEW"
        assert con.execute("select count(*) from series").fetchone()[0] == len(before)
