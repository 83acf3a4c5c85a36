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
from datetime import UTC, datetime
from pathlib import Path

import yaml

from corridor.resources import project_dir
from corridor.store import connect
from corridor.store.warehouse import snapshot

Log = Callable[[str], None]
MIN_FACTS_FOR_PAIR_PAGE = 1  # every pair with a fact has its page


@dataclass(frozen=True, slots=True)
class Page:
    source: str  # .qmd file in reports/
    output: str  # .html file in the site
    title: str
    params: dict | None = None


def pair_slug(a: str, b: str | None = None) -> str:
    """pair-AZE-KAZ for the two countries in code order (either order in, "AZE–KAZ" or "KAZ→AZE" too)."""
    if b is None:
        a, b = [p for p in a.replace("–", " ").replace("→", " ").split() if p][:2]
    x, y = sorted((a, b))
    return f"pair-{x}-{y}"


def country_slug(code: str) -> str:
    return f"country-{code}"


def pages(db: Path) -> list[Page]:
    """The site: the fixed pages of _quarto.yml, a page per country and a page per pair of countries with facts."""
    from corridor.labels import country_name

    out = fixed_pages()
    for code, _ in country_list(db):
        out.append(Page("country.qmd", f"{country_slug(code)}.html", country_name(code), {"country": code}))
    for a, b, _ in pair_list(db):
        out.append(Page("pair.qmd", f"{pair_slug(a, b)}.html", f"{country_name(a)} and {country_name(b)}",
                        {"country_a": a, "country_b": b}))
    return out


def fixed_pages() -> list[Page]:
    """The pages _quarto.yml renders, named as its navbar names them."""
    reports = project_dir("reports")
    config = yaml.safe_load((reports / "_quarto.yml").read_text(encoding="utf-8"))
    nav = {e["href"]: e.get("text") for e in config.get("website", {}).get("navbar", {}).get("left", [])
           if isinstance(e, dict)}
    return [Page(src, Path(src).with_suffix(".html").name,
                 nav.get(src) or _front_matter(reports / src).get("title", src)) for src in config["project"]["render"]]


