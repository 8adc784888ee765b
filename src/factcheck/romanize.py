"""Romanized ids for Chinese names that are not in the alias registry, so that a name and its
English rendering get one id: 恒达电子 and "Hengda Electronics" are both hengda_electronics,
周海明 and "Zhou Haiming" both zhou_haiming.

The name part is spelled in Hanyu Pinyin without tones, from the character table that the
pypinyin package ships (its JSON file, read without importing pypinyin, which costs ~0.5 s).
A text names a few dozen characters: each is found in the file's bytes (~0.1 ms), where
decoding all 40,000 entries would cost ~0.03 s of a cold start; past _FIND_LIMIT characters
the whole table is decoded once after all. A known organization word at the end
is replaced by its usual English word (lexicon/names.yaml, `suffix_en`), or dropped where
English writes nothing (厂 in 恒达电子厂, "the Hengda Electronics plant"). Without pypinyin,
or with a character it has no reading for, there is no romanized id and the caller keeps the
folded name.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

from factcheck import lexfiles

_MAX_TAILS = 3  # suffix words stripped from one name (恒达电子科技有限公司)
_FIND_LIMIT = 256  # characters looked up one by one before the whole table is decoded
_BLANK = b" \t\r\n"
_KEY = re.compile(rb'"([0-9]++)"[ \t\r\n]*+:')  # a key of the table, with its colon


@functools.cache
def _table() -> bytes | None:
    """pypinyin's table as its JSON bytes: code point (as decimal text) -> readings with tone
    marks. None without pypinyin."""
    # find_spec locates the package without importing it: resources.files("pypinyin") would
    # run pypinyin's __init__, which loads its phrase tables (~0.5 s of CPU on a cold start)
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        folder = Path(next(iter(spec.submodule_search_locations)))
        return (folder / "pinyin_dict.json").read_bytes()
    except OSError:
        return None


@functools.cache
def _decoded() -> dict[str, str] | None:
    """The whole table decoded, for a text with many distinct characters."""
    raw = _table()
    if raw is None:
        return None
    try:
        table: dict[str, str] = json.loads(raw)
    except ValueError:
        return None
    return table


def _find(raw: bytes, code: int) -> str | None:
    """The readings of code point `code`: the JSON string after the key "<code>" and its
    colon (the same digits elsewhere, not followed by a colon, are not that key)."""
    found = _bisect(raw, code)
    if found is not None:
        return _string_at(raw, found)
    key = b'"%d"' % code
    at = raw.find(key)
    while at != -1:
        pos = at + len(key)
        while pos < len(raw) and raw[pos : pos + 1] in _BLANK:
            pos += 1
        if raw[pos : pos + 1] == b":":
            pos += 1
            while pos < len(raw) and raw[pos : pos + 1] in _BLANK:
                pos += 1
            return _string_at(raw, pos)
        at = raw.find(key, pos)
    return None


def _bisect(raw: bytes, code: int) -> int | None:
    """Where the value of key `code` starts, found by bisection: pypinyin writes its keys in
    ascending order, and each scan of the whole file costs ~0.5e6 instructions. None when
    bisection does not find it (keys out of order, or no such key): _find then scans."""
    lo, hi = 0, len(raw)
    while lo < hi:
        mid = (lo + hi) // 2
        key = _KEY.search(raw, mid)
        if key is None:
            hi = mid
            continue
        number = int(key[1])
        if number == code:
            value = key.end()
            while value < len(raw) and raw[value : value + 1] in _BLANK:
                value += 1
            return value
        if number < code:
            lo = key.end()
        else:
            hi = mid
    return None


def _string_at(raw: bytes, pos: int) -> str | None:
    """The JSON string starting at `pos` (None when none starts there or it is malformed)."""
    if raw[pos : pos + 1] != b'"':
        return None
    close = raw.find(b'"', pos + 1)
    while close != -1 and _escaped(raw, pos + 1, close):
        close = raw.find(b'"', close + 1)
    if close == -1:
        return None
    try:
        value = json.loads(raw[pos : close + 1])
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _escaped(raw: bytes, start: int, at: int) -> bool:
    """Is the quote at `at` escaped (after an odd number of backslashes since `start`)?"""
    body = raw[start:at]
    return (len(body) - len(body.rstrip(b"\\"))) % 2 == 1


@functools.lru_cache(maxsize=4096)
def _reading(char: str) -> str | None:
    """The first (most common) reading of one character without tone marks. Marks come off
    per character looked up: a text names a few dozen characters, the table holds 40,000."""
    raw = _table()
    if raw is None:
        return None
    if _reading.cache_info().currsize < _FIND_LIMIT:
        found = _find(raw, ord(char))
    else:
        table = _decoded()
        found = table.get(str(ord(char))) if table is not None else None
    if found is None:
        return None
    first = unicodedata.normalize("NFKD", found.split(",", 1)[0])
    return "".join(c for c in first if not unicodedata.combining(c))


@functools.cache
def _suffixes() -> tuple[tuple[str, str], ...]:
    """(folded Chinese suffix, English words), longest suffix first."""
    from factcheck.normalize.script import fold

    data = lexfiles.load("names.yaml").get("suffix_en") or {}
    pairs = {fold(str(zh)): str(en or "").strip().lower() for zh, en in data.items()}
    return tuple(sorted(pairs.items(), key=lambda p: len(p[0]), reverse=True))


def _syllables(part: str) -> list[str] | None:
    if _table() is None:
        return None
    out: list[str] = []
    latin = ""
    for char in part:
        if char.isascii():
            if char.isalnum():
                latin += char.lower()
            continue
        if latin:
            out.append(latin)
            latin = ""
        reading = _reading(char)
        if reading is None:
            return None
        out.append(reading)
    if latin:
        out.append(latin)
    return out


def romanized_id(folded: str, kind: str) -> str | None:
    """The romanized id of a folded Chinese name, or None when it cannot be spelled."""
    if folded.isascii():
        return None
    core, tails = folded, list[str]()
    for _ in range(_MAX_TAILS):
        hit = next(((zh, en) for zh, en in _suffixes() if core.endswith(zh) and core != zh),
                   None)
        if hit is None:
            break
        core = core[: -len(hit[0])]
        if hit[1]:
            tails.insert(0, hit[1].replace(" ", "_"))
    syllables = _syllables(core)
    if not syllables:
        return None
    if kind == "person" and len(syllables) > 1:
        words = [syllables[0], "".join(syllables[1:])]  # family name, given name
    else:
        words = ["".join(syllables)]
    return "_".join([*words, *tails])
