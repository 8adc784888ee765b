"""Score `factcheck compare` against hand-written expected findings.

Each case is a folder holding two or three articles and an `expected.yaml` (schema in
benchmarks/eval/README.md). The script runs `factcheck compare --format json` on the case's
files, matches the report's findings to the expected ones by where their values sit in the
source files, and prints per case and overall: contradiction precision and recall,
agreement recall, and violations of `must_not` pairs. It is a measurement: it always exits 0.

    python benchmarks/eval_findings.py                  # every case under benchmarks/eval/
    python benchmarks/eval_findings.py examples         # the example stories
    python benchmarks/eval_findings.py --json           # totals as JSON
    python benchmarks/eval_findings.py --validate       # check expected.yaml files only
    python benchmarks/eval_findings.py --values         # expected values the value layer misses
    python benchmarks/eval_findings.py -v               # also list misses and false alarms
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from itertools import combinations, permutations
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE / "eval"
KINDS = ("contradiction", "agreement", "review")


class CaseError(Exception):
    """An expected.yaml that does not describe its files (bad schema, value not found)."""


@dataclass(frozen=True)
class Spot:
    """Where an expected value sits: file name and character span in the decoded text."""

    file: str
    start: int
    end: int
    text: str
    value: str | None = None  # a reported side's normalized value (canonical JSON)


@dataclass
class Expected:
    id: str
    kind: str  # contradiction, agreement, review, or "must_not"
    predicate: str
    sides: list[Spot]
    expect: str | None = None


@dataclass
class Case:
    name: str
    folder: Path
    files: list[str]
    findings: list[Expected]
    must_not: list[Expected]


@dataclass
class Reported:
    kind: str
    sides: list[Spot]
    explanation: str


@dataclass
class Score:
    contradictions_expected: int = 0
    contradictions_found: int = 0
    contradictions_reported: int = 0
    contradictions_correct: int = 0
    contradictions_as_review: int = 0  # expected contradictions shown only as review
    # Reported contradictions between the same two figures as an expected one, stated again
    # elsewhere in the same files (a headline, a fact box): right, but not at the pinned place.
    contradictions_repeated: int = 0
    agreements_expected: int = 0
    agreements_found: int = 0
    reviews_expected: int = 0
    reviews_found: int = 0
    must_not: int = 0
    must_not_violations: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "notes":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int | None]:
        return {
            "contradiction_precision": _ratio(
                self.contradictions_correct + self.contradictions_repeated,
                self.contradictions_reported,
            ),
            "contradiction_precision_strict": _ratio(
                self.contradictions_correct, self.contradictions_reported
            ),
            "contradictions_repeated": self.contradictions_repeated,
            "contradiction_recall": _ratio(
                self.contradictions_found, self.contradictions_expected
            ),
            "agreement_recall": _ratio(self.agreements_found, self.agreements_expected),
            "review_recall": _ratio(self.reviews_found, self.reviews_expected),
            "must_not_violations": self.must_not_violations,
            "contradictions_as_review": self.contradictions_as_review,
            "contradictions_expected": self.contradictions_expected,
            "contradictions_reported": self.contradictions_reported,
            "agreements_expected": self.agreements_expected,
            "must_not": self.must_not,
        }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def read_text(path: Path) -> str:
    # newline="" keeps CRLF, so offsets count characters exactly as the report does.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def locate(text: str, value_text: str, near: str | None, where: str) -> tuple[int, int]:
    """Span of value_text in text; `near` (a unique longer snippet) picks the occurrence."""
    base = 0
    scope = text
    if near is not None:
        if near.count(value_text) == 0:
            raise CaseError(f"{where}: near {near!r} does not contain {value_text!r}")
        if text.count(near) != 1:
            raise CaseError(f"{where}: near {near!r} occurs {text.count(near)} times")
        base = text.index(near)
        scope = near
    hits = scope.count(value_text)
    if hits == 0:
        raise CaseError(f"{where}: {value_text!r} not found")
    if hits > 1:
        raise CaseError(f"{where}: {value_text!r} occurs {hits} times; add `near`")
    start = base + scope.index(value_text)
    return start, start + len(value_text)


def _entry(raw: Any, kind: str, texts: dict[str, str], where: str) -> Expected:
    if not isinstance(raw, dict) or "sides" not in raw:
        raise CaseError(f"{where}: each entry needs `sides`")
    ident = str(raw.get("id", "?"))
    spots: list[Spot] = []
    for side in raw["sides"]:
        name = side.get("file")
        if name not in texts:
            raise CaseError(f"{where} {ident}: file {name!r} is not in `files`")
        value_text = str(side.get("value_text", ""))
        start, end = locate(texts[name], value_text, side.get("near"), f"{where} {ident}")
        spots.append(Spot(name, start, end, value_text))
    if len({s.file for s in spots}) < 2:
        raise CaseError(f"{where} {ident}: sides must come from at least two files")
    entry_kind = kind if kind == "must_not" else str(raw.get("kind"))
    if entry_kind not in (*KINDS, "must_not"):
        raise CaseError(f"{where} {ident}: kind must be one of {KINDS}")
    return Expected(ident, entry_kind, str(raw.get("predicate", raw.get("why", ""))),
                    spots, raw.get("expect"))


def load_case(folder: Path) -> Case:
    spec_path = folder / "expected.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict):
        raise CaseError(f"{spec_path}: not a mapping")
    files = [str(f) for f in spec.get("files") or []]
    if len(files) < 2:
        raise CaseError(f"{spec_path}: `files` must list at least two articles")
    texts = {name: read_text(folder / name) for name in files}
    where = str(spec_path)
    findings = [_entry(raw, "", texts, where) for raw in spec.get("findings") or []]
    must_not = [_entry(raw, "must_not", texts, where) for raw in spec.get("must_not") or []]
    return Case(str(spec.get("case", folder.name)), folder, files, findings, must_not)


def compare_command() -> list[str]:
    exe = shutil.which("factcheck") or str(Path(sys.executable).with_name("factcheck"))
    if Path(exe).exists():
        return [exe]
    return [sys.executable, "-m", "factcheck"]


def run_compare(case: Case) -> dict[str, Any]:
    """The JSON report for the case's files, run from the case folder (relative paths)."""
    cmd = [*compare_command(), "compare", "--format", "json", "--fail-on", "never", *case.files]
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        cmd, cwd=case.folder, capture_output=True, text=True, env=env, timeout=300, check=False
    )
    if proc.returncode not in (0, 1):
        message = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
        raise RuntimeError(message[-1] if message else f"exit {proc.returncode}")
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def reported_findings(report: dict[str, Any], case: Case) -> list[Reported]:
    texts = {name: read_text(case.folder / name) for name in case.files}
    lines = {name: _line_starts(text) for name, text in texts.items()}
    out: list[Reported] = []
    for finding in report.get("findings", []):
        spots: list[Spot] = []
        for side in finding.get("sides", []):
            name = Path(str(side.get("source", ""))).name
            value_text = str(side.get("value_text", ""))
            if isinstance(side.get("start"), int):
                start = int(side["start"])
            elif name in lines and isinstance(side.get("line"), int):
                start = lines[name][side["line"] - 1] + int(side.get("column", 1)) - 1
            else:
                start = -1
            value = _canonical(side["value"]) if "value" in side else None
            spots.append(Spot(name, start, start + max(len(value_text), 1), value_text, value))
        out.append(Reported(str(finding.get("kind")), spots, str(finding.get("explanation"))))
    return out


