"""Reading numerals: Chinese (一千二百亿, 2.52億, 千亿, 二〇一五, 壹佰伍拾) and English
(97.4 billion, three million, a dozen, 13 mln) into numbers.

Pure functions over one numeral string each; finding numerals in running text is the job of
numbers.py. Every reading keeps its precision: `step` is the place value of the last written
digit (974亿 -> step 1e8, 2.52亿 -> 1e6, 千亿 -> 1e11, 97.4 billion -> 1e8), from which the
finders build the interval a written value stands for.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

import regex

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.normalize.lexdata import load_lexicon

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－", "0123456789,.-")
_ARABIC = rxcache.compile(r"\d{1,3}+(?:,\d{3})++(?:\.\d++)?+|\d++(?:\.\d++)?+|\.\d++")
_EN_TOKEN = rxcache.compile(r"\d[\d,]*+(?:\.\d++)?+|\.\d++|[a-z]++|[\s\-]++|.", regex.DOTALL)
_ORDINAL = rxcache.compile(r"(\d{1,9}+)(?:st|nd|rd|th)")
_ONE = Decimal(1)
_Tok = tuple[str, Decimal, Decimal]  # (kind, value, step) of one numeral token


class Reading(NamedTuple):
    """A numeral read: its value and the place value of its last written digit."""

    value: Decimal
    step: Decimal


@frozen
class NumberWords:
    """The number words of lexicon/numbers.yaml, as lookup tables."""

    digits: dict[str, int]
    small_units: dict[str, int]
    big_units: dict[str, int]
    tens: dict[str, int]
    point: frozenset[str]
    minus: frozenset[str]
    ones: dict[str, int]
    en_tens: dict[str, int]
    hundred: dict[str, int]
    groups: dict[str, int]
    scales: dict[str, int]
    halves: dict[str, Decimal]
    article: frozenset[str]
    joiner: frozenset[str]
    ordinals: dict[str, int]
    raw: Any

    @property
    def cjk_chars(self) -> str:
        """Every character that can be part of a Chinese numeral."""
        chars = {*self.digits, *self.small_units, *self.big_units, *self.tens, *self.point}
        return "".join(sorted(chars))


@functools.cache
def _number_words(extra: tuple[Path, ...]) -> NumberWords:
    data = load_lexicon("numbers.yaml", extra)
    cjk, en = data["cjk"], data["en"]
    return NumberWords(
        digits=dict(cjk["digits"]),
        small_units=dict(cjk["small_units"]),
        big_units=dict(cjk["big_units"]),
        tens=dict(cjk["tens"]),
        point=frozenset(cjk["point"]),
        minus=frozenset(cjk["minus"]),
        ones=dict(en["ones"]),
        en_tens=dict(en["tens"]),
        hundred=dict(en["hundred"]),
        groups=dict(en["groups"]),
        scales=dict(en["scales"]),
        halves={k: Decimal(str(v)) for k, v in en["halves"].items()},
        article=frozenset(en["article"]),
        joiner=frozenset(en["joiner"]),
        ordinals=dict(en["ordinals"]),
        raw=data,
    )


def load_numbers(extra: Sequence[Path] = ()) -> NumberWords:
    """The number words, with a user's extra lexicon files merged over the built-in ones."""
    return _number_words(tuple(Path(p) for p in extra))


def read_arabic(text: str) -> Reading | None:
    """'1,000' -> 1000 (step 1); '2.52' -> 2.52 (step 0.01); full-width digits allowed."""
    s = text.strip().translate(_FULLWIDTH)
    if not _ARABIC.fullmatch(s):
        return None
    digits = s.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    decimals = len(digits) - digits.index(".") - 1 if "." in digits else 0
    return Reading(value, Decimal(1).scaleb(-decimals))


# ---------------------------------------------------------------------------- Chinese


def _cjk_tokens(s: str, w: NumberWords) -> list[_Tok] | None:
    """(kind, value, step) tokens: num, zero, small, big, tens, point; None on a stray char."""
    out: list[_Tok] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isascii() and (ch.isdigit() or ch == "."):
            m = _ARABIC.match(s, i)
            if m is None:
                return None
            r = read_arabic(m.group())
            if r is None:
                return None
            out.append(("num", r.value, r.step))
            i = m.end()
            continue
        if ch in w.digits:
            v = w.digits[ch]
            out.append(("zero" if v == 0 else "num", Decimal(v), _ONE))
        elif ch in w.small_units:
            out.append(("small", Decimal(w.small_units[ch]), _ONE))
        elif ch in w.big_units:
            out.append(("big", Decimal(w.big_units[ch]), _ONE))
        elif ch in w.tens:
            out.append(("tens", Decimal(w.tens[ch]), _ONE))
        elif ch in w.point:
            out.append(("point", _ONE, _ONE))
        else:
            return None
        i += 1
    return out


