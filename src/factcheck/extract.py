"""Claims: one per value mention that states a fact — its subject, predicate, object, time
qualifier and modality, read from the sentence around it."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from factcheck import rxcache
from factcheck.counted import count_class, counts_after, time_unit_length
from factcheck.cues import Clauses, ends_with, is_clock, load_cues, span_as_time
from factcheck.entities import EntityMention, EntityRegistry
from factcheck.intervals import measure_of
from factcheck.modality import Cue, modality_of, sentence_cues
from factcheck.models import Claim, DateValue, Document, Mention, NumberValue, Sentence
from factcheck.normalize.measures import fits, is_measure, measure_predicate
from factcheck.normalize.script import fold
from factcheck.phrases import Hit
from factcheck.predicates import PredicateLexicon, Trigger
from factcheck.roles import Discourse, Placed, find_roles, place
from factcheck.sentences import unclosed
from factcheck.timequal import leading_date, time_qualifier

_T = TypeVar("_T")
_LIST_MARKS = frozenset(".、)）")
_AGE = "person.age"
_MAX_AGE = 120
_APPOSITION_CLOSE = frozenset(",)")
_NAME_WORD = rxcache.compile(r"\p{Lu}[\p{Ll}'’-]{1,30}+$")
_DATELINE_REACH = 80  # characters from the start of a story a dateline stays within
_DASHES = ("-", "–", "—")
# A dateline opens the story, after at most a headline, a standfirst and a byline.
_DATELINE_SENTENCES = 4
_DATELINE_LATE = 240  # where the dateline's sentence may start at most (after a headline)
_AGENCY = rxcache.compile(r"[ \t,，]*+[(（][^()（）\n]{1,40}+[)）][ \t]*+")
_HAN_WORD = rxcache.compile(r"\p{Han}{2,6}+")
_CJK_DIGITS = frozenset("一二三四五六七八九十两兩什")
_NUMERAL_END = frozenset("0123456789０１２３４５６７８９万萬亿億")  # a number runs on past these
_ONCE = frozenset("次度")  # 一次, 一度: "once", "at one point"
_SMALL = 100  # a bare count below this, with no unit and no trigger, says nothing
_OPEN, _CLOSE = "(（[【", ")）]】"
# How far (characters) from a value its trigger, entities, pronouns, dates and cues are
# looked for: words further off in one sentence belong to other facts, and the bound keeps
# the cost per value flat however long a "sentence" (a table, a list run together) grows.
WINDOW = 120


def _near(items: Sequence[_T], starts: Sequence[int], lo: int, hi: int) -> Sequence[_T]:
    """The items (sorted by start) that start within [lo, hi]."""
    return items[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]


@dataclass(slots=True)
class _Context:
    """What one sentence offers the claims in it."""

    sentence: Sentence
    clauses: Clauses
    triggers: list[Trigger]
    placed: list[Placed]
    pronouns: list[Hit[str]]
    mentions: list[Mention]
    cues: list[Cue]
    trigger_starts: list[int] = field(init=False)
    mention_starts: list[int] = field(init=False)
    placed_starts: list[int] = field(init=False)
    pronoun_starts: list[int] = field(init=False)
    dates: list[Mention] = field(init=False)
    date_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.trigger_starts = [t.start for t in self.triggers]
        self.mention_starts = [m.start for m in self.mentions]
        self.placed_starts = [p.mention.start for p in self.placed]
        self.pronoun_starts = [p.start for p in self.pronouns]
        self.dates = [m for m in self.mentions if m.kind == "date"]
        self.date_starts = [m.start for m in self.dates]

    def triggers_near(self, lo: int, hi: int) -> Sequence[Trigger]:
        return _near(self.triggers, self.trigger_starts, lo - WINDOW, hi + WINDOW)

    def placed_near(self, lo: int, hi: int) -> Sequence[Placed]:
        return _near(self.placed, self.placed_starts, lo - WINDOW, hi + WINDOW)

    def dates_near(self, lo: int, hi: int) -> Sequence[Mention]:
        return _near(self.dates, self.date_starts, lo - WINDOW, hi + WINDOW)


class _Reader:
    """One document being read: its folded text, sentences and per-sentence contexts."""

    def __init__(self, doc: Document, mentions: Sequence[Mention], lexicon: PredicateLexicon,
                 registry: EntityRegistry) -> None:
        self.doc, self.lexicon, self.registry = doc, lexicon, registry
        self.cues = load_cues()
        self.text = doc.text
        self.folded = fold(doc.text)
        self.sentences = doc.sentences or _split(doc)
        starts = [s.start for s in self.sentences]
        skip = sorted(doc.skip)
        skip_starts = [s for s, _ in skip]
        self.by_sentence: dict[int, list[Mention]] = {}
        self.dateline_end = 0
        for m in sorted(mentions, key=lambda m: (m.start, m.end)):
            i = bisect.bisect_right(starts, m.start) - 1
            if (i < 0 or m.start >= self.sentences[i].end or _in_skip(skip, skip_starts, m)
                    or _is_noise(doc, m) or _is_time_of_day(self.folded, m)):
                continue
            if m.kind == "date" and i < _DATELINE_SENTENCES:
                end = _dateline_end(doc, self.folded, self.sentences[i], m)
                if end is not None:
                    self.dateline_end = max(self.dateline_end, end)
                    continue
            self.by_sentence.setdefault(i, []).append(m)
        self._contexts: dict[int, _Context] = {}
        self._cores: dict[str, tuple[str, str]] = {}  # short form -> (id, type)
        self._core_re: re.Pattern[str] | None = None

    def context(self, i: int) -> _Context:
        if i not in self._contexts:
            s = self.sentences[i]
            part = self.folded[s.start : s.end]
            triggers = self.lexicon.triggers(part, s.start)
            found = self._short_forms(self.registry.find(self.text, self.folded, s.start, s.end),
                                      s.start, s.end, triggers)
            if s.start < self.dateline_end:
                found = [e for e in found if e.start >= self.dateline_end]
            self._contexts[i] = _Context(
                sentence=s,
                clauses=Clauses(self.text, s.start, s.end, self.cues.clause_breaks),
                # The unit of a measure (48小時) is no trigger for the next value (83艘).
                triggers=_outside(_outside(triggers, found),
                                  [m for m in self.by_sentence.get(i, [])
                                   if m.kind == "date" or measure_of(m.value) is not None]),
                placed=place(found, self.folded, s.start, self.cues),
                pronouns=[
                    Hit(h.start + s.start, h.end + s.start, h.phrase, h.payload)
                    for h in self.cues.pronouns.find(part)
                ],
                mentions=self.by_sentence.get(i, []),
                cues=sentence_cues(self.text, self.folded, s.start, s.end),
            )
        for old in [k for k in self._contexts if k < i - 1]:  # keep memory flat
            del self._contexts[old]
        return self._contexts[i]

    def _short_forms(
        self, found: list[EntityMention], start: int, end: int, triggers: list[Trigger]
    ) -> list[EntityMention]:
        """A story names an organization in full once (北辰光電), then by its name alone
        (北辰旗下逾8,000名員工): the short form in a later sentence is the same entity —
        unless it is part of a relation's words (經濟 of 經濟日報 in 經濟成長率)."""
        if self._core_re is not None:
            taken: list[EntityMention | Trigger] = [*found, *triggers]
            extra = [
                EntityMention(m.start(), m.end(), self.text[m.start() : m.end()],
                              *self._cores[m.group()], False)
                for m in self._core_re.finditer(self.folded, start, end)
                if not any(f.start < m.end() and m.start() < f.end for f in taken)
            ]
            if extra:
                found = sorted([*found, *extra], key=lambda e: e.start)
        new = {f.core: (f.id, f.type) for f in found
               if len(f.core) >= 2 and f.core not in self._cores and _HAN_WORD.fullmatch(f.core)}
        if new:
            self._cores.update(new)
            # Longest first; per document, so compiled here and not kept in the pattern cache.
            self._core_re = re.compile("|".join(
                map(re.escape, sorted(self._cores, key=lambda c: (-len(c), c)))))
        return found


