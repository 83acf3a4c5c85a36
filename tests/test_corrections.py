"""Corrections as data: data/corrections.yaml applied by every build, inside its transaction, over the extractor's
untouched rows; each entry found again after a rebuild, a new extractor version or an edit elsewhere in the
article; an entry that no longer applies named by the build and by validation; a broken file costs only itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
import yaml

from conftest import ARTICLES, CORRECTIONS
from corridor.pipeline import build
from corridor.review import entries
from corridor.validate import run_validation

A003, A004 = "003_ce0b867bfe2a5adf.txt", "004_dd1ffc116b580e20.txt"
BUNDLED = {  # evidence -> the status the bundled corrections give it
    "470 millions de dollars en 2024": "confirmed",
    "plus de 3,7 milliards de dollars": "confirmed",
    "environ 170 accords": "corrected",
    "1,5 million de tonnes de pétrole kazakh par an": "rejected",
    "ont signé un accord militaire": "added",
}


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def statuses(db: Path) -> dict[str, str]:
    shown = dict(rows(db, "select evidence, status from facts"))
    rejected = dict(rows(db, "select evidence, status from reviewed_facts where status = 'rejected'"))
    return {ev: st for ev, st in {**shown, **rejected}.items() if st != "extracted"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The bundled corpus and its corrections file, copied: data/ as the project has it."""
    data = tmp_path / "data"
    shutil.copytree(ARTICLES, data / "articles")
    shutil.copy(CORRECTIONS, data / "corrections.yaml")
    return data


def built(data: Path, **kw) -> Path:
    db = data / "corridor.duckdb"
    result = build([data / "articles"], db, workers=1, **kw)
    assert not result.errors, result.errors
    return db


def test_the_bundled_file_exercises_every_action_and_applies(built_db: Path) -> None:
    listed = entries.load(CORRECTIONS)
    assert {e.action for e in listed} == {"confirm", "correct", "reject", "add"}
    assert all(e.problem is None and e.who and e.when and e.note for e in listed)
    assert rows(built_db, "select outcome, count(*) from corrections group by all") == [("applied", len(listed))]
    assert statuses(built_db) == BUNDLED
    [(kind, fields, by, entry)] = rows(built_db, "select period_kind, corrected_fields, correction, reviewed_by "
                                                 "from facts where evidence = 'environ 170 accords'")
    assert (kind, fields, by) == ("as_of", ["period_kind"], "corrections.yaml#3") and entry


def test_the_raw_extraction_stays_in_the_warehouse(built_db: Path) -> None:
    """The rejected fact is gone from facts and every view but still in extracted_facts; the corrected fact's
    raw row keeps the extractor's reading; the added fact is in no raw table."""
    oil = "1,5 million de tonnes de pétrole kazakh par an"
    assert rows(built_db, "select count(*) from extracted_facts where evidence = ?", [oil]) == [(1,)]
    for view in ("facts", "series", "consensus"):
        assert rows(built_db, f"select count(*) from {view} where evidence = ?", [oil]) == [(0,)], view
    assert rows(built_db, "select period_kind from extracted_facts where evidence = 'environ 170 accords'") == [("year",)]
    assert rows(built_db, "select count(*) from extracted_facts where evidence = 'ont signé un accord militaire'") == [(0,)]
    n_raw, n_shown = rows(built_db, "select (select count(*) from extracted_facts), (select count(*) from facts)")[0]
    assert n_shown == n_raw - 1 + 1  # one rejected, one added


def test_reject_and_add_change_the_views(built_db: Path) -> None:
    assert rows(built_db, "select pair_label, value, status from series where indicator = 'agreements' "
                          "order by pair_label") == [("AZE–KAZ", 170.0, "corrected"), ("TUR–UZB", 1.0, "added")]
    assert rows(built_db, "select count(*) from series where indicator = 'oil_transit'") == [(0,)]
    assert rows(built_db, "select count(*) from coverage where pair_label = 'TUR–UZB'") == [(1,)]
    assert rows(built_db, "select status from consensus where indicator = 'agreements' and country_b = 'UZB'") == [("added",)]


