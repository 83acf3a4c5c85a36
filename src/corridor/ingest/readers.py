"""One reader per format, and the walk that finds the files.

A file's trouble ends as one line naming it (a `Problem`) and the others go on: `read_files` is the one place
that catches whatever reading a file raises. Fields are typed at this edge: later stages get text or None,
whatever the front matter or the dump held.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from corridor.ingest.article import Article, IngestError, Problem
from corridor.ingest.dateline import dateline_problem, parse_date, parse_dateline, parse_header_date

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json")
MAX_BYTES = 50 * 1024 * 1024  # over this a file is refused: no news article is that long
LARGE_BYTES = 5 * 1024 * 1024  # over this it is read, with a warning: probably a dump, not one article
_FRENCH_WORDS = frozenset({"le", "la", "les", "des", "est", "et", "une", "dans", "pour", "avec", "qui", "du", "au", "sur",
                           "à", "aux", "ont", "sont", "cette", "été", "pas", "ne", "nous",
                           # words of a short trade brief no neighbouring language spells so ("de", "entre" are Spanish too)
                           "milliard", "milliards", "million", "millions", "selon", "deux", "pays", "ses", "leur", "leurs",
                           "vers", "par", "mètres", "tonnes", "depuis", "ces", "mais", "aussi"})
_ELISION = ("l'", "d'", "qu'", "l’", "d’", "qu’", "n'", "n’", "s'", "s’")  # "l'Ouzbékistan", "qu'en": only French elides so
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(name: str) -> str:
    """A file name as one printable line that any database stores: bytes that are not UTF-8 (Python holds them
    as surrogates) as \\xNN, control characters (a newline) as \\n or \\xNN."""
    if name.isprintable():  # nearly every name: no surrogate, no control character
        return name
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: `path` opens it, `name` (relative to the build root) names it, `stored` (absolute) is
    what the warehouse keys it by, so that relative and absolute builds of one folder agree."""
    path: Path
    name: str
    stored: str

    @classmethod
    def of(cls, path: Path | str, root: str | None = None) -> Source:
        absolute = os.path.abspath(path)
        if root is None:
            name = os.path.basename(absolute)
        elif absolute.startswith(prefix := root.rstrip(os.sep) + os.sep):  # the walk's files: no relpath (slow)
            name = absolute[len(prefix):]
        else:
            name = os.path.relpath(absolute, root)
        return cls(Path(path), shown(name), shown(absolute))


def build_root(paths: list[Path]) -> str:
    """The folder names are relative to: the deepest one holding every path given (a file counts by its
    folder), so `build x y` names `x/a.txt` and `y/a.txt` apart, and `build corpus` names `a.txt`."""
    folders = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    return os.path.commonpath(folders) if folders else os.getcwd()


def discover(paths: list[Path], problems: list[Problem] | None = None) -> list[Source]:
    """Files to read under the given files and folders, sorted, READMEs and hidden files skipped. A path that
    does not exist, or a folder symlinked inside itself, adds a line to `problems` and the others go on."""
    problems = [] if problems is None else problems
    root = build_root(paths)
    out: dict[str, Source] = {}  # by stored path: a file under two of the paths given is read once
    for p in paths:
        if os.path.isdir(p):
            found = [Source.of(f, root) for f in _walk(str(p), root, frozenset(), problems)]
        elif os.path.lexists(p):  # a file, or a link that read_files will say is broken
            found = [Source.of(p, root)]
        else:
            problems.append(Problem(f"{shown(str(p))}: no such file or folder", shown(os.path.abspath(p))))
            continue
        out.update((src.stored, src) for src in found if src.stored not in out)
    return list(out.values())


