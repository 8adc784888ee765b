"""Which claims in different sources are about the same fact.

Three passes per pair of sources, each matching one-to-one, greedily by score:

1. same predicate and value kind (the block), compatible subjects and objects;
2. a claim with no known predicate, by its context alone (the folded sentence with the value
   masked), so a contradiction needs near-identical sentences;
3. what is left: one subject, one kind of amount, different predicates, close magnitudes —
   related facts shown for review (a 97.4 billion bid beside 100 billion damages).

Large blocks find candidates through an inverted index of context keys instead of trying all
pairs, so time grows linearly with the number of claims.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from rapidfuzz import fuzz

from factcheck import parallel, rxcache
from factcheck.counted import counted_noun, different_nouns, person_predicate
from factcheck.cues import is_since, load_cues
from factcheck.frozen import astuple, frozen
from factcheck.intervals import (
    FRACTION,
    as_percent,
    comparable_kind,
    compare_values,
    magnitude,
    measure_of,
)
from factcheck.misreport import misreport_like, written_digits
from factcheck.models import Claim, DateValue, MoneyValue, NumberValue, Value
from factcheck.names import find_names, starts_no_name
from factcheck.normalize.script import fold
from factcheck.sentences import unclosed
from factcheck.soundalike import same_sound

Relation = Literal["same", "context", "related"]

ALL_PAIRS_MAX = 256  # a block this small is scored pair by pair
KEY_DF_MAX = 64  # context keys shared by more claims than this say nothing
CANDIDATES = 8  # candidates per claim taken from the index
CONTEXT_MIN = 0.6  # context similarity needed to align claims without a known predicate
RELATED_RATIO = 1.5  # "close magnitudes" for related claims with different predicates
SAME_VALUE_MIN = 100  # whole counts below this recur in unrelated facts
SAME_VALUE_RATIO = 1.02  # how close two figures must be to count as the same figure
YEARS = (1900, 2100)  # a bare whole number in this range is as likely a year as a count
ALONE_MAX = 8  # claims of one relation in a source beyond which none is its only figure
DATE_WINDOW = 45  # days: two dates of one relation further apart are two events
NEIGHBOURS_MAX = 6  # values kept from a claim's sentence as its language-neutral context
# Claims to index, or pairs of claims (about) to score in the first pass, above which the
# work is shared out between this process and a forked child (factcheck.parallel): below,
# a fork costs more than it saves.
SPLIT_MIN = 20_000

ASIDE = 0.02  # ranking lost per side that is a headline or list entry

_MONTH_DAY = rxcache.compile(r"(?:\d{4}|XXXX)-(\d\d)(?:-(\d\d))?")
_DIGIT = rxcache.compile(r"\d")
_LATIN_WORD = rxcache.compile(r"[a-z][a-z0-9]++")
_KEYS = rxcache.compile(r"[a-z][a-z0-9]++|[\p{Han}]")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two claims from different sources judged to be about one fact (or related facts)."""

    a: Claim
    b: Claim
    relation: Relation
    score: float  # alignment confidence, 0..1
    context: float  # similarity of the masked folded sentences, 0..1
    confirmed: bool = False  # both name the same subject (or swap subject and object)


# A pair's fields after its two claims, in order.
_PAIR_REST = operator.attrgetter(*(f.name for f in fields(Pair)[2:]))


@frozen
class _Item:
    claim: Claim
    masked: str
    # Context keys, each string interned: a tuple of shared strings is a fraction of the
    # memory of a set of fresh ones, and a large comparison holds one per claim.
    keys: tuple[str, ...]
    # The subject may be a mis-attribution: a place, a name not in the registry, or a name
    # from another sentence.
    weak: bool
    carried: bool = False  # the subject's name is not in the claim's own sentence
    placed: bool = False  # the subject is a place (often a dateline city), not a doer
    status: bool = False  # the time qualifier is a status time ("as of", "截至")
    unique: bool = False  # its source's only figure of its predicate and kind (see _alone)
    # Values of the other claims in the same sentence: a language-neutral context.
    neighbours: tuple[Value, ...] = ()
    noun: str | None = None  # what a count counts (read once per claim, used per pair)
    # A headline, a heading or a timeline entry (no closing punctuation) repeats a figure the
    # body states in full: the body's statement is the one to pair when both could be.
    aside: bool = False
    # An aside whose figure the body states only under another reading (another relation,
    # or as a forecast, an estimate or a denial): its own terse reading is not to be trusted.
    shadowed: bool = False


SubjectType = Callable[[str], str | None]
_SOFT = ("forecast", "hedged", "negated")  # modalities that tell no plain fact


