"""YAML front matter: a `---` block at the very top of a file (Jekyll, Hugo, Pandoc).

Only `title`, `date` and `lang` are read; everything else in the block is ignored. The block
is loaded with yaml.safe_load, so it can hold no Python objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from factcheck import rxcache
from factcheck.errors import SourceError

_OPEN = rxcache.compile(r"---[ \t]*+\r?\n")
# The closing line: `---` (or Pandoc's `...`) alone on its line.
_CLOSE = rxcache.compile(r"^(?:---|\.\.\.)[ \t]*+\r?$", regex.MULTILINE)
_DATE_STRING = rxcache.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][^\n]{0,40}+)?")
_DATE_KEY = rxcache.compile(r"^date[ \t]*+:", regex.MULTILINE)


@dataclass(frozen=True)
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
    import yaml  # here: most sources have no front matter, and PyYAML takes ~0.02 s to import

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(
            f"broken front matter: {problem}", path=path, line=line, hint="fix the YAML"
        ) from exc
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
