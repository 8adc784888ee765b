"""Fractions written in English and with a slash: two thirds, a third, one and a half, five
billion and three quarters, two thirds of a million, 1 over 3, three out of four, 3/4, 2 1/4.

A fraction is a number (unit "fraction", 0.333… for a third), exact: the comparison stage
relates it to percentages. Chinese fractions (三分之一) are read in percent.py beside 百分之.
Every finder here works on the folded text and returns `Quantity` records; `add_fractions`
merges them over the numbers already found, the longer reading winning.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.normalize.numerals import NumberWords, load_numbers, read_english_number
from factcheck.normalize.quantity import Quantity, longest_first
from factcheck.normalize.spoken import point_decimals

_TOKEN = rxcache.compile(r"[a-z]++|\d[\d,]*+(?:\.\d++)?+")
_GAP = rxcache.compile(r"(?:[ \t]++|[ \t]*+-[ \t]*+)$")
_BACK = 100  # characters read back from a denominator for its numerator
_MAX_TOKENS = 12
_SLASH = rxcache.compile(
    r"(?<![\d/.:])(?<!\d,)(?P<neg>-[ \t]?)?+(?:(?P<whole>\d{1,3}+)[ \t]{1,2}+)?+"
    r"(?P<num>\d{1,3}+)[ \t]?+/[ \t]?+(?P<den>\d{1,3}+)(?![\d/]|[.,:]\d)"
)


@frozen
class FractionWords:
    words: NumberWords
    denominator: regex.Pattern[str]
    plain: dict[str, int]  # third -> 3, quarter -> 4 (singular forms)
    compound_only: frozenset[str]  # first, second: a denominator only after a tens word
    guarded: frozenset[str]  # quarter: also a unit of time, a fraction only when plain
    plural_forms: frozenset[str]
    after_scale: regex.Pattern[str]
    ratio: regex.Pattern[str]
    counted: regex.Pattern[str]
    max_whole: Decimal
    before_scale: frozenset[str]
    before_of: frozenset[str]
    after_words: frozenset[str]
    minus: regex.Pattern[str]
    number_words: frozenset[str]


_alt = rxcache.alternation  # literal words, longest first


@functools.cache
def _fraction_words(extra: tuple[Path, ...]) -> FractionWords:
    w = load_numbers(extra)
    f = w.raw["en"]["fractions"]
    plain = {**{k: int(v) for k, v in w.ordinals.items()}, **dict(f["denominators"])}
    plural = {k + "s" for k in plain} | set(f["plurals"])
    den_words = sorted({*plain, *plural})
    scales = [k for k in w.scales if len(k) > 1]
    big = _alt([*scales, *w.groups])
    return FractionWords(
        words=w,
        denominator=rxcache.compile(
            rf"\b(?:(?P<tens>{_alt(list(w.en_tens))})(?:[ \t]++|[ \t]*+-[ \t]*+))?+"
            rf"(?P<ord>{_alt(den_words)})\b"
        ),
        plain=plain
        | {p: plain[p[:-1]] for p in plural if p[:-1] in plain}
        | {str(k): int(v) for k, v in f["plural_of"].items()},
        compound_only=frozenset(f["compound_only"]),
        guarded=frozenset(f["guarded"]),
        plural_forms=frozenset(plural),
        after_scale=rxcache.compile(rf"[ \t]++(?:of[ \t]++)?+(?:an?[ \t]++)?+(?P<scale>{big})\b"),
        ratio=rxcache.compile(rf"[ \t]++(?:{_alt(f['ratio'])})[ \t]++"),
        counted=rxcache.compile(rf"[ \t]++(?:{_alt(f['ratio_counted'])})[ \t]++"),
        max_whole=Decimal(f["ratio_max_whole"]),
        before_scale=frozenset(f["alone_before_scale"]),
        before_of=frozenset(f["alone_before_of"]),
        after_words=frozenset(f.get("alone_after") or ()),
        minus=rxcache.compile(rf"\b(?:{_alt(w.raw['en'].get('en_minus') or ['minus'])})[ \t]++$"),
        number_words=frozenset(
            {*w.ones, *w.en_tens, *w.hundred, *w.groups, *scales, *w.article, *w.joiner}
        ),
    )


def fraction_words(extra: Sequence[Path] = ()) -> FractionWords:
    return _fraction_words(tuple(Path(p) for p in extra))


def _numerator(folded: str, end: int, f: FractionWords) -> list[tuple[int, int]]:
    """Spans of the number words right before `end` (a denominator), earliest first."""
    lo = max(0, end - _BACK)
    toks: list[tuple[int, int]] = []
    pos = end
    for m in reversed(list(_TOKEN.finditer(folded, lo, end))):
        if not _GAP.search(folded, m.end(), pos) and m.end() != pos:
            break
        if m.end() == pos and pos != end:
            break  # two tokens with nothing between them
        tok = m.group()
        if not (tok[0].isdigit() or tok in f.number_words) or len(toks) >= _MAX_TOKENS:
            break
        toks.append(m.span())
        pos = m.start()
    toks.reverse()
    while toks and folded[toks[0][0] : toks[0][1]] in f.words.joiner:
        toks.pop(0)
    return toks


def _read(folded: str, toks: list[tuple[int, int]], f: FractionWords) -> Decimal | None:
    if not toks:
        return None
    text = folded[toks[0][0] : toks[-1][1]]
    if text in f.words.article:
        return Decimal(1)
    r = read_english_number(text, f.words)
    return None if r is None else r.value


def _word_fraction(folded: str, m: regex.Match[str], f: FractionWords) -> Quantity | None:
    w = f.words
    ords, tens = m.group("ord"), m.group("tens")
    if folded[m.end() : m.end() + 1] == "-" and folded[m.end() + 1 : m.end() + 2].isalpha():
        return None  # a half-day strike, third-quarter results: part of a compound word
    toks = _numerator(folded, m.start(), f)
    den_start = m.start()
    den = f.plain[ords]
    if tens is not None:
        den += w.en_tens[tens]
        last = folded[toks[-1][0] : toks[-1][1]] if toks else ""
        if not toks or last in w.joiner:
            # "twenty fifths" is 20/5 and "one hundred and thirty fifths" 130/5: the tens word
            # belongs to the numerator when nothing but "and" stands before it
            if ords in f.compound_only:
                return None
            den = f.plain[ords]
            den_start = m.start("ord")
            toks = _numerator(folded, den_start, f)
    elif ords in f.compound_only:
        return None
    words = [folded[s:e] for s, e in toks]
    whole: list[tuple[int, int]] = []
    joins = [i for i, t in enumerate(words) if t in w.joiner]
    if joins:
        k = joins[-1]
        after = words[k + 1 :]
        if len(after) == 1 and (after[0] in w.article or after[0] in w.ones):
            whole, toks = toks[:k], toks[k + 1 :]
    scale_m = f.after_scale.match(folded, m.end())
    end = m.end()
    mult = Decimal(1)
    if scale_m is not None:
        word = scale_m.group("scale")
        mult = Decimal(w.scales.get(word) or w.groups[word])
        end = scale_m.end()
    num = _read(folded, toks, f)
    qualified = False
    if num is None:
        # "quarter million", "half a dozen"; "half of the staff"
        alone = ords in f.before_scale and scale_m is not None
        qualified = ords in f.before_of and _previous_word(folded, den_start) in f.after_words
        if not (alone or qualified) and not (
            ords in f.before_of and _next_word(folded, m.end()) == "of"
        ):
            return None
        num, toks = Decimal(1), [(den_start, den_start)]
    if folded[toks[0][0] : toks[0][0] + 1].isdigit():
        return None  # "100 millionths", "3 fifths": an ordinal after digits is no fraction
    if num != 1 and not ords.endswith("s") and ords not in f.plural_forms:
        return None  # "two millionth" is an ordinal; a fraction of two takes the plural
    if (not whole and scale_m is None and not qualified
            and not _plainly_fraction(folded, end, ords, num, f)):
        return None
    value = num * mult / den
    start = toks[0][0]
    if whole:
        wv = _read(folded, whole, f)
        if wv is None:
            return None
        last = folded[whole[-1][0] : whole[-1][1]]
        if scale_m is None and last in w.scales:
            value *= w.scales[last]  # six million and two thirds: of a million
        value += wv
        start = whole[0][0]
    minus = f.minus.search(folded, max(0, start - 12), start)
    if minus is not None:
        value, start = -value, minus.start()
    return Quantity(start, end, value, value, value, unit="fraction")


def _previous_word(folded: str, start: int) -> str:
    """The word right before `start` ("nearly" in "nearly half"), or ""."""
    words = folded[max(0, start - 24) : start].split()
    return words[-1] if words and folded[start - 1 : start].isspace() else ""


def _next_word(folded: str, end: int) -> str:
    nxt = _TOKEN.match(folded, end + 1) if folded[end : end + 1] in (" ", "\t") else None
    return nxt.group() if nxt is not None else ""


def _plainly_fraction(folded: str, end: int, ords: str, num: Decimal, f: FractionWords) -> bool:
    """An ordinal read as a fraction: "a third of", "two thirds", not "a third time"."""
    nxt = _TOKEN.match(folded, end + 1) if end < len(folded) and folded[end] in " \t" else None
    word_after = nxt is not None and nxt.group()[0].isalpha() and nxt.group() != "of"
    if ords.rstrip("s") in f.guarded:
        # two quarters (of growth) is time: 2/4 would be written "half"; only a proper fraction
        # in lowest terms, before "of" or at the end, is read (three quarters of the vote)
        den = f.plain[ords]
        if num >= den or num != num.to_integral_value() or math.gcd(int(num), den) != 1:
            return False
        return not folded[end:].strip() or (nxt is not None and nxt.group() == "of")
    return not (num == 1 and word_after)


def _word_fractions(folded: str, f: FractionWords) -> list[Quantity]:
    out = []
    for m in f.denominator.finditer(folded):
        q = _word_fraction(folded, m, f)
        if q is not None:
            out.append(q)
    return out


def _slash_fractions(folded: str) -> list[Quantity]:
    """3/4, 2 1/4, -3/2: a slash fraction when plainly one (a proper fraction, a whole number
    before it, or a sign); 24/7 and 50/50 are not, and dates (16/5) are the date finder's."""
    out = []
    for m in _SLASH.finditer(folded):
        num, den = Decimal(m.group("num")), Decimal(m.group("den"))
        if den < 2 or not (num < den or m.group("whole") or m.group("neg")):
            continue
        value = num / den + Decimal(m.group("whole") or 0)
        if m.group("neg"):
            value = -value
        out.append(Quantity(m.start(), m.end(), value, value, value, unit="fraction"))
    return out


