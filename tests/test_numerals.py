"""numerals: Chinese and English numeral strings -> number and precision."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.normalize.numerals import (
    parse_cjk_numeral,
    parse_english_number,
    parse_english_ordinal,
    read_cjk_numeral,
    read_english_number,
)

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "numerals.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(("text", "value", "step"), CASES["cjk"])
def test_cjk_numeral(text: str, value: float, step: float) -> None:
    value, step = float(value), float(step)  # YAML reads 1.0e8 as a string
    reading = read_cjk_numeral(text)
    assert reading is not None, text
    assert math.isclose(float(reading.value), value, rel_tol=1e-12)
    assert math.isclose(float(reading.step), step, rel_tol=1e-12)
    assert parse_cjk_numeral(text) == float(reading.value)


@pytest.mark.parametrize("text", CASES["not_cjk"])
def test_not_a_cjk_numeral(text: str) -> None:
    assert parse_cjk_numeral(text) is None


@pytest.mark.parametrize(("text", "value", "step"), CASES["english"])
def test_english_number(text: str, value: float, step: float) -> None:
    value, step = float(value), float(step)
    reading = read_english_number(text)
    assert reading is not None, text
    assert math.isclose(float(reading.value), value, rel_tol=1e-12)
    assert math.isclose(float(reading.step), step, rel_tol=1e-12)
    assert parse_english_number(text) == float(reading.value)


@pytest.mark.parametrize("text", CASES["not_english"])
def test_not_an_english_number(text: str) -> None:
    assert parse_english_number(text) is None


@pytest.mark.parametrize(("text", "value"), CASES["ordinals"])
def test_english_ordinal(text: str, value: int) -> None:
    assert parse_english_ordinal(text) == value