class _Statuses:
    """compare_values(x, y).status, computed once per pair of distinct values: a large
    comparison holds the same figures many times over (a block of equal figures is scored
    pair by pair, and their sentences' neighbouring figures with them). Values are numbered
    by their fields, so equal values written in two places share their verdicts."""

    MEMO_MAX = 1 << 20  # verdicts kept; past this the memo starts again (memory stays flat)

    def __init__(self) -> None:
        self._by_id: dict[int, int] = {}  # id(value) -> number of its fields
        self._by_fields: dict[tuple[object, ...], int] = {}
        self._held: list[Value] = []  # every value numbered stays alive: no id is reused
        self._memo: dict[int, str] = {}
        # Neighbour tuples by id (held, so no id is reused) -> their values' numbers, and
        # the figures two such tuples share by their numbers.
        self._tuples: dict[int, tuple[int, ...]] = {}
        self._held_tuples: list[tuple[Value, ...]] = []
        self._shared: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        self._sizes: list[float | None] = []  # magnitude(as_percent(value)) by number

    def number(self, v: Value) -> int:
        n = self._by_id.get(id(v))
        if n is None:
            fields = (type(v), *astuple(v))
            n = self._by_fields.setdefault(fields, len(self._by_fields))
            if n == len(self._sizes):
                self._sizes.append(magnitude(as_percent(v)))
            self._by_id[id(v)] = n
            self._held.append(v)
        return n

    def size(self, v: Value) -> float | None:
        """magnitude(as_percent(v)): the size of a figure, a fraction as its percentage."""
        return self._sizes[self.number(v)]

    def numbers(self, values: tuple[Value, ...]) -> tuple[int, ...]:
        found = self._tuples.get(id(values))
        if found is None:
            found = self._tuples[id(values)] = tuple(map(self.number, values))
            self._held_tuples.append(values)
        return found

    def shared(self, xs: tuple[Value, ...], ys: tuple[Value, ...]) -> int:
        """_count_shared(xs, ys), once per pair of distinct tuples of values."""
        key = (self.numbers(xs), self.numbers(ys))
        found = self._shared.get(key)
        if found is None:
            if len(self._shared) >= self.MEMO_MAX:
                self._shared.clear()
            found = self._shared[key] = _count_shared(xs, ys)
        return found

    def status(self, x: Value, y: Value) -> str:
        key = (self.number(x) << 32) | self.number(y)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= self.MEMO_MAX:
                self._memo.clear()
            found = self._memo[key] = compare_values(x, y, explain=False).status
        return found


_statuses = _Statuses()  # replaced at the start and end of every align()


@functools.lru_cache(maxsize=4096)
def _folded(sentence: str) -> str:
    return fold(sentence)  # same length as the sentence, so claim offsets still apply


def _item(
    claim: Claim,
    subject_type: SubjectType | None = None,
    unique: bool = False,
    neighbours: tuple[Value, ...] = (),
    shadowed: bool = False,
) -> _Item:
    lo = max(0, claim.start - claim.sentence_start)
    hi = max(lo, claim.end - claim.sentence_start)
    sent = _folded(claim.sentence)
    masked = " ".join((sent[:lo] + "\u0000" + sent[hi:]).split())
    # Chinese has no spaces: keys are Han characters joined in bigrams, and English words.
    # A token of one character is a Han character (words have two or more), so a joined
    # pair of two characters is a bigram of neighbouring Han tokens. Done with map/compress,
    # as this runs for every claim of a large comparison.
    tokens = _KEYS.findall(masked)
    pairs = list(map(operator.add, tokens, tokens[1:]))
    keys = set(itertools.compress(tokens, map((1).__lt__, map(len, tokens))))
    keys.update(itertools.compress(pairs, map((2).__eq__, map(len, pairs))))
    weak = placed = False
    if claim.subject and subject_type is not None:
        kind = subject_type(claim.subject)
        weak = kind in (None, "place", "media")
        placed = kind in ("place", "media")
    # A subject carried over from an earlier sentence is a guess, not a statement.
    carried = bool(claim.subject_text) and not _named_in(
        fold(claim.subject_text or ""), sent, keys)
    aside = unclosed(claim.sentence)
    return _Item(
        claim, masked, tuple(map(sys.intern, keys)), weak or carried, carried, placed,
        status_time(claim), unique, neighbours, counted_noun(claim), aside, shadowed and aside,
    )


def _named_in(name: str, sentence: str, words: set[str]) -> bool:
    """Whether the sentence names the subject: in full, or by one word of a Latin name ("Lin,
    a 66-year-old" after "Lin Kuo-hua" was named), as stories refer to people after the
    first mention. `words` are the sentence's Latin words."""
    return name in sentence or any(
        len(w) >= 3 and w in words and not starts_no_name(w) for w in _LATIN_WORD.findall(name))


def _different_things(a: _Item, b: _Item) -> bool:
    return different_nouns(a.noun, b.noun)


def status_time(claim: Claim) -> bool:
    """Whether the claim's time qualifier is a status time ("as of", "截至", "by"): the
    moment a running figure held, rather than when the event or the report happened."""
    return bool(claim.time_text) and _status_text(claim.time_text)


@functools.lru_cache(maxsize=4096)  # a story repeats its few time phrases ("截至13日")
def _status_text(time_text: str) -> bool:
    folded = fold(time_text.strip())
    return any(hit.start == 0 for hit in load_cues().as_of.find(folded))


def align(claims: Sequence[Claim], *, subject_type: SubjectType | None = None) -> list[Pair]:
    """Pairs of aligned claims across sources, in a deterministic order independent of the
    order in which sources were given. `subject_type` gives an entity id's type (None when
    the registry does not know it): a place or an unknown name as subject is weak evidence,
    since extraction often takes a dateline place or a stray phrase for the subject."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.source, c.start, c.end, c.id)):
        by_source[claim.source].append(claim)
    items = _items_by_source(by_source, subject_type)
    global _statuses
    _statuses = _Statuses()
    pairs: list[Pair] = []
    try:
        for src_a, src_b in itertools.combinations(sorted(by_source), 2):
            pairs.extend(_align_two(items[src_a], items[src_b]))
    finally:
        _statuses = _Statuses()  # let the values go
    return pairs


def _source_items(mine: list[Claim], subject_type: SubjectType | None) -> list[_Item]:
    sentences: dict[int, list[Claim]] = defaultdict(list)
    for c in mine:
        sentences[c.sentence_start].append(c)
    return [
        _item(c, subject_type, alone, _neighbours(c, sentences[c.sentence_start]), shadowed)
        for c, alone, shadowed in zip(mine, _alone(mine), _shadowed(mine), strict=True)
    ]


def _shadowed(mine: list[Claim]) -> list[bool]:
    """Per claim, whether it is an aside (see _Item.aside) whose figure the body of its
    source states, but never as the same relation told as firmly: a headline's "30%" that
    the body gives as a target, or as another relation's figure."""
    aside = [unclosed(c.sentence) for c in mine]
    body: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c, out in zip(mine, aside, strict=True):
        if not out:
            body[_twin_key(c)[1:]].append(c)
    return [
        out
        and bool(twins := body.get(_twin_key(c)[1:], []))
        and not any(_same_reading(t, c) for t in twins)
        for c, out in zip(mine, aside, strict=True)
    ]


