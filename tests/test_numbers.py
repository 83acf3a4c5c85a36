"""French numbers: one golden table (with where each case came from) and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.extract.numbers import find_quantities, parse_number, parse_words

# (text, value, unit) — the whole first quantity found in `text`
GOLDEN = {
    "spec": [
        ("3,5 millions de tonnes", 3_500_000, "t"),
        # a scale and a unit in one symbol (session 6)
        ("6,2 Gm3", 6.2e9, "m3"),
        ("6,2 bcm", 6.2e9, "m3"),
        ("350 kt", 350_000, "t"),
        ("12 milliers de tonnes", 12_000, "t"),
        ("1 234,5 dollars", 1234.5, "USD"),
        ("12\u00a0500 tonnes", 12500, "t"),
        ("12\u202f500 EVP", 12500, "TEU"),
        ("1.234.567 euros", 1_234_567, "EUR"),
        ("deux millions de dollars", 2_000_000, "USD"),
        ("un milliard de mètres cubes", 1e9, "m3"),
        ("trois cent mille tonnes", 300_000, "t"),
        ("1,5 million de barils", 1_500_000, "bbl"),
        ("deux virgule cinq milliards de dollars", 2.5e9, "USD"),
        ("8 mds $", 8e9, "USD"),
        ("1,9 Md$", 1.9e9, "USD"),
        ("961 M$", 961e6, "USD"),
        ("400 M$", 400e6, "USD"),
        ("5 mln de dollars", 5e6, "USD"),
        ("20 %", 20, "%"),
        ("15 pour cent", 15, "%"),
        ("10 Mt", 10e6, "t"),
        ("4 300 milliards de tenge", 4.3e12, "KZT"),
        ("9 400 milliards de sums", 9.4e12, "UZS"),
        ("112,4 milliards de livres turques", 112.4e9, "TRY"),
        ("1 500 milliards de roubles", 1.5e12, "RUB"),
        ("1 087,4 millions de manats", 1_087_400_000, "AZN"),
        ("33 milliards de m³", 33e9, "m3"),
        ("10 millions de dollars américains", 10e6, "USD"),
        ("100 millions d'euros", 100e6, "EUR"),
        ("65 milliards de mètres cubes", 65e9, "m3"),
        ("50 k tonnes", 50_000, "t"),
        # the region's other currencies, a nationality telling two apart
        ("1,2 milliard de manats turkmènes", 1.2e9, "TMT"),
        ("300 millions de roubles biélorusses", 300e6, "BYN"),
        ("120 milliards de drams", 120e9, "AMD"),
        ("2 milliards de roupies pakistanaises", 2e9, "PKR"),
        ("50 milliards de yens", 50e9, "JPY"),
        ("400 millions de livres sterling", 400e6, "GBP"),
        ("2,1 G$", 2.1e9, "USD"),  # the Quebec press's billion
    ],
    "corpus": [
        ("9 300 millions USD", 9.3e9, "USD"),
        ("22,07 milliards de dollars", 22.07e9, "USD"),
        ("19,863 milliards", 19.863e9, None),
        ("701 200 tonnes", 701_200, "t"),
        ("1,392 million de tonnes", 1_392_000, "t"),
        ("quelque 380 000 EVP", 380_000, "TEU"),
        ("cinq millions de tonnes", 5e6, "t"),
    ],
    "bug": [
        ("soixante-dix accords", 70, None),  # hyphenated word numbers
        ("quatre-vingt-dix tonnes", 90, "t"),
        ("vingt et un documents", 21, None),
        # one amount in two parts, the second of a smaller scale
        ("2 milliards 600 millions de dollars", 2.6e9, "USD"),
        ("deux milliards six cents millions de dollars", 2.6e9, "USD"),
        ("3 millions 200 mille tonnes", 3.2e6, "t"),
        # "et demi" after a scale word, and the scale words of a half
        ("deux milliards et demi de dollars", 2.5e9, "USD"),
        ("1 milliard et demi de dollars", 1.5e9, "USD"),
        ("un demi-milliard de dollars", 5e8, "USD"),
    ],
}
CASES = [(origin, *case) for origin, cases in GOLDEN.items() for case in cases]


@pytest.mark.parametrize(("origin", "text", "value", "unit"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_golden_quantities(origin: str, text: str, value: float, unit: str | None) -> None:
    q = find_quantities(text)
    assert q, f"no quantity in {text!r}"
    assert q[0].value == pytest.approx(value), text
    assert q[0].unit == unit, text
    assert text[q[0].start:q[0].end] == q[0].raw  # the raw text is kept beside the value


@pytest.mark.parametrize(("words", "value"), [
    ("un", 1), ("deux", 2), ("dix-huit", 18), ("vingt et un", 21), ("soixante-dix", 70), ("quatre-vingts", 80),
    ("quatre-vingt-dix-neuf", 99), ("cent", 100), ("deux cents", 200), ("trois cent mille", 300_000),
    ("mille", 1000), ("deux mille vingt-quatre", 2024),
])
def test_words(words: str, value: int) -> None:
    assert parse_words(words) == value


def _fr_digits(n: int, sep: str) -> str:
    s = f"{n:,}".replace(",", sep)
    return s


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f", "."]))
def test_grouped_integers_round_trip(n: int, sep: str) -> None:
    assert parse_number(_fr_digits(n, sep)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=999),
       st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_decimal_comma_round_trip(whole: int, frac: int, sep: str) -> None:
    text = f"{_fr_digits(whole, sep)},{frac:03d}"
    assert parse_number(text) == pytest.approx(whole + frac / 1000)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["millions", "milliards"]),
       st.sampled_from(["de dollars", "d'euros", "de tonnes"]))
def test_scaled_quantities_round_trip(n: int, scale: str, unit: str) -> None:
    q = find_quantities(f"atteint {n} {scale} {unit} en 2024")
    factor = 1e6 if scale == "millions" else 1e9
    assert q[0].value == pytest.approx(n * factor)


@given(st.integers(min_value=1, max_value=999_999))
def test_word_numbers_round_trip(n: int) -> None:
    assert parse_words(_to_words(n)) == n


_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize"]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _below_100(n: int) -> str:
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        t, u = divmod(n, 10)
        return _TENS[t * 10] + ("" if u == 0 else "-et-un" if u == 1 else "-" + _UNITS[u])
    if n < 80:
        return "soixante-" + ("et-onze" if n == 71 else _below_100(n - 60))
    return "quatre-vingt" + ("s" if n == 80 else "-" + _below_100(n - 80))


def _below_1000(n: int) -> str:
    h, r = divmod(n, 100)
    head = "" if h == 0 else "cent" if h == 1 else _UNITS[h] + " cent" + ("s" if r == 0 else "")
    return " ".join(p for p in (head, _below_100(r) if r else "") if p)


def _to_words(n: int) -> str:
    th, r = divmod(n, 1000)
    head = "" if th == 0 else "mille" if th == 1 else _below_1000(th) + " mille"
    return " ".join(p for p in (head, _below_1000(r) if r else "") if p)


@pytest.mark.parametrize(("text", "value"), [
    ("17,1 milliards de dollars", 17_100_000_000), ("0,7 million de tonnes", 700_000), ("4,35 Md$", 4_350_000_000),
])
def test_scaled_values_are_the_decimal_number(text: str, value: int) -> None:
    """A stored value is the number the text wrote, not a float product's neighbour (17100000000.000002)."""
    assert find_quantities(text)[0].value == value


@pytest.mark.parametrize(("text", "expected"), [
    ("4,1 et 3,2 milliards de dollars", [(4.1e9, "USD"), (3.2e9, "USD")]),
    ("entre 3 et 4 millions de tonnes", [(3e6, "t"), (4e6, "t")]),
    ("entre 2,5 milliards et 3 milliards de dollars", [(2.5e9, "USD"), (3e9, "USD")]),
    ("de 1,2 à 3,1 milliards de dollars", [(1.2e9, "USD"), (3.1e9, "USD")]),
    ("en 2023 et 3 milliards de dollars", [(2023, None), (3e9, "USD")]),  # a year keeps its own reading
    ("12 et 15 %", [(12, None), (15, "%")]),  # a percentage is not shared
])
def test_a_scale_and_unit_written_once_serve_both_numbers(text: str, expected: list[tuple]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected
