"""Every finding code, defined once: code, kebab-case name, kind, severity, message, meaning.

Users select and ignore findings by code or by a prefix of one (FC1 = every contradiction),
as with ruff's rule codes. The README's table is checked against this list by a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from factcheck.frozen import frozen

if TYPE_CHECKING:  # models pulls in pydantic; `factcheck codes` does not need it
    from factcheck.models import FindingKind

Severity = Literal["error", "warning", "info"]


@frozen
class Code:
    code: str
    name: str
    kind: FindingKind
    severity: Severity
    message: str  # template over {subject}, {predicate}, {explanation}
    description: str


_C: FindingKind = "contradiction"
_R: FindingKind = "review"
_A: FindingKind = "agreement"

CODES: tuple[Code, ...] = (
    Code("FC101", "date-mismatch", _C, "error", "{explanation}",
         "The same fact is dated differently and the dates cannot both be true."),
    Code("FC102", "amount-mismatch", _C, "error", "{explanation}",
         "The same amount of money is given as values whose intervals do not overlap."),
    Code("FC103", "count-mismatch", _C, "error", "{explanation}",
         "The same count or number is given as values whose intervals do not overlap."),
    Code("FC104", "percent-mismatch", _C, "error", "{explanation}",
         "The same percentage is given as values whose intervals do not overlap."),
    Code("FC105", "statement-mismatch", _C, "error", "{explanation}",
         "Two sentences with no known relation are near-identical apart from the value, "
         "and the values differ."),
    Code("FC201", "different-predicate", _R, "warning", "{explanation}",
         "Two claims about one subject with close values of one kind state different "
         "relations (a bid is not a damages claim): related, not the same fact."),
    Code("FC202", "currency-mismatch", _R, "warning", "{explanation}",
         "The same fact is given in different currencies and no exchange rate is configured."),
    Code("FC203", "loose-match", _R, "warning", "{explanation}",
         "The values agree only loosely: a vague amount, or intervals that merely touch."),
    Code("FC204", "time-qualifier-differs", _R, "warning", "{explanation}",
         "The values differ, but each is stated as of a different time."),
    Code("FC205", "modality-differs", _R, "warning", "{explanation}",
         "The values differ, but one side is a forecast, a hedge or a denial."),
    Code("FC206", "uncertain-alignment", _R, "warning", "{explanation}",
         "The values differ, but the claims are not certainly about the same fact "
         "(similar context without a known relation, or an unknown subject)."),
    Code("FC207", "incomparable-values", _R, "info", "{explanation}",
         "The values cannot be compared (a date missing its year against a year)."),
    Code("FC301", "agreement", _A, "info", "{explanation}",
         "The sources state compatible values for the same fact."),
)

BY_CODE: dict[str, Code] = {c.code: c for c in CODES}

# Order of kinds in every report: what needs action first.
KIND_RANK: dict[str, int] = {"contradiction": 0, "review": 1, "agreement": 2}


def get(code: str) -> Code:
    return BY_CODE[code]


def is_selected(code: str, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """ruff-style selection by code or prefix: the more specific of a matching select and a
    matching ignore wins (a tie ignores); no select means every code."""
    code = code.upper()
    best_sel: int | None = 0
    if sel := [s.upper() for s in select]:
        best_sel = max((len(s) for s in sel if code.startswith(s)), default=None)
    if best_sel is None:
        return False
    best_ign = max((len(s) for s in ignore if code.startswith(s.upper())), default=None)
    return best_ign is None or best_sel > best_ign


def validate(codes: Iterable[str]) -> list[str]:
    """The given codes or prefixes that match no code (for a usage error)."""
    return [c for c in codes if not any(k.startswith(c.upper()) for k in BY_CODE)]


__all__ = ["BY_CODE", "CODES", "KIND_RANK", "Code", "Severity", "get", "is_selected", "validate"]
