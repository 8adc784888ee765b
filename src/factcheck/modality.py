"""How firmly a value is stated: asserted, reported, hedged, forecast or negated
(cue phrases in lexicon/modality.yaml)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from factcheck import lexfiles
from factcheck.models import Modality
from factcheck.phrases import PhraseMatcher

_OPENING = 12  # characters: how far into a sentence a Chinese attribution opens it
_OPENS_ALL = 3  # a hedge or forecast word this close to the start covers the sentence


@dataclass(frozen=True, slots=True)
class ModalityCues:
    matcher: PhraseMatcher[str]
    precedence: tuple[str, ...]


@functools.cache
def load_modality() -> ModalityCues:
    data = lexfiles.load("modality.yaml")
    precedence = tuple(str(m) for m in data["precedence"])
    pairs = [
        (str(p), kind)
        for kind in (*precedence, "neutral")
        for lang in ("zh", "en")
        for p in (data.get(kind) or {}).get(lang) or ()
    ]
    return ModalityCues(PhraseMatcher(pairs), precedence)


def modality_of(
    text: str,
    folded: str,
    sentence: tuple[int, int],
    clauses: list[tuple[int, int]],
    anchor: int,
) -> Modality:
    """The modality of a value whose own clause(s) are `clauses` inside `sentence`.

    A cue counts inside the value's or its trigger's clause; a negation only before `anchor`
    (the later of the value and its trigger), since "did not sue" negates and "sued, not
    settled" need not. Attribution reaches further: an English one anywhere in the sentence
    ("…, he said"), a Chinese one when it opens the sentence ("据报道，…", "某某表示，…");
    so does a hedge or forecast that opens it ("预计到2030年，…")."""
    cues = load_modality()
    s_start, s_end = sentence
    found: set[str] = set()
    for hit in cues.matcher.find(folded[s_start:s_end]):
        start, end = hit.start + s_start, hit.end + s_start
        kind = hit.payload[0]
        if kind == "neutral":
            continue
        if hit.phrase.isascii() and text[start].isupper() and text[s_start:start].strip():
            continue  # "May 2024", "Will Smith": a modal is not capitalized mid-sentence
        inside = any(c_start <= start and end <= c_end for c_start, c_end in clauses)
        if kind == "reported":
            counts = inside or hit.phrase.isascii() or start - s_start < _OPENING
        elif kind == "negated":
            counts = inside and start < anchor
        else:  # hedged, forecast: in the clause, or opening the sentence ("预计到2030年，…")
            counts = inside or start - s_start < _OPENS_ALL
        if counts:
            found.add(kind)
    for kind in cues.precedence:
        if kind in found:
            return kind  # type: ignore[return-value]  # precedence holds Modality names
    return "asserted"
