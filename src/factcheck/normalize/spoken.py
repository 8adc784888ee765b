"""Decimals spoken in words: "two hundred point zero three" (200.03), "nine point nought four",
"minus five point five", "nought point eleven" (0.11).

The whole part is a number already found; the digits after the point word are read one
word a digit ("point zero three"), or as one number under a hundred ("point seventy-one").
"""

from __future__ import annotations

import functools
from decimal import Decimal

import regex

from factcheck import rxcache
from factcheck.normalize.numerals import NumberWords, read_english_number
from factcheck.normalize.quantity import Quantity, exact


@functools.cache
def _compile(points: tuple[str, ...], small: tuple[str, ...]) -> regex.Pattern[str]:
    point = "|".join(rxcache.escape(p) for p in points)
    word = "|".join(rxcache.escape(w) for w in small)
    return rxcache.compile(
        rf"[ \t]++(?:{point})[ \t]++(?P<digits>(?:{word})\b"
        rf"(?:(?:[ \t]++|[ \t]*+-[ \t]*+)(?:{word})\b){{0,7}}+)"
    )


def _pattern(words: NumberWords) -> regex.Pattern[str]:
    small = sorted({*words.ones, *words.en_tens}, key=lambda w: (-len(w), w))
    return _compile(tuple(words.raw["en"]["point"]), tuple(small))


def _fraction_digits(text: str, words: NumberWords) -> str | None:
    toks = regex.split(r"[ \t\-]++", text.strip())
    if all(words.ones.get(t, 10) < 10 for t in toks):
        return "".join(str(words.ones[t]) for t in toks)
    r = read_english_number(text, words)
    if r is None or not 0 < r.value < 100 or r.value != r.value.to_integral_value():
        return None
    return str(int(r.value))


def point_decimals(folded: str, quantities: list[Quantity], words: NumberWords) -> list[Quantity]:
    """The spoken decimals of the text, each over the whole number it starts with."""
    if "point" not in folded:
        return []
    pattern = _pattern(words)
    out = []
    for q in quantities:
        if q.kind != "number" or q.value != q.value.to_integral_value() or q.unit is not None:
            continue
        m = pattern.match(folded, q.end)
        if m is None:
            continue
        digits = _fraction_digits(m.group("digits"), words)
        if digits is None:
            continue
        frac = Decimal("0." + digits)
        value = q.value - frac if q.value < 0 or folded[q.start] == "-" else q.value + frac
        if q.value == 0 and folded[q.start : q.start + 1] in ("-",):
            value = -frac
        out.append(exact(q.start, m.end(), value, Decimal(1).scaleb(-len(digits))))
    return out
