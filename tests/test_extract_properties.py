"""Extraction never crashes and every offset slices to its evidence, whatever the input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.extract import extract_facts

FRAGMENTS = [
    "Les échanges entre le Kazakhstan et la Chine ont atteint ", "3,5 millions de tonnes", " en 2024", ", en hausse de 20 %",
    "plus de ", "environ ", "les investissements turcs en Azerbaïdjan ", "s'élèvent à ", "1 234,5 milliards de dollars",
    " l'an dernier", " entre janvier et août 2025", ". ", "\n", "M. Aliyev", " a doublé", " multiplié par ", "deux",
    "«", "»", "–", "\u00a0", "\u202f", "%", "Md$", "12", ",", "d'ici 2030", "porter à ", " par an", "accords",
    # tables: rows, separators, a captioned unit
    "|", " | ", "|---|---|\n", "| Chine | 41 012 |\n", "| Pays | 2023 | 2024 |\n", "(en millions de dollars)\n",
    "| Total | ", "Exportations ", "-5,2",
]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for f in extract_facts(text, "x.txt", date(2024, 5, 1)):
        assert text[f.char_start:f.char_end] == f.evidence


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30), st.none() | st.dates())
def test_french_like_text_offsets_slice_to_evidence(parts: list[str], pub: date | None) -> None:
    text = "".join(parts)
    for f in extract_facts(text, "x.txt", pub):
        assert text[f.char_start:f.char_end] == f.evidence
        assert f.char_start < f.char_end
        assert f.reporter
        if f.period_start and f.period_end:
            assert f.period_start <= f.period_end
