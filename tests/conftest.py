"""Shared fixtures: the repo, the shared corpora, and one warehouse built from the bundled corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "data" / "articles"
CORRECTIONS = ROOT / "data" / "corrections.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (the shared corpora sit beside the repo in CI)")
    return path


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The bundled corpus built with its corrections (data/corrections.yaml, beside the warehouse as in data/) and
    validated, once for the whole session: what `make report` builds."""
    from corridor.pipeline import build
    from corridor.validate import run_validation

    db = tmp_path_factory.mktemp("warehouse") / "corridor.duckdb"
    shutil.copy(CORRECTIONS, db.parent / "corrections.yaml")
    result = build([ARTICLES], db)
    assert not result.errors, result.errors
    run_validation(db)
    return db


@pytest.fixture(scope="session")
def site(built_db, tmp_path_factory) -> Path:
    """The report rendered once from the bundled warehouse."""
    from corridor.report import render_site

    out = tmp_path_factory.mktemp("site")
    index = render_site(built_db, out, log=lambda m: None)
    if ARTIFACTS.exists() or os.environ.get("CI"):
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copytree(out, ARTIFACTS / "site", dirs_exist_ok=True)
    return index
