"""SARIF 2.1.0, the format code-scanning services read (GitHub, Azure DevOps, IDEs).

Rules come from codes.py; each finding is a result located at its first side, with every
other side as a related location, and a partial fingerprint from the content (suppress.py)
so a service tracks a finding across edits that move it. Columns count code points.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from factcheck import __version__
from factcheck.codes import CODES
from factcheck.models import Finding, Report, Side
from factcheck.report.line import message, problems, where
from factcheck.suppress import fingerprint

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
HELP_URI = "https://github.com/factcheck-cli/factcheck#finding-codes"


def _rule(code: str) -> dict[str, object]:
    spec = next(c for c in CODES if c.code == code)
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.name.replace("-", " ")},
        "fullDescription": {"text": spec.description},
        "helpUri": HELP_URI,
        "defaultConfiguration": {"level": _LEVEL[spec.severity]},
        "properties": {"kind": spec.kind},
    }


def _location(side: Side) -> dict[str, object]:
    region: dict[str, object] = {
        "startLine": side.line,
        "startColumn": side.column,
        "charOffset": side.start,
        "charLength": side.end - side.start,
        "snippet": {"text": side.value_text},
    }
    if "\n" not in side.value_text:
        region["endLine"] = side.line
        region["endColumn"] = side.column + len(side.value_text)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(side.source, safe="/"), "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    }


def _result(finding: Finding, rule_index: int) -> dict[str, object]:
    first, *others = finding.sides
    related = []
    for number, side in enumerate(others, start=1):
        loc = _location(side)
        loc["id"] = number
        loc["message"] = {"text": f"“{side.value_text}” at {where(side)}"}
        related.append(loc)
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[_severity(finding.code)],
        "message": {"text": message(finding)},
        "locations": [_location(first)],
        "partialFingerprints": {"factcheckContent/v1": fingerprint(finding)},
        "properties": {"kind": finding.kind, "confidence": finding.confidence},
    }
    if related:
        result["relatedLocations"] = related
    return result


def _severity(code: str) -> str:
    return next((c.severity for c in CODES if c.code == code), "warning")


def render(report: Report, *, color: bool = False) -> str:
    del color
    # Every code is a rule, so a result's ruleIndex is stable from one run to the next.
    rules = [_rule(c.code) for c in CODES]
    index = {c.code: i for i, c in enumerate(CODES)}
    results = []
    for finding in (f for f in problems(report) if f.sides):
        result = _result(finding, index.get(finding.code, -1))
        if finding.code not in index:  # a code codes.py does not define: no rule to point at
            del result["ruleIndex"]
        results.append(result)
    driver = {
        "name": "factcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": "https://github.com/factcheck-cli/factcheck",
        "rules": rules,
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "repository root"}}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