def _positional(tokens: list[_Tok]) -> Decimal | None:
    """二〇一五 -> 2015: digits read one by one, as in years and codes."""
    if not tokens or any(kind not in ("num", "zero") or v > 9 for kind, v, _ in tokens):
        return None
    return Decimal("".join(str(int(v)) for _, v, _ in tokens))


def _merge_point(tokens: list[_Tok]) -> list[_Tok] | None:
    """Fold '<integer> 点 <digits>' into one number token (二点五亿 -> [2.5, 亿])."""
    at = next((i for i, t in enumerate(tokens) if t[0] == "point"), None)
    if at is None:
        return tokens
    left, right = tokens[:at], tokens[at + 1 :]
    n = 0
    while n < len(right) and right[n][0] in ("num", "zero") and right[n][1] <= 9:
        n += 1
    if n == 0 or not left or any(t[0] == "point" for t in left):
        return None
    if any(t[0] == "big" for t in left) and n < len(right):
        return None  # 两千万点五五 is 20000000.55; a unit after such a fraction is no numeral
    whole = _positional(left) if all(t[0] in ("num", "zero") for t in left) else None
    if whole is None:
        read = _units(left)
        if read is None:
            return None
        whole = read.value
    frac = _positional(right[:n])
    if frac is None:
        return None
    step = Decimal(1).scaleb(-n)
    return [("num", whole + frac * step, step), *right[n:]]


def _units(tokens: list[_Tok]) -> Reading | None:
    """The place-value reading of 一千二百亿, 三万五, 一百零五, 1万亿, 千亿."""
    total = section = Decimal(0)
    pending: tuple[Decimal, Decimal] | None = None
    last_big: Decimal | None = None
    ceiling: Decimal | None = None  # small units must fall within a group: 千 > 百 > 十
    prev_unit: Decimal | None = None
    prev_kind = ""
    place = _ONE
    zero_seen = in_section = seen_digit = False
    for kind, v, step in tokens:
        after_big, prev_kind = prev_kind == "big", kind
        if kind == "zero":
            if pending is not None:
                return None
            zero_seen = True
            continue
        if kind == "num":
            if pending is not None:
                return None  # 二三百 is a vague range, not a numeral
            pending = (v, step)
            seen_digit = True
            continue
        if kind in ("small", "tens"):
            unit = Decimal(10) if kind == "tens" else v
            if ceiling is not None and unit >= ceiling:
                return None
            if kind == "tens":
                if pending is not None:
                    return None
                section += v
                place = Decimal(10)
                seen_digit = True
            else:
                pv, ps = pending if pending is not None else (_ONE, _ONE)
                section += pv * v
                place = ps * v
                seen_digit = True
            pending, ceiling, prev_unit = None, unit, unit
            zero_seen, in_section = False, True
            continue
        if kind == "big":
            if pending is not None:
                section += pending[0]
                place, in_section, pending = pending[1], True, None
            if not seen_digit:
                return None  # a myriad unit alone (亿, 万亿) is a word, not a numeral
            if last_big is None or v > last_big or (v == last_big and after_big):
                total = (total + section) * v  # 一万亿: the whole amount so far is multiplied
                place *= v
            else:
                if section == 0 or v == last_big:
                    return None  # 五万五万 is two numbers
                total += section * v
                if in_section:
                    place *= v
            last_big, section, ceiling, prev_unit = v, Decimal(0), None, v
            zero_seen = in_section = False
            continue
        return None
    if pending is not None:
        pv, ps = pending
        if prev_unit is not None and not zero_seen and ps == 1 and pv < 10:
            # 一百五 = 150, 三万五 = 35000: a last digit right after a unit takes the next place
            ps = prev_unit / 10 if prev_unit >= 10 else _ONE
            pv *= ps
        section += pv
        place = ps
    if not seen_digit:
        return None
    return Reading(total + section, place)


def read_cjk_numeral(text: str, words: NumberWords | None = None) -> Reading | None:
    """A Chinese or mixed numeral with its precision, or None when `text` is not one."""
    w = words or load_numbers()
    s = text.strip().translate(_FULLWIDTH).replace(" ", "").replace("\t", "")
    negative = bool(s) and (s[0] in w.minus or s[0] in "-−")
    if negative:
        s = s[1:]
    tokens = _cjk_tokens(s, w) if s else None
    if not tokens:
        return None
    tokens = _merge_point(tokens)
    if tokens is None:
        return None
    if not any(t[0] in ("small", "big", "tens") for t in tokens):
        if len(tokens) == 1 and tokens[0][0] == "num":
            reading: Reading | None = Reading(tokens[0][1], tokens[0][2])
        else:
            pos = _positional(tokens)
            reading = Reading(pos, _ONE) if pos is not None else None
    else:
        reading = _units(tokens)
    if reading is None:
        return None
    return Reading(-reading.value, reading.step) if negative else reading


