"""Validate: Great Expectations suites (expectations/*.json) run on frames read from DuckDB."""

from corridor.validate.run import RuleResult, ValidationReport, run_validation

__all__ = ["RuleResult", "ValidationReport", "run_validation"]
