"""Building blocks of report pages: a quantity's series as a chart (or, with one point, as a labelled value),
tables of figures with their whole sentence and article, each in the words a reader uses."""

from __future__ import annotations

import html

import duckdb
import polars as pl
from IPython.display import HTML, display

from corridor import labels
from corridor.analyse import charts
from corridor.analyse.evidence import with_sentences
from corridor.analyse.readable import readable, with_kind
from corridor.report.embed import chart_html, download_links, table_html

TABLE_ROWS = 200  # rows a table of figures shows (with their whole sentence); its download and data/ have more
FIGURE_COLUMNS = ["pair", "indicator_name", "value_text", "period_text", "sentence_html", "article_html"]
FIGURE_HEADERS = {"pair": "between", "indicator_name": "indicator", "value_text": "value", "period_text": "period",
                  "sentence_html": "sentence (the figure marked)", "article_html": "article",
                  "statements": "statements", "usd_text": "in US dollars", "share_text": "share of stated partners",
                  "fx_note": "why unconverted", "rel_text": "statements differ by", "picked_text": "shown",
                  "review_text": "checked", "why": "read by (rules)"}
DOWNLOAD_COLUMNS = ["indicator", "pair_label", "measure", "value", "unit", "per", "qualifier", "period_start",
                    "period_end", "period_kind", "value_text", "period_text", "sentence", "article", "article_title",
                    "published", "article_source", "fact_id", "n_facts", "n_sources", "min_value", "max_value",
                    "status", "confidence", "review_text"]


def prepare(df: pl.DataFrame, con: duckdb.DuckDBPyConnection, prefix: str = "") -> pl.DataFrame:
    """Readable columns, the whole sentence, and the link to the article page (when the article has one)."""
    out = with_sentences(readable(df), con)
    has_page = pl.col("has_page") if "has_page" in out.columns else pl.lit(False)
    href = (pl.when(has_page & pl.col("article_id").is_not_null())
            .then(pl.lit(f"{prefix}articles/") + pl.col("article_id") + pl.lit(".html#f-") + pl.col("fact_id"))
            .otherwise(pl.lit(None, pl.Utf8)))
    out = out.with_columns(href.alias("href"))
    return out.with_columns(pl.Series("article_html", [article_html(r) for r in out.iter_rows(named=True)], pl.Utf8))


def with_has_page(df: pl.DataFrame) -> pl.DataFrame:
    """`has_page` (the article has a page on the site) for rows read from a view rather than the site's data."""
    from corridor.report.sitedata import facts

    if df.is_empty():
        return df.with_columns(pl.lit(False).alias("has_page"))
    pages = facts().filter(pl.col("fact_id").is_in(df["fact_id"].implode())).select("fact_id", "has_page").collect()
    return df.join(pages, on="fact_id", how="left").with_columns(pl.col("has_page").fill_null(False))


def article_html(r: dict) -> str:
    title = html.escape(r.get("article_label") or r.get("article") or "")
    link = f'<a href="{html.escape(r["href"])}" lang="fr">{title}</a>' if r.get("href") else f'<span lang="fr">{title}</span>'
    meta = " · ".join(x for x in (r.get("published_text"), r.get("source_text") if r.get("source_text") != "not stated"
                                  else None) if x)
    file = html.escape(r.get("article") or "")
    named = r.get("article_label") and r.get("article_label") != r.get("article")  # a title: the file name below it
    return f'{link}<br><small>{html.escape(meta)}</small>' + (f'<br><small class="file">{file}</small>' if named else "")


def pair_cell(r: dict) -> str:
    """The pair in names, its codes on hover."""
    return f'<span title="{html.escape(r.get("pair_label") or "")}">{html.escape(r.get("pair") or "")}</span>'


def figures_table(df: pl.DataFrame, name: str | None = None, extra: list[str] | None = None,
                  max_rows: int = TABLE_ROWS, columns: list[str] | None = None) -> str:
    """Figures with their pair, indicator, value, period, whole sentence and article (or `columns`)."""
    if df.is_empty():
        return "<p>No figure.</p>"
    df = df.with_columns(pl.Series("pair_html", [pair_cell(r) for r in df.head(max_rows).iter_rows(named=True)]
                                   + [None] * max(0, df.height - max_rows), pl.Utf8))
    review = ["review_text"] if "review_text" in df.columns and df["review_text"].null_count() < df.height else []
    cols = columns or ["pair_html", "indicator_name", "value_text", "period_text", *(extra or []), "sentence_html",
                       "article_html", *review]
    heads = {**FIGURE_HEADERS, "pair_html": "between"}
    out = table_html(df, cols, max_rows=max_rows, headers=heads,
                     html_columns=["pair_html", "sentence_html", "article_html"], numeric=["value_text"])
    if name:
        out += f'<p class="corridor-controls">{download_links(downloadable(df), name)}</p>'
    return out


