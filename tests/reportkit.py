"""A small real report built from hand-made claims, for the renderer tests."""

from __future__ import annotations

from typing import Any

from claimkit import claim
from factcheck.api import compare_claims
from factcheck.models import Document, Report

DATE_2025 = {"kind": "date", "timex": "2025-01-17", "start": "2025-01-17", "end": "2025-01-17"}
DATE_2024 = {
    "kind": "date", "timex": "2024", "start": "2024-01-01", "end": "2024-12-31",
    "granularity": "year",
}


def make_report(extra: str = "") -> Report:
    """Two sources disagreeing on a filing date; `extra` is spliced into both sentences."""
    specs: list[dict[str, Any]] = [
        {"source": "a.txt", "subject": "elon_musk", "predicate": "lawsuit.filed",
         "sentence": f"2025年1月17日,馬斯克{extra}提交訴狀。", "value_text": "2025年1月17日",
         "value": DATE_2025},
        {"source": "b.md", "subject": "elon_musk", "predicate": "lawsuit.filed",
         "sentence": f"2024年诉讼：马斯克{extra}起诉OpenAI。", "value_text": "2024年",
         "value": DATE_2024},
    ]
    claims = [claim(s) for s in specs]
    docs = [
        Document(path=c.source, text=c.sentence, language="zh-Hans") for c in claims
    ]
    return compare_claims(docs, claims)