def _outside(triggers: list[Trigger], names: Sequence[EntityMention | Mention]) -> list[Trigger]:
    """Triggers that are not part of a name ("Earthquake" in "China Earthquake Networks
    Center") or of a date (年 in 今年; a count's unit, 45岁, stays its trigger); both lists
    are sorted, so one merge pass does."""
    out, j = [], 0
    for trig in triggers:
        while j < len(names) and names[j].end <= trig.start:
            j += 1
        if j < len(names) and names[j].start < trig.end:
            continue
        out.append(trig)
    return out


def _split(doc: Document) -> list[Sentence]:
    from factcheck.sentences import split_sentences  # a Document built by hand may have none

    return split_sentences(doc.text, doc.body_start, list(doc.skip))


def _in_skip(skip: Sequence[tuple[int, int]], starts: Sequence[int], mention: Mention) -> bool:
    i = bisect.bisect_right(starts, mention.start) - 1
    return i >= 0 and mention.start < skip[i][1]


def _is_noise(doc: Document, mention: Mention) -> bool:
    """List numbering ("1. 2. 3.", "2、"), which states nothing, and pieces of a number the
    value layer split ("10萬8,216" read as 10萬 and 8,216): neither piece is the figure."""
    text = doc.text
    if mention.kind != "number":
        return False
    before = text[mention.start - 1 : mention.start] if mention.start else ""
    if text[mention.end : mention.end + 1].isdigit() or (before and before in _NUMERAL_END):
        return True
    if not mention.text.isdigit() or len(mention.text) > 3:
        return False
    after = text[mention.end : mention.end + 1]
    before = text[mention.start - 1] if mention.start else "\n"
    followed = text[mention.end + 1 : mention.end + 2]
    return after in _LIST_MARKS and (before.isspace() or before in _OPEN) and (
        not followed or followed.isspace() or after == "、"
    )