def country_list(db: Path) -> list[tuple[str, int]]:
    """Every country (or group) a fact names, with its number of facts, most first."""
    with connect(db, read_only=True) as con:
        rows = con.execute(
            "select c, count(*) from (select country_a as c from series union all "
            "select country_b from series where country_b is not null) group by c order by count(*) desc, c"
        ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def pair_list(db: Path) -> list[tuple[str, str, int]]:
    """Every pair of countries with facts (either direction), most facts first."""
    with connect(db, read_only=True) as con:
        rows = con.execute(
            "select least(country_a, country_b), greatest(country_a, country_b), count(*) from series "
            "where country_b is not null group by all having count(*) >= ? order by count(*) desc, 1, 2",
            [MIN_FACTS_FOR_PAIR_PAGE],
        ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]


def _front_matter(path: Path) -> dict:
    from corridor.report.qmd import split_front_matter

    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def _is_empty(db: Path) -> bool:
    import duckdb

    with connect(db, read_only=True) as con:
        try:
            return con.execute("select count(*) from articles").fetchall()[0][0] == 0
        except duckdb.CatalogException:  # a file with no tables yet
            return True


def render_site(db: Path, out_dir: Path, log: Log = print) -> Path:
    """Render every page into `out_dir`; return the index page. The site is written beside it and swapped in
    only when every page rendered: a failed render leaves the previous site as it was."""
    db = Path(db).resolve()
    if not db.exists():
        raise FileNotFoundError(f"{db}: no warehouse here yet (run `corridor build` first)")
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = out_dir.parent / f".{out_dir.name}.rendering-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        with snapshot(db) as copy:  # the pages read a copy: a build started meanwhile neither waits nor shows
            if _is_empty(copy):
                log("the warehouse holds no article: rendering the 'nothing built yet' site")
                _render_empty(db, stage)
            else:
                _render_full(copy, stage, log)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _swap(stage, out_dir)
    return out_dir / "index.html"


def _swap(stage: Path, out_dir: Path) -> None:
    """Put the new site in place of the old one: two renames, the old site removed after."""
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    if out_dir.exists():
        out_dir.rename(old)
    stage.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


def _render_full(db: Path, stage: Path, log: Log) -> None:
    from corridor.report import articles, sitedata

    os.environ["CORRIDOR_DB"] = str(db)
    os.environ[sitedata.ENV] = str(stage / "data")
    state: dict = {}

    def prepare() -> None:
        """The data files the pages read, written while the kernels start."""
        from corridor.report.embed import write_bundle

        write_bundle(stage)
        write_libs(stage)
        with connect(db, read_only=True) as con:
            sitedata.export(con, stage)
            state["info"] = sitedata.info(con)
            state["site"] = pages(db)
        log("  data/ (every fact as CSV and Parquet, values, articles, column notes)")

    def article_pages() -> None:
        """A page per article, written while the kernels render the others."""
        site, info = state["site"], state["info"]
        with connect(db, read_only=True) as con:
            con.execute(f"create temp table paged as {sitedata._PAGED}").fetchall()
            n = articles.write(con, stage, lambda title, body: _wrap(title, None, body, site, None, info, depth=1))
        log(f"  articles/: {n} article pages")

    if shutil.which("quarto"):
        prepare()
        article_pages()
        _render_with_quarto(state["site"], stage, log)
    else:
        log("quarto not on PATH: rendering the .qmd files with the built-in renderer (nbclient + nbconvert)")
        _render_builtin(prepare, article_pages, state, stage, log)


def _render_empty(db: Path, stage: Path) -> None:
    """Every fixed page says there is nothing yet and how to build it; no kernel runs."""
    from corridor.report.sitedata import SiteInfo

    site = fixed_pages()
    info = SiteInfo(0, 0, 0, None, None, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    body = (f'<p class="corridor-empty">Nothing built yet: the warehouse <code>{html.escape(str(db))}</code> holds no '
            "article. Put articles (.txt, .md, .html, .json, .jsonl) in a folder and run <code>corridor build FOLDER "
            f"--db {html.escape(str(db))}</code>, then <code>corridor report</code> again.</p>")
    write_libs(stage)
    for page in site:
        (stage / page.output).write_text(_wrap(page.title, None, body, site, page, info), encoding="utf-8")


def _render_with_quarto(site: list[Page], out_dir: Path, log: Log) -> None:
    """`quarto render` page by page (pages with parameters through -P), each copied into the staged site."""
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


def _output_from_msg(msg: dict):
    """nbformat's output_from_msg without its JSON-schema validation of every output (milliseconds each, in the
    rendering process, thousands per site): the kernel's messages have the shape by construction."""
    from nbformat import NotebookNode, from_dict

    kind, content = msg["header"]["msg_type"], msg["content"]
    fields = {"execute_result": ("metadata", "data", "execution_count"), "display_data": ("metadata", "data"),
              "stream": ("name", "text"), "error": ("ename", "evalue", "traceback")}.get(kind)
    if fields is None:
        raise ValueError(f"Unrecognized output msg type: {kind!r}")
    out = from_dict({"output_type": kind, **{f: content[f] for f in fields}})
    return out if isinstance(out, NotebookNode) else NotebookNode(out)


class _Renderer:
    """Executes pages one after another in one Jupyter kernel, as Quarto's kernel daemon does: the
    kernel (and the modules it imported) outlives a page, the page's namespace does not (_RESET runs first)."""

    def __init__(self) -> None:
        self.km = None
        self.kc = None

    def execute(self, nb) -> None:
        import nbclient.client
        from nbclient import NotebookClient

        nbclient.client.output_from_msg = _output_from_msg
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


# The page's names go, IPython's own stay. `%reset -f` did the same plus a full garbage collection: a quarter
# of a second per page once polars and DuckDB are loaded, hundreds of pages per site.
_RESET = ("_ip = get_ipython()\n"
          "for _k in [k for k in _ip.user_ns if k not in _ip.user_ns_hidden]:\n"
          "    del _ip.user_ns[_k]")


def _reset_cell():
    import nbformat

    return nbformat.v4.new_code_cell(_RESET, metadata={"tags": ["remove_cell"]})


_WARM_UP = "import polars, duckdb, corridor, corridor.report.blocks, corridor.report.embed"


def _render_builtin(prepare: Callable[[], None], meanwhile: Callable[[], None], state: dict, out_dir: Path,
                    log: Log) -> None:
    """Pages shared out between one kernel per core; each worker closes its kernel when done. The kernels
    start and import what pages use while `prepare` writes the data they read (it fills state["site"]);
    `meanwhile` runs in this thread while they render."""
    import threading

    import nbformat

    todo: queue.SimpleQueue[Page] = queue.SimpleQueue()
    ready = threading.Event()
    failed: list[BaseException] = []

    def worker() -> None:
        renderer = _Renderer()
        try:
            warm = nbformat.v4.new_notebook()
            warm.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            warm.cells = [nbformat.v4.new_code_cell(_WARM_UP)]
            renderer.execute(warm)
            ready.wait()
            while not failed:
                try:
                    page = todo.get_nowait()
                except queue.Empty:
                    return
                html_text = render_page(page, state["site"], renderer, state["info"])
                (out_dir / page.output).write_text(html_text, encoding="utf-8")
                log(f"  {page.output}")
        except BaseException as e:
            failed.append(e)
            raise
        finally:
            renderer.close()

    workers = max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in range(workers):
            pool.submit(worker)
        try:
            prepare()
            for page in state["site"]:
                todo.put(page)
            ready.set()
            meanwhile()
        except BaseException as e:
            failed.append(e)
        finally:
            ready.set()
    if failed:  # the first failure, once every kernel is closed
        raise failed[0]


def render_page(page: Page, site: list[Page], renderer: _Renderer | None = None, info=None) -> str:
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
    return _wrap(title, qmd.meta.get("subtitle"), body, site, page, info)


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
header { background:#12324a; color:#fff; padding:.5rem 1rem; }
header a { color:#fff; text-decoration:none; margin-right:.9rem; white-space:nowrap; }
header .brand { font-weight:700; }
nav { display:flex; flex-wrap:wrap; gap:.3rem; align-items:center; }
nav input { margin-left:auto; min-width:14rem; padding:.25rem .5rem; border-radius:4px; border:0; font:inherit; }
.corridor-info { background:#eef2f6; color:var(--muted); font-size:.82rem; padding:.3rem 1rem; }
.corridor-info a { color:var(--accent); }
main { max-width:1180px; margin:0 auto; padding:1rem; }
h1 { font-size:1.7rem; margin:.5rem 0; } h2 { font-size:1.3rem; margin-top:2rem; border-bottom:1px solid var(--line); }
h3 { font-size:1.05rem; margin:1.6rem 0 .2rem; }
.subtitle, .definition { color:var(--muted); margin-top:0; }
.corridor-figure { margin:1rem 0 1.5rem; }
.corridor-chart { width:100%; min-height:120px; }
.corridor-controls { color:var(--muted); font-size:.85rem; margin:.3rem 0; }
.corridor-controls label { margin-right:1rem; }
.corridor-as-table summary { cursor:pointer; color:var(--accent); font-size:.9rem; }
.corridor-table { overflow-x:auto; margin:.6rem 0; }
table { border-collapse:collapse; font-size:.88rem; width:100%; }
th, td { border-bottom:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top;
         overflow-wrap:normal; word-break:normal; hyphens:none; }
th { background:#eef2f6; position:sticky; top:0; white-space:nowrap; }
td.num { white-space:nowrap; text-align:right; font-variant-numeric:tabular-nums; }
td.wide, th.wide { min-width:20rem; max-width:44rem; }
td small { color:var(--muted); } td small.file { font-size:.72rem; }
td a[lang], td small.file { overflow-wrap:anywhere; } /* a file name has no space to break at */
td.article { min-width:11rem; }
mark { background:#ffe58a; padding:0 .1rem; border-radius:2px; }
mark.event { background:#d7ecff; }
mark.fact.confirmed, mark.fact.corrected, mark.fact.added { box-shadow:inset 0 -2px 0 #1b7a3a; }
mark.fact.low { box-shadow:inset 0 -2px 0 #b3261e; }
.review { font-size:.8rem; color:var(--muted); }
:target { outline:3px solid #f0a500; }
caption { text-align:left; color:var(--muted); padding:.3rem 0; }
.corridor-filter { margin:.4rem 0; font-size:.85rem; color:var(--muted); display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; }
.corridor-filter input { padding:.25rem .5rem; min-width:14rem; font:inherit; }
.corridor-filter button { font:inherit; padding:.1rem .6rem; }
.corridor-cards { display:flex; flex-wrap:wrap; gap:.8rem; margin:1rem 0; }
.corridor-card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.7rem 1rem; min-width:9rem; flex:1; }
.corridor-card .v { font-size:1.5rem; font-weight:700; color:var(--accent); }
.corridor-card .l { color:var(--muted); font-size:.85rem; }
.corridor-value { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; margin:.6rem 0; }
.corridor-value .v { font-size:1.6rem; font-weight:700; color:var(--accent); }
.corridor-value .what, .corridor-value .when, .corridor-value .src { color:var(--muted); font-size:.9rem; }
blockquote { margin:.5rem 0; padding-left:.8rem; border-left:3px solid var(--line); font-style:italic; }
.corridor-note, .footnote { color:var(--muted); font-size:.85rem; }
.corridor-legend { color:var(--muted); font-size:.85rem; margin:.2rem 0 0; }
.corridor-empty { font-size:1.1rem; background:#fff8e1; border:1px solid #f0d98a; padding:1rem; border-radius:8px; }
.columns { columns: 16rem auto; }
.ok { color:#1b7a3a; } .fail { color:#b3261e; font-weight:600; }
.article-text { background:#fff; border:1px solid var(--line); padding:1rem; border-radius:8px; line-height:1.7; }
pre.output, pre.input { background:#f3f6f9; padding:.5rem .7rem; overflow-x:auto; font-size:.85rem; }
pre.error { color:#b3261e; }
footer { color:var(--muted); font-size:.8rem; text-align:center; padding:2rem 1rem; }
@media (max-width: 600px) { body { font-size:15px; } main { padding:.6rem; } h1 { font-size:1.35rem; }
  nav input { margin-left:0; min-width:100%; } td.wide, th.wide { min-width:14rem; } }
"""

# Long tables: a filter box and pages of 25 rows, in the browser (the page stays one file and works offline).
# The search box: every page of the site by name, from a list embedded in each page.
JS = """
(function(){
  document.querySelectorAll('.corridor-table').forEach(function(box){
    var rows = Array.prototype.slice.call(box.querySelectorAll('tbody tr'));
    if (rows.length <= 25) return;
    var size = 25, page = 0, shown = rows;
    var bar = document.createElement('div'); bar.className = 'corridor-filter';
    bar.innerHTML = '<input type="search" placeholder="Filter these rows…" aria-label="filter rows">'
      + '<button type="button" data-d="-1">‹ previous</button><span></span><button type="button" data-d="1">next ›</button>';
    box.parentNode.insertBefore(bar, box);
    var input = bar.querySelector('input'), info = bar.querySelector('span');
    function draw(){
      var pages = Math.max(1, Math.ceil(shown.length / size)); page = Math.min(Math.max(page, 0), pages - 1);
      rows.forEach(function(r){ r.style.display = 'none'; });
      shown.slice(page * size, page * size + size).forEach(function(r){ r.style.display = ''; });
      info.textContent = shown.length + ' rows · page ' + (page + 1) + ' of ' + pages;
    }
    input.addEventListener('input', function(){
      var q = input.value.toLowerCase();
      shown = rows.filter(function(r){ return r.textContent.toLowerCase().indexOf(q) >= 0; }); page = 0; draw();
    });
    bar.querySelectorAll('button').forEach(function(b){ b.onclick = function(){ page += +b.dataset.d; draw(); }; });
    draw();
  });
  var search = document.getElementById('corridor-search');
  if (search) {
    var go = function(){
      var v = search.value.trim().toLowerCase();
      var opts = document.querySelectorAll('#corridor-pages option');
      for (var i = 0; i < opts.length; i++) {
        if (opts[i].value.toLowerCase() === v) { location.href = opts[i].dataset.href; return; }
      }
    };
    search.addEventListener('change', go);
    search.addEventListener('keydown', function(e){ if (e.key === 'Enter') go(); });
  }
})();
"""


def write_libs(site: Path) -> None:
    """The style sheet and script every page links to, once per site (site_libs/, as Quarto keeps its own)."""
    libs = site / "site_libs"
    libs.mkdir(parents=True, exist_ok=True)
    (libs / "corridor.css").write_text(CSS, encoding="utf-8")
    (libs / "corridor.js").write_text(JS, encoding="utf-8")


def _wrap(title: str, subtitle: str | None, body: str, site: list[Page], page: Page | None, info=None,
          depth: int = 0) -> str:
    """A standalone page: navigation (the fixed pages and a search over every page), the data line (corpus size,
    build date, downloads), the body. `depth` 1 is a page in a sub-folder (articles/)."""
    up = "../" * depth
    links = [f'<a href="{up}{html.escape(p.output)}">{html.escape(p.title)}</a>' for p in site if not p.params]
    options = "" if depth else "".join(  # an article page links back to the site; its search is on the site's pages
        f'<option value="{html.escape(p.title)}" data-href="{up}{html.escape(p.output)}"></option>' for p in site if p.params)
    search = ('<input id="corridor-search" type="search" list="corridor-pages" placeholder="Find a country or pair…" '
              f'aria-label="find a country or pair"><datalist id="corridor-pages">{options}</datalist>' if options else "")
    sub = f'<p class="subtitle">{html.escape(str(subtitle))}</p>' if subtitle else ""
    data_line = ""
    if info is not None:
        downloads = (f' · every fact: <a href="{up}data/facts.csv">CSV</a> · <a href="{up}data/facts.parquet">Parquet</a>'
                     f' · <a href="{up}data/columns.json">what each column means</a>') if info.n_facts else ""
        data_line = f'<div class="corridor-info">Data: {html.escape(info.line())}{downloads}</div>'
    source = f"reports/{html.escape(page.source)}" if page else "the warehouse"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Corridor</title>
<link rel="stylesheet" href="{up}site_libs/corridor.css"></head>
<body><header><nav><a class="brand" href="{up}index.html">Corridor</a>{''.join(links)}{search}</nav></header>
{data_line}
<main><h1>{html.escape(title)}</h1>{sub}
{body}
</main>
<footer>Rendered by corridor from <code>{source}</code>. Figures are read from French news articles; every figure
links to the sentence it came from. Text quoted from the articles is in French.</footer>
<script src="{up}site_libs/corridor.js"></script>
</body></html>
"""
