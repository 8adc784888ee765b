"""Qualifier words and ranges: 高达/up to, 超过/more than, 近/nearly, 约/about, 左右, 以上/以下, and
10至20亿 / 5-10% / between 3 and 5 — each turns a value into a bound or an interval.

How each widens the interval of the written value (v, with precision bounds [lo, hi]):

| mod       | low                     | high          |
|-----------|-------------------------|---------------|
| approx    | min(lo, v - 10 %)       | max(hi, v + 10 %) |
| at_most   | 0 (amounts are not negative; open below for a negative v) | hi |
| under     | 0 (likewise)            | v             |
| at_least  | lo                      | open          |
| over      | v                       | open          |
| nearly    | v - 10 %                | v             |
| range     | low of the first value  | high of the second |

For a percentage, 10 % of the value but at most 3 points: about 62% is 59–65%.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.models import Mod
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.quantity import Quantity

_TENTH = Decimal("0.1")
_PERCENT_POINTS = Decimal(3)  # the most an approximate percentage is widened by
_ZERO = Decimal(0)


@frozen
class Qualifiers:
    before_mod: dict[str, Mod]
    before_re: regex.Pattern[str]  # any qualifier ending where the search ends
    longest: int
    after: regex.Pattern[str]
    after_mod: dict[str, Mod]
    unit_only: frozenset[str]
    not_qualifiers: tuple[str, ...]
    infix: regex.Pattern[str]
    pairs: dict[str, str]
    units: frozenset[str]


def _is_word(s: str) -> bool:
    return s[:1].isascii() and s[:1].isalpha()


@functools.cache
def _qualifiers(extra: tuple[Path, ...]) -> Qualifiers:
    data = load_lexicon("numbers.yaml", extra)
    q = data["qualifiers"]
    before = [(str(w), mod) for mod, words in q["before"].items() for w in words]
    after = {str(w): mod for mod, words in q["after"].items() for w in words}
    alts = "|".join(
        rxcache.escape(w) + (r"\b" if _is_word(w) else "")
        for w in sorted(after, key=len, reverse=True)
    )
    infix = "|".join(
        rxcache.escape(w) for w in sorted(map(str, q["range_infix"]), key=len, reverse=True)
    )
    cjk = data["cjk"]
    return Qualifiers(
        before_mod=dict(before),
        before_re=rxcache.compile(
            "(?:"
            + "|".join(rxcache.escape(w) for w, _ in sorted(before, key=lambda wm: -len(wm[0])))
            + ")$"
        ),
        longest=max(len(w) for w, _ in before),
        after=rxcache.compile(rf"[ \t]?+(?:{alts})"),
        after_mod=after,
        unit_only=frozenset(data.get("before_unit_only") or []),
        not_qualifiers=tuple(data.get("not_qualifiers") or []),
        infix=rxcache.compile(rf"[ \t]{{0,2}}+(?:{infix})[ \t]{{0,2}}+"),
        pairs={str(k): str(v) for k, v in (q.get("range_pair") or {}).items()},
        units=frozenset({*cjk["small_units"], *cjk["big_units"]}),
    )


def qualifiers(extra: Sequence[Path] = ()) -> Qualifiers:
    return _qualifiers(tuple(Path(p) for p in extra))


def widen(q: Quantity, mod: Mod) -> Quantity:
    """The interval `q` stands for once `mod` qualifies it (see the module's table)."""
    v, lo, hi = q.value, q.low, q.high
    margin = abs(v) * _TENTH
    if q.kind == "percent":
        # "about 62%" and "about 72%" are two figures: a share is about so many points.
        margin = min(margin, _PERCENT_POINTS)
    floor = _ZERO if v >= 0 else None
    if mod == "approx":
        lo = min(lo, v - margin) if lo is not None else None
        hi = max(hi, v + margin) if hi is not None else None
    elif mod == "at_most":
        lo = floor
    elif mod == "under":
        lo, hi = floor, v
    elif mod == "at_least":
        hi = None
    elif mod == "over":
        lo, hi = v, None
    elif mod == "nearly":
        lo, hi = v - margin, v
    return q.with_(low=lo, high=hi, mod=mod, weak=False)


def _before(folded: str, q: Quantity, t: Qualifiers, floor: int) -> tuple[int, Mod] | None:
    end = q.start
    if end > 0 and folded[end - 1] in " \t":
        end -= 1
    for m in t.before_re.finditer(folded, max(floor, end - t.longest), end, overlapped=True):
        word, s = m.group(), m.start()
        mod = t.before_mod[word]
        if _is_word(word) and ((s > 0 and folded[s - 1].isalnum()) or end == q.start):
            continue  # "over" must stand as a word, with a space before the number
        if word in t.unit_only and folded[q.start] not in t.units:
            continue
        # One C call for all of them: this runs for every qualifier word before a number.
        if folded.endswith(t.not_qualifiers, 0, s + len(word)):
            continue  # 最近 ends in 近 but means "recently"
        return s, mod
    return None


def _join_ranges(folded: str, qs: list[Quantity], t: Qualifiers) -> list[Quantity]:
    """10至20亿, 5-10%, $5-10 million, between 3 and 5: one mention for the whole range."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        joined = _range(folded, a, b, t) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(folded: str, a: Quantity, b: Quantity, t: Qualifiers) -> Quantity | None:
    if a.mod or b.mod or a.weak or b.weak or a.kind not in ("number", b.kind):
        return None
    gap = folded[a.end : b.start]
    start = a.start
    m = t.infix.fullmatch(gap)
    if m is None:
        head_start = max(0, a.start - 12)
        head = folded[head_start : a.start].rstrip()
        for opener, joiner in t.pairs.items():
            if head.endswith(opener) and gap.strip() == joiner:
                # In the text, not in `head`: a range once began at the head's offset (4 for
                # "between 3% and 5%" anywhere), swallowing every value before it.
                start = head_start + len(head) - len(opener)
                break
        else:
            return None
    lo = a
    if a.mult == 1 and b.mult > 1 and a.value * b.mult <= b.value:
        factor = b.mult  # 10至20亿: the first value borrows the second's scale
        lo = a.with_(
            value=a.value * factor,
            low=None if a.low is None else a.low * factor,
            high=None if a.high is None else a.high * factor,
        )
    if lo.value > b.value:
        return None  # 2025-01 is a date, not a range downward
    mid = (lo.value + b.value) / 2
    return b.with_(start=start, value=mid, low=lo.low, high=b.high, mod="range")


def qualify(
    folded: str,
    qs: list[Quantity],
    extra: Sequence[Path] = (),
    units: regex.Pattern[str] | None = None,
) -> list[Quantity]:
    """Ranges joined, then qualifier words applied; weak values no word claimed are dropped.
    `units` matches a counted unit that may stand between a count and the word after it
    (3000人左右, 1000人以上): the unit is kept on the count."""
    t = qualifiers(extra)
    out: list[Quantity] = []
    for q in _join_ranges(folded, qs, t):
        floor = out[-1].end if out else 0
        if q.mod is None:
            unit = units.match(folded, q.end) if units is not None and q.kind == "number" else None
            at = unit.end() if unit is not None and not unit.group()[0].isspace() else q.end
            m = t.after.match(folded, at)
            if m is None and at != q.end:
                at = q.end
                m = t.after.match(folded, at)
            if m is not None and (not _is_word(m.group().strip()) or m.group()[0] in " \t"):
                word = m.group().strip()
                if not (word in ("多", "余", "来", "几") and q.kind != "number"):
                    q = widen(q, t.after_mod[word]).with_(end=m.end())
                    if at != q.start and unit is not None and at == unit.end():
                        q = q.with_(unit=unit.group())
            b = _before(folded, q, t, floor)
            if b is not None and q.mod is None:
                q = widen(q, b[1]).with_(start=b[0])
            elif b is not None:
                q = q.with_(start=b[0])
        if not q.weak:
            out.append(q)
    return out
