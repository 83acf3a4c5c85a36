"""A page per article: its title, date and source, and its whole text with every figure and event marked, so
any number on the site can be read in context (a chart point or a table row links to its mark).

Written straight from the warehouse (no kernel): at 100k articles the site keeps the MAX_ARTICLE_PAGES most
recent articles with facts or events (sitedata.py); the data files hold every fact.
"""

from __future__ import annotations

import html
from pathlib import Path

import duckdb

from corridor import labels
from corridor.review.confidence import band


def _marks(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """The text escaped, each (start, end, id, css class, hover) span wrapped in <mark>; overlaps keep the first."""
    out, pos = [], 0
    for start, end, mark_id, cls, hover in sorted(spans, key=lambda x: (x[0], x[1] > x[0])):  # anchors first
        if start < pos:
            continue
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<mark id="{mark_id}" class="{cls}" title="{html.escape(hover)}">'
                   f"{html.escape(text[start:end], quote=False)}</mark>")
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out).replace("\n", "<br>\n")


def write(con: duckdb.DuckDBPyConnection, site: Path, wrap) -> int:
    """Write articles/<article_id>.html for the articles of the `paged` temp table (sitedata.export);
    `wrap(title, body, depth)` lays a page out as the rest of the site. Returns how many were written."""
    folder = site / "articles"
    folder.mkdir(exist_ok=True)
    arts = con.execute("""
        select a.article_id, a.name, a.title, a.published, a.source, a.url, a.text from articles a
        join paged using (article_id)
    """).fetchall()
    facts: dict[str, list] = {}
    for row in con.execute("""
        select article_id, fact_id, char_start, char_end, indicator, measure, value, unit, per, qualifier,
               period_start, period_end, period_kind, country_a, country_b, is_symmetric,
               status, confidence, reviewed_by, reviewed_at, corrected_fields
        from series where article_id in (select article_id from paged)
    """).fetchall():
        facts.setdefault(row[0], []).append(row[1:])
    rejected: dict[str, list] = {}  # what the extractor read and a person rejected: said, never marked
    for row in con.execute("""
        select article_id, evidence, reviewed_by, reviewed_at, review_note from reviewed_facts
        where status = 'rejected' and article_id in (select article_id from paged) order by char_start
    """).fetchall():
        rejected.setdefault(row[0], []).append(row[1:])
    events: dict[str, list] = {}
    for row in con.execute("""
        select article_id, event_id, char_start, char_end, event_type, status from events
        where article_id in (select article_id from paged)
    """).fetchall():
        events.setdefault(row[0], []).append(row[1:])
    for aid, name, title, published, source, url, text in arts:
        spans, items = [], []
        for fid, s, e, ind, measure, value, unit, per, qual, ps, pe, pk, a, b, sym, *review in facts.get(aid, []):
            what = (f"{labels.indicator_name(ind)}, {labels.pair_words(a, b, bool(sym))}: "
                    f"{labels.value_text(value, unit, per, qual, measure)}, {labels.period_text(ps, pe, pk, measure)}")
            status, conf = review[0], review[1]
            checked = labels.review_text(*review)  # status and confidence (docs/review.md)
            level = band(conf) if status == "extracted" else status
            spans.append((s, e, f"f-{fid}", f"fact {level}", f"{what} · {checked}"))
            items.append(f'<li><a href="#f-{fid}">{html.escape(what)}</a> <span class="review">{html.escape(checked)}'
                         "</span></li>")
        taken = [(s, e) for s, e, *_ in spans]
        for eid, s, e, etype, status in events.get(aid, []):
            if not any(s < fe and fs < e for fs, fe in taken):
                spans.append((s, e, f"e-{eid}", "event", f"{status} {etype}"))
            else:  # a figure's mark wins over its event's sentence; the event keeps an anchor where it starts
                spans.append((s, s, f"e-{eid}", "anchor", f"{status} {etype}"))
        heading = title.strip().capitalize() if title and title.isupper() else (title or name)
        meta = " · ".join(x for x in (published.isoformat() if published else "no date", source, name) if x)
        link = f' · <a href="{html.escape(url)}">original</a>' if url and url.startswith(("http://", "https://")) else ""
        gone = [f"<li>«{html.escape(ev)}»: {html.escape(labels.review_text('rejected', None, who, when))}"
                + (f" ({html.escape(note)})" if note else "") + "</li>" for ev, who, when, note in rejected.get(aid, [])]
        body = (f'<p class="subtitle">{html.escape(meta)}{link}</p>'
                + (f'<h2>Figures read in this article</h2><ul class="figures">{"".join(items)}</ul>' if items else "")
                + (f'<h3>Read by the extractor, rejected by a person</h3><ul class="rejected">{"".join(gone)}</ul>'
                   if gone else "")
                + f'<h2>Text</h2><div class="article-text" lang="fr">{_marks(text, spans)}</div>')
        (folder / f"{aid}.html").write_text(wrap(heading, body), encoding="utf-8")
    return len(arts)
