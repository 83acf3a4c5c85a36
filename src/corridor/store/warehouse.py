"""Open the warehouse and apply the SQL in sql/ (tables first, then views, in file order)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from corridor.resources import project_dir


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file."""


def connect(db: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db = Path(db)
    if read_only and not db.exists():
        raise FileNotFoundError(f"{db}: no warehouse here yet (run `corridor build` first)")
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(db), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise WarehouseLocked(f"{db}: warehouse is locked by another corridor process") from None
        raise


def sql_files(kind: str) -> list[Path]:
    return sorted((project_dir("sql") / kind).glob("*.sql"))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for path in sql_files("schema") + sql_files("views"):
        con.execute(path.read_text(encoding="utf-8"))


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Replace fx_rates with data/reference/fx_annual_usd.csv (inside the caller's transaction)."""
    csv = project_dir("data/reference") / "fx_annual_usd.csv"
    con.execute("delete from fx_rates")
    con.execute(
        "insert into fx_rates select currency, year, lcu_per_usd, source_url, source_note "
        "from read_csv(?, header = true, columns = {'currency': 'varchar', 'year': 'integer', "
        "'lcu_per_usd': 'double', 'source_url': 'varchar', 'source_note': 'varchar'})",
        [str(csv)],
    )
