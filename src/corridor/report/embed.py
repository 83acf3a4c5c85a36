"""What report cells display: charts that draw offline, readable tables, downloads of what is shown.

Altair's default HTML loads vega from a CDN and its inline template breaks with more than one chart per
page, so the vega / vega-lite / vega-embed bundle that vl-convert ships is written once into the site
(site_libs/vega-bundle.js, as Quarto keeps its libraries) and loaded by each page that has a chart; each chart
is a small div drawn by vegaEmbed from its Vega-Lite spec. Under each chart: a
table of the same rows (hidden until asked for), a log-scale switch where values span orders of
magnitude, and the chart's data as CSV and Parquet.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

import polars as pl

_bundle_emitted = False  # outside IPython (see _first_chart_of_page)
MAX_DOWNLOAD_ROWS = 500  # a download link embeds its data in the page; beyond this, the site's data/ folder
LOG_SPAN = 30  # values spanning more than this factor get a log-scale switch


BUNDLE = "site_libs/vega-bundle.js"  # relative to a page of the site


def write_bundle(site: Path) -> Path:
    """The vega bundle, once per site."""
    path = site / BUNDLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_bundle(), encoding="utf-8")
    return path


def _bundle() -> str:
    import vl_convert

    cache = Path(tempfile.gettempdir()) / f"corridor-vega-bundle-{vl_convert.__version__}.js"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    js = vl_convert.javascript_bundle()
    tmp = cache.with_suffix(f".{uuid.uuid4().hex}.tmp")
    tmp.write_text(js, encoding="utf-8")
    tmp.replace(cache)
    return js


# In JSON placed inside <script>, no text may change how the page parses: `<!--<script>` in an article's name
# made the rest of the page script. These characters only occur inside JSON strings, where \uXXXX means the
# same; U+2028/U+2029 end lines in older JavaScript.
_SCRIPT_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def script_json(value: object) -> str:
    """`value` as JSON safe to embed in an HTML <script> element."""
    return json.dumps(value, ensure_ascii=False, default=str).translate(_SCRIPT_JSON)


def _first_chart_of_page() -> bool:
    """The Vega bundle is loaded once by each page. In a kernel, "this page" is the user namespace: the report
    renderer runs page after page in one kernel and resets the namespace between them, while module globals
    (this module's) live on."""
    global _bundle_emitted
    try:
        from IPython import get_ipython

        ip = get_ipython()
    except ImportError:  # pragma: no cover
        ip = None
    if ip is not None:
        first = not ip.user_ns.get("_corridor_vega_bundle", False)
        ip.user_ns["_corridor_vega_bundle"] = True
        return first
    first, _bundle_emitted = not _bundle_emitted, True
    return first


def _spans_orders(spec: dict) -> bool:
    values = [r.get("value") or r.get("value_usd") for r in spec.get("data", {}).get("values", [])]
    values = [v for v in values if isinstance(v, int | float) and v > 0]
    return len(values) > 1 and max(values) / min(values) > LOG_SPAN


# The log-scale switch redraws the same spec with a log scale on its value axis (the spec's usermeta names it),
# the figures at or below zero left out: one spec per chart in the page, the other derived in the browser.
_DRAW = """(function(){var spec=%s;var el=document.getElementById('%s');
function draw(log){var s=spec;if(log){s=JSON.parse(JSON.stringify(spec));var m=s.usermeta||{};
s.encoding[m.log_channel].scale={type:'log'};s.transform=(s.transform||[]).concat([{filter:'datum.'+m.log_field+' > 0'}]);}
vegaEmbed(el,s,{mode:'vega-lite',actions:false,renderer:'svg'}).catch(function(e){el.textContent='chart failed: '+e;});}
draw(false);var box=document.getElementById('%s-log');if(box)box.onchange=function(){draw(box.checked);};})();"""


def chart_html(spec: dict, name: str | None = None, data: pl.DataFrame | None = None,
               table: str | None = None) -> str:
    """HTML for one chart (the bundle first if this page has none yet): the chart, its controls, its table."""
    div = f"corridor-chart-{uuid.uuid4().hex[:10]}"
    parts = []
    if _first_chart_of_page():
        parts.append(f'<script src="{BUNDLE}"></script>')
    parts.append(f'<figure class="corridor-figure"><div class="corridor-chart" id="{div}"></div>')
    parts.append("<script>" + _DRAW % (script_json(spec), div, div)
                 + "</script>")
    controls = []
    if "log_channel" in spec.get("usermeta", {}) and _spans_orders(spec):
        controls.append(f'<label class="corridor-log"><input type="checkbox" id="{div}-log"> log scale</label>')
    if data is not None and name:
        controls.append(download_links(data, name))
    if controls:
        parts.append('<figcaption class="corridor-controls">' + " ".join(controls) + "</figcaption>")
    if table:
        parts.append(f'<details class="corridor-as-table"><summary>Show the figures as a table</summary>{table}</details>')
    parts.append("</figure>")
    return "\n".join(parts)


def show(spec: dict, name: str | None = None, data: pl.DataFrame | None = None, table: str | None = None) -> None:
    """Display a chart in a report cell (Quarto or the built-in renderer) or a notebook."""
    from IPython.display import HTML, display

    display(HTML(chart_html(spec, name, data, table)))


def _downloadable(df: pl.DataFrame) -> pl.DataFrame:
    """Nested columns as text, so CSV and Parquet hold the same thing."""
    return df.with_columns(*(pl.col(c).cast(pl.List(pl.Utf8)).list.join(" ") for c, t in df.schema.items()
                             if isinstance(t, pl.List)))


def download_links(df: pl.DataFrame, name: str) -> str:
    """The rows as CSV and Parquet. Rendering a site, they are files beside its data (data/downloads/), linked
    from the page; elsewhere (a notebook) they are embedded in the page, at most MAX_DOWNLOAD_ROWS of them."""
    stem = re.sub(r"[^\w.-]+", "-", name.rsplit(".", 1)[0]).strip("-") or "data"
    data = _downloadable(df)
    folder = _site_downloads()
    if folder is not None:
        stem = f"{stem}-{uuid.uuid4().hex[:6]}"
        data.write_csv(folder / f"{stem}.csv")
        data.write_parquet(folder / f"{stem}.parquet")
        href = f"data/downloads/{stem}"
        return (f'<span class="corridor-download">Data: <a download href="{href}.csv">CSV</a> · '
                f'<a download href="{href}.parquet">Parquet</a> ({data.height:,} rows)</span>')
    cut = df.height > MAX_DOWNLOAD_ROWS
    part = data.head(MAX_DOWNLOAD_ROWS)
    csv = base64.b64encode(part.write_csv().encode("utf-8")).decode("ascii")
    buf = io.BytesIO()
    part.write_parquet(buf)
    parquet = base64.b64encode(buf.getvalue()).decode("ascii")
    note = f" ({MAX_DOWNLOAD_ROWS:,} of {df.height:,} rows)" if cut else f" ({part.height:,} rows)"
    return (f'<span class="corridor-download">Data: <a download="{html.escape(stem)}.csv" '
            f'href="data:text/csv;base64,{csv}">CSV</a> · <a download="{html.escape(stem)}.parquet" '
            f'href="data:application/octet-stream;base64,{parquet}">Parquet</a>{note}</span>')


def _site_downloads() -> Path | None:
    """data/downloads/ of the site being rendered (its data folder is named by the renderer), else None."""
    import os

    folder = os.environ.get("CORRIDOR_SITE_DATA")
    if not folder or not Path(folder).is_dir():
        return None
    out = Path(folder) / "downloads"
    out.mkdir(exist_ok=True)
    return out


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        from corridor.labels import number_text

        return html.escape(number_text(value))
    if isinstance(value, list):
        return html.escape(", ".join(map(str, value)))
    return html.escape(str(value))


def table_html(df: pl.DataFrame, columns: Sequence[str] | None = None, max_rows: int = 500,
               headers: dict[str, str] | None = None, html_columns: Sequence[str] = (),
               wide: Sequence[str] = ("sentence_html", "sentence", "evidence"), caption: str | None = None,
               numeric: Sequence[str] = ()) -> str:
    """An HTML table with every value escaped (article text is data, never markup) except `html_columns`,
    which the caller built escaped. Long tables get a filter box and pages in the browser (see render.py)."""
    columns = list(columns or df.columns)
    headers = headers or {}
    shown = df.head(max_rows)
    head = "".join(f'<th class="{"wide" if c in wide else ""}">{html.escape(headers.get(c, c.replace("_", " ")))}</th>'
                   for c in columns)
    rows = []
    for rec in shown.select(columns).iter_rows(named=True):
        cells = []
        for c in columns:
            text = str(rec[c] or "") if c in html_columns else _cell(rec[c])
            cls = "wide" if c in wide else "num" if c in numeric else ""
            lang = ' lang="fr"' if c in wide else ""
            cells.append(f'<td class="{cls}"{lang}>{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if df.height > max_rows:
        note = (f'<p class="corridor-note">The {max_rows:,} first of {df.height:,} rows; the downloads and '
                f'<a href="data/facts.csv">data/facts.csv</a> have them all.</p>')
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="corridor-table" data-rows="{shown.height}"><table>{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{note}')


def table(df: pl.DataFrame, columns: Sequence[str] | None = None, max_rows: int = 500, name: str | None = None,
          headers: dict[str, str] | None = None, html_columns: Sequence[str] = (), data: pl.DataFrame | None = None,
          numeric: Sequence[str] = ()) -> None:
    from IPython.display import HTML, display

    out = table_html(df, columns, max_rows, headers, html_columns, numeric=numeric)
    if name:
        out += f'<p class="corridor-controls">{download_links(data if data is not None else df, name)}</p>'
    display(HTML(out))


def figures(items: list[tuple[str, str]]) -> None:
    """Headline figures as cards: [(label, value)]."""
    from IPython.display import HTML, display

    cards = "".join(f'<div class="corridor-card"><div class="v">{html.escape(v)}</div>'
                    f'<div class="l">{html.escape(label)}</div></div>' for label, v in items)
    display(HTML(f'<div class="corridor-cards">{cards}</div>'))


def note(text: str) -> None:
    """A paragraph of escaped text."""
    from IPython.display import HTML, display

    display(HTML(f"<p>{html.escape(text)}</p>"))
