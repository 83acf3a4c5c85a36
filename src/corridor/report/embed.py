"""What report cells display: charts that draw offline, escaped tables, CSV download links.

Altair's default HTML loads vega from a CDN and its inline template breaks with more than one
chart per page, so the vega / vega-lite / vega-embed bundle that vl-convert ships is written
once per page (per kernel) and each chart is a small div drawn by vegaEmbed.
"""

from __future__ import annotations

import base64
import html
import json
import tempfile
import uuid
from pathlib import Path

import polars as pl

_bundle_emitted = False  # outside IPython (see _first_chart_of_page)
MAX_CSV_ROWS = 2_000  # a download link embeds its data in the page; beyond this, `corridor facts --format csv`


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


def _script_safe(js: str) -> str:
    """The Vega bundle (code, not data) inside <script>: only its own `</script` could end the element."""
    return js.replace("</script", "<\\/script")


# In JSON placed inside <script>, no text may change how the page parses: `<!--<script>` in an article's name
# made the rest of the page script. These characters only occur inside JSON strings, where \uXXXX means the
# same; U+2028/U+2029 end lines in older JavaScript.
_SCRIPT_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def script_json(value: object) -> str:
    """`value` as JSON safe to embed in an HTML <script> element."""
    return json.dumps(value, ensure_ascii=False, default=str).translate(_SCRIPT_JSON)


def _first_chart_of_page() -> bool:
    """The Vega bundle goes once into each page. In a kernel, "this page" is the user namespace: the report
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


def chart_html(chart, csv_name: str | None = None, data: pl.DataFrame | None = None) -> str:
    """HTML for one chart (the bundle first if this page has none yet), with a CSV download link."""
    import vl_convert

    # Compiled to Vega here, with the same vega-lite the bundle ships: the page only runs Vega.
    # (Altair's JSON-schema validation is skipped: it costs more than the compile, which rejects a bad spec anyway)
    spec = vl_convert.vegalite_to_vega(chart.to_dict(validate=False))
    div = f"corridor-chart-{uuid.uuid4().hex[:10]}"
    parts = []
    if _first_chart_of_page():
        parts.append(f"<script>{_script_safe(_bundle())}</script>")
    parts.append(f'<div class="corridor-chart" id="{div}"></div>')
    parts.append(
        "<script>(function(){var spec="
        + script_json(spec)
        + f";vegaEmbed('#{div}',spec,{{mode:'vega',actions:false,renderer:'svg'}})"
        + ".catch(function(e){document.getElementById('" + div + "').textContent='chart failed: '+e;});})();</script>"
    )
    if data is not None and csv_name:
        parts.append(download_link(data, csv_name))
    return "\n".join(parts)


def show(chart, csv_name: str | None = None, data: pl.DataFrame | None = None) -> None:
    """Display a chart in a report cell (Quarto or the built-in renderer) or a notebook."""
    from IPython.display import HTML, display

    display(HTML(chart_html(chart, csv_name, data)))


def download_link(df: pl.DataFrame, name: str) -> str:
    cut = df.height > MAX_CSV_ROWS
    payload = base64.b64encode(df.head(MAX_CSV_ROWS).write_csv().encode("utf-8")).decode("ascii")
    label = html.escape(f"Download the data (CSV, {min(df.height, MAX_CSV_ROWS):,} rows"
                        + (f" of {df.height:,}; all of them with `corridor facts --format csv`)" if cut else ")"))
    return (f'<p class="corridor-download"><a download="{html.escape(name)}" '
            f'href="data:text/csv;base64,{payload}">{label}</a></p>')


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, list):
        return html.escape(", ".join(map(str, value)))
    return html.escape(str(value))


def table_html(df: pl.DataFrame, columns: list[str] | None = None, max_rows: int = 200,
               quote: tuple[str, ...] = ("evidence",), caption: str | None = None) -> str:
    """An HTML table with every value escaped (article text is data, never markup)."""
    columns = columns or df.columns
    shown = df.head(max_rows)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    rows = []
    for rec in shown.select(columns).iter_rows(named=True):
        cells = []
        for c in columns:
            text = _cell(rec[c])
            cells.append(f"<td><q>{text}</q></td>" if c in quote and text else f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if df.height > max_rows:
        note = f'<p class="corridor-note">Showing {max_rows} of {df.height} rows; the CSV link has them all.</p>'
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="corridor-table"><table>{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>{note}')


def table(df: pl.DataFrame, columns: list[str] | None = None, max_rows: int = 200, csv_name: str | None = None,
          quote: tuple[str, ...] = ("evidence",), caption: str | None = None) -> None:
    from IPython.display import HTML, display

    out = table_html(df, columns, max_rows, quote, caption)
    if csv_name:
        out += download_link(df.select(columns or df.columns), csv_name)
    display(HTML(out))


def figures(items: list[tuple[str, str]]) -> None:
    """Headline figures as cards: [(label, value)]."""
    from IPython.display import HTML, display

    cards = "".join(f'<div class="corridor-card"><div class="v">{html.escape(v)}</div>'
                    f'<div class="l">{html.escape(label)}</div></div>' for label, v in items)
    display(HTML(f'<div class="corridor-cards">{cards}</div>'))