def _dateline_end(doc: Document, folded: str, sentence: Sentence, mention: Mention) -> int | None:
    """Where the dateline ends when `mention` is its date ("DONGGUAN, Jan. 21, 2025 (Agency)
    —", "本报讯（2025年1月21日）"): that date says when the story was filed, and the place and
    agency around it are nobody's subject."""
    value = mention.value
    if not isinstance(value, DateValue):
        return None
    # Without a known document date ("SHANGHAI, June 13 (Wire) -" gives no year), only the
    # closing dash after the date (and agency) marks a dateline.
    undated = doc.date is None
    # The story may open after a headline line, so the dateline's sentence may start late.
    if ((not undated and (value.start != doc.date or value.end != doc.date))
            or mention.start - sentence.start > _DATELINE_REACH
            or sentence.start > doc.body_start + _DATELINE_LATE):
        return None
    pos = mention.end
    agency = _AGENCY.match(folded, pos, min(len(folded), pos + _DATELINE_REACH))
    if agency is not None:
        pos = agency.end()
    while pos < len(folded) and folded[pos] in " ,，":
        pos += 1
    closer = next((c for c in _dateline_closers() if folded.startswith(c, pos)), None)
    # Undated, a place must come first and a dash (or an agency) close it: "2月：" opening a
    # timeline entry is no dateline.
    if undated and (mention.start == sentence.start
                    or (agency is None and closer not in _DASHES)):
        return None
    if closer is not None:
        return pos + len(closer)
    before = folded[max(sentence.start, mention.start - 1) : mention.start]
    bracketed = before and before in _OPEN and folded[mention.end : mention.end + 1] in _CLOSE
    if bracketed and not undated and sentence.start <= doc.body_start + _DATELINE_REACH:
        return mention.end + 1
    return None


@functools.cache
def _dateline_closers() -> tuple[str, ...]:
    from factcheck.normalize.lexdata import load_lexicon

    return tuple(fold(str(c)) for c in load_lexicon("datelines.yaml")["closers"])


def _is_time_of_day(folded: str, mention: Mention) -> bool:
    """An hour or minute read as a number ("截至21日上午10时", "at 10:30 a.m."): it says
    when, not how many."""
    value = mention.value
    return (isinstance(value, NumberValue) and value.unit is None and mention.text.isdigit()
            and len(mention.text) <= 2
            and is_clock(load_cues(), folded, mention.start, mention.end))


