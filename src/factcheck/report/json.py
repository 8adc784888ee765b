"""The JSON report, version 1: the `Report` model as pydantic dumps it, one fixed layout.

Determinism comes from the report itself (sorted sources, claims and findings; paths as
given); this renderer only fixes indentation and the final newline. `chunks` gives the same
text piece by piece, so a large report is written without ever being held whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.models import Report

_INDENT = "  "
_STREAMED = ("claims", "findings")  # the lists that grow with the input


def render(report: Report, *, color: bool = False) -> str:
    del color  # JSON is data: never colored
    return report.model_dump_json(indent=2) + "\n"


def chunks(report: Report) -> Iterator[str]:
    """render(report) in pieces: the report without its claims and findings, with each of
    those lists written record by record where its empty form stood. A record dumped alone
    and indented two levels is what the whole dump holds (JSON strings hold no raw newline,
    so indenting every line cannot touch a value)."""
    skeleton = report.model_copy(update={name: [] for name in _STREAMED})
    text = skeleton.model_dump_json(indent=2) + "\n"
    for name in _STREAMED:
        records = getattr(report, name)
        empty = f'\n{_INDENT}"{name}": [],\n'
        at = text.index(empty) + len(empty) - 4  # where the "[]" of this list stands
        yield text[:at]
        text = text[at + 2 :]
        if records:
            inner = "\n" + _INDENT * 2
            yield "["
            for i, record in enumerate(records):
                body = record.model_dump_json(indent=2).replace("\n", inner)
                yield (inner if i == 0 else "," + inner) + body
            yield f"\n{_INDENT}]"
        else:
            yield "[]"
    yield text


def schema() -> dict[str, object]:
    """The JSON Schema of the report, generated from the models."""
    return Report.model_json_schema()


__all__ = ["chunks", "render", "schema"]
