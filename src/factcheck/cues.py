"""Closed word classes extraction reads sentences with (lexicon/cues.yaml): pronouns, the
markers that make an entity oblique, an agent or a quoted source, time-qualifier cues, and
the punctuation that closes a clause."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from factcheck import lexfiles
from factcheck.frozen import frozen
from factcheck.normalize.script import fold
from factcheck.phrases import PhraseMatcher


def _phrases(block: dict[str, Any]) -> list[str]:
    return [str(p) for lang in ("zh", "en") for p in block.get(lang) or ()]


@frozen
class Cues:
    pronouns: PhraseMatcher[str]  # payload: entity class the pronoun stands for
    oblique: PhraseMatcher[str]
    agent: PhraseMatcher[str]
    attribution: PhraseMatcher[str]
    time: PhraseMatcher[str]
    as_of: PhraseMatcher[str]
    clause_breaks: frozenset[str]
    clock_before: tuple[str, ...] = ()
    clock_after: tuple[str, ...] = ()
    span_after: tuple[str, ...] = ()  # "ago", 前: a span of time as a point in time
    span_before: tuple[str, ...] = ()  # "over the past", 近
    since_before: tuple[str, ...] = ()  # "since 1998", 自
    since_after: tuple[str, ...] = ()  # 1998年以来


@functools.cache
def load_cues() -> Cues:
    data = lexfiles.load("cues.yaml")
    pronouns = [(p, cls) for cls, block in data["pronouns"].items() for p in _phrases(block)]
    return Cues(
        pronouns=PhraseMatcher(pronouns),
        oblique=PhraseMatcher((p, "oblique") for p in _phrases(data["oblique_before"])),
        agent=PhraseMatcher((p, "agent") for p in _phrases(data["agent_before"])),
        attribution=PhraseMatcher((p, "source") for p in _phrases(data["attribution_before"])),
        time=PhraseMatcher((p, "time") for p in _phrases(data["time_cues"])),
        as_of=PhraseMatcher((p, "as_of") for p in _phrases(data["as_of"])),
        clause_breaks=frozenset(str(c) for c in data["clause_breaks"]),
        clock_before=tuple(fold(p) for p in _phrases(data.get("clock_before") or {})),
        # Longest first, so "a.m." is tried before "am".
        clock_after=tuple(sorted((fold(p) for p in _phrases(data.get("clock_after") or {})),
                                 key=len, reverse=True)),
        span_after=_longest_first(data.get("span_as_time", {}).get("after") or {}),
        span_before=_longest_first(data.get("span_as_time", {}).get("before") or {}),
        since_before=_longest_first(data.get("since", {}).get("before") or {}),
        since_after=_longest_first(data.get("since", {}).get("after") or {}),
    )


def _longest_first(block: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted((fold(p) for p in _phrases(block)), key=len, reverse=True))


def is_since(cues: Cues, time_text: str) -> bool:
    """Whether a time qualifier as written is a span up to now ("since 1998", "1998年以来")."""
    words = fold(time_text).strip().lower()
    return words.startswith(cues.since_before) or words.endswith(cues.since_after)


def span_as_time(cues: Cues, folded: str, start: int, unit_end: int) -> bool:
    """Whether the span of time folded[start:unit_end] (number, then its unit word ending at
    `unit_end`) is a point in time: "two years ago", "三年前", "over the past five years"."""
    after = folded[unit_end : unit_end + 12].lstrip(" ")
    if _starts_with_word(after, cues.span_after):
        return True
    before = folded[max(0, start - 16) : start].rstrip(" ")
    for word in cues.span_before:
        if before.endswith(word):
            head = before[-len(word) - 1 : -len(word)]
            if not (word[0].isascii() and word[0].isalpha() and head.isalnum()):
                return True
    return False


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` starts with one of `words`, a Latin one ending where a word ends ("pm"
    starts "pm," but not "pmo")."""
    for word in words:
        if text.startswith(word):
            rest = text[len(word) : len(word) + 1]
            if not (word[-1].isascii() and word[-1].isalpha() and rest.isalnum()):
                return True
    return False


def is_clock(cues: Cues, folded: str, start: int, end: int) -> bool:
    """Whether the number at folded[start:end] is an hour or minute: "上午10时", "10:30",
    "9 pm". Only a few characters either side are read."""
    if folded[end : end + 1] == ":" and folded[end + 1 : end + 2].isdigit():
        return True
    if start >= 2 and folded[start - 1] == ":" and folded[start - 2].isdigit():
        return True
    if _starts_with_word(folded[end : end + 10].lstrip(" "), cues.clock_after):
        return True
    before = folded[max(0, start - 4) : start].rstrip(" ")
    return any(before.endswith(word) for word in cues.clock_before)


def ends_with(matcher: PhraseMatcher[str], folded: str, end: int, floor: int) -> int | None:
    """Start of a phrase of `matcher` ending at `end` (spaces before `end` skipped), if any.

    Only a short window is searched, so the cost does not grow with the sentence."""
    while end > floor and folded[end - 1] == " ":
        end -= 1
    lo = max(floor, end - 16)
    for hit in matcher.all_hits(folded[lo:end]):
        if hit.end == end - lo:
            return hit.start + lo
    return None


@functools.lru_cache(maxsize=8)
def _break_chars(breaks: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern matching any one clause-break character (None when there are none)."""
    chars = sorted(c for c in breaks if len(c) == 1)
    return re.compile("[" + "".join(map(re.escape, chars)) + "]") if chars else None


class Clauses:
    """Clause boundaries of one sentence: positions of clause-closing punctuation."""

    def __init__(self, text: str, start: int, end: int, breaks: frozenset[str]) -> None:
        cuts = [start]
        found = _break_chars(breaks)
        # The scanner finds the few break characters; a loop over every character of every
        # sentence cost a tenth of extraction.
        for match in found.finditer(text, start, end) if found is not None else ():
            i = match.start()
            if not (
                text[i] == "," and 0 < i < len(text) - 1
                and text[i - 1].isdigit() and text[i + 1].isdigit()  # 1,000 is one number
            ):
                cuts.append(i + 1)
        cuts.append(end)
        self.cuts = cuts

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.cuts, pos) - 1

    def span(self, pos: int) -> tuple[int, int]:
        i = min(self.index(pos), len(self.cuts) - 2)
        return self.cuts[i], self.cuts[i + 1]
