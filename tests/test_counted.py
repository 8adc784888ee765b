"""Counted nouns (cases/counted.yaml): what a number counts, and its class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkit import claim
from factcheck.counted import counted_noun, different_nouns, noun_class, person_predicate

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "counted.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['sentence']}|{c['value_text']}" for c in CASES])
def test_noun(case: dict[str, Any]) -> None:
    value = {"kind": "number", "value": 1, "low": 1, "high": 1, "unit": case.pop("unit", None)}
    spec = {**case, "value": value}
    noun = counted_noun(claim(spec))
    assert noun == case["noun"]
    assert (noun_class(noun) if noun else None) == case["class"]


def test_unit_field_wins_and_ages_count_nothing() -> None:
    value = {"kind": "number", "value": 5, "low": 5, "high": 5, "unit": "people"}
    c = claim({"sentence": "5 were hurt", "value_text": "5", "value": value})
    assert counted_noun(c) == "people"
    aged = claim({"sentence": "他现年58岁", "value_text": "58", "predicate": "person.age",
                  "value": {"kind": "number", "value": 58, "low": 58, "high": 58}})
    assert counted_noun(aged) is None


@pytest.mark.parametrize(("predicate", "expected"), [
    ("person.age", True), ("person.died", True), ("tenure", True), ("deaths", False), (None, False),
])
def test_person_predicates(predicate: str | None, expected: bool) -> None:
    assert person_predicate(predicate) is expected


@pytest.mark.parametrize(
    ("na", "nb", "different"),
    [
        ("年", "scroll", True),  # a span of time names its unit; a count of scrolls is none
        ("year", "卷", True),
        ("年", "个月", True),  # both spans of time, but of different units
        ("年", "year", False),
        ("年", "个", False),  # a bare classifier on one side says nothing
    ],
)
def test_spans_of_time_differ_from_counts_of_things(na: str, nb: str, different: bool) -> None:
    assert different_nouns(na, nb) is different