def _same_reading(body: Claim, aside: Claim) -> bool:
    """A terse aside agrees with a body statement unless they name two relations, or one
    tells as plain fact what the other gives as a forecast, an estimate or a denial."""
    relations = body.predicate is None or aside.predicate in (None, body.predicate)
    soft = (body.modality in _SOFT) == (aside.modality in _SOFT)
    return relations and soft


def _items_by_source(
    by_source: dict[str, list[Claim]], subject_type: SubjectType | None
) -> dict[str, list[_Item]]:
    """Each source's items. For a large comparison, the sources are shared out between this
    process and a forked child, which sends its items back without their claims (each
    neighbouring value as the index of a claim holding it)."""
    sources = sorted(by_source, key=lambda s: (-len(by_source[s]), s))
    total = sum(map(len, by_source.values()))
    if total < SPLIT_MIN or len(sources) < 2 or parallel.usable_cpus() < 2:
        return {source: _source_items(mine, subject_type) for source, mine in by_source.items()}
    groups: tuple[list[str], list[str]] = ([], [])
    loads = [0, 0]
    for source in sources:  # the most claims first, each to the lighter group
        lighter = loads.index(min(loads))
        groups[lighter].append(source)
        loads[lighter] += len(by_source[source])

    def mine() -> list[list[Any]]:
        return [_source_items(by_source[s], subject_type) for s in groups[0]]

    def theirs() -> list[list[Any]]:
        return [_packed(by_source[s], _source_items(by_source[s], subject_type)) for s in groups[1]]

    here, there = parallel.run_split([mine, theirs])
    items = dict(zip(groups[0], here, strict=True))
    for source, rows in zip(groups[1], there, strict=True):
        items[source] = _unpacked(by_source[source], rows)
    return {source: items[source] for source in by_source}


_ITEM_FIELDS = _Item.__match_args__
_NEIGHBOURS = _ITEM_FIELDS.index("neighbours")


def _packed(mine: list[Claim], items: list[_Item]) -> list[tuple[Any, ...]]:
    """Items as rows of their fields after the claim, neighbouring values as claim indices."""
    holder = {id(c.value): j for j, c in reversed(list(enumerate(mine)))}
    rows = []
    for item in items:
        row = [getattr(item, name) for name in _ITEM_FIELDS[1:]]
        row[_NEIGHBOURS - 1] = tuple(holder[id(v)] for v in item.neighbours)
        rows.append(tuple(row))
    return rows


def _unpacked(mine: list[Claim], rows: list[tuple[Any, ...]]) -> list[_Item]:
    out = []
    for claim, row in zip(mine, rows, strict=True):
        fields_ = list(row)
        fields_[_NEIGHBOURS - 1] = tuple(mine[j].value for j in row[_NEIGHBOURS - 1])
        out.append(_Item(claim, *fields_))
    return out


def _align_two(left: list[_Item], right: list[_Item]) -> list[Pair]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Pair] = []

    def take(cands: Iterable[tuple[float, Pair, int, int]]) -> None:
        ranked = sorted(cands, key=lambda t: (-t[0], t[1].a.id, t[1].b.id))
        for _rank, pair, ia, ib in ranked:
            if ia not in used_a and ib not in used_b:
                used_a.add(ia)
                used_b.add(ib)
                out.append(pair)

    known_a = _blocks(left, _known_key)
    known_b = _blocks(right, _known_key)
    value_a = _blocks(left, value_key)
    value_b = _blocks(right, value_key)
    # One ranking for both: the same telling figure may outweigh the same relation read on
    # both sides (8.6万 and 86,000 before a 15,000 also read as "evacuated").
    take(_scored([(known_a, known_b, _same_fact), (value_a, value_b, _same_value)],
                       left, right, used_a, used_b))
    kind_a = _blocks(left, _kind_key)
    kind_b = _blocks(right, _kind_key)
    take(_scored([(kind_a, kind_b, _by_context)], left, right, used_a, used_b))
    take(_scored([(kind_a, kind_b, _slipped)], left, right, used_a, used_b))
    take(_scored([(kind_a, kind_b, _related)], left, right, used_a, used_b))
    if any(left[i].aside for i in used_a) or any(right[i].aside for i in used_b):
        out = _prefer_body(out, left, right, used_a, used_b)
        shadowed = {id(item.claim) for item in (*left, *right) if item.shadowed}
        if shadowed:
            out = [
                replace(p, confirmed=False)
                if p.confirmed and (id(p.a) in shadowed or id(p.b) in shadowed) else p
                for p in out
            ]
    return out


