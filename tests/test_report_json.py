"""The JSON report: valid against the schema `factcheck schema` prints, and deterministic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from factcheck.frozen import replace
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


def test_streamed_report_is_the_rendered_report() -> None:
    # The CLI writes JSON record by record; it must be the same text, with claims and
    # findings, with empty lists, and with text that looks like the report's own keys.
    from factcheck.report.json import chunks

    full = make_report('\n  "claims": [],\n')
    reports = [
        full,
        make_report(),
        replace(full, findings=[]),
        replace(full, claims=[], findings=[]),
    ]
    for report in reports:
        assert "".join(chunks(report)) == render(report, "json")


# Long lists are written by pydantic-core in batches (BULK_FROM), and from SPLIT_FROM on
# with their second half written by a forked child (or here, on one core): the same text.
@pytest.mark.parametrize(
    ("batch", "split", "cpus"),
    [(1, False, 2), (2, False, 2), (500, False, 2), (2, True, 1), (2, True, 2)],
)
def test_long_lists_are_the_rendered_report(
    monkeypatch: pytest.MonkeyPatch, batch: int, split: bool, cpus: int
) -> None:
    from factcheck import parallel
    from factcheck.report import json as json_report

    full = make_report('\n  "claims": [],\n')
    report = replace(full, claims=full.claims * 7, findings=full.findings * 5)
    monkeypatch.setattr(json_report, "BULK_FROM", 0)
    monkeypatch.setattr(json_report, "SPLIT_FROM", 0 if split else 10**9)
    monkeypatch.setattr(json_report, "_BATCH", batch)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: cpus)
    assert "".join(json_report.chunks(report)) == render(report, "json")


def test_cli_streams_the_same_json_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parent.parent / "examples" / "chip-takeover"
    sources = [str(p) for p in sorted(examples.glob("*.*")) if p.suffix in (".md", ".txt")]
    target = tmp_path / "report.json"
    cmd = [sys.executable, "-m", "factcheck", "compare", *sources, "--format", "json"]
    to_stdout = subprocess.run(cmd, capture_output=True, check=False)
    to_file = subprocess.run([*cmd, "-o", str(target)], capture_output=True, check=False)
    for done in (to_stdout, to_file):  # 1: the examples disagree; anything else is a failure
        assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    from factcheck import api

    expected = render(api.compare(sources), "json").encode("utf-8")
    assert to_stdout.stdout == expected
    assert target.read_bytes() == expected
