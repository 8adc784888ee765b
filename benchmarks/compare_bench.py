"""Speed of `factcheck compare`: cold-start wall time, and growth with the number of claims.

    python benchmarks/compare_bench.py            # all three measurements
    python benchmarks/compare_bench.py --repeat 7

1. Cold start: `factcheck compare` as a fresh process on the two seed articles
   (../shared/seeds/*.txt, skipped when absent) and on each story under examples/; the
   median wall time of --repeat runs (target: <= 0.5 s on the seeds).
2. Whole pipeline scaling: synthetic English documents with 1x, 10x and 100x the facts,
   compared in-process with `factcheck.api.compare`.
3. Alignment and judging alone on synthetic claims, 1x/10x/100x.

Time must grow about linearly: the "per item" column should stay roughly flat.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "tests"))


def cold_start(files: list[Path], repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of a fresh `factcheck compare` process;
    CPU time is what a busy machine does not inflate."""
    cmd = [sys.executable, "-m", "factcheck", "compare", "--fail-on", "never", "--format",
           "json", *map(str, files)]
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


COMPANIES = [f"Company{i}" for i in range(2000)]
TEMPLATES = [
    "{c} was founded in {year}.",
    "{c} employs {n} people.",
    "{c} reported revenue of ${m} million last year.",
    "{c} raised ${m} million from investors.",
]


def synthetic_documents(facts: int, directory: Path, seed: int = 7) -> list[Path]:
    """Two documents stating the same `facts` facts, about one in ten of them changed."""
    rng = random.Random(seed)
    lines_a, lines_b = [], []
    for i in range(facts):
        company = COMPANIES[i % len(COMPANIES)] + chr(65 + (i // len(COMPANIES)) % 26)
        template = TEMPLATES[i % len(TEMPLATES)]
        values = {"c": company, "year": rng.randint(1950, 2020), "n": rng.randint(10, 9000),
                  "m": rng.randint(2, 900)}
        lines_a.append(template.format(**values))
        if rng.random() < 0.1:
            values = {k: (v + 1 if isinstance(v, int) else v) for k, v in values.items()}
        lines_b.append(template.format(**values))
    paths = []
    for name, lines in (("a.txt", lines_a), ("b.txt", lines_b)):
        path = directory / name
        path.write_text("\n\n".join(lines) + "\n", "utf-8")
        paths.append(path)
    return paths


def pipeline_scaling(base: int) -> list[tuple[int, int, float]]:
    from factcheck.api import compare

    rows = []
    for factor in (1, 10, 100):
        with tempfile.TemporaryDirectory() as tmp:
            paths = synthetic_documents(base * factor, Path(tmp))
            t0 = time.perf_counter()
            report = compare(paths)
            rows.append((base * factor, len(report.claims), time.perf_counter() - t0))
    return rows


def alignment_scaling(base: int) -> list[tuple[int, int, float]]:
    from claimkit import claim
    from factcheck.align import align
    from factcheck.judge import judge_all

    rows = []
    for factor in (1, 10, 100):
        n = base * factor
        rng = random.Random(3)
        claims = []
        for source in ("a.txt", "b.txt"):
            for i in range(n):
                value = i + (1 if source == "b.txt" and rng.random() < 0.1 else 0)
                spec = {"source": source, "subject": f"org{i}", "predicate": "employees",
                        "sentence": f"Org{i} employs {value} people.", "value_text": str(value),
                        "value": {"kind": "number", "value": value, "low": value,
                                  "high": value}}
                claims.append(claim(spec, offset=100 * i, line=i + 1))
        t0 = time.perf_counter()
        findings = judge_all(align(claims))
        rows.append((2 * n, len(findings), time.perf_counter() - t0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base", type=int, default=40, help="facts in the 1x documents")
    args = parser.parse_args()

    print("cold start, median wall time of `factcheck compare` as a new process")
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        wall, cpu = cold_start(seeds, args.repeat)
        print(f"  seeds ({len(seeds)} files)            wall {wall:.3f} s  cpu {cpu:.3f} s")
    else:
        print("  seeds: skipped (../shared/seeds not found)")
    for story in sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir()):
        files = sorted(p for p in story.iterdir() if p.suffix in (".txt", ".md"))
        wall, cpu = cold_start(files, args.repeat)
        print(f"  examples/{story.name:<22} wall {wall:.3f} s  cpu {cpu:.3f} s")

    print("\nwhole pipeline (api.compare) on synthetic documents")
    print("  facts   claims   seconds   ms per claim")
    for facts, claims, secs in pipeline_scaling(args.base):
        print(f"  {facts:>5}  {claims:>7}  {secs:>8.3f}  {1000 * secs / max(claims, 1):>10.3f}")

    print("\nalign + judge on synthetic claims")
    print("  claims  findings   seconds   ms per claim")
    for n, findings, secs in alignment_scaling(args.base * 5):
        print(f"  {n:>6}  {findings:>8}  {secs:>8.3f}  {1000 * secs / n:>10.3f}")


if __name__ == "__main__":
    main()
