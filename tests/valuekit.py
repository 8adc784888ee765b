"""Shared checks for the value-finder tests: load a case table, compare mentions to it."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from factcheck.models import Mention
from factcheck.recordjson import to_data

CASES = Path(__file__).parent / "cases"


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return list(data)


def case_id(case: dict[str, Any]) -> str:
    return str(case["text"])[:40]


def check(mentions: list[Mention], text: str, expected: list[dict[str, Any]]) -> None:
    """Every expected mention, in order, and nothing else; fields not given are not checked."""
    got = [(m.text, m.kind) for m in mentions]
    assert len(mentions) == len(expected), f"{text!r}: got {got}"
    for m, exp in zip(mentions, expected, strict=True):
        assert m.text == exp["text"], f"{text!r}: got {got}"
        assert text[m.start : m.end] == m.text
        if "kind" in exp:
            assert m.kind == exp["kind"], f"{text!r}: {m.text} is {m.kind}"
        value = to_data(m.value)
        for key, want in exp.items():
            if key in ("text", "kind"):
                continue
            have = value.get(key)
            if want is None or (isinstance(want, str) and not _numeric(want)):
                assert have == want, f"{text!r}: {m.text} {key}={have!r}, want {want!r}"
            else:
                assert have is not None, f"{text!r}: {m.text} {key} is null, want {want}"
                assert math.isclose(have, float(want), rel_tol=1e-9, abs_tol=1e-12), (
                    f"{text!r}: {m.text} {key}={have!r}, want {want}"
                )


def _numeric(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True
