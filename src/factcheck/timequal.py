"""The time a claim holds at: another date in its sentence ("截至2024年底", "as of Monday",
"in 2025"), else the date that leads its paragraph ("2月：马斯克试图…")."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.cues import Clauses, ends_with, load_cues
from factcheck.models import DateValue, Mention


def leading_date(dates: Sequence[Mention], first_sentence: tuple[int, int], clauses: Clauses) -> (
    Mention | None
):
    """The date that opens a paragraph: a date in the first clause of its first sentence."""
    first_clause = clauses.span(first_sentence[0])
    for mention in dates:
        if first_clause[0] <= mention.start < first_clause[1]:
            return mention
    return None


def time_qualifier(
    value: Mention,
    dates: Sequence[Mention],
    clauses: Clauses,
    text: str,
    folded: str,
    sentence_start: int,
    lead: Mention | None,
) -> tuple[str | None, DateValue | None]:
    """(time as written, its value) for a non-date value, or (None, None)."""
    if value.kind == "date":
        return None, None
    here = clauses.index(value.start)
    others = [d for d in dates if d.end <= value.start or d.start >= value.end]
    if others:
        # Same clause first, then the nearest in the sentence.
        best = min(
            others,
            key=lambda d: (clauses.index(d.start) != here, abs(d.start - value.start)),
        )
    elif lead is not None and lead.start < value.start:
        best = lead
    else:
        return None, None
    if not isinstance(best.value, DateValue):
        return None, None
    start = best.start
    cue = ends_with(load_cues().time, folded, best.start, max(sentence_start, best.start - 16))
    if cue is not None and best.start >= sentence_start and cue >= sentence_start:
        start = cue
    return text[start : best.end], best.value
