"""Claim pairs (cases/judge.yaml) through alignment and judging: kind, code, explanation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkit import claim
from factcheck.align import align
from factcheck.judge import judge_all
from factcheck.recordjson import to_json

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "judge.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
@pytest.mark.parametrize("order", ["ab", "ba"])
def test_case(case: dict[str, Any], order: str) -> None:
    a, b = claim(case["a"]), claim(case["b"])
    # Other claims in the same sentences give context; only the a-b finding is judged here.
    extra = [claim(spec, offset=spec.get("offset", 0)) for spec in case.get("extra", [])]
    # Ids in `unknown` are names the registry does not know (weak subjects); others are orgs.
    unknown = set(case.get("unknown", []))
    claims = [a, b, *extra] if order == "ab" else [*extra, b, a]
    pairs = align(claims, subject_type=lambda s: None if s in unknown else "org")
    now = case.get("now")  # when the story is told (the latest date of its sources)
    findings = [
        f for f in judge_all(pairs, now=now) if {s.claim for s in f.sides} == {a.id, b.id}
    ]
    if case["kind"] == "none":
        assert findings == []
        return
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.kind, finding.code) == (case["kind"], case["code"]), finding.explanation
    if "says" in case:
        assert case["says"] in finding.explanation
    assert [s.source for s in finding.sides] == sorted(s.source for s in finding.sides)
    assert 0.0 <= finding.confidence <= 1.0


def test_same_verdicts_whatever_the_order() -> None:
    claims = [claim(c[k]) for c in CASES for k in ("a", "b") if "extra" not in c]
    forward = judge_all(align(claims))
    backward = judge_all(align(list(reversed(claims))))
    assert sorted(to_json(f) for f in forward) == sorted(
        to_json(f) for f in backward
    )


def test_a_third_source_stating_both_figures_tells_them_apart() -> None:
    """X (31 billion, frozen) and Y (3.1 trillion, the total) look like one figure with a
    slipped scale word, but a third source states both, each agreeing with one of them."""

    def money(amount: float) -> dict[str, Any]:
        return {"kind": "money", "amount": amount, "low": amount * 0.99, "high": amount * 1.01,
                "currency": "TWD", "mod": "approx"}

    x = claim({"source": "a.txt", "subject": "legislature", "predicate": "spending",
               "sentence": "Lawmakers froze about NT$31 billion of spending.",
               "value_text": "about NT$31 billion", "value": money(31e9)})
    y = claim({"source": "b.md", "subject": "legislature", "predicate": "spending",
               "sentence": "立法院通过的支出规模约3.1万亿元。", "value_text": "约3.1万亿元",
               "value": money(3.1e12)})
    z1 = claim({"source": "c.txt", "subject": "legislature",
                "sentence": "立法院凍結約新台幣310億元。", "value_text": "約新台幣310億元",
                "value": money(31e9)})
    z2 = claim({"source": "c.txt", "subject": "legislature", "predicate": "budget",
                "sentence": "總預算約新台幣3.1兆元。", "value_text": "約新台幣3.1兆元",
                "value": money(3.1e12)}, offset=100)
    findings = judge_all(align([x, y, z1, z2]))
    between = [f for f in findings if {s.claim for s in f.sides} == {x.id, y.id}]
    assert [(f.kind, f.code) for f in between] in ([], [("review", "FC206")])
    assert not any(f.kind == "contradiction" for f in findings)