def downloadable(df: pl.DataFrame) -> pl.DataFrame:
    return df.select([c for c in DOWNLOAD_COLUMNS if c in df.columns])


def value_card(r: dict) -> str:
    """One figure as a labelled value, not a one-point chart."""
    return (f'<div class="corridor-value"><div class="what">{html.escape(labels.indicator_name(r.get("indicator")))} · '
            f'{pair_cell(r)}</div><div class="v">{html.escape(r["value_text"])}</div>'
            f'<div class="when">{html.escape(r["period_text"])}</div>'
            f'<blockquote lang="fr">{r.get("sentence_html") or ""}</blockquote>'
            f'<div class="src">{article_html(r)}</div></div>')


def series_block(df: pl.DataFrame, title: str, name: str, color: str = "pair") -> str:
    """A series as a trend chart (with its table and downloads), or as a labelled value when it has one point."""
    points = df.filter(pl.col("when").is_not_null())
    if points.height == 1 and df.height == 1:
        return value_card(df.row(0, named=True))
    spec = charts.trend_spec(df, title, color=color, height=260)
    table = figures_table(df)
    legend = f'<p class="corridor-legend">{html.escape(charts.period_legend(df["kind"].unique().to_list()))}</p>'
    return legend + chart_html(spec, name, downloadable(df), table=table)


MAX_SERIES = 8  # lines per chart: beyond, a chart is a tangle; the others are a click away on their pages


def series_sections(values: pl.DataFrame, con: duckdb.DuckDBPyConnection, slug: str, color: str = "pair") -> None:
    """One chart (or value) per indicator, unit and rate: a daily flow never shares an axis with a yearly total.
    A chart draws the MAX_SERIES pairs with most points; the note under it names how many more there are."""
    dated = with_kind(values).filter(pl.col("measure").is_in(["level", "target"]) & pl.col("when").is_not_null()
                                     & pl.col("kind").is_in(["full year", "part of a year", "target"]))
    if dated.is_empty():
        display(HTML("<p>No dated level or target.</p>"))
        return
    out = []
    for (indicator, unit, per), group in dated.sort("indicator", "unit").group_by(["indicator", "unit", "per"],
                                                                                  maintain_order=True):
        title = labels.indicator_name(indicator)
        unit_words = labels.UNIT_WORDS.get(unit, unit) or "number"
        sub = f"{title}, {unit_words}" + (f" {labels.PER_WORDS[per]}" if per else "")
        head = (f'<h3>{html.escape(sub)}</h3><p class="definition">{html.escape(labels.indicator_definition(indicator))}'
                f"</p>")
        counts = group.group_by("pair_label").len().sort(["len", "pair_label"], descending=[True, False])
        shown = group.filter(pl.col("pair_label").is_in(counts.head(MAX_SERIES)["pair_label"].implode()))
        more = (f'<p class="corridor-note">The {MAX_SERIES} pairs with most figures; {counts.height - MAX_SERIES} more '
                "have theirs on their pair pages.</p>") if counts.height > MAX_SERIES else ""
        file = f"{slug}-{indicator}-{unit}{'-per-' + per if per else ''}".replace("%", "pct")
        out.append(head + series_block(prepare(shown, con), "", file, color=color) + more)
    display(HTML("".join(out)))


def head_prepared(df: pl.DataFrame, con: duckdb.DuckDBPyConnection, rows: int = TABLE_ROWS) -> pl.DataFrame:
    """The first `rows` rows in words, as a table shows them (data/facts.csv has all)."""
    return prepare(df.head(rows), con)


def no_data(message: str = "Nothing built yet.") -> None:
    display(HTML(f'<p class="corridor-empty">{html.escape(message)}</p>'))


def rule_footnote() -> None:
    """The consensus rule, once at the foot of every page that shows values."""
    from corridor.report.sitedata import CONSENSUS_RULE

    display(HTML(f'<p class="footnote" id="consensus-rule"><b>Consensus value.</b> {html.escape(CONSENSUS_RULE)}</p>'))
