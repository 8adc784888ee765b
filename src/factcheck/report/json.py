"""The JSON report, version 1: the `Report` model as pydantic dumps it, one fixed layout.

Determinism comes from the report itself (sorted sources, claims and findings; paths as
given); this renderer only fixes indentation and the final newline.
"""

from __future__ import annotations

from factcheck.models import Report


def render(report: Report, *, color: bool = False) -> str:
    del color  # JSON is data: never colored
    return report.model_dump_json(indent=2) + "\n"


def schema() -> dict[str, object]:
    """The JSON Schema of the report, generated from the models."""
    return Report.model_json_schema()


__all__ = ["render", "schema"]
