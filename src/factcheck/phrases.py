"""Many phrases found in one pass over a folded text (Aho-Corasick), for the lexicons.

Phrases are folded like the text (Traditional -> Simplified, lower case), so a phrase written
in either script matches both. A phrase made of ASCII letters or digits at its edge matches
only on a word boundary there ("sue" is not in "pursue"); CJK phrases match anywhere.
Where matches overlap, the longest one starting first wins, so "未来" hides "未".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick

from factcheck.frozen import frozen
from factcheck.normalize.script import fold

T = TypeVar("T")


def fold_many(items: Iterable[str]) -> list[str]:
    """fold() of each string, in one call: folding is per character and keeps lengths, so a
    joined text folds to the joined folds (and one call is far cheaper than thousands)."""
    items = [item.replace("\n", " ") for item in items]
    return fold("\n".join(items)).split("\n") if items else []


def _is_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


# _is_word as a set: a membership test per match is cheaper than a call
_WORD_CHARS = frozenset(c for c in map(chr, range(128)) if _is_word(c))


@frozen
class Hit(Generic[T]):
    start: int
    end: int
    phrase: str
    payload: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Phrases, each with one or more payloads, matched in folded text."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        table: dict[str, list[T]] = {}
        pairs = list(phrases)
        for key, (_, payload) in zip(fold_many(p.strip() for p, _ in pairs), pairs, strict=True):
            if key:
                items = table.setdefault(key, [])
                if payload not in items:
                    items.append(payload)
        self._automaton = ahocorasick.Automaton()
        # Whether any phrase has a word edge: without one, no match needs a boundary test.
        self._edges = any(_is_word(key[0]) or _is_word(key[-1]) for key in table)
        for key, items in table.items():
            # Whether each edge must fall on a word boundary, decided once per phrase.
            self._automaton.add_word(
                key, (key, tuple(items), len(key), _is_word(key[0]), _is_word(key[-1]))
            )
        self._empty = not table
        if table:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def _spans(self, folded: str) -> list[tuple[int, int, str, tuple[T, ...]]]:
        """(start, -length, phrase, payloads) of every match on word boundaries, in order of
        end position. Tuples rather than Hits: this runs per sentence for every lexicon."""
        if self._empty:
            return []
        if not self._edges:
            return [
                (last - size + 1, -size, key, payload)
                for last, (key, payload, size, _, _) in self._automaton.iter(folded)
            ]
        out: list[tuple[int, int, str, tuple[T, ...]]] = []
        n = len(folded)
        word = _WORD_CHARS
        for last, (key, payload, size, word_first, word_last) in self._automaton.iter(folded):
            start = last - size + 1
            if word_first and start > 0 and folded[start - 1] in word:
                continue
            if word_last and last + 1 < n and folded[last + 1] in word:
                continue
            out.append((start, -size, key, payload))
        return out

    def all_hits(self, folded: str) -> Iterator[Hit[T]]:
        """Every match on word boundaries, overlaps included, in order of end position."""
        for start, neg_size, key, payload in self._spans(folded):
            yield Hit(start, start - neg_size, key, payload)

    def find(self, folded: str) -> list[Hit[T]]:
        """Non-overlapping matches: leftmost first, and the longest of those."""
        spans = self._spans(folded)
        # Two matches with the same start and length are the same phrase, so the sort never
        # compares payloads.
        spans.sort()
        out: list[Hit[T]] = []
        reach = 0
        for start, neg_size, key, payload in spans:
            if start >= reach:
                reach = start - neg_size
                out.append(Hit(start, reach, key, payload))
        return out
