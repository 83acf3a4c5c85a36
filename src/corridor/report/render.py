"""Render the report site: `quarto render` when Quarto is on PATH, else the built-in path
(.qmd -> notebook -> executed by nbclient -> HTML by nbconvert), with the same .qmd files."""

from __future__ import annotations

import html
import os
import queue
import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from corridor.resources import project_dir
from corridor.store import connect
from corridor.store.warehouse import snapshot

Log = Callable[[str], None]
MIN_FACTS_FOR_PAIR_PAGE = 3
MAX_PAIR_PAGES = 16  # the pairs with most facts; at 100k articles a page per pair would be thousands


@dataclass(frozen=True, slots=True)
class Page:
    source: str  # .qmd file in reports/
    output: str  # .html file in the site
    title: str
    params: dict | None = None


def pair_slug(pair_label: str) -> str:
    return "pair-" + "-".join(p for p in pair_label.replace("–", " ").replace("→", " ").split() if p)


def pages(db: Path) -> list[Page]:
    """The site: the fixed pages of _quarto.yml plus one page per country pair with enough facts."""
    reports = project_dir("reports")
    config = yaml.safe_load((reports / "_quarto.yml").read_text(encoding="utf-8"))
    out = []
    for src in config["project"]["render"]:
        meta = _front_matter(reports / src)
        out.append(Page(src, Path(src).with_suffix(".html").name, meta.get("title", src)))
    for label, a, b in pair_list(db):
        out.append(Page("pair.qmd", f"{pair_slug(label)}.html", f"Pair {label}", {"country_a": a, "country_b": b}))
    return out


def pair_list(db: Path) -> list[tuple[str, str, str]]:
    with connect(db, read_only=True) as con:
        rows = con.execute(
            "select least(country_a, country_b) || '–' || greatest(country_a, country_b) as label, "
            "least(country_a, country_b), greatest(country_a, country_b) from series where country_b is not null "
            "group by all having count(*) >= ? order by count(*) desc, label limit ?",
            [MIN_FACTS_FOR_PAIR_PAGE, MAX_PAIR_PAGES],
        ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def _front_matter(path: Path) -> dict:
    from corridor.report.qmd import split_front_matter

    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def render_site(db: Path, out_dir: Path, log: Log = print) -> Path:
    """Render every page into `out_dir`; return the index page."""
    db = Path(db).resolve()
    if not db.exists():
        raise FileNotFoundError(f"{db}: no warehouse here yet (run `corridor build` first)")
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with snapshot(db) as copy:  # the pages read a copy: a build started meanwhile neither waits nor shows
        os.environ["CORRIDOR_DB"] = str(copy)
        site = pages(copy)
        if shutil.which("quarto"):
            _render_with_quarto(site, out_dir, log)
        else:
            current = {p.output for p in site}
            for stale in out_dir.glob("pair-*.html"):  # pairs that no longer have a page
                if stale.name not in current:
                    stale.unlink()
            log("quarto not on PATH: rendering the .qmd files with the built-in renderer (nbclient + nbconvert)")
            _render_builtin(site, out_dir, log)
    return out_dir / "index.html"


def _render_with_quarto(site: list[Page], out_dir: Path, log: Log) -> None:
    reports = project_dir("reports")
    for page in site:
        cmd = ["quarto", "render", page.source, "--output", page.output]
        for k, v in (page.params or {}).items():
            cmd += ["-P", f"{k}:{v}"]
        log("  " + " ".join(cmd))
        subprocess.run(cmd, cwd=reports, check=True)
        built = reports / "_site" / page.output
        if built.exists():
            shutil.copy2(built, out_dir / page.output)
    shared = reports / "_site" / "site_libs"
    if shared.exists():
        shutil.copytree(shared, out_dir / "site_libs", dirs_exist_ok=True)


class _Renderer:
    """Executes pages one after another in one Jupyter kernel, as Quarto's kernel daemon does: the
    kernel (and the modules it imported) outlives a page, the page's namespace does not
    (`%reset -f` runs first)."""

    def __init__(self) -> None:
        self.km = None
        self.kc = None

    def execute(self, nb) -> None:
        from nbclient import NotebookClient

        reports = project_dir("reports")
        reset = _reset_cell()
        nb.cells.insert(0, reset)
        client = NotebookClient(nb, km=self.km, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(reports)}})
        client.kc = self.kc
        try:
            # the kernel's own chatter goes nowhere; cell errors still raise
            client.execute(cleanup_kc=False, stderr=subprocess.DEVNULL, cwd=str(reports))
        finally:
            self.km, self.kc = client.km, client.kc
            nb.cells.remove(reset)

    def close(self) -> None:
        from jupyter_core.utils import run_sync

        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            run_sync(self.km.shutdown_kernel)(now=True)
        self.km = self.kc = None


