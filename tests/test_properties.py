"""Hypothesis properties over the value layer, extraction and comparison (issue 5).

- values: no exception on any Unicode text; every mention's span lies in the text and
  text[start:end] is the mention as written; mentions are sorted and do not overlap;
- extraction: claims' spans lie in the text, value_text is the text there, and line/column
  agree with the offset (counted here independently of the library);
- comparison: compare(a, b) and compare(b, a) find the same contradictions;
- every input the fuzzer (fuzz/pipeline.py) ever crashed on is replayed.

Articles are drawn from the example stories' sentences with their figures redrawn, mixed
with arbitrary text and the characters that broke parsers before (CRLF, NUL, bidi, ESC).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.api import analyse, compare_claims
from factcheck.errors import FactcheckError
from factcheck.models import Claim, Document
from factcheck.sources import document_from_text
from factcheck.values import find_values
from robustness_kit import EXAMPLES

FUZZ_CASES = Path(__file__).parent / "cases" / "fuzz_regressions.yaml"
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make values, qualifiers and trouble, in both scripts.
TOKENS = [
    "年",
    "月",
    "日",
    "億",
    "亿",
    "萬",
    "万",
    "千",
    "百",
    "十",
    "兩",
    "零",
    "〇",
    "美元",
    "元",
    "%",
    "％",
    "百分之",
    "成",
    "約",
    "近",
    "超過",
    "高達",
    "以上",
    "左右",
    "數十億",
    "去年",
    "billion",
    "million",
    "percent",
    "$",
    "US$",
    "about",
    "up to",
    "more than",
    "nearly",
    "January",
    "Jan.",
    "March 3, 2025",
    "last year",
    "2025-03-04",
    "1/2/2020",
    "1,000",
    "3.5",
    "，",
    "。",
    "「",
    "」",
    "\r\n",
    "\n\n",
    " ",
    "-",
    "–",
    "~",
    "至",
    "到",
    "and",
    "or",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\U0001f600",
    "\ud7ff",
]
tokens = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.integers(0, 10**12).map(str), st.text(max_size=4)),
    max_size=40,
).map("".join)
any_text = st.one_of(st.text(max_size=200), tokens)


@cache
def _example_sentences() -> list[str]:
    sentences = []
    for path in sorted(EXAMPLES.glob("*/*")):
        if path.suffix in (".txt", ".md"):
            text = path.read_text("utf-8").split("\n---\n")[-1]
            sentences.extend(line for line in text.splitlines() if line.strip())
    return sentences


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """An example sentence with each digit redrawn (a different figure, same shape)."""
    text = draw(st.sampled_from(_example_sentences()))
    digits = draw(st.lists(st.integers(0, 9), min_size=len(text), max_size=len(text)))
    keep = draw(st.booleans())
    return "".join(
        str(d) if c.isdigit() and not keep else c for c, d in zip(text, digits, strict=True)
    )


article = st.lists(st.one_of(sentence(), tokens), min_size=1, max_size=8).map("\n".join)


def _where(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _document(text: str, name: str) -> Document | None:
    try:
        return document_from_text(text, name)
    except FactcheckError:  # e.g. broken front matter: a user error, not a crash
        return None


@PROPERTY
@given(text=any_text, year=st.none() | st.integers(1900, 2100))
def test_value_spans_are_the_text_as_written(text: str, year: int | None) -> None:
    ref = dt.date(year, 6, 15) if year else None
    mentions = find_values(text, ref)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end


@PROPERTY
@given(text=st.one_of(article, any_text))
def test_claim_spans_and_positions_agree(text: str) -> None:
    doc = _document(text, "a.txt")
    if doc is None:
        return
    mentions, claims = analyse(doc)
    assert {(c.start, c.end) for c in claims} <= {(m.start, m.end) for m in mentions}
    for c in claims:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start : c.end] == c.value_text
        assert (c.line, c.column) == _where(doc.text, c.start)
        assert doc.text[c.sentence_start : c.sentence_start + len(c.sentence)] == c.sentence


def _contradictions(documents: list[Document], claims: list[Claim]) -> set[Any]:
    report = compare_claims(documents, claims)
    return {
        (f.code, frozenset((s.source, s.start, s.end) for s in f.sides))
        for f in report.findings
        if f.kind == "contradiction"
    }


@PROPERTY
@given(a=article, b=article)
def test_contradictions_do_not_depend_on_the_order(a: str, b: str) -> None:
    docs = [d for d in (_document(a, "a.txt"), _document(b, "b.txt")) if d is not None]
    claims = {d.path: analyse(d)[1] for d in docs}
    forward = _contradictions(docs, [c for d in docs for c in claims[d.path]])
    backward = _contradictions(docs[::-1], [c for d in docs[::-1] for c in claims[d.path]])
    assert forward == backward


def _fuzz_cases() -> list[dict[str, Any]]:
    if not FUZZ_CASES.exists():
        return []
    return yaml.safe_load(FUZZ_CASES.read_text("utf-8")) or []


@pytest.mark.parametrize("case", _fuzz_cases(), ids=lambda c: c["name"])
def test_fuzzer_findings_stay_fixed(case: dict[str, Any]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "fuzz_pipeline", Path(__file__).parent.parent / "fuzz" / "pipeline.py"
    )
    assert spec is not None
    assert spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    data = bytes.fromhex(case["hex"]) if "hex" in case else case["text"].encode("utf-8")
    harness.check_one(data)
