"""The review queue and the notebook decisions: `corridor review` walks the facts nobody decided about, least
certain first, takes one key per decision (driven here through its input stream, as a pipe feeds it) and writes
each answer at once, so an interrupted session keeps every answer; `--stats` gives the extractor's agreement with
the reviewers; corridor.confirm / correct / reject / add write the same file."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import yaml

import corridor
from conftest import CORRECTIONS
from corridor.pipeline import build
from corridor.review import entries, queue

CLI = [sys.executable, "-m", "corridor.cli"]


@pytest.fixture
def wh(built_db: Path, tmp_path: Path) -> Path:
    """A copy of the session's warehouse and its corrections file, to write decisions into."""
    db = tmp_path / "corridor.duckdb"
    shutil.copy(built_db, db)
    shutil.copy(CORRECTIONS, tmp_path / "corrections.yaml")
    return db


def review(db: Path, keys: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "review", "--db", str(db), "--who", "tester", *args], input=keys,
                          capture_output=True, text=True, timeout=120)


def written(db: Path) -> list[entries.Entry]:
    return entries.load(db.parent / "corrections.yaml")[len(entries.load(CORRECTIONS)):]


def test_the_queue_is_least_certain_first_and_skips_what_is_decided(wh: Path) -> None:
    todo = queue.pending(wh)
    confidences = [f["confidence"] for f in todo]
    assert todo and confidences == sorted(confidences)
    decided = {"470 millions de dollars en 2024", "environ 170 accords", "plus de 3,7 milliards de dollars",
               "1,5 million de tonnes de pétrole kazakh par an", "ont signé un accord militaire"}
    assert not decided & {f["evidence"] for f in todo}
    assert {f["indicator"] for f in queue.pending(wh, indicator="investment")} == {"investment"}
    assert all("TUR" in (f["reporter"], f["partner"]) for f in queue.pending(wh, country=["TUR"]))
    assert {f["article"] for f in queue.pending(wh, article="004_")} == {"004_dd1ffc116b580e20.txt"}


def test_answers_from_the_input_stream_are_written_and_applied(wh: Path) -> None:
    first, second, third = queue.pending(wh)[:3]
    r = review(wh, "c\nn\nnot a trade figure: a count of visits\nr\ne\npartner\nTurquie\ns\nq\n")
    assert r.returncode == 0, r.stderr
    assert f"[[{first['evidence']}]]" in r.stdout  # the figure highlighted in its sentence
    assert "confidence" in r.stdout and "why" in r.stdout and "indicator" in r.stdout
    assert "3 answers saved to" in r.stderr and "corridor build" in r.stderr
    got = written(wh)
    assert [(e.action, e.evidence, e.fields) for e in got] == [
        ("confirm", first["evidence"], {}), ("reject", second["evidence"], {}),
        ("correct", third["evidence"], {"partner": "TUR"})]
    assert all(e.who == "tester" and e.when and e.problem is None and e.span for e in got)
    assert [e.note for e in got] == ["", "not a trade figure: a count of visits", ""]  # a note is the fact's own
    build([], wh)  # nothing to read: the warehouse's articles stay, the corrections apply
    with duckdb.connect(str(wh), read_only=True) as con:
        status = dict(con.execute("select fact_id, status from reviewed_facts").fetchall())
        partner = con.execute("select partner from facts where fact_id = ?", [third["fact_id"]]).fetchone()[0]
    assert status[first["fact_id"]] == "confirmed" and status[second["fact_id"]] == "rejected"
    assert status[third["fact_id"]] == "corrected" and partner == "TUR"


def test_wrong_input_is_said_and_asked_again(wh: Path) -> None:
    first = queue.pending(wh)[0]
    name, code = ("Turquie", "TUR") if first["reporter"] == "KAZ" else ("Kazakhstan", "KAZ")
    r = review(wh, f"x\ne\ncolour\nreporter\nAtlantis\n{name}\nq\n")
    assert r.returncode == 0, r.stderr
    assert "keys: c confirm, r reject, e edit a field, n note, s skip, q quit" in r.stdout
    assert "✗ no field 'colour'" in r.stdout and "✗ reporter 'Atlantis' is no country code or name" in r.stdout
    [e] = written(wh)
    assert (e.action, e.evidence, e.fields) == ("correct", first["evidence"], {"reporter": code})


