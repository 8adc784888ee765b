"""The records every stage passes on: values, mentions, claims, findings and the report.

Field names that appear in the JSON report (version 1) are a public contract; add fields,
never rename them.
"""

# No `from __future__ import annotations` here: pydantic would evaluate every field's
# annotation from its text when the classes are made (~0.5% of a cold start).
import bisect
import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# How a qualifier word turned a written value into an interval:
#   approx  约/about/左右      at_most  高达/up to      at_least  以上/at least
#   over    超过/more than      under    不到/less than   nearly    近/nearly
#   range   10至20/between     vague    数十亿/several
Mod = Literal["approx", "at_most", "at_least", "over", "under", "nearly", "range", "vague"]

Modality = Literal["asserted", "reported", "hedged", "forecast", "negated"]

FindingKind = Literal["contradiction", "agreement", "review"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class DateValue(_Record):
    """A calendar interval: a day, a month or a year, possibly widened or left partial."""

    kind: Literal["date"] = "date"
    timex: str = Field(description="TIMEX form: 2025-01-17, 2025-01, 2025, XXXX-04, XXXX-XX-17")
    start: dt.date | None = Field(
        default=None, description="first day covered; null while the year is unknown"
    )
    end: dt.date | None = Field(default=None, description="last day covered (inclusive)")
    granularity: Literal["day", "month", "year"] = "day"
    mod: Mod | None = None


class MoneyValue(_Record):
    """An amount of money: the written amount and the interval its precision allows."""

    kind: Literal["money"] = "money"
    amount: float
    low: float | None = Field(description="lowest amount meant; null when unbounded")
    high: float | None = Field(description="highest amount meant; null when unbounded")
    currency: str = Field(description="ISO 4217 code (USD, CNY, TWD, HKD, EUR, …)")
    mod: Mod | None = None


class NumberValue(_Record):
    """A count or a bare number, with the interval its precision allows."""

    kind: Literal["number"] = "number"
    value: float
    low: float | None = Field(description="lowest value meant; null when unbounded")
    high: float | None = Field(description="highest value meant; null when unbounded")
    unit: str | None = Field(default=None, description="counted unit as written (人, people)")
    mod: Mod | None = None


class PercentValue(_Record):
    """A percentage in percent units (六成 -> 60)."""

    kind: Literal["percent"] = "percent"
    value: float
    low: float | None = Field(description="lowest value meant; null when unbounded")
    high: float | None = Field(description="highest value meant; null when unbounded")
    mod: Mod | None = None


Value = Annotated[
    DateValue | MoneyValue | NumberValue | PercentValue, Field(discriminator="kind")
]
ValueKind = Literal["date", "money", "number", "percent"]


class Mention(_Record):
    """A typed value found in a text. `start`/`end` index the ORIGINAL text (end exclusive)."""

    text: str
    start: int
    end: int
    kind: ValueKind
    value: Value


class Sentence(_Record):
    """A sentence of a document; `start`/`end` index the document's original text."""

    start: int
    end: int
    text: str
    paragraph: int = Field(description="0-based paragraph number (blank-line or line separated)")


class Document(_Record):
    """A source read and decoded: the original text and what was learnt about it."""

    path: str = Field(description="the path as the user gave it ('-' for stdin)")
    text: str = Field(description="decoded original text, BOM removed; offsets index this")
    language: str = Field(default="und", description="zh-Hant, zh-Hans, en or und")
    title: str | None = None
    date: dt.date | None = Field(default=None, description="reference date for relative dates")
    body_start: int = Field(default=0, description="first character after any front matter")
    sentences: list[Sentence] = Field(default_factory=list)
    skip: list[tuple[int, int]] = Field(
        default_factory=list,
        description="spans that state no facts: front matter, URLs, code, HTML comments",
    )

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters.

        A CRLF pair ends one line: the '\\r' sits at the end of the line it closes."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


class SourceInfo(_Record):
    path: str
    language: str = Field(description="zh-Hant, zh-Hans, en or und")
    title: str | None = None
    date: dt.date | None = None


class Claim(_Record):
    """One stated fact: who, what relation, which value, when, how firmly, and where."""

    id: str = Field(description="stable id: '<source>#<character offset of the value>'")
    source: str
    line: int = Field(description="1-based line of the value's first character")
    column: int = Field(description="1-based column, in characters")
    start: int = Field(description="character offset of the value in the source text")
    end: int
    subject: str | None = Field(default=None, description="entity id, e.g. elon_musk")
    subject_text: str | None = None
    predicate: str | None = Field(
        default=None, description="canonical relation, e.g. lawsuit.filed; null when unknown"
    )
    trigger_text: str | None = None
    object: str | None = None
    value_text: str
    value: Value
    time_text: str | None = Field(default=None, description="time qualifier as written")
    time: DateValue | None = None
    modality: Modality = "asserted"
    sentence: str
    sentence_start: int = Field(description="character offset of the sentence in the source")


class Side(_Record):
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


class Finding(_Record):
    kind: FindingKind
    code: str = Field(description="stable finding code, e.g. FC101")
    name: str = Field(description="kebab-case name of the code, e.g. date-mismatch")
    subject: str | None
    predicate: str | None
    explanation: str
    confidence: float
    sides: list[Side]


class Summary(_Record):
    contradictions: int = 0
    agreements: int = 0
    review: int = 0


class Report(_Record):
    version: Literal[1] = 1
    sources: list[SourceInfo]
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
