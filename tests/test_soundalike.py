"""Chinese names in two romanizations (cases/soundalike.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.soundalike import same_sound, sound_key

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "soundalike.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['a']}~{c['b']}" for c in CASES])
def test_same_sound(case: dict[str, Any]) -> None:
    assert same_sound(case["a"], case["b"]) is case["same"]
    assert same_sound(case["b"], case["a"]) is case["same"]


def test_long_or_foreign_parts_have_no_key() -> None:
    assert sound_key("x" * 40) is None
    assert sound_key("müller_hans") is None
