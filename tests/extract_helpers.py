"""Building Documents and value Mentions by hand for the extraction tests, so they do not
depend on the reading and value stages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.models import (
    DateValue,
    Document,
    Mention,
    MoneyValue,
    NumberValue,
    PercentValue,
    Sentence,
    Value,
)


def value_of(kind: str, unit: str | None = None) -> Value:
    """A placeholder value of `kind`: extraction reads the kind and unit, not the amount."""
    if kind == "date":
        day = dt.date(2024, 1, 1)
        return DateValue(timex="2024-01-01", start=day, end=day)
    if kind == "money":
        return MoneyValue(amount=1e9, low=1e9, high=1e9, currency="USD")
    if kind == "percent":
        return PercentValue(value=5.0, low=5.0, high=5.0)
    return NumberValue(value=1000.0, low=1000.0, high=1000.0, unit=unit)


def small_number(text: str, start: int) -> Mention:
    value = NumberValue(value=float(text), low=float(text), high=float(text))
    return Mention(text=text, start=start, end=start + len(text), kind="number", value=value)


def mention(doc_text: str, text: str, kind: str, *, nth: int = 0, unit: str | None = None) -> (
    Mention
):
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(text, start + 1)
    if kind == "number" and text.isdigit() and unit is None:
        return small_number(text, start) if int(text) < 100 else Mention(
            text=text, start=start, end=start + len(text), kind="number",
            value=NumberValue(value=float(text), low=float(text), high=float(text)),
        )
    return Mention(
        text=text, start=start, end=start + len(text), kind=kind,  # type: ignore[arg-type]
        value=value_of(kind, unit),
    )


def document(text: str, path: str = "case.txt") -> Document:
    """A Document whose sentences end at 。！？ or at '. ' (a test needs nothing finer)."""
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    i = 0
    while i < len(text):
        char = text[i]
        end = None
        full_stop = char == "." and (i + 1 == len(text) or text[i + 1] == " ")
        if char in "。！？!?" or (full_stop and not text[max(0, i - 2) : i].strip().isdigit()):
            end = i + 1
        elif char == "\n":
            end = i
        if end is not None:
            if text[start:end].strip():
                sentences.append(Sentence(start=start, end=end, text=text[start:end],
                                          paragraph=paragraph))
            if char == "\n":
                paragraph += 1
            start = end if char != "\n" else i + 1
            while start < len(text) and text[start] == " ":
                start += 1
            i = max(i, start - 1)
        i += 1
    if text[start:].strip():
        sentences.append(Sentence(start=start, end=len(text), text=text[start:],
                                  paragraph=paragraph))
    return Document(path=path, text=text, sentences=sentences)


def case_mentions(case: dict[str, Any]) -> tuple[Mention, list[Mention]]:
    text = case["text"]
    main = mention(text, case["value"], case["kind"], nth=case.get("nth", 0),
                   unit=case.get("unit"))
    others = [mention(text, o["text"], o["kind"], unit=o.get("unit")) for o in case.get("also", ())]
    return main, others
