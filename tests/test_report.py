"""End to end: build -> validate -> report on the bundled corpus; the .qmd fallback; the Quarto path."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor.report.qmd import parse
from corridor.resources import project_dir


def test_end_to_end_cli(tmp_path: Path) -> None:
    """The main job, by its commands, in a temp dir."""
    db = tmp_path / "corridor.duckdb"
    site = tmp_path / "site"
    cli = [sys.executable, "-m", "corridor.cli"]
    articles = str(project_dir("reports").parent / "data" / "articles")
    subprocess.run([*cli, "build", articles, "--db", str(db)], check=True, capture_output=True)
    subprocess.run([*cli, "validate", "--db", str(db)], check=True, capture_output=True)
    r = subprocess.run([*cli, "report", "--db", str(db), "--out", str(site)], check=True, capture_output=True, text=True)
    index = Path(r.stdout.strip().splitlines()[-1])
    assert index == (site / "index.html").resolve() and index.exists()
    for page in ("index", "compare", "conflicts", "cooperation", "articles", "quality", "pair-AZE-KAZ", "country-KAZ"):
        assert (site / f"{page}.html").exists(), page
    for data in ("facts.csv", "facts.parquet", "values.parquet", "columns.json"):
        assert (site / "data" / data).exists(), data


def test_every_page_is_offline_and_escaped(site: Path) -> None:
    pages = sorted(site.parent.glob("*.html")) + sorted(site.parent.glob("articles/*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "https://cdn" not in html and "cdnjs" not in html and "unpkg" not in html, page.name
        assert "Traceback" not in html and 'class="output error"' not in html, page.name
        for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not src.startswith(("http:", "https:", "//")), f"{page.name}: loads {src}"
            assert (page.parent / src).exists(), f"{page.name}: {src} missing"
    bundle = (site.parent / "site_libs" / "vega-bundle.js").read_text(encoding="utf-8")
    assert "window.vegaEmbed=" in bundle  # the one copy of vega, vega-lite and vega-embed


def test_pages_sharing_a_kernel_stand_alone(site: Path) -> None:
    """Pages run one after another in one kernel: each still loads the Vega bundle its charts need, and a
    pair page shows its own pair only (no variable left over from the page before)."""
    for page in sorted(site.parent.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'class="corridor-chart"' in html:
            assert html.count('src="site_libs/vega-bundle.js"') == 1, f"{page.name}: charts without the Vega bundle"
    pairs = sorted(site.parent.glob("pair-*.html"))
    assert pairs
    for page in pairs:
        a, b = page.stem.split("-")[1:3]
        html = page.read_text(encoding="utf-8")
        labels = set(re.findall(r"\b([A-Z]{3})[–→]([A-Z]{3})\b", html))
        assert labels and all({x, y} == {a, b} for x, y in labels), f"{page.name}: {sorted(labels)[:5]}"


def test_notebook_html_lays_out_what_a_page_holds() -> None:
    import nbformat

    from corridor.report.render import notebook_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## Trade\n\nSee *below*."),
        nbformat.v4.new_code_cell("x", metadata={"tags": ["remove_input"]}, outputs=[
            nbformat.v4.new_output("stream", name="stderr", text="a warning"),
            nbformat.v4.new_output("stream", name="stdout", text="1 < 2"),
            nbformat.v4.new_output("display_data", data={"text/html": "<table><tr><td>k</td></tr></table>",
                                                         "text/plain": "ignored"}),
            nbformat.v4.new_output("error", ename="E", evalue="v", traceback=["\x1b[31mTraceback\x1b[0m boom"]),
        ]),
        nbformat.v4.new_code_cell("secret = 1", metadata={"tags": ["remove_cell"]}),
        nbformat.v4.new_code_cell("print(2)", metadata={"tags": []}, outputs=[
            nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]),
    ]
    out = notebook_html(nb)
    assert '<h2 id="Trade">Trade</h2>' in out and "<em>below</em>" in out
    assert "<a" not in out  # no anchor link (its self-closed <a/> would swallow the page as a link)
    assert "a warning" not in out and "1 &lt; 2" in out and "<td>k</td>" in out and "ignored" not in out
    assert "Traceback boom" in out and "\x1b" not in out
    assert "secret" not in out and "print(2)" in out and '<pre class="output">2</pre>' in out


def test_index_has_charts_and_evidence(site: Path) -> None:
    """A figure is shown in its whole sentence, marked, with its article's title; every fact is downloadable."""
    html = site.read_text(encoding="utf-8")
    assert html.count('class="corridor-chart"') >= 2
    assert re.search(r"[A-Z][^<]{20,}<mark>470 millions de dollars en 2024</mark>[^<]*\.", html)
    assert "Relations Turquie-Ouzbékistan" in html  # the .txt file's first line, read as its title
    assert 'href="data/facts.csv"' in html and 'href="data/columns.json"' in html
    columns = json.loads((site.parent / "data" / "columns.json").read_text(encoding="utf-8"))
    described = columns["files"]["facts.csv"]["columns"]
    assert described and all(c["description"] for c in described), [c["name"] for c in described if not c["description"]]


