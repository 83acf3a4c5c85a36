"""Every input format, and bad input: a clear one-line error naming the file, the rest goes on."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from corridor.ingest import IngestError, read_path
from corridor.ingest.dateline import parse_date, parse_dateline
from corridor.pipeline import read_articles

SENTENCE = "Les échanges commerciaux entre le Kazakhstan et la Chine ont atteint 31,5 milliards de dollars l'an dernier."


def test_txt_dateline_gives_place_and_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Tachkent, 22 septembre 2023 —\n{SENTENCE}\n", encoding="utf-8")
    [a] = read_path(f)
    assert (a.published, a.place, a.date_source, a.fmt, a.lang) == (date(2023, 9, 22), "Tachkent", "dateline", "txt", "fr")


@pytest.mark.parametrize(("line", "expected"), [
    ("Bakou, 11 octobre 2024 —", date(2024, 10, 11)),
    ("Astana, 1er mars 2025 – ", date(2025, 3, 1)),
    ("Nur-Sultan, le 5 juin 2020 -", date(2020, 6, 5)),
    ("Astana, 3 septembre 2025 (AFP) —", date(2025, 9, 3)),
    ("Le 27 octobre, les ministres", None),
])
def test_datelines(line: str, expected: date | None) -> None:
    got = parse_dateline(line + "\ntexte")
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-02-11", date(2025, 2, 11)),
    ("2025-02-11T08:30:00+01:00", date(2025, 2, 11)),
    ("11/02/2025", date(2025, 2, 11)),  # day first, as French writes it
    ("11.02.2025", date(2025, 2, 11)),
    ("1er mars 2025", date(2025, 3, 1)),
    ("mardi 1er avril 2025", date(2025, 4, 1)),
    ("31/02/2025", None),
    ("hier", None),
])
def test_front_matter_dates(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_unreadable_front_matter_date_warns_and_dateline_dates(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\ndate: hier soir\n---\nBakou, 11 octobre 2024 — {SENTENCE}\n", encoding="utf-8")
    [a] = read_path(f)
    assert (a.published, a.date_source) == (date(2024, 10, 11), "dateline")
    assert len(a.warnings) == 1 and "a.md" in a.warnings[0] and "hier soir" in a.warnings[0]


def test_markdown_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\ntitle: Commerce\ndate: 2024-05-02\nsource: Presse\nurl: https://example.org/x\nlang: fr\n---\n\n{SENTENCE}\n",
                 encoding="utf-8")
    [a] = read_path(f)
    assert (a.title, a.published, a.source, a.url, a.date_source) == ("Commerce", date(2024, 5, 2), "Presse",
                                                                      "https://example.org/x", "front_matter")
    assert a.text.startswith("Les échanges")


def test_text_file_with_front_matter(tmp_path: Path) -> None:
    """A .txt export may open with front matter: its date dates the article, the rest is the text."""
    f = tmp_path / "a.txt"
    f.write_text(f"---\ntitle: Commerce\ndate: 2024-05-02\n---\n\n{SENTENCE}\n", encoding="utf-8")
    [a] = read_path(f)
    assert (a.title, a.published, a.date_source) == ("Commerce", date(2024, 5, 2), "front_matter")
    assert a.text.startswith("Les échanges")


def test_text_file_with_dashes_that_are_no_front_matter_stays_text(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(f"---\n: [not yaml\n---\n{SENTENCE}\n", encoding="utf-8")
    [a] = read_path(f)
    assert a.published is None and a.text.startswith("---")


def test_broken_front_matter_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.md"
    f.write_text("---\ntitle: [unclosed\n---\ntext\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"broken\.md: broken front matter"):
        read_path(f)


def test_html_through_trafilatura_scripts_dropped(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Commerce sino-kazakh</title><meta name='date' content='2024-02-01'>"
        "<script>alert('x')</script></head><body><nav>Menu Accueil</nav><article><h1>Commerce</h1>"
        f"<p>{SENTENCE}</p><p>Les deux pays veulent aller plus loin dans leur coopération économique et logistique.</p>"
        "</article><footer>© 2024</footer></body></html>", encoding="utf-8")
    [a] = read_path(f)
    assert "31,5 milliards" in a.text
    assert "alert" not in a.text
    assert a.fmt == "html"


def test_jsonl_one_broken_line_others_load(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_text(json.dumps({"id": "one", "text": SENTENCE, "date": "2024-01-05"}, ensure_ascii=False) + "\n"
                 + "{not json\n" + json.dumps({"id": "two", "text": SENTENCE + " Bis."}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    arts = read_path(f)
    assert [a.name for a in arts] == ["dump.jsonl#1", "dump.jsonl#3"]  # a record is named by its line
    assert arts[0].published == date(2024, 1, 5)
    assert any("dump.jsonl:2" in w for w in arts[0].warnings)


def test_jsonl_dumps_with_other_field_names(tmp_path: Path) -> None:
    """Dumps name the body and the date differently ("content", "published_at"): both are read."""
    f = tmp_path / "dump.jsonl"
    f.write_text(json.dumps({"id": "a", "content": SENTENCE, "published_at": "2024-01-05T10:00:00Z"}, ensure_ascii=False)
                 + "\n" + json.dumps({"id": "b", "title": "sans texte"}) + "\n"
                 + json.dumps({"id": "c", "content": SENTENCE, "publishedAt": "2024-02-07T08:00:00Z"}, ensure_ascii=False)
                 + "\n", encoding="utf-8")
    a, c = read_path(f)
    assert (a.name, a.published, a.text) == ("dump.jsonl#1", date(2024, 1, 5), SENTENCE)
    assert (c.name, c.published) == ("dump.jsonl#3", date(2024, 2, 7))  # NewsAPI's field
    assert any("dump.jsonl:2" in w and "'content'" in w for w in a.warnings)


def test_json_files_as_news_please_writes_them(tmp_path: Path) -> None:
    """One article per .json file ("maintext", "date_publish"), or a list of them; a page's HTML in a field is
    read out as the article text."""
    one = tmp_path / "article.json"
    one.write_text(json.dumps({"title": "Titre", "maintext": SENTENCE, "date_publish": "2025-04-02 10:00:00"},
                              ensure_ascii=False), encoding="utf-8")
    [a] = read_path(one)
    assert (a.name, a.title, a.published, a.text, a.fmt) == ("article.json", "Titre", date(2025, 4, 2), SENTENCE, "json")
    page = f"<html><body><article><p>{SENTENCE}</p><p>{SENTENCE} Encore.</p></article></body></html>"
    many = tmp_path / "pages.json"
    many.write_text(json.dumps([{"id": "p1", "html": page, "published_date": "2025-01-10"}, {"title": "vide"}],
                               ensure_ascii=False), encoding="utf-8")
    [b] = read_path(many)
    assert b.name == "pages.json#1" and SENTENCE in b.text and "<p>" not in b.text
    assert any("pages.json:2" in w for w in b.warnings)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("nothing.jsonl", b"{broken\n", "no readable article"),
    ("broken.json", b"{broken", "not valid JSON"),
    ("textless.json", b'[{"title": "sans texte"}]', "no readable article"),
    ("doc.pdf", b"%PDF-1.4", "unsupported format"),
])
def test_bad_files_fail_with_one_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(IngestError) as e:
        read_path(f)
    assert name in str(e.value) and message in str(e.value)
    assert "\n" not in str(e.value)


def test_cp1252_is_decoded_with_a_warning_accents_kept(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Les échanges entre la Géorgie et l'Arménie ont progressé.".encode("cp1252"))
    [a] = read_path(f)
    assert "échanges" in a.text and "Géorgie" in a.text
    assert any("not UTF-8" in w for w in a.warnings)


def test_non_french_is_ingested_and_flagged(tmp_path: Path) -> None:
    f = tmp_path / "en.txt"
    f.write_text("Trade between Kazakhstan and China reached 31.5 billion dollars last year, officials said.",
                 encoding="utf-8")
    [a] = read_path(f)
    assert a.lang == "other"


@pytest.mark.parametrize(("text", "lang"), [
    # few of the common function words, but "à", "ont" and elisions ("l'Ouzbékistan", "qu'en") are French
    ("Le Kazakhstan a exporté 450 000 tonnes de céréales vers l'Ouzbékistan, soit plus qu'en 2023. Les livraisons de "
     "gaz russe à l'Ouzbékistan ont atteint 6,2 Gm3 en 2024.", "fr"),
    ("El comercio entre Kazajistán y China alcanzó 31 mil millones de dólares en 2023, según el ministerio.", "other"),
    # a one-line brief with none of the function words: the trade vocabulary is French
    ("BOTAŞ a importé 9,9 milliards de mètres cubes de gaz azerbaïdjanais en 2024.", "fr"),
    ("Der Handel zwischen Kasachstan und China erreichte 2023 31 Milliarden Dollar, sagte das Ministerium.", "other"),
])
def test_short_texts_language(text: str, lang: str) -> None:
    from corridor.ingest.readers import guess_lang

    assert guess_lang(text) == lang


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    errors: list[str] = []
    arts = list(read_articles([tmp_path], errors, []))
    assert [a.name for a in arts] == ["good.txt"]
    assert errors == ["empty.txt: empty file"]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    errors: list[str] = []
    assert list(read_articles([tmp_path / "nope"], errors, [])) == []
    assert "no such file" in errors[0]


def test_utf8_with_a_stray_byte_keeps_its_accents(tmp_path: Path) -> None:
    f = tmp_path / "stray.txt"
    f.write_bytes("Les échanges entre la Géorgie et l'Arménie ".encode() + b"\xff" + "ont progressé.".encode())
    [a] = read_path(f)
    assert "échanges" in a.text and "progressé" in a.text and "\ufffd" in a.text
    assert any("invalid UTF-8, 1 bad byte" in w for w in a.warnings)


def _read_folder(folder: Path) -> tuple[dict, list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    arts = {a.name: a for a in read_articles([folder], errors, warnings)}
    return arts, errors, warnings


def _one_line_naming(lines: list[str], name: str) -> str:
    """The lines about `name`, each one line starting with the name."""
    about = [m for m in lines if name in m]
    assert about and all("\n" not in m and m.startswith(name) for m in about), about
    return " | ".join(about)


@pytest.mark.parametrize(("name", "content", "field", "value"), [
    ("int.md", "---\ntitle: 2024\n---\n", "title", "2024"),  # what was written, as text
    ("bool.md", "---\ntitle: yes\n---\n", "title", "yes"),
    ("date.md", "---\ntitle: 2024-01-01\n---\n", "title", "2024-01-01"),
    ("list.md", "---\ntitle: [a, b]\n---\n", "title", None),
    ("mapping.txt", "---\nsource: {a: 1}\nurl: [x]\n---\n", "source", None),
    ("feb30.md", "---\ndate: 2025-02-30\n---\n", "published", None),
])
def test_wrong_typed_front_matter_is_typed_at_the_edge(tmp_path: Path, name: str, content: str, field: str,
                                                      value: object) -> None:
    """A front matter field of the wrong type is written out as text or dropped with a warning; the file and
    the others load (these aborted the whole build)."""
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / name).write_text(content + SENTENCE + "\n", encoding="utf-8")
    arts, errors, warnings = _read_folder(tmp_path)
    assert errors == [] and set(arts) == {"good.txt", name}
    assert getattr(arts[name], field) == value
    if value is None:
        _one_line_naming(warnings, name)
    from corridor.pipeline import extract_article

    assert extract_article(arts[name])[0]  # its facts are extracted like any other article's


def test_wrong_typed_record_fields_are_typed_at_the_edge(tmp_path: Path) -> None:
    """A dumped record's `url` or `source` that is no string is written out or dropped, with a warning."""
    f = tmp_path / "dump.jsonl"
    f.write_text(json.dumps({"text": SENTENCE, "url": 5, "source": {"a": 1}, "title": True, "date": 20240105},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    [a] = read_path(f)
    assert (a.url, a.source, a.title, a.published) == ("5", None, None, None)
    assert all("\n" not in w and w.startswith("dump.jsonl") for w in a.warnings) and len(a.warnings) == 3


@pytest.mark.parametrize(("name", "make", "message"), [
    ("deep.json", lambda p: p.write_text("[" * 100_000, encoding="utf-8"), "nested too deeply"),
    ("loop.txt", lambda p: p.symlink_to(p.name), "cannot read (Too many levels of symbolic links)"),
    ("up", lambda p: p.symlink_to(".."), "a link to a folder that contains it (a loop)"),
    ("gone.txt", lambda p: p.symlink_to("nowhere.txt"), "a broken link"),
    ("pipe.txt", lambda p: os.mkfifo(p), "not a regular file (a named pipe)"),
])
def test_a_file_that_cannot_be_read_is_one_line_and_the_others_load(tmp_path: Path, name: str, make, message: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SENTENCE, encoding="utf-8")
    make(corpus / name)
    arts, errors, _ = _read_folder(corpus)
    assert list(arts) == ["good.txt"]
    assert [e for e in errors if e.startswith(name)] == [e for e in errors if e.startswith(f"{name}: ")]
    assert message in _one_line_naming(errors, name)


def test_a_file_name_that_is_not_utf8_or_holds_a_newline_is_named_escaped(tmp_path: Path) -> None:
    """Such names are read, named on one line with escapes, and said so (a non-UTF-8 name crashed the build; a
    newline split the message)."""
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    arts, errors, warnings = _read_folder(tmp_path)
    assert list(arts) == ["caf\\xe9.txt"]
    assert "not UTF-8" in _one_line_naming(warnings, "caf\\xe9.txt")
    assert "empty file" in _one_line_naming(errors, "two\\nlines.txt")


def test_yaml_aliases_in_front_matter_are_refused(tmp_path: Path) -> None:
    """A few lines of nested aliases ("billion laughs") expand to gigabytes: the file is refused, in a line."""
    laughs = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\ntitle: *c\n"
    for name in ("laughs.md", "laughs.txt"):
        (tmp_path / name).write_text(f"---\n{laughs}---\n{SENTENCE}\n", encoding="utf-8")
        with pytest.raises(IngestError, match=rf"^{name}: front matter uses YAML aliases"):
            read_path(tmp_path / name)


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        f = tmp_path / f"{codec}.txt"
        data = SENTENCE.encode(codec)
        f.write_bytes(data if codec != "utf-16-be" else b"\xfe\xff" + data)
        [a] = read_path(f)
        assert a.text == SENTENCE and a.warnings == ()


def test_an_impossible_dateline_date_is_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Astana, 3 mars 99999 — {SENTENCE}\n", encoding="utf-8")
    [a] = read_path(f)
    assert a.published is None
    assert a.warnings == ("a.txt: dateline date '3 mars 99999' is not a valid date; the article is undated",)


def test_a_text_files_first_line_is_its_title_when_it_reads_as_one(tmp_path: Path) -> None:
    from corridor.ingest.readers import read_path

    cases = {
        "titled.txt": ("LES ÉCHANGES ENTRE BAKOU ET ASTANA PROGRESSENT\nLe commerce a atteint 470 millions.\n",
                       "LES ÉCHANGES ENTRE BAKOU ET ASTANA PROGRESSENT"),
        "heading.md": ("# Relations Turquie-Ouzbékistan\n\nLe commerce a atteint 3 milliards.\n",
                       "Relations Turquie-Ouzbékistan"),
        "dateline.txt": ("Tachkent, 22 septembre 2023 —\nLa Russie a repris la tête.\n", None),
        "sentence.txt": ("Le président a accordé une interview à l'agence Kazinform.\nIl a parlé du commerce.\n", None),
        "alone.txt": ("Une seule ligne sans rien d'autre\n", None),
        "front.md": ("---\ntitle: Le vrai titre\n---\nPremière ligne du texte\nLa suite.\n", "Le vrai titre"),
    }
    for name, (text, title) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read_path(tmp_path / name)[0].title == title, name
