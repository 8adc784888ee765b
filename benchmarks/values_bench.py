#!/usr/bin/env python3
"""Value benchmark: factcheck against the peer (Microsoft Recognizers-Text) on the same cases,
and throughput of both on a multi-megabyte text.

    python benchmarks/values_bench.py [--shared ../shared] [--mb 2] [--peer-chars 30000]

Accuracy: ../shared/bench/score_values.py on bench/recognizers/ and on
bench/recognizers/python-unsupported/, for `factcheck values` and for the peer through
bench/peers/recognizers_adapter.py, printed side by side per file.

Throughput: one text of --mb megabytes, made of the case sentences of the benchmark (and the
seed articles where present) repeated, given to each system as JSON Lines of about 2,000
characters; chars/s is counted over the whole run, start-up included. The peer is measured on
the first --peer-chars characters of the same lines only: at its speed the full text would
take hours.

Needs the peer installed in a venv (--peer-python, default /tmp/peer-venv/bin/python):
    python3 -m venv /tmp/peer-venv && /tmp/peer-venv/bin/pip install \\
        ms-recognizers-text-number ms-recognizers-text-number-with-unit \\
        ms-recognizers-text-date-time
Without it, only factcheck's side is run (say so when quoting the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE_CHARS = 2000


def score(shared: Path, cases: str, cmd: str) -> tuple[dict[str, list[str]], str]:
    """Per-file rows (n, accuracy, precision, recall) and the summary line of one scorer run."""
    bench = shared / "bench"
    done = subprocess.run(
        [sys.executable, "score_values.py", "--cases", cases, "--cmd", cmd, "--timeout", "3600"],
        cwd=bench,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {}, f"scorer failed: {done.stderr.strip()[-300:]}"
    rows: dict[str, list[str]] = {}
    summary = ""
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[1].isdigit():
            rows[parts[0]] = parts[1:5]
        elif line.startswith("values:"):
            summary = line
    return rows, summary


def side_by_side(title: str, ours: dict[str, list[str]], peer: dict[str, list[str]]) -> None:
    print(f"\n## {title}\n")
    print(f"{'file':<18}{'cases':>6}  {'factcheck acc':>13}{'prec':>7}{'rec':>7}  {'peer acc':>9}")
    for name in sorted(set(ours) | set(peer)):
        o = ours.get(name, ["-"] * 4)
        p = peer.get(name, ["-"] * 4)
        n = o[0] if o[0] != "-" else p[0]
        print(f"{name:<18}{n:>6}  {o[1]:>13}{o[2]:>7}{o[3]:>7}  {p[1]:>9}")


def big_text(shared: Path, megabytes: float) -> list[str]:
    """Lines of about LINE_CHARS characters, real sentences, `megabytes` MB of text in all."""
    sentences: list[str] = []
    for path in sorted((shared / "bench" / "recognizers").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append(json.loads(line)["text"])
    for path in sorted((shared / "seeds").glob("*.txt")):
        sentences.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    target = int(megabytes * 1_000_000)
    lines: list[str] = []
    current: list[str] = []
    size = total = 0
    i = 0
    while total < target:
        s = sentences[i % len(sentences)]
        i += 1
        current.append(s)
        size += len(s) + 1
        if size >= LINE_CHARS:
            lines.append(" ".join(current))
            total += size
            current, size = [], 0
    return lines


def throughput(cmd: str, lines: list[str]) -> tuple[float, int]:
    """(chars/s over the whole run, chars) of `cmd` reading `lines` as JSON Lines."""
    with tempfile.TemporaryDirectory(prefix="values_bench_") as tmp:
        inp = Path(tmp) / "big.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for n, text in enumerate(lines):
                row = {"id": n, "text": text, "reference_date": "2025-01-01"}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        chars = sum(len(t) for t in lines)
        start = time.perf_counter()
        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        done = subprocess.run(
            cmd.replace("{input}", shlex.quote(str(inp))),
            shell=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"{cmd}: exit {done.returncode}: {done.stderr[-300:]!r}")
        return chars / elapsed, chars


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--factcheck", default=f"{shlex.quote(sys.executable)} -m factcheck values")
    ap.add_argument("--peer-python", default="/tmp/peer-venv/bin/python")
    ap.add_argument("--mb", type=float, default=2.0, help="size of the throughput text")
    ap.add_argument("--peer-chars", type=int, default=30_000, help="peer's slice of it")
    ap.add_argument("--skip-peer", action="store_true")
    args = ap.parse_args(argv)
    shared: Path = args.shared.resolve()
    if not (shared / "bench" / "score_values.py").exists():
        print(f"no benchmark at {shared}/bench (give --shared)", file=sys.stderr)
        return 2
    ours_cmd = f"{args.factcheck} {{input}}"
    adapter = shared / "bench" / "peers" / "recognizers_adapter.py"
    peer_ok = not args.skip_peer and Path(args.peer_python).exists()
    peer_cmd = f"{shlex.quote(args.peer_python)} {shlex.quote(str(adapter))} {{input}}"
    print("# factcheck values — accuracy and throughput against the peer")
    print(f"# factcheck: {ours_cmd}")
    print(f"# peer: {peer_cmd if peer_ok else 'not run (no peer venv or --skip-peer)'}")
    for title, cases in (
        ("recognizers/", "recognizers"),
        ("recognizers/python-unsupported/", "recognizers/python-unsupported"),
    ):
        ours, ours_sum = score(shared, cases, ours_cmd)
        peer, peer_sum = score(shared, cases, peer_cmd) if peer_ok else ({}, "not run")
        side_by_side(title, ours, peer)
        print(f"\nfactcheck {ours_sum}\npeer      {peer_sum}")
    lines = big_text(shared, args.mb)
    rate, chars = throughput(ours_cmd, lines)
    print("\n## Throughput\n")
    print(f"factcheck: {rate:,.0f} chars/s on {chars:,} chars ({len(lines)} lines)")
    if peer_ok:
        peer_lines, size = [], 0
        for line in lines:
            if size >= args.peer_chars:
                break
            peer_lines.append(line)
            size += len(line)
        peer_rate, peer_chars = throughput(peer_cmd, peer_lines)
        print(f"peer:      {peer_rate:,.0f} chars/s on {peer_chars:,} chars (a slice: see --help)")
        print(f"ratio:     {rate / peer_rate:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
