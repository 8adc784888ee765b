"""Closed word classes extraction reads sentences with (lexicon/cues.yaml): pronouns, the
markers that make an entity oblique, an agent or a quoted source, time-qualifier cues, and
the punctuation that closes a clause."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Any

from factcheck import lexfiles
from factcheck.phrases import PhraseMatcher


def _phrases(block: dict[str, Any]) -> list[str]:
    return [str(p) for lang in ("zh", "en") for p in block.get(lang) or ()]


@dataclass(frozen=True, slots=True)
class Cues:
    pronouns: PhraseMatcher[str]  # payload: entity class the pronoun stands for
    oblique: PhraseMatcher[str]
    agent: PhraseMatcher[str]
    attribution: PhraseMatcher[str]
    time: PhraseMatcher[str]
    clause_breaks: frozenset[str]


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
        clause_breaks=frozenset(str(c) for c in data["clause_breaks"]),
    )


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


class Clauses:
    """Clause boundaries of one sentence: positions of clause-closing punctuation."""

    def __init__(self, text: str, start: int, end: int, breaks: frozenset[str]) -> None:
        cuts = [start]
        for i in range(start, end):
            char = text[i]
            if char in breaks and not (
                char == "," and 0 < i < len(text) - 1
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
