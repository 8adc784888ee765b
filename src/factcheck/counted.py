"""What a count counts: the noun after a number, and whether two counts count the same thing.

Two numbers that count different things (nine goals, three seasons) are not one fact however
their sentences resemble each other. The noun is read from the text right after the value (a
Chinese classifier skipped, an English filler word skipped) or taken from NumberValue.unit,
then mapped to a class through lexicon/units.yaml so that 名 and firefighters compare.
"""

from __future__ import annotations

import functools

from factcheck import rxcache
from factcheck.frozen import frozen
from factcheck.lexfiles import builtin
from factcheck.models import Claim, NumberValue
from factcheck.normalize.measures import is_measure
from factcheck.normalize.script import fold

WINDOW = 4  # Han characters read as the noun at most
_HAN = rxcache.compile(r"\p{Han}")
_EN_WORD = rxcache.compile(r"[\s\-]{0,3}+([a-z]{1,30}+)\b")


@frozen
class _Units:
    classifiers: frozenset[str]
    approx_after: frozenset[str]
    durations: tuple[str, ...]  # longest first
    stop: frozenset[str]
    en_skip: frozenset[str]
    en_stop: frozenset[str]
    generic: frozenset[str]
    person_predicates: frozenset[str]
    uncounted: frozenset[str]
    classes: dict[str, str]  # noun -> class
    longest: int


@functools.cache
def _units() -> _Units:
    data = builtin("units.yaml")
    classes = {fold(str(n)): cls for cls, nouns in data["classes"].items() for n in nouns}
    return _Units(
        frozenset(data["classifiers"]),
        frozenset(data["approx_after"]),
        tuple(sorted(data["durations"], key=len, reverse=True)),
        frozenset(data["stop"]),
        frozenset(data["en_skip"]),
        frozenset(data["en_stop"]),
        frozenset(data["generic"]),
        frozenset(data["person_predicates"]),
        frozenset(data["uncounted_predicates"]),
        classes,
        max(map(len, classes)),
    )


def person_predicate(predicate: str | None) -> bool:
    """Whether the predicate is about one person (an age, a birth, a death, a tenure)."""
    if not predicate:
        return False
    return predicate.startswith("person.") or predicate in _units().person_predicates


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _english(after: str) -> str | None:
    u = _units()
    pos = 0
    words: list[str] = []
    while len(words) < 3 and (m := _EN_WORD.match(after, pos)):
        word = m.group(1)
        pos = m.end()
        if word in u.en_stop:
            break
        if word in u.en_skip and not words:
            continue
        single = _singular(word)
        words.append(single)
        if single == word and single in u.classes:
            # A known noun may be a modifier of the head after it: "3,200 city employees".
            nxt = _EN_WORD.match(after, pos)
            if nxt and nxt.group(1) not in u.en_stop and _singular(nxt.group(1)) in u.classes:
                words[-1] = _singular(nxt.group(1))
            break
        if single != word:
            break  # a plural is the head: what follows is the verb
    return " ".join(words) or None


def _chinese(after: str) -> str | None:
    u = _units()
    text = after.lstrip()
    while text[:1] in u.approx_after and text:
        text = text[1:]
    for word in u.durations:
        if text.startswith(word):
            return word  # 十年, 三个月: a span of time
    classifier = text[:1] if text[:1] in u.classifiers else ""
    text = text[len(classifier):]
    noun = ""
    while len(noun) < WINDOW and text and _HAN.match(text[0]):
        # A known noun is taken whole even when it holds a stop character (公里, 中学生).
        known = next((w for w in _known_at(text) if len(w) > 1), None)
        if known is None and text[0] in u.stop:
            break
        step = known or text[0]
        noun += step
        text = text[len(step):]
    return noun or classifier or None


def _known_at(text: str) -> list[str]:
    """Known nouns that `text` starts with, longest first."""
    u = _units()
    return [text[:n] for n in range(min(u.longest, len(text)), 0, -1) if text[:n] in u.classes]


def counted_noun(claim: Claim) -> str | None:
    """The folded noun a number claim counts, or None (not a count, or nothing readable)."""
    value = claim.value
    if not isinstance(value, NumberValue) or claim.predicate in _units().uncounted:
        return None
    if is_measure(value.unit):
        return None  # a measure's unit is compared as a unit, not as a counted noun
    # A classifier as the unit (個 in 近三個賽季) says nothing of what is counted: read on.
    if value.unit and fold(value.unit) not in _units().classifiers:
        return _singular(fold(value.unit))
    at = max(0, claim.end - claim.sentence_start)
    before = claim.sentence[max(0, claim.start - claim.sentence_start - 1) : at][:1]
    if claim.start > claim.sentence_start and before.isascii() and before.isalnum():
        return None  # the value sits inside a word or code (w15, A320): no count
    return _noun(fold(claim.value_text), fold(claim.sentence[at : at + 40]))


