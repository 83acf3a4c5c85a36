"""The build: ingest -> extract -> store, data flowing one way. The CLI is a thin layer over this."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

import duckdb

from corridor.extract import EXTRACTOR_VERSION, Fact, extract_facts
from corridor.extract.cues import CueIndex
from corridor.extract.events import Event, extract_events
from corridor.extract.lexicon import find_mentions
from corridor.extract.text import lowered
from corridor.ingest import Article, FileRead, Problem, Source, read_files
from corridor.ingest.readers import describe, shown
from corridor.resources import LOCK_WAIT
from corridor.review.apply import apply as review_apply
from corridor.review.apply import corrections_path
from corridor.store import connect, ensure_schema
from corridor.store import load as store_load
from corridor.store.warehouse import WRITE_ERRORS, write_failed

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class BuildResult:
    run_id: str
    db: Path
    files: int = 0
    articles: int = 0
    extracted: int = 0
    skipped: int = 0
    facts: int = 0
    events: int = 0
    retired: int = 0  # articles whose files left the paths built
    version_note: bool = False
    corrections: dict = field(default_factory=dict)  # what applying the corrections file did (review.apply)
    errors: list[Problem] = field(default_factory=list)  # one line each, naming the file
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> dict:
        return {"files": self.files, "articles": self.articles, "extracted": self.extracted,
                "unchanged": self.skipped, "retired": self.retired, "facts": self.facts, "events": self.events,
                "errors": len(self.errors), "warnings": len(self.warnings), "extractor_version": EXTRACTOR_VERSION,
                "corrections": self.corrections}


def read_articles(paths: list[Path], errors: list[str], warnings: list[str],
                  skip: Callable[[Source], bool] | None = None) -> Iterator[Article]:
    """Articles under `paths`; a file that cannot be read adds one line to `errors` and the rest goes on.
    `skip(source)` true: the file is known unchanged and is not read."""
    for read in read_files(paths, errors, warnings, skip):
        yield from read.articles


# Per-article limit on extraction time: an article over it is an error, not a stalled build.
ARTICLE_SECONDS = float(os.environ.get("CORRIDOR_ARTICLE_SECONDS", "120"))
Extracted = tuple[list[tuple], list[tuple], str | None]  # fact rows, event rows, or the line saying why none


class ArticleTimeout(Exception):
    """An article's extraction ran over the per-article limit."""


def extract_rows(article: Article, seconds: float | None = ARTICLE_SECONDS) -> Extracted:
    """Extraction plus the warehouse rows (ids hashed), done in the worker process."""
    facts, events, error = extract_safely(article, seconds)
    return store_load.fact_rows(article.article_id, facts), store_load.event_rows(article.article_id, events), error


def extract_safely(article: Article, seconds: float | None = ARTICLE_SECONDS) -> tuple[list[Fact], list[Event], str | None]:
    """`extract_article`, within `seconds`; whatever goes wrong with one article is a line naming it (the
    third item), never the end of the build."""
    if _MAY_HOLD_A_FIGURE.search(article.text):  # an article with no figure never needs the parser
        _warm_up()
    try:
        with _time_limit(seconds):
            return (*extract_article(article), None)
    except ArticleTimeout:
        return [], [], (f"{article.name}: extraction stopped at the per-article limit of {seconds:g} s "
                        "(CORRIDOR_ARTICLE_SECONDS); article skipped")
    except Exception as e:  # an extractor's bug costs its article, never the build
        return [], [], f"{article.name}: extraction failed ({describe(e)}); article skipped"


_MAY_HOLD_A_FIGURE = re.compile(r"\d|milli(?:ard|on)|doubl|tripl|quadrupl|quintupl|décupl|multipli|moitié", re.IGNORECASE)
_WARM_UP = Article(name="warm-up", path="", lang="fr", text="Les échanges commerciaux entre le Kazakhstan et la "
                   "Chine ont atteint 31,5 milliards de dollars en 2023, a déclaré le ministre à Astana.")
_warm = False


