"""The site's data, exported once per render: every fact and every consensus value as CSV and Parquet in
the site's data/ folder, with a metadata file describing every column. Report pages read the Parquet
files (polars filters them in milliseconds; the views would be recomputed per page), and readers download
the same files.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from corridor.labels import INDICATORS

if TYPE_CHECKING:
    from corridor.analyse.api import Warehouse

MAX_ARTICLE_PAGES = 3_000  # the most recent articles with facts or events get a page; beyond, the data files
ENV = "CORRIDOR_SITE_DATA"

COLUMNS: dict[str, str] = {
    "fact_id": "stable id of the statement (a hash of its article, span, indicator, measure, unit and value)",
    "indicator": "what is measured: " + "; ".join(f"{k} = {v[0].lower()}, {v[1]}" for k, v in INDICATORS.items()),
    "measure": "level (an amount), change_pct (a change in percent), change_factor (a multiple: 3 = tripled), target (a goal or forecast)",
    "country_a": "first country of the pair, ISO 3166-1 alpha-3 (or a group code: EUU, OTS, CIS, EAEU, CSTO, SCO)",
    "country_b": "second country of the pair, empty for a country's own total",
    "pair_label": "the pair by the one convention: A–B counted once for the pair (codes in alphabetical order), "
                  "A→B from A to B, 'A (all partners)' for A's own total",
    "is_symmetric": "true when the indicator counts the pair once (trade turnover, transit cargo, agreements)",
    "value": "the value, normalised: USD and other currencies in units (not millions), t in tonnes, m3 in cubic "
             "metres, % as the percent number, x as the multiple",
    "unit": "USD, EUR or another ISO 4217 currency, t, m3, bbl, TEU, count, % or x",
    "per": "a rate: 'year' or 'day' (a daily flow is not a total), empty otherwise",
    "qualifier": "exact; approx (about); lower_bound (more than); upper_bound (less than)",
    "period_kind": "year, months (part of a year), cumulative (several years), as_of (a stock at a moment), unknown",
    "period_start": "first day of the period the figure covers (ISO date), empty when the text gives none",
    "period_end": "last day of the period (ISO date)",
    "year": "the year the period ends",
    "is_partial_year": "true for a part of a year (months): never to be read as a full year",
    "route": "a named route or corridor the text ties the figure to",
    "source_kind": "who states the figure: official (statistics), press, speech",
    "why": "How the extractor decided the fact's sides, measure and period (rule tags), e.g. "
           "'sides=frame:exporter; measure=level; period=stated'",
    "status": "extracted (as the extractor read it), confirmed, corrected or added by a person (data/corrections.yaml, "
              "docs/review.md)",
    "confidence": "how sure the extractor is, 0 to 1, from the rules in `why` (docs/review.md); 1 for a fact a person "
                  "checked",
    "extractor_confidence": "the extractor's own confidence, kept for a fact a person checked (empty for an added one)",
    "corrected_fields": "the fields a person changed from the extractor's reading",
    "reviewed_by": "who confirmed, corrected or added the fact (the last decision about it)",
    "reviewed_at": "when (the decision's `when`)",
    "review_note": "the decision's note",
    "correction": "the entry of the corrections file that decided it last (corrections.yaml#3)",
    "review_text": "the fact's status and confidence in words",
    "article": "name of the article: its file's path relative to the folder built (x/a.txt), and #n for the "
               "n-th record of a dump (dump.jsonl#3)",
    "article_id": "id of the article's text (a hash): the same text under two names is one article",
    "article_title": "the article's title (front matter, HTML metadata, a JSON field, or a text file's first line)",
    "published": "the article's publication date",
    "article_source": "the publication the article comes from, when its metadata says",
    "evidence": "the exact span of the article's text that states the figure",
    "char_start": "offset of the evidence in the article's text (Python string index)",
    "char_end": "offset just after the evidence",
    "extractor_version": "version of the extractor that read the figure",
    "picked_fact_id": "the statement whose value the consensus rule picked",
    "picked_source_kind": "source_kind of the picked statement",
    "n_sources": "how many articles state this quantity",
    "n_facts": "how many statements (facts) state this quantity, in one article or several",
    "min_value": "smallest statement of the quantity",
    "max_value": "largest statement of the quantity",
    "rel_spread": "(max - min) / max: how far the statements disagree (0.25 = 25 %)",
    "fact_ids": "every statement of the quantity",
    "articles": "every article stating the quantity",
    "sentence_before": "the figure's sentence up to the figure (cut at 400 characters)",
    "sentence_after": "the figure's sentence after the figure",
    "country": "the country whose partners are ranked",
    "partner": "its partner",
    "value_usd": "the value in US dollars (converted at the annual average rate of its year when stated in another currency)",
    "raw_value": "the value as stated, in raw_unit",
    "raw_unit": "the unit or currency the article used",
    "fx_status": "native (stated in dollars), converted, or no_rate",
    "rank": "1 for the largest partner that year",
    "share": "the partner's part of the sum of the partners stated for that country and year (0.25 = 25 %)",
    "has_page": "true when the site has a page for the article (articles/<article_id>.html)",
    "url": "the article's address, when its metadata gives one",
    "fmt": "the file format it was read from",
    "n_chars": "length of the article's text",
    "n_events": "cooperation events read in the article",
}


@dataclass(frozen=True, slots=True)
class SiteInfo:
    n_articles: int
    n_facts: int
    n_events: int
    first_published: str | None
    last_published: str | None
    built_at: str

    def line(self) -> str:
        span = (f", published {self.first_published} to {self.last_published}"
                if self.first_published and self.last_published else "")
        return (f"{self.n_articles:,} articles{span}; {self.n_facts:,} facts, {self.n_events:,} events; "
                f"site built {self.built_at}")


def info(con: duckdb.DuckDBPyConnection) -> SiteInfo:
    n_articles, first, last = con.execute("select count(*), min(published), max(published) from articles").fetchall()[0]
    n_facts = con.execute("select count(*) from facts").fetchall()[0][0]
    n_events = con.execute("select count(*) from events").fetchall()[0][0]
    return SiteInfo(n_articles, n_facts, n_events, first.isoformat() if first else None,
                    last.isoformat() if last else None, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


_PAGED = f"""
    select article_id from (
        select a.article_id, a.published from articles a
        where exists (select 1 from facts f where f.article_id = a.article_id)
           or exists (select 1 from events e where e.article_id = a.article_id)
        order by a.published desc nulls last, a.name limit {MAX_ARTICLE_PAGES})
