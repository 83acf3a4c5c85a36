"""The notebooks run top to bottom on the bundled corpus (executed with the project's kernel)."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, built_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORRIDOR_DB", str(built_db))
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks with outputs cleared"
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute(
        env={**os.environ})
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []


def test_there_are_two_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == ["01_explore.ipynb", "02_compare.ipynb"]


def test_connect_finds_the_project_warehouse_from_notebooks(built_db: Path, tmp_path: Path, monkeypatch) -> None:
    """`make lab` starts the kernel in notebooks/: corridor.connect() finds ../data/corridor.duckdb from there."""
    import shutil

    import corridor

    (tmp_path / "data").mkdir()
    shutil.copy(built_db, tmp_path / "data" / "corridor.duckdb")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.delenv("CORRIDOR_DB", raising=False)
    monkeypatch.chdir(tmp_path / "notebooks")
    with corridor.connect() as con:
        assert con.execute("select count(*) from facts").fetchall()[0][0] > 0
        path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchall()
    assert Path(path[0][0]).resolve() == (tmp_path / "data" / "corridor.duckdb").resolve()


def test_notebooks_teach_what_an_economist_does() -> None:
    """A pair's series, partners ranked, USD values with filters, conflicts, a number traced to its sentence."""
    text = "\n".join(c.source for p in NOTEBOOKS for c in nbformat.read(p, as_version=4).cells)
    for call in ("corridor.consensus(pair=", "corridor.comparisons(", "corridor.usd_values(indicator=",
                 "corridor.conflicts(", "marked(text", "corridor.connect()"):
        assert call in text, call


def test_make_lab_runs_as_root() -> None:
    """JupyterLab refuses root without --allow-root: in a container `make lab` passes it."""
    import os
    import subprocess

    r = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True)
    line = next(x for x in r.stdout.splitlines() if "jupyter lab" in x)
    assert ("--allow-root" in line) == (os.geteuid() == 0)