def _walk(folder: str, root: str, ancestors: frozenset[tuple[int, int]], problems: list[Problem]) -> list[str]:
    """Article files under `folder`, sorted as rglob would be; os.scandir and string sorting, because
    pathlib's rglob and Path comparisons cost seconds on a folder of 100k articles. Anything with an article's
    suffix that is not a folder is listed, even a pipe or a broken link: reading it says what it is."""
    st = os.stat(folder)
    ancestors = ancestors | {(st.st_dev, st.st_ino)}
    here = os.path.realpath(folder)
    files, dirs = [], []
    with os.scandir(folder) as it:
        for e in it:
            if e.name.startswith("."):
                continue
            if _is_dir(e):
                target = e.stat()
                # a folder already being walked, or one holding this one (`ln -s .. up`): a loop
                if (target.st_dev, target.st_ino) in ancestors or (
                        e.is_symlink() and _within(here, os.path.realpath(e.path))):
                    src = Source.of(e.path, root)
                    problems.append(Problem(f"{src.name}: a link to a folder that contains it (a loop); skipped",
                                            src.stored))
                else:
                    dirs.append(e.path)
            elif os.path.splitext(e.name)[1].lower() in SUPPORTED and e.name.lower() != "readme.md":
                files.append(e.path)
    out = sorted(files)
    for d in sorted(dirs):
        out.extend(_walk(d, root, ancestors, problems))
    return sorted(out, key=lambda f: Path(f).parts) if dirs else out


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link to itself: not a folder, and reading it will say why
        return False


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # UTF-32 LE's BOM starts as UTF-16 LE's
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    warnings = []
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if codec:  # UTF-16 or -32 (Windows' "Unicode" exports): NUL bytes are part of the text
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise IngestError(f"{name}: starts with a {codec.upper()} byte-order mark but is not {codec.upper()}") from None
    elif b"\x00" in data[:4096]:
        raise IngestError(f"{name}: binary file (NUL bytes), not text")
    else:
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
    if not text.strip():
        raise IngestError(f"{name}: empty file")
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


def _text_field(meta: dict, key: str, name: str, warnings: list[str]) -> str | None:
    """A field that must be text: a number is written out (`title: 2024`), anything else (a list, a mapping,
    true) is dropped with a warning, so no later stage meets a type it does not expect."""
    value = meta.get(key)
    if value is None or isinstance(value, str):
        return (value.strip() or None) if value else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"{name}: {key} is {type(value).__name__}, not text; ignored")
    return None


def _from_text(name: str, src: Source, text: str, fmt: str, meta: dict, warnings: list[str],
               key: str | None = None) -> Article:
    warnings = list(warnings)
    raw_date = meta.get("date")
    published = parse_date(raw_date)
    date_source = "front_matter" if published else None
    if published is None and raw_date not in (None, ""):
        warnings.append(f"{name}: date {shown(str(raw_date))[:40]!r} not understood (ISO, 11/02/2025 or "
                        "11 février 2025); the dateline dates it if there is one")
    place = None
    dl = parse_dateline(text)
    if dl:
        place = dl[1]
        if published is None:
            published, date_source = dl[0], "dateline"
    elif published is None and (problem := dateline_problem(text)):
        warnings.append(f"{name}: {problem}")
    if published is None and (header := parse_header_date(text)):
        published, date_source = header, "dateline"  # "date 2024-06" or "2013-12-11" on a line of its own
    lang = _text_field(meta, "lang", name, warnings) or guess_lang(text)
    title = _text_field(meta, "title", name, warnings)
    if title is None and fmt in ("txt", "md"):  # a dump's record or a page names its title, or has none
        title = title_line(text)
    return Article(
        name=name, path=src.stored, text=text, title=title, published=published,
        date_source=date_source, place=place, source=_text_field(meta, "source", name, warnings),
        url=_text_field(meta, "url", name, warnings), lang=lang, fmt=fmt, warnings=tuple(warnings),
        key=key or src.stored,
    )


def read_txt(src: Source, data: bytes) -> list[Article]:
    text, warnings = decode(data, src.name)
    meta: dict = {}
    if text.startswith("---\n"):  # a text file may carry front matter too; if it is not, it is plain text
        try:
            meta, text = _front_matter(src.name, text)
        except _NoFrontMatter:
            meta = {}
    return [_from_text(src.name, src, text, "txt", meta, warnings)]


class _NoFrontMatter(IngestError):
    """The opening `---` starts no YAML mapping (a .txt file may open with a rule)."""


