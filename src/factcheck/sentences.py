"""Sentence splitting for Chinese and English, with paragraph numbers and exact spans.

A line break ends a sentence (each Markdown heading and list item is its own), except where a
line was plainly hard-wrapped: it ends in a comma or a word and the next line goes on in
lower case. Paragraphs are separated by blank lines; a text without any blank line has one
paragraph per line (scraped pages often come that way).
"""

from __future__ import annotations

import bisect
import functools

import regex

from factcheck import rxcache
from factcheck.markup import Span
from factcheck.models import Sentence

_CLOSERS = r"[\"'”’」』）)\]》】〉]"
_BOUNDARY = rxcache.compile(
    rf"""
    [。！？；]++{_CLOSERS}{{0,4}}+                                  # Chinese: always an end
    | (?<=[\p{{Han}}」』”）])(?:[!?]++|…{{1,6}}+){_CLOSERS}{{0,4}}+   # after Chinese text
    | [.!?]++{_CLOSERS}{{0,4}}+
      (?=[ \t]{{1,40}}+[\p{{Lu}}"“'‘「『(（\p{{Han}}]|\p{{Han}}|[ \t]*+$)  # English
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_WORD = rxcache.compile(r"[A-Za-z][A-Za-z.]{0,15}+")
_DOTTED = rxcache.compile(r"(?:[A-Za-z]\.)++[A-Za-z]\.?")
_BLANK_LINE = rxcache.compile(r"\n[ \t\r\f\v]*+\n")
_CONTINUES = rxcache.compile(r"[A-Za-z0-9,，、;-]$")
_STARTS_LOWER = rxcache.compile(r"^[ \t]*+[a-z]")
_MARKER = rxcache.compile(r"^[ ]{0,3}+(?:#{1,6}+|>|[-*+]|\d{1,9}+[.)])(?:[ \t]|$)")
_CONTENT = rxcache.compile(r"[\p{L}\p{N}]")


# Marks that close a statement; a line ending in none of them is a title, a heading or a list
# entry, which repeats what the body says in full.
_FINAL_MARKS = tuple("。．.!！?？；;」』”\"'’）)…")


def unclosed(sentence: str) -> bool:
    """Whether a sentence ends without a closing mark: a headline, a heading or a list entry
    ("靈犀機器人C輪吸金人民幣1億元", "- 3月8日 14時20分：…")."""
    return not sentence.rstrip().endswith(_FINAL_MARKS)


@functools.cache
def _abbreviations() -> frozenset[str]:
    from factcheck.normalize.lexdata import load_lexicon

    entries = [str(a) for a in load_lexicon("sentences.yaml")["abbreviations"]]
    return frozenset(entries + [a.upper() for a in entries])


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation (Mr., U.S., J.) and not a sentence."""
    before = text[max(0, dot - 16) : dot].rsplit(None, 1)
    if not before:
        return False
    m = _WORD.search(before[-1])  # the last word, past any opening quote or bracket
    if m is None or m.end() != len(before[-1]):
        return False
    word = m.group()
    if len(word) == 1 or _DOTTED.fullmatch(word):
        return True
    return word in _abbreviations()


def _segments(text: str, start: int) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each line, hard-wrapped lines joined; blank lines dropped."""
    by_blank = _BLANK_LINE.search(text, start) is not None
    out: list[tuple[int, int, int]] = []
    paragraph = -1
    new_paragraph = True
    pos = start
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        if not line.strip():
            new_paragraph = True
        else:
            if new_paragraph or not by_blank:
                paragraph += 1
                out.append((pos, end, paragraph))
            elif (
                _CONTINUES.search(text[out[-1][0] : out[-1][1]].rstrip())
                and not _MARKER.match(line)
                and (_STARTS_LOWER.match(line) or text[out[-1][1] - 1 :].lstrip()[:1] in ",，、")
            ):
                out[-1] = (out[-1][0], end, paragraph)
            else:
                out.append((pos, end, paragraph))
            new_paragraph = False
        if nl == -1:
            break
        pos = nl + 1
    return out


class _Skip:
    """Skip spans with a bisect lookup of the span covering an offset."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def touches(self, start: int, end: int) -> bool:
        """Whether any skip span overlaps text[start:end]."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start

    def covering(self, offset: int) -> int | None:
        """The end of the skip span holding `offset`, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][1] > offset:
            return self.spans[i][1]
        return None

    def has_content(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] holds a letter or digit outside every skip span."""
        i = bisect.bisect_right(self.starts, start) - 1
        if bisect.bisect_left(self.starts, end) == i + 1 and (i < 0 or self.spans[i][1] <= start):
            # No skip span reaches into the range: the common case, one search.
            return _CONTENT.search(text, start, end) is not None
        i = max(i, 0)
        pos = start
        while pos < end:
            if i < len(self.spans) and self.spans[i][1] <= pos:
                i += 1
                continue
            stop = end if i >= len(self.spans) else min(end, self.spans[i][0])
            if stop > pos and _CONTENT.search(text, pos, stop):
                return True
            if i >= len(self.spans):
                return False
            pos = max(pos, self.spans[i][1])
            i += 1
        return False


def _trim(text: str, start: int, end: int, skip: _Skip) -> tuple[int, int]:
    """Drop surrounding whitespace, and leading markup (a list marker, a heading's #)."""
    while start < end:
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        skip_end = skip.covering(start) if start < end else None
        if skip_end is None:
            break
        start = skip_end
    if start >= end:
        return start, start
    chunk = text[start:end]
    return start, start + len(chunk.rstrip())


def split_sentences(text: str, start: int = 0, skip: list[Span] | None = None) -> list[Sentence]:
    """The sentences of text[start:], each span indexing `text`, none made only of skip text;
    paragraphs are numbered from 0 over the paragraphs that keep a sentence."""
    skips = _Skip(skip or [])
    found: list[Sentence] = []
    numbering: dict[int, int] = {}
    for seg_start, seg_end, raw_paragraph in _segments(text, start):
        pos = seg_start
        cuts = [
            m.end()
            for m in _BOUNDARY.finditer(text, seg_start, seg_end)
            if text[m.start()] != "." or not _is_abbreviation(text, m.start())
        ]
        plain = not skips.touches(seg_start, seg_end)
        for cut in [*cuts, seg_end]:
            if plain:  # no markup in the line: trim and test with str and one search
                chunk = text[pos:cut]
                s = pos + len(chunk) - len(chunk.lstrip())
                e = pos + len(chunk.rstrip())
                pos = cut
                if s >= e or _CONTENT.search(text, s, e) is None:
                    continue
            else:
                s, e = _trim(text, pos, cut, skips)
                pos = cut
                if s >= e or not skips.has_content(text, s, e):
                    continue
            paragraph = numbering.setdefault(raw_paragraph, len(numbering))
            found.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph))
    return found
