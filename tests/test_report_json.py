"""The JSON report: valid against the schema `factcheck schema` prints, and deterministic."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from factcheck.report import render
from reportkit import make_report


def _schema() -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "schema"], capture_output=True, text=True, check=True
    )
    schema: dict[str, object] = json.loads(out.stdout)
    return schema


def test_report_validates_against_the_printed_schema() -> None:
    data = json.loads(render(make_report(), "json"))
    jsonschema.validate(data, _schema())
    assert data["version"] == 1
    assert data["summary"] == {"contradictions": 1, "agreements": 0, "review": 0}
    finding = data["findings"][0]
    assert finding["kind"] == "contradiction"
    assert finding["code"] == "FC101"
    assert [s["value_text"] for s in finding["sides"]] == ["2025年1月17日", "2024年"]
    assert finding["sides"][1]["value"] == {
        "kind": "date", "timex": "2024", "start": "2024-01-01", "end": "2024-12-31",
        "granularity": "year", "mod": None,
    }


def test_hostile_text_stays_a_plain_string() -> None:
    text = render(make_report("\x1b]0;pwned\x07[bold]"), "json")
    data = json.loads(text)
    assert "\x1b]0;pwned\x07[bold]" in data["claims"][0]["sentence"]
    assert "\x1b" not in text  # JSON escapes control characters


def test_byte_identical_output() -> None:
    assert render(make_report(), "json") == render(make_report(), "json")
