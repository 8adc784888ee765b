"""Claim extraction measured on real articles: the two seeds in ../shared/seeds/ (or any
files given), plus the project's examples.

For each file it prints how many value mentions became claims, how many of those found a
predicate and a subject, and the time extraction took; with --claims it lists every claim.
For the seeds it then checks the expectations of issue 3 (tables in extract_seeds.yaml: a
value as written, and the predicate/subject/object its claim must have) and prints how many
hold. Nothing in the package knows about these articles; this only measures.

    .venv/bin/python benchmarks/extract_seeds.py [--claims] [FILE ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import sys
import time
from pathlib import Path

import yaml

from factcheck.entities import load_entities
from factcheck.extract import extract_claims
from factcheck.models import Claim, Mention
from factcheck.predicates import load_predicates
from factcheck.sources import read_source

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def find_values(text: str, reference: dt.date | None, lang: str) -> list[Mention]:
    """The value layer's public finder when it is there; until then its parts, put together
    here (dates first, then money, percentages, numbers, leaving no overlaps)."""
    try:
        from factcheck.values import find_values as public  # type: ignore[import-not-found]

        return list(public(text, reference, lang))
    except ImportError:
        pass
    from factcheck.normalize.dates import find_dates
    from factcheck.normalize.money import find_money
    from factcheck.normalize.numbers import find_numbers
    from factcheck.normalize.percent import find_percents
    from factcheck.normalize.script import fold

    folded = fold(text)
    taken: list[Mention] = []
    for found in (
        find_dates(text, folded, reference, lang="en" if lang == "en" else "zh"),
        find_money(text, folded),
        find_percents(text, folded),
        find_numbers(text, folded),
    ):
        for m in found:
            if not any(t.start < m.end and m.start < t.end for t in taken):
                taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def show(claim: Claim) -> str:
    parts = [
        f"{claim.line}:{claim.column}", repr(claim.value_text), claim.predicate or "-",
        f"subj={claim.subject}", f"obj={claim.object}", f"trig={claim.trigger_text}",
        f"time={claim.time_text}", claim.modality,
    ]
    return "  " + "  ".join(str(p) for p in parts)


def check(expectations: list[dict[str, object]], claims: list[Claim]) -> tuple[int, int]:
    ok = 0
    for exp in expectations:
        hits = [c for c in claims if c.value_text == exp["value"]]
        want = {k: v for k, v in exp.items() if k != "value"}
        good = any(all(getattr(c, k) == v for k, v in want.items()) for c in hits)
        ok += good
        got = [{k: getattr(c, k) for k in want} for c in hits]
        print(f"  {'ok ' if good else 'MISS'} {exp['value']}: want {want}, got {got}")
    return ok, len(expectations)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--claims", action="store_true", help="list every claim")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(str(SEEDS / "*.txt"))) + sorted(
        glob.glob(str(HERE.parent / "examples" / "*" / "*.*[td]"))
    )
    if not files:
        print("no files (../shared/seeds missing?)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    predicates, entities = load_predicates(), load_entities()
    print(f"lexicons loaded in {time.perf_counter() - start:.3f}s: "
          f"{len(predicates)} predicates, {len(entities)} entities")
    expectations = yaml.safe_load((HERE / "extract_seeds.yaml").read_text(encoding="utf-8"))
    totals = [0, 0, 0, 0, 0.0]
    passed = total = 0
    for path in files:
        doc = read_source(path)
        mentions = find_values(doc.text, doc.date, doc.language)
        t0 = time.perf_counter()
        claims = extract_claims(doc, mentions, predicates=predicates, entities=entities)
        spent = time.perf_counter() - t0
        with_pred = sum(c.predicate is not None for c in claims)
        with_subj = sum(c.subject is not None for c in claims)
        print(f"{Path(path).parent.name}/{Path(path).name} [{doc.language}]: "
              f"{len(mentions)} values -> {len(claims)} claims, {with_pred} with a predicate, "
              f"{with_subj} with a subject, {spent * 1000:.1f} ms")
        for i, n in enumerate((len(mentions), len(claims), with_pred, with_subj, spent)):
            totals[i] += n
        if args.claims:
            print("\n".join(show(c) for c in claims))
        name = Path(path).name
        if name in expectations:
            ok, n = check(expectations[name], claims)
            passed, total = passed + ok, total + n
    values, n_claims, with_pred, with_subj, spent = totals
    print(f"all: {values:.0f} values -> {n_claims:.0f} claims, "
          f"{with_pred / max(n_claims, 1):.0%} with a predicate, "
          f"{with_subj / max(n_claims, 1):.0%} with a subject, "
          f"{spent * 1000:.1f} ms extracting")
    if total:
        print(f"seed expectations: {passed}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
