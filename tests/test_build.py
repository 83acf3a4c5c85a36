"""The build: a real DuckDB file, idempotent, incremental, transactional, with a clear lock message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from conftest import ARTICLES
from corridor.extract import EXTRACTOR_VERSION
from corridor.pipeline import build

SENTENCE = "Les échanges commerciaux entre le Kazakhstan et la Chine ont atteint 31,5 milliards de dollars en 2023."


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_bundled_corpus_builds_facts_with_provenance(built_db: Path) -> None:
    assert _rows(built_db, "select count(*) from articles") == [(5,)]
    n = _rows(built_db, "select count(*) from facts")[0][0]
    assert n >= 11
    bad = _rows(built_db, """
        select f.fact_id from facts f join articles a using (article_id)
        where substring(a.text, f.char_start + 1, f.char_end - f.char_start) != f.evidence
           or (f.extractor_version != ? and f.status <> 'added')""".replace("?", f"'{EXTRACTOR_VERSION}'"))
    assert bad == []


def test_rebuild_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    first = _rows(db, "select fact_id, value from facts order by fact_id")
    again = build([ARTICLES], db)
    assert again.extracted == 0 and again.skipped == 5
    assert _rows(db, "select fact_id, value from facts order by fact_id") == first
    forced = build([ARTICLES], db, rebuild=True)
    assert forced.extracted == 5
    assert _rows(db, "select fact_id, value from facts order by fact_id") == first


def test_edited_article_replaces_only_its_own_facts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (corpus / "b.txt").write_text(SENTENCE.replace("Chine", "Russie"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    b_facts = _rows(db, "select fact_id from facts where article = 'b.txt'")
    (corpus / "a.txt").write_text(SENTENCE.replace("31,5", "40"), encoding="utf-8")
    result = build([corpus], db)
    assert result.extracted == 1
    assert _rows(db, "select value from facts where article = 'a.txt'") == [(40e9,)]
    assert _rows(db, "select fact_id from facts where article = 'b.txt'") == b_facts
    assert _rows(db, "select count(*) from articles") == [(2,)]


def test_same_article_under_two_names_is_one_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (corpus / "copy.txt").write_text(SENTENCE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = build([corpus], db)
    assert _rows(db, "select count(*) from articles") == [(1,)]
    assert _rows(db, "select count(*) from facts") == [(1,)]
    assert sorted(r[0] for r in _rows(db, "select name from article_names")) == ["a.txt", "copy.txt"]
    assert any("same text" in w for w in result.warnings)


def test_bad_files_are_recorded_and_the_rest_loads(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    db = tmp_path / "w.duckdb"
    result = build([corpus], db)
    assert result.errors == ["empty.txt: empty file"]
    assert _rows(db, "select path, severity, message from ingest_errors") == [
        (str(corpus / "empty.txt"), "error", "empty.txt: empty file")]  # the file's path, absolute
    assert _rows(db, "select count(*) from facts") == [(1,)]


def test_ingest_errors_keep_the_whole_file_name(tmp_path: Path) -> None:
    """ingest_errors.path was cut out of the message at its first ':'; a newline split the message."""
    corpus = _corpus(tmp_path / "corpus", {"good.txt": SENTENCE, "note: draft.txt": "", "two\nlines.txt": ""})
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    assert _rows(db, "select path, message from ingest_errors order by path") == [
        (str(corpus / "note: draft.txt"), "note: draft.txt: empty file"),
        (str(corpus / "two\\nlines.txt"), "two\\nlines.txt: empty file")]


def test_cli_build_exit_code_and_strict(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLES / "003_ce0b867bfe2a5adf.txt", corpus)
    db = tmp_path / "w.duckdb"
    ok = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(corpus), "--db", str(db)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    (corpus / "latin.txt").write_bytes("Les échanges ont progressé.".encode("cp1252"))
    warn = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(corpus), "--db", str(db)],
                          capture_output=True, text=True)
    assert warn.returncode == 0 and "not UTF-8" in warn.stderr
    strict = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(corpus), "--db", str(db), "--strict"],
                            capture_output=True, text=True)
    assert strict.returncode == 1


def test_locked_warehouse_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("locked", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        r = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(ARTICLES), "--db", str(db)],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2
        assert "warehouse is locked by another corridor process" in r.stderr
        assert "Traceback" not in r.stderr
    finally:
        holder.kill()
        holder.wait()


def test_killed_build_leaves_previous_state(tmp_path: Path) -> None:
    """SIGKILL in the middle of a build's transaction: the warehouse reopens as it was, the next build completes."""
    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    before = _rows(db, "select fact_id from facts order by fact_id")
    corpus = tmp_path / "more"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"n{i}.txt").write_text(SENTENCE.replace("31,5", f"{i + 1},5"), encoding="utf-8")
    for delay in (0.8, 1.6, 2.4):
        p = subprocess.Popen([sys.executable, "-m", "corridor.cli", "build", str(corpus), "--db", str(db), "--workers", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            n = _rows(db, "select count(*) from facts")[0][0]
            assert n in (len(before), len(before) + 300), n  # all or nothing
    build([corpus], db)
    assert _rows(db, "select count(*) from facts")[0][0] == len(before) + 300


def test_non_french_article_is_ingested_flagged_and_yields_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text("Trade between Kazakhstan and China reached 31.5 billion dollars in 2023, "
                                   "officials in Astana said on Monday.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = build([corpus], db)
    assert _rows(db, "select name, lang from articles") == [("en.txt", "other")]
    assert _rows(db, "select count(*) from facts") == [(0,)]
    assert any("not French" in w for w in result.warnings)


def test_new_extractor_version_re_extracts_and_says_so(tmp_path: Path, monkeypatch) -> None:
    import corridor.pipeline as pipeline

    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "9.9.9")
    result = pipeline.build([ARTICLES], db)
    assert result.extracted == 5
    assert any("extractor version changed to 9.9.9" in w for w in result.warnings)
    assert _rows(db, "select distinct extractor_version from articles") == [("9.9.9",)]


def test_a_20_mb_file_is_read_with_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "La coopération régionale reste au cœur des discussions entre les délégations présentes.\n"
    big = filler * (20 * 2**20 // len(filler.encode("utf-8"))) + SENTENCE + "\n"
    (corpus / "big.txt").write_text(big, encoding="utf-8")
    (corpus / "small.txt").write_text(SENTENCE.replace("Chine", "Russie"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = build([corpus], db)
    assert any("big.txt: very large file (20 MB)" in w for w in result.warnings)
    assert _rows(db, "select article, value from facts order by article") == [("big.txt", 31.5e9), ("small.txt", 31.5e9)]


def test_unchanged_files_are_not_read_again(tmp_path: Path, monkeypatch) -> None:
    import corridor.ingest.readers as readers

    corpus = tmp_path / "corpus"
    shutil.copytree(ARTICLES, corpus)
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    reads: list[str] = []
    real = readers.read_source
    monkeypatch.setattr(readers, "read_source", lambda src, *a: reads.append(src.path.name) or real(src, *a))
    again = build([corpus], db)
    assert reads == [] and again.skipped == 5 and again.articles == 5
    (corpus / "003_ce0b867bfe2a5adf.txt").write_text(SENTENCE, encoding="utf-8")
    edited = build([corpus], db)
    assert reads == ["003_ce0b867bfe2a5adf.txt"] and edited.extracted == 1
    assert _rows(db, "select value from facts where article = '003_ce0b867bfe2a5adf.txt'") == [(31.5e9,)]


def test_a_warehouse_from_before_json_files_takes_them(tmp_path: Path) -> None:
    """An older warehouse checks articles.fmt without 'json': the next build widens the check, keeps the rows
    and loads the .json article."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SENTENCE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    with duckdb.connect(str(db)) as con:  # the articles table as older builds made it
        con.execute("create table old as select * from articles")
        con.execute("drop table articles")
        ddl = (Path(__file__).resolve().parents[1] / "sql/schema/01_articles.sql").read_text(encoding="utf-8")
        con.execute(ddl.replace(", 'json')", ")"))
        con.execute("insert into articles select * from old")
        con.execute("drop table old")
    (corpus / "b.json").write_text('{"maintext": "' + SENTENCE.replace("Chine", "Russie") + '"}', encoding="utf-8")
    result = build([corpus], db)
    assert result.extracted == 1
    assert _rows(db, "select name, fmt from articles order by name") == [("a.txt", "txt"), ("b.json", "json")]
    assert _rows(db, "select count(distinct article) from facts") == [(2,)]


def _corpus(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_files_of_one_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    """`x/a.txt` and `y/a.txt` kept only one of them, which one alternating between builds."""
    corpus = _corpus(tmp_path / "corpus", {"x/a.txt": SENTENCE, "y/a.txt": SENTENCE.replace("Chine", "Russie")})
    db = tmp_path / "w.duckdb"
    expected = [("x/a.txt", "CHN"), ("y/a.txt", "RUS")]
    for rebuild in (False, False, True):
        result = build([corpus], db, rebuild=rebuild)
        assert result.articles == 2
        assert _rows(db, "select article, partner from facts order by article") == expected
        assert _rows(db, "select name from articles order by name") == [("x/a.txt",), ("y/a.txt",)]


def test_two_dumps_numbering_their_records_alike_keep_every_article(tmp_path: Path) -> None:
    import json

    countries = ["Chine", "Russie", "Turquie", "Inde", "Iran", "Japon"]
    dumps = {f"{d}.jsonl": "".join(json.dumps({"id": i, "text": SENTENCE.replace("Chine", countries[k * 3 + i - 1])},
                                              ensure_ascii=False) + "\n" for i in (1, 2, 3))
             for k, d in enumerate(("a", "b"))}
    db = tmp_path / "w.duckdb"
    build([_corpus(tmp_path / "corpus", dumps)], db)
    assert _rows(db, "select count(*), count(distinct article) from facts") == [(6, 6)]
    assert _rows(db, "select name from articles order by name")[:2] == [("a.jsonl#1",), ("a.jsonl#2",)]


def test_a_deleted_file_retires_its_article_to_history(tmp_path: Path) -> None:
    """A build of a folder mirrors it: the articles whose files left it move, with their facts and events, to
    the retired_* tables (nothing is deleted), with or without --rebuild."""
    for rebuild in (False, True):
        corpus = _corpus(tmp_path / f"corpus{rebuild}", {"a.txt": SENTENCE, "b.txt": SENTENCE.replace("Chine", "Russie")})
        db = tmp_path / f"w{rebuild}.duckdb"
        build([corpus], db)
        before = _rows(db, "select fact_id, article, value from facts where article = 'b.txt'")
        (corpus / "b.txt").unlink()
        result = build([corpus], db, rebuild=rebuild)
        assert result.retired == 1
        assert _rows(db, "select article from facts") == [("a.txt",)]
        assert _rows(db, "select name from articles") == [("a.txt",)]
        assert _rows(db, "select fact_id, article, value from retired_facts") == before
        assert _rows(db, "select name, retired_run from retired_articles") == [("b.txt", result.run_id)]
        assert _rows(db, "select count(*) from source_files") == [(1,)]


def test_a_record_gone_from_a_dump_retires_and_a_file_gone_unreadable_keeps_its_articles(tmp_path: Path) -> None:
    import json

    lines = [json.dumps({"text": SENTENCE.replace("Chine", c)}, ensure_ascii=False) + "\n" for c in ("Chine", "Russie")]
    corpus = _corpus(tmp_path / "corpus", {"dump.jsonl": "".join(lines), "c.txt": SENTENCE.replace("Chine", "Inde")})
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    (corpus / "dump.jsonl").write_text(lines[0], encoding="utf-8")
    (corpus / "c.txt").write_bytes(b"\x00\x01binary now")
    result = build([corpus], db)
    assert [str(e) for e in result.errors] == ["c.txt: binary file (NUL bytes), not text"]
    assert _rows(db, "select article, partner from facts order by article") == [("c.txt", "IND"), ("dump.jsonl#1", "CHN")]
    assert _rows(db, "select name from retired_articles") == [("dump.jsonl#2",)]


def test_editing_one_of_two_identical_files_leaves_the_other_citing_its_own_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"a.txt": SENTENCE, "copy.txt": SENTENCE})
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    (corpus / "a.txt").write_text(SENTENCE.replace("31,5", "40"), encoding="utf-8")
    build([corpus], db)
    assert _rows(db, "select article, value from facts order by article") == [("a.txt", 40e9), ("copy.txt", 31.5e9)]
    for name in ("a.txt", "copy.txt"):  # each fact's evidence is in the text of the file it cites
        text = (corpus / name).read_text(encoding="utf-8")
        [(start, end, evidence)] = _rows(db, f"select char_start, char_end, evidence from facts where article = '{name}'")
        assert text[start:end] == evidence
    assert _rows(db, "select count(*) from retired_articles") == [(0,)]  # the old text lives on in copy.txt


def test_a_build_mirrors_only_the_paths_it_is_given(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"x/a.txt": SENTENCE, "y/b.txt": SENTENCE.replace("Chine", "Russie")})
    db = tmp_path / "w.duckdb"
    build([corpus / "x"], db)
    build([corpus / "y"], db)
    assert _rows(db, "select article from facts order by article") == [("a.txt",), ("b.txt",)]
    build([corpus / "y" / "b.txt"], db)
    (corpus / "y" / "b.txt").unlink()
    result = build([corpus / "y"], db)
    assert result.retired == 1 and _rows(db, "select article from facts") == [("a.txt",)]


def test_a_file_under_two_of_the_paths_given_is_read_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", {"x/a.txt": SENTENCE, "b.txt": SENTENCE.replace("Chine", "Russie")})
    db = tmp_path / "w.duckdb"
    result = build([corpus, corpus / "x", corpus / "x" / "a.txt"], db)
    assert (result.files, result.articles, result.errors, result.warnings) == (2, 2, [], [])
    assert _rows(db, "select name from article_names order by name") == [("b.txt",), ("x/a.txt",)]


def test_relative_and_absolute_builds_of_one_folder_are_one(tmp_path: Path, monkeypatch) -> None:
    corpus = _corpus(tmp_path / "corpus", {"a.txt": SENTENCE})
    db = tmp_path / "w.duckdb"
    monkeypatch.chdir(tmp_path)
    build([Path("corpus")], db)
    again = build([corpus], db)
    assert again.skipped == 1 and again.retired == 0
    assert _rows(db, "select path from articles union all select path from source_files") == [
        (str(corpus / "a.txt"),)] * 2


def test_a_warehouse_from_before_sources_had_an_identity_takes_them(tmp_path: Path, monkeypatch) -> None:
    """Older warehouses keyed article_names by bare name and stored paths as typed: the next build keys them by
    source, retires nothing that is still there and renames nothing."""
    corpus = _corpus(tmp_path / "corpus", {"a.txt": SENTENCE, "b.txt": SENTENCE.replace("Chine", "Russie")})
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    monkeypatch.chdir(tmp_path)
    with duckdb.connect(str(db)) as con:  # article_names and paths as older builds of `corpus` wrote them
        con.execute("drop table article_names")
        con.execute("create table article_names (name varchar primary key, article_id varchar not null, "
                    "path varchar not null)")
        con.execute("insert into article_names select name, article_id, 'corpus/' || name from articles")
        con.execute("update articles set path = 'corpus/' || name")
        con.execute("delete from source_files")
    facts = _rows(db, "select fact_id, article from facts order by fact_id")
    result = build([corpus], db)
    assert result.retired == 0 and result.extracted == 0
    assert _rows(db, "select fact_id, article from facts order by fact_id") == facts
    assert _rows(db, "select source, name from article_names order by name") == [
        (str(corpus / "a.txt"), "a.txt"), (str(corpus / "b.txt"), "b.txt")]
    assert _rows(db, "select distinct path like '/%' from articles") == [(True,)]


def test_an_article_over_the_time_limit_is_an_error_and_the_build_goes_on(tmp_path: Path) -> None:
    """One slow article (a long single line) held the whole build: over the per-article limit it is an error naming
    it, not stored, and its file is read again next time. (A tiny limit stands in for a slow article.)"""
    corpus = _corpus(tmp_path / "corpus", {"long.txt": SENTENCE * 5000, "short.txt": SENTENCE.replace("Chine", "Russie")})
    db = tmp_path / "w.duckdb"
    result = build([corpus], db, workers=1, article_seconds=0.2)
    assert [str(e) for e in result.errors] == [
        "long.txt: extraction stopped at the per-article limit of 0.2 s (CORRIDOR_ARTICLE_SECONDS); article skipped"]
    assert _rows(db, "select name from articles") == [("short.txt",)]
    assert _rows(db, "select article, partner from facts") == [("short.txt", "RUS")]
    assert _rows(db, "select path from source_files") == [(str(corpus / "short.txt"),)]
    assert _rows(db, "select message from ingest_errors where severity = 'error'") == [(result.errors[0],)]


def test_an_extractor_failure_costs_its_article_only() -> None:
    """Whatever the extractor raises on one article is a line naming it (a title of the wrong type made it raise)."""
    from corridor.ingest import Article
    from corridor.pipeline import extract_safely

    facts, events, error = extract_safely(Article(name="t.txt", path="", text=SENTENCE, title=2024, lang="fr"))
    assert (facts, events) == ([], [])
    assert error.startswith("t.txt: extraction failed (AttributeError: ") and error.endswith("; article skipped")


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_pool_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    """SIGKILL to a build: its extraction workers exit too instead of running on as orphans."""
    import signal
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"n{i}.txt").write_text(SENTENCE.replace("31,5", f"{i + 1},5") * 300, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "corridor.cli", "build", str(corpus), "--db", str(tmp_path / "w.duckdb"),
                          "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(p.pid)) < 2 and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, "the build never started its workers"
        p.send_signal(signal.SIGKILL)
        p.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "workers outlived the build"
    finally:
        p.kill()
        for w in filter(_alive, workers):
            os.kill(w, signal.SIGKILL)


def _hold(db: Path, read_only: bool, seconds: float) -> subprocess.Popen:
    """Another process with the warehouse open (read-only: a report's or a notebook's query), for `seconds`."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, time
        con = duckdb.connect({str(db)!r}, read_only={read_only})
        print("held", flush=True)
        time.sleep({seconds})
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def _cli_build(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corridor.cli", "build", *args], capture_output=True, text=True,
                          timeout=120, **kw)


def test_a_build_waits_for_readers_saying_so(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    holder = _hold(db, read_only=True, seconds=2)
    try:
        r = _cli_build(str(ARTICLES), "--db", str(db), "--wait", "60")
        assert r.returncode == 0, r.stderr
        assert f"{db}: open for reading in another process (a report, a notebook); waiting up to 60 s" in r.stderr
    finally:
        holder.kill()
        holder.wait()
    holder = _hold(db, read_only=True, seconds=60)
    try:
        r = _cli_build(str(ARTICLES), "--db", str(db), "--wait", "0.5")
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert r.stderr.strip().splitlines()[-1] == (
            f"error: {db}: warehouse is locked by another corridor process (open for reading; waited 0.5 s)")
    finally:
        holder.kill()
        holder.wait()


def test_an_open_notebook_never_blocks_a_build(tmp_path: Path) -> None:
    """The notebook API holds no lock between queries: a build runs while a notebook has its connection open,
    and the notebook's next query sees what the build wrote."""
    import corridor

    corpus = _corpus(tmp_path / "corpus", {"a.txt": SENTENCE})
    db = tmp_path / "w.duckdb"
    build([corpus], db)
    con = corridor.connect(db)
    assert corridor.facts(con=con).height == 1
    _corpus(corpus, {"b.txt": SENTENCE.replace("Chine", "Russie")})
    r = _cli_build(str(corpus), "--db", str(db), "--wait", "0")
    assert r.returncode == 0, r.stderr
    assert "waiting" not in r.stderr
    assert corridor.facts(con=con).height == 2
    assert con.sql("select count(*) from articles").fetchall() == [(2,)]


def test_a_full_disk_is_one_line_and_the_warehouse_stays_as_it_was(tmp_path: Path) -> None:
    """Writes that fail (here past a file-size limit, as on a full disk) end the build with one line saying the
    previous warehouse is intact, which it is (this was 60 lines ending in 'cannot rollback')."""
    import resource
    import signal

    db = tmp_path / "w.duckdb"
    build([ARTICLES], db)
    before = _rows(db, "select fact_id from facts order by fact_id")
    corpus = tmp_path / "more"
    corpus.mkdir()
    for i in range(100):
        (corpus / f"n{i}.txt").write_text(SENTENCE.replace("31,5", f"{i + 1},5") * 5, encoding="utf-8")

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG, as with ENOSPC
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    r = _cli_build(str(corpus), "--db", str(db), "--workers", "1", preexec_fn=full_disk)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip().splitlines() == [
        f"error: {db}: the build could not write the warehouse (File too large); the previous warehouse is intact"]
    assert _rows(db, "select fact_id from facts order by fact_id") == before
    build([corpus], db)
    assert len(_rows(db, "select fact_id from facts")) == len(before) + 100


def _read_only(folder: Path) -> list[str] | None:
    """A command prefix that runs with `folder` on a read-only file system (a read-only bind mount in a mount
    namespace of its own), or None where namespaces cannot be had."""
    prefix = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
              'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', str(folder)]
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True, text=True)
    return prefix if "Read-only file system" in probe.stderr else None


def test_a_read_only_warehouse_is_one_line(tmp_path: Path) -> None:
    """A warehouse on a read-only disk: one line, the warehouse untouched (this was a chained traceback)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "w.duckdb"
    build([ARTICLES], db)
    before = _rows(db, "select fact_id from facts order by fact_id")
    prefix = _read_only(folder)
    if prefix is None:
        pytest.skip("no mount namespace to make a read-only disk in")
    r = subprocess.run([*prefix, sys.executable, "-m", "corridor.cli", "build", str(ARTICLES), "--db", str(db),
                        "--rebuild"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip().splitlines() == [
        f"error: {db}: cannot open the warehouse for writing (Read-only file system); the previous warehouse is intact"]
    assert _rows(db, "select fact_id from facts order by fact_id") == before


def _good_corpus(root: Path) -> Path:
    """Good files of every format, two of one name in two folders, two dumps numbering their records alike."""
    import json

    from conftest import FIXTURES

    shutil.copytree(ARTICLES, root, ignore=shutil.ignore_patterns("README.md"))
    shutil.copytree(FIXTURES / "press", root / "press")
    _corpus(root, {"x/a.txt": SENTENCE, "y/a.txt": SENTENCE.replace("Chine", "Russie")})
    (root / "utf16.txt").write_bytes(SENTENCE.replace("Chine", "Turquie").encode("utf-16"))
    for k, dump in enumerate(("d1.jsonl", "d2.jsonl")):
        (root / dump).write_text("".join(json.dumps({"id": i, "text": SENTENCE.replace("31,5", f"{k}{i},5")},
                                                    ensure_ascii=False) + "\n" for i in (1, 2, 3)), encoding="utf-8")
    return root


def _break_everything(root: Path) -> tuple[set[str], set[str]]:
    """Add a file of every broken kind the issue lists. Returns the names of the files refused (each named on a
    line of ingest_errors) and of the articles that load all the same."""
    import json

    from corridor.ingest.readers import shown

    bad = {  # name -> bytes: refused files
        "empty.txt": b"", "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "broken.json": b"{broken",
        "deep.json": b"[" * 100_000, "textless.jsonl": b'{"title": "sans texte"}\n',
        "laughs.md": b"---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\n" + SENTENCE.encode(),
        "two\nlines.txt": b"", "unclosed.md": b"---\ntitle: x\n" + SENTENCE.encode(),
    }
    for name, data in bad.items():
        (root / name).write_bytes(data)
    (root / "big.txt").write_bytes(b"")
    os.truncate(root / "big.txt", 60 * 2**20)  # sparse: over the size limit at no cost
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "up").symlink_to("..")
    (root / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    # files with trouble that still load, with a warning
    odd = {"title_int.md": "---\ntitle: 2024\n---\n", "title_bool.md": "---\ntitle: yes\n---\n",
           "title_date.md": "---\ntitle: 2024-01-01\n---\n", "title_list.md": "---\ntitle: [a, b]\n---\n",
           "feb30.md": "---\ndate: 2025-02-30\n---\n", "dateline.txt": "Astana, 3 mars 99999 — ",
           "<!--<script>.txt": "", "[/x] markup.txt": ""}
    for i, (name, head) in enumerate(odd.items()):
        (root / name).parent.mkdir(parents=True, exist_ok=True)  # "[/x] markup.txt": a folder "[" and a file
        (root / name).write_text(head + SENTENCE.replace("31,5", f"{i + 50},5") + "\n", encoding="utf-8")
    (root / "fields.jsonl").write_text(json.dumps({"text": SENTENCE.replace("31,5", "70"), "url": 5,
                                                   "source": {"a": 1}}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / os.fsdecode(b"caf\xe9.txt")).write_text(SENTENCE.replace("31,5", "71"), encoding="utf-8")
    refused = {shown(n) for n in (*bad, "big.txt", "loop.txt", "up", "gone.txt", "pipe.txt")}  # "two\\nlines.txt"
    return refused, {*odd, "fields.jsonl#1", "caf\\xe9.txt"}


FACT_FIELDS = ("article, indicator, measure, reporter, partner, value, unit, per, qualifier, period_start, period_end, "
               "period_kind, route, evidence, char_start, char_end")


def test_chaos_costs_no_good_file_anything(tmp_path: Path) -> None:
    """A corpus mixing good files with every broken kind of the issue: the build goes through, says one line per
    broken file, and every good file's facts are exactly those of a clean build of the good files alone."""
    clean_db, chaos_db = tmp_path / "clean.duckdb", tmp_path / "chaos.duckdb"
    clean = _good_corpus(tmp_path / "clean")
    build([clean], clean_db)
    good = [r[0] for r in _rows(clean_db, "select name from article_names order by name")]
    assert len(good) >= 20
    chaos = _good_corpus(tmp_path / "chaos")
    refused, loaded = _break_everything(chaos)
    for attempt in range(2):  # the same again: nothing alternates between builds
        r = _cli_build(str(chaos), "--db", str(chaos_db), "--workers", "2")
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        lines = r.stderr.splitlines()
        assert all(line.startswith(("error: ", "warning: ", f"{chaos_db}: ")) for line in lines), lines
        named = {m for (m,) in _rows(chaos_db, "select message from ingest_errors where severity = 'error' and "
                                              "run_id = (select run_id from runs order by started_at desc limit 1)")}
        assert {n for n in refused if not any(m.startswith(f"{n}: ") for m in named)} == set(), named
        assert loaded <= {n for (n,) in _rows(chaos_db, "select name from article_names")}
        for sql in (f"select {FACT_FIELDS} from facts where article in (select unnest(?)) order by all",
                    "select name, title, published from articles where name in (select unnest(?)) order by all"):
            with duckdb.connect(str(clean_db), read_only=True) as a, duckdb.connect(str(chaos_db), read_only=True) as b:
                assert b.execute(sql, [good]).fetchall() == a.execute(sql, [good]).fetchall(), attempt