def _canonical(value: Any) -> str:
    """The figure a normalized value states, whatever its precision or qualifier: "230,000"
    and "about 230,000" are one figure stated twice."""
    if not isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    keys = ("kind", "timex", "amount", "value", "currency", "unit")
    return json.dumps({k: value.get(k) for k in keys}, sort_keys=True, ensure_ascii=False)


def claim_values(report: dict[str, Any]) -> dict[str, list[tuple[int, int, str]]]:
    """file name -> (start, end, normalized value) of every claim the report lists."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for claim in report.get("claims", []):
        if isinstance(claim.get("start"), int) and "value" in claim:
            name = Path(str(claim.get("source", ""))).name
            out.setdefault(name, []).append(
                (claim["start"], claim["end"], _canonical(claim["value"]))
            )
    return out


def value_at(values: dict[str, list[tuple[int, int, str]]], spot: Spot) -> str | None:
    """The tool's own reading of the value at an expected place, if it made a claim there."""
    for start, end, value in values.get(spot.file, ()):
        if start < spot.end and spot.start < end:
            return value
    return None


def repeats(
    found: Reported, expected: Expected, values: dict[str, list[tuple[int, int, str]]]
) -> bool:
    """The finding sets the same two figures against each other as the expected entry (as
    the tool itself reads them at the expected places), from the same two files, but at
    other places where those figures are stated again."""
    for r1, r2 in combinations(found.sides, 2):
        if r1.file == r2.file or r1.value is None or r2.value is None:
            continue
        for e1, e2 in permutations(expected.sides, 2):
            if (e1.file, e2.file) == (r1.file, r2.file) and (
                value_at(values, e1) == r1.value and value_at(values, e2) == r2.value
            ):
                return True
    return False


