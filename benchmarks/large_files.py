"""Build a pair of large articles and time `factcheck compare` on them, with peak memory.

    python benchmarks/large_files.py                   # 10 MB each (the issue's budget)
    python benchmarks/large_files.py --sizes 1,2,4     # MB each: how time and memory grow

Each file repeats the example stories' article bodies (all three languages) as paragraphs,
every copy with its digits shifted, so the figures vary as in a real archive. The comparison
runs as a user runs it, `python -m factcheck compare a.txt b.txt --format json -o FILE`, in a
child process; wall time, CPU time (the child's and its own children's), the child's own
CPU time alone ("own": on a machine with a free core per process, the wall time cannot be
less; sampled from /proc/PID/stat every 0.2 s, so up to 0.2 s short), the largest peak
resident memory of any one process (ru_maxrss) and the peak of all the comparison's processes
together are printed. Large documents are analysed and aligned partly in forked children
(factcheck.parallel) that share the parent's memory until they write to it, so the total is
the peak of the summed proportional set sizes (PSS, /proc/PID/smaps_rollup, sampled every
0.2 s; "-" where /proc has no such file). Budget (issue 5): 10 MB each within 2 minutes and
2 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from robustness_kit import big_article  # noqa: E402 - the test helpers build the articles

MB = 1024 * 1024


def build_pair(folder: Path, megabytes: float) -> tuple[Path, Path]:
    files = sorted(p for p in (ROOT / "examples").glob("*/*") if p.suffix in (".txt", ".md"))
    size = int(megabytes * MB)
    a, b = folder / "a.txt", folder / "b.txt"
    # Characters, not bytes: Chinese text is 3 bytes a character, so cut by encoded size.
    for path, order in ((a, files), (b, files[::-1])):
        data = big_article(order, size).encode("utf-8")[:size]
        path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return a, b


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (children of each thread listed)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                continue
    return found


def _own_cpu(pid: int) -> float | None:
    """CPU seconds (user+sys) of the process alone, without its children."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TreeMemory(threading.Thread):
    """The peak of the summed PSS (MB) of a process and its children while it runs, and
    the process's own CPU time as last seen (within 0.2 s of its end)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()
        self.own_cpu: float | None = None

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            self.own_cpu = _own_cpu(self.pid) or self.own_cpu


def run_compare(
    a: Path, b: Path, out: Path
) -> tuple[int, float, float, float | None, float, float | None]:
    """Exit code, wall seconds, CPU seconds, the main process's own CPU seconds, the peak RSS
    of the largest process (MB) and the peak of all its processes together (MB) of one
    child comparison (None without /proc)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck",
            "compare",
            str(a),
            str(b),
            "--format",
            "json",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    sampler = TreeMemory(proc.pid)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace"))
    # ru_maxrss of children is the largest child so far: run sizes in increasing order.
    total = sampler.peak_kb / 1024 if Path("/proc/self/smaps_rollup").exists() else None
    return proc.returncode, wall, cpu, sampler.own_cpu, after.ru_maxrss / 1024, total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10", help="MB per file, comma-separated")
    args = parser.parse_args(argv)
    sizes = sorted(float(s) for s in args.sizes.split(","))
    print(
        f"{'MB each':>8} {'exit':>4} {'wall s':>8} {'cpu s':>8} {'own s':>8} {'peak MB':>8}"
        f" {'all MB':>8} {'MB/s':>6}"
    )
    with tempfile.TemporaryDirectory(prefix="factcheck-large-") as tmp:
        for megabytes in sizes:
            a, b = build_pair(Path(tmp), megabytes)
            code, wall, cpu, own, peak, total = run_compare(a, b, Path(tmp) / "report.json")
            rate = 2 * megabytes / wall
            own_text = f"{own:8.1f}" if own is not None else f"{'-':>8}"
            total_text = f"{total:8.0f}" if total is not None else f"{'-':>8}"
            print(
                f"{megabytes:8.1f} {code:4d} {wall:8.1f} {cpu:8.1f} {own_text} {peak:8.0f}"
                f" {total_text} {rate:6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