def _alone(mine: list[Claim]) -> list[bool]:
    """Per claim, whether it is its source's only figure of its relation: the same figure
    stated again (a headline, a timeline entry) leaves it alone, and so, for a date, does a
    date of the relation far from it (an earlier accident of the same kind is another
    event). A relation stated many times is never alone (and is not compared pair by pair)."""
    groups: dict[object, list[int]] = defaultdict(list)
    for i, c in enumerate(mine):
        if (key := _known_key(c)) is not None:
            groups[key].append(i)
    out = [False] * len(mine)
    for members in groups.values():
        if len(members) > ALONE_MAX:
            continue
        if isinstance(mine[members[0]].value, DateValue):
            # A day written in figures is set against the other written days of the
            # relation: a bare year (2018年通車, another line) or a weekday word does not
            # say which day, so it neither matches nor rivals it.
            days = [i for i in members if _written_day(mine[i])]
            if days and len(days) < len(members):
                for i in days:
                    out[i] = all(
                        _twin_key(mine[j])[3] == _twin_key(mine[i])[3]
                        or _far_apart(mine[i].value, mine[j].value)
                        for j in days if j != i
                    )
                continue
        points = [_twin_key(mine[i])[3] for i in members]
        for n, i in enumerate(members):
            out[i] = all(
                points[m] == points[n] or _far_apart(mine[i].value, mine[j].value)
                for m, j in enumerate(members)
                if m != n
            )
    return out


def _far_apart(x: Value, y: Value) -> bool:
    """Two dates further apart than DATE_WINDOW days. With a year left unwritten ("Aug. 14"
    in a story dated without one) the months and days are compared around the calendar."""
    if not (isinstance(x, DateValue) and isinstance(y, DateValue)):
        return False
    if x.start and x.end and y.start and y.end:
        return max((x.start - y.end).days, (y.start - x.end).days) > DATE_WINDOW
    dx, dy = _days_in_year(x.timex), _days_in_year(y.timex)
    if dx is None or dy is None:
        return False
    gap = max(dx[0] - dy[1], dy[0] - dx[1], 0)
    return min(gap, 366 - gap) > DATE_WINDOW


def _days_in_year(timex: str) -> tuple[int, int] | None:
    """The days of the year (months taken as 30.5 days) a TIMEX with a month covers."""
    found = _MONTH_DAY.fullmatch(timex)
    if found is None:
        return None
    month = int(found[1])
    first = round((month - 1) * 30.5)
    if found[2]:
        return first + int(found[2]) - 1, first + int(found[2]) - 1
    return first, round(month * 30.5) - 1


def _twin_key(c: Claim) -> tuple[object, ...]:
    v = as_percent(c.value)
    point = v.timex if isinstance(v, DateValue) else magnitude(v)
    return (c.predicate, comparable_kind(c.value), measure_of(c.value), point, v.mod)


def _prefer_body(
    out: list[Pair], left: list[_Item], right: list[_Item], used_a: set[int], used_b: set[int]
) -> list[Pair]:
    """A pair made through a headline or a list entry is reported through the body sentence
    that states the same figure of the same relation, when that sentence is still free: the
    pairing is unchanged, only the occurrence shown is the one stated in full."""
    twins_a = _body_twins(left, used_a)
    twins_b = _body_twins(right, used_b)
    index_a = {id(item.claim): i for i, item in enumerate(left)}
    index_b = {id(item.claim): i for i, item in enumerate(right)}
    result = []
    for pair in out:
        a = _swap(pair.a, left, index_a, twins_a, used_a)
        b = _swap(pair.b, right, index_b, twins_b, used_b)
        result.append(pair if a is pair.a and b is pair.b else replace(pair, a=a, b=b))
    return result


def _body_twins(items: list[_Item], used: set[int]) -> dict[tuple[object, ...], list[int]]:
    twins: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if not item.aside and i not in used and item.claim.predicate:
            twins[_twin_key(item.claim)].append(i)
    return twins


def _swap(
    claim: Claim,
    items: list[_Item],
    index: dict[int, int],
    twins: dict[tuple[object, ...], list[int]],
    used: set[int],
) -> Claim:
    i = index.get(id(claim))
    if i is None or not items[i].aside or not claim.predicate:
        return claim
    free = [j for j in twins.get(_twin_key(claim), ()) if j not in used]
    if not free:
        return claim
    j = free[0]
    used.add(j)
    used.discard(i)
    return items[j].claim


def _known_key(c: Claim) -> object:
    return (c.predicate, comparable_kind(c.value), measure_of(c.value)) if c.predicate else None


def _kind_key(c: Claim) -> object:
    # A measure blocks with measures of its unit only: 320 metres is never 320 people.
    return (comparable_kind(c.value), measure_of(c.value))


def value_key(c: Claim) -> object:
    """A telling value, rounded so that equal figures share a block: a day or a month of a
    known year, an amount of money, a percentage, a count of 100 or more or with a fraction
    (not a bare year-like number). Small counts and bare years recur in unrelated facts."""
    v = as_percent(c.value)
    if v.mod == "vague":
        return None
    if isinstance(v, DateValue):
        if v.granularity == "day":
            return ("date", v.timex[-5:])  # month and day: a year left unwritten may differ
        return ("date", v.timex) if v.start and v.granularity == "month" else None
    if isinstance(v, MoneyValue):
        return ("money", v.currency, _rounded(v.amount))
    if isinstance(v, NumberValue):
        if v.unit == FRACTION or (v.value.is_integer() and v.value < SAME_VALUE_MIN):
            return None
        if v.unit is None and v.value.is_integer() and YEARS[0] <= v.value <= YEARS[1]:
            return None
    return (v.kind, measure_of(v), _rounded(v.value))


def _rounded(x: float) -> float:
    return float(f"{x:.2g}")


