"""The predicate lexicon: canonical relations, their trigger phrases and the value kinds each
takes (lexicon/predicates.yaml, plus the user's files from the `lexicon` setting)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

from factcheck import lexfiles
from factcheck.errors import ConfigError
from factcheck.frozen import frozen
from factcheck.models import ValueKind
from factcheck.phrases import Hit, PhraseMatcher

_KINDS = frozenset(get_args(ValueKind))


@frozen
class Predicate:
    name: str
    kinds: frozenset[str]
    takes_object: bool = False
    about_object: bool = False  # the fact is about the entity acted on (X founded Y)
    note: str = ""
    near: int | None = None  # most characters between a value and the trigger
    dated: str | None = None  # the predicate of a date bound to this event's trigger
    counts: str | None = None  # the class of thing a count of this predicate counts (person)


@frozen
class Trigger:
    """A trigger phrase found in a text, with the predicates it may stand for, in order."""

    start: int
    end: int
    text: str
    predicates: tuple[str, ...]


class PredicateLexicon:
    """Predicates by name, and one automaton over all their trigger phrases."""

    def __init__(self, data: dict[str, Any], source: str = "predicates.yaml") -> None:
        self.predicates: dict[str, Predicate] = {}
        phrases: list[tuple[str, str]] = []
        refine: list[tuple[str, tuple[str, str]]] = []
        for name, spec in (data.get("predicates") or {}).items():
            if not isinstance(spec, dict):
                raise ConfigError(f"predicate {name!r} must be a mapping", path=source)
            kinds = frozenset(spec.get("kinds") or ())
            if not kinds or not kinds <= _KINDS:
                raise ConfigError(
                    f"predicate {name!r} needs kinds from {sorted(_KINDS)}", path=source
                )
            self.predicates[name] = Predicate(
                name=name,
                kinds=kinds,
                takes_object=bool(spec.get("object", False)),
                about_object=spec.get("subject") == "object",
                note=str(spec.get("note", "")),
                near=int(spec["near"]) if spec.get("near") is not None else None,
                dated=str(spec["dated"]) if spec.get("dated") else None,
                counts=str(spec["counts"]) if spec.get("counts") else None,
            )
            for lang in ("zh", "en"):
                phrases.extend((str(p), name) for p in spec.get(lang) or ())
            for target, cues in (spec.get("refine") or {}).items():
                refine.extend((str(cue), (name, str(target))) for cue in cues)
        self._add_dated()
        self._triggers = PhraseMatcher(phrases)
        self._chosen: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}
        self._refine = PhraseMatcher(refine)

    def _add_dated(self) -> None:
        """The date predicates that event predicates name in `dated` and nobody defines."""
        for pred in list(self.predicates.values()):
            if pred.dated and pred.dated not in self.predicates:
                self.predicates[pred.dated] = Predicate(
                    name=pred.dated, kinds=frozenset({"date"}), takes_object=pred.takes_object,
                    about_object=pred.about_object, note=f"date of: {pred.note}",
                )

    def __len__(self) -> int:
        return len(self.predicates)

    def takes(self, predicate: str, kind: str) -> bool:
        found = self.predicates.get(predicate)
        return found is not None and kind in found.kinds

    def triggers(self, folded: str, offset: int = 0) -> list[Trigger]:
        """Trigger phrases in a folded text; positions shifted by `offset`."""
        return [
            Trigger(h.start + offset, h.end + offset, h.phrase, h.payload)
            for h in self._triggers.find(folded)
        ]

    def choose(
        self,
        trigger: Trigger,
        kind: str,
        gap: int = 0,
        accept: Callable[[str], bool] | None = None,
    ) -> str | None:
        """The first predicate of `trigger` that takes a value of `kind` standing `gap`
        characters away from it (and that `accept` accepts, when given)."""
        key = (trigger.predicates, kind)
        if key not in self._chosen:
            chosen = tuple(p for p in trigger.predicates if self.takes(p, kind))
            if not chosen and kind == "date":
                # An event trigger that takes no date dates its event: 罚款 + 2023年.
                dated = (self.predicates[p].dated for p in trigger.predicates)
                chosen = tuple(dict.fromkeys(d for d in dated if d))
            self._chosen[key] = chosen
        for name in self._chosen[key]:
            near = self.predicates[name].near
            if (near is None or gap <= near) and (accept is None or accept(name)):
                return name
        return None

    def refine(self, predicate: str, folded_clause: str, kind: str) -> str:
        """A narrower predicate when one of its cue phrases is in the clause."""
        hits: list[Hit[tuple[str, str]]] = self._refine.find(folded_clause)
        for hit in hits:
            for source, target in hit.payload:
                if source == predicate and self.takes(target, kind):
                    return target
        return predicate


@functools.cache
def _cached(extra: tuple[Path, ...]) -> PredicateLexicon:
    data = lexfiles.load("predicates.yaml", extra)
    if not isinstance(data, dict):
        raise ConfigError("a predicate file must hold a mapping", path="predicates.yaml")
    return PredicateLexicon(data)


def load_predicates(extra: Sequence[Path] = ()) -> PredicateLexicon:
    """The built-in predicates with the user's extra files merged in (loaded once)."""
    return _cached(tuple(Path(p) for p in extra))
