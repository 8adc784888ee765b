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


def _s2t_changed() -> str:
    """Every \\p{Han} character OpenCC's s2t changes, in code point order."""
    import opencc
    import regex

    chars = [chr(c) for c in range(0x2E80, 0x323B0) if regex.match(r"\p{Han}", chr(c))]
    out = opencc.OpenCC("s2t").convert("\n".join(chars)).split("\n")
    return "".join(c for c, o in zip(chars, out, strict=True) if o != c)


def test_simplified_only_list_matches_opencc() -> None:
    # lexicon/scripts.yaml stands in for s2t at start-up; regenerate it with
    # `python tests/test_language.py --write` after an OpenCC upgrade.
    from factcheck.language import simplified_only

    assert simplified_only() == frozenset(_s2t_changed())


_SCRIPTS_HEADER = """\
# Han characters that exist only in Simplified form: every character (one at a time) that
# OpenCC's s2t conversion changes, over all of \\p{Han}. Language detection counts them
# against the characters t2s changes (factcheck.language) without loading OpenCC's s2t
# dictionaries, whose phrase table takes ~0.2 s to load on every cold start.
# Generated from OpenCC %s by `python tests/test_language.py --write`; a test checks that
# it still agrees with the installed OpenCC.
"""

if __name__ == "__main__":
    import sys
    from importlib.metadata import version

    if sys.argv[1:] == ["--write"]:
        chars = _s2t_changed()
        rows = "".join(f"  {chars[i : i + 40]}\n" for i in range(0, len(chars), 40))
        text = _SCRIPTS_HEADER % version("opencc") + "simplified_only: >-\n" + rows
        target = Path(__file__).parents[1] / "src" / "factcheck" / "lexicon" / "scripts.yaml"
        target.write_text(text, encoding="utf-8")
