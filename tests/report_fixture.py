"""The hand-made report the renderer tests share (tests/cases/report_findings.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck import twins
from factcheck.models import Report


def sample_report() -> Report:
    path = Path(__file__).parent / "cases" / "report_findings.yaml"
    return twins.validate(Report, yaml.safe_load(path.read_text("utf-8")))