def test_reject_and_add_change_the_report(site: Path) -> None:
    """The site's data and pages: the added fact has its pair page and its mark; the rejected one is nowhere."""
    facts = pl.read_csv(site.parent / "data" / "facts.csv")
    assert "1,5 million de tonnes de pétrole kazakh par an" not in facts["evidence"].to_list()
    added = facts.filter(pl.col("evidence") == "ont signé un accord militaire")
    assert added.height == 1 and added["status"][0] == "added" and added["pair_label"][0] == "TUR–UZB"
    assert (site.parent / "pair-TUR-UZB.html").exists()
    page = (site.parent / "articles" / f"{added['article_id'][0]}.html").read_text(encoding="utf-8")
    assert f'<mark id="f-{added["fact_id"][0]}" class="fact added"' in page
    assert "added by corridor maintainers on 2025-11-20" in page
    pages = [p.read_text(encoding="utf-8") for p in (site.parent / "articles").glob("*.html")]
    assert not any("pétrole kazakh par an</mark>" in p for p in pages)  # never marked as a figure
    [said] = [p for p in pages if "Read by the extractor, rejected by a person" in p]  # but said, with who and why
    assert "«1,5 million de tonnes de pétrole kazakh par an»: rejected by corridor maintainers on 2025-11-20" in said


def test_a_correction_survives_a_rebuild(corpus: Path) -> None:
    db = built(corpus)
    first = statuses(db)
    assert first == BUNDLED
    built(corpus)  # unchanged: nothing re-extracted, corrections applied again
    result = build([corpus / "articles"], db, workers=1, rebuild=True)  # everything re-extracted
    assert result.extracted == 5 and not result.errors
    assert statuses(db) == first


def test_a_correction_survives_a_new_extractor_version(corpus: Path, monkeypatch) -> None:
    """A new version re-extracts every article and cuts its spans otherwise (here: one word wider on the left, so
    every fact_id changes); each entry still finds its fact, by overlap."""
    import corridor.pipeline as pipeline

    db = built(corpus)
    old_ids = dict(rows(db, "select evidence, fact_id from facts where status != 'extracted'"))
    real = pipeline.extract_article

    def wider(article):
        facts, events = real(article)
        for f in facts:
            start = article.text.rfind(" ", 0, f.char_start - 1) + 1
            f.char_start, f.evidence = start, article.text[start:f.char_end]
        return facts, events

    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "99.0")
    monkeypatch.setattr(pipeline, "extract_article", wider)
    result = build([corpus / "articles"], db, workers=1)
    assert result.extracted == 5 and not result.errors
    assert [str(w) for w in result.warnings] == ["extractor version changed to 99.0: re-extracting older articles"]
    assert rows(db, "select outcome, count(*) from corrections group by all") == [("applied", 5)]
    now = {ev: st for ev, st in rows(db, "select evidence, status from facts where status != 'extracted'")}
    assert sorted(now.values()) == sorted(s for s in BUNDLED.values() if s != "rejected")
    assert "qui a atteint 470 millions de dollars en 2024" not in now  # the span is the new version's
    assert any(ev.endswith("470 millions de dollars en 2024") and ev != "470 millions de dollars en 2024" for ev in now)
    assert not set(old_ids.values()) & set(rows(db, "select fact_id from extracted_facts"))
    assert rows(db, "select count(*) from series where indicator = 'oil_transit'") == [(0,)]


def test_a_correction_survives_an_edit_elsewhere_in_the_article(corpus: Path) -> None:
    """A paragraph added at the top of both articles: their texts (and ids) change, every evidence moves; each
    entry finds its evidence again, nearest where it was."""
    db = built(corpus)
    before = dict(rows(db, "select evidence, char_start from facts where status != 'extracted'"))
    for name in (A003, A004):
        path = corpus / "articles" / name
        path.write_text("Mise à jour : cet entretien a été republié avec un chapeau.\n" + path.read_text(encoding="utf-8"),
                        encoding="utf-8")
    result = build([corpus / "articles"], db, workers=1)
    assert result.extracted == 2 and not result.warnings, result.warnings
    assert statuses(db) == BUNDLED
    assert rows(db, "select count(*) from corrections where outcome = 'applied' and moved") == [(5,)]
    after = dict(rows(db, "select evidence, char_start from facts where status != 'extracted'"))
    shift = len("Mise à jour : cet entretien a été republié avec un chapeau.\n")
    assert after == {ev: start + shift for ev, start in before.items()}
    assert rows(db, "select count(*) from retired_articles") == [(2,)]  # the old texts, kept


def test_an_entry_for_a_vanished_span_is_reported(corpus: Path) -> None:
    db = built(corpus)
    path = corpus / "articles" / A003
    path.write_text(path.read_text(encoding="utf-8").replace("environ 170 accords", "de nombreux accords"),
                    encoding="utf-8")
    result = build([corpus / "articles"], db, workers=1)
    assert not result.errors
    [warning] = result.warnings
    assert warning.startswith("corrections.yaml#3 (line ") and "«environ 170 accords» is no longer in" in warning
    assert rows(db, "select outcome from corrections where entry = 3") == [("span_missing",)]
    assert statuses(db) == {k: v for k, v in BUNDLED.items() if k != "environ 170 accords"}  # the others apply
    report = run_validation(db)
    [failed] = [r for r in report.results if not r.success]
    assert failed.suite == "corrections" and "span_found" in failed.rule and failed.failing_ids == ["corrections.yaml#3"]
    assert "no longer in" in failed.examples[0]["observed"]
    cli = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(corpus / "articles"), "--db", str(db)],
                         capture_output=True, text=True)
    assert cli.returncode == 0 and "corrections.yaml#3" in cli.stderr and "1 no longer apply" in cli.stderr