def parse_cjk_numeral(text: str) -> float | None:
    """一千二百亿 -> 1.2e11, 2.52億 -> 2.52e8, 二〇一五 -> 2015.0; None when not a numeral."""
    reading = read_cjk_numeral(text)
    return float(reading.value) if reading is not None else None


# ---------------------------------------------------------------------------- English


def read_english_number(text: str, words: NumberWords | None = None) -> Reading | None:
    """English number words and scales with their precision, or None when not a number."""
    w = words or load_numbers()
    s = text.strip().lower().translate(_FULLWIDTH)
    total = Decimal(0)
    current: Decimal | None = None
    place = _ONE
    last = before_and = ""  # kinds of the previous word and of the word before an "and"
    last_scale: int | None = None
    seen = False
    for m in _EN_TOKEN.finditer(s):
        tok = m.group()
        if tok[0].isspace() or tok[0] == "-":
            continue
        # "and" adds only after hundred or a scale: "one hundred and five", not "five and six"
        big_and = last == "and" and before_and in ("hundred", "scale")
        if tok[0].isdigit() or tok[0] == ".":
            r = read_arabic(tok)
            if r is None or current is not None or last in ("scale", "and"):
                return None
            current, place, last, seen = r.value, r.step, "num", True
        elif tok in w.ones:
            v = Decimal(w.ones[tok])
            if current is None:
                current = v
            elif (last in ("tens", "hundred") and (last != "tens" or v < 10)) or big_and:
                current += v
            else:
                return None
            place, last, seen = _ONE, "ones", True
        elif tok in w.en_tens:
            v = Decimal(w.en_tens[tok])
            if current is None:
                current = v
            elif last == "hundred" or big_and:
                current += v
            else:
                return None
            place, last, seen = Decimal(10), "tens", True
        elif tok in w.hundred or tok in w.groups:
            mult = Decimal(w.hundred.get(tok) or w.groups[tok])
            if last == "hundred":
                return None
            place = place * mult if current is not None else mult
            current = (current if current is not None else _ONE) * mult
            last, seen = "hundred", True
        elif tok in w.scales:
            scale = w.scales[tok]
            if last == "scale" and last_scale is not None and scale >= last_scale:
                # stacked scales multiply: "three lakh crore", "a thousand million"
                total, place, last_scale = total * scale, place * scale, last_scale * scale
                continue
            if last_scale is not None and scale >= last_scale:
                return None
            if current is None and not seen:
                return None  # a bare "million" is a word, not a number
            base = current if current is not None else _ONE
            total += base * scale
            place = place * scale if current is not None else Decimal(scale)
            current, last, last_scale = None, "scale", scale
        elif tok in w.halves:
            half = w.halves[tok]
            if current is None and last == "and" and last_scale is not None:
                total += half * last_scale  # "3 million and a half"
                place, last, seen = half * last_scale, "scale", True
                continue
            if current is not None and last == "and":
                current += half  # one and a half million
            elif current is None:
                current = half
            else:
                return None
            place, last, seen = half, "half", True
        elif tok in w.article:
            if current is None and last in ("", "half") and not seen:
                current, place, last, seen = _ONE, _ONE, "article", True
            elif last not in ("half", "and"):
                return None  # "one and a half": the article waits for the fraction
        elif tok in w.joiner:
            if last not in ("hundred", "scale", "ones", "num", "tens"):
                return None
            before_and, last = last, "and"
        else:
            return None
    if not seen or last in ("and", "article"):
        return None  # "a" alone is no number
    if current is not None:
        total += current
    return Reading(total, place)


def parse_english_number(text: str) -> float | None:
    """'three million' -> 3e6, 'a dozen' -> 12, '97.4bn' -> 9.74e10; None when not a number."""
    reading = read_english_number(text)
    return float(reading.value) if reading is not None else None


def parse_english_ordinal(text: str) -> int | None:
    """'third' -> 3, 'twenty-first' -> 21, '17th' -> 17; None when not an ordinal."""
    w = load_numbers()
    s = text.strip().lower()
    m = _ORDINAL.fullmatch(s)
    if m:
        return int(m.group(1))
    head, _, last = s.replace("-", " ").rpartition(" ")
    if last not in w.ordinals:
        return None
    if not head.strip():
        return w.ordinals[last]
    base = read_english_number(head, w)
    if base is None or base.value != base.value.to_integral_value():
        return None
    ordinal = w.ordinals[last]
    # "two hundredth" multiplies; "twenty-first" adds
    return int(base.value) * ordinal if ordinal >= 100 else int(base.value) + ordinal
