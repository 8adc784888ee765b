"""factcheck.encoding: the same text in every encoding reads back the same; binary and
undecodable files are SourceErrors naming the file (cases in cases/encoding.yaml)."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.encoding import decode_bytes
from factcheck.errors import SourceError
from factcheck.sources import read_source

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "encoding.yaml").read_text("utf-8")
)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


ROUND_TRIPS = [
    pytest.param(case["text"], enc, id=f"{name}-{enc}")
    for name, case in CASES["texts"].items()
    for enc in case["encodings"]
]


@pytest.mark.parametrize(("text", "encoding"), ROUND_TRIPS)
def test_every_encoding_reads_back_the_same_text(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(encode(text, encoding))
    doc = read_source(path)
    assert doc.text == text
    assert doc.path == str(path)


@pytest.mark.parametrize(("name", "case"), list(CASES["binary"].items()))
def test_binary_files_are_source_errors(tmp_path: Path, name: str, case: dict[str, str]) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(bytes.fromhex(case["bytes"]) + b"\x00" * 64)
    with pytest.raises(SourceError) as info:
        read_source(path)
    message = str(info.value)
    assert case["message"] in message
    assert str(path) in message
    assert "\n" not in message


def test_a_second_bom_left_after_decoding_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 * 2 + "文字".encode(), "x") == "文字"
    assert decode_bytes("\ufeff文字".encode("utf-16-le"), "x") == "文字"


def test_broken_utf16_gives_replacement_characters_not_lone_surrogates() -> None:
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le")
    text = decode_bytes(data, "x")
    assert text == "ab\ufffdcd"
    text.encode("utf-8")  # would raise on a lone surrogate


def test_nul_characters_in_utf16_text_are_kept() -> None:
    data = codecs.BOM_UTF16_BE + "a\x00b".encode("utf-16-be")
    assert decode_bytes(data, "x") == "a\x00b"


def test_undecodable_bytes_name_the_file() -> None:
    with pytest.raises(SourceError, match=r"^bad\.txt: cannot decode"):
        decode_bytes(bytes(range(0x80, 0x100)) * 8, "bad.txt")


def test_bad_utf8_after_a_bom_is_an_error() -> None:
    with pytest.raises(SourceError, match="cannot decode"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", "x.txt")


def test_empty_input_is_empty_text() -> None:
    assert decode_bytes(b"", "x") == ""
    assert decode_bytes(codecs.BOM_UTF8, "x") == ""
