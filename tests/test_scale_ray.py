"""The cluster path for real: Ray Data in local mode maps the extraction over Parquet partitions of
articles, writes facts partitioned by indicator, and DuckDB reads them back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import ARTICLES
from corridor.batch import map_batch
from corridor.ingest.readers import iter_articles

pytest.importorskip("ray", reason="ray is in the dev extras; install '.[dev]'")


def _partitions(folder: Path) -> pa.Table:
    arts = list(iter_articles([ARTICLES], []))
    table = pa.table({"name": [a.name for a in arts], "text": [a.text for a in arts],
                      "published": [a.published for a in arts]})
    folder.mkdir()
    for i in range(0, table.num_rows, 2):  # several files: several map tasks
        pq.write_table(table.slice(i, 2), folder / f"part-{i:03d}.parquet")
    return table


def test_ray_local_mode_matches_the_local_map(tmp_path: Path) -> None:
    src = tmp_path / "articles"
    table = _partitions(src)
    dest = tmp_path / "facts"
    r = subprocess.run([sys.executable, "-m", "corridor.cli", "extract", "--engine", "ray", "--parquet-in", str(src),
                        "--parquet-out", str(dest)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert any(p.name.startswith("indicator=") for p in dest.iterdir())  # partitioned, as the docs say
    got = duckdb.sql(f"select article, indicator, value, evidence from read_parquet('{dest}/**/*.parquet', "
                     "hive_partitioning = true) order by all").fetchall()
    local = map_batch(table)
    want = sorted(zip(*(local.column(c).to_pylist() for c in ("article", "indicator", "value", "evidence")),
                      strict=True))
    assert got == want and len(got) >= 11
    assert "facts written" in r.stderr
