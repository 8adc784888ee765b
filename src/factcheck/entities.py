"""Entities: the alias registry (lexicon/entities.yaml plus the user's `aliases` files),
finding entity mentions in a sentence, and resolving unknown names to known ids.

Known names are matched exactly on the folded text (either Chinese script, any case for CJK;
English names keep their capitals, so "Apple" is the company and "apple" is not). Names not
in the registry (see names.py) are resolved to a known id with rapidfuzz when their folded
form is close enough to a known alias — FUZZY_LATIN for Latin-script names, FUZZY_CJK for
Chinese ones (a one-character transliteration variant of a five-character name scores 80) —
and otherwise get an id of their own derived from the folded name, the same in every source.
Affiliation is not identity: "马斯克旗下的xAI" holds two entities, Musk and xAI.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from factcheck import lexfiles, rxcache
from factcheck.errors import ConfigError
from factcheck.frozen import frozen
from factcheck.names import find_names
from factcheck.normalize.script import fold
from factcheck.phrases import PhraseMatcher, fold_many

FUZZY_LATIN = 88.0  # rapidfuzz ratio (0-100) for "Sam Altmann" ~ "sam altman"
FUZZY_CJK = 80.0
_FUZZY_MIN_LEN = 4  # shorter names are too easy to confuse
_FUZZY_MAX_LEN = 48  # longer "names" are runs of capitalized words, not names
_TYPES = frozenset({"person", "org", "company", "agency", "place", "product"})
_NON_WORD = rxcache.compile(r"[^\p{L}\p{N}]++")


@frozen
class Entity:
    id: str
    type: str
    names: tuple[str, ...]


@frozen
class EntityMention:
    start: int
    end: int
    text: str
    id: str
    type: str  # an entity type, or "name" for an unknown name of unknown type
    known: bool
    core: str = ""  # an unknown organization's name without its suffix (北辰 of 北辰光電)


def entity_id(name: str, kind: str = "org") -> str:
    """A stable snake_case id for a name not in the registry: "Merge Labs" -> merge_labs; a
    Chinese name is romanized (恒达电子 -> hengda_electronics) so that its English rendering
    gets the same id."""
    return _unknown_id(fold(name.strip()), kind)


@functools.lru_cache(maxsize=8192)  # a story names the same people and firms again and again
def _unknown_id(key: str, kind: str) -> str:
    if not key.isascii():
        from factcheck.romanize import romanized_id  # reads the pinyin table on first use

        romanized = romanized_id(key, kind)
        if romanized:
            return romanized
    return _id_of_folded(key)


def _id_of_folded(key: str) -> str:
    return _NON_WORD.sub("_", key).strip("_") or "unknown"


def _case_ok(original: str, written: str) -> bool:
    """A Latin alias must keep its capitals (or be shouted in all capitals)."""
    if not any(c.isascii() and c.isalpha() for c in written):
        return True
    shown = fold(original, lower=False)
    return shown == fold(written, lower=False) or shown.isupper()


class EntityRegistry:
    """Known entities and their aliases, with one automaton over all the aliases."""

    def __init__(self, data: dict[str, Any], source: str = "entities.yaml") -> None:
        self.entities: dict[str, Entity] = {}
        pairs: list[tuple[str, tuple[str, str]]] = []
        for ident, spec in (data.get("entities") or {}).items():
            if not isinstance(spec, dict) or spec.get("type") not in _TYPES:
                raise ConfigError(
                    f"entity {ident!r} needs a type from {sorted(_TYPES)}", path=source
                )
            names = tuple(str(n) for n in spec.get("names") or ())
            self.entities[str(ident)] = Entity(str(ident), str(spec["type"]), names)
            pairs.extend((name, (str(ident), name)) for name in names)
        blockers = [(str(word), ("", "")) for word in data.get("not_entities") or ()]
        self._aliases = PhraseMatcher([*pairs, *blockers])
        self._by_alias: dict[str, str] = {}
        for key, (_, (ident, _)) in zip(fold_many(n for n, _ in pairs), pairs, strict=True):
            self._by_alias.setdefault(key, ident)
        self._latin = [a for a in self._by_alias if a.isascii()]
        self._cjk = [a for a in self._by_alias if not a.isascii()]

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, ident: str) -> Entity | None:
        return self.entities.get(ident)

    def type_of(self, ident: str) -> str | None:
        found = self.entities.get(ident)
        return found.type if found else None

    def _name_mention(self, text: str, folded: str, start: int, end: int, core: str, kind: str) -> (
        EntityMention
    ):
        surface, key = text[start:end], folded[start:end]
        known_id = self._resolve_folded(core) or self._resolve_folded(key)
        if known_id:
            return EntityMention(start, end, surface, known_id, self.entities[known_id].type, True)
        core = core if kind == "org" else ""
        return EntityMention(start, end, surface, _unknown_id(key, kind), kind, False, core)

    def resolve(self, name: str) -> str | None:
        """The known id of a name: exact alias, else the closest alias above the threshold."""
        return self._resolve_folded(fold(name.strip()))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - registries live for the whole run
    def _resolve_folded(self, key: str) -> str | None:
        if key in self._by_alias:
            return self._by_alias[key]
        if not _FUZZY_MIN_LEN <= len(key) <= _FUZZY_MAX_LEN:
            return None
        latin = key.isascii()
        best = process.extractOne(
            key,
            self._latin if latin else self._cjk,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_LATIN if latin else FUZZY_CJK,
        )
        return self._by_alias[best[0]] if best else None

    def find(self, text: str, folded: str, start: int = 0, end: int | None = None) -> list[
        EntityMention
    ]:
        """Entity mentions in text[start:end]; `folded` is fold(text). Known aliases first;
        unknown names where no alias is, resolved fuzzily when they can be."""
        end = len(text) if end is None else end
        known: list[EntityMention] = []
        for hit in self._aliases.find(folded[start:end]):
            s, e = hit.start + start, hit.end + start
            if e < len(text) and text[e] in "$＄":
                continue  # "US$", "HK$": a currency, not the place
            for ident, written in hit.payload:
                if ident and _case_ok(text[s:e], written):
                    ent = self.entities[ident]
                    known.append(EntityMention(s, e, text[s:e], ident, ent.type, True))
                    break
        # Alias hits do not overlap and are sorted, so the ones a name overlaps are a run
        # found by bisection: no pass over all of them per name.
        starts = [m.start for m in known]
        ends = [m.end for m in known]
        dropped: set[int] = set()
        names: list[EntityMention] = []
        for name in find_names(text, folded, start, end):
            if names and names[-1].end > name.start:
                continue  # overlaps a name already taken
            lo, hi = bisect.bisect_right(ends, name.start), bisect.bisect_left(starts, name.end)
            if lo < hi:
                # A known alias inside a longer name: "特斯拉公司" is Tesla; only places give
                # way to an institution named after them ("美国联邦法院", "Bank of Spain").
                inner = known[lo:hi]
                if name.kind != "org" or any(m.type != "place" for m in inner):
                    continue
                dropped.update(range(lo, hi))
            names.append(
                self._name_mention(text, folded, name.start, name.end, name.core, name.kind)
            )
        found = [m for i, m in enumerate(known) if i not in dropped] + names
        return sorted(found, key=lambda m: m.start)


@functools.cache
def _cached(extra: tuple[Path, ...]) -> EntityRegistry:
    data = lexfiles.load("entities.yaml", extra)
    if not isinstance(data, dict):
        raise ConfigError("an alias file must hold a mapping", path="entities.yaml")
    return EntityRegistry(data)


def load_entities(extra: Sequence[Path] = ()) -> EntityRegistry:
    """The built-in alias registry with the user's extra alias files merged in (loaded once)."""
    return _cached(tuple(Path(p) for p in extra))
