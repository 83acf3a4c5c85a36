"""The article record every later stage works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # file name (or file name#line for JSONL dumps): the `article` field of facts
    path: str
    text: str  # the body the offsets of evidence refer to
    title: str | None = None
    published: date | None = None
    date_source: str | None = None  # front_matter | dateline | html | jsonl
    place: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    fmt: str = "txt"
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Stable id from the content: the same text under two names is one article (hashed once).
    article_id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "article_id", hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16])


class IngestError(Exception):
    """A file that cannot be read as an article; the message names the problem."""
