"""A figure's whole sentence, read from its article's stored text, with the figure marked.

The evidence span alone ("20 %", "tripler") says nothing; the sentence around it does. Sentences are cut
as the extractor cuts them (corridor.extract.text), so the sentence shown is the one the figure was read in.
"""

from __future__ import annotations

import html

import duckdb
import polars as pl

from corridor.extract.text import Span, paragraphs, sentences

MAX_SENTENCE = 600  # a "sentence" longer than this is a table or a list: show the figure's neighbourhood


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """Offsets of the sentence(s) holding text[start:end], and whether each side was cut short."""
    for para in paragraphs(text):
        if para.start <= start < para.end:
            spans = [s for s in sentences(text, Span(para.start, para.end)) if s.start < end and s.end > start]
            lo, hi = (spans[0].start, spans[-1].end) if spans else (para.start, para.end)
            cut_lo = cut_hi = False
            if hi - lo > MAX_SENTENCE:  # a table row or a list: a window around the figure, cut at spaces
                if start - lo > MAX_SENTENCE // 2:
                    i = text.find(" ", start - MAX_SENTENCE // 2, start)
                    lo, cut_lo = (i + 1 if i >= 0 else start - MAX_SENTENCE // 2), True
                if hi - end > MAX_SENTENCE // 2:
                    j = text.rfind(" ", end, end + MAX_SENTENCE // 2)
                    hi, cut_hi = (j if j >= 0 else end + MAX_SENTENCE // 2), True
            return lo, max(hi, end), cut_lo, cut_hi
    return start, end, False, False


def marked(text: str, start: int, end: int) -> tuple[str, str]:
    """(plain sentence, escaped HTML sentence with the figure in <mark>)."""
    lo, hi, cut_lo, cut_hi = sentence_bounds(text, start, end)
    before, figure, after = text[lo:start], text[start:end], text[end:hi]
    lead, tail = ("… " if cut_lo else ""), (" …" if cut_hi else "")
    plain = f"{lead}{before}{figure}{after}{tail}".strip()
    rich = f"{lead}{html.escape(before, quote=False)}<mark>{html.escape(figure, quote=False)}</mark>{html.escape(after, quote=False)}{tail}".strip()
    return plain, rich


def with_sentences(df: pl.DataFrame, con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """`df` (with article_id, char_start, char_end) plus `sentence` and `sentence_html`; rows the report's data
    export already cut (sentence_before, sentence_after) are not read again."""
    if {"sentence_before", "sentence_after", "evidence"} <= set(df.columns):
        parts = df.select("sentence_before", "evidence", "sentence_after").iter_rows()
        plain, rich = [], []
        for before, figure, after in parts:
            before, figure, after = before or "", figure or "", after or ""
            plain.append(f"{before}{figure}{after}".strip())
            rich.append(f"{html.escape(before, quote=False)}<mark>{html.escape(figure, quote=False)}</mark>"
                        f"{html.escape(after, quote=False)}".strip())
        return df.with_columns(pl.Series("sentence", plain, pl.Utf8), pl.Series("sentence_html", rich, pl.Utf8))
    if df.is_empty() or "article_id" not in df.columns:
        return df.with_columns(pl.lit(None, pl.Utf8).alias("sentence"), pl.lit(None, pl.Utf8).alias("sentence_html"))
    ids = df["article_id"].drop_nulls().unique().to_list()
    texts = dict(con.execute("select article_id, text from articles where article_id in (select unnest(?))",
                             [ids]).fetchall()) if ids else {}
    plain, rich = [], []
    for aid, s, e in df.select("article_id", "char_start", "char_end").iter_rows():
        text = texts.get(aid)
        if text is None or s is None or e is None:
            plain.append(None)
            rich.append(None)
            continue
        p, r = marked(text, s, e)
        plain.append(p)
        rich.append(r)
    return df.with_columns(pl.Series("sentence", plain, pl.Utf8), pl.Series("sentence_html", rich, pl.Utf8))
