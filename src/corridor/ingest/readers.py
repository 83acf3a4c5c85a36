"""One reader per format. Each returns Articles or raises IngestError with a one-line reason."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from corridor.ingest.article import Article, IngestError
from corridor.ingest.dateline import parse_date, parse_dateline

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json")
MAX_BYTES = 50 * 1024 * 1024  # over this a file is refused: no news article is that long
LARGE_BYTES = 5 * 1024 * 1024  # over this it is read, with a warning: probably a dump, not one article
_FRENCH_WORDS = frozenset({"le", "la", "les", "des", "est", "et", "une", "dans", "pour", "avec", "qui", "du", "au", "sur",
                           "à", "aux", "ont", "sont", "cette", "été", "pas", "ne", "nous",
                           # words of a short trade brief no neighbouring language spells so ("de", "entre" are Spanish too)
                           "milliard", "milliards", "million", "millions", "selon", "deux", "pays", "ses", "leur", "leurs",
                           "vers", "par", "mètres", "tonnes", "depuis", "ces", "mais", "aussi"})
_ELISION = ("l'", "d'", "qu'", "l’", "d’", "qu’", "n'", "n’", "s'", "s’")  # "l'Ouzbékistan", "qu'en": only French elides so


def discover(paths: list[Path]) -> list[Path]:
    """Files to read under the given files and folders, sorted, READMEs and hidden files skipped."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(Path(f) for f in _walk(str(p)))
        elif p.exists():
            out.append(p)
        else:
            raise IngestError(f"{p}: no such file or folder")
    return out


def _walk(folder: str) -> list[str]:
    """Article files under `folder`, sorted as rglob would be; os.scandir and string sorting, because
    pathlib's rglob and Path comparisons cost seconds on a folder of 100k articles."""
    files, dirs = [], []
    with os.scandir(folder) as it:
        for e in it:
            if e.name.startswith("."):
                continue
            if e.is_dir():
                dirs.append(e.path)
            elif e.is_file() and os.path.splitext(e.name)[1].lower() in SUPPORTED and e.name.lower() != "readme.md":
                files.append(e.path)
    out = sorted(files)
    for d in sorted(dirs):
        out.extend(_walk(d))
    return sorted(out, key=lambda f: Path(f).parts) if dirs else out


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{name}: binary file (NUL bytes), not text")
    warnings = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Mostly UTF-8 with a few bad bytes, or a legacy single-byte encoding? Whichever keeps the accents.
        as_utf8 = data.decode("utf-8-sig", errors="replace")
        bad = as_utf8.count("\ufffd")
        multibyte = sum(1 for c in as_utf8 if ord(c) > 127 and c != "\ufffd")
        if multibyte > bad:
            text = as_utf8
            warnings.append(f"{name}: invalid UTF-8, {bad} bad byte(s) replaced by U+FFFD")
        else:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{name}: not UTF-8, decoded as cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def guess_lang(text: str) -> str:
    """'fr' when French function words are frequent enough; a declared `lang` always wins."""
    for size, bar in ((600, 0.12), (5000, 0.06)):  # a clearly French opening settles it: no need to read on
        words = [w for w in text[:size].lower().split() if not w[0].isdigit() and w[0] not in "|-:*#(€$%"]
        hits = sum(map(_FRENCH_WORDS.__contains__, words)) + sum(w.startswith(_ELISION) for w in words)
        if hits / max(1, len(words)) > bar:
            return "fr"
    return "other"


_TITLE_MAX = 160


def title_line(text: str) -> str | None:
    """A plain text's first line when it reads as a title: short, not a dateline, no closing full stop, and
    more text below it ("LES CHEFS DES SERVICES SPECIAUX … A KHANKENDI", "# Relations Turquie-Ouzbékistan")."""
    head, _, rest = text.lstrip().partition("\n")
    line = head.strip().lstrip("#").strip()
    if (not rest.strip() or not line or len(line) > _TITLE_MAX or len(line.split()) < 2
            or line[-1] in ".,;:—–-" or parse_dateline(head)):
        return None
    return line


def _from_text(name: str, path: Path, text: str, fmt: str, meta: dict, warnings: list[str]) -> Article:
    published = parse_date(meta.get("date"))
    date_source = "front_matter" if published else None
    if published is None and meta.get("date") not in (None, ""):
        warnings = [*warnings, f"{name}: date {str(meta.get('date'))[:40]!r} not understood (ISO, 11/02/2025 or "
                               "11 février 2025); the dateline dates it if there is one"]
    place = None
    dl = parse_dateline(text)
    if dl:
        place = dl[1]
        if published is None:
            published, date_source = dl[0], "dateline"
    lang = meta.get("lang") or guess_lang(text)
    title = meta.get("title") if isinstance(meta.get("title"), str) and meta["title"].strip() else None
    if title is None and fmt in ("txt", "md"):  # a dump's record or a page names its title, or has none
        title = title_line(text)
    return Article(
        name=name, path=str(path), text=text, title=title, published=published,
        date_source=date_source, place=place, source=meta.get("source"), url=meta.get("url"),
        lang=str(lang), fmt=fmt, warnings=tuple(warnings),
    )


def read_txt(path: Path, data: bytes) -> list[Article]:
    text, warnings = decode(data, path.name)
    meta: dict = {}
    if text.startswith("---\n"):  # a text file may carry front matter too; if it is not, it is plain text
        try:
            meta, text = _front_matter(path.name, text)
        except IngestError:
            meta = {}
    return [_from_text(path.name, path, text, "txt", meta, warnings)]


