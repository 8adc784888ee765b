"""factcheck.sources: whole documents from real files and stdin — errors, empty inputs,
skip spans, datelines, positions (cases in cases/sources.yaml)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import SourceError
from factcheck.sources import document_from_text, read_source

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "sources.yaml").read_text("utf-8")
)
HAS_DATES = importlib.util.find_spec("factcheck.normalize.dates") is not None


def make(tmp_path: Path, how: str) -> Path:
    path = tmp_path / "source.md"
    if how == "directory":
        path.mkdir()
    elif how == "noise":  # every high byte: no codec reads it as text
        path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    elif how.startswith("bytes:"):
        path.write_bytes(bytes.fromhex(how[6:]))
    elif how.startswith("text:"):
        path.write_text(how[5:], "utf-8")
    return path


@pytest.mark.parametrize("case", CASES["errors"], ids=lambda c: c["name"])
def test_input_errors(tmp_path: Path, case: dict[str, Any]) -> None:
    path = make(tmp_path, case["make"])
    with pytest.raises(SourceError) as info:
        read_source(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "\n" not in message
    for words in case["message"]:
        assert words in message
    assert info.value.line == case.get("line")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", "utf-8")
    path.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        read_source(path)


def test_device_is_not_read() -> None:
    with pytest.raises(SourceError, match="not a regular file"):
        read_source("/dev/zero")


@pytest.mark.parametrize(
    "content", ["", "   \n\t\n", "\ufeff", "---\ntitle: only\n---\n", "\r\n\r\n"]
)
def test_empty_inputs_give_documents_without_sentences(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.md"
    path.write_text(content, "utf-8")
    doc = read_source(path)
    assert doc.sentences == []
    assert doc.language == "und"


def test_stdin_bytes() -> None:
    data = "\ufeff第一句。第二句。\r\n".encode("utf-16-le")
    doc = read_source("-", stdin=io.BytesIO(b"\xff\xfe" + data[2:]))
    assert doc.path == "-"
    assert doc.text == "第一句。第二句。\r\n"
    assert [s.text for s in doc.sentences] == ["第一句。", "第二句。"]


def test_positions_count_decoded_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "第一行。\r\n第二行有 97.4億美元。\r\n"
    path.write_bytes(text.encode("big5"))
    doc = read_source(path)
    offset = doc.text.index("97.4")
    assert doc.position(offset) == (2, 6)
    assert doc.language == "zh-Hant"


@pytest.mark.parametrize("case", CASES["skip"], ids=lambda c: c["name"])
def test_skip_spans(case: dict[str, Any]) -> None:
    doc = document_from_text(case["text"], "a.md")
    text = doc.text
    for piece in case["skipped"]:
        start = text.index(piece)
        assert any(s <= start and start + len(piece) <= e for s, e in doc.skip), piece
    for piece in case["kept"]:
        start = text.index(piece)
        assert all(e <= start or start + len(piece) <= s for s, e in doc.skip), piece
    for sentence in doc.sentences:  # no sentence starts inside markup
        assert all(not s <= sentence.start < e for s, e in doc.skip)


@pytest.mark.skipif(not HAS_DATES, reason="factcheck.normalize.dates is not there yet")
@pytest.mark.parametrize("case", CASES["datelines"], ids=lambda c: c["text"][:24])
def test_datelines(case: dict[str, Any]) -> None:
    want = case["date"]
    doc = document_from_text(case["text"], "a.txt")
    assert doc.date == (None if want is None else dt.date.fromisoformat(want))


def test_hostile_text_is_kept_as_is() -> None:
    text = "A\u202e said\u200b 5 \x1b]8;;http://x\x07 [bold red]no[/] \udcff.\n"
    doc = document_from_text(text, "a.txt")
    assert doc.text == text
    assert doc.sentences[0].start == 0
