"""Measures: a number with a unit of length, mass, time, temperature, area, speed, data or
charge (320公尺, "120 km", 3.2公噸, "3.2-tonne", 攝氏12度, 12C, 2小时0分21秒, "2:00:12") read
as ONE value in the unit's base (metres, kilograms, seconds, °C …), so that 120公里 and
"120 km" are one figure and 2小时0分21秒 is not three numbers.

The unit words are data (lexicon/units.yaml, `measures`). A measure stays a NumberValue whose
`unit` is the base symbol ("m", "kg", "s", "°C", "m²", "km/h", "B", "mAh"); its interval is
the written precision scaled to the base (72小时 is 72 ± 0.5 hours).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.numerals import read_arabic
from factcheck.normalize.quantity import Quantity, exact, longest_first
from factcheck.normalize.script import fold

_ARABIC = r"\d{1,3}+(?:,\d{3}(?!\d))++(?:\.\d++)?+|\d++(?:\.\d++)?+"
_GAP = rxcache.compile(r"[ \t]?+-?+[ \t]?+")
# Between parts of one duration: nothing (2小时0分), 零 (2小时零5分), or ", and" in English.
_JOIN = rxcache.compile(r"零|[ \t]*+,?+[ \t]*+(?:and[ \t]++)?+")
_SECONDS = "s"
_PREFIX_GAP = 3  # characters that may stand between 时速 and its number (约为)
_FRACTION = "fraction"  # the unit the fraction reader gives ("2 and a half")
HALF_UNIT = Decimal("0.5")
# A half is read to a tenth of its unit either way: 半小时 is 27-33 minutes.
_HALF_STEP = Decimal("0.2")
# Seconds after minutes (59分58秒).
_SECONDS_AFTER = rxcache.compile(r"[0-9零一二三四五六七八九十两]{1,3}+(?:\.\d++)?+秒")
# A half before the unit (一个半小时, "2 and a half hours") or after it (两天半).
_HALF_BEFORE = rxcache.compile(r"个?+半|[ \t]++and a half[ \t]++")
_HALF_AFTER = rxcache.compile(r"半(?!\p{Han})")
_HALF_ALONE = rxcache.compile(
    r"(?=[半ha])(?<![0-9〇零一二三四五六七八九十百两个几多])半个?+(?P<zh>小时|钟头|天|月|分钟)"
    r"|\bhalf an?+[ \t]++(?P<en>hour|day|month|minute)\b"
    r"|\ban?+[ \t]++(?P<en2>hour|day|month|minute)[ \t]++and a half\b"
)
_MINUTE = Decimal(60)
_HOUR = Decimal(3600)


@frozen
class _Unit:
    base: str
    factor: Decimal


@frozen
class MeasureWords:
    after: dict[str, _Unit]  # folded unit word -> base and factor
    after_re: regex.Pattern[str]  # a unit word where the match starts
    joined: dict[str, _Unit]  # units read only inside a compound duration (分)
    joined_re: regex.Pattern[str] | None
    before: dict[str, _Unit]  # 摄氏, 时速: written before the number
    before_re: regex.Pattern[str] | None  # a prefix ending where the search ends
    tail: dict[str, dict[str, Decimal]]  # base -> the unit word after a prefixed number
    glued_re: regex.Pattern[str]  # Arabic digits with an ASCII unit and no space (120km)
    glued: dict[str, _Unit]
    not_after: tuple[str, ...]
    ordinal: tuple[str, ...]
    negative: tuple[str, ...]  # 零下: below zero
    ordinal_ends: frozenset[str]  # last characters of the ordinal words
    starts: frozenset[str]  # first characters of every unit word that may follow a number
    before_words: regex.Pattern[str] | None  # any prefix word (摄氏, 时速)
    predicate: dict[str, str]  # base -> the relation of a measure with no trigger
    predicates: dict[str, frozenset[str]]  # base -> trigger relations it may take
    only: frozenset[str]  # relations no bare count takes
    clock_re: regex.Pattern[str]


_alt = rxcache.alternation  # literal words, longest first


def _word_re(words: Sequence[str]) -> str:
    # An English unit stands as a word (km, not the km of "kms"); a Chinese one needs no edge.
    ascii_ = [w for w in words if w.isascii()]
    han = [w for w in words if not w.isascii()]
    parts = []
    if ascii_:
        parts.append(rf"(?:{_alt(ascii_)})(?![a-z0-9])")
    if han:
        parts.append(rf"(?:{_alt(han)})")
    return "|".join(parts) or r"(?!)"


@functools.cache
def _measure_words(extra: tuple[Path, ...]) -> MeasureWords:
    data = load_lexicon("units.yaml", extra)
    after: dict[str, _Unit] = {}
    joined: dict[str, _Unit] = {}
    before: dict[str, _Unit] = {}
    tail: dict[str, dict[str, Decimal]] = {}
    glued: dict[str, _Unit] = {}
    predicate: dict[str, str] = {}
    predicates: dict[str, frozenset[str]] = {}
    for base, spec in (data.get("measures") or {}).items():
        base = str(base)
        predicate[base] = str(spec.get("predicate") or "")
        predicates[base] = frozenset(map(str, spec.get("predicates") or ()))
        words = {fold(str(w)): _Unit(base, Decimal(str(f))) for w, f in spec["after"].items()}
        after.update(words)
        for w, f in (spec.get("joined") or {}).items():
            joined[fold(str(w))] = _Unit(base, Decimal(str(f)))
        for w, f in (spec.get("before") or {}).items():
            before[fold(str(w))] = _Unit(base, Decimal(str(f)))
        tail[base] = {fold(str(w)): Decimal(str(f)) for w, f in (spec.get("tail") or {}).items()}
        for w in spec.get("glued") or ():
            key = fold(str(w))
            glued[key] = words.get(key) or _Unit(base, Decimal(1))
    glued_alt = _alt(list(glued))
    clock = (
        # h:mm:ss (a race time) or mm:ss with more minutes than a day has hours (59:58);
        # a time of day (10:47, 10:47 p.m.) is left to the clock reader.
        r"(?=\d{1,3}+:)(?<![\d.:])(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)"
        r"|(?P<mm>2[5-9]|[3-9]\d|\d{3}):(?P<ss>[0-5]\d))(?P<f>\.\d{1,3})?+(?![\d:])"
        r"(?![ \t]?+(?:a\.?m|p\.?m|gmt|utc)\b)"
    )
    return MeasureWords(
        after=after,
        after_re=rxcache.compile(_word_re(list(after))),
        joined=joined,
        joined_re=rxcache.compile(_word_re(list(joined))) if joined else None,
        before=before,
        # A qualifier may stand between the prefix and its number (时速约为18海里).
        before_re=(
            rxcache.compile(rf"(?:{_alt(list(before))})[^\d\s,.，。、；;]{{0,{_PREFIX_GAP}}}+$")
            if before else None
        ),
        tail=tail,
        glued_re=rxcache.compile(rf"(?<![0-9a-z.,])({_ARABIC})({glued_alt})(?![a-z0-9])"),
        glued=glued,
        not_after=tuple(map(str, data.get("measure_not_after") or ())),
        ordinal=tuple(map(str, data.get("measure_ordinal") or ())),
        negative=tuple(fold(str(x)) for x in data.get("measure_negative") or ()),
        ordinal_ends=frozenset(str(o)[-1] for o in data.get("measure_ordinal") or ()),
        # "and a half", 个半, 半: the half readers start with these too.
        starts=frozenset({w[0] for w in [*after, *joined]} | {"a", "个", "半"}),
        before_words=rxcache.compile(_alt(list(before))) if before else None,
        predicate=predicate,
        predicates=predicates,
        only=frozenset(map(str, data.get("measure_only_predicates") or ())),
        clock_re=rxcache.compile(clock),
    )


def measure_words(extra: Sequence[Path] = ()) -> MeasureWords:
    return _measure_words(tuple(Path(p) for p in extra))


def is_measure(unit: str | None) -> bool:
    """Whether a NumberValue's unit is a measure's base unit (not a counted noun)."""
    return unit is not None and unit in measure_words().predicate


def fits(unit: str | None, predicate: str) -> bool:
    """Whether a number with this unit may state this relation: a measure only its unit's
    own relations (a length near 死亡 is no death toll), a count none that only a measure
    states (a bare 2022 near "data" is no amount of data)."""
    w = measure_words()
    if not is_measure(unit):
        return predicate not in w.only
    assert unit is not None
    return predicate == w.predicate[unit] or predicate in w.predicates[unit]


def measure_predicate(unit: str | None) -> str | None:
    """The relation of a measure that no trigger of its own names (320公尺 is a length)."""
    if unit is None or not is_measure(unit):
        return None
    return measure_words().predicate[unit] or None


def _scaled(q: Quantity, start: int, end: int, unit: _Unit) -> Quantity:
    f = unit.factor
    lo = None if q.low is None else q.low * f
    hi = None if q.high is None else q.high * f
    if f < 0 and lo is not None and hi is not None:
        lo, hi = hi, lo
    # A scale of more than one may lend itself to the first value of a range (10至20公里).
    mult = f if f > 1 else q.mult
    return q.with_(start=start, end=end, value=q.value * f, low=lo, high=hi, unit=unit.base,
                   mult=mult)


def _unit_after(folded: str, q: Quantity, w: MeasureWords) -> tuple[int, _Unit, bool] | None:
    """Where the unit after `q` ends, the unit, and whether a half is added (一个半小时,
    两天半, "2 and a half hours")."""
    half = _HALF_BEFORE.match(folded, q.end)
    gap = _GAP.match(folded, q.end)
    at = gap.end() if gap else q.end
    # "3.2-tonne" and "120 km" take a hyphen or a space; a Chinese unit follows at once.
    for pos in dict.fromkeys(p for p in (half.end() if half else None, q.end, at) if p):
        m = w.after_re.match(folded, pos)
        if m is None or (pos != q.end and not m.group().isascii() and half is None):
            continue
        if folded.startswith(w.not_after, m.end()):
            return None
        unit = w.after[m.group()]
        if half is not None and pos == half.end():
            return m.end(), unit, unit.base == _SECONDS
        after = _HALF_AFTER.match(folded, m.end())
        if after is not None and unit.base == _SECONDS:
            return after.end(), unit, True
        return m.end(), unit, False
    return None


def _halves(folded: str, w: MeasureWords) -> list[Quantity]:
    """Half a unit with no number before it: 半小时, 半个月, "half an hour", and "an hour and a
    half" (1.5)."""
    out: list[Quantity] = []
    if "半" not in folded and "half" not in folded:
        return out
    for m in _HALF_ALONE.finditer(folded):
        word = m.group("zh") or m.group("en") or m.group("en2")
        unit = w.after.get(word) or w.after.get("个" + word)
        if unit is None or unit.base != _SECONDS:
            continue
        value = Decimal("1.5") if m.group("en2") else HALF_UNIT
        q = exact(m.start(), m.end(), value, _HALF_STEP)
        out.append(_scaled(q, m.start(), m.end(), unit))
    return out


