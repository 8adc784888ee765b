"""Finding numbers in running text: Arabic (1,000 · 2.52 · ２０２５), Chinese and mixed (一千二百亿,
974亿, 十多万, 数十亿) and English (97.4 billion, three million, several billion).

`scan_quantities` works on the folded text (same length as the original, so its spans index
the original) and returns every numeric value before money and percent claim theirs;
`find_numbers` gives the bare numbers as mentions.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.models import Mention
from factcheck.normalize.numerals import (
    NumberWords,
    Reading,
    load_numbers,
    read_arabic,
    read_cjk_numeral,
    read_english_number,
)
from factcheck.normalize.quantity import Quantity, exact, longest_first, to_mention

_ARABIC = r"\d{1,3}+(?:,\d{3}(?!\d))++(?:\.\d++)?+|\d++(?:\.\d++)?+|(?<![\d.])\.\d++"
_MAX_RUN = 40  # no real numeral is longer; longer runs of digits are codes, not numbers
_SPLIT_WINDOW = 12
_LETTERS = rxcache.compile(r"[a-z]++")
_TRAILING_WORD = rxcache.compile(r"[a-z]++$")
_PLAIN = rxcache.compile(r"[\d,.]++")
_TOO_LONG = rxcache.compile(r"\d{41}")
_WORD = rxcache.compile(r"[^\s\-]++")
_PREV_WORD = rxcache.compile(r"([a-z]++)\s++$")
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_SMALL_UNITS_BARE = frozenset("百千佰仟万亿")


_alt = rxcache.alternation  # literal words, longest first


@frozen
class NumberFinder:
    """Compiled patterns and tables for one set of number words."""

    words: NumberWords
    master: regex.Pattern[str]
    starts: re.Pattern[str]  # every position where `master` may match, and few others
    vague_en: regex.Pattern[str]
    idioms: regex.Pattern[str] | None
    units: frozenset[str]
    approx_suffix: frozenset[str]
    vague_cjk: tuple[str, ...]
    pronoun_one: frozenset[str]
    minus_en: regex.Pattern[str]
    dozen: str
    not_dozen: frozenset[str]
    # Measure units that begin with a numeral character (千米, 兆瓦, 百万瓦): a numeral run
    # ending inside one stops before it, so 600兆瓦 is 600 megawatts, not 600 trillion watts.
    unit_heads: tuple[str, ...] = ()


@functools.cache
def _finder(extra: tuple[Path, ...]) -> NumberFinder:
    w = load_numbers(extra)
    raw = w.raw
    cjk = rxcache.escape("".join(sorted({*w.digits, *w.small_units, *w.big_units, *w.tens})))
    point = _alt(sorted(w.point))
    scales = sorted(k for k in w.scales if len(k) > 1)  # k/m/b alone only after a currency
    # "quarter" alone is three months far more often than a fourth; fractions are percent.py's
    en_words = [*w.ones, *w.en_tens, *w.hundred, *w.groups, *scales, "half"]
    # digits followed by a Chinese unit (1000 万) are left to the Chinese reading below
    word = (
        rf"(?:(?:{_alt(en_words)})\b|(?>{_ARABIC})(?:{_alt(scales)})?+(?![\w.])"
        rf"(?![ \t]{{0,3}}+[{cjk}]))"
    )
    en = (
        rf"(?<![a-z0-9_.])(?:(?:{_alt(sorted(w.article))})\s++)?+{word}"
        rf"(?:(?:\s*+-\s*+|\s++)(?:(?:{_alt(sorted(w.joiner))})\s++)?+{word})*+"
    )
    minus_chars = rxcache.escape("".join(sorted(w.minus)))
    cjk_run = (
        rf"(?:(?<![\w.])-|{_alt(sorted(w.minus))})?+(?:{_ARABIC}|[{cjk}])"
        rf"(?:{_ARABIC}|[{cjk}]|[ \t]{{0,2}}+(?:{point})[ \t]{{0,2}}+(?=[{cjk}0-9])"
        rf"|[ \t]{{1,3}}+(?=[{cjk}]|\d++[{cjk}]))*+"
    )
    q = raw["qualifiers"]
    plural = _alt(q["vague_en_plural"])
    scale_words = _alt([*w.hundred, *scales, *w.groups])
    vague_en = (
        rf"(?<![a-z0-9_])(?:(?P<few>{_alt(q['vague_en_before'])})\s++(?P<scale>{scale_words})"
        rf"|(?P<plural>{plural})(?:\s++of\s++(?P<of>{plural}))?+)\b"
    )
    idioms = raw.get("not_numbers") or []
    return NumberFinder(
        words=w,
        # the look-ahead lets most positions (CJK words, punctuation) fail at one character
        master=rxcache.compile(
            rf"(?=[0-9a-z.\-{minus_chars}{cjk}])(?:(?P<en>{en})|(?P<cjk>{cjk_run}))"
        ),
        # A match starts at a digit, a point, a minus or a Chinese numeral, or at a word that
        # begins like an article or an English number word. The standard library's scanner
        # finds these several times faster than `master` fails at every other position.
        starts=re.compile(
            rf"[0-9.\-{minus_chars}{cjk}]"
            rf"|(?<![a-z0-9_.])(?:{_alt([*w.article, *en_words])})"
        ),
        vague_en=rxcache.compile(vague_en),
        idioms=rxcache.compile(_alt(idioms)) if idioms else None,
        units=frozenset({*w.small_units, *w.big_units}),
        approx_suffix=frozenset(q["after"]["over"]) & frozenset("多余几来"),
        vague_cjk=tuple(sorted(q["vague_cjk"], key=len, reverse=True)),
        pronoun_one=frozenset(raw.get("pronoun_one_after") or []),
        dozen=str(raw["cjk"]["dozen"]),
        not_dozen=frozenset(raw["cjk"]["dozen_not_before"]),
        minus_en=rxcache.compile(rf"\b(?:{_alt(raw['en'].get('en_minus') or ['minus'])})\s++$"),
        unit_heads=_unit_heads(frozenset({*w.small_units, *w.big_units, *w.digits})),
    )


def _unit_heads(numerals: frozenset[str]) -> tuple[str, ...]:
    from factcheck.normalize.measures import measure_words

    words = measure_words().after  # folded, as the text numerals are read in
    return tuple(sorted((w for w in words if w[:1] in numerals), key=len, reverse=True))


def _before_unit(folded: str, s: int, e: int, f: NumberFinder) -> int:
    """Where a numeral run folded[s:e] ends once a unit word that starts inside it is left out
    (the 千 of 5万千米 and the 兆 of 600兆瓦 belong to the unit)."""
    for p in (e - 1, e - 2):
        if p > s and any(folded.startswith(word, p) and p + len(word) > e
                         for word in f.unit_heads):
            return p
    return e


def number_finder(extra: Sequence[Path] = ()) -> NumberFinder:
    return _finder(tuple(Path(p) for p in extra))


def _plural_unit(word: str, w: NumberWords) -> Decimal:
    singular = word[:-1]
    if word == "tens":
        return Decimal(10)
    return Decimal(w.hundred.get(singular) or w.groups.get(singular) or w.scales[singular])


def _vague_en(folded: str, f: NumberFinder) -> list[Quantity]:
    """several billion -> [2e9, 9.5e9]; tens of thousands -> [2e4, 9.5e4]; dozens -> [24, 114]."""
    w = f.words
    out = []
    for m in f.vague_en.finditer(folded):
        if m.group("few"):
            word = m.group("scale")
            unit = Decimal(w.hundred.get(word) or w.groups.get(word) or w.scales[word])
        else:
            unit = _plural_unit(m.group("plural"), w)
            if m.group("of"):
                unit *= _plural_unit(m.group("of"), w)
            elif m.group("plural") == "tens":
                continue  # "tens" alone is not a quantity
        out.append(_vague(m.start(), m.end(), unit))
    return out


def _vague(start: int, end: int, unit: Decimal) -> Quantity:
    # "Several" is read as a digit from 2 to 9 in the unit's place, with that digit's rounding.
    return Quantity(start, end, 2 * unit, 2 * unit, Decimal("9.5") * unit, mod="vague", mult=unit)


def _scale_of(text: str, f: NumberFinder) -> Decimal:
    """Multiplier of the scale a numeral ends with (974亿 -> 1e8, 1万亿 -> 1e12)."""
    mult = Decimal(1)
    i = len(text)
    while i > 0 and text[i - 1] in f.words.big_units:
        mult *= f.words.big_units[text[i - 1]]
        i -= 1
    if mult == 1:
        last = text.rsplit(None, 1)[-1] if text.strip() else ""
        m = _TRAILING_WORD.search(last)
        if m and m.group() in f.words.scales:
            mult = Decimal(f.words.scales[m.group()])
    return mult


def _split(run: str, start: int, read: object) -> list[tuple[int, int, Reading]]:
    """A run that does not read as one numeral, cut into the longest pieces that do."""
    out = []
    i, n = 0, len(run)
    while i < n:
        if run[i] in " \t":
            i += 1
            continue
        for j in range(min(n, i + _SPLIT_WINDOW), i, -1):
            r = read(run[i:j])  # type: ignore[operator]
            if r is not None:
                out.append((start + i, start + j, r))
                i = j
                break
        else:
            i += 1
    return out


def _in_idiom(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    k = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    while k >= 0 and spans[k][0] <= s:
        if spans[k][1] >= e:
            return True
        k -= 1
        if k >= 0 and s - spans[k][0] > 8:
            break
    return False


def _cjk(folded: str, s: int, e: int, f: NumberFinder) -> list[Quantity]:
    run = folded[s:e]
    n = len(folded)
    if e - s > _MAX_RUN:
        return []
    letters_after = _LETTERS.match(folded, e)
    before = folded[s - 1] if s > 0 else ""
    if before.isascii() and before.isalpha():
        return []  # A2021…: part of a code or a word
    weak = False
    if letters_after:
        suffix = letters_after.group()
        if suffix not in f.words.scales or not run.isascii():
            return []  # 29km, 180ml: a measure, not a bare number
        # 5m is money only after a currency sign; 10k is ten thousand anywhere
        weak = (len(suffix) == 1 and suffix != "k") or suffix == "mm"
        reading = read_english_number(run + suffix, f.words)
        if reading is None:
            return []
        mult = Decimal(f.words.scales[suffix])
        return [exact(s, letters_after.end(), reading.value, reading.step, mult=mult, weak=weak)]
    fast = run.isascii() and run[0].isdigit()
    reading = read_arabic(run) if fast else read_cjk_numeral(run, f.words)
    pieces = (
        [(s, e, reading)]
        if reading is not None
        else _split(run, s, lambda t: read_cjk_numeral(t, f.words))
    )
    out = []
    for ps, pe, r in pieces:
        text = folded[ps:pe]
        after_infix = folded[max(0, ps - 8) : ps].rstrip(" \t").replace(" ", "").endswith("分之")
        if len(text) == 1 and text in _FINANCIAL and not after_infix:
            continue  # 伍 of 入伍, 陆 of 大陆: a capital digit alone is a word
        bare = not any(c.isdigit() or c in f.words.digits or c in f.words.tens for c in text)
        weak = bare and len(text) == 1 and text in _SMALL_UNITS_BARE
        q = exact(ps, pe, r.value, r.step, mult=_scale_of(text, f), weak=weak)
        # 一打, 十打苹果: dozens, unless 打 starts a verb (一打开, 三打白骨精)
        if (
            pe == e
            and folded[pe : pe + 1] == f.dozen
            and folded[pe + 1 : pe + 2] not in f.not_dozen
        ):
            twelve = Decimal(12)
            q = exact(ps, pe + 1, r.value * twelve, r.step * twelve, mult=twelve)
            out.append(q)
            continue
        # 十多万, 500余万, 二十几万, 四百多: "more than" the written round number
        at = pe
        while at < n and at - pe < 2 and folded[at] in " \t":
            at += 1  # 十 余 万: spaces as text copied from a PDF has them
        suffix = folded[at] if pe == e and at < n else ""
        if suffix in f.approx_suffix and (suffix != "来" or not text.isascii()):
            tail_end = at + 1
            while tail_end < n and tail_end - at < 5 and folded[tail_end] in f.units | {" "}:
                tail_end += 1
            while folded[tail_end - 1] == " ":
                tail_end -= 1
            mult = Decimal(1)
            tail = folded[at + 1 : tail_end].replace(" ", "")
            if tail:
                t = read_cjk_numeral("一" + tail, f.words)
                if t is None:
                    tail_end, tail = at + 1, ""
                else:
                    mult = t.value
            value = r.value * mult
            q = Quantity(
                ps,
                tail_end,
                value,
                value,
                value + r.step * mult,
                mod="over",
                mult=mult if tail else q.mult,
            )
        # 数十亿, 几百万: a digit from 2 to 9 in the place of the unit that follows
        if text[0] in f.units:
            for word in f.vague_cjk:
                if folded.startswith(word, ps - len(word)):
                    q = _vague(ps - len(word), q.end, r.value).with_(mult=q.mult)
                    break
        out.append(q)
    return out


def _english(folded: str, m: regex.Match[str], f: NumberFinder) -> list[Quantity]:
    s, e = m.span()
    if _TOO_LONG.search(m.group()):
        return []  # a run of digits this long is a code or data, not a number
    if m.group()[0].isdigit() and _PLAIN.fullmatch(m.group()):
        r = read_arabic(m.group())  # the common case, 1,000 or 2.52, read directly
        if r is None:
            return []
        minus = f.minus_en.search(folded, max(0, s - 12), s) if s else None
        if minus is not None:
            return [exact(minus.start(), e, -r.value, r.step)]  # minus 5
        return [exact(s, e, r.value, r.step)]
    reading = read_english_number(m.group(), f.words)
    if reading is not None:
        pieces = [(s, e, reading)]
    else:
        toks = [(t.start() + s, t.end() + s) for t in _WORD.finditer(m.group())]
        pieces = []
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + 8), i, -1):
                r = read_english_number(folded[toks[i][0] : toks[j - 1][1]], f.words)
                if r is not None:
                    pieces.append((toks[i][0], toks[j - 1][1], r))
                    i = j
                    break
            else:
                i += 1
    out = []
    for ps, pe, r in pieces:
        text = folded[ps:pe]
        if text in f.words.halves and folded[pe : pe + 1] == "-":
            continue  # a half-day strike: part of a compound word
        if text == "one":
            prev = _PREV_WORD.search(folded[max(0, ps - 16) : ps])
            if prev and prev.group(1) in f.pronoun_one:
                continue  # "the one you mentioned"
        q = exact(ps, pe, r.value, r.step, mult=_scale_of(text, f))
        minus = f.minus_en.search(folded, max(0, ps - 12), ps)
        if minus is not None:
            q = exact(minus.start(), pe, -r.value, r.step, mult=q.mult)
        out.append(q)
    return out


# 1.3e6, -12e-1: scientific notation; 1 234 567, 40 000 (spaces, no-break or thin spaces
# between groups of three, as ISO 31-0 writes them); 2.33 k (a space before k).
_SCIENTIFIC = rxcache.compile(r"(?<![\w.\-])-?+\d{1,20}+(?:\.\d{1,20}+)?+e[+\-]?+\d{1,3}+(?![\w.])")
_GROUPS = rxcache.compile(
    r"(?<![\d,.])\d{1,3}+(?:[ \u00a0\u2009\u202f]\d{3}+(?!\d))++(?:\.\d++)?+(?![\d,]|\.\d)"
)
_SPACED_K = rxcache.compile(r"(?<![\w.,])(\d{1,3}+(?:\.\d++)?+)[ \t]{1,2}+k\b")


def _written_forms(folded: str) -> list[Quantity]:
    out = []
    if "e" in folded:
        for m in _SCIENTIFIC.finditer(folded):
            mant, _, exp = m.group().partition("e")
            step = read_arabic(mant.lstrip("-"))
            if step is not None:
                value = Decimal(m.group())
                out.append(exact(m.start(), m.end(), value, step.step.scaleb(int(exp))))
    for m in _GROUPS.finditer(folded):
        r = read_arabic(regex.sub(r"\s", "", m.group()))
        if r is not None:
            out.append(exact(m.start(), m.end(), r.value, r.step))
    if "k" in folded:
        for m in _SPACED_K.finditer(folded):
            r = read_arabic(m.group(1))
            if r is not None:
                k = Decimal(1000)
                out.append(exact(m.start(), m.end(), r.value * k, r.step * k, mult=k))
    return out


def _numerals(folded: str, f: NumberFinder) -> Iterator[regex.Match[str]]:
    """f.master.finditer(folded), trying `master` only where `starts` finds a start."""
    match = f.master.match
    end = 0
    for start in f.starts.finditer(folded):
        at = start.start()
        if at >= end and (m := match(folded, at)) is not None:
            end = m.end()
            yield m


def scan_quantities(folded: str, extra: Sequence[Path] = ()) -> list[Quantity]:
    """Every numeric value in the folded text, sorted by start, not overlapping."""
    f = number_finder(extra)
    idioms = [m.span() for m in f.idioms.finditer(folded)] if f.idioms else []
    found: list[Quantity] = []
    for m in _numerals(folded, f):
        if m.group("en") is not None:
            found.extend(_english(folded, m, f))
        else:
            s, e = m.span()
            if idioms and _in_idiom(idioms, s, e):
                continue
            if folded[e - 1] in f.units:
                e = _before_unit(folded, s, e, f)
            found.extend(_cjk(folded, s, e, f))
    extra_forms = _written_forms(folded)
    if extra_forms:
        found = longest_first([*extra_forms, *found])
    vague = _vague_en(folded, f)
    if vague:
        # "several hundred" beats the "hundred" inside it; "3 dozens" beats the "dozens"
        found = longest_first([*vague, *found])
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue  # a suffix like 多万 already took these characters
        out.append(q)
    return out


def find_numbers(text: str, folded: str, extra: Sequence[Path] = ()) -> list[Mention]:
    """The numbers of `text` (folded: its `fold()` view) as mentions, qualifiers not applied."""
    return [to_mention(q, text) for q in scan_quantities(folded, extra) if not q.weak]
