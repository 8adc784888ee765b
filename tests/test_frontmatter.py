"""factcheck.frontmatter: the fields read, where the body starts, and errors with the file's
line (cases in cases/frontmatter.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import SourceError
from factcheck.frontmatter import read_front_matter
from factcheck.sources import read_source

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "frontmatter.yaml").read_text("utf-8")
)["cases"]
GOOD = [pytest.param(c, id=c["name"]) for c in CASES if "expect" in c]
BAD = [pytest.param(c, id=c["name"]) for c in CASES if "error" in c]


@pytest.mark.parametrize("case", GOOD)
def test_front_matter_fields(case: dict[str, Any]) -> None:
    front = read_front_matter(case["text"], case["path"])
    expect = case["expect"]
    if "title" in expect:
        assert front.title == expect["title"]
    if "date" in expect:
        want = expect["date"]
        assert front.date == (None if want is None else dt.date.fromisoformat(want))
    if "lang" in expect:
        assert front.lang == expect["lang"]
    if "body" in expect:
        assert case["text"][front.body_start :] == expect["body"]
    if "body_start" in expect:
        assert front.body_start == expect["body_start"]


@pytest.mark.parametrize("case", BAD)
def test_front_matter_errors_name_the_line(case: dict[str, Any]) -> None:
    with pytest.raises(SourceError) as info:
        read_front_matter(case["text"], case["path"])
    assert info.value.line == case["error"]["line"]
    assert info.value.path == case["path"]
    assert case["error"]["message"] in str(info.value)
    assert info.value.hint


@pytest.mark.parametrize("case", BAD)
def test_front_matter_errors_from_a_real_file(tmp_path: Path, case: dict[str, Any]) -> None:
    path = tmp_path / case["path"]
    path.write_text(case["text"], "utf-8")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert str(info.value).startswith(f"{path}:{case['error']['line']}: ")


def test_front_matter_after_a_bom_and_in_crlf_file(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes("\ufeff---\r\ntitle: 標題\r\ndate: 2025-01-17\r\n---\r\n內容。\r\n".encode())
    doc = read_source(path)
    assert doc.title == "標題"
    assert doc.date == dt.date(2025, 1, 17)
    assert doc.text[doc.body_start :] == "內容。\r\n"
    assert (0, doc.body_start) in doc.skip
    assert [s.text for s in doc.sentences] == ["內容。"]


def test_yaml_tags_are_not_executed() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n"
    with pytest.raises(SourceError, match="broken front matter"):
        read_front_matter(text, "evil.md")