def _prefix(folded: str, q: Quantity, w: MeasureWords) -> tuple[int, _Unit, str] | None:
    if w.before_re is None:
        return None
    m = w.before_re.search(folded, max(0, q.start - 12), q.start)
    if m is None:
        return None
    word = next(b for b in sorted(w.before, key=len, reverse=True) if m.group().startswith(b))
    return m.start(), w.before[word], m.group()[len(word):].strip()


def _ordinal(folded: str, q: Quantity, w: MeasureWords) -> bool:
    if q.start == 0 or folded[q.start - 1] not in w.ordinal_ends:
        return False
    return any(q.start >= len(o) and folded.startswith(o, q.start - len(o)) for o in w.ordinal)


def _read_one(folded: str, q: Quantity, w: MeasureWords) -> Quantity | None:
    mixed = q.unit == _FRACTION and q.value >= 1  # "2 and a half hours"
    if q.kind != "number" or (q.unit is not None and not mixed) or q.weak or _ordinal(folded, q, w):
        return None
    pre = _prefix(folded, q, w)
    if pre is not None:
        start, unit, gap = pre
        tails = w.tail.get(unit.base, {})
        end, factor = q.end, unit.factor
        for word, f in sorted(tails.items(), key=lambda t: -len(t[0])):
            if folded.startswith(word, q.end):
                end, factor = q.end + len(word), unit.factor * f
                break
        if any(folded.startswith(word, q.start) for word in w.negative):
            return None  # the 零 of 零下 is no figure
        if gap:
            # 时速约为18海里: the qualifier between is left for the qualifier reader, which
            # needs it right before the value; 零下 (below zero) makes the figure negative.
            start = q.start
            if any(word in gap for word in w.negative):
                factor = -factor
        return _scaled(q, start, end, _Unit(unit.base, factor))
    found = _unit_after(folded, q, w)
    if found is None:
        return None
    end, unit, half = found
    if mixed:
        q = exact(q.start, q.end, q.value, _HALF_STEP)  # a fraction is exact; its use is not
    if half:
        # 一个半小时 is 1.5 hours, precise to the half hour.
        q = exact(q.start, q.end, q.value + HALF_UNIT, _HALF_STEP)
    return _scaled(q, q.start, end, unit)