def _warm_up() -> None:
    """Imports and models (spaCy's, seconds to load) load once per process outside the per-article limit: it
    would count against the first article, and an alarm in the middle of an import leaves the process unable
    to extract anything."""
    global _warm
    if not _warm:
        _warm = True
        with suppress(Exception):  # a failure here is the first article's to report
            extract_article(_WARM_UP)


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """SIGALRM interrupts the extraction after `seconds` (where signals can be had: the main thread of a
    process, as in a pool worker or the CLI; elsewhere there is no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the build that started it does, even killed by SIGKILL (Linux's
    parent-death signal; elsewhere a thread watching the parent)."""
    try:
        import ctypes

        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) != 0:  # 1: PR_SET_PDEATHSIG
            raise OSError
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def extract_article(article: Article) -> tuple[list[Fact], list[Event]]:
    """The pure extraction step for one article (what a process pool or a cluster maps)."""
    if article.lang not in (None, "fr"):
        return [], []
    # lowered once, cues found in one pass and countries once, for both extractors
    low = lowered(article.text)
    cues = CueIndex(low)
    mentions = find_mentions(article.text, low, cues)
    return (extract_facts(article.text, article.name, article.published, low=low, mentions=mentions, cues=cues,
                          title=article.title),
            extract_events(article.text, article.name, article.published, low=low, mentions=mentions, cues=cues))


BATCH_ARTICLES = 2000  # articles extracted and written per slice of a build
BUILD_MEMORY_LIMIT = os.environ.get("CORRIDOR_BUILD_MEMORY", "700MB")  # DuckDB's share during a build


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(paths: list[Path], db: Path, rebuild: bool = False, workers: int | None = None,
          progress: Progress | None = None, reread: bool = False,
          article_seconds: float | None = ARTICLE_SECONDS, lock_wait: float = LOCK_WAIT,
          notify: Callable[[str], None] | None = None, corrections: Path | None = None) -> BuildResult:
    """Ingest, extract and load `paths` into the warehouse at `db`, in one transaction.

    Articles stream through in slices (texts are never all in memory); unchanged articles (same
    text, same extractor version) are not extracted again; an edited article replaces its own facts;
    `rebuild` re-extracts everything; `reread` reads every file again (unchanged files are otherwise
    skipped by size and mtime) so that their warnings are reported. Extraction runs in a process pool
    whose workers end with the build; an article whose extraction fails or takes over `article_seconds` is
    an error naming it, and the build goes on. Readers holding the warehouse are waited for up to `lock_wait`
    seconds (`notify` says so). The warehouse mirrors `paths`: an article whose file left them is retired
    (store.load.Mirror). The corrections file (`corrections`, by default beside the warehouse, review.apply.corrections_path)
    is applied last, in the same transaction (review.apply).
    """
    started = datetime.now()
    result = BuildResult(run_id=uuid.uuid4().hex[:12], db=db)
    workers = workers or os.cpu_count() or 1
    con = connect(db, wait=lock_wait, notify=notify)
    pool = (ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))
            if workers > 1 else None)
    extract = partial(extract_rows, seconds=article_seconds)
    try:
        # A build is one transaction: DuckDB keeps its uncommitted rows in memory unless bounded, and
        # insertion order is not needed (every table has its key).
        con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
        con.execute("set preserve_insertion_order = false")
        # The schema and its views are written in the build's transaction: a build that fails commits nothing,
        # so closing it has nothing to checkpoint into the file (a checkpoint cut short by a full disk can
        # leave a block of the file half rewritten)
        store_load.begin(con)
        try:
            ensure_schema(con)
            run = _Build(paths, store_load.known(con), result, rebuild=rebuild, reread=reread)
            pending: tuple[list[Article], Iterator[Extracted]] | None = None
            reads = read_files(paths, result.errors, result.warnings, run.unchanged)
            for chunk in _batches(run.articles(reads), BATCH_ARTICLES):
                todo = run.admit(chunk)
                # The pool extracts this slice while the previous one is written and the next one read:
                # Executor.map submits every task at once and yields results in order.
                extracted = (pool.map(extract, todo, chunksize=64) if pool and len(todo) >= 64
                             else map(extract, todo))
                if pending is not None:
                    run.write(con, *pending, progress)
                pending = (todo, extracted)
            if pending is not None:
                run.write(con, *pending, progress)
            result.retired = store_load.settle(con, result.run_id, run.mirror())
            reviewed = _apply_corrections(con, corrections_path(db, corrections), result)
            errors = [(m.path, "error", m) for m in result.errors] + [(m.path, "warning", m) for m in result.warnings]
            store_load.finish(con, result.run_id, started, errors, result.summary(),
                              changed=result.extracted > 0 or result.retired > 0 or reviewed)
        except BaseException:
            store_load.rollback(con)
            raise
    except WRITE_ERRORS as e:  # a read-only or full disk: one line, the warehouse as it was
        raise write_failed(db, e) from None
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
        with suppress(duckdb.Error):
            con.close()
    return result


def _apply_corrections(con, path: Path, result: BuildResult) -> bool:
    """The corrections file applied (review.apply): a file that cannot be read is an error line, an entry that
    no longer applies a warning naming it; the build goes on. True when the reviewed facts changed."""
    applied = review_apply(con, path)
    result.corrections = applied.summary()
    if applied.error:
        result.errors.append(Problem(applied.error, str(path)))
    result.warnings.extend(Problem(w, str(path)) for w in applied.warnings)
    return applied.changed