def count_class(value: NumberValue, written: str, after: str) -> str | None:
    """The class of what a count counts (person, vehicle, year …), from its unit, its folded
    text as written or the folded text right after it; None when unknown or not a count."""
    if is_measure(value.unit):
        return None
    if value.unit and fold(value.unit) not in _units().classifiers:
        return noun_class(_singular(fold(value.unit)))
    noun = _noun(written, after)
    return noun_class(noun) if noun else None


def _noun(written: str, after: str) -> str | None:
    """The noun a count counts, from its folded text as written and the folded text after."""
    # 十余年: the duration may be part of the value as written.
    for word in _units().durations:
        if written.endswith(word):
            return word
    # "nine years", "4 goals": the noun may be part of the value as written.
    last = _singular(written.rsplit(None, 1)[-1]) if written.strip() else ""
    if last.isalpha() and last.isascii() and last in _units().classes:
        return last
    if _HAN.match(after.lstrip()[:1]):
        return _chinese(after)
    return _english(after)


_TIME_CLASSES = frozenset({"year", "decade", "century", "month", "week", "day", "hour",
                           "minute", "second"})


def time_unit_length(written: str, after: str) -> int | None:
    """For a span of time, how many characters of the folded text `after` its value its unit
    word takes ("two| years ago" -> 6, "三|年前" -> 1; 0 when the unit is part of the value
    as written: 十余年, 72小时); None when the value counts no unit of time."""
    u = _units()
    last = _singular(written.rsplit(None, 1)[-1]) if written.strip() else ""
    if written.endswith(u.durations) or u.classes.get(last) in _TIME_CLASSES:
        return 0
    stripped = after.lstrip(" -")
    skip = len(after) - len(stripped)
    for word in u.durations:  # longest first
        if stripped.startswith(word):
            return skip + len(word)
    found = _EN_WORD.match(" " + stripped)
    if found and u.classes.get(_singular(found.group(1))) in _TIME_CLASSES:
        return skip + len(found.group(1))
    return None


def counts_after(after: str) -> bool:
    """Whether folded text right after a lone Chinese numeral makes it a count: a classifier
    (三名), a span of time (三年), an approximation (三十余) or a known counted noun (三人).
    In 三湾岛, 一审 or 什么 the character is part of a word."""
    u = _units()
    head = after[:1]
    if not head:
        return False
    if head in u.classifiers or head in u.approx_after or after.startswith(u.durations):
        return True
    return bool(_known_at(after))


def noun_class(noun: str) -> str | None:
    """The class of a counted noun: the last known word in it (the head of a Chinese noun is
    at its end: 消防车 is a vehicle, 球员 a person), or of an English phrase."""
    u = _units()
    if noun in u.classes:
        return u.classes[noun]
    if " " in noun or noun.isascii():
        # English words are known whole: "m" is a metre, "missing" is not.
        for word in reversed(noun.split()):
            if word in u.classes:
                return u.classes[word]
        return None
    found = None
    i = 0
    while i < len(noun):
        for size in range(min(u.longest, len(noun) - i), 0, -1):
            if (cls := u.classes.get(noun[i : i + size])) is not None:
                found = cls
                break
        i += 1
    return found


def different_things(a: Claim, b: Claim) -> bool:
    """Whether two number claims clearly count different things. Unknown nouns, or a generic
    人/people on one side, say nothing."""
    return different_nouns(counted_noun(a), counted_noun(b))


def different_nouns(na: str | None, nb: str | None) -> bool:
    """different_things() for counted nouns already read (alignment reads each claim's once,
    not once per pair it scores)."""
    if not na or not nb or na == nb:
        return False
    ca, cb = noun_class(na), noun_class(nb)
    if ca and cb:
        return ca != cb
    if (ca in _TIME_CLASSES) != (cb in _TIME_CLASSES) and not (
        na in _units().generic or nb in _units().generic
    ):
        # A span of time always names its unit (years, 年): a count of anything else that
        # names something, known or not, is not one (三十多年 vs "20 of his scrolls").
        return True
    han_a, han_b = bool(_HAN.match(na)), bool(_HAN.match(nb))
    if han_a != han_b:
        return False  # across languages only classes compare
    if na in nb or nb in na:
        return False  # 工人 and 人
    if na in _units().generic or nb in _units().generic:
        return False
    # The noun read may run on into the next words: clearly different shares no word at all.
    if not han_a and not (ca or cb):
        return False  # two unknown English nouns may be synonyms (protesters, demonstrators)
    parts_a = set(na) if han_a else set(na.split())
    parts_b = set(nb) if han_b else set(nb.split())
    return not parts_a & parts_b


__all__ = [
    "counted_noun",
    "counts_after",
    "different_nouns",
    "different_things",
    "noun_class",
    "person_predicate",
]
