"""Analyse: read-only access to the warehouse for notebooks and reports (polars DataFrames)."""
