"""Where the project's non-Python files live: the repo in a checkout, the wheel when installed."""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parents[1]


def project_dir(name: str) -> Path:
    """`sql`, `expectations` or `reports`."""
    for candidate in (_REPO / name, _PKG / "_project" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"project folder {name!r} not found beside {_PKG}")


DEFAULT_DB = Path("data/corridor.duckdb")
DEFAULT_ARTICLES = Path("data/articles")
LOCK_WAIT = float(os.environ.get("CORRIDOR_LOCK_WAIT", "30"))  # seconds a writer waits for readers to close


def find_warehouse(db: Path | str | None = None) -> Path:
    """The warehouse to read: `db` when given; else `CORRIDOR_DB`; else data/corridor.duckdb in this folder or
    the nearest folder above that has one (a notebook runs in notebooks/); else the checkout's own."""
    if db:
        return Path(db)
    if os.environ.get("CORRIDOR_DB"):
        return Path(os.environ["CORRIDOR_DB"])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / DEFAULT_DB).exists():
            return folder / DEFAULT_DB
    return _REPO / DEFAULT_DB if (_REPO / "pyproject.toml").exists() else DEFAULT_DB
