"""Charts whose every point is one stated figure: its tooltip holds the value with its unit, the period in
words, the whole sentence, the article's title, date and source; a click opens the article at the figure.

Conventions, the same on every chart:
- time axes name years; a point sits in the middle of its period, so a full year sits on its year's label;
- lines join full years only; a part of a year is its own mark (a diamond), labelled with its months;
- a target is a hollow square at its year, joined by a dashed segment to the last stated level;
- values carry their scale and unit ("3 bn"), never an exponent.

The `*_spec` functions build Vega-Lite as plain dicts (a report page draws hundreds of charts: building them
through Altair's classes and compiling them in Python cost more than the page); `trend`, `compare`, … wrap
the same specs as Altair charts for notebooks.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from corridor import labels
from corridor.analyse.readable import readable

if TYPE_CHECKING:  # Altair only for notebooks: a report page draws from the specs and need not import it
    import altair as alt

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # the name of the spec's version, never fetched
MAX_POINTS = 2000
MAX_BARS = 40
SHAPES = {"full year": "circle", "part of a year": "diamond", "target": "square", "other period": "triangle-up"}
TOOLTIP = [("pair", "between"), ("pair_label", "codes"), ("indicator_name", "indicator"), ("value_text", "value"),
           ("period_text", "period"),
           ("qualifier_text", "figure"), ("statements", "statements"), ("review_text", "checked"),
           ("sentence", "sentence"),
           ("article_label", "article"), ("published_text", "published"), ("source_text", "source")]
_AUTOSIZE = {"type": "fit-x", "contains": "padding"}


def _tooltip(fields: list[tuple[str, str]], rows: list[dict]) -> list[dict]:
    have = set(rows[0]) if rows else set()
    return [{"field": f, "type": "nominal", "title": t} for f, t in fields if f in have]


def axis_format(unit: str | None, values: list[float], per: str | None = None) -> tuple[dict, str]:
    """A value axis that writes "3 bn" (its title says "US dollars"), never "3,000,000,000" nor "3e+9"."""
    top = max((abs(v) for v in values if v is not None and math.isfinite(v)), default=0)
    div, word = labels.scale(unit, top)
    expr = f"format(datum.value / {div:g}, ',.4~f')" + (f" + ' {word}'" if word else "")
    title = labels.UNIT_WORDS.get(unit or "", unit or "") or "number"
    if unit == "t" and word:
        title = {"Gt": "billion tonnes", "Mt": "million tonnes", "kt": "thousand tonnes"}[word]
        expr = f"format(datum.value / {div:g}, ',.4~f')"
    if per:
        title += " " + labels.PER_WORDS.get(per, "")
    return {"labelExpr": expr, "title": title}, title


def _json_rows(df: pl.DataFrame, columns: list[str]) -> list[dict]:
    keep = [c for c in dict.fromkeys(columns) if c in df.columns]
    rows = df.select(keep).to_dicts()
    for r in rows:
        for k, v in r.items():
            if isinstance(v, date):
                r[k] = v.isoformat()
            elif isinstance(v, float) and not math.isfinite(v):
                r[k] = None
    return rows


def year_ticks(dates: list[date]) -> tuple[list[dict], list[dict] | None]:
    """One tick per year, on its middle (a full year's point sits on its label), and a domain of whole years."""
    years = [d.year for d in dates if d is not None]
    if not years:
        return [], None
    ticks = [{"year": y, "month": 7, "date": 1} for y in range(min(years), max(years) + 1)]
    return ticks, [{"year": min(years), "month": 1, "date": 1}, {"year": max(years), "month": 12, "date": 31}]


KIND_WORDS = {"full year": ("●", "a full year; lines join consecutive full years only"),
              "part of a year": ("◇", "part of a year, its months written beside it, never joined to a full year"),
              "target": ("□", "a target, its year written beside it, dashed from the last level stated"),
              "other period": ("△", "several years, or a stock at a date")}


def period_legend(kinds: list[str]) -> str:
    """The meaning of each mark a trend chart uses, as a line of text under it."""
    return " · ".join(f"{KIND_WORDS[k][0]} {KIND_WORDS[k][1]}" for k in KIND_WORDS if k in kinds)


def trend_points(df: pl.DataFrame, color: str = "pair") -> pl.DataFrame:
    """The rows a trend draws, with `series` (the line), and for each target a `segment` back to the last level."""
    data = readable(df) if "kind" not in df.columns else df
    data = data.filter(pl.col("when").is_not_null() & pl.col("value").is_not_null())
    if data.height > MAX_POINTS:  # keep the latest points: a chart is read, not scrolled
        data = data.sort("when").tail(MAX_POINTS)
    data = data.with_columns(pl.col(color).alias("series"), pl.lit(None, pl.Utf8).alias("segment"),
                             pl.when(pl.col("kind") == "part of a year").then(pl.col("period_text"))
                             .when(pl.col("kind") == "target").then(pl.col("period_text"))
                             .otherwise(pl.lit(None)).alias("mark_label"))
    # a line joins consecutive full years only: a missing year breaks it (nothing is drawn where nothing is stated)
    year = pl.col("when").dt.year()
    data = data.sort("series", "when").with_columns(
        pl.when(pl.col("kind") == "full year")
        .then(pl.col("series") + pl.lit("#") + ((year - year.shift(1).over("series", "kind")).fill_null(1) > 1)
              .cum_sum().over("series", "kind").cast(pl.Utf8))
        .otherwise(pl.lit(None, pl.Utf8)).alias("run"))
    targets = data.filter(pl.col("kind") == "target")
    if targets.is_empty():
        return data
    # each target's segment starts at the last level of its line stated before it (as-of join, one pass)
    key = "fact_id" if "fact_id" in data.columns else "when"
    data = data.with_columns(pl.when(pl.col("kind") == "target").then(pl.lit("target ") + pl.col(key).cast(pl.Utf8))
                             .otherwise(pl.col("segment")).alias("segment"))
    levels = data.filter(pl.col("kind") != "target").sort("when")
    starts = (targets.select("series", "when", (pl.lit("target ") + pl.col(key).cast(pl.Utf8)).alias("seg"))
              .sort("when").join_asof(levels.with_columns(pl.col("when").alias("level_when")), on="when",
                                      by="series", strategy="backward", allow_exact_matches=False,
                                      check_sortedness=False)
              .filter(pl.col("level_when").is_not_null()))
    if starts.is_empty():
        return data
    bases = (starts.drop("when", "segment").rename({"level_when": "when", "seg": "segment"})
             .with_columns(pl.lit("segment start").alias("kind"), pl.lit(None, pl.Utf8).alias("mark_label")))
    return pl.concat([data, bases.select([c for c in data.columns if c in bases.columns])], how="diagonal_relaxed")


def trend_spec(df: pl.DataFrame, title: str = "", color: str = "pair", height: int = 300, log: bool = False,
               subtitle: str | None = None) -> dict:
    """Values over time, one line per `color` (full years only), a labelled mark per part of a year and target."""
    data = trend_points(df, color)
    rows = _json_rows(data, ["when", "value", "series", "run", "kind", "segment", "mark_label", "href", "fact_id",
                             *[f for f, _ in TOOLTIP]])
    units = data["unit"].unique().to_list() if "unit" in data.columns and data.height else []
    pers = data["per"].unique().to_list() if "per" in data.columns and data.height else [None]
    unit = units[0] if len(units) == 1 else None
    axis, _ = axis_format(unit, data["value"].to_list() if data.height else [], pers[0] if len(pers) == 1 else None)
    ticks, domain = year_ticks(data["when"].to_list() if data.height else [])
    x = {"field": "when", "type": "temporal", "title": None,
         "axis": {"values": ticks, "format": "%Y", "grid": False, "labelAngle": 0, "labelOverlap": True},
         **({"scale": {"domain": domain}} if domain else {})}
    y = {"field": "value", "type": "quantitative", "axis": axis, "title": axis["title"],
         "scale": {"type": "log"} if log else {"zero": True}}
    series_color = {"field": "series", "type": "nominal", "title": None, "legend": {"orient": "bottom", "columns": 2,
                                                                                     "labelLimit": 320}}
    kinds = [k for k in ("full year", "part of a year", "target", "other period") if k in set(data["kind"].to_list())] \
        if data.height else ["full year"]
    layers: list[dict] = [
        {"transform": [{"filter": "datum.kind == 'full year'"}], "mark": {"type": "line", "strokeWidth": 2},
         "encoding": {"detail": {"field": "run", "type": "nominal"}}},
        {"transform": [{"filter": "datum.segment != null"}], "mark": {"type": "line", "strokeDash": [5, 4],
                                                                    "strokeWidth": 1.5},
         "encoding": {"detail": {"field": "segment", "type": "nominal"}}},
        {"transform": [{"filter": "datum.kind != 'segment start'"}],
         "mark": {"type": "point", "size": 80, "strokeWidth": 2, "cursor": "pointer"},
         "encoding": {"shape": {"field": "kind", "type": "nominal", "title": "period",
                                "scale": {"domain": kinds, "range": [SHAPES[k] for k in kinds]},
                                "legend": None},  # period_legend() writes it under the chart, in words
                      "fill": {"condition": {"test": "datum.kind == 'full year'", "field": "series", "type": "nominal",
                                             "legend": None}, "value": "white"},
                      "tooltip": _tooltip(TOOLTIP, rows),
                      **({"href": {"field": "href", "type": "nominal"}} if rows and "href" in rows[0] else {})}},
        {"transform": [{"filter": "datum.mark_label != null"}],
         "mark": {"type": "text", "dy": -12, "fontSize": 11, "color": "#34495e"},
         "encoding": {"text": {"field": "mark_label", "type": "nominal"}}},
    ]
    # a layer with no row would make Vega warn of an infinite extent: only the layers that draw something
    present = {"line": any(r.get("kind") == "full year" for r in rows), "segment": any(r.get("segment") for r in rows),
               "text": any(r.get("mark_label") for r in rows)}
    layers = [ly for ly, keep in zip(layers, (present["line"], present["segment"], True, present["text"]), strict=True)
              if keep]
    spec = {"$schema": SCHEMA, "data": {"values": rows}, "width": "container", "height": height,
            "autosize": _AUTOSIZE, "encoding": {"x": x, "y": y, "color": series_color}, "layer": layers,
            "usermeta": {"log_channel": "y", "log_field": "value"},
            "config": {"legend": {"symbolStrokeWidth": 2}}}
    if title:
        spec["title"] = {"text": title, **({"subtitle": subtitle} if subtitle else {})}
    return spec


def compare_spec(df: pl.DataFrame, by: str = "pair", title: str = "", value: str = "value", log: bool = False) -> dict:
    """Horizontal bars of one indicator, largest first, each bar its own full year written on it: a bar of 2019
    is never read as one of 2024. Parts of a year are left out (the page lists them)."""
    data = readable(df) if "kind" not in df.columns else df
    data = data.filter(pl.col(value).is_not_null() & (pl.col("kind") == "full year"))
    if data.height:
        data = (data.sort("when").group_by(by, maintain_order=True).last()
                .sort(value, descending=True).head(MAX_BARS))
        data = data.with_columns(
            pl.Series("bar_text", [labels.value_text(v, "USD" if value == "value_usd" else u, p, None, "level")
                                   + f"  ({pt})" for v, u, p, pt in data.select(value, "unit", "per", "period_text").iter_rows()],
                      pl.Utf8),
            pl.col("when").dt.year().cast(pl.Utf8).alias("year"))
    rows = _json_rows(data, [by, value, "year", "bar_text", "href", "fact_id", *[f for f, _ in TOOLTIP]])
    unit = "USD" if value == "value_usd" else (data["unit"][0] if data.height else None)
    axis, _ = axis_format(unit, data[value].to_list() if data.height else [])
    enc_y = {"field": by, "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 260}}  # largest first
    enc_x = {"field": value, "type": "quantitative", "axis": {**axis, "grid": True}, "title": axis["title"],
             "scale": {"type": "log"} if log else {"zero": True}}
    spec = {"$schema": SCHEMA, "data": {"values": rows}, "width": "container",
            "height": 26 * max(1, len(rows)), "autosize": _AUTOSIZE, "usermeta": {"log_channel": "x", "log_field": value},
            "encoding": {"y": enc_y, "x": enc_x},
            "layer": [
                {"mark": {"type": "bar", "cursor": "pointer"},
                 "encoding": {"color": {"field": "year", "type": "ordinal", "title": "year of the figure",
                                        "scale": {"scheme": "blues"}, "legend": {"orient": "bottom"}},
                              "tooltip": _tooltip(TOOLTIP, rows),
                              **({"href": {"field": "href", "type": "nominal"}} if rows and "href" in rows[0] else {})}},
                {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
                 "encoding": {"text": {"field": "bar_text", "type": "nominal"}}},
            ]}
    if title:
        spec["title"] = title
    return spec


def coverage_spec(df: pl.DataFrame, title: str = "") -> dict:
    """Facts per pair and year as a heat map on a continuous year axis: an empty year shows as a gap."""
    data = df.filter(pl.col("year").is_not_null())
    years = list(range(int(data["year"].min()), int(data["year"].max()) + 1)) if data.height else []
    if "pair" not in data.columns:
        data = data.with_columns(pl.Series("pair", [labels.pair_words(a, b, True) if b else labels.country_name(a)
                                                    for a, b in data.select("country_a", "country_b").iter_rows()],
                                           pl.Utf8))
    if "articles" in data.columns:  # hover names the articles behind each cell (the first five)
        data = data.with_columns(pl.col("articles").list.head(5).list.join(", ").alias("articles"))
    rows = _json_rows(data, ["pair", "year", "n_facts", "n_articles", "articles"])
    spec = {"$schema": SCHEMA, "data": {"values": rows}, "width": "container",
            "height": 18 * max(1, len({r["pair"] for r in rows})), "autosize": _AUTOSIZE, "mark": "rect",
            "encoding": {
                "x": {"field": "year", "type": "ordinal", "title": None, "scale": {"domain": years},
                      "axis": {"labelAngle": 0}},
                "y": {"field": "pair", "type": "nominal", "title": None, "axis": {"labelLimit": 260}},
                "color": {"field": "n_facts", "type": "quantitative", "title": "facts", "scale": {"scheme": "blues"}},
                "tooltip": [{"field": "pair", "title": "pair"}, {"field": "year", "title": "year"},
                            {"field": "n_facts", "title": "facts"}, {"field": "n_articles", "title": "articles"},
                            *([{"field": "articles", "title": "articles (first five)"}] if "articles" in data.columns else [])],
            }}
    if title:
        spec["title"] = title
    return spec


def _time_axis(dates: list[date]) -> dict:
    """Ticks that always name the year: quarters ("Apr 2025") over a short span, years over a long one."""
    dates = [d for d in dates if d is not None]
    span = (max(dates) - min(dates)).days if dates else 0
    if span <= 731:
        return {"format": "%b %Y", "tickCount": {"interval": "month", "step": 3 if span > 200 else 1},
                "labelAngle": 0, "labelOverlap": True}
    return {"format": "%Y", "tickCount": {"interval": "year", "step": 1}, "labelAngle": 0, "labelOverlap": True}


EVENT_WORDS = {"summit": "summit", "meeting": "meeting", "visit": "visit", "exercise": "joint exercise"}


def event_rows(df: pl.DataFrame) -> pl.DataFrame:
    """Events with the columns their chart and table read: when, type in words, participants as names."""
    if df.is_empty():
        return df.with_columns(pl.lit(None, pl.Date).alias("when"), pl.lit(None, pl.Utf8).alias("who"),
                               pl.lit(None, pl.Utf8).alias("type_text"), pl.lit(None, pl.Utf8).alias("date_text"))
    return df.with_columns(
        pl.coalesce(pl.col("date_start"), pl.col("published")).alias("when"),
        pl.col("participants").list.eval(pl.element().map_elements(labels.country_name, return_dtype=pl.Utf8))
        .list.join(", ").alias("who"),
        pl.col("event_type").replace_strict(EVENT_WORDS, default=pl.col("event_type")).alias("type_text"),
        pl.when(pl.col("date_start").is_not_null())
        .then(pl.col("date_start").dt.strftime("%-d %b %Y"))
        .otherwise(pl.lit("date not stated; published ") + pl.col("published").dt.strftime("%-d %b %Y"))
        .alias("date_text"),
    )


def event_timeline_spec(df: pl.DataFrame, title: str = "") -> dict:
    """One point per event on a time axis that names the year, by type; hover shows who met, where, the sentence."""
    data = event_rows(df).filter(pl.col("when").is_not_null())
    rows = _json_rows(data, ["when", "type_text", "status", "date_text", "place", "who", "organization", "sentence",
                             "article_label", "href"])
    spec = {"$schema": SCHEMA, "data": {"values": rows}, "width": "container", "height": 200, "autosize": _AUTOSIZE,
            "mark": {"type": "point", "size": 120, "filled": True, "cursor": "pointer"},
            "encoding": {
                "x": {"field": "when", "type": "temporal", "title": None,
                      "axis": _time_axis(data["when"].to_list() if data.height else [])},
                "y": {"field": "type_text", "type": "nominal", "title": None},
                "color": {"field": "status", "type": "nominal", "title": "status",
                          "scale": {"domain": ["held", "planned"], "range": ["#1f5f8b", "#c9a227"]},
                          "legend": {"orient": "bottom"}},
                "shape": {"field": "status", "type": "nominal",
                          "scale": {"domain": ["held", "planned"], "range": ["circle", "diamond"]}},
                "tooltip": [{"field": "date_text", "title": "date"}, {"field": "type_text", "title": "event"},
                            {"field": "status", "title": "status"}, {"field": "place", "title": "place"},
                            {"field": "who", "title": "participants"}, {"field": "organization", "title": "organisation"},
                            *([{"field": "sentence", "title": "sentence"}] if "sentence" in data.columns else []),
                            *([{"field": "article_label", "title": "article"}] if "article_label" in data.columns else [])],
                **({"href": {"field": "href", "type": "nominal"}} if "href" in data.columns else {}),
            }}
    if title:
        spec["title"] = title
    return spec


def cooperation_matrix_spec(df: pl.DataFrame, title: str = "") -> dict:
    """Which countries meet most: held events per pair of countries (organisations are no country), both orders."""
    df = df.filter(~pl.col("country_a").is_in(list(labels.GROUPS)) & ~pl.col("country_b").is_in(list(labels.GROUPS)))
    both = pl.concat([
        df.select(pl.col("country_a").alias("x"), pl.col("country_b").alias("y"), "n_held"),
        df.select(pl.col("country_b").alias("x"), pl.col("country_a").alias("y"), "n_held"),
    ]).group_by(["x", "y"]).agg(pl.col("n_held").sum())
    both = both.with_columns(pl.col("x").map_elements(labels.country_name, return_dtype=pl.Utf8).alias("country"),
                             pl.col("y").map_elements(labels.country_name, return_dtype=pl.Utf8).alias("with"))
    rows = _json_rows(both, ["country", "with", "x", "y", "n_held"])
    spec = {"$schema": SCHEMA, "data": {"values": rows}, "width": "container",
            "height": 22 * max(1, len({r["with"] for r in rows})), "autosize": _AUTOSIZE, "mark": "rect",
            "encoding": {
                "x": {"field": "country", "type": "nominal", "title": None, "axis": {"labelAngle": -40}},
                "y": {"field": "with", "type": "nominal", "title": None},
                "color": {"field": "n_held", "type": "quantitative", "title": "held events", "scale": {"scheme": "blues"}},
                "tooltip": [{"field": "country", "title": "country"}, {"field": "with", "title": "with"},
                            {"field": "n_held", "title": "held events"}],
            }}
    if title:
        spec["title"] = title
    return spec


def _altair(spec: dict) -> alt.TopLevelMixin:
    """A spec as an Altair chart, for notebooks (which display it with Altair's renderer)."""
    import altair as alt

    spec = {**spec}
    if spec.get("width") == "container":
        spec["width"] = 640
    cls = alt.LayerChart if "layer" in spec else alt.Chart
    return cls.from_dict(spec, validate=False)


def trend(df: pl.DataFrame, title: str = "", color: str = "pair", height: int = 300, log: bool = False,
          width: int | str | None = None) -> alt.TopLevelMixin:
    chart = _altair(trend_spec(df, title, color, height, log))
    return chart.properties(width=width) if width else chart


def compare(df: pl.DataFrame, by: str = "pair", title: str = "", value: str = "value",
            width: int | str | None = None) -> alt.TopLevelMixin:
    chart = _altair(compare_spec(df, by, title, value))
    return chart.properties(width=width) if width else chart


def coverage(df: pl.DataFrame, title: str = "") -> alt.TopLevelMixin:
    return _altair(coverage_spec(df, title))


def event_timeline(df: pl.DataFrame, title: str = "") -> alt.TopLevelMixin:
    return _altair(event_timeline_spec(df, title))


def cooperation_matrix(df: pl.DataFrame, title: str = "") -> alt.TopLevelMixin:
    return _altair(cooperation_matrix_spec(df, title))