def test_every_figure_links_to_its_sentence_in_its_article(site: Path) -> None:
    """A chart point's link opens the article's page at the figure, marked in the whole text."""
    html = (site.parent / "pair-AZE-KAZ.html").read_text(encoding="utf-8")
    links = set(re.findall(r'articles/([0-9a-f]{16})\.html#f-([0-9a-f]+)', html))
    assert links
    for article_id, fact_id in links:
        page = (site.parent / "articles" / f"{article_id}.html").read_text(encoding="utf-8")
        assert f'<mark id="f-{fact_id}"' in page


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory) -> Path:
    """The shared dev corpus (it states quantities twice, in one article and in several) built and rendered."""
    from conftest import shared_or_skip
    from corridor.pipeline import build
    from corridor.report import render_site

    corpus = shared_or_skip("corpus", "dev")
    tmp = tmp_path_factory.mktemp("dev")
    build([corpus], tmp / "dev.duckdb")
    render_site(tmp / "dev.duckdb", tmp / "site", log=lambda m: None)
    return tmp


def test_one_truth_across_pages(dev_site: Path) -> None:
    """A quantity stated twice (TJK–UZB 2023 was 504.4 M on the compare chart, 756.8 M on the pair page) has one
    value on every page, the consensus view's; the disagreements page shows both statements side by side, says
    which one every page shows, and gives the spread as a percentage."""
    import duckdb

    with duckdb.connect(str(dev_site / "dev.duckdb"), read_only=True) as con:
        picked = dict(con.execute("select fact_id, value from consensus").fetchall())
        tjk = con.execute("select value, fact_ids from consensus where pair_label = 'TJK–UZB' and indicator = "
                          "'trade_turnover' and year = 2023 and measure = 'level'").fetchall()
        n_conflicts = con.execute("select count(distinct picked_fact_id) from conflicts").fetchall()[0][0]
    assert tjk and len(tjk[0][1]) == 2
    site = dev_site / "site"
    plotted = 0
    for page in site.glob("*.html"):
        for spec in re.findall(r"var spec=(\{.*?\});var el=", page.read_text(encoding="utf-8"), re.S):
            for row in json.loads(spec)["data"]["values"]:
                if "fact_id" in row and "value" in row:
                    assert row["fact_id"] in picked, f"{page.name} plots a statement the consensus did not pick"
                    assert row["value"] == pytest.approx(picked[row["fact_id"]]), page.name
                    plotted += 1
    assert plotted > 20
    html = (site / "conflicts.html").read_text(encoding="utf-8")
    assert n_conflicts >= 2 and "No quantity is stated differently" not in html
    assert html.count("shown on every page</td>") >= n_conflicts
    assert "statements differ by 33 %" in html  # 504.4 M against 756.8 M, in one article
    assert "consensus-rule" in html and "exact figure before a rounded" in html  # the rule, as a footnote