def _joined_minutes(folded: str, q: Quantity, w: MeasureWords, after_hours: bool) -> (
    Quantity | None
):
    """分 is a minute only inside a duration: after hours (2小时0分) or before seconds
    (59分58秒); alone it is a score or a grade (8.6分)."""
    if w.joined_re is None or q.kind != "number" or q.unit is not None:
        return None
    m = w.joined_re.match(folded, q.end)
    if m is None:
        return None
    unit = w.joined[m.group()]
    if not after_hours:
        nxt = _SECONDS_AFTER.match(folded, m.end())
        if nxt is None:
            return None
    return _scaled(q, q.start, m.end(), unit)


def _compound(folded: str, parts: list[Quantity]) -> Quantity:
    """Parts of one duration (2小时 0分 21秒) as one value: the sum, precise to the last part."""
    last = parts[-1]
    head = sum((p.value for p in parts[:-1]), Decimal(0))
    lo = None if last.low is None else head + last.low
    hi = None if last.high is None else head + last.high
    return last.with_(start=parts[0].start, value=head + last.value, low=lo, high=hi,
                      mult=Decimal(1))


def _glued(folded: str, w: MeasureWords) -> list[Quantity]:
    out = []
    for m in w.glued_re.finditer(folded):
        r = read_arabic(m.group(1).replace(",", ""))
        if r is None:
            continue
        q = exact(m.start(), m.end(1), r.value, r.step)
        out.append(_scaled(q, m.start(), m.end(), w.glued[m.group(2)]))
    return out


