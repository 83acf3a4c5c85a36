"""Paragraphs, sentences and clauses of an article, as offsets into its text."""

from __future__ import annotations

import re
from typing import NamedTuple

# A sentence ends at . ! ? … followed by a space and a capital, a quote or a dash; "M." and
# "Mme." are titles, not ends.
# The punctuation comes first so the look-behinds run only where there is a full stop.
_SENTENCE_END = re.compile(
    r"[.!?…]+(?<!\bM\.)(?<!\bMM\.)(?<!\bMme\.)(?<!\bDr\.)(?<!\bSt\.)[»”\"]?(?=\s+[«\"“A-ZÀ-ÖØ-Þ0-9–—-])"
)
_CLAUSE_BREAK = re.compile(r",\s|;\s|:\s|\s[–—]\s|\(|\)|«|»")


class Span(NamedTuple):  # a tuple: immutable and several times cheaper to make than a frozen dataclass
    start: int
    end: int


_LINE = re.compile(r"[^\n]+")
# The facts and events extractors read the same article one after the other: its paragraphs and
# sentences are split once (kept for the latest text only; callers never change the lists).
_memo: tuple[str, list[Span], dict[Span, list[Span]]] = ("", [], {})


def _memo_of(text: str) -> tuple[str, list[Span], dict[Span, list[Span]]]:
    global _memo
    if _memo[0] is not text:
        _memo = (text, [Span(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group(0).isspace()], {})
    return _memo


def paragraphs(text: str) -> list[Span]:
    return _memo_of(text)[1]


def sentences(text: str, para: Span) -> list[Span]:
    done = _memo_of(text)[2]
    out = done.get(para)
    if out is None:
        out = done[para] = _sentences(text, para)
    return out


def _sentences(text: str, para: Span) -> list[Span]:
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


def lowered(text: str) -> str:
    """Lower-case text of the same length (offsets stay valid), curly apostrophes made straight.

    Scanning a lowered copy without re.IGNORECASE is several times faster; the few characters whose
    lower case is longer (Turkish İ) are kept as they are so every offset still points to the same place.
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'")


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of `words` as a trie: Python's re tries one branch per first letter
    instead of every word at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body = (body if body.startswith("(?:") and len(alts) > 1 else f"(?:{body})") + "?"
        return body

    return build(trie)
