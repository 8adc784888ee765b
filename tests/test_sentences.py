"""factcheck.sentences: Chinese and English splitting, paragraphs, spans into the original
text (cases in cases/sentences.yaml), and linear time on pathological input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.markup import skip_spans
from factcheck.sentences import split_sentences, unclosed
from growthkit import assert_linear

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "sentences.yaml").read_text("utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_sentences(case: dict[str, Any]) -> None:
    text = case["text"]
    sentences = split_sentences(text, 0, skip_spans(text))
    assert [[s.paragraph, s.text] for s in sentences] == case["expect"]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_split_starts_at_the_body() -> None:
    text = "Ignored. Part.\nKept here."
    assert [s.text for s in split_sentences(text, 15)] == ["Kept here."]


@given(st.text(alphabet=st.sampled_from("ab 。.!?\n\r\t「」\"'#-1`[]()!<>馬U"), max_size=200))
def test_spans_always_index_the_text(text: str) -> None:
    sentences = split_sentences(text, 0, skip_spans(text))
    last = 0
    for s in sentences:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        last = s.end
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)


@pytest.mark.parametrize(
    "text",
    [
        "1," * 500_000,
        "億" * 1_000_000,
        "一二三四五六七八九十百千萬" * 80_000,
        "a" * 500_000,
        ". " * 500_000,
        "A. " * 300_000,
        "`" * 500_000,
        "<a " * 300_000,
        "](" * 300_000,
        "http://" * 100_000,
        "<!--" * 200_000,
        "```\n" * 200_000,
    ],
    ids=lambda t: repr(t[:6]),
)
def test_pathological_text_is_linear(text: str) -> None:
    small = text[: len(text) // 8]
    assert_linear(
        lambda: split_sentences(small, 0, skip_spans(small)),
        lambda: split_sentences(text, 0, skip_spans(text)),
        scale=8,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("靈犀機器人C輪吸金人民幣1億元", True),  # a headline
        ("- 3月8日 14時20分：起火  ", True),  # a list entry
        ("", True),
        ("火勢已受控。", False),
        ("The fire is contained.  ", False),
        ("他說：「火勢已受控」", False),
    ],
)
def test_a_line_without_a_closing_mark_is_unclosed(sentence: str, expected: bool) -> None:
    assert unclosed(sentence) is expected