def _apposed_age(m: Mention, ctx: _Context, text: str) -> bool:
    """A bare whole number set off by commas right after a person's name is their age:
    "Solberg, 47, a former engineer", "Chow Hoi-ming, 59, will step down"."""
    value = m.value
    if not (isinstance(value, NumberValue) and value.unit is None and value.mod is None
            and value.value.is_integer() and 0 < value.value <= _MAX_AGE):
        return False
    if text[m.end : m.end + 1] not in _APPOSITION_CLOSE or text[m.start - 2 : m.start] != ", ":
        return False
    if any(p.mention.end == m.start - 2 and p.mention.type in ("person", "name")
           for p in ctx.placed_near(m.start, m.start)):
        return True
    # A capitalized word the name finder passed over at the start of a sentence ("Dahl, 61,").
    word = _NAME_WORD.search(text, max(ctx.sentence.start, m.start - 40), m.start - 2)
    return word is not None and word.start() == ctx.sentence.start


def _lone_numeral(mention: Mention, folded: str) -> bool:
    """A single Chinese numeral character that counts nothing: 三 in the place name 三湾岛,
    一 in 一审 ("first instance") or 一次 ("once"). A count names what it counts (三名, 三人,
    三年)."""
    if len(mention.text) != 1 or mention.text not in _CJK_DIGITS:
        return False
    after = folded[mention.end : mention.end + 8]
    if mention.text == "一" and after[:1] in _ONCE:
        return True
    if mention.text == "一" and isinstance(mention.value, NumberValue):
        # 一 counts mostly in set phrases (一年里, 一轮, 一家, 最严重的一年); one person
        # (一人死亡, 一名) is the count news compares.
        return count_class(mention.value, "一", folded[mention.end : mention.end + 40]) != (
            "person"
        )
    return not counts_after(after)


def _span_as_time(m: Mention, folded: str) -> bool:
    """A count of years, months or days that says when, not how long: "two years ago",
    "三年前", "over the past five years" (cues.yaml `span_as_time`)."""
    if not isinstance(m.value, NumberValue):
        return False
    unit = time_unit_length(folded[m.start : m.end], folded[m.end : m.end + 16])
    if unit is None:
        return False
    return span_as_time(load_cues(), folded, m.start, m.end + unit)


def _bare_small(mention: Mention) -> bool:
    value = mention.value
    return (
        isinstance(value, NumberValue)
        and value.unit is None
        and value.mod is None
        and abs(value.value) < _SMALL
    )


def _bracketed(ctx: _Context, text: str, pos: int) -> bool:
    lo, hi = ctx.clauses.span(pos)
    return lo > 0 and text[lo - 1] in _OPEN and text[hi - 1 : hi] in _CLOSE


def _choose_trigger(
    m: Mention, ctx: _Context, lexicon: PredicateLexicon, text: str, folded: str
) -> tuple[Trigger, str] | None:
    """The nearest trigger that takes the value's kind, in the value's clause if possible; a
    bracketed value ("（2025年10月）") only takes one inside its brackets."""
    here = ctx.clauses.index(m.start)
    only_here = _bracketed(ctx, text, m.start)
    as_of = m.kind == "date" and ends_with(
        load_cues().as_of, folded, m.start, max(ctx.sentence.start, m.start - 12)) is not None
    ranked: list[tuple[tuple[int, int, int], Trigger, str]] = []
    for trig in ctx.triggers_near(m.start, m.end):
        gap = max(0, trig.start - m.end, m.start - trig.end)
        pred = lexicon.choose(trig, m.kind, gap, lambda p: _fits(m, p, lexicon, folded))
        same = ctx.clauses.index(trig.start) == here
        if pred is None or (only_here and not same):
            continue
        crossed = _crosses(m, trig, ctx, text)
        if pred not in trig.predicates and (not same or crossed or as_of):
            continue  # an event's own date stands in its clause, and is not an "as of"
        ranked.append(((0 if same else 1, crossed, gap), trig, pred))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[0])
    (same_rank, crossed, gap), trig, pred = ranked[0]
    # In Chinese a count is followed by what it counts: in "3万名居民已被疏散" 居民 is the
    # counted noun and 疏散 the event, so a later trigger in the clause wins — unless it
    # belongs to the next item of a list ("19人死亡、32人受伤").
    later = [r for r in ranked if r[0][:2] == (0, 0) and r[1].start > trig.end]
    if (m.kind == "number" and same_rank == 0 and gap <= 2 and trig.start >= m.end
            and not trig.text.isascii() and later):
        _, trig, pred = later[0]
    return trig, pred