"""


# The sentence around each figure, cut in SQL for every fact at once (Python would take seconds at 100k
# articles): back from the figure over everything that ends no sentence (a full stop after a capital, "M.
# Poutine", or before a non-space, "3.5"), forward to the next sentence end; within its paragraph and 400
# characters either side.
_CLASS = r"[a-zà-ÿ0-9)»”\x22%$€]"
_BEFORE = r"(?:[^.!?…\n]|[A-ZÀ-Þ]\.|[.!?…][^\s»”\x22])*$"
_AFTER = r"^(?:(?:[^\n]*?" + _CLASS + r")??[.!?…][»”\x22]?(?:\s|$)|[^\n]*)"
SENTENCE_SQL = f"""
    regexp_extract(substr(a.text, greatest(1, s.char_start - 399), least(s.char_start, 400)), '{_BEFORE}', 0) as _before,
    case when s.char_start > 400 and length(_before) = 400 then '… ' else '' end || ltrim(_before) as sentence_before,
    rtrim(regexp_extract(substr(a.text, s.char_end + 1, 400), '{_AFTER}', 0), E' \\n\\t') as _after,
    _after || case when length(_after) = 400 then ' …' else '' end as sentence_after"""


def export(con: duckdb.DuckDBPyConnection, site: Path) -> Path:
    """Write data/facts.{csv,parquet} (every statement), data/values.parquet (every quantity's consensus value),
    data/articles.parquet, data/columns.json (what every column means) and data/site.json."""
    data = site / "data"
    data.mkdir(parents=True, exist_ok=True)
    con.execute(f"create or replace temp table paged as {_PAGED}").fetchall()
    con.execute(f"create or replace temp table sentences as select s.fact_id, {SENTENCE_SQL} "
                "from series s join articles a using (article_id)").fetchall()
    con.execute("""copy (
        select s.*, p.article_id is not null as has_page, x.sentence_before, x.sentence_after
        from series s join sentences x using (fact_id) left join paged p using (article_id)
        order by s.published desc nulls last, s.article, s.char_start
    ) to '{}' (format parquet)""".format(data / "facts.parquet")).fetchall()
    con.execute(f"copy (select * from read_parquet('{data / 'facts.parquet'}')) to '{data / 'facts.csv'}' "
                "(header, delimiter ',')").fetchall()
    con.execute("""copy (
        select s.*, p.article_id is not null as has_page, x.sentence_before, x.sentence_after
        from consensus s join sentences x using (fact_id) left join paged p using (article_id)
    ) to '{}' (format parquet)""".format(data / "values.parquet")).fetchall()
    con.execute("""copy (
        select a.article_id, a.name as article, a.title as article_title, a.published, a.source as article_source,
               a.url, a.fmt, a.n_chars, coalesce(f.n, 0) as n_facts, coalesce(e.n, 0) as n_events,
               p.article_id is not null as has_page
        from articles a
        left join (select article_id, count(*) as n from facts group by all) f using (article_id)
        left join (select article_id, count(*) as n from events group by all) e using (article_id)
        left join paged p using (article_id)
        order by a.published desc nulls last, a.name
    ) to '{}' (format parquet)""".format(data / "articles.parquet")).fetchall()
    con.execute(f"copy (select * from comparisons) to '{data / 'comparisons.parquet'}' (format parquet)").fetchall()
    meta: dict = {"files": {}, "consensus_rule": CONSENSUS_RULE}
    for file, what in (("facts.csv", "every statement of a figure, one row per fact, with its pair and article"),
                       ("facts.parquet", "the same as facts.csv"),
                       ("values.parquet", "one row per quantity (indicator, pair, measure, unit, period): the value "
                                          "the consensus rule picked, the value every page shows"),
                       ("articles.parquet", "one row per article: title, date, source, figures and events read"),
                       ("comparisons.parquet", "each country's partners ranked per indicator and full year, in USD")):
        parquet = data / file.replace(".csv", ".parquet")
        cols = con.execute(f"describe select * from read_parquet('{parquet}')").fetchall()
        meta["files"][file] = {"description": what, "columns": [
            {"name": c[0], "type": c[1], "description": COLUMNS.get(c[0], "")} for c in cols]}
    (data / "columns.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    (data / "site.json").write_text(json.dumps(asdict(info(con)), indent=2), encoding="utf-8")
    return data


CONSENSUS_RULE = ("When several statements give one quantity (same indicator, pair, measure, unit and period), the "
                  "value shown is an exact figure before a rounded or bounded one, then official statistics before "
                  "the press before speeches, then the most recently published article. Every page shows that value; "
                  "the conflicts page shows the others.")


def _data_dir() -> Path | None:
    folder = os.environ.get(ENV)
    return Path(folder) if folder and Path(folder, "values.parquet").exists() else None


@cache
def _frame(path: str, mtime_ns: int) -> pl.DataFrame:
    """A data file read once per kernel: the renderer runs hundreds of pages in one kernel, each filtering it."""
    return pl.read_parquet(path)


def _load(folder: Path, name: str) -> pl.LazyFrame:
    path = folder / name
    return _frame(str(path), path.stat().st_mtime_ns).lazy()


@cache
def _connection(db: str) -> Warehouse:
    import corridor

    return corridor.connect(db)


def connection() -> Warehouse:
    """The warehouse, read-only, one handle per kernel. Rendering, it is the report's snapshot, which the handle
    keeps open (opening it costs more than most pages' queries); elsewhere each query opens the file."""
    from corridor.resources import find_warehouse

    return _connection(str(find_warehouse().resolve()))


def values() -> pl.LazyFrame:
    """The consensus values: the site's export when rendering, else the warehouse's view."""
    return _exported_or_view("values.parquet", "consensus")


def facts() -> pl.LazyFrame:
    """Every statement: the site's export when rendering, else the warehouse's series view."""
    return _exported_or_view("facts.parquet", "series")


def _exported_or_view(name: str, view: str) -> pl.LazyFrame:
    folder = _data_dir()
    if folder is not None:
        return _load(folder, name)
    import corridor

    with corridor.connect() as con:
        return con.sql(f"select *, false as has_page from {view}").pl().lazy()


def articles() -> pl.LazyFrame:
    """Every article with its counts and whether the site has its page (the site's export only)."""
    folder = _data_dir()
    if folder is None:
        raise FileNotFoundError("the site's data/ folder is written by `corridor report`")
    return _load(folder, "articles.parquet")


def comparisons(country: str) -> pl.DataFrame:
    """A country's partners ranked (the comparisons view): the site's export when rendering, else the view."""
    folder = _data_dir()
    if folder is not None:
        return (_load(folder, "comparisons.parquet").filter(pl.col("country") == country)
                .sort("indicator", "year", "rank", descending=[False, True, False]).collect())
    import corridor

    return corridor.comparisons(country=country)


def site_info() -> dict:
    folder = _data_dir()
    if folder is not None and (folder / "site.json").exists():
        return json.loads((folder / "site.json").read_text(encoding="utf-8"))
    import corridor

    with corridor.connect() as con:
        return asdict(info(con))
