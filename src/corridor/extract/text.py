"""Paragraphs, sentences and clauses of an article, as offsets into its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … followed by a space and a capital, a quote or a dash; "M." and
# "Mme." are titles, not ends.
_SENTENCE_END = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bDr)(?<!\bSt)[.!?…]+[»”\"]?(?=\s+[«\"“A-ZÀ-ÖØ-Þ0-9–—-])")
_CLAUSE_BREAK = re.compile(r",\s|;\s|:\s|\s[–—]\s|\(|\)|«|»")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            out.append(Span(m.start(), m.end()))
    return out


def sentences(text: str, para: Span) -> list[Span]:
    out, start = [], para.start
    for m in _SENTENCE_END.finditer(text, para.start, para.end):
        out.append(Span(start, m.end()))
        start = m.end()
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        out.append(Span(start, para.end))
    return out


def clause_bounds(text: str, sent: Span) -> list[int]:
    """Offsets where clauses of the sentence begin (its start included)."""
    return [sent.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end)]


def clause_of(bounds: list[int], pos: int) -> int:
    """Index of the clause that contains `pos`."""
    lo = 0
    for i, b in enumerate(bounds):
        if b <= pos:
            lo = i
        else:
            break
    return lo
