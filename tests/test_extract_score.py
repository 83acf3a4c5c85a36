"""Regression floor: the extractor scored with the shared scorer on the shared gold (issue bar)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHARED, shared_or_skip
from corridor.extract import extract_facts
from corridor.ingest.readers import iter_articles

BARS = {"f1": 0.95, "period_acc": 0.90, "qualifier_acc": 0.95}


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_score_on_shared_gold(corpus: str, tmp_path) -> None:
    folder = shared_or_skip("corpus", corpus)
    gold = shared_or_skip("gold", f"{corpus}.jsonl")
    errors: list[str] = []
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for a in iter_articles([folder], errors):
            for fact in extract_facts(a.text, a.name, a.published):
                f.write(json.dumps(fact.as_record(), ensure_ascii=False) + "\n")
    assert not errors
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_facts.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    scores = json.loads(out.splitlines()[0])
    print(corpus, scores)
    for key, bar in BARS.items():
        assert scores[key] >= bar, f"{corpus}: {key} {scores[key]} below {bar}"


def test_cooperation_only_seeds_yield_no_fact() -> None:
    folder = shared_or_skip("corpus", "seeds")
    for name in ("000_bc6dd46b0fe6c3db.txt", "001_48349266c3c76e3d.txt", "002_33dfcfb49cf0b43b.txt"):
        text = (folder / name).read_text(encoding="utf-8")
        assert extract_facts(text, name) == [], name
