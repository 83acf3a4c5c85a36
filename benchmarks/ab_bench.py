"""A/B extraction timing: the same corpus through two source trees, alternately, one process each.

    python benchmarks/ab_bench.py OTHER_TREE [--mb 6] [--rounds 3]

OTHER_TREE is a checkout of another commit (`git worktree add /tmp/old <commit>`). The corpus is built once by
extract_bench.py's recombiner; each round times both trees (`time.process_time`, best of three passes) in fresh
processes, alternating, so a machine's drift hits both. Prints seconds and records per tree, and the ratio.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TIMER = """
import pickle, sys, time
sys.path.insert(0, sys.argv[1] + "/src")
from corridor.ingest.article import Article
from corridor.pipeline import extract_article
arts = pickle.load(open(sys.argv[2], "rb"))
docs = [Article(name=f"a{i}", path="", text=t, published=p, lang="fr") for i, (t, p) in enumerate(arts)]
best, n = float("inf"), 0
for _ in range(3):
    t = time.process_time()
    n = sum(len(f) + len(e) for f, e in map(extract_article, docs))
    best = min(best, time.process_time() - t)
print(best, n)
"""


def time_tree(tree: Path, corpus: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", _TIMER, str(tree), str(corpus)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("other", type=Path, help="another source tree (a git worktree)")
    ap.add_argument("--mb", type=float, default=6.0)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extract_bench

    arts = extract_bench.corpus(a.mb, seed=11)
    with tempfile.NamedTemporaryFile(suffix=".pkl") as f:
        pickle.dump(arts, f)
        f.flush()
        print(f"corpus: {len(arts):,} articles, {a.mb:.0f} MB; best of three passes per round")
        best: dict[Path, float] = {}
        for r in range(a.rounds):
            for tree in (a.other.resolve(), ROOT):
                s, n = time_tree(tree, Path(f.name))
                best[tree] = min(best.get(tree, s), s)
                print(f"round {r + 1}: {tree}: {s:.2f} s, {n:,} records")
    other, this = best[a.other.resolve()], best[ROOT]
    print(f"best: other {other:.2f} s, this tree {this:.2f} s, this/other = {this / other:.2f}")


if __name__ == "__main__":
    main()
