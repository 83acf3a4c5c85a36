"""Publication dates saved pages state near their top: a clipping stamp, a date on a line of its own, a byline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corridor.ingest import read_path
from corridor.ingest.dateline import parse_header_date


@pytest.mark.parametrize(("head", "expected"), [
    ("  date 2023-05 Tachkent, 3 mai, UzA\n\nLe texte.", date(2023, 5, 31)),  # a stamp, the text on its line
    ("date 2021-11-30\nLe texte.", date(2021, 11, 30)),
    ("Titre de la page\n2013-12-11\n\nLe texte.", date(2013, 12, 11)),
    ("Titre\n\n25 Novembre 2024 15:27 (UTC+01:00)\nLe texte.", date(2024, 11, 25)),
    ("Titre\n\nJean Dupont, avril 25 2024\n\nLe texte.", date(2024, 4, 25)),
    ("Les échanges de 2023-2024 ont doublé.\nLe texte.", None),  # a range in a sentence is no date line
    ("Titre\n2013-02-31\nLe texte.", None),  # no such day
    ("Le texte commence.\n" * 8 + "2020-01-01\n", None),  # too far down to date the page
])
def test_header_dates(head: str, expected: date | None) -> None:
    assert parse_header_date(head) == expected


def test_a_stamp_dates_a_txt_and_resolves_its_relative_periods(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("  date 2022-12 Bakou, 14 décembre, AZERTAC\n\nCette année, les échanges entre l'Azerbaïdjan et "
                 "le Turkménistan ont atteint 1 milliard de dollars.\n", encoding="utf-8")
    [a] = read_path(f)
    assert (a.published, a.date_source) == (date(2022, 12, 31), "dateline")
