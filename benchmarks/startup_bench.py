"""Cold start of `factcheck compare`: wall and CPU time of fresh processes, and where it goes.

    python benchmarks/startup_bench.py                 # seeds and examples/, 7 runs each
    python benchmarks/startup_bench.py --repeat 15 --top 25
    python benchmarks/startup_bench.py --no-importtime --no-stages
    PYTHONPATH=/tmp/old/src python benchmarks/startup_bench.py   # another checkout's code

1. For the two seed articles (../shared/seeds/*.txt, skipped when absent) and each story
   under examples/: `python -m factcheck compare` (text report) as a fresh process,
   --repeat times; the median and the best wall and CPU (user + system) seconds. Target:
   <= 0.5 s on the seeds. The machine is shared, so CPU time is the steadier figure: wall
   time is CPU time plus the wait for a core.
   Two kinds of cold process: "cold" is a new process with the user cache of parsed
   lexicons and compiled patterns (factcheck.lexcache, factcheck.rxcache) filled by an
   earlier run, as every run after the first finds it; "first" is the first run ever, with
   an empty cache directory each time (it parses, compiles and writes the cache). The
   benchmark's caches live in a temporary directory, never in ~/.cache.
2. The stages of one cold run on the seeds, in CPU seconds (in a fresh process): imports,
   reading, values and claims, alignment and judging, rendering.
3. `python -X importtime` of that run: the modules that take longest to import themselves
   (self time, summed over --repeat runs' median), to see what a lazy import would save.

PYTHONDONTWRITEBYTECODE is dropped from the children's environment: an installed package
has its bytecode compiled (pip does it), and a run that compiles factcheck's sources every
time (+0.3 s) measures something no user sees.
"""

from __future__ import annotations

import argparse
import atexit
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT.parent / "shared" / "seeds"

# Run in a child process so that every import and every cache starts cold.
STAGES = r"""
import contextlib, io, sys, time
clock = time.process_time
marks = [("start", clock())]
from factcheck import api, run
from factcheck.config import default_config
marks.append(("import", clock()))
documents = api.read(sys.argv[1:])
marks.append(("read sources", clock()))
config = default_config()
claims = [c for d in documents for c in api.analyse(d, config)[1]]
marks.append(("values + claims", clock()))
report = api.compare_claims(documents, claims, config)
marks.append(("align + judge", clock()))
with contextlib.redirect_stdout(io.StringIO()):
    run.emit(report, fmt="text", output=None, color=False, quiet=False, fail_on=config.fail_on)
marks.append(("render text", clock()))
for (_, before), (name, after) in zip(marks, marks[1:]):
    print(f"{name}\t{after - before:.3f}")
print(f"total\t{marks[-1][1]:.3f}")
"""


def fresh_run(cmd: list[str], cache: str | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one fresh process running `cmd`, with its
    cache directory in `cache` (a new empty one when None)."""
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as empty:
        env = _env(cache or empty)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, check=False, env=env)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: the sources disagree, as the seeds do
        raise SystemExit(f"{cmd} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


# The cache directory of the "cold" runs: filled once, then reused (see the module doc).
CACHE = tempfile.mkdtemp(prefix="factcheck-bench-cache-")
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def _env(cache: str = CACHE) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    env["FACTCHECK_LEXICON_CACHE"] = cache
    return env


def cold_start(files: list[Path], repeat: int, *, first: bool = False) -> dict[str, float]:
    """Median and best of `repeat` fresh compares: with the warm cache, or (`first`) each
    with an empty one."""
    # The command as a user types it: no flags, so no settings to validate.
    cmd = [sys.executable, "-m", "factcheck", "compare", *map(str, files)]
    fresh_run(cmd, CACHE)  # fills the shared cache (and writes any missing .pyc)
    runs = [fresh_run(cmd, None if first else CACHE) for _ in range(repeat)]
    walls, cpus = zip(*runs, strict=True)
    return {"wall": statistics.median(walls), "wall_best": min(walls),
            "cpu": statistics.median(cpus), "cpu_best": min(cpus)}


def stages(files: list[Path], repeat: int) -> dict[str, float]:
    """The median CPU seconds of each stage over `repeat` fresh processes (warm cache)."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", STAGES, *map(str, files)],
                             capture_output=True, text=True, check=True, env=_env()).stdout
        for line in out.splitlines():
            name, seconds = line.split("\t")
            runs.setdefault(name, []).append(float(seconds))
    return {name: statistics.median(values) for name, values in runs.items()}


def import_offenders(files: list[Path], repeat: int, top: int) -> list[tuple[float, float, str]]:
    """(median self ms, median cumulative ms, module) of the slowest imports of a compare."""
    cmd = [sys.executable, "-X", "importtime", "-m", "factcheck", "compare", *map(str, files)]
    selfs: dict[str, list[float]] = {}
    cumuls: dict[str, list[float]] = {}
    for _ in range(repeat):
        err = subprocess.run(cmd, capture_output=True, text=True, check=False, env=_env()).stderr
        for line in err.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, cumulative, name = line.removeprefix("import time:").split("|")
            selfs.setdefault(name.strip(), []).append(int(own) / 1000)
            cumuls.setdefault(name.strip(), []).append(int(cumulative) / 1000)
    rows = [(statistics.median(v), statistics.median(cumuls[k]), k) for k, v in selfs.items()]
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--top", type=int, default=15, help="import offenders to list")
    parser.add_argument("--no-importtime", action="store_true")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the seed articles")
    args = parser.parse_args()

    sets: list[tuple[str, list[Path]]] = []
    seeds = sorted(args.seeds.glob("*.txt"))
    if seeds:
        sets.append(("seeds", seeds))
    else:
        print(f"# {args.seeds} not found: seeds skipped")
    for story in sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir()):
        files = sorted(f for f in story.iterdir() if f.suffix in (".md", ".txt"))
        sets.append((f"examples/{story.name}", files))

    print(f"# load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"median (best) of {args.repeat} fresh processes")
    print(f"{'compare on':28} {'run':6} {'wall s':>14} {'cpu s':>14}")
    for name, files in sets:
        for kind in ("cold", "first"):
            r = cold_start(files, args.repeat, first=kind == "first")
            print(f"{name:28} {kind:6} {r['wall']:7.3f} ({r['wall_best']:.3f}) "
                  f"{r['cpu']:7.3f} ({r['cpu_best']:.3f})")

    main_files = sets[0][1]
    if not args.no_stages:
        print(f"\n# stages of a cold run on {sets[0][0]}, median CPU seconds")
        for name, seconds in stages(main_files, args.repeat).items():
            print(f"{name:28} {seconds:7.3f}")
    if not args.no_importtime:
        print(f"\n# slowest imports on {sets[0][0]} (-X importtime, median ms)")
        print(f"{'self':>8} {'cumulative':>11}  module")
        for own, cumulative, module in import_offenders(main_files, args.repeat, args.top):
            print(f"{own:8.1f} {cumulative:11.1f}  {module}")


if __name__ == "__main__":
    main()
