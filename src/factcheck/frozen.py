"""`@frozen`: small immutable record classes that cost little to define.

A class under `@frozen` behaves as under `@dataclass(frozen=True, slots=True)`: an __init__
taking the annotated fields in order (with their defaults), __eq__ between records of the
same class, __hash__, __repr__, __match_args__, no assignment after __init__, and __slots__.
What differs is the cost of defining it: dataclasses writes and compiles six methods per
frozen class (~1.5 ms; a cold `compare` defines ~30 such classes, ~5% of its time), where
here only __init__ is compiled and the other methods are shared functions reading the
fields through one getter per class.

Kept simple on purpose: fields with plain defaults or `field(default_factory=...)` (no
dataclasses.field, ClassVar or InitVar), no __post_init__, no inheritance between records,
no recursion guard in __repr__. `dataclasses.replace` and `dataclasses.fields` do not
apply: `replace`, `field_names` and `astuple` here do the same for these records.

`@frozen(kw_only=True)` makes every field keyword-only, so a field without a default may
follow one with a default (as in a pydantic model). Names listed in a `__slots__` of the
class body are extra slots that are not fields: a record may cache what it computes there
(with object.__setattr__); they take no part in equality, hashing, repr or pickling.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Callable
from dataclasses import Field, FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform, overload

_C = TypeVar("_C", bound=type)
_R = TypeVar("_R")
_T = TypeVar("_T")
_NO_DEFAULT = object()
_REFUSED_DEFAULTS = (Field, list, dict, set)  # dataclasses' field() specs, mutable defaults


class _Factory:
    """A default made afresh for each record (a list, ...)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], _T]) -> _T:
    """A field whose default is `default_factory()`, called for each record."""
    made: _T = _Factory(default_factory)  # type: ignore[assignment]
    return made  # typed as the value, as dataclasses.field is, for the type checker


@overload
def frozen(cls: _C, /) -> _C: ...
@overload
def frozen(*, kw_only: bool = False) -> Callable[[_C], _C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: Any = None, /, *, kw_only: bool = False) -> Any:
    """The class rebuilt as a frozen, slotted record of its annotated fields."""
    if cls is None:
        return lambda cls: _frozen(cls, kw_only)
    return _frozen(cls, kw_only)


def _frozen(cls: _C, kw_only: bool) -> _C:
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
        elif defaults and not kw_only:
            raise TypeError(f"{cls.__qualname__}.{name}: a field without a default follows one")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: __post_init__ is not supported")

    body = dict(cls.__dict__)
    extra = body.get("__slots__", ())
    extra = (extra,) if isinstance(extra, str) else tuple(extra)
    for name in (*names, *extra, "__dict__", "__weakref__"):
        body.pop(name, None)
    body.update(
        __slots__=names + extra,
        __match_args__=() if kw_only else names,
        _record_names=names,
        _record_values=_values_getter(names),
        __init__=_init(cls.__qualname__, names, defaults, kw_only),
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

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        # Pickle and copy field by field: the frozen __setattr__ refuses slot state, and a
        # keyword-only __init__ takes no positional values.
        return _rebuild, (self.__class__, values(self))

    return {f.__name__: f for f in (__eq__, __hash__, __repr__, __reduce__)}


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's field values as a tuple (attrgetter of 2+ names does)."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        get = operator.attrgetter(names[0])
        return lambda record: (get(record),)
    return lambda record: ()


def _rebuild(cls: type[_R], values: tuple[Any, ...]) -> _R:
    record = object.__new__(cls)
    for name, value in zip(cls._record_names, values, strict=True):  # type: ignore[attr-defined]
        object.__setattr__(record, name, value)
    return record


def _init(
    qualname: str, names: tuple[str, ...], defaults: dict[str, object], kw_only: bool
) -> Any:
    """__init__(self, <fields>) compiled for these fields: the per-record cost stays that of
    the dataclass one."""
    params = ", ".join(f"{n}=_default_{n}" if n in defaults else n for n in names)
    if kw_only and names:
        params = "*, " + params
    made = [n for n, value in defaults.items() if isinstance(value, _Factory)]
    lines = [f"    if {n} is _default_{n}: {n} = _default_{n}.make()" for n in made]
    lines += [f"    _set(self, {n!r}, {n})" for n in names] or ["    pass"]
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


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record class, in order."""
    names: tuple[str, ...] = cls._record_names  # type: ignore[attr-defined]
    return names


def is_record(cls: type) -> bool:
    return "_record_names" in cls.__dict__


def astuple(record: object) -> tuple[Any, ...]:
    """A record's field values, in order (not copied)."""
    values: tuple[Any, ...] = record.__class__._record_values(record)  # type: ignore[attr-defined]
    return values


def replace(record: _R, /, **changes: Any) -> _R:
    """A copy of `record` with some fields changed (dataclasses.replace for records)."""
    cls = record.__class__
    names: tuple[str, ...] = cls._record_names  # type: ignore[attr-defined]
    unknown = changes.keys() - set(names)
    if unknown:
        raise TypeError(f"{cls.__qualname__} has no field {sorted(unknown)[0]!r}")
    new = object.__new__(cls)
    for name, value in zip(names, cls._record_values(record), strict=True):  # type: ignore[attr-defined]
        object.__setattr__(new, name, changes.get(name, value))
    return new


__all__ = ["astuple", "field", "field_names", "frozen", "is_record", "replace"]
