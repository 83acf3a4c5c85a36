"""Tables: a caption's unit and scale, a row's country and a column's year make each bare number cell a fact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corridor.extract import extract_facts
from corridor.ingest.readers import read_path

PUB = date(2025, 2, 20)

CAPTIONED = (
    "Le commerce extérieur du Kazakhstan a atteint 141,4 milliards de dollars en 2024.\n\n"
    "Principaux partenaires commerciaux du Kazakhstan (en millions de dollars)\n\n"
    "| Pays | 2023 | 2024 | Variation (%) |\n|---|---:|---:|---:|\n"
    "| Chine | 41 012 | 43 821 | 6,8 |\n| Russie | 26 374 | 28 215 | 7,0 |\n| Total | 125 300 | 141 400 | 12,8 |\n\n"
    "Les échanges avec l'Ouzbékistan ont progressé de 5,5 %.\n"
)


def _facts(text: str) -> list[dict]:
    facts = [f.as_record() for f in extract_facts(text, "t.md", PUB)]
    for f in facts:
        assert text[f["char_start"]:f["char_end"]] == f["evidence"]
    return facts


def _one(facts: list[dict], **want: object) -> dict:
    found = [f for f in facts if all(f[k] == v for k, v in want.items())]
    assert len(found) == 1, (want, facts)
    return found[0]


def test_captioned_table_gives_one_fact_per_number_cell() -> None:
    facts = _facts(CAPTIONED)
    table = (CAPTIONED.index("| Pays"), CAPTIONED.index("Les échanges avec"))
    cells = [f for f in facts if table[0] < f["char_start"] < table[1]]
    # two years and a change for each of three rows, but for the 2024 total: the text states it already, one fact
    assert len(cells) == 8
    china = _one(facts, evidence="43 821")
    assert (china["indicator"], china["value"], china["unit"]) == ("trade_turnover", 43_821e6, "USD")
    assert {china["reporter"], china["partner"]} == {"KAZ", "CHN"}
    assert (china["period_start"], china["period_end"], china["period_kind"]) == ("2024-01-01", "2024-12-31", "year")
    assert _one(facts, evidence="26 374")["period_start"] == "2023-01-01"
    # a change column is the change to the latest year
    change = _one(facts, evidence="7,0")
    assert (change["measure"], change["value"], change["unit"], change["period_start"]) == \
        ("change_pct", 7.0, "%", "2024-01-01")
    # the total row is the reporter's own figure
    total = _one(facts, evidence="125 300")
    assert (total["reporter"], total["partner"], total["value"]) == ("KAZ", None, 125_300e6)
    assert _one(facts, value=141_400e6)["evidence"] == "141,4 milliards de dollars en 2024"


def test_rows_are_items_not_the_subject_of_the_next_sentence() -> None:
    after = _one(_facts(CAPTIONED), evidence="5,5 %")
    assert {after["reporter"], after["partner"]} == {"UZB", "KAZ"}


@pytest.mark.parametrize(("caption", "expected"), [
    ("Exportations de l'Ouzbékistan par destination (en millions de dollars)", ("exports", "UZB", "CHN", 41_012e6)),
    ("Investissements étrangers en Ouzbékistan par pays d'origine (en millions de dollars)",
     ("investment", "CHN", "UZB", 41_012e6)),
    ("Fret ferroviaire de l'Ouzbékistan (en milliers de tonnes)", ("transit_cargo", "UZB", "CHN", 41_012e3)),
    ("Livraisons de gaz turkmène, en milliards de mètres cubes", ("gas_supply", "TKM", "CHN", 41_012e9)),
])
def test_the_caption_says_what_and_which_way(caption: str, expected: tuple) -> None:
    text = f"{caption}\n\n| Pays | 2024 |\n|---|---|\n| Chine | 41 012 |\n"
    f = _one(_facts(text), evidence="41 012")
    assert (f["indicator"], f["reporter"], f["partner"], f["value"]) == expected


@pytest.mark.parametrize("caption", [
    "Principaux partenaires commerciaux",  # no unit: a bare number says nothing
    "PIB par pays (en milliards de dollars)",  # not a trade figure
    "Commerce par pays (en millions de dollars).\n\nUne phrase.",  # the line above is a sentence, not a caption
])
def test_a_table_without_a_unit_or_of_something_else_gives_nothing(caption: str) -> None:
    text = f"{caption}\n\n| Pays | 2024 |\n|---|---|\n| Chine | 41 012 |\n"
    assert _facts(text) == []


def test_cells_stating_their_unit_are_read_once() -> None:
    text = ("Échanges du Kazakhstan (en millions de dollars)\n\n| Pays | 2024 |\n|---|---|\n"
            "| Chine | 43,8 milliards de dollars |\n")
    facts = _facts(text)
    assert [f["value"] for f in facts] == [43.8e9]


def test_cells_stating_their_unit_need_no_caption_unit() -> None:
    text = ("Échanges du Kazakhstan par partenaire\n\n| Pays | 2024 |\n|---|---|\n"
            "| Chine | 43,8 milliards de dollars |\n| Russie | 28 215 |\n")
    facts = _facts(text)
    assert [(f["partner"], f["value"], f["period_start"]) for f in facts] == [("CHN", 43.8e9, "2024-01-01")]


def test_html_table_through_the_reader(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text(
        "<html lang='fr'><head><title>Commerce</title></head><body><article><h1>Le commerce du Kazakhstan</h1>"
        "<p>Le commerce extérieur du Kazakhstan a atteint 141,4 milliards de dollars en 2024, selon le Bureau des "
        "statistiques nationales, qui publie chaque année la ventilation par pays.</p>"
        "<table><caption>Principaux partenaires commerciaux du Kazakhstan (en millions de dollars)</caption>"
        "<tr><th>Pays</th><th>2023</th><th>2024</th></tr><tr><td>Chine</td><td>41 012</td><td>43 821</td></tr>"
        "</table><p>Les échanges avec l'Ouzbékistan ont progressé de 5,5 % sur la même période.</p>"
        "</article></body></html>", encoding="utf-8")
    article = read_path(page)[0]
    facts = [f.as_record() for f in extract_facts(article.text, article.name, PUB)]
    china = _one(facts, evidence="43 821")
    assert (china["value"], china["period_start"]) == (43_821e6, "2024-01-01")


def test_countries_across_and_years_down(tmp_path: Path) -> None:
    """A transposed table; a footnote mark is not part of the figure; a table-heavy page is still French."""
    page = tmp_path / "t.md"
    page.write_text("---\ntitle: Commerce\ndate: 2025-02-20\n---\n\n"
                    "Échanges de l'Ouzbékistan avec ses voisins (en millions de dollars)\n\n"
                    "| Année | Kazakhstan | Kirghizstan | Tadjikistan |\n|:--|--:|--:|--:|\n"
                    "| 2022 | 4 560 | 1 021 | 530* |\n| 2023 | 4 810 | 1 240 | n.d. |\n\n\\* estimation\n",
                    encoding="utf-8")
    article = read_path(page)[0]
    assert article.lang == "fr"
    facts = [f.as_record() for f in extract_facts(article.text, article.name, article.published)]
    got = sorted((f["partner"], f["period_start"][:4], f["value"], f["evidence"]) for f in facts)
    assert got == [("KAZ", "2022", 4_560e6, "4 560"), ("KAZ", "2023", 4_810e6, "4 810"),
                   ("KGZ", "2022", 1_021e6, "1 021"), ("KGZ", "2023", 1_240e6, "1 240"),
                   ("TJK", "2022", 530e6, "530")]
    assert {f["reporter"] for f in facts} == {"UZB"}


def test_indicators_down_and_years_across() -> None:
    """A row label says what it measures (and its unit); the sides are the label's, else the article's; a cell
    repeating a figure the text states is the same fact."""
    text = ("Les échanges entre l'Ouzbékistan et l'Azerbaïdjan ont atteint 276 millions de dollars en 2024.\n\n"
            "| Indicateur | 2023 | 2024 |\n|---|---|---|\n"
            "| Commerce bilatéral (M$) | 210,6 | 276,0 |\n"
            "| Entreprises à capitaux azerbaïdjanais en Ouzbékistan | 150 | 212 |\n"
            "| Population (millions) | 36,8 | 37,5 |\n")
    facts = _facts(text)
    assert len(facts) == 4, facts
    trade = _one(facts, indicator="trade_turnover", period_start="2023-01-01")
    assert (trade["value"], trade["unit"], {trade["reporter"], trade["partner"]}) == (210.6e6, "USD", {"UZB", "AZE"})
    assert len([f for f in facts if f["indicator"] == "trade_turnover" and f["period_start"] == "2024-01-01"]) == 1
    firms = _one(facts, indicator="companies", period_start="2024-01-01")
    assert (firms["value"], firms["reporter"], firms["partner"]) == (212, "AZE", "UZB")
