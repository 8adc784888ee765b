"""recordjson writes records exactly as pydantic wrote them when they were pydantic models:
random records of every class, with awkward strings (controls, non-ASCII), floats (tiny,
huge, infinite, NaN, ints in float fields) and dates, against the pydantic twin's dumps."""

from __future__ import annotations

import datetime as dt
import json
import math
import types
import typing
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import models, twins
from factcheck.config import Config
from factcheck.frozen import field_names, is_record
from factcheck.recordjson import float_text, to_data, to_json

_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)  # no lone surrogates
_FLOATS = st.one_of(
    st.floats(),
    st.floats(min_value=-1e-3, max_value=1e-3),  # where repr writes e-05 and pydantic e-5
    st.integers(min_value=-(10**20), max_value=10**20),  # an int given to a float field
    st.sampled_from([1e16, 1e-5, -1e-5, 1e-10, 0.0001, -0.0, math.inf, math.nan]),
)


def _strategy(annotation: Any) -> st.SearchStrategy[Any]:
    """Random values of a record field's type, records included, from the annotations."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _strategy(args[0])
    if origin is typing.Union or origin is types.UnionType:
        return st.one_of(*(_strategy(a) for a in args))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=3)
    if origin is tuple:
        return st.tuples(*(_strategy(a) for a in args))
    if origin is dict:
        return st.dictionaries(_strategy(args[0]), _strategy(args[1]), max_size=3)
    if isinstance(annotation, type) and is_record(annotation):
        hints = typing.get_type_hints(annotation)
        fields = {name: _strategy(hints[name]) for name in field_names(annotation)}
        return st.fixed_dictionaries(fields).map(lambda values: annotation(**values))
    simple: dict[Any, st.SearchStrategy[Any]] = {
        type(None): st.none(), str: _TEXT, int: st.integers(), float: _FLOATS,
        dt.date: st.dates(), Path: _TEXT.map(Path),
    }
    return simple[annotation]


def _same_data(ours: object, theirs: object) -> None:
    # NaN is not equal to itself: compare the JSON texts, which write NaN alike.
    assert json.dumps(ours, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)


RECORDS = [
    models.DateValue, models.MoneyValue, models.NumberValue, models.PercentValue,
    models.Mention, models.Sentence, models.SourceInfo, models.Claim, models.Side,
    models.Finding, models.Summary, models.Report,
]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_json_is_what_pydantic_writes(cls: type, data: st.DataObject) -> None:
    record = data.draw(_strategy(cls))
    model = twins.to_twin(record)
    assert to_json(record) == model.model_dump_json(indent=2)
    assert to_json(record, indent=None) == model.model_dump_json()
    # Large reports write their records' data with pydantic-core (factcheck.report.json).
    written = pydantic_core.to_json(to_data(record), indent=2, inf_nan_mode="null")
    assert written.decode("utf-8") == model.model_dump_json(indent=2)
    _same_data(to_data(record), model.model_dump(mode="json"))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_config_data_is_what_pydantic_gives(data: st.DataObject) -> None:
    config = data.draw(_strategy(Config))
    _same_data(to_data(config), twins.to_twin(config).model_dump(mode="json"))


@pytest.mark.parametrize(
    ("value", "text"),
    [(1e16, "1e+16"), (1e-05, "0.00001"), (-1.5e-05, "-0.000015"), (1e-07, "1e-7"),
     (1e-10, "1e-10"), (0.0001, "0.0001"), (math.inf, "null"), (math.nan, "null"),
     (2.5, "2.5")],
)
def test_float_text(value: float, text: str) -> None:
    assert float_text(value) == text


def test_report_reads_back_equal() -> None:
    """A report written and validated back through its twin is the same report."""
    from reportkit import make_report

    report = make_report()
    assert twins.validate_json(models.Report, to_json(report)) == report