class _Build:
    """What one build knows, finds and writes: the warehouse's prior state, the files under its paths, the
    sources of the articles it read."""

    def __init__(self, paths: list[Path], known: store_load.Known, result: BuildResult, rebuild: bool,
                 reread: bool) -> None:
        self.known, self.result, self.rebuild, self.reread = known, result, rebuild, reread
        self.roots = [shown(os.path.abspath(p)) for p in paths]
        self.present: dict[str, str] = {}  # every file found: path -> name
        self.read: dict[str, list[str]] = {}  # files read: path -> the sources they hold
        self.index: dict[str, tuple[int, int, list[str]]] = {}  # files read: path -> size, mtime, article ids
        self.sources: list[tuple[str, str, str, str]] = []  # (source, name, article_id, path)
        self.seen_ids: set[str] = set()
        self.failed: set[str] = set()  # articles whose extraction failed
        self.done = 0

    def unchanged(self, src: Source) -> bool:
        """Same size and mtime as at the last build, and its articles at this extractor version."""
        if self.rebuild or self.reread:
            return False
        prior = self.known.files.get(src.stored)
        if prior is None:  # a new file (every file of a first build): no stat needed
            return False
        try:
            st = src.path.stat()
        except OSError:
            return False  # reading it will say what is wrong
        if prior[0] != st.st_size or prior[1] != st.st_mtime_ns:
            return False
        if any(self.known.versions.get(a) != EXTRACTOR_VERSION for a in prior[2]):
            return False
        self.result.files += 1
        self.result.articles += len(prior[2])
        self.result.skipped += len(prior[2])
        return True

    def articles(self, reads: Iterator[FileRead]) -> Iterator[Article]:
        for f in reads:
            self.present[f.source.stored] = f.source.name
            if f.size is not None:
                self.result.files += 1
                self.read[f.source.stored] = [a.key for a in f.articles]
                self.index[f.source.stored] = (f.size, f.mtime_ns or 0, [a.article_id for a in f.articles])
            yield from f.articles

    def admit(self, chunk: list[Article]) -> list[Article]:
        """The articles of `chunk` to extract: not a text already read in this build, nor one the warehouse
        holds at this extractor version (unless rebuilding). Every article read is a source."""
        result, known = self.result, self.known
        todo: list[Article] = []
        for article in chunk:
            result.articles += 1
            aid = article.article_id
            self.sources.append((article.key, article.name, aid, article.path))
            if aid in self.seen_ids:
                result.warnings.append(Problem(
                    f"{article.name}: same text as an article already read; one article, both names kept", article.path))
                continue
            self.seen_ids.add(aid)
            if not self.rebuild and known.versions.get(aid) == EXTRACTOR_VERSION:
                result.skipped += 1
                continue
            if known.versions.get(aid) not in (None, EXTRACTOR_VERSION) and not result.version_note:
                result.version_note = True
                result.warnings.append(Problem(
                    f"extractor version changed to {EXTRACTOR_VERSION}: re-extracting older articles", ""))
            todo.append(article)
        return todo

    def write(self, con, todo: list[Article], extracted: Iterator[Extracted], progress: Progress | None) -> None:
        articles: list[Article] = []
        facts: list[tuple] = []
        events: list[tuple] = []
        for article, (fact_rows, event_rows, error) in zip(todo, extracted, strict=True):
            self.done += 1
            if progress:
                progress(self.done, 0)
            if error:  # not stored: the warehouse keeps what it had, and the next build tries again
                self.result.errors.append(Problem(error, article.path))
                self.failed.add(article.article_id)
                continue
            articles.append(article)
            facts.extend(fact_rows)
            events.extend(event_rows)
        store_load.write_batch(con, store_load.Batch(
            articles=[(a, EXTRACTOR_VERSION) for a in articles], facts=facts, events=events,
            replacing=[a.article_id for a in articles if a.article_id in self.known.versions]))
        self.result.extracted += len(articles)
        self.result.facts += len(facts)
        self.result.events += len(events)

    def mirror(self) -> store_load.Mirror:
        """An article that failed keeps its source's earlier article, and its file is read again next time."""
        return store_load.Mirror(
            roots=self.roots, present=self.present, read=self.read,
            sources=[s for s in self.sources if s[2] not in self.failed],
            files=[(p, size, mtime, ids) for p, (size, mtime, ids) in self.index.items() if self.failed.isdisjoint(ids)])