@cache
def _yaml_loader():
    import yaml

    class Loader(yaml.BaseLoader):
        """Every scalar stays the text written (`title: yes` is "yes", `date: 2025-02-30` a string the date
        parser judges) and aliases are refused: a kilobyte of nested aliases expands to gigabytes."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise IngestError("front matter uses YAML aliases (*name), which are refused")
            return super().compose_node(parent, index)

    return Loader


def _front_matter(name: str, text: str) -> tuple[dict, str]:
    """The YAML mapping between the opening and closing `---`, and the text after it."""
    end = re.search(r"^---\s*$", text[3:], re.MULTILINE)
    if end is None:
        raise _NoFrontMatter(f"{name}: front matter opened with --- but never closed")
    import yaml

    try:
        meta = yaml.load(text[3:3 + end.start()], Loader=_yaml_loader()) or {}
    except IngestError as e:
        raise IngestError(f"{name}: {e}") from None
    except yaml.YAMLError as e:
        raise _NoFrontMatter(f"{name}: broken front matter ({str(e).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise _NoFrontMatter(f"{name}: front matter is not a mapping")
    meta = {k: None if v in ("~", "null", "Null", "NULL") else v for k, v in meta.items()}  # YAML's nulls
    return meta, text[3 + end.end():].lstrip("\n")


def read_md(src: Source, data: bytes) -> list[Article]:
    text, warnings = decode(data, src.name)
    meta: dict = {}
    if text.startswith("---"):
        meta, text = _front_matter(src.name, text)
    return [_from_text(src.name, src, text, "md", meta, warnings)]


def read_html(src: Source, data: bytes) -> list[Article]:
    import trafilatura

    html, warnings = decode(data, src.name)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None or not getattr(doc, "text", None):
        raise IngestError(f"{src.name}: no article text found in the HTML")
    meta = {"title": doc.title, "date": doc.date, "source": doc.sitename, "url": doc.url, "lang": doc.language}
    return [_from_text(src.name, src, doc.text, "html", meta, warnings)]


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
            "title": next((rec[k] for k in TITLE_KEYS if rec.get(k) is not None), None)}


def _from_records(src: Source, fmt: str, records: list[tuple[str, object]], warnings: list[str]) -> list[Article]:
    """Articles of a dump, `records` as (where, record); a record without text is a warning, not the file's end.
    A record is named and keyed by its place in its file (`dump.jsonl#3`), never by an id of its own, which
    is only unique inside one dump."""
    out = []
    whole = len(records) == 1 and fmt == "json"  # a file holding one article is named after the file, as a .txt is
    for where, raw in records:
        try:
            rec = _record(raw)
        except ValueError as e:
            warnings.append(f"{src.name}:{where}: skipped ({e})")
            continue
        name, key = (src.name, src.stored) if whole else (f"{src.name}#{where}", f"{src.stored}#{where}")
        out.append(_from_text(name, src, rec["text"], fmt, rec, [], key=key))
    if not out:
        raise IngestError(f"{src.name}: no readable article" + (f" ({warnings[0]})" if warnings else ""))
    if warnings:
        out[0] = replace(out[0], warnings=(*warnings, *out[0].warnings))
    return out


def read_jsonl(src: Source, data: bytes) -> list[Article]:
    text, warnings = decode(data, src.name)
    records: list[tuple[str, object]] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append((str(n), json.loads(line)))
        except json.JSONDecodeError as e:
            warnings.append(f"{src.name}:{n}: skipped line ({e})")
    return _from_records(src, "jsonl", records, warnings)


def read_json(src: Source, data: bytes) -> list[Article]:
    """One article (an object, as news-please writes them) or a list of them."""
    text, warnings = decode(data, src.name)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"{src.name}: not valid JSON ({e})") from None
    items = doc if isinstance(doc, list) else [doc]
    return _from_records(src, "json", [(str(i), r) for i, r in enumerate(items, 1)], warnings)


READERS = {".txt": read_txt, ".md": read_md, ".markdown": read_md, ".html": read_html, ".htm": read_html,
           ".jsonl": read_jsonl, ".json": read_json}


def read_source(src: Source, st: os.stat_result | None = None) -> list[Article]:
    """Articles in one file (`st`: its stat, when the caller took it). Raises IngestError naming the file and
    the problem (other exceptions are `read_files`'s to catch)."""
    reader = READERS.get(src.path.suffix.lower())
    if reader is None:
        raise IngestError(f"{src.name}: unsupported format {shown(src.path.suffix) or '(none)'}")
    st = st or stat_of(src)
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(f"{src.name}: not a regular file ({_kind(st.st_mode)}); skipped")
    if st.st_size > MAX_BYTES:
        raise IngestError(f"{src.name}: {st.st_size // 2**20} MB is over the {MAX_BYTES // 2**20} MB limit")
    try:
        with open(src.path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise IngestError(f"{src.name}: cannot read ({e.strerror})") from None
    articles = reader(src, data)
    notes = []
    if shown(src.path.name) != src.path.name:
        notes.append(f"{src.name}: the file name has bytes that are not UTF-8 or control characters; "
                     "named here with escapes")
    if len(data) > LARGE_BYTES and src.path.suffix.lower() not in (".jsonl", ".json"):
        notes.append(f"{src.name}: very large file ({len(data) / 2**20:.0f} MB) read as one article")
    if notes:
        articles = [replace(articles[0], warnings=(*articles[0].warnings, *notes)), *articles[1:]]
    return articles


def stat_of(src: Source) -> os.stat_result:
    """The file's stat, following links; IngestError when there is nothing to read there."""
    try:
        return os.stat(src.path)
    except FileNotFoundError:
        raise IngestError(f"{src.name}: a broken link (its target does not exist); skipped") from None
    except OSError as e:
        raise IngestError(f"{src.name}: cannot read ({e.strerror})") from None


def _kind(mode: int) -> str:
    return ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")


def read_path(path: Path) -> list[Article]:
    """Articles in one file, named by its file name."""
    return read_source(Source.of(path))


@dataclass(slots=True)
class FileRead:
    """What became of one file: its articles (none when it was skipped or could not be read) and the size and
    modification time it had when read (None when it was not read whole)."""
    source: Source
    articles: list[Article]
    size: int | None = None
    mtime_ns: int | None = None


def read_files(paths: list[Path], errors: list[Problem], warnings: list[Problem],
               skip: Callable[[Source], bool] | None = None) -> Iterator[FileRead]:
    """Every file under `paths`, read. Whatever goes wrong with one file, a bug of a reader or a library's
    surprise included, adds one line naming it to `errors` and the next file is read. `skip(source)` true:
    the file is known unchanged and is not read."""
    for src in discover(paths, errors):
        if skip is not None and skip(src):
            yield FileRead(src, [])
            continue
        try:
            st = stat_of(src)  # before reading: a file changed meanwhile is read again next time
            articles = read_source(src, st)
        except IngestError as e:
            errors.append(Problem(str(e), src.stored))
            yield FileRead(src, [])
            continue
        except Exception as e:  # one file's trouble is that file's, never the build's
            errors.append(Problem(f"{src.name}: could not be read ({describe(e)})", src.stored))
            yield FileRead(src, [])
            continue
        for article in articles:
            warnings.extend(Problem(w, src.stored) for w in article.warnings)
            if article.lang not in (None, "fr"):
                warnings.append(Problem(f"{article.name}: not French (lang={article.lang}); no facts extracted",
                                        src.stored))
        yield FileRead(src, articles, st.st_size, st.st_mtime_ns)


def describe(e: BaseException) -> str:
    """An unexpected exception as a short clause for a one-line message."""
    if isinstance(e, RecursionError):
        return "nested too deeply"
    first = (str(e).strip().splitlines() or [""])[0][:200]
    return type(e).__name__ + (f": {shown(first)}" if first else "")


def iter_articles(paths: list[Path], errors: list) -> Iterator[Article]:
    for read in read_files(paths, errors, []):
        yield from read.articles