def same_place(reported: Spot, expected: Spot) -> bool:
    if reported.file != expected.file:
        return False
    if reported.start < 0:  # no position in the report: fall back on the words
        return expected.text in reported.text or reported.text in expected.text
    return reported.start < expected.end and expected.start < reported.end


def matches(found: Reported, expected: Expected) -> bool:
    """Two sides of the finding, from two files, sit on two sides of the expected entry."""
    for r1, r2 in combinations(found.sides, 2):
        if r1.file == r2.file:
            continue
        for e1, e2 in permutations(expected.sides, 2):
            if e1.file != e2.file and same_place(r1, e1) and same_place(r2, e2):
                return True
    return False


def _describe(sides: list[Spot]) -> str:
    return " | ".join(f"{s.file}:{s.text}" for s in sides)


def score_case(
    case: Case,
    found: list[Reported],
    values: dict[str, list[tuple[int, int, str]]] | None = None,
) -> Score:
    score = Score()
    by_kind = {kind: [f for f in found if f.kind == kind] for kind in KINDS}
    for exp in case.findings:
        hit = any(matches(f, exp) for f in by_kind[exp.kind])
        if exp.kind == "contradiction":
            score.contradictions_expected += 1
            score.contradictions_found += hit
        elif exp.kind == "agreement":
            score.agreements_expected += 1
            score.agreements_found += hit
        else:
            score.reviews_expected += 1
            score.reviews_found += hit
        if not hit:
            other = [f.kind for f in found if f.kind != exp.kind and matches(f, exp)]
            seen = f" (reported as {', '.join(sorted(set(other)))})" if other else ""
            if exp.kind == "contradiction" and "review" in other:
                score.contradictions_as_review += 1
            score.notes.append(f"missed {exp.kind} {exp.id} {_describe(exp.sides)}{seen}")
    expected_contradictions = [e for e in case.findings if e.kind == "contradiction"]
    for f in by_kind["contradiction"]:
        score.contradictions_reported += 1
        if any(matches(f, e) for e in expected_contradictions):
            score.contradictions_correct += 1
        elif values is not None and any(repeats(f, e, values) for e in expected_contradictions):
            score.contradictions_repeated += 1
            score.notes.append(f"repeated contradiction {_describe(f.sides)}: {f.explanation}")
        else:
            score.notes.append(f"false contradiction {_describe(f.sides)}: {f.explanation}")
    for bad in case.must_not:
        score.must_not += 1
        if any(matches(f, bad) for f in by_kind["contradiction"]):
            score.must_not_violations += 1
            score.notes.append(f"must_not violated {bad.id} {_describe(bad.sides)}")
    return score


