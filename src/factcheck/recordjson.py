"""Records (factcheck.models, factcheck.config) as JSON data and JSON text, exactly as
pydantic wrote the same records when they were pydantic models (JSON report version 1 is a
public contract, byte for byte):

- `to_data(record)` is `model_dump(mode="json")`: a dict in field order, dates as ISO
  strings, paths as strings, tuples as lists, and every float field a float (an int given
  to it becomes 3.0; infinities and NaN stay floats);
- `to_json(record, indent=2)` is `model_dump_json(indent=2)` (`indent=None`:
  `model_dump_json()`, no spaces): non-ASCII kept, control characters escaped as the json
  module escapes them, and floats written as pydantic writes them — infinities and NaN as
  null, and an exponent from -5 to -9 without its leading zero (1e-7, not 1e-07), -5 itself
  as a decimal (0.00001). tests/test_recordjson.py compares both with pydantic.

The conversion of each record class is derived once from its annotations.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import types
import typing
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from factcheck.frozen import field_names, is_record

Convert = Callable[[Any], Any]


def to_data(record: object) -> dict[str, Any]:
    """`model_dump(mode="json")` of the record as a pydantic model."""
    data: dict[str, Any] = _converter(type(record), False)(record)
    return data


def to_json(record: object, *, indent: int | None = 2) -> str:
    """`model_dump_json(indent=indent)` of the record as a pydantic model."""
    data = _converter(type(record), True)(record)
    separators = (",", ": ") if indent is not None else (",", ":")
    try:
        return json.dumps(
            data, ensure_ascii=False, indent=indent, separators=separators, default=_odd
        )
    except _OddFloat:  # rare: a float json.dumps would write otherwise than pydantic
        out: list[str] = []
        _write(data, indent, 0, out)
        return "".join(out)


class _Written:
    """A float whose JSON text differs from repr(): written by _write, not by json.dumps."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _OddFloat(Exception):
    pass


def _odd(value: object) -> object:
    if isinstance(value, _Written):
        raise _OddFloat
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def float_text(value: float) -> str:
    """A float as pydantic writes it in JSON."""
    if not math.isfinite(value):
        return "null"
    text = repr(value)
    mantissa, sep, exponent = text.partition("e-0")
    if not sep:
        return text
    if exponent != "5":
        return f"{mantissa}e-{exponent}"
    sign = "-" if mantissa.startswith("-") else ""
    return f"{sign}0.0000{mantissa.lstrip('-').replace('.', '')}"


def _float_for_data(value: Any) -> float:
    return value if type(value) is float else float(value)


def _float_for_json(given: Any) -> float | _Written:
    value: float = given if type(given) is float else float(given)
    # repr() and pydantic agree on every finite float but those below 1e-4 in size (1e-05).
    if value == 0 or 1e-4 <= abs(value) < math.inf:
        return value
    return _Written(float_text(value))


def _write(value: Any, indent: int | None, level: int, out: list[str]) -> None:
    """json.dumps(value, ensure_ascii=False, indent=indent) in Python, for _Written floats."""
    if isinstance(value, dict | list):
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        if not items:
            out.append(opening + closing)
            return
        inner = "" if indent is None else "\n" + " " * (indent * (level + 1))
        colon = ":" if indent is None else ": "
        out.append(opening)
        for i, (key, item) in enumerate(items):
            out.append(("," if i else "") + inner)
            if isinstance(value, dict):
                out.append(json.dumps(key, ensure_ascii=False) + colon)
            _write(item, indent, level + 1, out)
        out.append(("" if indent is None else "\n" + " " * (indent * level)) + closing)
    elif isinstance(value, _Written):
        out.append(value.text)
    elif isinstance(value, float):
        out.append(float_text(value))
    else:
        out.append(json.dumps(value, ensure_ascii=False))


_CONVERTERS: dict[tuple[Any, bool], Convert] = {}


def _converter(cls: Any, for_json: bool) -> Convert:
    """The function giving a record's JSON data: its fields in order, each converted."""
    known = _CONVERTERS.get((cls, for_json))
    if known is None:
        known = _CONVERTERS[cls, for_json] = _new_converter(cls, for_json)
    return known


def _new_converter(cls: Any, for_json: bool) -> Convert:
    names = field_names(cls)
    hints = typing.get_type_hints(cls)
    special = [
        (name, conv)
        for name in names
        if (conv := _conversion(hints[name], for_json)) is not None
    ]
    values = cls._record_values

    def convert(record: Any) -> dict[str, Any]:
        data = dict(zip(names, values(record), strict=True))
        for name, conv in special:
            value = data[name]
            if value is not None:
                data[name] = conv(value)
        return data

    return convert


def _conversion(annotation: Any, for_json: bool) -> Convert | None:
    """How a value of this type (never None: callers keep None) becomes JSON data; None
    when it already is (str, int, literals)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _conversion(args[0], for_json)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return _conversion(options[0], for_json)
        if all(isinstance(a, type) and is_record(a) for a in options):
            return lambda value: _converter(type(value), for_json)(value)
        raise TypeError(f"no JSON conversion for {annotation}: a union of records only")
    if origin is list or origin is tuple:
        inner = [_conversion(a, for_json) for a in args if a is not Ellipsis]
        conv = inner[0] if inner else None
        if all(c is None for c in inner):
            return list
        if conv is not None and (origin is list or (len(args) == 2 and args[1] is Ellipsis)):
            return lambda items: [None if item is None else conv(item) for item in items]
        raise TypeError(f"no JSON conversion for {annotation}")
    if origin is dict:
        conv_value = _conversion(args[1], for_json)
        if conv_value is None:
            return dict
        return lambda items: {
            k: None if v is None else conv_value(v) for k, v in items.items()
        }
    if annotation is float:
        return _float_for_json if for_json else _float_for_data
    if isinstance(annotation, type):
        if is_record(annotation):
            return _converter(annotation, for_json)
        if issubclass(annotation, dt.date):
            return dt.date.isoformat
        if issubclass(annotation, PurePath):
            return str
    return None


__all__ = ["float_text", "to_data", "to_json"]
