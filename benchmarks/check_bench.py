"""Speed of `factcheck check` on generated repositories: cold, and after one changed file.

    python benchmarks/check_bench.py                  # 1,000 and 10,000 articles
    python benchmarks/check_bench.py --sizes 200 --keep /tmp/repo

For each size: a git repository of N generated articles (stories of three articles each, in
English, Traditional and Simplified Chinese, about made-up companies, with a ledger in
claims/), then, each as a fresh `factcheck check` process:

1. cold: every article, empty cache (the index is built);
2. warm: every article again, nothing changed (stat only);
3. incremental: one article edited, `check` on that file (the pre-commit case);
4. incremental, all: one article edited, every article checked.

The generator is deliberately plain and seeded: it measures the workflow, not accuracy.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = ["Ar", "Bel", "Cor", "Dun", "El", "Fen", "Gar", "Hol", "Ir", "Jas", "Kel", "Lor",
             "Mar", "Nor", "Or", "Pel", "Quin", "Ros", "Sel", "Tor", "Ul", "Ver", "Wen", "Zan"]
HAN = "安北昌德恩豐廣海華嘉金康藍龍明南平啟榮盛泰天維鑫陽遠正中"
SUFFIX = ["Technologies", "Holdings", "Energy", "Logistics", "Foods", "Robotics", "Media"]
HAN_SUFFIX = ["科技", "控股", "能源", "物流", "食品", "機器人", "傳媒"]


def _company(rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(len(SUFFIX))
    en = "".join(rng.sample(SYLLABLES, 2)).capitalize() + " " + SUFFIX[kind]
    zh = "".join(rng.sample(HAN, 2)) + HAN_SUFFIX[kind]
    return en, zh


def _story(rng: random.Random) -> dict[str, object]:
    (buyer, buyer_zh), (target, target_zh) = _company(rng), _company(rng)
    return {
        "buyer": buyer, "buyer_zh": buyer_zh, "target": target, "target_zh": target_zh,
        "price": rng.randrange(11, 990) / 10, "founded": rng.randrange(1950, 2020),
        "staff": rng.randrange(200, 90000), "month": rng.randrange(1, 13),
        "day": rng.randrange(1, 29), "year": rng.randrange(2015, 2026),
    }


def _article(story: dict[str, object], lang: str, drift: bool) -> str:
    s = dict(story)
    if drift:  # one article in some stories gets a figure wrong by a factor of ten
        s["price"] = round(float(str(s["price"])) * 10, 1)
    if lang == "en":
        return (
            f"{s['buyer']} agreed on {s['day']} {_month(int(str(s['month'])))} {s['year']} to "
            f"buy {s['target']} for ${s['price']} billion in cash.\n\n"
            f"{s['target']} was founded in {s['founded']} and employs {s['staff']:,} people.\n"
        )
    yi = round(float(str(s["price"])) * 10, 1)  # 億 is a hundred million
    text = (
        f"{s['buyer_zh']}於{s['year']}年{s['month']}月{s['day']}日同意以{yi:g}億美元"
        f"現金收購{s['target_zh']}。\n\n{s['target_zh']}成立於{s['founded']}年，"
        f"員工{s['staff']}人。\n"
    )
    if lang == "zh-hans":
        import opencc  # a dependency of factcheck already

        text = opencc.OpenCC("t2s").convert(text)
    return text


def _month(m: int) -> str:
    return ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"][m - 1]


def generate(root: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    files: list[Path] = []
    facts = ["facts:"]
    langs = ["en", "zh-hant", "zh-hans"]
    for i in range(0, n, 3):
        story = _story(rng)
        folder = root / "articles" / f"{i // 300:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        drift = rng.random() < 0.1
        for j, lang in enumerate(langs[: min(3, n - i)]):
            path = folder / f"story{i:05d}-{lang}.{'md' if lang == 'zh-hans' else 'txt'}"
            path.write_text(_article(story, lang, drift and j == 2), encoding="utf-8")
            files.append(path)
        if i % 30 == 0:
            facts.append(f"  - subject: {story['target']}\n    predicate: org.founded\n"
                         f"    value: \"{story['founded']}\"")
    (root / "claims" / "companies.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")
    git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "articles"], cwd=root, check=True)
    return files


def timed(root: Path, *args: str) -> tuple[str, str]:
    """Wall time and CPU time (user + system, the process and its workers) of one check;
    CPU time is the steadier figure on a shared machine."""
    cmd = [sys.executable, "-m", "factcheck", "check", "--fail-on", "never", "--format",
           "line", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode not in (0, 1):
        raise SystemExit(f"check failed ({out.returncode}): {out.stderr.strip()}")
    return f"{elapsed:6.1f}s wall {cpu:6.1f}s cpu", out.stdout


def bench(n: int, keep: Path | None) -> None:
    base = keep or Path(tempfile.mkdtemp(prefix="fc-check-bench-"))
    root = base / f"repo{n}"
    if root.exists():
        shutil.rmtree(root)
    t0 = time.perf_counter()
    files = generate(root, n)
    gen = time.perf_counter() - t0
    cold, out = timed(root)
    warm, _ = timed(root)
    victim = files[len(files) // 2]
    victim.write_text(victim.read_text("utf-8") + "\nIt employs 12 people.\n", encoding="utf-8")
    one, _ = timed(root, str(victim.relative_to(root)))
    victim.write_text(victim.read_text("utf-8") + "\nMore.\n", encoding="utf-8")
    every, _ = timed(root)
    findings = len(out.splitlines())
    print(f"{n} articles (generated in {gen:.1f}s, {findings} findings)")
    for label, figure in (("cold, every article", cold), ("warm, nothing changed", warm),
                          ("one changed file", one), ("every article, one changed", every)):
        print(f"  {label:<28} {figure}", flush=True)
    if keep is None:
        shutil.rmtree(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="keep the generated repositories here")
    args = parser.parse_args()
    for n in args.sizes:
        bench(n, args.keep)


if __name__ == "__main__":
    main()