def unread_values(case: Case) -> list[str]:
    """Expected values that `factcheck values` finds no overlapping mention for.

    A finding cannot be right if its value was never read, so this separates value-layer
    misses from extraction and alignment misses."""
    lines = [
        json.dumps({"id": name, "text": read_text(case.folder / name), "reference_date": None})
        for name in case.files
    ]
    proc = subprocess.run(
        [*compare_command(), "values"], input="\n".join(lines) + "\n", capture_output=True,
        text=True, timeout=300, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip() or f"exit {proc.returncode}").splitlines()[-1])
    found: dict[str, list[Spot]] = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        found[record["id"]] = [
            Spot(record["id"], m["start"], m["end"], m["text"]) for m in record["mentions"]
        ]
    spots = {s for e in (*case.findings, *case.must_not) for s in e.sides}
    return sorted(
        f"{s.file}:{s.text}"
        for s in spots
        if not any(same_place(m, s) for m in found.get(s.file, []))
    )


def find_cases(roots: list[Path]) -> list[Path]:
    folders: list[Path] = []
    for root in roots:
        if (root / "expected.yaml").is_file():
            folders.append(root)
        else:
            folders.extend(sorted(p.parent for p in root.glob("*/expected.yaml")))
    return folders


def _fmt(value: float | int | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}" if isinstance(value, float) else str(value)


def _row(name: str, score: Score) -> str:
    fig = score.figures()
    return (
        f"{name:<26} P={_fmt(fig['contradiction_precision'])} "
        f"R={_fmt(fig['contradiction_recall'])} "
        f"({score.contradictions_correct}+{score.contradictions_repeated}"
        f"/{score.contradictions_reported} reported, "
        f"{score.contradictions_found}/{score.contradictions_expected} expected, "
        f"{score.contradictions_as_review} as review)  "
        f"agree R={_fmt(fig['agreement_recall'])} "
        f"({score.agreements_found}/{score.agreements_expected})  "
        f"must_not violated {score.must_not_violations}/{score.must_not}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, help="case folders or their parents")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--validate", action="store_true", help="only check expected.yaml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    parser.add_argument(
        "--values", action="store_true", help="only list expected values `factcheck values` misses"
    )
    args = parser.parse_args(argv)
    folders = find_cases(args.roots or [DEFAULT_ROOT])
    total = Score()
    per_case: dict[str, dict[str, float | int | None]] = {}
    failures: dict[str, str] = {}
    for folder in folders:
        try:
            case = load_case(folder)
        except (CaseError, OSError, yaml.YAMLError) as exc:
            failures[folder.name] = f"bad expected.yaml: {exc}"
            print(f"{folder.name}: {failures[folder.name]}", file=sys.stderr)
            continue
        if args.validate:
            print(f"{case.name}: ok ({len(case.findings)} findings, "
                  f"{len(case.must_not)} must_not)")
            continue
        if args.values:
            try:
                missing = unread_values(case)
            except (RuntimeError, json.JSONDecodeError, KeyError) as exc:
                print(f"{case.name}: values failed ({exc})", file=sys.stderr)
                continue
            print(f"{case.name}: {len(missing)} expected values not read: {', '.join(missing)}")
            continue
        try:
            report = run_compare(case)
        except (RuntimeError, json.JSONDecodeError, subprocess.TimeoutExpired) as exc:
            failures[case.name] = f"compare failed: {exc}"
            print(f"{case.name}: compare failed ({exc}); is `factcheck compare "
                  "--format json` available yet?", file=sys.stderr)
            continue
        score = score_case(case, reported_findings(report, case), claim_values(report))
        total.add(score)
        per_case[case.name] = score.figures()
        if not args.json:
            print(_row(case.name, score))
            if args.verbose:
                for note in score.notes:
                    print(f"    {note}")
    if args.validate or args.values:
        return 0
    if args.json:
        print(json.dumps({"total": total.figures(), "cases": per_case,
                          "failed": failures}, indent=2, ensure_ascii=False))
    elif per_case:
        print("-" * 26)
        print(_row(f"TOTAL ({len(per_case)} cases)", total))
    else:
        print("no case could be scored (see the messages above)")
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)  # a measurement, never a gate
