"""Each report page in a real headless Chromium with no network, read as its reader reads it: every chart
draws, nothing is logged to the console, no number is written with an exponent, every time axis names a year,
no chart plots a value the consensus view does not give, long tables are paged, numbers never wrap, the
empty-warehouse site renders. Screenshots of every page at 1400 and 420 px wide are kept in test-artifacts/."""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ARTIFACTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--enable-logging=stderr", "--v=0"]
EXPONENT = re.compile(r"\d(?:\.\d+)?e[+-]\d", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")


def chromium(url: str, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=15000", *extra, url],
                              capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def doms(site: Path) -> dict[str, str]:
    """Every page of the site as the browser leaves it (charts drawn, tables paged), and no console output."""
    out = {}
    for page in sorted(site.parent.glob("*.html")):
        r = chromium(page.as_uri(), "--dump-dom")
        assert console_lines(r.stderr) == [], f"{page.name}: console output {console_lines(r.stderr)}"
        out[page.name] = r.stdout
    return out


def visible_text(dom: str) -> str:
    """What a reader sees: the page without its scripts and styles, tags dropped, entities read."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S)
    body = re.sub(r'<datalist\b.*?</datalist>', " ", body, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


def test_every_page_draws_its_charts(doms: dict[str, str]) -> None:
    assert {"index.html", "compare.html", "conflicts.html", "cooperation.html", "articles.html",
            "quality.html"} <= set(doms)
    assert any(n.startswith("country-") for n in doms) and any(n.startswith("pair-") for n in doms)
    drawn = 0
    for name, dom in doms.items():
        # vegaEmbed adds its own classes to the div ("corridor-chart vega-embed fit-x")
        charts = re.findall(r'<div class="corridor-chart[^"]*" id="([^"]+)"[^>]*>(.*?)</div>\s*<script', dom, re.S)
        assert len(charts) == dom.count('<div class="corridor-chart'), name
        drawn += len(charts)
        for div_id, inner in charts:
            assert "<svg" in inner or "<canvas" in inner, f"{name}: chart {div_id} did not render"
            assert "chart failed" not in inner, name
    assert drawn >= 5


def test_no_number_is_written_with_an_exponent(doms: dict[str, str]) -> None:
    """Axes, tooltips' data, tables: "2.85e+10" is nowhere a reader looks (the SVG's text included)."""
    for name, dom in doms.items():
        found = EXPONENT.findall(visible_text(dom))
        assert found == [], f"{name}: {found[:5]}"
        for spec in chart_specs(dom):  # what the tooltips will show
            for row in spec["data"]["values"]:
                for key, value in row.items():
                    if isinstance(value, str):
                        assert not EXPONENT.search(value), f"{name}: {key}={value!r}"


def test_every_time_axis_names_a_year(doms: dict[str, str]) -> None:
    """No "April June October" with no year, no "Tue 31": each label of a time axis, and of the coverage's
    year axis, holds a year."""
    n_axes = 0
    for name, dom in doms.items():
        for axis in re.finditer(r'<g class="mark-group role-axis"[^>]*aria-label="(X-axis[^"]*)">', dom):
            label = axis.group(1)
            if "time scale" not in label and not YEAR.search(label):
                continue
            n_axes += 1
            labels = re.search(r'class="mark-text role-axis-label"[^>]*>(.*?)</g>', dom[axis.end():], re.S)
            ticks = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", labels.group(1) if labels else "") if t.strip()]
            assert ticks, f"{name}: empty time axis {label}"
            for t in ticks:
                assert YEAR.search(t), f"{name}: time-axis label {t!r} names no year ({label})"
    assert n_axes >= 3


def chart_specs(dom: str) -> list[dict]:
    out = []
    for m in re.finditer(r"var spec=(\{.*?\});var el=", dom, re.S):
        out.append(json.loads(m.group(1)))
    return out


def test_no_page_contradicts_the_consensus_view(doms: dict[str, str], built_db: Path) -> None:
    """Every plotted figure is its quantity's consensus value: the value on the compare chart, the pair page and
    the overview is the same (TJK–UZB 2023 was 504.4 M on one page and 756.8 M on another)."""
    import duckdb

    with duckdb.connect(str(built_db), read_only=True) as con:
        picked = dict(con.execute("select fact_id, value from consensus").fetchall())
    n = 0
    for name, dom in doms.items():
        for spec in chart_specs(dom):
            for row in spec["data"]["values"]:
                if "fact_id" in row and "value" in row and row.get("kind") != "segment start":
                    assert row["fact_id"] in picked, f"{name}: plots a statement the consensus did not pick"
                    assert abs(row["value"] - picked[row["fact_id"]]) < 1e-9 * max(1, abs(row["value"])), name
                    n += 1
    assert n > 5


def test_lines_join_full_years_only(doms: dict[str, str]) -> None:
    """The line layer of every trend draws full years only; parts of a year carry their months as a label."""
    for name, dom in doms.items():
        for spec in chart_specs(dom):
            layers = spec.get("layer", [])
            lines = [ly for ly in layers if isinstance(ly.get("mark"), dict) and ly["mark"].get("type") == "line"
                     and "strokeDash" not in ly["mark"]]
            for ly in lines:
                assert ly["transform"] == [{"filter": "datum.kind == 'full year'"}], name
            runs: dict[str, list[int]] = {}
            for row in spec["data"]["values"]:
                if row.get("kind") == "part of a year":
                    assert YEAR.search(row.get("mark_label") or ""), f"{name}: a part of a year without its months"
                if row.get("kind") == "full year" and row.get("run"):
                    runs.setdefault(row["run"], []).append(int(row["when"][:4]))
            kinds = {row.get("kind") for row in spec["data"]["values"]}
            if "part of a year" in kinds:  # the mark is explained where the chart is, in words
                assert "part of a year, its months written beside it" in visible_text(dom), name
            if "target" in kinds:
                assert "a target, its year written beside it, dashed from the last level" in visible_text(dom), name
            for run, years in runs.items():  # a line never bridges a year with no figure
                assert sorted(years) == list(range(min(years), max(years) + 1)), f"{name}: {run} joins {sorted(years)}"


def test_pages_say_where_the_data_is_from(doms: dict[str, str]) -> None:
    for name, dom in doms.items():
        assert '<html lang="en">' in dom, name
        text = visible_text(dom)
        assert "site built" in text and "articles" in text, f"{name}: no build date or corpus size"
    assert 'lang="fr"' in doms["index.html"]  # quoted article text is marked French


def test_every_country_and_pair_page_can_be_found(doms: dict[str, str]) -> None:
    """The search box offers every country and pair page by name, on every page, offline."""
    targets = {n for n in doms if n.startswith(("country-", "pair-"))}
    for name, dom in doms.items():
        offered = set(re.findall(r'<option value="[^"]+" data-href="([^"]+)"', dom))
        assert offered == targets, f"{name}: search misses {sorted(targets - offered)[:3]}"
    assert "Kazakhstan" in re.findall(r'<option value="([^"]+)" data-href="country-KAZ.html"', doms["index.html"])


def test_long_tables_are_paged_and_numbers_do_not_wrap(site: Path, tmp_path: Path) -> None:
    """In the browser: a table of more than 25 rows shows 25 and a filter box; no value cell breaks a number
    over two lines (measured with the page's own layout)."""
    probe = """<script>window.addEventListener('load', function(){ setTimeout(function(){
      var wrapped = 0, cells = document.querySelectorAll('td.num');
      cells.forEach(function(td){ if (!td.offsetParent || !td.firstChild) return;
        var r = document.createRange(); r.selectNodeContents(td);
        var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function(b){ tops[Math.round(b.top)] = 1; });
        if (Object.keys(tops).length > 1) wrapped++; });
      var pages = Array.prototype.map.call(document.querySelectorAll('.corridor-table'), function(b){
        return b.querySelectorAll('tbody tr').length + ':' + Array.prototype.filter.call(b.querySelectorAll('tbody tr'),
          function(r){ return r.style.display !== 'none'; }).length; });
      document.title = 'PROBE ' + cells.length + ' ' + wrapped + ' ' + pages.join(',') + ' '
        + document.querySelectorAll('.corridor-filter input').length; }, 500); });</script>"""
    checked = 0
    for page in sorted(site.parent.glob("*.html")):
        copy = site.parent / f"probe-{page.name}"
        copy.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
        for width in (1400, 420):
            r = chromium(copy.as_uri(), "--dump-dom", f"--window-size={width},2000")
            m = re.search(r"<title>PROBE (\d+) (\d+) (\S*) (\d+)</title>", r.stdout)
            assert m, f"{page.name}: probe did not run"
            assert m.group(2) == "0", f"{page.name} at {width}px: {m.group(2)} numbers wrap"
            for pair in filter(None, m.group(3).split(",")):
                total, shown = map(int, pair.split(":"))
                assert shown == min(total, 25), f"{page.name}: {shown} of {total} rows shown"
            if any(int(p.split(":")[0]) > 25 for p in m.group(3).split(",") if p):
                assert int(m.group(4)) >= 1
            checked += int(m.group(1))
        copy.unlink()
    assert checked > 0


def test_every_page_screenshot_is_kept(site: Path) -> None:
    """Looked at as a reader would, at 1400 and 420 px wide (kept in test-artifacts/screens/)."""
    shots = ARTIFACTS / "screens"
    shots.mkdir(parents=True, exist_ok=True)
    for page in sorted(site.parent.glob("*.html")):
        for width in (1400, 420):
            shot = shots / f"{page.stem}-{width}.png"
            chromium(page.as_uri(), f"--screenshot={shot}", f"--window-size={width},2600", "--hide-scrollbars")
            assert shot.exists() and shot.stat().st_size > 10_000, shot.name


def test_the_empty_warehouse_site_renders(tmp_path: Path) -> None:
    from corridor.pipeline import build
    from corridor.report import render_site

    (tmp_path / "empty").mkdir()
    db = tmp_path / "w.duckdb"
    build([tmp_path / "empty"], db)
    index = render_site(db, tmp_path / "site", log=lambda m: None)
    r = chromium(index.as_uri(), "--dump-dom")
    assert console_lines(r.stderr) == []
    assert "Nothing built yet" in visible_text(r.stdout) and "corridor build" in visible_text(r.stdout)
    assert not list((tmp_path / "site").glob("pair-*.html"))


def test_script_in_an_article_shows_as_text(tmp_path: Path) -> None:
    from corridor.pipeline import build
    from corridor.report import render_site

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "xss.txt").write_text(
        "Bakou, 2 mai 2024 —\nLes échanges commerciaux entre l'Azerbaïdjan et la Géorgie ont atteint "
        "<script>alert(1)</script> 900 millions de dollars <b>en 2023</b>.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    index = render_site(db, tmp_path / "site", log=lambda m: None)
    for page in [index, *sorted((tmp_path / "site" / "articles").glob("*.html"))]:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html
        r = chromium(page.as_uri(), "--dump-dom")
        assert "alert" not in " ".join(console_lines(r.stderr))


def test_an_article_named_like_markup_leaves_the_page_whole(tmp_path: Path) -> None:
    """A file named `<!--<script>.txt` with figures: its name goes into the chart data inside <script>, where
    `<!--<script>` hid the rest of the page (2 of index's sections showed). Every section still shows."""
    from corridor.pipeline import build
    from corridor.report import render_site
    from corridor.resources import project_dir

    corpus = tmp_path / "corpus"
    shutil.copytree(Path(project_dir("reports")).parent / "data" / "articles", corpus)
    (corpus / "<!--<script>.txt").write_text(
        "Bakou, 2 mai 2024 —\nLes échanges commerciaux entre l'Azerbaïdjan et la Géorgie ont atteint 900 millions de "
        "dollars en 2023, contre 800 millions de dollars en 2022.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    index = render_site(db, tmp_path / "site", log=lambda m: None)
    assert "<!--<script>.txt" in index.read_text(encoding="utf-8").replace("\\u003c", "<").replace("\\u003e", ">")
    sections = (project_dir("reports") / "index.qmd").read_text(encoding="utf-8").count("\n## ")
    # the page as the browser parsed it: a script at its very end counts the section headings it holds
    html = index.read_text(encoding="utf-8")
    cut = html.rindex("</body>")
    probe = index.with_name("probe.html")
    probe.write_text(html[:cut] + "<script>document.title = 'sections: ' + document.querySelectorAll('main h2')"
                     ".length;</script>" + html[cut:], encoding="utf-8")
    dom = chromium(probe.as_uri(), "--dump-dom").stdout
    assert f"<title>sections: {sections}</title>" in dom
    charts = re.findall(r'<div class="corridor-chart[^"]*" id="([^"]+)"[^>]*>(.*?)</div>\s*<script', dom, re.S)
    assert len(charts) >= 2 and all("<svg" in inner for _, inner in charts)


def test_status_and_confidence_show_in_tooltips_tables_and_the_quality_page(doms: dict[str, str]) -> None:
    """A reader sees whether a person checked a figure (and who, when) or how sure the extractor is: in every chart's
    tooltip, in the tables of figures, on the article pages' marks; the quality page counts the decisions and
    gives the extractor's agreement with them (the session warehouse applies data/corrections.yaml)."""
    said: set[str] = set()
    for dom in doms.values():
        for spec in chart_specs(dom):
            layers = spec.get("layer", [spec])
            tips = [t["field"] for ly in layers for t in ly.get("encoding", {}).get("tooltip", []) or []]
            rows = spec["data"]["values"]
            if rows and "review_text" in rows[0]:
                assert "review_text" in tips
                said |= {r["review_text"] for r in rows if r.get("review_text")}
    assert any(t.startswith("confirmed by corridor maintainers on 2025-11-20") for t in said), said
    assert any(re.fullmatch(r"not reviewed · confidence 0\.\d\d \((high|medium|low)\)", t) for t in said), said
    index = visible_text(doms["index.html"])
    assert "checked" in index and "corrected by corridor maintainers on 2025-11-20: period_kind" in index
    assert "checked by a person" in index
    quality = " ".join(visible_text(doms["quality.html"]).split())
    for words in ("facts not reviewed", "confirmed", "corrected", "rejected", "added",
                  "Agreement: how often the extractor was right", "had right", "confidence band",
                  "All 5 entries of the corrections file apply", "Least certain facts of the busiest pairs",
                  "not reviewed · confidence"):
        assert words in quality, words
