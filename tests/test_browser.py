"""Each report page in a real headless Chromium with no network: every chart draws an <svg>,
nothing is logged to the console, article text stays text. A screenshot of the index is kept."""

from __future__ import annotations

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


def chromium(url: str, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=15000", *extra, url],
                              capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_every_page_draws_its_charts(site: Path) -> None:
    drawn = 0
    for page in sorted(site.parent.glob("*.html")):
        r = chromium(page.as_uri(), "--dump-dom")
        dom = r.stdout
        # vegaEmbed adds its own classes to the div ("corridor-chart vega-embed fit-x")
        charts = re.findall(r'<div class="corridor-chart[^"]*" id="([^"]+)"[^>]*>(.*?)</div>\s*<script', dom, re.S)
        n_divs = dom.count('<div class="corridor-chart')
        assert len(charts) == n_divs, page.name
        drawn += len(charts)
        for div_id, inner in charts:
            assert "<svg" in inner or "<canvas" in inner, f"{page.name}: chart {div_id} did not render"
            assert "chart failed" not in inner
        assert console_lines(r.stderr) == [], f"{page.name}: console output {console_lines(r.stderr)}"
    assert drawn >= 5


def test_index_screenshot_is_kept(site: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "index.png"
    chromium(site.as_uri(), f"--screenshot={shot}", "--window-size=1280,2400")
    assert shot.exists() and shot.stat().st_size > 20_000
    phone = ARTIFACTS / "index-phone.png"
    chromium(site.as_uri(), f"--screenshot={phone}", "--window-size=390,1600")
    assert phone.exists()


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
    html = index.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    r = chromium(index.as_uri(), "--dump-dom")
    assert "alert" not in " ".join(console_lines(r.stderr))
    assert "&lt;b&gt;en 2023&lt;/b&gt;" in r.stdout or "900 millions" in r.stdout


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
