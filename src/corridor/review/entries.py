"""The corrections file (data/corrections.yaml): one entry per decision, read and appended.

A top-level YAML list; each entry names its article (`article`: the name facts show, `003_x.txt`,
`dump.jsonl#3`; `article_id`: the text's hash, which finds a renamed file) and the evidence span (`evidence`,
the text; `span`, its offsets then), so that it survives re-extraction and edits elsewhere in the article (never
`fact_id`, which changes with the extractor's reading). Actions: `confirm`, `correct` (`fields`), `reject`,
`add` (`fields`: a whole fact). Every entry has `who` and `when`, and may have a `note`. docs/review.md.

Scalars are read as the text written (`partner: NO` is "NO", never false) and aliases are refused, as in
articles' front matter. Appending writes one entry and syncs it to disk before returning: an interrupted
review loses nothing.
"""

from __future__ import annotations

import fcntl
import math
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from corridor import labels

ACTIONS = ("confirm", "correct", "reject", "add")
MEASURES = ("level", "change_pct", "change_factor", "target")
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
PERIOD_KINDS = ("year", "months", "cumulative", "as_of", "unknown")
PERS = ("year", "day")
SOURCE_KINDS = ("official", "speech", "press")
# The fact record's fields a correction may set (the article and the span are the entry's key; the offsets follow
# a corrected `evidence`).
FIELDS = ("indicator", "measure", "reporter", "partner", "value", "unit", "per", "qualifier", "period_start",
          "period_end", "period_kind", "route", "source_kind", "evidence")
REQUIRED_TO_ADD = ("indicator", "measure", "reporter", "value", "unit")
ADD_DEFAULTS: dict[str, Any] = {"partner": None, "per": None, "qualifier": "exact", "period_start": None,
                                "period_end": None, "route": None, "source_kind": None}
KEYS = ("action", "article", "article_id", "span", "evidence", "fields", "was", "who", "when", "note")
_NULLS = ("", "~", "null", "Null", "NULL", "none", "None")
HEADER = ("# Decisions about the extracted facts, one entry per decision, applied by every `corridor build`\n"
          "# (docs/review.md). `corridor review` and corridor.confirm/correct/reject/add append to it; it can be\n"
          "# edited by hand and belongs under version control.\n")


class CorrectionsFileError(Exception):
    """The file as a whole cannot be read (one line naming it and the problem)."""


@dataclass(slots=True)
class Entry:
    number: int  # its place in the file, from 1
    raw: dict  # what the file says, as written
    line: int | None = None
    problem: str | None = None  # set when the entry itself is malformed
    action: str = ""
    article: str = ""
    article_id: str | None = None
    span: tuple[int, int] | None = None
    evidence: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    was: dict[str, Any] = field(default_factory=dict)
    who: str = ""
    when: str = ""
    note: str = ""

    def name(self, file: str = "corrections.yaml") -> str:
        return f"{file}#{self.number}"


