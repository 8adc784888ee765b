"""A matching view of a text: full-width folded, Traditional folded to Simplified, lower-cased.

The folded text has exactly the same length as the original, character for character, so a
span found in the folded view indexes the original text unchanged. Folds that would change
the length (NFKC of "…" is "...", "İ".lower() is two characters) are not applied.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from factcheck import rxcache

# Characters NFKC may change: everything outside ASCII and the main CJK ideograph blocks.
_COMPAT = rxcache.compile(r"[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]")
_CJK = rxcache.compile(r"[\u3400-\u9fff]")  # compiled once: fold() runs per sentence and name


def _nfkc_char(match: regex.Match[str]) -> str:
    char = match.group()
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


@functools.cache
def _t2s() -> object:
    import opencc  # imported lazily: it is only needed once a text holds CJK characters

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, keeping the length (phrase conversions that would not are
    done character by character instead)."""
    if not _CJK.search(text):
        return text
    converter = _t2s()
    converted: str = converter.convert(text)  # type: ignore[attr-defined]
    if len(converted) == len(text):
        return converted
    out = []
    for line in text.splitlines(keepends=True):
        conv: str = converter.convert(line)  # type: ignore[attr-defined]
        if len(conv) != len(line):
            conv = "".join(
                c2 if len(c2 := converter.convert(c)) == 1 else c  # type: ignore[attr-defined]
                for c in line
            )
        out.append(conv)
    return "".join(out)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def fold_width(text: str) -> str:
    """NFKC character by character where it keeps one character (２０２５ -> 2025, ，-> ,)."""
    return _COMPAT.sub(_nfkc_char, text)


def fold(text: str, *, lower: bool = True) -> str:
    """The matching view of `text`: same length, same positions."""
    if text.isascii():  # nothing to fold but case, and ASCII lower-casing keeps the length
        return text.lower() if lower else text
    return _fold_short(text, lower) if len(text) <= _SHORT else _fold(text, lower)


_SHORT = 64  # names, units and time phrases are folded again and again: remember those


def _fold(text: str, lower: bool) -> str:
    folded = to_simplified(fold_width(text))
    return _lower(folded) if lower else folded


_fold_short = functools.lru_cache(maxsize=8192)(_fold)


# Full-width marks whose ASCII fold would change a value: "，" is CJK punctuation, never a
# thousands separator ($20，300美圆 is two amounts), and "￥" is the renminbi sign of Chinese
# input methods where "¥" is also the yen.
_KEEP_FOR_VALUES = rxcache.compile("[，￥]")
_FULL_DIGIT = rxcache.compile("[０-９]")


def value_view(text: str, folded: str) -> str:
    """`folded` with the full-width marks that matter to values put back as written."""
    if "，" not in text and "￥" not in text:
        return folded
    chars = list(folded)
    for m in _KEEP_FOR_VALUES.finditer(text):
        i = m.start()
        if m.group() == "，" and _FULL_DIGIT.match(text, i - 1) and _FULL_DIGIT.match(text, i + 1):
            continue  # ９，９９９: between full-width digits it is their thousands separator
        chars[i] = m.group()
    return "".join(chars)
