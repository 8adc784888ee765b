"""YAML front matter: a `---` block at the very top of a file (Jekyll, Hugo, Pandoc).

Only `title`, `date` and `lang` are read; everything else in the block is ignored. The block
is loaded with yaml.safe_load, so it can hold no Python objects. A block of plain
`key: value` lines (the usual front matter) is read here instead, to the same data:
importing and setting up PyYAML costs ~0.07 s of a cold start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from factcheck import rxcache
from factcheck.errors import SourceError
from factcheck.frozen import frozen

_OPEN = rxcache.compile(r"---[ \t]*+\r?\n")
# The closing line: `---` (or Pandoc's `...`) alone on its line.
_CLOSE = rxcache.compile(r"^(?:---|\.\.\.)[ \t]*+\r?$", regex.MULTILINE)
_DATE_STRING = rxcache.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][^\n]{0,40}+)?")
_DATE_KEY = rxcache.compile(r"^date[ \t]*+:", regex.MULTILINE)

# What the reader below takes, checked line by line: `key: value` at the start of the line
# (value optional); characters PyYAML accepts, without tabs, CR, BOM or Unicode line breaks.
# (PyYAML takes a key of at most 1024 characters; U+2028/2029 break lines there.)
_SIMPLE_LINE = rxcache.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,200}+) *+:(?: ++(.*?))? *+")
_SIMPLE_CHARS = rxcache.compile(
    r"[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*+"
)
_ISO_DAY = rxcache.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# YAML 1.1 words PyYAML resolves to booleans and null; any other word is a string.
_BOOLS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
_NULLS = frozenset({"null", "Null", "NULL", "~"})
# A plain value starting with one of these is an indicator, or a number, date or merge key
# to PyYAML's resolvers: left to PyYAML (a day in ISO form excepted).
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`0123456789+.<=~")


@frozen
class FrontMatter:
    """What the block said, and where the body begins (offset just past the closing line)."""

    body_start: int
    title: str | None = None
    date: dt.date | None = None
    lang: str | None = None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _parse_date(value: object, path: str, line: int) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (m := _DATE_STRING.fullmatch(value.strip())):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise SourceError(
        f"front matter date {str(value)[:40]!r} is not a date",
        path=path,
        line=line,
        hint="write it as YYYY-MM-DD",
    )


def _yaml_block(block: str, path: str, first_line: int) -> Any:
    import yaml  # here: most sources have no front matter, or a simple one

    try:
        return yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(
            f"broken front matter: {problem}", path=path, line=line, hint="fix the YAML"
        ) from exc


def simple_block(block: str) -> tuple[bool, dict[str, Any] | None]:
    """(True, what yaml.safe_load gives) for a block of `key: value` lines whose keys are
    words and whose values are plain words, ISO days or quoted strings without escapes
    (None for a block of blank and comment lines); (False, None) for anything else."""
    if not _SIMPLE_CHARS.fullmatch(block):
        return False, None
    data: dict[str, Any] = {}
    for line in block.split("\n"):
        bare = line.lstrip(" ")
        if not bare or bare.startswith("#"):
            continue
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return False, None
        key, raw = match[1], match[2]
        if key in _BOOLS or key in _NULLS:
            return False, None
        plain, value = _simple_value(raw or "")
        if not plain:
            return False, None
        data[key] = value
    return True, data or None


def _simple_value(raw: str) -> tuple[bool, Any]:
    """(True, the value) for a value the simple reader takes, else (False, None)."""
    if not raw or raw in _NULLS:
        return True, None
    if raw[0] in "\"'":
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != raw[0]:
            return False, None
        if raw[0] == '"':
            return ('"' not in inner and "\\" not in inner), inner
        return "'" not in inner.replace("''", ""), inner.replace("''", "'")
    if ": " in raw or " #" in raw or raw.endswith(":"):
        return False, None
    if raw[0] in _NOT_PLAIN_START:
        day = _ISO_DAY.fullmatch(raw)
        if day is None:
            return False, None
        try:
            return True, dt.date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            return False, None
    return True, _BOOLS.get(raw, raw)


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Parse the front matter at the top of `text`; FrontMatter(0) when there is none.

    An opening `---` without a closing line is taken for a Markdown rule in plain text, but
    is an error in a .md file, where front matter is expected."""
    opening = _OPEN.match(text)
    if opening is None:
        return FrontMatter(0)
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        if path.lower().endswith((".md", ".markdown")):
            raise SourceError(
                "front matter is not closed", path=path, line=1, hint="end it with a '---' line"
            )
        return FrontMatter(0)
    block = text[opening.end() : closing.start()]
    first_line = 2  # the block starts on the line after the opening `---`
    simple, data = simple_block(block)
    if not simple:
        data = _yaml_block(block, path, first_line)
    body_start = closing.end()
    if body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    if data is None:
        return FrontMatter(body_start)
    if not isinstance(data, dict):
        raise SourceError(
            "front matter is not a mapping",
            path=path,
            line=first_line,
            hint="write 'key: value' lines between the '---' lines",
        )
    date_key = _DATE_KEY.search(block)
    date_line = first_line + (_line_of(block, date_key.start()) - 1 if date_key else 0)
    title = data.get("title")
    lang = data.get("lang", data.get("language"))
    return FrontMatter(
        body_start=body_start,
        title=None if title is None else str(title),
        date=_parse_date(data.get("date"), path, date_line),
        lang=None if lang is None else str(lang),
    )
