"""Alignment: the case table in cases/align.yaml, and linear growth with the claim count."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkit import claim
from factcheck import align as align_module
from factcheck.align import align
from factcheck.judge import judge_all
from factcheck.models import Claim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "align.yaml").read_text("utf-8")
)


def _claims(specs: list[dict[str, Any]]) -> list[Claim]:
    # Each claim on its own line so that ids differ within a source.
    return [claim(spec, offset=1000 * i, line=i + 1) for i, spec in enumerate(specs)]


def _label(c: Claim) -> str:
    return f"{c.source}:{c.value_text}"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    claims = _claims(case["claims"])
    got = sorted([_label(p.a), _label(p.b)] for p in align(claims))
    assert got == sorted(case["pairs"])
    if "agreements" in case:
        findings = judge_all(align(claims))
        assert sum(f.kind == "agreement" for f in findings) == case["agreements"]
        assert max(len(f.sides) for f in findings) == len({c.source for c in claims})


def _synthetic(n: int, source: str, seed: int) -> list[Claim]:
    """n claims of one predicate and kind with varied contexts: one big block."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(300)]
    out = []
    for i in range(n):
        context = " ".join(rng.sample(words, 8))
        sentence = f"{context} counted {i} items"
        spec = {
            "source": source, "predicate": "deaths", "sentence": sentence, "value_text": f"{i}",
            "value": {"kind": "number", "value": i, "low": i, "high": i},
        }
        out.append(claim(spec, offset=200 * i, line=i + 1))
    return out


def _scored_pairs(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = align_module._context

    def counting(a: Any, b: Any) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(align_module, "_context", counting)
    align(_synthetic(n, "a.txt", 1) + _synthetic(n, "b.txt", 2))
    return calls


def test_work_grows_linearly_with_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _scored_pairs(200, monkeypatch), _scored_pairs(2000, monkeypatch)
    # Ten times the claims: about ten times the pairs scored (an all-pairs loop would be 100x),
    # and never more than the index's candidates from each side per claim.
    assert large <= 12 * small, (small, large)
    assert large <= 2 * align_module.CANDIDATES * 2000


def test_a_shared_place_does_not_tie_a_day_to_another_years_event() -> None:
    """Both sources name the country, once as the scene of this theft and once of one in
    2012; a place is weak evidence, so the day pairs with the other day, not the old year."""
    specs = [
        {"source": "a.md", "subject": "united_kingdom", "subject_text": "英国",
         "predicate": "incident.date", "sentence": "10月9日深夜，英国一家博物馆又出事了。",
         "value_text": "10月9日", "value": {"kind": "date", "timex": "2025-10-09",
                                            "start": "2025-10-09", "end": "2025-10-09"}},
        {"source": "b.txt", "subject": "harwood_museum", "predicate": "incident.date",
         "sentence": "哈伍德博物館10月19日深夜遭人爆竊。", "value_text": "10月19日",
         "value": {"kind": "date", "timex": "2025-10-19", "start": "2025-10-19",
                   "end": "2025-10-19"}},
        {"source": "b.txt", "subject": "united_kingdom", "subject_text": "英國",
         "predicate": "incident.date", "sentence": "2012年英國一間博物館亦曾失竊。",
         "value_text": "2012年", "value": {"kind": "date", "timex": "2012",
                                           "start": "2012-01-01", "end": "2012-12-31",
                                           "granularity": "year"}},
    ]
    types = {"united_kingdom": "place", "harwood_museum": "org"}
    pairs = align(_claims(specs), subject_type=types.get)
    assert [sorted([_label(p.a), _label(p.b)]) for p in pairs] == [
        ["a.md:10月9日", "b.txt:10月19日"]
    ]