def test_entries_that_no_longer_apply_are_each_named(corpus: Path) -> None:
    """An article that is gone, a fact no longer read, an unknown action, a value the record does not allow: one
    named failure each (build warnings, the corrections suite); a corrected fact breaking a plausibility rule is
    named by the entry that made it."""
    extra = [
        {"action": "confirm", "article": "gone.txt", "evidence": "x", "who": "t", "when": "2025"},
        {"action": "confirm", "article": A003, "evidence": "La solidarité turcique", "who": "t", "when": "2025"},
        {"action": "approve", "article": A003, "evidence": "six fois", "who": "t", "when": "2025"},
        {"action": "correct", "article": A003, "evidence": "six fois", "fields": {"measure": "lots"}, "who": "t",
         "when": "2025"},
        {"action": "correct", "article": A003, "evidence": "547 millions entre janvier et août 2025",
         "fields": {"value": "5.47e14"}, "who": "t", "when": "2025"},
        {"action": "reject", "article": A003, "evidence": "La solidarité turcique", "who": "t", "when": "2025"},
    ]
    with (corpus / "corrections.yaml").open("a", encoding="utf-8") as f:
        f.write(yaml.safe_dump(extra, allow_unicode=True, sort_keys=False))
    db = built(corpus)
    outcomes = dict(rows(db, "select entry, outcome from corrections where entry > 5"))
    assert outcomes == {6: "article_missing", 7: "fact_missing", 8: "invalid", 9: "invalid", 10: "applied", 11: "moot"}
    report = run_validation(db)
    failing = {r.rule.split("(")[1].split(")")[0]: r for r in report.results if not r.success}
    assert failing["article_found"].failing_ids == ["corrections.yaml#6"]
    assert failing["fact_found"].failing_ids == ["corrections.yaml#7"]
    assert failing["entry_valid"].failing_ids == ["corrections.yaml#8", "corrections.yaml#9"]
    assert "measure 'lots' is none of" in " ".join(x["observed"] for x in failing["entry_valid"].examples)
    [value_rule] = [r for r in report.results if not r.success and r.suite == "facts"]
    assert "(corrected by corrections.yaml#10)" in value_rule.examples[0]["article"]
    assert statuses(db) == BUNDLED | {"547 millions entre janvier et août 2025": "corrected"}


def test_entries_apply_in_file_order(corpus: Path) -> None:
    """Two corrections of one fact both hold; a confirm after a reject brings it back; an `add` where the
    extractor reads the same figure corrects that fact instead of doubling it."""
    more = [
        {"action": "correct", "article": A003, "evidence": "six fois", "fields": {"partner": "Turquie"}, "who": "t",
         "when": "1"},
        {"action": "correct", "article": A003, "evidence": "six fois", "fields": {"qualifier": "approx"}, "who": "t",
         "when": "2"},
        {"action": "confirm", "article": A003, "span": [3384, 3430],
         "evidence": "1,5 million de tonnes de pétrole kazakh par an", "who": "t", "when": "3"},
        {"action": "add", "article": A003, "evidence": "Environ 250 entreprises à capitaux kazakhs",
         "fields": {"indicator": "companies", "measure": "level", "reporter": "KAZ", "partner": "AZE",
                    "value": 260, "unit": "count"}, "who": "t", "when": "4"},
    ]
    with (corpus / "corrections.yaml").open("a", encoding="utf-8") as f:
        f.write(yaml.safe_dump(more, allow_unicode=True, sort_keys=False))
    db = built(corpus)
    [(partner, qualifier, status, fields)] = rows(db, "select partner, qualifier, status, corrected_fields from facts "
                                                      "where evidence = 'six fois'")
    assert (partner, qualifier, status, sorted(fields)) == ("TUR", "approx", "corrected", ["partner", "qualifier"])
    assert rows(db, "select status from facts where evidence like '1,5 million%'") == [("confirmed",)]
    assert rows(db, "select value, status from facts where indicator = 'companies'") == [(260.0, "corrected")]


