"""Warehouse build at scale: full build, unchanged rebuild, 1 %-changed rebuild, validate, report, views.

    python benchmarks/build_bench.py [--sizes 1000,10000,100000] [--workers 2]

Generates corpora of recombined paragraphs with perturbed figures, countries and dates (so facts
differ) into a temp dir, runs the real `corridor` commands as subprocesses (peak RSS measured per
command), and prints a table plus the scaling ratios between sizes so non-linear growth shows.
Figures are printed, never asserted; copy them to benchmarks/RESULTS.md with the machine details.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from extract_bench import paragraphs, perturb  # noqa: E402

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
CITIES = ["Bakou", "Astana", "Tachkent", "Bichkek", "Achgabat", "Douchanbé", "Ankara", "Tbilissi"]


def write_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paras = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        d = date(rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
        head = f"{rng.choice(CITIES)}, {d.day} {MONTHS[d.month - 1]} {d.year} —"
        body = "\n".join(perturb(rng.choice(paras), rng) for _ in range(rng.randint(3, 8)))
        f = folder / f"a{i:06d}.txt"
        f.write_text(f"{head}\n{body}\n", encoding="utf-8")
        files.append(f)
    return files


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MB) of the command's process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def view_latency(db: Path) -> dict[str, float]:
    import duckdb

    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for view in ("series", "usd_value", "consensus", "conflicts", "comparisons", "coverage", "fact_checks"):
            t = time.perf_counter()
            con.sql(f"select count(*) from {view}").fetchall()
            out[view] = time.perf_counter() - t
    return out


def bench(n: int, workers: int, tmp: Path) -> dict:
    corpus = tmp / f"corpus-{n}"
    db = tmp / f"w-{n}.duckdb"
    files = write_corpus(corpus, n, seed=n)
    mb = sum(f.stat().st_size for f in files) / 1e6
    cli = [sys.executable, "-m", "corridor.cli"]
    res: dict = {"n": n, "mb": mb}
    res["build"], res["build_rss"] = run([*cli, "build", str(corpus), "--db", str(db), "--workers", str(workers)])
    res["rebuild"], _ = run([*cli, "build", str(corpus), "--db", str(db), "--workers", str(workers)])
    rng = random.Random(1)
    for f in rng.sample(files, max(1, n // 100)):
        f.write_text(f.read_text(encoding="utf-8") + "\nLe commerce bilatéral a atteint 42 millions de dollars en 2024.\n",
                     encoding="utf-8")
    res["changed"], _ = run([*cli, "build", str(corpus), "--db", str(db), "--workers", str(workers)])
    res["validate"], res["validate_rss"] = run([*cli, "validate", "--db", str(db), "--warn-only"])
    res["report"], _ = run([*cli, "report", "--db", str(db), "--out", str(tmp / f"site-{n}")])
    res["views"] = view_latency(db)
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        res["facts"] = con.sql("select count(*) from facts").fetchall()[0][0]
    shutil.rmtree(corpus)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"workers={a.workers}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            results.append(bench(n, a.workers, Path(tmp)))
    head = (f"{'articles':>9}{'MB':>7}{'facts':>9}{'build s':>9}{'art/s':>8}{'RSS MB':>8}{'unchanged':>10}"
            f"{'1% changed':>11}{'validate':>9}{'report':>8}{'slowest view':>22}")
    print(head)
    for r in results:
        view, secs = max(r["views"].items(), key=lambda kv: kv[1])
        print(f"{r['n']:>9,}{r['mb']:>7.1f}{r['facts']:>9,}{r['build']:>9.1f}{r['n'] / r['build']:>8.0f}"
              f"{r['build_rss']:>8.0f}{r['rebuild'] / r['build']:>9.1%} {r['changed'] / r['build']:>10.1%}"
              f"{r['validate']:>9.1f}{r['report']:>8.1f}{f'{view} {secs * 1000:.0f} ms':>22}")
    for a_, b_ in pairwise(results):
        k = b_["n"] / a_["n"]
        print(f"scaling {b_['n']:,}/{a_['n']:,} (x{k:.0f} articles): build x{b_['build'] / a_['build']:.1f}, "
              f"validate x{b_['validate'] / a_['validate']:.1f}, report x{b_['report'] / a_['report']:.1f}")


if __name__ == "__main__":
    main()
