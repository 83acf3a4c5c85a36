"""Altair charts whose every point carries its provenance (tooltip: value, period, qualifier,
article, evidence sentence).

Conventions: partial years (months) are hollow points, targets are dashed, approximate and
bounded figures get their own point shape, so a reader never mistakes a rounded partial-year
figure for an exact annual one.
"""

from __future__ import annotations

import altair as alt
import polars as pl

# Report pages choose what to plot (top pairs, latest periods); Altair's 5 000-row guard is theirs to keep.
alt.data_transformers.disable_max_rows()
MAX_POINTS = 2000

QUALIFIER_SHAPES = {"exact": "circle", "approx": "diamond", "lower_bound": "triangle-up", "upper_bound": "triangle-down"}
UNIT_LABELS = {"USD": "US dollars", "EUR": "euros", "t": "tonnes", "m3": "cubic metres", "bbl": "barrels",
               "TEU": "TEU", "count": "count", "%": "%", "x": "times"}


def _prepare(df: pl.DataFrame, need_date: bool = True) -> pl.DataFrame:
    """Columns every chart uses: a date to plot on, readable period and value text."""
    if df.is_empty():
        return df
    cols = df.columns
    out = df.with_columns(
        pl.coalesce(pl.col("period_end"), pl.col("published") if "published" in cols else pl.lit(None))
        .alias("plot_date"),
        (pl.col("period_start").cast(pl.Utf8).fill_null("?") + " → " + pl.col("period_end").cast(pl.Utf8).fill_null("?"))
        .alias("period"),
        pl.when(pl.col("measure") == "target").then(pl.lit("target"))
        .when(pl.col("period_kind") == "months").then(pl.lit("partial year"))
        .otherwise(pl.lit("full period")).alias("kind"),
    )
    return out.filter(pl.col("plot_date").is_not_null()) if need_date else out