def _ratios(folded: str, qs: list[Quantity], f: FractionWords) -> list[Quantity]:
    """1 over 3, three out of four, one in three: two whole numbers joined by a ratio word."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and _is_ratio(folded, prev, q, f):
            value = prev.value / q.value
            out[-1] = Quantity(prev.start, q.end, value, value, value, unit="fraction")
            continue
        out.append(q)
    return out


def _is_ratio(folded: str, prev: Quantity, q: Quantity, f: FractionWords) -> bool:
    if not (prev.kind == q.kind == "number" and prev.unit is None and q.value > 0):
        return False
    if prev.value != prev.value.to_integral_value() or q.value != q.value.to_integral_value():
        return False
    if f.ratio.fullmatch(folded, prev.end, q.start) is not None:
        # "1 over 3" ends the phrase; "5 over 3 years" is a time span, not a ratio
        nxt = _TOKEN.match(folded, q.end + 1) if folded[q.end : q.end + 1] in " \t" else None
        return nxt is None or not nxt.group()[0].isalpha()
    # "three out of four voters", "one in three residents": a part of a small whole
    counted = f.counted.fullmatch(folded, prev.end, q.start) is not None
    return counted and 0 < prev.value <= q.value <= f.max_whole


def add_fractions(
    folded: str, quantities: list[Quantity], extra: Sequence[Path] = ()
) -> list[Quantity]:
    """The quantities with the English and slash fractions and spoken decimals of the text
    merged in (a longer reading replaces the numbers inside it)."""
    f = fraction_words(extra)
    found = []
    if f.denominator.search(folded) is not None:
        found.extend(_word_fractions(folded, f))
    if "/" in folded:
        found.extend(_slash_fractions(folded))
    found.extend(point_decimals(folded, quantities, f.words))
    merged = longest_first([*found, *quantities]) if found else quantities
    return _ratios(folded, merged, f) if " o" in folded or " in " in folded else merged