def test_empty_warehouse_renders_a_clean_site(tmp_path: Path) -> None:
    """No traceback, no half-written site: every page says there is nothing yet and how to build it."""
    from corridor.pipeline import build
    from corridor.report import render_site

    (tmp_path / "empty").mkdir()
    db = tmp_path / "w.duckdb"
    build([tmp_path / "empty"], db)
    index = render_site(db, tmp_path / "site", log=lambda m: None)
    pages = sorted((tmp_path / "site").glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        assert "Nothing built yet" in page.read_text(encoding="utf-8"), page.name
    assert index.exists()


def test_a_failed_render_leaves_the_previous_site(built_db: Path, tmp_path: Path, monkeypatch) -> None:
    """The site is written aside and swapped in whole: a page that fails leaves the site before it untouched."""
    from corridor.report import render, render_site

    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previous site", encoding="utf-8")

    def broken(page, *args, **kwargs):
        if page.output == "compare.html":
            raise RuntimeError("a cell failed")
        return "<html></html>"

    monkeypatch.setattr(render, "render_page", broken)
    with pytest.raises(RuntimeError, match="a cell failed"):
        render_site(built_db, out, log=lambda m: None)
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_quality_page_lists_rules(site: Path) -> None:
    html = (site.parent / "quality.html").read_text(encoding="utf-8")
    assert "rules pass" in html and "plausibility" in html and "cross_fact" in html


def test_qmd_parse_options_and_parameters() -> None:
    text = ("---\ntitle: T\n---\n\nIntro\n\n```{python}\n#| tags: [parameters]\nx = 1\n```\n\n"
            "```{python}\n#| echo: true\nprint(x)\n```\n\n```{python}\n#| include: false\ny = 2\n```\nEnd\n")
    q = parse(text, params={"x": 5})
    assert q.meta == {"title": "T"}
    kinds = [c.cell_type for c in q.notebook.cells]
    assert kinds == ["markdown", "code", "code", "code", "code", "markdown"]
    injected = q.notebook.cells[2]
    assert injected.source.endswith("x = 5") and "injected-parameters" in injected.metadata["tags"]
    assert "remove_input" not in q.notebook.cells[3].metadata["tags"]  # echo: true
    assert "remove_cell" in q.notebook.cells[4].metadata["tags"]


def test_qmd_files_are_genuine_quarto() -> None:
    import yaml

    reports = project_dir("reports")
    config = yaml.safe_load((reports / "_quarto.yml").read_text(encoding="utf-8"))
    assert config["project"]["type"] == "website"
    for src in config["project"]["render"] + ["pair.qmd"]:
        text = (reports / src).read_text(encoding="utf-8")
        assert text.startswith("---\ntitle:"), src
        assert "```{python}" in text, src


@pytest.mark.skipif(shutil.which("quarto") is None,
                    reason="quarto is not on PATH (cannot be installed on these machines); the built-in renderer is tested instead")
def test_quarto_path(built_db: Path, tmp_path: Path) -> None:
    from corridor.report import render_site

    index = render_site(built_db, tmp_path / "site", log=lambda m: None)
    assert index.exists()


def test_chart_data_cannot_change_how_the_page_parses() -> None:
    """Chart data sits in a <script>: `<`, `>`, `&`, U+2028 and U+2029 in it are escaped (escaping only `</script`
    let `<!--<script>` in an article's name swallow the rest of the page)."""
    import json

    import altair as alt
    import pandas as pd

    from corridor.report.embed import chart_html

    name = "<!--<script>&\u2028\u2029</script>.txt"
    chart = alt.Chart(pd.DataFrame({"x": [1], "y": [2], "article": [name]})).mark_point().encode(
        x="x", y="y", tooltip="article")
    spec = chart_html(chart.to_dict()).split("<script>(function(){var spec=")[1].split(";var el=")[0]
    assert not set(spec) & set("<>&\u2028\u2029")
    assert name in json.dumps(json.loads(spec), ensure_ascii=False)


def test_a_build_runs_while_the_report_renders(built_db: Path, tmp_path: Path) -> None:
    """The report reads a snapshot of the warehouse: a build started while pages render neither waits for it nor
    fails (a report rendering made a build fail at once)."""
    import time

    db = tmp_path / "w.duckdb"
    shutil.copy(built_db, db)
    site = tmp_path / "site"
    cli = [sys.executable, "-m", "corridor.cli"]
    report = subprocess.Popen([*cli, "report", "--db", str(db), "--out", str(site)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        # pages are rendered into a folder beside the site, swapped in once all are done: one page there is enough
        while (not list(tmp_path.glob(".site.rendering-*/*.html")) and report.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.05)
        assert report.poll() is None, "the report ended before the build could start"
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "a.txt").write_text("Les échanges commerciaux entre le Kazakhstan et la Chine ont atteint 31,5 "
                                      "milliards de dollars en 2023.", encoding="utf-8")
        built = subprocess.run([*cli, "build", str(corpus), "--db", str(db), "--wait", "0"], capture_output=True,
                               text=True, timeout=120)
        assert built.returncode == 0 and "waiting" not in built.stderr, built.stderr
        assert report.wait(timeout=300) == 0, report.stderr.read()
    finally:
        report.kill()
        report.wait()
