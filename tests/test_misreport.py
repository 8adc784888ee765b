"""Which differing values look like one figure misreported (cases/misreport.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkit import claim
from factcheck.misreport import misreport_like

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "misreport.yaml").read_text("utf-8")
)


def _claim(side: dict[str, Any], source: str) -> Any:
    text = side["text"]
    return claim({"source": source, "sentence": f"It said {text}.", "value_text": text,
                  "value": side["value"]})


@pytest.mark.parametrize("case", CASES, ids=[f"{c['a']['text']}~{c['b']['text']}" for c in CASES])
def test_misreport_like(case: dict[str, Any]) -> None:
    a, b = _claim(case["a"], "a.txt"), _claim(case["b"], "b.txt")
    assert misreport_like(a, b) is case["misreport"]
    assert misreport_like(b, a) is case["misreport"]
    # Without the "close" test (two sources alone, money): only the digits themselves count.
    strict = case.get("digits_only", case["misreport"])
    assert misreport_like(a, b, close=False) is strict
    assert misreport_like(b, a, close=False) is strict
