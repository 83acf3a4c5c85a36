"""Store: the DuckDB warehouse (schema from sql/, transactional loads)."""

from corridor.store.warehouse import WarehouseLocked, connect, ensure_schema

__all__ = ["WarehouseLocked", "connect", "ensure_schema"]
