"""Pydantic records built from values the pipeline has already checked, faster than
`model_construct`: a large comparison builds hundreds of thousands of mentions, values and
claims, and `model_construct` looks up aliases and defaults field by field for each.

`trusted(cls, **values)` takes every field of `cls` by name, in declaration order, and gives
the same record `cls.model_construct(**values)` gives; with fields missing it falls back to
`model_construct`, which fills in the defaults."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


@functools.cache
def _fields(cls: type[BaseModel]) -> tuple[set[str], bool]:
    """The field names of `cls`, and whether the shortcut applies (no post-init hook and no
    root model, which model_construct treats apart)."""
    plain = not cls.__pydantic_post_init__ and not cls.__pydantic_root_model__
    return set(cls.model_fields), plain


def trusted(cls: type[_M], **values: Any) -> _M:
    names, plain = _fields(cls)
    if not plain or len(values) != len(names) or values.keys() != names:
        return cls.model_construct(**values)
    record = cls.__new__(cls)
    _set(record, "__dict__", values)
    # One shared set: every record of a class has all its fields set (model_construct makes
    # a set per record). A set, not a frozenset: model_copy copies it, then adds to the copy.
    _set(record, "__pydantic_fields_set__", names)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


__all__ = ["trusted"]
