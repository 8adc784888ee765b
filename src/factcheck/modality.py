"""How firmly a value is stated: asserted, reported, hedged, forecast or negated
(cue phrases in lexicon/modality.yaml)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from factcheck import lexfiles
from factcheck.frozen import frozen
from factcheck.models import Modality
from factcheck.phrases import PhraseMatcher

_OPENING = 12  # characters: how far into a sentence a Chinese attribution opens it
_OPENS_ALL = 3  # a hedge or forecast word this close to the start covers the sentence


@frozen
class ModalityCues:
    matcher: PhraseMatcher[str]
    precedence: tuple[str, ...]
    auxiliaries: frozenset[str] = frozenset()


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
    auxiliaries = frozenset(str(a) for a in data.get("auxiliaries") or ())
    return ModalityCues(PhraseMatcher(pairs), precedence, auxiliaries)


@frozen
class Cue:
    start: int
    end: int
    kind: str
    english: bool
    auxiliary: bool = False  # an English modal verb: it governs what follows it


def sentence_cues(text: str, folded: str, s_start: int, s_end: int) -> list[Cue]:
    """The modality cues of one sentence, found once for all the values in it."""
    out = []
    for hit in load_modality().matcher.find(folded[s_start:s_end]):
        start, end = hit.start + s_start, hit.end + s_start
        kind = hit.payload[0]
        if kind == "neutral":
            continue
        if hit.phrase.isascii() and text[start].isupper() and start > s_start:
            continue  # "May 2024", "Will Smith": a modal is not capitalized mid-sentence
        out.append(Cue(start, end, kind, hit.phrase.isascii(),
                       hit.phrase in load_modality().auxiliaries))
    return out


def modality_of(
    cues: Sequence[Cue],
    sentence_start: int,
    clauses: Sequence[tuple[int, int]],
    anchor: int,
    reach: tuple[int, int],
) -> Modality:
    """The modality of a value whose own clause(s) are `clauses`.

    A cue counts inside the value's or its trigger's clause; a negation only before `anchor`
    (the later of the value and its trigger), since "did not sue" negates and "sued, not
    settled" need not. Attribution reaches further: an English one anywhere within `reach`
    ("…, he said"), a Chinese one when it opens the sentence ("据报道，…", "某某表示，…");
    so does a hedge or forecast that opens it ("预计到2030年，…"). Only cues that open the
    sentence or lie within `reach` are looked at, so a huge sentence costs no more per value."""
    lo = bisect.bisect_left(cues, reach[0], key=lambda c: c.start)
    hi = bisect.bisect_right(cues, reach[1], key=lambda c: c.start)
    top = bisect.bisect_left(cues, sentence_start + _OPENING, key=lambda c: c.start)
    opening = cues[: min(lo, top)]
    found: set[str] = set()
    for cue in (*opening, *cues[lo:hi]):
        inside = any(c_start <= cue.start and cue.end <= c_end for c_start, c_end in clauses)
        if cue.kind == "reported":
            counts = inside or cue.english or cue.start - sentence_start < _OPENING
        elif cue.kind == "negated":
            counts = inside and cue.start < anchor
        elif cue.auxiliary and cue.start >= anchor:
            # "The 460-kilogram satellite will orbit…": a modal verb after the value and its
            # trigger governs another verb; the value is a plain attribute.
            counts = False
        else:  # hedged, forecast: in the clause, or opening the sentence ("预计到2030年，…")
            counts = inside or cue.start - sentence_start < _OPENS_ALL
        if counts:
            found.add(cue.kind)
    for kind in load_modality().precedence:
        if kind in found:
            return kind  # type: ignore[return-value]  # precedence holds Modality names
    return "asserted"
