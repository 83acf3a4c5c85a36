"""The French parser is heavy (seconds to load, hundreds of MB): it loads on first use only, never for `--help`,
an empty input or an article with neither figures nor a gathering."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import atexit, sys
atexit.register(lambda: print("PARSER-LOADED" if "spacy" in sys.modules else "PARSER-NOT-LOADED"))
from corridor.cli import app
sys.argv = ["corridor", *sys.argv[1:]]
app()
"""


def _parser_loaded(*args: str) -> bool:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=300)
    assert "PARSER-" in out.stdout, out.stdout + out.stderr
    return "PARSER-LOADED" in out.stdout


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["build", "--help"]])
def test_help_never_loads_the_parser(args: list[str]) -> None:
    assert not _parser_loaded(*args)


def test_an_empty_folder_and_text_without_figures_or_gatherings_never_load_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not _parser_loaded("extract", str(empty), "--format", "jsonl")
    words = tmp_path / "words"
    words.mkdir()
    (words / "a.txt").write_text("Le président kazakh a parlé de coopération avec la presse.\n", encoding="utf-8")
    assert not _parser_loaded("extract", str(words), "--format", "jsonl")


def test_a_gathering_loads_it(tmp_path: Path) -> None:
    # events are read through the sentence's structure: who travels, whether it happened
    (tmp_path / "a.txt").write_text("Le président kazakh s'est rendu à Tachkent pour parler de coopération.\n",
                                    encoding="utf-8")
    assert _parser_loaded("extract", str(tmp_path), "--format", "jsonl")


def test_a_figure_beside_a_country_loads_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le Kazakhstan a exporté 3 milliards de dollars vers la Chine en 2024.\n",
                                    encoding="utf-8")
    assert _parser_loaded("extract", str(tmp_path), "--format", "jsonl")
