"""Where each cue pattern can match in an article, found by one Aho-Corasick pass over its lowered text.

Python's `re` tries every alternative of a pattern at every position of the text, so a whole-text
scan for "any country name" or "any number word" costs several times a bare `\\d+` pass, and there
are several such patterns. Every match of those patterns begins with one of a few literal anchors
(read off the pattern itself by `anchors_of`), so one pass of an Aho-Corasick automaton
(pyahocorasick, in C) over the lowered text finds the positions where each pattern can start; the
pattern then runs only there (`re.match` at that position), which gives exactly what `finditer`
gives. One approximation: inside an anchor, `\\s+` stands for one whitespace character, so a doubled
space in the middle of a multi-word cue ("s'est  rendu") is not seen.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MAX_ANCHOR = 24  # longer anchors do not make the pass any more selective
_SPACE = re.compile(r"[^\S ]")  # any whitespace but the plain space, made a space for the pass


@dataclass(frozen=True, slots=True)
class Cue:
    """A pattern (matched on lowered text, no IGNORECASE) and the literals every match of it starts with."""

    id: int
    name: str
    rx: re.Pattern[str]
    anchors: tuple[str, ...]
    word_start: bool  # the pattern never matches right after a letter (a look-behind says so)


_CUES: list[Cue] = []
_AUTOMATON: ahocorasick.Automaton | None = None


def cue(name: str, rx: re.Pattern[str] | Prefiltered | str, anchors: Iterable[str] | None = None, *,
        word_start: bool = False) -> Cue:
    """Register a pattern; its anchors are derived from it unless given. `word_start`: the pattern
    cannot match right after a letter, so anchors found inside a word are dropped before it runs."""
    global _AUTOMATON
    compiled = re.compile(rx) if isinstance(rx, str) else getattr(rx, "rx", rx)  # a Prefiltered pattern too
    if compiled.flags & re.IGNORECASE:
        raise ValueError(f"cue {name}: match lowered text instead of using IGNORECASE")
    found = sorted(set(anchors_of(compiled.pattern) if anchors is None else anchors))
    if not found or any(a != a.lower() or not a.strip() for a in found):
        raise ValueError(f"cue {name}: anchors must be non-blank and lower case: {found[:5]}")
    c = Cue(len(_CUES), name, compiled, tuple(found), word_start)
    _CUES.append(c)
    _AUTOMATON = None
    return c


def anchors_of(pattern: str) -> set[str]:
    """Literal strings one of which begins every match of `pattern` (zero-width assertions skipped).

    Raises ValueError when some alternative begins with a character class or an optional part, where
    no literal anchor exists: such a cue must be given its anchors.
    """
    out = {a[:MAX_ANCHOR].replace("\u2019", "'") for a, _ in _seq(list(_p.parse(pattern)))}
    if not out or any(len(a.strip()) < 1 for a in out):
        raise ValueError(f"no literal anchor for every alternative of {pattern[:60]!r}")
    # an anchor that extends another starts where the shorter one does: the shorter one is enough
    return {a for a in out if not any(b != a and a.startswith(b) for b in out)}


def _seq(items: list) -> set[tuple[str, bool]]:
    """(prefix, open) pairs: `open` when the whole sequence was literal, so what follows extends it."""
    acc = {("", True)}
    for op, av in items:
        nxt: set[tuple[str, bool]] = set()
        for pre, open_ in acc:
            if not open_ or len(pre) >= MAX_ANCHOR:
                nxt.add((pre, False))
                continue
            exts = _item(op, av)
            if len(pre) >= 3 and len(exts) > 8:  # a prefix long enough to be selective stops branching
                nxt.add((pre, False))
                continue
            for ext, ext_open in exts:
                nxt.add((pre + ext, ext_open))
        acc = nxt
        if len(acc) > 5000:
            raise ValueError("pattern too branchy to anchor")
    return acc


def _is_space(op, av) -> bool:
    return op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]


def _item(op, av) -> set[tuple[str, bool]]:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}
    if op is _c.IN:
        if _is_space(op, av):
            return {(" ", True)}
        if all(o is _c.LITERAL for o, _ in av) and len(av) <= 4:
            return {(chr(a), True) for _, a in av}
        if av == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
            return {(d, True) for d in "0123456789"}
        return {("", False)}
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op is _c.BRANCH:
        return {x for branch in av[1] for x in _seq(list(branch))}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        sub = list(sub)
        if len(sub) == 1 and _is_space(*sub[0]):
            return {(" ", True)} if lo >= 1 else {("", False)}
        once = _seq(sub) if hi == 1 else {(p, False) for p, _ in _seq(sub)}
        if lo == 0:  # an optional part: a match starts with it or with what follows it
            return {("", True)} | once
        return once
    return {("", False)}


def _automaton() -> ahocorasick.Automaton:
    global _AUTOMATON
    if _AUTOMATON is None:
        owners: dict[str, list[Cue]] = {}
        for c in _CUES:
            for a in c.anchors:
                owners.setdefault(a, []).append(c)
        auto = ahocorasick.Automaton()
        for a, cs in owners.items():
            auto.add_word(a, (len(a), tuple(c.id for c in cs), tuple(c.id for c in cs if not c.word_start)))
        auto.make_automaton()
        _AUTOMATON = auto
    return _AUTOMATON


class CueIndex:
    """Candidate start positions of every registered cue in one lowered text (one pass)."""

    __slots__ = ("_starts", "low")

    def __init__(self, low: str) -> None:
        self.low = low
        starts: list[list[int]] = [[] for _ in _CUES]
        if low:
            for end, (n, ids, anywhere) in _automaton().iter(_SPACE.sub(" ", low)):
                s = end - n + 1
                for i in (anywhere if s and low[s - 1].isalpha() else ids):
                    starts[i].append(s)
        # several anchors may begin at one place ("kazakh", "kazakhstan"): hits come out by end
        self._starts = [sorted(set(s)) if len(s) > 1 else s for s in starts]

    def starts(self, c: Cue, extra: Iterable[int] = ()) -> list[int]:
        """Where `c` can start, sorted (with `extra` positions, for alternatives an anchor cannot find)."""
        if extra:
            return sorted(set(self.starts(c)).union(extra))
        if c.id < len(self._starts):
            return self._starts[c.id]
        out: set[int] = set()  # a cue registered after this index was built
        for a in c.anchors:
            i = self.low.find(a)
            while i >= 0:
                out.add(i)
                i = self.low.find(a, i + 1)
        return sorted(out)

    def has(self, c: Cue, lo: int = 0, hi: int | None = None) -> bool:
        return self.search(c, lo, hi) is not None

    def search(self, c: Cue, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(c, lo, hi), None)

    def finditer(self, c: Cue, lo: int = 0, hi: int | None = None,
                 extra: Iterable[int] = ()) -> Iterator[re.Match[str]]:
        """What `c.rx.finditer(low, lo, hi)` gives, trying the pattern only where an anchor begins
        (and at `extra` positions, for alternatives an anchor cannot find)."""
        hi = len(self.low) if hi is None else hi
        starts = self.starts(c, extra)
        match, low, last_end = c.rx.match, self.low, lo
        for k in range(bisect_left(starts, lo), len(starts)):
            s = starts[k]
            if s >= hi:
                break
            if s < last_end:
                continue
            m = match(low, s, hi)
            if m is not None and m.end() > s:
                yield m
                last_end = m.end()


class Prefiltered:
    """A pattern searched in lowered text only where one of its literals occurs.

    Python's `re` tries every alternative of a pattern at every position; `str.find` looks for a
    literal with a fast C loop. Every match holds one of the literals (by default the longest
    whitespace-free piece of each anchor `anchors_of` reads off the pattern; spaces are left out
    because the pattern may match any whitespace there), so when none occurs in the range there is
    no match and the pattern is not run: `search` and `finditer` give exactly what the pattern gives.
    """

    __slots__ = ("literals", "match", "pattern", "rx")

    def __init__(self, rx: re.Pattern[str] | str, literals: Iterable[str] | None = None) -> None:
        self.rx = re.compile(rx) if isinstance(rx, str) else rx
        self.pattern, self.match = self.rx.pattern, self.rx.match
        if literals is None:
            try:
                literals = [max(a.split(), key=len) for a in anchors_of(self.pattern)]
            except ValueError:
                literals = ()
        lits = set(literals)
        # a literal holding another occurs only where that one does: the shorter one is enough
        lits = {a for a in lits if not any(b != a and b in a for b in lits)}
        self.literals = tuple(sorted(lits)) if 0 < len(lits) <= 32 else None  # None: always run the pattern

    def _may_match(self, s: str, pos: int, endpos: int) -> bool:
        if self.literals is None:
            return True
        for lit in self.literals:  # noqa: SIM110 (a plain loop: any() over a generator costs more here)
            if s.find(lit, pos, endpos) >= 0:
                return True
        return False

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.search(s, pos, endpos) if self._may_match(s, pos, endpos) else None

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.rx.finditer(s, pos, endpos) if self._may_match(s, pos, endpos) else iter(())

    def findall(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.rx.findall(s, pos, endpos) if self._may_match(s, pos, endpos) else []
