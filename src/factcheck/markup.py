"""Spans of a text that state no facts: code, URLs, link targets, images, HTML comments and
tags, Markdown markers and scraped list numbering. No value is taken from inside them.

Every pattern is bounded or possessive and never spans more than a line, except fenced code
and HTML comments, which are paired up by a single forward scan.
"""

from __future__ import annotations

import regex

from factcheck import rxcache

Span = tuple[int, int]

_FENCE = rxcache.compile(r"^[ ]{0,3}+(`{3,}+|~{3,}+)[^\n]*+", regex.MULTILINE)
_INLINE = [
    rxcache.compile(p, regex.MULTILINE)
    for p in (
        r"`[^`\n]{1,500}+`",  # inline code
        r"!\[[^\]\n]{0,500}+\]\([^()\n]{0,2000}+\)",  # image: alt text and target
        r"\]\([^()\n]{0,2000}+\)",  # link target
        r"^[ ]{0,3}+\[[^\]\n]{1,200}+\]:[ \t]*+\S{1,2000}+[^\n]{0,300}+$",  # link definition
        r"</?[A-Za-z][A-Za-z0-9-]{0,30}+(?:\s[^<>\n]{0,1000}+)?+/?>",  # HTML tag
        # A line of nothing but list numbers (scraped page chrome such as "1. 2. 3. … 57.").
        r"^[ \t]*+(?:\d{1,4}+[.)][ \t]*+){3,}+$",
        # Markdown line markers: headings, quotes, list bullets and numbers.
        r"^[ ]{0,3}+(?:#{1,6}+|>|[-*+]|\d{1,9}+[.)])(?=[ \t])",
    )
]
# A URL runs over printable ASCII; it stops at CJK text written straight after it.
_URL = rxcache.compile(
    r"(?<![A-Za-z0-9.])(?:(?:https?|ftp)://|www\.)[!-~]{1,2000}+", regex.IGNORECASE
)
_URL_EXCLUDED = rxcache.compile(r"[<>\"'`\]]")
_URL_TRAIL = ".,;:!?*_"


def _fenced_code(text: str, start: int) -> list[Span]:
    spans: list[Span] = []
    opening: regex.Match[str] | None = None
    for m in _FENCE.finditer(text, start):
        fence = m.group(1)
        if opening is None:
            opening = m
        elif (
            fence[0] == opening.group(1)[0]
            and len(fence) >= len(opening.group(1))
            and m.group().strip() == fence  # a closing fence carries no info string
        ):
            spans.append((opening.start(), m.end()))
            opening = None
    if opening is not None:  # an unclosed fence runs to the end (CommonMark)
        spans.append((opening.start(), len(text)))
    return spans


def _html_comments(text: str, start: int) -> list[Span]:
    spans: list[Span] = []
    i = text.find("<!--", start)
    while i != -1:
        j = text.find("-->", i + 4)
        end = len(text) if j == -1 else j + 3
        spans.append((i, end))
        i = text.find("<!--", end)
    return spans


def _url_end(url: str) -> int:
    cut = _URL_EXCLUDED.search(url)
    end = cut.start() if cut else len(url)
    while end and url[end - 1] in _URL_TRAIL:
        end -= 1
    # A closing parenthesis belongs to the URL only when it opened one.
    while end and url[end - 1] == ")" and url.count("(", 0, end) < url.count(")", 0, end):
        end -= 1
    return end


def merge(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping, non-empty spans covering the same characters."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def skip_spans(text: str, start: int = 0) -> list[Span]:
    """Spans of `text[start:]` to skip, merged; front matter is the caller's to add."""
    spans = _fenced_code(text, start) + _html_comments(text, start)
    for pattern in _INLINE:
        spans.extend(m.span() for m in pattern.finditer(text, start))
    for m in _URL.finditer(text, start):
        spans.append((m.start(), m.start() + _url_end(m.group())))
    return merge(spans)
