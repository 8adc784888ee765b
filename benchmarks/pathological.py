"""Time the reading and extraction of pathological inputs at 1x, 2x and 4x a base size and
print the growth ratio per doubling (linear time gives about 2, quadratic about 4).

    python benchmarks/pathological.py                 # base 256 KB: 256 KB, 512 KB, 1 MB
    python benchmarks/pathological.py --base 131072 --only "億 in a row"

The cases are tests/cases/pathological.yaml; the test suite runs the same cases small
(tests/test_robustness_pathological.py). Times are CPU seconds of this process, so other
work on the machine disturbs them less.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "pathological.yaml"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(CASES.read_text("utf-8"))
    return cases


def _one_line() -> str:
    parts = []
    for path in sorted((ROOT / "examples").glob("*/*")):
        if path.suffix in (".txt", ".md"):
            parts.append(" ".join(path.read_text("utf-8").split("\n---\n")[-1].split()))
    return " ".join(parts) + " "


def build(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters (cut at the end)."""
    if unit == "@examples-one-line":
        unit = _one_line()
    return (unit * (size // len(unit) + 1))[:size]


def pipeline() -> Callable[[str], int]:
    """Reading plus values plus extraction of one document; returns the number of claims."""
    from factcheck.api import analyse
    from factcheck.sources import document_from_text

    def run(text: str) -> int:
        doc = document_from_text(text, "big.txt")
        _mentions, claims = analyse(doc)
        return len(claims)

    return run


def cpu_time(run: Callable[[str], int], text: str) -> float:
    start = time.process_time()
    run(text)
    return time.process_time() - start


def measure(case: dict[str, Any], base: int, run: Callable[[str], int]) -> list[float]:
    return [cpu_time(run, build(case["unit"], base * k)) for k in (1, 2, 4)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=256 * 1024, help="characters at 1x")
    parser.add_argument("--only", help="run only the case of this name")
    args = parser.parse_args(argv)
    run = pipeline()
    run("warm up: 2025年1月17日 US$1 billion")  # lexicons load once, outside the timings
    worst = (0.0, "")
    print(f"{'case':<28} {'1x':>8} {'2x':>8} {'4x':>8}  growth per doubling")
    for case in load_cases():
        if args.only and case["name"] != args.only:
            continue
        t1, t2, t4 = measure(case, args.base, run)
        ratios = (t2 / max(t1, 1e-3), t4 / max(t2, 1e-3))
        worst = max(worst, (max(ratios), case["name"]))
        print(f"{case['name']:<28} {t1:8.2f} {t2:8.2f} {t4:8.2f}  {ratios[0]:.2f}, {ratios[1]:.2f}")
    print(f"worst growth per doubling: {worst[0]:.2f} ({worst[1]}); base {args.base} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
