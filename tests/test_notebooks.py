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