def test_a_broken_file_costs_only_itself(corpus: Path) -> None:
    """Broken YAML: one line naming the file and the problem, exit 1, the rest of the build done, the
    corrections the last build read still applied; a second run says the same and changes nothing."""
    db = built(corpus)
    path = corpus / "corrections.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- action: confirm\n  article: [unclosed\n", encoding="utf-8")
    (corpus / "articles" / "new.txt").write_text(
        "Bakou, 2 mai 2024 —\nLes échanges commerciaux entre l'Azerbaïdjan et la Géorgie ont atteint 900 millions de "
        "dollars en 2023.\n", encoding="utf-8")
    for _ in range(2):
        r = subprocess.run([sys.executable, "-m", "corridor.cli", "build", str(corpus / "articles"), "--db", str(db)],
                           capture_output=True, text=True)
        assert r.returncode == 1
        errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and str(path) in errors[0] and "not valid YAML at line" in errors[0], r.stderr
        assert statuses(db) == BUNDLED
        assert rows(db, "select count(*) from facts where article = 'new.txt'") == [(1,)]
        assert rows(db, "select count(*) from ingest_errors where path = ?", [str(path)])[0][0] >= 1


@pytest.mark.parametrize(("text", "problem"), [
    ("- &a {action: confirm}\n- *a\n", "aliases"),
    ("action: confirm\narticle: x\n", "must be a list of entries"),
    ("- action: confirm\n  evidence: [\n", "not valid YAML"),
])
def test_a_file_that_is_not_a_list_of_entries_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(entries.CorrectionsFileError, match=problem) as e:
        entries.load(path)
    assert str(path) in str(e.value) and "\n" not in str(e.value)
    path.write_bytes(b"- action: confirm\n  note: caf\xe9\n")
    with pytest.raises(entries.CorrectionsFileError, match="not UTF-8"):
        entries.load(path)


def test_scalars_are_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("- action: correct\n  article: a.txt\n  evidence: x\n  fields: {partner: NO, value: 1e3}\n"
                    "  who: yes\n  when: 2025-01-01\n", encoding="utf-8")
    [e] = entries.load(path)
    assert e.problem is None and e.fields == {"partner": "NO", "value": "1e3"} and e.who == "yes"
    assert entries.coerce("partner", "NO") == "NOR" and entries.coerce("value", "1e3") == 1000.0
    assert entries.coerce("partner", "null") is None and entries.coerce("reporter", "Kazakhstan") == "KAZ"
    with pytest.raises(ValueError, match="is no country"):
        entries.coerce("reporter", "Atlantis")


def test_a_warehouse_takes_the_corrections_named_after_it(corpus: Path) -> None:
    """data/corrections.yaml is data/corridor.duckdb's; a second warehouse in data/ reads its own file."""
    press = corpus / "press.duckdb"
    assert not build([corpus / "articles"], press, workers=1).warnings
    assert rows(press, "select count(*) from corrections") == [(0,)] and statuses(press) == {}
    shutil.copy(corpus / "corrections.yaml", corpus / "press.corrections.yaml")
    build([corpus / "articles"], press, workers=1)
    assert statuses(press) == BUNDLED


def test_an_article_is_found_under_another_build_root_or_renamed(corpus: Path, tmp_path: Path) -> None:
    """Building data/ instead of data/articles/ names every article `articles/003_….txt`: the entries still find
    theirs. A renamed file (same text) is found by the id of its text; a name two folders share is refused."""
    db = corpus / "corridor.duckdb"
    assert not build([corpus], db, workers=1).warnings
    assert rows(db, "select count(*) from facts where article like 'articles/%'")[0][0] > 0
    assert statuses(db) == BUNDLED
    (corpus / "articles" / A004).rename(corpus / "articles" / "turquie.txt")
    assert not build([corpus], db, workers=1).warnings
    assert statuses(db) == BUNDLED
    assert rows(db, "select distinct article from facts where status = 'added'") == [("articles/turquie.txt",)]
    shutil.copytree(corpus / "articles", corpus / "copy")
    (corpus / "copy" / A003).write_text((corpus / "copy" / A003).read_text(encoding="utf-8") + "\nFin.\n",
                                        encoding="utf-8")
    with (corpus / "corrections.yaml").open("a", encoding="utf-8") as f:  # no article_id to tell them apart
        f.write(yaml.safe_dump([{"action": "confirm", "article": A003, "evidence": "six fois", "who": "t",
                                 "when": "2025"}], allow_unicode=True))
    result = build([corpus], db, workers=1)
    assert [str(w) for w in result.warnings] == [
        f"corrections.yaml#6 (line 50): `article: {A003}` names 2 articles; give its full name"]
    # the entries with the id of the text they were decided on keep to it
    assert rows(db, "select distinct article from facts where status in ('confirmed', 'corrected') and "
                    "evidence <> 'plus de 3,7 milliards de dollars'") == [(f"articles/{A003}",)]
