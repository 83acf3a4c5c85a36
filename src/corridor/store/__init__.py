"""Store: the DuckDB warehouse (schema from sql/, transactional loads)."""

from corridor.store.warehouse import WarehouseError, WarehouseLocked, WarehouseWriteFailed, connect, ensure_schema

__all__ = ["WarehouseError", "WarehouseLocked", "WarehouseWriteFailed", "connect", "ensure_schema"]
