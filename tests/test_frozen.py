"""@frozen records behave as @dataclass(frozen=True, slots=True) classes of the same body:
construction, defaults, equality, hashing, repr, pattern matching, immutability, pickling
and copying; and the definitions it does not support are refused, not half-built."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import ClassVar, Generic, TypeVar

import pytest

from factcheck.frozen import astuple, field_names, frozen, is_record, replace
from factcheck.frozen import field as record_field

T = TypeVar("T")


@frozen
class Span:
    """A span of text."""

    start: int
    end: int
    label: str | None = None

    @property
    def width(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class DataSpan:
    """A span of text."""

    start: int
    end: int
    label: str | None = None


@frozen
class Box(Generic[T]):
    item: T


@frozen
class One:
    value: float


@frozen
class Empty:
    pass


# Picklable records live at module level, as in the package.
PICKLED = [Span(1, 2, "a"), One(0.5), Empty(), Box(("x", 1))]


def test_same_behaviour_as_a_frozen_slotted_dataclass() -> None:
    for args, kwargs in [((1, 2), {}), ((1, 2, "x"), {}), ((), {"end": 3, "start": 1})]:
        ours, theirs = Span(*args, **kwargs), DataSpan(*args, **kwargs)
        assert repr(ours).replace("Span", "DataSpan", 1) == repr(theirs)
        assert hash(ours) == hash(theirs)
        assert ours == Span(*args, **kwargs)
        assert ours != theirs  # records of another class are never equal
    assert Span.__match_args__ == DataSpan.__match_args__ == ("start", "end", "label")
    assert Span.__slots__ == ("start", "end", "label")
    assert Span.__doc__ == "A span of text."
    assert Span(3, 7).width == 4
    assert Span(1, 2) != Span(1, 3)
    assert len({Span(1, 2), Span(1, 2), Span(1, 2, "b")}) == 2
    assert (Span(1, 2) == (1, 2, None)) is False
    assert Span.__init__.__qualname__ == "Span.__init__"


def test_one_and_no_fields() -> None:
    nan = float("nan")
    box = One(nan)
    assert box == box
    assert One(1.0) == One(1.0)
    assert One(1.0) != One(2.0)
    assert hash(One(1.0)) == hash((1.0,))
    assert Empty() == Empty()
    assert hash(Empty()) == hash(())
    assert repr(Empty()) == "Empty()"
    assert repr(One(1.0)) == "One(value=1.0)"
    assert Box[str]("a").item == "a"


def test_construction_errors_match_python_signatures() -> None:
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, "a", "b")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, start=3)  # type: ignore[misc]


def test_assignment_is_refused() -> None:
    span = Span(1, 2)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'start'"):
        span.start = 5  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        span.other = 5  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del span.start  # type: ignore[misc]
    assert span.start == 1


def test_match_statement() -> None:
    match Span(1, 2, "x"):
        case Span(start, end, label="x"):
            assert (start, end) == (1, 2)
        case _:
            pytest.fail("no match")


@pytest.mark.parametrize("record", PICKLED, ids=repr)
def test_pickle_and_copy(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.copy(record) == record
    assert copy.deepcopy(record) == record


def test_unsupported_definitions_are_refused() -> None:
    with pytest.raises(TypeError, match="follows"):

        @frozen
        class Order:
            a: int = 0
            b: int

    with pytest.raises(TypeError, match="plain immutable"):

        @frozen
        class Factory:
            a: list[int] = field(default_factory=list)

    with pytest.raises(TypeError, match="plain immutable"):

        @frozen
        class Mutable:
            a: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="extend"):

        @frozen
        class Child(Span):
            extra: int = 0

    with pytest.raises(TypeError, match="__post_init__"):

        @frozen
        class Post:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="ClassVar"):

        @frozen
        class WithClassVar:
            a: ClassVar[int] = 1


@frozen(kw_only=True)
class Keyed:
    """Keyword-only fields: a required one may follow one with a default."""

    __slots__ = ("_cache",)  # not a field

    kind: str = "k"
    size: int
    parts: list[int] = record_field(default_factory=list)


def test_keyword_only_records() -> None:
    keyed = Keyed(size=3)
    assert (keyed.kind, keyed.size, keyed.parts) == ("k", 3, [])
    assert Keyed(size=3).parts is not keyed.parts  # a fresh list for each record
    assert keyed == Keyed(kind="k", size=3, parts=[])
    assert keyed != Keyed(size=4)
    assert repr(keyed) == "Keyed(kind='k', size=3, parts=[])"
    assert Keyed.__match_args__ == ()
    assert field_names(Keyed) == ("kind", "size", "parts")
    assert astuple(keyed) == ("k", 3, [])
    with pytest.raises(TypeError):
        Keyed("k", 3)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Keyed()  # type: ignore[call-arg]


def test_extra_slots_hold_a_cache_outside_the_fields() -> None:
    keyed = Keyed(size=3)
    object.__setattr__(keyed, "_cache", "computed")
    assert keyed == Keyed(size=3)
    copied = pickle.loads(pickle.dumps(keyed))
    assert copied == keyed
    assert not hasattr(copied, "_cache")  # caches are not pickled: recomputed on use
    assert not hasattr(replace(keyed, size=3), "_cache")
    with pytest.raises(FrozenInstanceError):
        keyed._cache = "x"  # type: ignore[misc]


def test_replace() -> None:
    span = Span(1, 2, "a")
    assert replace(span, end=5) == Span(1, 5, "a")
    assert replace(span) == span
    assert span == Span(1, 2, "a")  # the original is unchanged
    keyed = Keyed(size=1, parts=[1])
    changed = replace(keyed, kind="j")
    assert changed == Keyed(kind="j", size=1, parts=[1])
    assert changed.parts is keyed.parts  # shallow, as dataclasses.replace
    with pytest.raises(TypeError, match="no field 'other'"):
        replace(span, other=1)
    assert is_record(Span)
    assert is_record(Keyed)
    assert not is_record(DataSpan)


@pytest.mark.parametrize("record", [Keyed(size=2, parts=[1, 2])], ids=repr)
def test_keyword_only_pickle_and_copy(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.copy(record) == record
    assert copy.deepcopy(record) == record
