"""Extraction throughput against a bare regex pass, on a large recombined corpus (one core).

    python benchmarks/extract_bench.py [--mb 20] [--seed 7]

Builds a corpus of at least --mb megabytes by recombining paragraphs of the bundled and shared
corpora with perturbed figures, countries and years (so facts differ), then prints, in one run:
words/s, MB/s, articles/s and peak RSS of full extraction (facts with linking, plus events when
the events extractor exists) next to a bare `re.finditer(r"\\d+")` pass over the same text (the best of
five runs, as it lasts a third of a second), and the ratio. It also runs the first half of the corpus to
show the growth is linear. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corridor.extract.lexicon import NAMES  # noqa: E402
from corridor.ingest.article import Article  # noqa: E402
from corridor.pipeline import extract_article  # noqa: E402

SOURCES = [ROOT / "data" / "articles", ROOT.parent / "shared" / "corpus"]
COUNTRY_SWAPS = [forms[0].capitalize() for code, forms in NAMES.items() if len(code) == 3 and forms][:20]
_NUMBER = re.compile(r"\d+(?:,\d+)?")
_YEAR = re.compile(r"\b20[0-3]\d\b")


def paragraphs() -> list[str]:
    out = []
    for src in SOURCES:
        for f in sorted(src.rglob("*.txt")) if src.exists() else []:
            out += [p for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    return out


def perturb(p: str, rng: random.Random) -> str:
    def number(m: re.Match[str]) -> str:
        s = m.group(0)
        if _YEAR.fullmatch(s):
            return str(int(s) + rng.randint(-3, 3))
        digits = "".join(str(rng.randint(1, 9)) if c.isdigit() else c for c in s)
        return digits

    p = _NUMBER.sub(number, p)
    if rng.random() < 0.5:
        a, b = rng.sample(COUNTRY_SWAPS, 2)
        p = p.replace(a, b)
    return p


def corpus(mb: float, seed: int) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    paras = paragraphs()
    arts, size = [], 0
    while size < mb * 1e6:
        n = rng.randint(4, 10)
        text = "\n".join(perturb(rng.choice(paras), rng) for _ in range(n))
        pub = date(rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
        arts.append((text, pub))
        size += len(text.encode("utf-8"))
    return arts


def run_extraction(arts: list[tuple[str, date]]) -> tuple[float, int]:
    """Facts and events, as the build extracts them (corridor.pipeline.extract_article)."""
    docs = [Article(name=f"a{i}", path="", text=text, published=pub, lang="fr") for i, (text, pub) in enumerate(arts)]
    t = time.perf_counter()
    n = 0
    for doc in docs:
        facts, events = extract_article(doc)
        n += len(facts) + len(events)
    return time.perf_counter() - t, n


def run_regex(arts: list[tuple[str, date]], repeats: int = 5) -> float:
    """The best of a few runs: a pass this short (a third of a second) varies by a quarter from run to run."""
    rx = re.compile(r"\d+")
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for text, _ in arts:
            for _m in rx.finditer(text):
                pass
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()

    arts = corpus(a.mb, a.seed)
    words = sum(len(t.split()) for t, _ in arts)
    mbytes = sum(len(t.encode("utf-8")) for t, _ in arts) / 1e6
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one core")
    print(f"corpus: {len(arts):,} articles, {words:,} words, {mbytes:.1f} MB (recombined, perturbed)")

    t_regex = run_regex(arts)
    half = arts[: len(arts) // 2]
    t_half, _ = run_extraction(half)
    t_full, n = run_extraction(arts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{'pass':<28}{'seconds':>9}{'words/s':>14}{'MB/s':>9}{'articles/s':>12}")
    label = 're.finditer(r"\\d+")'
    print(f"{label:<28}{t_regex:>9.2f}{words / t_regex:>14,.0f}{mbytes / t_regex:>9.2f}"
          f"{len(arts) / t_regex:>12,.0f}")
    print(f"{'full extraction':<28}{t_full:>9.2f}{words / t_full:>14,.0f}{mbytes / t_full:>9.2f}"
          f"{len(arts) / t_full:>12,.0f}")
    print(f"records extracted: {n:,}; peak RSS {rss:,.0f} MB")
    print(f"ratio full/regex throughput: {t_regex / t_full:.1%} (target >= 10 %)")
    print(f"linearity: full corpus took {t_full / t_half:.2f}x the time of half of it (2.00x is linear)")


if __name__ == "__main__":
    main()