def _blocks(
    items: list[_Item], key: Callable[[Claim], object]
) -> dict[object, list[int]]:
    blocks: dict[object, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        k = key(item.claim)
        if k is not None:
            blocks[k].append(i)
    return blocks


Scorer = Callable[[_Item, _Item], tuple[float, Pair] | None]


def _score_block(
    block_a: list[int],
    block_b: list[int],
    left: list[_Item],
    right: list[_Item],
    scorer: Scorer,
    used_a: set[int],
    used_b: set[int],
    out: list[tuple[float, Pair, int, int]],
) -> None:
    ids_a = [i for i in block_a if i not in used_a]
    ids_b = [i for i in block_b if i not in used_b]
    for ia, ib in _candidates(ids_a, ids_b, left, right):
        if (hit := scorer(left[ia], right[ib])) is not None:
            aside = ASIDE * (left[ia].aside + right[ib].aside)
            out.append((hit[0] - aside, hit[1], ia, ib))


Block = tuple[list[int], list[int], Scorer]


def _scored(
    passes: list[tuple[dict[object, list[int]], dict[object, list[int]], Scorer]],
    left: list[_Item],
    right: list[_Item],
    used_a: set[int],
    used_b: set[int],
) -> list[tuple[float, Pair, int, int]]:
    """The candidates of each pass in turn, block by block in key order, claims already used
    left out. A large comparison's blocks are shared out between this process and a forked
    child, a pair's claims sent back as their indices, then put back in block order."""
    blocks: list[Block] = [
        (blocks_a[key], blocks_b[key], scorer)
        for blocks_a, blocks_b, scorer in passes
        for key in sorted(blocks_a.keys() & blocks_b.keys(), key=repr)
    ]
    work = [_work(len(a), len(b)) for a, b, _s in blocks]
    if sum(work) < SPLIT_MIN or len(blocks) < 2 or parallel.usable_cpus() < 2:
        out: list[tuple[float, Pair, int, int]] = []
        for block_a, block_b, scorer in blocks:
            _score_block(block_a, block_b, left, right, scorer, used_a, used_b, out)
        return out
    # Largest first, to each side in turn: the cost of a block is hard to foresee (most
    # pairs of a value block are ruled out at once, a block of one relation is not), so
    # alternating spreads the errors of the estimate.
    by_size = sorted(range(len(blocks)), key=lambda n: (-work[n], n))
    sides = (sorted(by_size[0::2]), sorted(by_size[1::2]))
    results = parallel.run_split(
        [functools.partial(_score_part, [blocks[n] for n in side], left, right, used_a, used_b)
         for side in sides]
    )
    per_block: dict[int, list[tuple[float, int, int, tuple[Any, ...]]]] = {}
    for side, result in zip(sides, results, strict=True):
        per_block.update(zip(side, result, strict=True))
    return [
        (rank, Pair(left[ia].claim, right[ib].claim, *rest), ia, ib)
        for n in range(len(blocks))
        for rank, ia, ib, rest in per_block[n]
    ]


def _work(size_a: int, size_b: int) -> int:
    """About how many pairs a block's scoring looks at (see _candidates)."""
    if size_a * size_b <= ALL_PAIRS_MAX:
        return size_a * size_b
    return min(size_a * size_b, (size_a + size_b) * 2 * CANDIDATES)


def _score_part(
    blocks: list[Block], left: list[_Item], right: list[_Item], used_a: set[int], used_b: set[int]
) -> list[list[tuple[float, int, int, tuple[Any, ...]]]]:
    """Candidates of each block with each pair's claims left out (the other process has
    them): rank, the claims' indices, then the pair's other fields in order."""
    parts = []
    for block_a, block_b, scorer in blocks:
        out: list[tuple[float, Pair, int, int]] = []
        _score_block(block_a, block_b, left, right, scorer, used_a, used_b, out)
        parts.append([(rank, ia, ib, _PAIR_REST(pair)) for rank, pair, ia, ib in out])
    return parts


def _candidates(
    ids_a: list[int], ids_b: list[int], left: list[_Item], right: list[_Item]
) -> Iterable[tuple[int, int]]:
    if len(ids_a) * len(ids_b) <= ALL_PAIRS_MAX:
        return itertools.product(ids_a, ids_b)
    # Look from both sides so that the candidates do not depend on which source is first.
    found = set(_indexed(ids_a, ids_b, left, right))
    found.update((ia, ib) for ib, ia in _indexed(ids_b, ids_a, right, left))
    return sorted(found)


def _indexed(
    ids_a: list[int], ids_b: list[int], left: list[_Item], right: list[_Item]
) -> Iterable[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for ib in ids_b:
        item = right[ib]
        for key in item.keys:
            index[key].append(ib)
        if item.claim.subject:
            index["\u0001" + item.claim.subject].append(ib)
    # Keys shared by more claims than KEY_DF_MAX say nothing: drop them once, not per lookup.
    useful = {key: posting for key, posting in index.items() if len(posting) <= KEY_DF_MAX}
    for ia in ids_a:
        item = left[ia]
        # Keys never start with \u0001, so the subject's key adds no duplicate.
        keys: Iterable[str] = item.keys
        if item.claim.subject:
            keys = (*item.keys, "\u0001" + item.claim.subject)
        # Counted and ranked by C loops (map, chain, sorted): this runs for every claim of a
        # large block. Most shared keys first, then text order.
        votes = Counter(itertools.chain.from_iterable(filter(None, map(useful.get, keys))))
        ranked = sorted(zip(map(operator.neg, votes.values()), votes, strict=True))[:CANDIDATES]
        for _n, ib in ranked:
            yield ia, ib


def _neighbours(claim: Claim, same_sentence: list[Claim]) -> tuple[Value, ...]:
    """Telling values near a claim: amounts, percentages and counts of 100 or more (small
    numbers — hours, ages, days — and dates are too common to tie two sentences together)."""
    out = []
    for other in same_sentence:
        v = other.value
        if other is claim or isinstance(v, DateValue) or v.mod == "vague":
            continue
        if isinstance(v, NumberValue) and abs(v.value) < 100:
            continue
        out.append(v)
    return tuple(out[:NEIGHBOURS_MAX])


def _shared(a: _Item, b: _Item) -> int:
    """How many neighbouring values the two sentences have in common (in any script), counted
    up to two: no score gains from a third."""
    if not (a.neighbours and b.neighbours):
        return 0
    return _statuses.shared(a.neighbours, b.neighbours)


def _count_shared(xs: tuple[Value, ...], ys: tuple[Value, ...]) -> int:
    found = 0
    kinds_b = [comparable_kind(y) for y in ys]
    for x in xs:
        kind = comparable_kind(x)
        for y, kind_y in zip(ys, kinds_b, strict=True):
            if kind_y == kind and _statuses.status(x, y) == "compatible":
                found += 1
                break
        if found == 2:
            break
    return found


def _context(a: _Item, b: _Item) -> float:
    return fuzz.ratio(a.masked, b.masked) / 100.0


def _fit(a: Claim, b: Claim) -> float:
    """How well two values fit, to prefer a matching partner when several share a block.
    Only the same figure written twice counts: a figure that merely falls within a rough one
    (2小时0分21秒 within "2 hours") gets no preference, as the rough one is often another fact
    (the two-hour barrier) and must not take the precise figure's partner."""
    status = _statuses.status(a.value, b.value)
    if status == "compatible" and not _mutual(a.value, b.value):
        return 0.0
    if status == "loose" and _no_part_shared(a.value, b.value):
        return 0.0
    return {"compatible": 0.1, "loose": 0.05}.get(status, 0.0)


def _no_part_shared(x: Value, y: Value) -> bool:
    """A day whose year is not written (XXXX-12-21) against a bare year (2020): nothing known
    is common to the two, so neither being its source's only date ties them."""
    if not (isinstance(x, DateValue) and isinstance(y, DateValue)):
        return False
    # A year's end or first half (2020年底) keeps a TIMEX of the year alone.
    return any(
        p.timex.startswith("XXXX") and q.timex.isdigit() for p, q in ((x, y), (y, x))
    )


def _mutual(x: Value, y: Value) -> bool:
    """Each figure lies within the other's interval (dates: always, as they were)."""
    return states(x, y) and states(y, x)


def states(x: Value, y: Value) -> bool:
    """Whether `x` states figure `y`: its figure lies within y's interval, as "3兆1,357億"
    states "about 3.1万亿" but "the two-hour barrier" does not state 2:00:21 (dates: always)."""
    px = magnitude(as_percent(x))
    vy = as_percent(y)
    if px is None or isinstance(vy, DateValue) or magnitude(vy) is None:
        return True
    return _holds(vy.low, vy.high, px)


def _holds(low: float | None, high: float | None, x: float) -> bool:
    return (low is None or low <= x * (1 + 1e-9)) and (high is None or x <= high * (1 + 1e-9))


def _entities(a: _Item, b: _Item) -> float | None:
    """Subject/object compatibility: None when they name different entities."""
    ca, cb = a.claim, b.claim
    if ca.object and cb.object and ca.object != cb.object:
        return None
    if ca.subject and cb.subject:
        if ca.subject == cb.subject:
            # A place on both sides is often the dateline's or the story's country, not a doer.
            return 0.1 if a.carried or b.carried or (a.placed and b.placed) else 0.3
        # "OpenAI was founded" vs "Musk founded OpenAI": the roles swapped, same fact.
        if ca.subject == cb.object or cb.subject == ca.object:
            return 0.2
        # Unknown names found twice, once in full: hang_seun ~ hang_seun_bank; and one
        # Chinese name in two romanizations, whatever its type (hsu_kai_yin ~ xu_kaiyin).
        if (a.weak or b.weak or same_sound(ca.subject, cb.subject)) and _same_name(
                ca.subject, cb.subject):
            # A guessed (carried) subject counts no more than the same name carried over.
            return 0.1 if a.carried or b.carried else 0.2
        if not (a.weak or b.weak):
            return None
        return 0.0  # a doubtful subject on either side: no evidence either way
    if ca.subject or cb.subject:
        if ca.subject_text and cb.subject_text:
            return 0.05 + 0.1 * fuzz.ratio(fold(ca.subject_text), fold(cb.subject_text)) / 100
        return 0.05
    return 0.0


def _timing(a: _Item, b: _Item) -> float:
    """Status times on both sides that agree tie two claims together, and ones that differ
    pull them apart (a count as of Monday is not the count as of Friday)."""
    ta, tb = a.claim.time, b.claim.time
    if ta is None or tb is None:
        return 0.0
    status = _statuses.status(ta, tb)
    if a.status and b.status:
        return {"compatible": 0.1, "incompatible": -0.1}.get(status, 0.0)
    # An event's day or a dateline differs between reports of one fact: weak evidence only.
    return 0.05 if status == "compatible" else 0.0


def _two_names(a: _Item, b: _Item) -> bool:
    """Both may name a different doer (unknown names included): two companies' revenues."""
    sa, sb = a.claim.subject, b.claim.subject
    if a.carried or b.carried:
        # A guessed subject: the sentence may well name another doer, unless it names none
        # (no object either) and the other source names or carries the same one ("The first
        # phase is due to come online in 2027" after a sentence on the company).
        return not (sa == sb and all(_names_no_one(x.claim) for x in (a, b) if x.carried))
    if not (sa and sb) or sa == sb:
        return False
    return not (a.placed or b.placed)


def _names_no_one(claim: Claim) -> bool:
    return claim.object is None and not _sentence_names(claim.sentence)


@functools.lru_cache(maxsize=4096)
def _sentence_names(sentence: str) -> bool:
    return bool(find_names(sentence, fold(sentence), 0, len(sentence)))


def _same_name(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    if len(short) >= 4 and fuzz.partial_ratio(short, long) >= 90:
        return True
    return same_sound(x, y)  # lin_guohua (林國華) and lin_kuo_hua ("Lin Kuo-hua")


def _person(a: _Item, b: _Item) -> bool | None:
    """For an age, a birth or a death: True for the same named person on both sides, False
    for two different known people, None when it cannot be told: a side names nobody, or a
    doubtful name (not in the registry, carried over) that shares only a name part
    (anna_lau and liu_anna) or may be a stray phrase taken for a name."""
    sa, sb = a.claim.subject, b.claim.subject
    if not (sa and sb):
        return None
    if a.carried or b.carried:
        return None  # "a 71-year-old teacher" takes the last person named: a guess
    if sa == sb:
        return True
    if _same_name(sa, sb):
        # A surname alone (chen) may be anyone of that name; a full name found twice is one.
        return True if min(sa.count("_"), sb.count("_")) >= 1 else None
    if {t for t in sa.split("_") if len(t) > 2} & set(sb.split("_")):
        return None
    return None if a.weak or b.weak else False


def _same_fact(a: _Item, b: _Item) -> tuple[float, Pair] | None:
    ent = _entities(a, b)
    if ent is None or _different_things(a, b):
        return None
    # Two people's ages are two facts; an unnamed one may pair but never confirms.
    person = person_predicate(a.claim.predicate)
    same_person = _person(a, b) if person else True
    if same_person is False:
        return None
    ctx = _context(a, b)
    # One claim of this relation in each source: most likely they tell the same fact.
    unique = 0.1 if (
        a.unique and b.unique
        and not _far_apart(a.claim.value, b.claim.value)
        and not _no_part_shared(a.claim.value, b.claim.value)
    ) else 0.0
    shared = _shared(a, b)
    timing = _timing(a, b)
    misreported = bool(same_person) and not _dated_apart(a, b) and _misreported(a, b, person)
    # The figure's own digits misreported (89 vs 98 votes) tie closer than mere closeness
    # (89 vs 116, the votes needed).
    digits = misreported and not isinstance(a.claim.value, DateValue) and misreport_like(
        a.claim, b.claim, close=False)
    score = min(1.0, 0.55 + ent + 0.15 * ctx + unique + 0.1 * min(shared, 2) + timing
                + 0.1 * misreported + 0.05 * digits)
    # The same subject, or the same other figures around the value, tie the two together;
    # so do being the only statement of this relation in each source, and a running figure
    # stated as of the same moment on both sides (死亡人数截至13日 / deaths as of the 13th).
    confirmed = bool(same_person) and (
        ent >= 0.2
        or shared > 0
        or (bool(unique) and not person and not _two_names(a, b))
        or (timing > 0 and a.status and b.status)
        or misreported
    )
    pair = Pair(a.claim, b.claim, "same", round(score, 3), round(ctx, 3), confirmed)
    return score + _fit(a.claim, b.claim) + _polarity(a.claim, b.claim), pair


def _polarity(a: Claim, b: Claim) -> float:
    """Ranking only: a denial ("were not hurt", 沒有受傷) is told by a denial of the other
    source more likely than by a plain statement of the same relation."""
    negated = (a.modality == "negated") + (b.modality == "negated")
    return {0: 0.0, 1: -0.1, 2: 0.1}[negated]


def _same_value(a: _Item, b: _Item) -> tuple[float, Pair] | None:
    """Two sources giving the same telling figure (NT$380 million and 新台幣3.8億元, 23
    aircraft and 23架) most likely tell the same fact, whatever relation each was read as —
    unless they name different doers or count different things."""
    ca, cb = a.claim, b.claim
    # Every test below only rules a pair out; the cheapest go first.
    if not isinstance(ca.value, DateValue):  # as_percent() neither makes nor unmakes dates
        x, y = _statuses.size(ca.value) or 0.0, _statuses.size(cb.value) or 0.0
        if min(x, y) <= 0 or max(x, y) / min(x, y) > SAME_VALUE_RATIO:
            return None  # "within more than 3,000" is no equal figure
    if _entities(a, b) is None or _different_things(a, b):
        return None
    if (person_predicate(ca.predicate) or person_predicate(cb.predicate)) and _person(
        a, b
    ) is False:
        return None
    if _statuses.status(ca.value, cb.value) != "compatible":
        return None
    ctx = _context(a, b)
    same = 0.1 if ca.predicate and ca.predicate == cb.predicate else 0.0
    score = min(1.0, 0.6 + 0.15 * ctx + same + 0.1 * min(_shared(a, b), 2))
    pair = Pair(ca, cb, "context", round(score, 3), round(ctx, 3), True)
    return score, pair


def _dated_apart(a: _Item, b: _Item) -> bool:
    """One side only dates its figure to a year ("his record, set in 2021, was 1.26亿港元"):
    it may be another moment's figure, so looking misreported does not tie it to the undated
    one."""
    ta, tb = a.claim.time, b.claim.time
    if (ta is None) == (tb is None):
        return False
    return year_dated(a.claim if ta is not None else b.claim)


def year_dated(claim: Claim) -> bool:
    """Whether the claim dates its figure to a year of its own ("set in 2021"); "since 1998"
    is a span up to now, not the figure's moment."""
    time = claim.time
    return (
        time is not None
        and time.granularity == "year"
        and not _since_text(claim.time_text or "")
    )


@functools.lru_cache(maxsize=4096)  # a story repeats its few time phrases
def _since_text(time_text: str) -> bool:
    return is_since(load_cues(), time_text)


def _misreported(a: _Item, b: _Item, person: bool) -> bool:
    """One relation, values that look like one figure misreported (19 vs 17 deaths, 3.2億
    vs HK$32 million), and no two doers named: one fact told two ways. People's ages and
    dates are left out: two people's ages, or the dates of two events of one kind, are as
    close as a misreported one, unless each source gives only one date of the relation."""
    ca, cb = a.claim, b.claim
    if person:
        return False
    if isinstance(ca.value, DateValue):
        # Unless each source writes out one date of the relation, weeks within the other's.
        return (a.unique and b.unique and _written_day(ca) and _written_day(cb)
                and not _far_apart(ca.value, cb.value))
    # Two doers written in the two sentences block it; a subject carried over from an
    # earlier sentence, or a place, is only a guess.
    sa, sb = ca.subject, cb.subject
    named = not (a.carried or b.carried or a.placed or b.placed)
    if sa and sb and sa != sb and named and not _same_name(sa, sb):
        return False
    # Two sources alone: merely close amounts (8 vs 10 million) are as often two figures
    # (a fine and a legal maximum); only a figure's own digits misreported confirm the pair.
    # So too for two exact measures: the finishing times of one race are all within a few
    # percent; an estimate (约15分钟, "around 12 minutes") is misreported by closeness too.
    # A bound ("高达40.2度", "up to 3 hours") is as precise as a bare measure.
    exact = (measure_of(ca.value) is not None and "approx" not in (ca.value.mod, cb.value.mod)
             and ca.value != cb.value)
    return misreport_like(ca, cb, close=not (isinstance(ca.value, MoneyValue) or exact))


def _written_day(c: Claim) -> bool:
    """A day or month written in figures ("8月15日", "Aug. 14"), not resolved from a word
    ("两年前", "next year") nor a bare year, which many facts share."""
    assert isinstance(c.value, DateValue)
    return c.value.granularity != "year" and _DIGIT.search(c.value_text) is not None


def _by_context(a: _Item, b: _Item) -> tuple[float, Pair] | None:
    ca, cb = a.claim, b.claim
    if ca.predicate and cb.predicate:
        return None  # both relations known: pass 1 or pass 3 decides
    if _entities(a, b) is None or _different_things(a, b):
        return None
    ctx = _context(a, b)
    # Across languages the words differ but the other figures in the sentence do not.
    shared = _shared(a, b)
    score = max(ctx, min(0.8, 0.5 + 0.15 * shared)) if shared else ctx
    if score < CONTEXT_MIN:
        return None
    # Alike sentences whose figures are one figure misreported tell one fact outright.
    slipped = _slipped(a, b)
    if slipped is not None and slipped[1].confirmed:
        return slipped
    pair = Pair(ca, cb, "context", round(score, 3), round(ctx, 3), shared > 0)
    return score + _fit(ca, cb), pair


def _slipped(a: _Item, b: _Item) -> tuple[float, Pair] | None:
    """Two figures no known relation ties, whose own digits say they are one figure
    misreported: the same digits in another order or with one dropped (5870亿 vs 5,780億,
    4.8萬 vs 84,000), or a slipped scale word (约1.2亿 vs 1,200萬英镑). Digits this particular
    are seldom chance; with three or more on each side the pair is taken as one fact."""
    ca, cb = a.claim, b.claim
    if isinstance(ca.value, DateValue):
        return None
    if ca.predicate and cb.predicate and ca.predicate != cb.predicate:
        return None  # two known relations: the last pass shows them as related
    if _entities(a, b) is None or _different_things(a, b):
        return None
    if _statuses.status(ca.value, cb.value) != "incompatible":
        return None
    if not misreport_like(ca, cb, close=False):
        return None
    digits = min(len(written_digits(ca.value)), len(written_digits(cb.value)))
    if digits < 2:
        return None
    ctx = _context(a, b)
    score = min(1.0, (0.7 if digits >= 3 else 0.6) + 0.15 * ctx)
    return score, Pair(ca, cb, "same", round(score, 3), round(ctx, 3), digits >= 3)


def _related(a: _Item, b: _Item) -> tuple[float, Pair] | None:
    ca, cb = a.claim, b.claim
    if not (ca.predicate and cb.predicate) or ca.predicate == cb.predicate:
        return None
    if isinstance(ca.value, DateValue) or not (ca.subject and ca.subject == cb.subject):
        return None
    closeness = _closeness(ca, cb)
    if closeness is None or _different_things(a, b):
        return None
    ctx = _context(a, b)
    score = min(1.0, 0.55 + 0.3 * closeness + 0.15 * ctx)
    return score, Pair(ca, cb, "related", round(score, 3), round(ctx, 3))


def _closeness(a: Claim, b: Claim) -> float | None:
    """1 for equal magnitudes down to 0 at RELATED_RATIO apart; None when further apart."""
    va, vb = as_percent(a.value), as_percent(b.value)
    if isinstance(va, MoneyValue) and isinstance(vb, MoneyValue) and va.currency != vb.currency:
        return None
    x, y = magnitude(va) or 0.0, magnitude(vb) or 0.0
    if x <= 0 or y <= 0:
        return None
    ratio = max(x, y) / min(x, y)
    if ratio > RELATED_RATIO:
        return None
    return 1.0 - math.log(ratio) / math.log(RELATED_RATIO)


__all__ = ["Pair", "Relation", "align", "states", "status_time", "value_key"]
