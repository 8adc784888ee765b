"""The pinyin table is read by finding each character's key in pypinyin's JSON bytes; that
must give what decoding the whole file gives, for every entry and for JSON laid out
differently (escapes, spacing, the same digits inside a value)."""

from __future__ import annotations

import json

import pytest

from factcheck import romanize


def test_entries_found_as_decoded() -> None:
    raw = romanize._table()
    if raw is None:
        pytest.skip("pypinyin is not installed")
    table = json.loads(raw)
    assert len(table) > 20_000
    # every 50th entry and the last: each find scans the file up to its key
    keys = [*list(table)[::50], list(table)[-1]]
    for key in keys:
        assert romanize._find(raw, int(key)) == table[key]
        # found by bisection in pypinyin's ordered file, without a scan
        assert romanize._bisect(raw, int(key)) is not None


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ('{"19968": "yī,yí"}', 19968, "yī,yí"),
        ('{ "19968" :\n  "yī" , "20108": "èr"}', 20108, "èr"),
        ('{"1": "\\"19968\\" is not a key", "19968": "yī"}', 19968, "yī"),
        ('{"19968": "a\\\\", "20108": "b"}', 19968, "a\\"),
        ('{"19968": "a\\\\", "20108": "b"}', 20108, "b"),
        ('{"19968": "\\u4e00 \\"x\\""}', 19968, '\u4e00 "x"'),
        ('{"119968": "no"}', 19968, None),
        ('{"19968": 1}', 19968, None),
        ('{"19968": "unclosed}', 19968, None),
        ('{"30000": "c", "20108": "èr", "19968": "yī", "1": "a"}', 20108, "èr"),
        ('{"30000": "c", "20108": "èr", "19968": "yī", "1": "a"}', 19968, "yī"),
        ('{"30000": "c", "20108": "èr", "19968": "yī", "1": "a"}', 1, "a"),
        ('{"1": "a", "3": "c"}', 2, None),
    ],
)
def test_find_reads_json_strings(text: str, code: int, expected: str | None) -> None:
    assert romanize._find(text.encode("utf-8"), code) == expected


def test_many_characters_fall_back_to_the_decoded_table() -> None:
    if romanize._table() is None:
        pytest.skip("pypinyin is not installed")
    romanize._reading.cache_clear()
    chars = [chr(code) for code in range(0x4E00, 0x4E00 + 2 * romanize._FIND_LIMIT)]
    found = [romanize._reading(c) for c in chars]
    table = romanize._decoded()
    assert table is not None
    for char, reading in zip(chars, found, strict=True):
        expected = table.get(str(ord(char)))
        assert (reading is None) == (expected is None)
    assert romanize._reading("一") == "yi"
    romanize._reading.cache_clear()