def representative(df: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """One row per group of `keys`: the stated fact whose value is the group's median (ties: the latest
    article), with `n_statements`, how many facts the group holds. A plotted point is then still one
    sentence of one article; the others are in the data download and the tables."""
    if df.is_empty():
        return df.with_columns(pl.lit(0, dtype=pl.UInt32).alias("n_statements"))
    keys = [k for k in keys if k in df.columns]
    order = ["_gap", "article"] if "article" in df.columns else ["_gap"]
    return (
        df.with_columns(
            pl.len().over(keys).alias("n_statements"),
            (pl.col("value") - pl.col("value").median().over(keys)).abs().alias("_gap"),
        )
        .sort(order, descending=[False, True][: len(order)], nulls_last=True)
        .group_by(keys, maintain_order=True)
        .first()
        .drop("_gap")
    )


TOOLTIP = [
    alt.Tooltip("value:Q", title="value", format=",.4~g"),
    alt.Tooltip("unit:N", title="unit"),
    alt.Tooltip("period:N", title="period"),
    alt.Tooltip("qualifier:N", title="qualifier"),
    alt.Tooltip("indicator:N", title="indicator"),
    alt.Tooltip("article:N", title="article"),
    alt.Tooltip("evidence:N", title="evidence"),
    alt.Tooltip("n_statements:Q", title="statements of this figure"),
]
MAX_BARS = 40


def trend(df: pl.DataFrame, title: str = "", color: str = "pair_label", width: int | str = "container",
          height: int = 300) -> alt.Chart:
    """Values over time, one line per `color` group; a point per fact with its evidence on hover."""
    # one point per line, period and kind: the median statement (others are in the tables)
    data = representative(_prepare(df), [color, "indicator", "unit", "plot_date", "kind"])
    if data.height > MAX_POINTS:  # keep the latest points: a chart is read, not scrolled
        data = data.sort("plot_date").tail(MAX_POINTS)
    unit = data["unit"][0] if not data.is_empty() and data["unit"].n_unique() == 1 else "mixed units"
    # the data goes on the layer, once: on each sub-chart Altair would serialise and hash it per layer
    base = alt.Chart().encode(
        x=alt.X("plot_date:T", title="period end"),
        y=alt.Y("value:Q", title=UNIT_LABELS.get(unit, unit), scale=alt.Scale(zero=False)),
        color=alt.Color(f"{color}:N", title=color.replace("_", " ")),
    )
    kinds = set(data["kind"].to_list()) if not data.is_empty() else set()
    layers = []
    if kinds - {"target"}:
        layers.append(base.transform_filter(alt.datum.kind != "target").mark_line(strokeWidth=1.5, opacity=0.6))
    if "target" in kinds:  # an empty layer would make Vega warn of an infinite extent
        layers.append(base.transform_filter(alt.datum.kind == "target").mark_line(strokeDash=[6, 4]))
    points = base.mark_point(size=80, filled=True).encode(
        shape=alt.Shape("qualifier:N", scale=alt.Scale(domain=list(QUALIFIER_SHAPES), range=list(QUALIFIER_SHAPES.values()))),
        fillOpacity=alt.FillOpacity("kind:N", scale=alt.Scale(domain=["full period", "partial year", "target"],
                                                              range=[1.0, 0.0, 0.3]), title="period"),
        tooltip=TOOLTIP,
    )
    return alt.layer(*layers, points, data=data.to_pandas()).properties(
        title=title, width=width, height=height, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def compare(df: pl.DataFrame, by: str = "partner", title: str = "", width: int | str = "container") -> alt.Chart:
    """Horizontal bars of one indicator across countries (e.g. a reporter's partners), largest first: one bar
    per country, the median statement of its latest period; the MAX_BARS largest."""
    data = df.filter(pl.col(by).is_not_null() & pl.col("value").is_not_null()) if not df.is_empty() else df
    data = _prepare(data, need_date=False) if not data.is_empty() else data
    if not data.is_empty():
        latest = data.filter(pl.col("plot_date").is_null() | (pl.col("plot_date") == pl.col("plot_date").max().over(by)))
        data = representative(latest, [by]).sort("value", descending=True).head(MAX_BARS)
    pdf = data.to_pandas()
    unit = pdf["unit"].iloc[0] if len(pdf) else "value"
    return (
        alt.Chart(pdf)
        .mark_bar()
        .encode(
            y=alt.Y(f"{by}:N", sort="-x", title=by),
            x=alt.X("value:Q", title=UNIT_LABELS.get(unit, unit), stack=None),
            color=alt.Color("qualifier:N", scale=alt.Scale(domain=list(QUALIFIER_SHAPES))),
            tooltip=TOOLTIP,
        )
        .properties(title=title, width=width, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )


def timeline(df: pl.DataFrame, title: str = "") -> alt.Chart:
    """Facts per pair and year as a heat map: where coverage is thin, trends are not to be read."""
    if "articles" in df.columns:  # hover names the articles behind each cell (the first five)
        df = df.with_columns(pl.col("articles").list.head(5).list.join(", ").alias("articles"))
    pdf = df.to_pandas()
    return (
        alt.Chart(pdf)
        .mark_rect()
        .encode(
            x=alt.X("year:O", title="year"),
            y=alt.Y("pair_label:N", title="pair"),
            color=alt.Color("n_facts:Q", title="facts", scale=alt.Scale(scheme="blues")),
            tooltip=["pair_label:N", "year:O", "n_facts:Q", "n_articles:Q"]
            + (["articles:N"] if "articles" in pdf.columns else []),
        )
        .properties(title=title, width="container", autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )


def event_timeline(df: pl.DataFrame, title: str = "") -> alt.Chart:
    """One point per event on a time axis, by type; hover shows who met, where, and the sentence."""
    data = df.filter(pl.col("date_start").is_not_null() | pl.col("published").is_not_null()).with_columns(
        pl.coalesce(pl.col("date_start"), pl.col("published")).alias("when"),
        pl.col("participants").list.join(", ").alias("who"),
    )
    return (
        alt.Chart(data.drop("participants").to_pandas())
        .mark_point(size=120, filled=True)
        .encode(
            x=alt.X("when:T", title="date"),
            y=alt.Y("event_type:N", title=None),
            color=alt.Color("status:N", scale=alt.Scale(domain=["held", "planned"], range=["#1f5f8b", "#c9a227"])),
            shape=alt.Shape("status:N", scale=alt.Scale(domain=["held", "planned"], range=["circle", "diamond"])),
            tooltip=[alt.Tooltip("when:T", title="date"), "event_type:N", "status:N", "place:N",
                     alt.Tooltip("who:N", title="participants"), "organization:N", "documents:Q", "article:N",
                     "evidence:N"],
        )
        .properties(title=title, width="container", height=180,
                    autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )


def cooperation_matrix(df: pl.DataFrame, title: str = "") -> alt.Chart:
    """Which countries meet most: held events per pair, both orders so the matrix reads either way."""
    both = pl.concat([
        df.select(pl.col("country_a").alias("x"), pl.col("country_b").alias("y"), "n_held", "articles"),
        df.select(pl.col("country_b").alias("x"), pl.col("country_a").alias("y"), "n_held", "articles"),
    ]).group_by(["x", "y"]).agg(pl.col("n_held").sum(), pl.col("articles").list.explode(keep_nulls=False, empty_as_null=False).unique().sort().head(5)
                                .str.join(", ").alias("articles"))
    return (
        alt.Chart(both.to_pandas())
        .mark_rect()
        .encode(
            x=alt.X("x:N", title=None), y=alt.Y("y:N", title=None),
            color=alt.Color("n_held:Q", title="held events", scale=alt.Scale(scheme="blues")),
            tooltip=[alt.Tooltip("x:N", title="country"), alt.Tooltip("y:N", title="with"),
                     alt.Tooltip("n_held:Q", title="held events"), alt.Tooltip("articles:N", title="articles")],
        )
        .properties(title=title, width="container", height=360,
                    autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )
