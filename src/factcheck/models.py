"""The records every stage passes on: values, mentions, claims, findings and the report.

Field names that appear in the JSON report (version 1) are a public contract; add fields,
never rename them.

The records are plain frozen, slotted classes (`factcheck.frozen`), keyword-only as pydantic
models were: building hundreds of thousands of them costs what a dataclass costs, and a
comparison never imports pydantic. A field's description, written as `Annotated[type,
"description"]`, is data for the JSON Schema: `factcheck.twins` builds a pydantic model of
each record from these annotations when the schema or validation is asked for, and
`factcheck.recordjson` writes the JSON those models wrote.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Annotated, Literal

from factcheck.frozen import field, frozen

# How a qualifier word turned a written value into an interval:
#   approx  约/about/左右      at_most  高达/up to      at_least  以上/at least
#   over    超过/more than      under    不到/less than   nearly    近/nearly
#   range   10至20/between     vague    数十亿/several
Mod = Literal["approx", "at_most", "at_least", "over", "under", "nearly", "range", "vague"]

Modality = Literal["asserted", "reported", "hedged", "forecast", "negated"]

FindingKind = Literal["contradiction", "agreement", "review"]

@frozen(kw_only=True)
class DateValue:
    """A calendar interval: a day, a month or a year, possibly widened or left partial."""

    kind: Literal["date"] = "date"
    timex: Annotated[str, "TIMEX form: 2025-01-17, 2025-01, 2025, XXXX-04, XXXX-XX-17"]
    start: Annotated[dt.date | None, "first day covered; null while the year is unknown"] = None
    end: Annotated[dt.date | None, "last day covered (inclusive)"] = None
    granularity: Literal["day", "month", "year"] = "day"
    mod: Mod | None = None


@frozen(kw_only=True)
class MoneyValue:
    """An amount of money: the written amount and the interval its precision allows."""

    kind: Literal["money"] = "money"
    amount: float
    low: Annotated[float | None, "lowest amount meant; null when unbounded"]
    high: Annotated[float | None, "highest amount meant; null when unbounded"]
    currency: Annotated[str, "ISO 4217 code (USD, CNY, TWD, HKD, EUR, …)"]
    mod: Mod | None = None


@frozen(kw_only=True)
class NumberValue:
    """A count or a bare number, with the interval its precision allows."""

    kind: Literal["number"] = "number"
    value: float
    low: Annotated[float | None, "lowest value meant; null when unbounded"]
    high: Annotated[float | None, "highest value meant; null when unbounded"]
    unit: Annotated[str | None, "counted unit as written (人, people)"] = None
    mod: Mod | None = None


@frozen(kw_only=True)
class PercentValue:
    """A percentage in percent units (六成 -> 60)."""

    kind: Literal["percent"] = "percent"
    value: float
    low: Annotated[float | None, "lowest value meant; null when unbounded"]
    high: Annotated[float | None, "highest value meant; null when unbounded"]
    mod: Mod | None = None


# One of the four; the JSON Schema tells them apart by `kind` (twins.py).
Value = DateValue | MoneyValue | NumberValue | PercentValue
ValueKind = Literal["date", "money", "number", "percent"]


@frozen(kw_only=True)
class Mention:
    """A typed value found in a text. `start`/`end` index the ORIGINAL text (end exclusive)."""

    text: str
    start: int
    end: int
    kind: ValueKind
    value: Value


@frozen(kw_only=True)
class Sentence:
    """A sentence of a document; `start`/`end` index the document's original text."""

    start: int
    end: int
    text: str
    paragraph: Annotated[int, "0-based paragraph number (blank-line or line separated)"]


@frozen(kw_only=True)
class Document:
    """A source read and decoded: the original text and what was learnt about it."""

    # Not a field: the offsets where lines start, computed on the first `position` call.
    __slots__ = ("_line_starts",)

    path: Annotated[str, "the path as the user gave it ('-' for stdin)"]
    text: Annotated[str, "decoded original text, BOM removed; offsets index this"]
    language: Annotated[str, "zh-Hant, zh-Hans, en or und"] = "und"
    title: str | None = None
    date: Annotated[dt.date | None, "reference date for relative dates"] = None
    body_start: Annotated[int, "first character after any front matter"] = 0
    sentences: list[Sentence] = field(default_factory=list)
    skip: Annotated[
        list[tuple[int, int]],
        "spans that state no facts: front matter, URLs, code, HTML comments",
    ] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters.

        A CRLF pair ends one line: the '\\r' sits at the end of the line it closes."""
        starts: list[int] | None = getattr(self, "_line_starts", None)
        if starts is None:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            object.__setattr__(self, "_line_starts", starts)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


@frozen(kw_only=True)
class SourceInfo:
    path: str
    language: Annotated[str, "zh-Hant, zh-Hans, en or und"]
    title: str | None = None
    date: dt.date | None = None


@frozen(kw_only=True)
class Claim:
    """One stated fact: who, what relation, which value, when, how firmly, and where."""

    id: Annotated[str, "stable id: '<source>#<character offset of the value>'"]
    source: str
    line: Annotated[int, "1-based line of the value's first character"]
    column: Annotated[int, "1-based column, in characters"]
    start: Annotated[int, "character offset of the value in the source text"]
    end: int
    subject: Annotated[str | None, "entity id, e.g. elon_musk"] = None
    subject_text: str | None = None
    predicate: Annotated[
        str | None, "canonical relation, e.g. lawsuit.filed; null when unknown"
    ] = None
    trigger_text: str | None = None
    object: str | None = None
    value_text: str
    value: Value
    time_text: Annotated[str | None, "time qualifier as written"] = None
    time: DateValue | None = None
    modality: Modality = "asserted"
    sentence: str
    sentence_start: Annotated[int, "character offset of the sentence in the source"]


@frozen(kw_only=True)
class Side:
    claim: str
    source: str
    line: int
    column: int
    value_text: str
    value: Value
    sentence: str
    sentence_start: int
    start: int
    end: int
    subject: str | None = None
    predicate: str | None = None
    modality: Modality = "asserted"


@frozen(kw_only=True)
class Finding:
    kind: FindingKind
    code: Annotated[str, "stable finding code, e.g. FC101"]
    name: Annotated[str, "kebab-case name of the code, e.g. date-mismatch"]
    subject: str | None
    predicate: str | None
    explanation: str
    confidence: float
    sides: list[Side]


@frozen(kw_only=True)
class Summary:
    contradictions: int = 0
    agreements: int = 0
    review: int = 0


@frozen(kw_only=True)
class Report:
    version: Literal[1] = 1
    sources: list[SourceInfo]
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
