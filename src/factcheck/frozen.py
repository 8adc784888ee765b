"""`@frozen`: small immutable record classes that cost little to define.

A class under `@frozen` behaves as under `@dataclass(frozen=True, slots=True)`: an __init__
taking the annotated fields in order (with their defaults), __eq__ between records of the
same class, __hash__, __repr__, __match_args__, no assignment after __init__, and __slots__.
What differs is the cost of defining it: dataclasses writes and compiles six methods per
frozen class (~1.5 ms; a cold `compare` defines ~30 such classes, ~5% of its time), where
here only __init__ is compiled and the other methods are shared functions reading the
fields through one getter per class.

Kept simple on purpose: fields with plain defaults only (no `field()`, ClassVar or
InitVar), no __post_init__, no inheritance between records, no recursion guard in __repr__.
`dataclasses.replace` and `dataclasses.fields` do not apply: a class that needs them stays
a dataclass.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Callable
from dataclasses import Field, FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform

_C = TypeVar("_C", bound=type)
_NO_DEFAULT = object()
_REFUSED_DEFAULTS = (Field, list, dict, set)  # field() specs, and mutable defaults


@dataclass_transform(frozen_default=True)
def frozen(cls: _C) -> _C:
    """The class rebuilt as a frozen, slotted record of its annotated fields."""
    annotations = inspect.get_annotations(cls)
    names = tuple(annotations)
    for base in cls.__mro__[1:]:
        if "_record_names" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
            raise TypeError(f"{cls.__qualname__}: a record cannot extend another record")
    defaults: dict[str, object] = {}
    for name in names:
        if name in ("self", "_set") or name.startswith("_default_"):
            raise TypeError(f"{cls.__qualname__}.{name}: a name __init__ uses for itself")
        annotation = str(annotations[name])
        if annotation.startswith(("ClassVar", "InitVar", "typing.ClassVar", "dataclasses.")):
            raise TypeError(f"{cls.__qualname__}.{name}: ClassVar and InitVar are not supported")
        default = cls.__dict__.get(name, _NO_DEFAULT)
        if isinstance(default, _REFUSED_DEFAULTS):
            raise TypeError(f"{cls.__qualname__}.{name}: only plain immutable defaults")
        if default is not _NO_DEFAULT:
            defaults[name] = default
        elif defaults:
            raise TypeError(f"{cls.__qualname__}.{name}: a field without a default follows one")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: __post_init__ is not supported")

    body = dict(cls.__dict__)
    for name in (*names, "__dict__", "__weakref__"):
        body.pop(name, None)
    body.update(
        __slots__=names,
        __match_args__=names,
        _record_names=names,
        __init__=_init(cls.__qualname__, names, defaults),
        __setattr__=_setattr,
        __delattr__=_delattr,
        **_methods(names),
    )
    record: _C = type(cls)(cls.__name__, cls.__bases__, body)
    return record


def _methods(names: tuple[str, ...]) -> dict[str, Any]:
    """__eq__, __hash__, __repr__ and __reduce__ over these fields: closures, not compiled
    code, each as fast as the dataclass one."""
    values = _values_getter(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(values(self))

    def __repr__(self: Any) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{self.__class__.__qualname__}({fields})"

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        # Pickle and copy through __init__: the frozen __setattr__ refuses slot state.
        return self.__class__, values(self)

    return {f.__name__: f for f in (__eq__, __hash__, __repr__, __reduce__)}


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's field values as a tuple (attrgetter of 2+ names does)."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        get = operator.attrgetter(names[0])
        return lambda record: (get(record),)
    return lambda record: ()


def _init(qualname: str, names: tuple[str, ...], defaults: dict[str, object]) -> Any:
    """__init__(self, <fields>) compiled for these fields: the per-record cost stays that of
    the dataclass one."""
    params = ", ".join(f"{n}=_default_{n}" if n in defaults else n for n in names)
    lines = [f"    _set(self, {n!r}, {n})" for n in names] or ["    pass"]
    source = f"def __init__(self, {params}):\n" + "\n".join(lines) + "\n"
    scope: dict[str, Any] = {"_set": object.__setattr__}
    scope.update({f"_default_{n}": value for n, value in defaults.items()})
    exec(source, scope)  # the source holds only the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{qualname}.__init__"
    return init


def _setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


__all__ = ["frozen"]
