"""Money: a number with a currency written before it (US$, HK$, RMB, 人民币) or after it (美元,
亿元, 港幣, euros, yen), read as an amount with its ISO 4217 code."""

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
from factcheck.normalize.quantity import Quantity, to_mention
from factcheck.normalize.script import fold

# Generic "yuan" words that yield to a currency named before the amount (新台币100元 is TWD).
_GENERIC_SUFFIX = frozenset({"元", "圆", "块", "块钱"})
_HUNDRED = Decimal(100)


@frozen
class Currencies:
    prefix_codes: dict[str, str]  # folded symbol or name -> ISO code
    prefix_re: regex.Pattern[str]  # any prefix ending where the search ends
    longest: int
    suffix: regex.Pattern[str]
    codes: dict[str, str]
    subunits: frozenset[str]
    suffix_name: regex.Pattern[str]
    tenths: frozenset[str]  # 角 (a tenth of a yuan)
    joined_tenths: dict[str, str]  # 毛: a tenth only right after an amount (五元三毛)


def _fold_keys(table: dict[str, str]) -> dict[str, str]:
    return {fold(str(k)): str(v) for k, v in (table or {}).items()}


@functools.cache
def _currencies(extra: tuple[Path, ...]) -> Currencies:
    data = load_lexicon("currencies.yaml", extra)
    prefix = _fold_keys(data["prefix"])
    # kept unfolded in the value view (script.value_view): ￥ is not ¥
    prefix.update({str(k): str(v) for k, v in (data.get("prefix_as_written") or {}).items()})
    # "hk $ 10", "us $ 5": the letters of a dollar sign may stand apart from it (two letters
    # at least: "a $5 fee" is no Australian dollar)
    spaced = {k[:-1] + " $": v for k, v in prefix.items() if len(k) > 2 and k.endswith("$")}
    prefix.update(spaced)
    suffix = _fold_keys(data["suffix"])
    sub = _fold_keys(data.get("subunits") or {})
    tenth = _fold_keys(data.get("tenth_subunits") or {})
    names = sorted({*suffix, *sub, *tenth}, key=lambda n: (-len(n), n))
    classifier = "|".join(rxcache.escape(fold(str(x))) for x in data.get("classifiers") or [])
    # An English name must end at a word boundary (10 euros, not 10 eurostar).
    alts = "|".join(
        rxcache.escape(n) + (r"\b" if n[-1].isascii() and n[-1].isalnum() else "") for n in names
    )
    return Currencies(
        prefix_codes=prefix,
        prefix_re=rxcache.compile(
            "(?:"
            + "|".join(rxcache.escape(k) for k in sorted(prefix, key=len, reverse=True))
            + ")$"
        ),
        longest=max(map(len, prefix)),
        suffix=rxcache.compile(rf"(?:[ \t]{{0,2}}+|-)(?:(?:{classifier})[ \t]?+)?+(?:{alts})"),
        codes={**suffix, **sub, **tenth},
        subunits=frozenset(sub),
        tenths=frozenset(tenth),
        suffix_name=rxcache.compile(rf"(?:{alts})(?=[ \t]*+$)"),
        joined_tenths=_fold_keys(data.get("joined_tenth_subunits") or {}),
    )


def currencies(extra: Sequence[Path] = ()) -> Currencies:
    return _currencies(tuple(Path(p) for p in extra))


def _prefix(folded: str, start: int, c: Currencies, floor: int) -> tuple[int, str] | None:
    """(start, code) of a currency written right before `start`, spaces allowed between."""
    end = start
    while end > 0 and start - end < 2 and folded[end - 1] in " \t":
        end -= 1
    # The prefixes are tried longest first: the leftmost match ending at `end` is the longest.
    lo = max(floor, end - c.longest)
    for m in c.prefix_re.finditer(folded, lo, end, overlapped=True):
        key = m.group()
        s = m.start()
        if key[0].isascii() and key[0].isalpha() and s > 0 and folded[s - 1].isalnum():
            continue  # "usd" inside a word
        if key[-1].isascii() and key[-1].isalpha() and end == start:
            continue  # "usd5": a code needs a space or sign before the digits
        return s, c.prefix_codes[key]
    return None


def as_money(folded: str, q: Quantity, c: Currencies, floor: int = 0) -> Quantity | None:
    """`q` read as money when a currency is written next to it, else None. A prefix must start
    at or after `floor` (the end of the previous value: 4人民币5美元 is two amounts)."""
    if q.kind != "number":
        return None
    before = _prefix(folded, q.start, c, floor)
    m = c.suffix.match(folded, q.end)
    if before is None and m is None:
        return None
    start, end = q.start, q.end
    code: str | None = None
    scale = Decimal(1)
    if m is not None:
        name = c.suffix_name.search(m.group()).group()  # type: ignore[union-attr]
        code, end = c.codes[name], m.end()
        if name in c.subunits:
            scale = 1 / _HUNDRED
        elif name in c.tenths:
            scale = Decimal("0.1")
        if before is not None and name in _GENERIC_SUFFIX:
            code = before[1]
    if before is not None:
        start = before[0]
        code = code or before[1]
    assert code is not None

    def scaled(x: Decimal | None) -> Decimal | None:
        return None if x is None else x * scale

    return q.with_(
        start=start,
        end=end,
        kind="money",
        currency=code,
        value=q.value * scale,
        low=scaled(q.low),
        high=scaled(q.high),
        weak=False,
    )


_JOIN = rxcache.compile(r"[ \t]{0,2}+(?:(?:and|又|零)[ \t]{0,2}+)?+")


def _join_subunits(folded: str, qs: list[Quantity], c: Currencies) -> list[Quantity]:
    """3 dollars 50 cents, 两美元又三美分: a main-unit amount and its cents are one amount."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        tenth = c.joined_tenths.get(folded[q.end : q.end + 1]) if prev is not None else None
        if prev is not None and tenth is not None and tenth == prev.currency and q.kind == "number":
            q = _tenth(q, tenth)
        if (
            prev is not None
            and prev.kind == "money"
            and q.kind == "money"
            and q.currency == prev.currency
            and q.value < 1
            and prev.value >= 1
            and _JOIN.fullmatch(folded, prev.end, q.start)
        ):
            low = None if prev.low is None or q.low is None else prev.value + q.low
            high = None if prev.high is None or q.high is None else prev.value + q.high
            out[-1] = prev.with_(end=q.end, value=prev.value + q.value, low=low, high=high)
            continue
        out.append(q)
    return out


def _tenth(q: Quantity, code: str) -> Quantity:
    tenth = Decimal("0.1")
    low = None if q.low is None else q.low * tenth
    high = None if q.high is None else q.high * tenth
    return q.with_(
        end=q.end + 1, kind="money", currency=code, value=q.value * tenth, low=low, high=high
    )


def wrap_money(
    folded: str, quantities: list[Quantity], extra: Sequence[Path] = ()
) -> list[Quantity]:
    """Each quantity with a currency beside it turned into money; the others unchanged."""
    c = currencies(extra)
    out: list[Quantity] = []
    for q in quantities:
        money = as_money(folded, q, c, out[-1].end if out else 0)
        if money is not None:
            out.append(money)
        else:
            out.append(q)
    return _join_subunits(folded, out, c)


def find_money(text: str, folded: str, extra: Sequence[Path] = ()) -> list[Mention]:
    """The amounts of money in `text` (folded: its `fold()` view), qualifiers not applied."""
    quantities = wrap_money(folded, scan_quantities(folded, extra), extra)
    return [to_mention(q, text) for q in quantities if q.kind == "money"]
