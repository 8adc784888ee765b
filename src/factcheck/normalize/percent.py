"""Percentages and fractions: 60%, 60 percent, 2.4个百分点, 百分之六十, 千分之五, 六成, 八折,
三分之一, two thirds, a third — all in percent units (六成 -> 60, 三分之一 -> 33.3…)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.models import Mention
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.numbers import scan_quantities
from factcheck.normalize.numerals import NumberWords, load_numbers, read_cjk_numeral
from factcheck.normalize.quantity import Quantity, longest_first, to_mention

_HUNDRED = Decimal(100)
_TEN = Decimal(10)
_HALF = Decimal("0.5")
_TENTHS_HALF = Decimal("2.5")  # 六成 is 60 % give or take this many points


@frozen
class PercentWords:
    suffix: regex.Pattern[str]
    per_mille: frozenset[str]
    infix: str
    mixed: str
    tenths: str
    discount: str
    tenths_not_before: frozenset[str]
    tenths_tail: regex.Pattern[str]
    word_before: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    half: frozenset[str]
    fixed: dict[str, Decimal]
    fixed_pattern: regex.Pattern[str]
    words: NumberWords


@functools.cache
def _percent_words(extra: tuple[Path, ...]) -> PercentWords:
    data = load_lexicon("numbers.yaml", extra)["percent"]
    w = load_numbers(extra)
    suffix = [str(s) for s in data["suffix"]]
    # 个 百 分 点: a Chinese suffix may be written with spaces between its characters
    alts = "|".join(
        rxcache.escape(s) + (r"\b" if s[-1].isascii() and s[-1].isalpha() else "")
        if s.isascii()
        else r"[ \t]{0,3}+".join(rxcache.escape(ch) for ch in s)
        for s in sorted(suffix, key=len, reverse=True)
    )
    digits = rxcache.escape("".join(k for k, v in w.digits.items() if v > 0))
    half = "|".join(rxcache.escape(h) for h in data["half"])
    fixed = {str(k): Decimal(str(v)) for k, v in data["fixed"].items()}
    return PercentWords(
        suffix=rxcache.compile(rf"[ \t]{{0,4}}+(?:{alts})"),
        per_mille=frozenset(data.get("per_mille") or []),
        infix=str(data["fraction_infix"]),
        mixed=str(data["mixed_fraction_joiner"]),
        tenths=str(data["tenths"]),
        discount=str(data["discount"]),
        tenths_not_before=frozenset(data["tenths_not_before"]),
        tenths_tail=rxcache.compile(
            rf"[ \t]?+(?P<tail>[1-9{digits}]|{half})(?![0-9{rxcache.escape(w.cjk_chars)}])"
        ),
        half=frozenset(data["half"]),
        word_before=rxcache.compile(
            rf"(?<![\d.%][ \t]{{0,2}}+)(?<!\b(?:{_words([*w.ones, *w.en_tens, *w.hundred])})"
            rf"[ \t]{{1,2}}+)\b(?:{_words(data['before_of'])})"
            r"[ \t]++of[ \t]++$"
        ),
        clause_end=rxcache.compile(r"[ \t]*+(?:[.,;:!?)]|$)"),
        fixed=fixed,
        fixed_pattern=rxcache.compile(
            "|".join(rxcache.escape(k) for k in sorted(fixed, key=len, reverse=True))
        ),
        words=w,
    )


def _words(words: Sequence[str]) -> str:
    return "|".join(rxcache.escape(w) for w in sorted(words, key=len, reverse=True))


def percent_words(extra: Sequence[Path] = ()) -> PercentWords:
    return _percent_words(tuple(Path(p) for p in extra))


def _scaled(q: Quantity, factor: Decimal, **kw: object) -> Quantity:
    def mul(x: Decimal | None) -> Decimal | None:
        return None if x is None else x * factor

    return q.with_(kind="percent", value=q.value * factor, low=mul(q.low), high=mul(q.high), **kw)


def _infix_start(folded: str, end: int, p: PercentWords) -> int | None:
    """Where 分之 (spaces allowed around and inside: 三 分 之 一) ends right before `end`."""
    i = end
    for ch in reversed(p.infix):
        while i > 0 and end - i < 12 and folded[i - 1] in " \t":
            i -= 1
        if i == 0 or folded[i - 1] != ch:
            return None
        i -= 1
    return i


def _fraction(folded: str, q: Quantity, p: PercentWords) -> Quantity | None:
    """百分之六十, 千分之五 are percentages; 三分之一, 一百分之二, 16分之5 are fractions (numbers
    with unit "fraction", 0.333…): the denominator is read back from before 分之."""
    infix_start = _infix_start(folded, q.start, p)
    if infix_start is None or infix_start == 0:
        return None
    start = infix_start
    while start > 0 and folded[start - 1] in " \t":
        start -= 1
    den_end = start
    while start > 0 and den_end - start < 8:
        ch = folded[start - 1]
        if ch in " \t" and start > 1 and folded[start - 2] not in " \t":
            start -= 1  # 三 百 五 又 三 分之一: a space between numeral characters
            continue
        if read_cjk_numeral(folded[start - 1 : den_end], p.words) is None and not (
            ch in p.words.big_units or ch in p.words.small_units
        ):
            break
        start -= 1
    while folded[start] in " \t":
        start += 1
    text = folded[start:den_end]
    den = read_cjk_numeral(text, p.words) or read_cjk_numeral("一" + text, p.words)
    if den is None or den.value == 0:
        return None
    if not any(ch.isdigit() or ch in p.words.digits for ch in text):
        # 百分之 / 千分之 / 万分之: a percentage or per mille, whatever the numerator
        return _scaled(q, _HUNDRED / den.value, start=start, weak=False)
    out = _scaled(q, 1 / den.value, start=start, weak=False).with_(kind="number", unit="fraction")
    if q.value == q.value.to_integral_value():
        out = out.with_(low=out.value, high=out.value)  # 三分之一 is exactly a third
    return out


def _mixed(folded: str, whole: Quantity, frac: Quantity, p: PercentWords) -> Quantity | None:
    """三百五又三分之一 = 350 1/3: a whole number joined to a fraction by 又."""
    between = folded[whole.end : frac.start].strip(" \t")
    if between != p.mixed or whole.value != whole.value.to_integral_value():
        return None
    sign = -1 if whole.value < 0 else 1
    value = whole.value + sign * abs(frac.value)
    low = None if frac.low is None else whole.value + sign * abs(frac.low)
    high = None if frac.high is None else whole.value + sign * abs(frac.high)
    lo, hi = (low, high) if sign > 0 else (high, low)
    return frac.with_(start=whole.start, value=value, low=lo, high=hi)


def as_percent(folded: str, q: Quantity, p: PercentWords) -> Quantity | None:
    """`q` read as a percentage when a percent sign or word is written with it, else None."""
    if q.kind != "number":
        return None
    frac = _fraction(folded, q, p)
    if frac is not None:
        return frac
    lead = p.word_before.search(folded, max(0, q.start - 24), q.start) if q.start else None
    if lead is not None and not q.weak and p.clause_end.match(folded, q.end):
        return _scaled(q, Decimal(1), start=lead.start())  # "percent of 10" ends a phrase
    m = p.suffix.match(folded, q.end)
    if m is not None and not q.weak:
        word = m.group().strip()
        factor = Decimal("0.1") if word in p.per_mille else Decimal(1)
        return _scaled(q, factor, end=m.end())
    at = q.end
    while at < len(folded) and at - q.end < 2 and folded[at] in " \t":
        at += 1  # 十 成, 九 九 折
    nxt = folded[at : at + 1]
    after = folded[at + 1 : at + 2]
    if q.weak or q.value <= 0:
        return None
    if nxt == p.tenths and q.value <= 10 and after not in p.tenths_not_before:
        # 六成 = 60 %, meant to within a few points: 57.5-62.5 (一成五 and 两成 differ).
        tenths = _scaled(q, _TEN, end=at + 1)
        if q.value == q.value.to_integral_value():
            tenths = tenths.with_(low=tenths.value - _TENTHS_HALF, high=tenths.value + _TENTHS_HALF)
        return _tenths(folded, tenths, p)
    if nxt == p.discount and q.value < 100 and q.value != 10:
        # 八折 / 7.5折 = 80 % / 75 % of the price; 75折 = 75 %; 十折 is no discount at all
        return _scaled(q, _TEN if q.value < 10 else Decimal(1), end=at + 1)
    return None


def _tenths(folded: str, q: Quantity, p: PercentWords) -> Quantity:
    """七成六 = 76 %, 三成半 = 35 %: a digit or 半 after 成 adds its percent points."""
    m = p.tenths_tail.match(folded, q.end)
    if m is None or q.value != q.value.to_integral_value():
        return q
    tail = m.group("tail")
    add = Decimal(5) if tail in p.half else Decimal(p.words.digits.get(tail) or int(tail))
    value = q.value + add
    return q.with_(end=m.end(), value=value, low=value - _HALF, high=value + _HALF)


def _fixed(folded: str, p: PercentWords) -> list[Quantity]:
    """对折 (50 %), 半成 (5 %): percentages written as one word."""
    out = []
    for m in p.fixed_pattern.finditer(folded):
        v = p.fixed[m.group()]
        out.append(Quantity(m.start(), m.end(), v, v, v, kind="percent"))
    return out


def wrap_percent(
    folded: str, quantities: list[Quantity], extra: Sequence[Path] = ()
) -> list[Quantity]:
    """Each quantity written as a percentage or fraction turned into one; others unchanged."""
    p = percent_words(extra)
    out: list[Quantity] = []
    for q in quantities:
        pct = as_percent(folded, q, p)
        if pct is None:
            out.append(q)
            continue
        while out and out[-1].end > pct.start:
            out.pop()  # the denominator of 百分之 was found as a number of its own
        if pct.unit == "fraction" and out and out[-1].kind == "number":
            pct = _mixed(folded, out[-1], pct, p) or pct
            if pct.start == out[-1].start:
                out.pop()
        out.append(pct)
    fixed = _fixed(folded, p) if p.fixed else []
    return longest_first([*fixed, *out]) if fixed else out


def find_percents(text: str, folded: str, extra: Sequence[Path] = ()) -> list[Mention]:
    """The percentages and fractions of `text` (folded: its `fold()` view), qualifiers not
    applied."""
    quantities = wrap_percent(folded, scan_quantities(folded, extra), extra)
    return [to_mention(q, text) for q in quantities if q.kind == "percent"]
