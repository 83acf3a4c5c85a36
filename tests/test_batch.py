"""Batch mode over Parquet: the same extraction, mapped over record batches (the cluster path)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import ARTICLES
from corridor.batch import map_batch
from corridor.extract import extract_facts
from corridor.ingest.readers import iter_articles


def _articles_table() -> pa.Table:
    arts = list(iter_articles([ARTICLES], []))
    return pa.table({"name": [a.name for a in arts], "text": [a.text for a in arts],
                     "published": [a.published for a in arts], "title": [a.title for a in arts]})


def test_map_batch_equals_per_article_extraction() -> None:
    table = _articles_table()
    out = map_batch(table)
    expected = [f.as_record() for a in iter_articles([ARTICLES], [])
                for f in extract_facts(a.text, a.name, a.published, title=a.title)]
    assert out.num_rows == len(expected) > 0
    assert out.column("evidence").to_pylist() == [e["evidence"] for e in expected]


def test_cli_parquet_in_out(tmp_path: Path) -> None:
    src = tmp_path / "articles.parquet"
    pq.write_table(_articles_table(), src, row_group_size=2)
    dest = tmp_path / "facts.parquet"
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "extract", "--parquet-in", str(src), "--parquet-out",
                        str(dest)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    facts = pq.read_table(dest)
    assert facts.num_rows >= 11 and "trade_turnover" in facts.column("indicator").to_pylist()
    ev_dest = tmp_path / "events.parquet"
    subprocess.run([sys.executable, "-m", "corridor.cli", "extract", "--events", "--parquet-in", str(src),
                    "--parquet-out", str(ev_dest)], check=True, capture_output=True)
    events = pq.read_table(ev_dest)
    assert events.num_rows >= 5
    assert set(events.column("event_type").to_pylist()) <= {"summit", "meeting", "visit", "exercise"}


def test_duckdb_reads_the_parquet_output(tmp_path: Path) -> None:
    import duckdb

    dest = tmp_path / "facts.parquet"
    text = "Les échanges entre le Kazakhstan et la Chine ont atteint 31,5 milliards de dollars en 2023."
    pq.write_table(map_batch(pa.table({"name": ["a"], "text": [text], "published": [date(2024, 1, 2)]})), dest)
    assert duckdb.sql(f"select value from '{dest}'").fetchall() == [(31.5e9,)]