def _reset_cell():
    import nbformat

    return nbformat.v4.new_code_cell('get_ipython().run_line_magic("reset", "-f")',
                                     metadata={"tags": ["remove_cell"]})


def _render_builtin(site: list[Page], out_dir: Path, log: Log) -> None:
    """Pages shared out between one kernel per core; each worker closes its kernel when done."""
    todo: queue.SimpleQueue[Page] = queue.SimpleQueue()
    for page in site:
        todo.put(page)

    def worker() -> None:
        renderer = _Renderer()
        try:
            while True:
                try:
                    page = todo.get_nowait()
                except queue.Empty:
                    return
                (out_dir / page.output).write_text(render_page(page, site, renderer), encoding="utf-8")
                log(f"  {page.output}")
        finally:
            renderer.close()

    workers = max(1, min(len(site), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(worker) for _ in range(workers)]:
            f.result()


def render_page(page: Page, site: list[Page], renderer: _Renderer | None = None) -> str:
    """Execute one .qmd and return a standalone, offline HTML page."""
    from corridor.report.qmd import parse

    own = renderer is None
    renderer = renderer or _Renderer()
    reports = project_dir("reports")
    qmd = parse((reports / page.source).read_text(encoding="utf-8"), page.params)
    try:
        renderer.execute(qmd.notebook)
        body = notebook_html(qmd.notebook)
    finally:
        if own:
            renderer.close()
    title = str(qmd.meta.get("title", page.title))
    if page.params:
        title = page.title
    return _wrap(title, qmd.meta.get("subtitle"), body, site, page)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*?(?:/>|>\s*</a>)')


def notebook_html(nb) -> str:
    """The executed notebook as HTML, as nbconvert's "basic" template lays it out but for the outputs a report
    page holds (HTML, SVG, PNG, Markdown, text, errors). Markdown goes through nbconvert's own renderer;
    nbconvert's exporter itself re-parses every HTML output with BeautifulSoup, which cost more than running
    the page once tables held thousands of cells. Quarto's `#|` options map to tags (qmd.py): remove_cell,
    remove_input, remove_output; stderr is for the log, not the reader."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    renderer = MarkdownWithMath(renderer=IPythonRenderer(escape=False, anchor_link_text=""))

    def markdown(text: str) -> str:
        # headings keep their id; the renderer's anchor link (an empty, self-closed <a/>, which HTML
        # parsers leave open) goes
        return _ANCHOR_LINK.sub("", renderer.render(text))

    parts = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "remove_cell" in tags:
            continue
        if cell.cell_type == "markdown":
            parts.append(f'<div class="cell markdown">{markdown(cell.source)}</div>')
            continue
        if cell.cell_type != "code":
            continue
        out = []
        if "remove_input" not in tags:
            out.append(f'<pre class="input"><code>{html.escape(cell.source)}</code></pre>')
        if "remove_output" not in tags:
            for o in cell.get("outputs", []):
                kind = o.get("output_type")
                if kind == "stream":
                    if o.get("name") != "stderr":
                        out.append(f'<pre class="output">{html.escape(o.get("text", ""))}</pre>')
                elif kind == "error":
                    tb = _ANSI.sub("", "\n".join(o.get("traceback", [])))
                    out.append(f'<pre class="output error">{html.escape(tb)}</pre>')
                elif kind in ("display_data", "execute_result"):
                    data = o.get("data", {})
                    if "text/html" in data:
                        out.append(_joined(data["text/html"]))
                    elif "image/svg+xml" in data:
                        out.append(_joined(data["image/svg+xml"]))
                    elif "image/png" in data:
                        out.append(f'<img alt="" src="data:image/png;base64,{_joined(data["image/png"]).strip()}">')
                    elif "text/markdown" in data:
                        out.append(markdown(_joined(data["text/markdown"])))
                    elif "text/plain" in data:
                        out.append(f'<pre class="output">{html.escape(_joined(data["text/plain"]))}</pre>')
        if out:
            parts.append('<div class="cell code">' + "\n".join(out) + "</div>")
    return "\n".join(parts)


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


CSS = """
:root { --fg:#1d2733; --muted:#5b6b7d; --line:#dde3ea; --accent:#1f5f8b; --bg:#fbfcfd; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { background:#12324a; color:#fff; padding:.6rem 1rem; }
header a { color:#fff; text-decoration:none; margin-right:1rem; white-space:nowrap; }
header .brand { font-weight:700; }
nav { display:flex; flex-wrap:wrap; gap:.3rem; align-items:center; }
main { max-width:1100px; margin:0 auto; padding:1rem; }
h1 { font-size:1.7rem; margin:.5rem 0; } h2 { font-size:1.3rem; margin-top:2rem; border-bottom:1px solid var(--line); }
.subtitle { color:var(--muted); margin-top:0; }
.corridor-chart { width:100%; min-height:120px; margin:1rem 0; }
.corridor-table { overflow-x:auto; margin:1rem 0; }
table { border-collapse:collapse; font-size:.88rem; width:100%; }
th, td { border-bottom:1px solid var(--line); padding:.3rem .5rem; text-align:left; vertical-align:top; }
th { background:#eef2f6; position:sticky; top:0; }
td q { font-style:italic; color:#34495e; }
td { max-width: 34rem; overflow-wrap: anywhere; }
caption { text-align:left; color:var(--muted); padding:.3rem 0; }
.corridor-cards { display:flex; flex-wrap:wrap; gap:.8rem; margin:1rem 0; }
.corridor-card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.7rem 1rem; min-width:9rem; flex:1; }
.corridor-card .v { font-size:1.5rem; font-weight:700; color:var(--accent); }
.corridor-card .l { color:var(--muted); font-size:.85rem; }
.corridor-note, .corridor-download { color:var(--muted); font-size:.85rem; }
.ok { color:#1b7a3a; } .fail { color:#b3261e; font-weight:600; }
pre.output, pre.input { background:#f3f6f9; padding:.5rem .7rem; overflow-x:auto; font-size:.85rem; }
pre.error { color:#b3261e; }
footer { color:var(--muted); font-size:.8rem; text-align:center; padding:2rem 1rem; }
@media (max-width: 600px) { body { font-size:15px; } main { padding:.6rem; } h1 { font-size:1.35rem; } }
"""


def _wrap(title: str, subtitle: str | None, body: str, site: list[Page], page: Page) -> str:
    links = [f'<a href="{html.escape(p.output)}">{html.escape(p.title)}</a>' for p in site if not p.params]
    sub = f'<p class="subtitle">{html.escape(str(subtitle))}</p>' if subtitle else ""
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Corridor</title>
<style>{CSS}</style></head>
<body><header><nav><a class="brand" href="index.html">Corridor</a>{''.join(links)}</nav></header>
<main><h1>{html.escape(title)}</h1>{sub}
{body}
</main>
<footer>Rendered by corridor from <code>reports/{html.escape(page.source)}</code>. Every figure links to the sentence it came from.</footer>
</body></html>
"""
