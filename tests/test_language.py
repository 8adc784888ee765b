"""factcheck.language: script and language of a text, and declared tags (cases in
cases/language.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.language import detect_language, language_from_tag
from factcheck.sources import document_from_text

CASES: dict[str, list[dict[str, str]]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "language.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES["detect"], ids=lambda c: c["text"][:20] or "empty")
def test_detect_language(case: dict[str, str]) -> None:
    assert detect_language(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", CASES["tags"], ids=lambda c: f"{c['tag']}-{c['text'][:4]}")
def test_declared_tags(case: dict[str, str]) -> None:
    assert language_from_tag(case["tag"], case["text"]) == case["expect"]


@pytest.mark.parametrize("case", CASES["tags"], ids=lambda c: f"{c['tag']}-{c['text'][:4]}")
def test_front_matter_lang_decides(case: dict[str, Any]) -> None:
    text = f"---\nlang: {case['tag']}\n---\n{case['text']}\n"
    assert document_from_text(text, "a.md").language == case["expect"]


def test_urls_and_code_do_not_make_chinese_english() -> None:
    links = " ".join(f"https://example.com/very/long/path/{i}" for i in range(30))
    text = f"颱風造成三人死亡。\n{links}\n```\nsome english code here and more words\n```\n"
    assert document_from_text(text, "a.txt").language == "zh-Hant"