def test_an_interrupted_session_keeps_every_answer(wh: Path) -> None:
    """Two answers, then the process is killed (SIGKILL: no cleanup at all) while it waits for the third."""
    todo = queue.pending(wh)
    proc = subprocess.Popen([*CLI, "review", "--db", str(wh), "--who", "tester"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(proc, f"(1 of {len(todo)}) > ")
        proc.stdin.write(b"c\n")
        proc.stdin.flush()
        _wait_for(proc, f"(2 of {len(todo)}) > ")
        proc.stdin.write(b"r\n")
        proc.stdin.flush()
        _wait_for(proc, f"(3 of {len(todo)}) > ")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    got = written(wh)
    assert [(e.action, e.evidence) for e in got] == [("confirm", todo[0]["evidence"]), ("reject", todo[1]["evidence"])]
    yaml.safe_load((wh.parent / "corrections.yaml").read_text(encoding="utf-8"))  # still one valid file
    resumed = queue.pending(wh)  # the next session starts where this one stopped
    assert [f["fact_id"] for f in resumed] == [f["fact_id"] for f in todo[2:]]


def test_the_end_of_input_ends_the_session_with_its_answers(wh: Path) -> None:
    r = review(wh, "c\ne\nvalue\n")  # the input ends in the middle of an edit
    assert r.returncode == 0 and "1 answer saved" in r.stderr
    assert [e.action for e in written(wh)] == ["confirm"]


def _wait_for(proc: subprocess.Popen, text: str, timeout: float = 60) -> str:
    seen, deadline = b"", time.monotonic() + timeout
    fd = proc.stdout.fileno()
    while text.encode() not in seen:
        left = deadline - time.monotonic()
        assert left > 0 and proc.poll() is None, f"no {text!r} in {seen.decode(errors='replace')[-400:]!r}"
        if select.select([fd], [], [], left)[0]:
            seen += os.read(fd, 65536)
    return seen.decode()


def test_stats_give_the_agreement_live(wh: Path) -> None:
    """`--stats` reads the corrections file as it is now: an answer counts before any build."""
    r = subprocess.run([*CLI, "review", "--db", str(wh), "--stats"], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "120"})
    assert r.returncode == 0, r.stderr
    assert "agreement by indicator" in r.stdout and "agreement by confidence" in r.stdout
    by = corridor.agreement(db=wh).to_dicts()
    assert {x["indicator"]: (x["reviewed"], x["confirmed"]) for x in by}["all"] == (4, 2)
    review(wh, "r\nq\n")
    after = {x["indicator"]: x for x in corridor.agreement(db=wh).to_dicts()}
    assert (after["all"]["reviewed"], after["all"]["confirmed"], after["all"]["rejected"]) == (5, 2, 2)
    assert after["all"]["agreement"] == pytest.approx(2 / 5)
    bands = corridor.agreement(db=wh, by="confidence")
    assert set(bands["confidence"]) <= {"high", "medium", "low", "added", "all"}


def test_nothing_left_to_review_is_said(wh: Path) -> None:
    r = review(wh, "", "--indicator", "oil_transit")
    assert r.returncode == 0 and "nothing to review" in r.stderr
    bad = review(wh, "", "--indicator", "bananas")
    assert bad.returncode == 2 and "unknown indicator" in bad.stderr


def test_notebook_decisions_write_the_same_file(wh: Path) -> None:
    f = corridor.facts(db=wh, status="extracted").sort("confidence").row(0, named=True)
    e = corridor.correct(f, db=wh, who="nb", note="checked against the ministry's table", value=f["value"] * 2)
    assert e["action"] == "correct" and e["span"] == [f["char_start"], f["char_end"]] and e["who"] == "nb"
    assert e["was"]["indicator"] == f["indicator"] and "fact_id" not in e  # keyed by the span, never the id
    corridor.confirm(f["fact_id"], db=wh, who="nb")
    second = corridor.facts(db=wh, status="extracted").sort("confidence").row(1, named=True)
    corridor.reject(second, db=wh, who="nb", note="not a trade figure")
    corridor.add("003_ce0b867bfe2a5adf.txt", "Kourmangazy", db=wh, who="nb", indicator="companies", measure="level",
                 reporter="KAZ", partner="AZE", value=1, unit="count", note="a planted example")
    assert [x.action for x in written(wh)] == ["correct", "confirm", "reject", "add"]
    with pytest.raises(ValueError, match="measure 'huge' is none of"):
        corridor.correct(f, db=wh, measure="huge")
    with pytest.raises(ValueError, match=r"occurs \d+ times"):
        corridor.add("003_ce0b867bfe2a5adf.txt", "Corridor du Milieu", db=wh, indicator="visits", measure="level",
                     reporter="AZE", value=1, unit="count")
    with pytest.raises(ValueError, match="add needs"):
        corridor.add("003_ce0b867bfe2a5adf.txt", "Kourmangazy", db=wh, indicator="visits")
    with pytest.raises(ValueError, match="no article"):
        corridor.add("nowhere.txt", "x", db=wh, indicator="visits", measure="level", reporter="AZE", value=1,
                     unit="count")
    build([], wh)
    with duckdb.connect(str(wh), read_only=True) as con:
        got = dict(con.execute("select fact_id, status from reviewed_facts").fetchall())
        value = con.execute("select value from facts where fact_id = ?", [f["fact_id"]]).fetchone()[0]
        added = con.execute("select count(*) from facts where status = 'added' and evidence = 'Kourmangazy'").fetchone()
    assert got[f["fact_id"]] == "corrected" and value == f["value"] * 2
    assert got[second["fact_id"]] == "rejected" and added == (1,)


def test_a_file_that_cannot_take_an_entry_is_refused(wh: Path) -> None:
    path = wh.parent / "corrections.yaml"
    path.write_text("corrections:\n  - action: confirm\n", encoding="utf-8")
    r = review(wh, "c\n")
    assert r.returncode == 2 and "must be a list of entries (`- action: …`), not a mapping" in r.stderr
    assert path.read_text(encoding="utf-8") == "corrections:\n  - action: confirm\n"
