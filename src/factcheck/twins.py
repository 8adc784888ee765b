"""Pydantic twins of the plain records, built on demand from their annotations: the JSON
Schema of the report (`factcheck schema`), and validation of data read from outside (the
claim index, the ledger's cache, test fixtures).

A twin has the record's name, docstring, fields in order with their defaults, and each
field's description from its `Annotated[type, "description"]`; a union of records is told
apart by `kind`. Only commands that need the schema or validation import pydantic.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model, field_validator

from factcheck.frozen import astuple, field_names, is_record


def twin(
    cls: Any,
    *,
    constraints: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = (),
    validators: tuple[tuple[tuple[str, ...], Callable[[type, Any], Any]], ...] = (),
    frozen: bool = True,
) -> type[BaseModel]:
    """The pydantic model of a record class, extra keys forbidden. `constraints` add Field
    arguments by field name (ge=0, ...); `validators` are (field names, function(cls,
    value)) pairs, each a pydantic field_validator; `frozen`: instances refuse assignment."""
    key = (cls, constraints, validators, frozen)
    known = _TWINS.get(key)
    if known is None:
        known = _TWINS[key] = _new_twin(cls, constraints, validators, frozen)
    return known


_TWINS: dict[tuple[Any, ...], type[BaseModel]] = {}


def _new_twin(
    cls: Any,
    constraints: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...],
    validators: tuple[tuple[tuple[str, ...], Callable[[type, Any], Any]], ...],
    frozen: bool,
) -> type[BaseModel]:
    hints = typing.get_type_hints(cls, include_extras=True)
    defaults = _defaults(cls)
    extra = {name: dict(pairs) for name, pairs in constraints}
    fields: dict[str, Any] = {}
    for name in field_names(cls):
        annotation, notes = _split(hints[name])
        spec: dict[str, Any] = dict(extra.get(name, {}))
        if notes:
            spec["description"] = notes[0]
        if name in defaults:
            default = defaults[name]
            if hasattr(default, "make"):  # frozen.field(default_factory=...)
                spec["default_factory"] = default.make
            else:
                spec["default"] = default
        fields[name] = (_mapped(annotation), Field(**spec))
    model: type[BaseModel] = create_model(
        cls.__name__,
        __config__=ConfigDict(frozen=frozen, extra="forbid", defer_build=True),
        __doc__=cls.__doc__,
        __module__=cls.__module__,
        __validators__={
            function.__name__: field_validator(*names)(function) for names, function in validators
        } or None,
        **fields,
    )
    _RECORDS[model] = cls
    return model


_RECORDS: dict[type[BaseModel], type] = {}  # twin -> record


def _defaults(cls: type) -> dict[str, Any]:
    init = cls.__init__  # type: ignore[misc]
    return dict(init.__kwdefaults__ or {}) | _positional_defaults(init)


def _positional_defaults(init: Any) -> dict[str, Any]:
    code = init.__code__
    names = code.co_varnames[1 : code.co_argcount]
    given = init.__defaults__ or ()
    return dict(zip(names[len(names) - len(given) :], given, strict=True))


def _split(annotation: Any) -> tuple[Any, list[str]]:
    """The type and the descriptions of an Annotated[type, "description"] (or a bare type)."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *meta = typing.get_args(annotation)
        return inner, [m for m in meta if isinstance(m, str)]
    return annotation, []


def _mapped(annotation: Any) -> Any:
    """The annotation with every record replaced by its twin; a union of two records or
    more becomes a union discriminated by their `kind` field."""
    annotation, _notes = _split(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and is_record(annotation):
        return twin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        records = [a for a in args if isinstance(a, type) and is_record(a)]
        rest = [_mapped(a) for a in args if a not in records]
        if len(records) >= 2:
            choice: Any = typing.Union[tuple(twin(r) for r in records)]  # noqa: UP007
            tagged: Any = typing.Annotated[choice, Field(discriminator="kind")]
            return typing.Union[(tagged, *rest)] if rest else tagged
        return typing.Union[tuple(_mapped(a) for a in args)]  # noqa: UP007
    if origin in (list, tuple, dict):
        return origin[tuple(a if a is Ellipsis else _mapped(a) for a in args)]
    return annotation


def to_plain(value: Any) -> Any:
    """Validated pydantic data back as plain records (lists, tuples and dicts walked)."""
    record = _RECORDS.get(type(value))
    if record is not None:
        return record(**{name: to_plain(getattr(value, name)) for name in field_names(record)})
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(to_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    return value


def to_twin(value: Any) -> Any:
    """Plain records as their twins, unvalidated (as model_construct builds them)."""
    if is_record(type(value)):
        model = twin(type(value))
        names = field_names(type(value))
        values = {n: to_twin(v) for n, v in zip(names, astuple(value), strict=True)}
        return model.model_construct(**values)
    if isinstance(value, list):
        return [to_twin(item) for item in value]
    if isinstance(value, tuple):
        return tuple(to_twin(item) for item in value)
    if isinstance(value, dict):
        return {key: to_twin(item) for key, item in value.items()}
    return value


@functools.cache
def adapter(annotation: Any) -> TypeAdapter[Any]:
    """A TypeAdapter of the annotation with its records replaced by their twins."""
    return TypeAdapter(_mapped(annotation))


def validate(annotation: Any, data: Any) -> Any:
    """Python data (parsed YAML, JSON) validated as pydantic validated the records."""
    return to_plain(adapter(annotation).validate_python(data))


def validate_json(annotation: Any, text: str | bytes) -> Any:
    return to_plain(adapter(annotation).validate_json(text))


__all__ = ["adapter", "to_plain", "to_twin", "twin", "validate", "validate_json"]