def _fits(m: Mention, pred: str, lexicon: PredicateLexicon, folded: str) -> bool:
    # A length is a length whatever verb is near; a bare count states no length.
    if not isinstance(m.value, NumberValue):
        return True
    if not fits(m.value.unit, pred):
        return False
    # A count of vehicles is no death toll, whatever verb stands near ("5辆车坠河，4人遇难").
    wants = lexicon.predicates[pred].counts
    if wants is None:
        return True
    if wants == "time":  # "20 of his long scrolls" is no span of time; "20 years" is
        return is_measure(m.value.unit) or (
            time_unit_length(folded[m.start : m.end], folded[m.end : m.end + 16]) is not None
        )
    found = count_class(m.value, folded[m.start : m.end], folded[m.end : m.end + 40])
    return found is None or found == wants


def _crosses(m: Mention, trig: Trigger, ctx: _Context, text: str) -> int:
    """1 when another value of its kind or an enumeration mark (、) stands between a value and
    a trigger: in "19人死亡、32人受伤" and "killed 17 and injured 32" each value takes its own
    verb."""
    lo, hi = (m.end, trig.start) if trig.start >= m.end else (trig.end, m.start)
    if "、" in text[lo:hi]:
        return 1
    between = _near(ctx.mentions, ctx.mention_starts, lo, hi)
    return int(any(o.end <= hi and o.kind == m.kind for o in between if o is not m))


def _anchor(trig: Trigger, pred: str, m: Mention, ctx: _Context, lexicon: PredicateLexicon) -> (
    Trigger
):
    """The first trigger of the same predicate in the clause: the verb of "软银持有阿里巴巴
    25%的股份" is 持有, and the subject stands before it."""
    clause = ctx.clauses.index(trig.start)
    for other in ctx.triggers_near(trig.start, trig.start):
        if other.start >= trig.start:
            break
        if (ctx.clauses.index(other.start) == clause
                and lexicon.choose(other, m.kind, 10**6) == pred):
            return other
    return trig


def extract_claims(
    doc: Document,
    mentions: Sequence[Mention],
    *,
    predicates: PredicateLexicon,
    entities: EntityRegistry,
) -> list[Claim]:
    """The claims of `doc`, one per value mention that states a fact, in text order."""
    reader = _Reader(doc, mentions, predicates, entities)
    claims: list[Claim] = []
    discourse = Discourse()
    lead: Mention | None = None
    paragraph = -1
    for i, sentence in enumerate(reader.sentences):
        ctx = reader.context(i)
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            lead = leading_date(ctx.dates, (sentence.start, sentence.end), ctx.clauses)
        for m in ctx.mentions:
            claim = _claim(reader, i, m, ctx, lead if lead is not m else None, discourse)
            if claim is not None:
                claims.append(claim)
        discourse.update(ctx.placed)
    return claims


def _next_sentence_trigger(reader: _Reader, i: int, m: Mention) -> tuple[_Context, Trigger, str]|(
    None
):
    """A date in a sentence with no event ("裂痕初现于2018年，…") dates the event of the next
    sentence of its paragraph when that one carries no date ("…他选择退出董事会")."""
    if m.kind != "date" or i + 1 >= len(reader.sentences):
        return None
    if reader.context(i).triggers:
        # The sentence tells an event of its own ("revenue of NT$5.2 billion in 2024"): the
        # date is when that held, not the date of the next sentence's event.
        return None
    here = reader.context(i)
    lo, hi = here.clauses.span(m.start)
    if any(c.kind == "reported" and lo <= c.start < hi for c in here.cues):
        # "部长15日视察时表示，…": the date is when someone spoke, not the next event's.
        return None
    nxt = reader.context(i + 1)
    if nxt.sentence.paragraph != reader.sentences[i].paragraph or nxt.dates:
        return None
    for trig in nxt.triggers_near(nxt.sentence.start, nxt.sentence.start):
        pred = reader.lexicon.choose(trig, "date", 10**6)
        if pred is not None:
            return nxt, trig, pred
    return None


_HEADING_BREAKS = frozenset(":：")


def _heading(text: str, clause: tuple[int, int], sentence: Sentence) -> bool:
    """A clause that heads what follows: it ends in a colon, or its sentence is a title
    line with no closing mark ("靈犀機器人C輪吸金人民幣1億元")."""
    end = clause[1]
    if end > 0 and text[end - 1] in _HEADING_BREAKS:
        return True
    return unclosed(text[sentence.start : sentence.end])


