"""The article record every later stage works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # path relative to the build root (#record for a dump's record): the `article` field of facts
    path: str  # the file, absolute, as the warehouse stores it
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
    # Where the article comes from, unique in a warehouse: the absolute path, with #record for a dump's record.
    key: str = ""
    # Stable id from the content: the same text under two names is one article (hashed once).
    article_id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "article_id", hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16])
        if not self.key:
            object.__setattr__(self, "key", self.path or self.name)


class IngestError(Exception):
    """A file that cannot be read as an article; the message names the problem."""


class Problem(str):
    """One line naming a file and what went wrong with it (a str, so it prints and compares as the line), and
    the file as the warehouse stores it, so `ingest_errors.path` never has to be cut out of the message."""

    path: str

    def __new__(cls, message: str, path: str) -> Problem:
        line = super().__new__(cls, message)
        line.path = path
        return line