def _clock_durations(folded: str, w: MeasureWords) -> list[Quantity]:
    out: list[Quantity] = []
    if ":" not in folded:
        return out
    for m in w.clock_re.finditer(folded):
        frac = m.group("f")
        step = Decimal(1).scaleb(-(len(frac) - 1)) if frac else Decimal(1)
        extra = Decimal(frac) if frac else Decimal(0)
        if m.group("h") is not None:
            h, mi, s = int(m.group("h")), int(m.group("m")), int(m.group("s"))
            value = h * _HOUR + mi * _MINUTE + s + extra
        else:
            value = int(m.group("mm")) * _MINUTE + int(m.group("ss")) + extra
        out.append(exact(m.start(), m.end(), value, step, unit=_SECONDS))
    return out


def wrap_measures(folded: str, qs: list[Quantity], extra: Sequence[Path] = ()) -> list[Quantity]:
    """The quantities with every number followed by a unit (or preceded by 摄氏/时速) read as
    a measure in its base unit; the parts of a compound duration joined into one."""
    w = measure_words(extra)
    # Where a prefix (摄氏, 时速) ends, once per text: few numbers have one.
    prefixed = {m.end() for m in w.before_words.finditer(folded)} if w.before_words else set()
    out: list[Quantity] = []
    for q in qs:
        if not (_may_follow(folded, q.end, w.starts) or (
                prefixed and any(q.start - k in prefixed for k in range(_PREFIX_GAP + 2)))):
            out.append(q)  # nothing a measure needs stands beside it: most numbers
            continue
        prev = out[-1] if out else None
        after_hours = (
            prev is not None and prev.unit == _SECONDS and prev.end <= q.start
            and _JOIN.fullmatch(folded, prev.end, q.start) is not None
        )
        read = _read_one(folded, q, w) or _joined_minutes(folded, q, w, after_hours)
        if read is None:
            out.append(q)
            continue
        if (
            prev is not None and read.unit == _SECONDS and after_hours
            and prev.value > read.value and _larger_step(prev, read)
        ):
            out[-1] = _compound(folded, [prev, read])
            continue
        out.append(read)
    extra_qs = [*_glued(folded, w), *_clock_durations(folded, w), *_halves(folded, w)]
    if not extra_qs:
        return out
    # Only the quantities that overlap a measure read on its own contest it (the longest
    # wins); settling all of them would sort every number of the text again.
    marked = bytearray(len(folded) + 1)
    for x in extra_qs:
        marked[x.start : x.end] = b"\x01" * (x.end - x.start)
    contested = [q for q in out if marked.find(1, q.start, max(q.end, q.start + 1)) != -1]
    if not contested:
        return sorted([*out, *extra_qs], key=lambda q: q.start)
    taken = {id(q) for q in contested}
    kept = [q for q in out if id(q) not in taken]
    return sorted([*kept, *longest_first([*extra_qs, *contested])], key=lambda q: q.start)


def _may_follow(folded: str, pos: int, starts: frozenset[str]) -> bool:
    """Whether a unit word may start at `pos`, or after a space or hyphen there."""
    c = folded[pos : pos + 1]
    if c in starts:
        return True
    while c and c in " \t-" and pos < len(folded):
        pos += 1
        c = folded[pos : pos + 1]
    return c in starts


def _larger_step(prev: Quantity, read: Quantity) -> bool:
    """The earlier part is of a larger unit (hours before minutes before seconds)."""
    if prev.low is None or prev.high is None or read.low is None or read.high is None:
        return False
    return (prev.high - prev.low) > (read.high - read.low)


__all__ = [
    "MeasureWords",
    "fits",
    "is_measure",
    "measure_predicate",
    "measure_words",
    "wrap_measures",
]