@cache
def _loader():
    import yaml

    class Loader(yaml.BaseLoader):
        """Every scalar stays the text written; aliases are refused (a kilobyte of nested aliases expands to
        gigabytes)."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise CorrectionsFileError("uses YAML aliases (*name), which are refused")
            return super().compose_node(parent, index)

    return Loader


def load(path: Path) -> list[Entry]:
    """The entries of `path` (none if it does not exist), each parsed (`problem` set when malformed);
    CorrectionsFileError for a file that cannot be read as a whole."""
    import yaml

    path = Path(path)
    if not path.exists():
        return []
    try:
        with open(path, "rb") as f:
            fcntl.flock(f, fcntl.LOCK_SH)  # never half an entry a review is appending
            text = f.read().decode("utf-8")
    except UnicodeDecodeError as e:
        raise CorrectionsFileError(f"{path}: not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise CorrectionsFileError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except CorrectionsFileError as e:
        raise CorrectionsFileError(f"{path}: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CorrectionsFileError(f"{path}: not valid YAML{where} ({getattr(e, 'problem', None) or e})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        shape = "a mapping" if isinstance(data, dict) else "a single value"
        raise CorrectionsFileError(f"{path}: must be a list of entries (`- action: …`), not {shape}")
    lines = [n.start_mark.line + 1 for n in node.value]
    return [parse(item, i + 1, lines[i]) for i, item in enumerate(data)]


def parse(item: Any, number: int, line: int | None = None) -> Entry:
    """One entry, checked for its shape (the fields' values are checked when applied, `coerce`)."""
    entry = Entry(number=number, raw=item if isinstance(item, dict) else {"entry": item}, line=line)
    if not isinstance(item, dict):
        entry.problem = "an entry must be a mapping (action, article, evidence, who, when, …)"
        return entry
    unknown = sorted(set(item) - set(KEYS))
    action = _text(item.get("action"))
    entry.action, entry.article, entry.evidence = action or "", _text(item.get("article")) or "", item.get("evidence")
    entry.article_id = _text(item.get("article_id"))
    entry.who, entry.when, entry.note = (_text(item.get("who")) or "", _text(item.get("when")) or "",
                                         _text(item.get("note")) or "")
    problems = []
    if unknown:
        problems.append(f"unknown key {', '.join(map(repr, unknown))} (keys: {', '.join(KEYS)})")
    if action not in ACTIONS:
        problems.append(f"action {action!r} is none of {', '.join(ACTIONS)}")
    if not entry.article and not entry.article_id:
        problems.append("no `article`")
    if not isinstance(entry.evidence, str) or not entry.evidence:
        problems.append("no `evidence` (the text of the span)")
        entry.evidence = ""
    span = item.get("span")
    if span is not None:
        try:
            start, end = (int(x) for x in span) if isinstance(span, list) else (None, None)
            if start is None or not 0 <= start < end:
                raise ValueError
            entry.span = (start, end)
        except (TypeError, ValueError):
            problems.append(f"span {span!r} is not [start, end] offsets")
    for key in ("fields", "was"):
        value = item.get(key)
        if value is not None and not isinstance(value, dict):
            problems.append(f"`{key}` must be a mapping of field: value")
        elif value:
            setattr(entry, key, dict(value))
    if action in ("correct", "add") and not entry.fields:
        problems.append(f"`{action}` needs `fields`")
    if action in ("confirm", "reject") and entry.fields:
        problems.append(f"`{action}` takes no `fields` (use `correct`)")
    if not entry.who:
        problems.append("no `who`")
    if not entry.when:
        problems.append("no `when`")
    entry.problem = "; ".join(problems) or None
    return entry


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    value = str(value).strip()
    return None if value in _NULLS else value


def coerce(name: str, value: Any) -> Any:
    """A field's value as the fact record holds it; ValueError saying what is wrong. Countries may be written
    as codes or names ("Kazakhstan", "KZ")."""
    if name not in FIELDS:
        raise ValueError(f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
    text = _text(value)
    if name in ("partner", "per", "period_start", "period_end", "route", "source_kind") and text is None:
        return None
    if text is None:
        raise ValueError(f"{name} cannot be empty")
    if name == "indicator" and text not in labels.INDICATORS:
        raise ValueError(f"indicator {text!r} is none of {', '.join(labels.INDICATORS)}")
    for key, allowed in (("measure", MEASURES), ("qualifier", QUALIFIERS), ("period_kind", PERIOD_KINDS),
                         ("per", PERS), ("source_kind", SOURCE_KINDS)):
        if name == key and text not in allowed:
            raise ValueError(f"{name} {text!r} is none of {', '.join(allowed)}")
    if name in ("reporter", "partner"):
        code = text.upper() if text.upper() in labels.GROUPS else labels.resolve_country(text)
        if code is None:
            raise ValueError(f"{name} {text!r} is no country code or name")
        return code
    if name == "value":
        try:
            number = float(text.replace(" ", "").replace("\u202f", "").replace("_", "").replace(",", "."))
        except ValueError:
            raise ValueError(f"value {text!r} is not a number") from None
        if not math.isfinite(number):
            raise ValueError(f"value {text!r} is not a finite number")
        return number
    if name in ("period_start", "period_end"):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{name} {text!r} is not a date (YYYY-MM-DD)") from None
    if name == "evidence" and not isinstance(value, str):
        raise ValueError("evidence must be text")
    return value if name == "evidence" else text


def coerce_all(fields: dict[str, Any]) -> dict[str, Any]:
    """Every field coerced; ValueError naming each that is wrong."""
    out, problems = {}, []
    for k, v in fields.items():
        try:
            out[k] = coerce(str(k), v)
        except ValueError as e:
            problems.append(str(e))
    if problems:
        raise ValueError("; ".join(problems))
    return out


def reviewer(who: str | None = None) -> str:
    """Who decides: `who`, else CORRIDOR_REVIEWER, else the login name."""
    if who:
        return who
    if os.environ.get("CORRIDOR_REVIEWER"):
        return os.environ["CORRIDOR_REVIEWER"]
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without one)
        return "unknown"


def record(action: str, article: str, article_id: str | None, span: tuple[int, int] | None, evidence: str,
           who: str | None = None, note: str = "", fields: dict | None = None, was: dict | None = None) -> dict:
    """An entry as `append` writes it (keys in the documented order)."""
    if action not in ACTIONS:
        raise ValueError(f"action {action!r} is none of {', '.join(ACTIONS)}")
    out: dict[str, Any] = {"action": action, "article": article}
    if article_id:
        out["article_id"] = article_id
    if span is not None:
        out["span"] = [int(span[0]), int(span[1])]
    out["evidence"] = evidence
    if fields:
        out["fields"] = {k: _plain(v) for k, v in fields.items()}
    if was:
        out["was"] = {k: _plain(v) for k, v in was.items()}
    out["who"] = reviewer(who)
    out["when"] = datetime.now().astimezone().isoformat(timespec="seconds")
    out["note"] = note or ""
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # 470000000, not 470000000.0
    return value


def append(path: Path, entry: dict) -> None:
    """Add `entry` at the end of the file (made with its header if missing), under an exclusive lock, synced to
    disk before returning."""
    import yaml

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    with open(path, "a+", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            f.seek(0)
            existing = f.read()
            check_appendable(path, existing)
            if not existing.strip():  # a new file: what it is, then the entry
                block = HEADER + block
                f.seek(0)
                f.truncate()
            elif not existing.endswith("\n"):
                block = "\n" + block
            f.write(block)
            f.flush()
            os.fsync(f.fileno())
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def check_appendable(path: Path, text: str | None = None) -> None:
    """An entry can be appended: the file is empty, comments only, or a top-level list (`- action: …`)."""
    if text is None:
        text = Path(path).read_text(encoding="utf-8") if Path(path).exists() else ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped == "---":
            continue
        if line.startswith("- ") or line == "-":
            return
        raise CorrectionsFileError(f"{path}: not a top-level list of entries (line {line[:40]!r}); "
                                   "nothing appended")
