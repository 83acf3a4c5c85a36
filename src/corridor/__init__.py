"""Corridor: French news on the Turkic states, Central Asia and the Caucasus -> a warehouse of trade facts.

For notebooks::

    import corridor
    con = corridor.connect()              # the warehouse, read-only (a Warehouse: no lock held between queries)
    corridor.facts(country="KAZ")         # polars DataFrames
    corridor.series("trade_turnover")
    corridor.conflicts()
    corridor.comparisons(country="Kazakhstan")  # its partners ranked, in USD
    corridor.charts.trend(corridor.series("trade_turnover", country="AZE"))
    corridor.facts(min_confidence=0.8)    # status: extracted | confirmed | corrected | added
    corridor.correct(fact_id, partner="CHN", note="…")   # confirm / reject / add: data/corrections.yaml
    corridor.agreement()                  # share of reviewed facts the extractor had right, per indicator

Attributes load lazily so that `corridor extract` does not pay for polars, Altair or GX.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {"Warehouse", "connect", "facts", "series", "coverage", "conflicts", "consensus", "usd_values", "comparisons",
        "issues", "events", "cooperation", "corrections"}
_REVIEW = {"confirm": "decisions", "correct": "decisions", "reject": "decisions", "add": "decisions",
           "agreement": "queue"}
__all__ = ["__version__", "charts", *sorted(_API | set(_REVIEW))]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module("corridor.analyse.api"), name)
    if name in _REVIEW:
        return getattr(import_module(f"corridor.review.{_REVIEW[name]}"), name)
    if name == "charts":
        return import_module("corridor.analyse.charts")
    raise AttributeError(f"module 'corridor' has no attribute {name!r}")
