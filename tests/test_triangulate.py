"""Three sources on one fact (cases/triangulate.yaml): when two agree, a third source's
differing figure is a contradiction with both, if it looks like that figure misreported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkit import claim
from factcheck.align import align
from factcheck.judge import judge_all

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "triangulate.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
@pytest.mark.parametrize("order", ["abx", "xba"])
def test_case(case: dict[str, Any], order: str) -> None:
    a, b, x = (claim(case[k]) for k in "abx")
    claims = [a, b, x] if order == "abx" else [x, b, a]
    unknown = set(case.get("unknown", []))
    findings = judge_all(align(claims, subject_type=lambda s: None if s in unknown else "org"))
    agreed = [f for f in findings if {a.id, b.id} <= {s.claim for s in f.sides}]
    assert [f.kind for f in agreed] == ["agreement"]
    for key, other in (("xa", a), ("xb", b)):
        kinds = [f.kind for f in findings if {s.claim for s in f.sides} == {x.id, other.id}]
        assert kinds == ([] if case[key] == "none" else [case[key]]), key
