"""Hand-made claims for the alignment, verdict and report tests: a sentence, the value as
written in it, and the normalized value; positions are computed from the sentence."""

from __future__ import annotations

from typing import Any

from factcheck import twins
from factcheck.models import Claim, DateValue, Value


def claim(spec: dict[str, Any], *, offset: int = 0, line: int = 1) -> Claim:
    """`spec`: source, sentence, value_text, value (dict) and optionally subject, object,
    predicate, modality, time (a date value dict), time_text, subject_text."""
    sentence: str = spec["sentence"]
    at = sentence.index(spec["value_text"])
    start = offset + at
    source = spec.get("source", "a.txt")
    time = spec.get("time")
    return Claim(
        id=f"{source}#{start}",
        source=source,
        line=line,
        column=at + 1,
        start=start,
        end=start + len(spec["value_text"]),
        subject=spec.get("subject"),
        subject_text=spec.get("subject_text"),
        predicate=spec.get("predicate"),
        object=spec.get("object"),
        value_text=spec["value_text"],
        value=twins.validate(Value, spec["value"]),
        time_text=spec.get("time_text"),
        time=twins.validate(DateValue, time) if time else None,
        modality=spec.get("modality", "asserted"),
        sentence=sentence,
        sentence_start=offset,
    )
