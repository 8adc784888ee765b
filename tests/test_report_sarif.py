"""SARIF 2.1.0 output: required structure, rules from codes.py, related locations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from factcheck.codes import CODES
from factcheck.report import sarif
from report_fixture import sample_report

SCHEMA = json.loads((Path(__file__).parent / "cases" / "sarif_required.schema.json").read_text())


def _log() -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(sample_report()))
    return log


def test_valid_against_required_structure() -> None:
    checker = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(checker.iter_errors(_log()), key=str)
    assert not errors, errors[0].message if errors else ""


def test_schema_catches_a_broken_log() -> None:
    log = _log()
    del log["runs"][0]["results"][0]["locations"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(log)


def test_rules_are_the_codes_and_indexes_point_at_them() -> None:
    run = _log()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in CODES]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_locations_and_related_locations() -> None:
    results = _log()["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FC101", "FC102", "FC201"]  # no agreement
    first = results[0]
    assert first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 7, 17)
    assert region["snippet"]["text"] == "2025年1月17日"
    (related,) = first["relatedLocations"]
    uri = related["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "dir%2C%20with%3Acolon/b%20%E6%96%87.md"
    assert related["physicalLocation"]["region"]["startLine"] == 24
    assert "2024年" in related["message"]["text"]
    assert results[2]["level"] == "warning"
    assert len(first["partialFingerprints"]["factcheckContent/v1"]) == 32


def test_output_is_deterministic() -> None:
    assert sarif.render(sample_report()) == sarif.render(sample_report())
