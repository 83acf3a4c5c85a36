"""Columns a reader reads instead of codes: pair in names, indicator in words, value with its scale and unit,
period in words, where a point sits on a time axis and what kind of period it is.

Applied to rows of the `series`, `consensus` or `usd_value` views (any frame with their columns).
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from corridor import labels

KINDS = ("full year", "part of a year", "target", "other period")


def kind_of(measure: str | None, start: date | None, end: date | None) -> str:
    """How a point may be drawn: only full years are joined by lines; a part of a year is its own mark."""
    if measure == "target":
        return "target"
    if labels.is_full_year(start, end):
        return "full year"
    if start is not None and end is not None and start.year == end.year and (end - start).days < 360:
        return "part of a year"
    return "other period"


def plot_date(kind: str, start: date | None, end: date | None, published: date | None) -> date | None:
    """Where a point sits on a time axis: the middle of its period (a full year on its year's label)."""
    if start is not None and end is not None:
        return start + timedelta(days=(end - start).days // 2)
    return end or start or (published if kind != "target" else None)


def with_kind(df: pl.DataFrame) -> pl.DataFrame:
    """`kind` and `when` (as kind_of and plot_date give them), computed by polars: a page picks what it draws
    from thousands of rows before it writes any of them in words."""
    start, end = pl.col("period_start"), pl.col("period_end")
    full = ((start.dt.month() == 1) & (start.dt.day() == 1) & (end.dt.month() == 12) & (end.dt.day() == 31)
            & (start.dt.year() == end.dt.year()))
    part = (start.dt.year() == end.dt.year()) & ((end - start).dt.total_days() < 360)
    kind = (pl.when(pl.col("measure") == "target").then(pl.lit("target"))
            .when(full).then(pl.lit("full year"))
            .when(start.is_not_null() & end.is_not_null() & part).then(pl.lit("part of a year"))
            .otherwise(pl.lit("other period")))
    middle = start + pl.duration(days=((end - start).dt.total_days() // 2))
    when = (pl.when(start.is_not_null() & end.is_not_null()).then(middle)
            .otherwise(pl.coalesce(end, start, pl.when(pl.col("measure") != "target").then(pl.col("published")))))
    return df.with_columns(kind.alias("kind"), when.cast(pl.Date).alias("when"))


def article_label(title: str | None, name: str | None) -> str:
    if title:
        t = title.strip()
        return t.capitalize() if t.isupper() else t  # "LES CHEFS DES SERVICES…" reads as a sentence
    return str(name or "")


def readable(df: pl.DataFrame) -> pl.DataFrame:
    """`df` plus pair, indicator_name, value_text, period_text, qualifier_text, kind, when, article_label,
    published_text, source_text, statements, review_text (its status and confidence, docs/review.md)."""
    if df.is_empty():
        return df.with_columns(*(pl.lit(None, pl.Utf8).alias(c) for c in (
            "pair", "indicator_name", "value_text", "period_text", "qualifier_text", "kind", "article_label",
            "published_text", "source_text", "statements", "review_text")), pl.lit(None, pl.Date).alias("when"))
    cols = set(df.columns)
    rows = df.select([c for c in ("indicator", "country_a", "country_b", "is_symmetric", "value", "unit", "per",
                                  "qualifier", "measure", "period_start", "period_end", "period_kind", "published",
                                  "article_title", "article", "article_source", "n_facts", "n_sources", "status",
                                  "confidence", "reviewed_by", "reviewed_at", "corrected_fields")
                      if c in cols]).to_dicts()
    out: dict[str, list] = {k: [] for k in ("pair", "indicator_name", "value_text", "period_text", "qualifier_text",
                                            "kind", "when", "article_label", "published_text", "source_text",
                                            "statements", "review_text")}
    for r in rows:
        start, end, measure = r.get("period_start"), r.get("period_end"), r.get("measure")
        symmetric = r.get("is_symmetric")
        if symmetric is None:
            symmetric = r.get("indicator") in labels.SYMMETRIC
        out["pair"].append(labels.pair_words(r.get("country_a"), r.get("country_b"), bool(symmetric)))
        out["indicator_name"].append(labels.indicator_name(r.get("indicator")))
        out["value_text"].append(labels.value_text(r.get("value"), r.get("unit"), r.get("per"), r.get("qualifier"), measure))
        out["period_text"].append(labels.period_text(start, end, r.get("period_kind"), measure))
        out["qualifier_text"].append(labels.QUALIFIER_WORDS.get(r.get("qualifier") or "", r.get("qualifier") or ""))
        kind = kind_of(measure, start, end)
        out["kind"].append(kind)
        out["when"].append(plot_date(kind, start, end, r.get("published")))
        out["article_label"].append(article_label(r.get("article_title"), r.get("article")))
        out["published_text"].append(r["published"].isoformat() if r.get("published") else "no date")
        out["source_text"].append(r.get("article_source") or "not stated")
        n = r.get("n_facts") or 1
        out["statements"].append("this statement only" if n == 1 else
                                 f"{n} statements in {r.get('n_sources') or 1} article(s); this one by the consensus rule")
        out["review_text"].append(labels.review_text(r.get("status"), r.get("confidence"), r.get("reviewed_by"),
                                                     r.get("reviewed_at"), r.get("corrected_fields"))
                                  if "status" in r else None)
    return df.with_columns(*(pl.Series(k, v, pl.Date if k == "when" else pl.Utf8) for k, v in out.items()))
