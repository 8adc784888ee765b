"""Reading speed: decode, front matter, skip spans, sentences and language of large and
pathological sources, written to a temporary directory. Prints CPU seconds per file.

    python benchmarks/sources_bench.py            # 10 MB per article-like file
    python benchmarks/sources_bench.py --mb 2     # smaller
    python benchmarks/sources_bench.py --memory   # also peak Python memory (3x slower)

The article-like files are made of generated sentences (no seed text), so the figures do
not depend on ../shared.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from factcheck.sources import read_source

ZH = "公司在{y}年{m}月{d}日宣布，營收達到{n}億美元，較去年增長{p}%。"
EN = "Acme Corp. said on Jan. {d}, {y} that revenue rose {p}% to ${n} billion, Mr. Lee said. "


def article(template: str, size: int, rng: random.Random) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        line = "".join(
            template.format(
                y=rng.randint(1990, 2030),
                m=rng.randint(1, 12),
                d=rng.randint(1, 28),
                n=rng.randint(1, 999),
                p=rng.randint(1, 99),
            )
            for _ in range(rng.randint(1, 6))
        )
        parts.append(line + "\n\n")
        total += len(line.encode()) + 2
    return "".join(parts)


def cases(mb: float, rng: random.Random) -> dict[str, Callable[[], bytes]]:
    size = int(mb * 1_000_000)
    return {
        "zh-Hant article, UTF-8": lambda: article(ZH, size, rng).encode(),
        "zh-Hant article, Big5": lambda: article(ZH, size, rng).encode("big5"),
        "en article, UTF-16": lambda: article(EN, size, rng).encode("utf-16"),
        "digits and commas (1 MB)": lambda: b"1," * 500_000,
        "億 (1 MB)": lambda: "億".encode() * 333_000,
        "one 500 KB line": lambda: b"word " * 100_000,
        "one-character lines (1 MB)": lambda: b"x\n" * 500_000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the article files")
    parser.add_argument("--memory", action="store_true", help="trace peak memory (slow)")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases(args.mb, rng).items():
            path = Path(tmp) / "source.txt"
            data = make()
            path.write_bytes(data)
            if args.memory:
                tracemalloc.start()
            start = time.process_time()
            doc = read_source(path)
            seconds = time.process_time() - start
            memory = ""
            if args.memory:
                memory = f"  peak {tracemalloc.get_traced_memory()[1] / 1e6:7.1f} MB"
                tracemalloc.stop()
            print(
                f"{name:30} {len(data) / 1e6:6.1f} MB  {len(doc.sentences):8d} sentences  "
                f"{seconds:6.2f} s CPU{memory}  {doc.language}"
            )


if __name__ == "__main__":
    main()