def _front_matter(name: str, text: str) -> tuple[dict, str]:
    """The YAML mapping between the opening and closing `---`, and the text after it."""
    end = re.search(r"^---\s*$", text[3:], re.MULTILINE)
    if end is None:
        raise IngestError(f"{name}: front matter opened with --- but never closed")
    import yaml

    try:
        meta = yaml.safe_load(text[3:3 + end.start()]) or {}
    except yaml.YAMLError as e:
        raise IngestError(f"{name}: broken front matter ({str(e).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise IngestError(f"{name}: front matter is not a mapping")
    return meta, text[3 + end.end():].lstrip("\n")


def read_md(path: Path, data: bytes) -> list[Article]:
    text, warnings = decode(data, path.name)
    meta: dict = {}
    if text.startswith("---"):
        meta, text = _front_matter(path.name, text)
    return [_from_text(path.name, path, text, "md", meta, warnings)]


def read_html(path: Path, data: bytes) -> list[Article]:
    import trafilatura

    html, warnings = decode(data, path.name)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None or not getattr(doc, "text", None):
        raise IngestError(f"{path.name}: no article text found in the HTML")
    meta = {"title": doc.title, "date": doc.date, "source": doc.sitename, "url": doc.url, "lang": doc.language}
    return [_from_text(path.name, path, doc.text, "html", meta, warnings)]


# dumps name their fields differently (news-please writes "maintext" and "date_publish"): the first there counts
TEXT_KEYS = ("text", "content", "body", "maintext", "full_text", "article_text", "texte", "contenu", "article")
HTML_KEYS = ("html", "raw_html", "content_html", "body_html")  # a page's HTML: its article text is read out
DATE_KEYS = ("date", "published", "published_at", "publication_date", "pubDate", "datetime", "date_publish",
             "date_published", "datePublished", "published_date", "date_publication", "publishedAt", "pub_date")
TITLE_KEYS = ("title", "headline", "titre")


def _record(rec: object) -> dict:
    """One dumped article as {"text", "date", "title", ...}; ValueError when it holds no article text."""
    if not isinstance(rec, dict):
        raise ValueError("not a JSON object")
    body = next((rec[k] for k in TEXT_KEYS if isinstance(rec.get(k), str) and rec[k].strip()), None)
    if body is None:
        html = next((rec[k] for k in HTML_KEYS if isinstance(rec.get(k), str) and rec[k].strip()), None)
        if html is not None:
            import trafilatura

            body = trafilatura.extract(html, include_comments=False, favor_recall=True) or None
    if body is None:
        raise ValueError(f"no {' / '.join(repr(k) for k in TEXT_KEYS + HTML_KEYS)} field with text")
    return {**rec, "text": body, "date": next((rec[k] for k in DATE_KEYS if rec.get(k)), None),
            "title": next((rec[k] for k in TITLE_KEYS if isinstance(rec.get(k), str)), None)}


def _from_records(path: Path, fmt: str, records: list[tuple[str, object]], warnings: list[str]) -> list[Article]:
    """Articles of a dump, `records` as (where, record); a record without text is a warning, not the file's end."""
    out = []
    for where, raw in records:
        try:
            rec = _record(raw)
        except ValueError as e:
            warnings.append(f"{path.name}:{where}: skipped ({e})")
            continue
        # a file holding one article is named after the file, as a .txt is
        name = str(rec.get("id") or rec.get("name") or (path.name if len(records) == 1 and fmt == "json"
                                                         else f"{path.name}#{where}"))
        out.append(_from_text(name, path, rec["text"], fmt, rec, []))
    if not out:
        raise IngestError(f"{path.name}: no readable article" + (f" ({warnings[0]})" if warnings else ""))
    if warnings:
        out[0] = replace(out[0], warnings=tuple(warnings))
    return out


def read_jsonl(path: Path, data: bytes) -> list[Article]:
    text, warnings = decode(data, path.name)
    records: list[tuple[str, object]] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append((str(n), json.loads(line)))
        except json.JSONDecodeError as e:
            warnings.append(f"{path.name}:{n}: skipped line ({e})")
    return _from_records(path, "jsonl", records, warnings)


def read_json(path: Path, data: bytes) -> list[Article]:
    """One article (an object, as news-please writes them) or a list of them."""
    text, warnings = decode(data, path.name)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"{path.name}: not valid JSON ({e})") from None
    items = doc if isinstance(doc, list) else [doc]
    return _from_records(path, "json", [(str(i), r) for i, r in enumerate(items, 1)], warnings)


READERS = {".txt": read_txt, ".md": read_md, ".markdown": read_md, ".html": read_html, ".htm": read_html,
           ".jsonl": read_jsonl, ".json": read_json}


def read_path(path: Path) -> list[Article]:
    """Articles in one file. Raises IngestError naming the file and the problem."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"{path.name}: unsupported format {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"{path.name}: {size // 2**20} MB is over the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path.name}: cannot read ({e.strerror})") from None
    articles = reader(path, data)
    if size > LARGE_BYTES and path.suffix.lower() not in (".jsonl", ".json"):
        note = f"{path.name}: very large file ({size / 2**20:.0f} MB) read as one article"
        articles = [replace(articles[0], warnings=(*articles[0].warnings, note)), *articles[1:]]
    return articles


def iter_articles(paths: list[Path], errors: list[str]) -> Iterator[Article]:
    for f in discover(paths):
        try:
            yield from read_path(f)
        except IngestError as e:
            errors.append(str(e))