def _in_a_name(m: Mention, ctx: _Context) -> bool:
    """A date inside a person's name is no date: 周一 in 周一然, 五月 in 陈五月."""
    return m.kind == "date" and any(
        p.mention.type == "person" and p.mention.start <= m.start and m.end <= p.mention.end
        for p in ctx.placed_near(m.start, m.end)
    )


def _claim(
    reader: _Reader, i: int, m: Mention, ctx: _Context, lead: Mention | None, discourse: Discourse
) -> Claim | None:
    text, folded, lexicon = reader.text, reader.folded, reader.lexicon
    chosen = _choose_trigger(m, ctx, lexicon, text, folded)
    t_ctx = ctx
    if chosen is None and not any(
        lexicon.choose(t, m.kind, 10**6) for t in ctx.triggers_near(m.start, m.end)
    ):
        ahead = _next_sentence_trigger(reader, i, m)
        if ahead is not None:
            t_ctx, trigger_, pred_ = ahead
            chosen = (trigger_, pred_)
            discourse = discourse.copy()
            discourse.update(ctx.placed)
    if _lone_numeral(m, folded) or _span_as_time(m, folded) or _in_a_name(m, ctx):
        return None
    apposed = chosen is None and _apposed_age(m, ctx, text)
    if chosen is None and _bare_small(m) and not apposed:
        return None
    trigger, pred_name = chosen if chosen else (None, _AGE if apposed else None)
    spans = [ctx.clauses.span(m.start)]
    anchor = (m.start, m.end)
    if trigger is not None:
        t_clause = t_ctx.clauses.span(trigger.start)
        if t_clause != spans[0]:
            spans.append(t_clause)
        cued = list(spans)
        if not folded[t_clause[0] : trigger.start].strip():
            # A clause that opens on its verb ("Shares of X, which …, fell 4.6%") has its
            # subject in the sentence's first clause: what moved is named there.
            opening = t_ctx.clauses.span(t_ctx.sentence.start)
            if opening not in cued:
                cued.append(opening)
        pred_name = lexicon.refine(pred_name or "", " ".join(folded[a:b] for a, b in cued),
                                   m.kind)
        first = _anchor(trigger, chosen[1], m, t_ctx, lexicon) if chosen else trigger
        anchor = (first.start, first.end)
    if pred_name is None and isinstance(m.value, NumberValue):
        pred_name = measure_predicate(m.value.unit)  # 320公尺 alone is a length
        if pred_name is not None:
            clause = folded[spans[0][0] : spans[0][1]]
            pred_name = lexicon.refine(pred_name, clause, m.kind)  # 任期 + 18天: a tenure
    predicate = lexicon.predicates.get(pred_name) if pred_name else None
    pronouns = _near(t_ctx.pronouns, t_ctx.pronoun_starts, anchor[0] - WINDOW, anchor[0])
    pronoun = next((p.payload[0] for p in reversed(pronouns) if p.end <= anchor[0]), None)
    a_clause = t_ctx.clauses.span(anchor[0])
    roles = find_roles(t_ctx.placed_near(*anchor), anchor, predicate, pronoun, discourse, spans,
                       a_clause, _heading(text, a_clause, t_ctx.sentence))
    sentence = ctx.sentence
    time_text, time = time_qualifier(m, ctx.dates_near(m.start, m.end), ctx.clauses, text,
                                     folded, sentence.start, lead)
    reach = (min(anchor[0], m.start) - WINDOW, max(anchor[1], m.end) + WINDOW)
    modality = modality_of(t_ctx.cues, t_ctx.sentence.start, spans, max(anchor[0], m.start),
                           reach)
    line, column = reader.doc.position(m.start)
    return Claim(
        id=f"{reader.doc.path}#{m.start}",
        source=reader.doc.path,
        line=line,
        column=column,
        start=m.start,
        end=m.end,
        subject=roles.subject.id if roles.subject else None,
        subject_text=roles.subject.text if roles.subject else None,
        predicate=pred_name,
        trigger_text=text[trigger.start : trigger.end] if trigger else None,
        object=roles.object.id if roles.object else None,
        value_text=text[m.start : m.end],
        value=m.value,
        time_text=time_text,
        time=time,
        modality=modality,
        sentence=sentence.text,
        sentence_start=sentence.start,
    )
