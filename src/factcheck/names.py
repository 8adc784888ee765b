"""Names that are not in the alias registry: capitalized English word runs, Latin-script
names inside Chinese text, Chinese names joined by "·", and Chinese organization names that
end in a suffix such as 公司 or 银行 (lexicon/names.yaml).

Every scan is a single bounded pass: tokens are read once and a Chinese name is extended at
most a few characters to the left of its suffix, so time stays linear in the text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from factcheck import lexfiles, rxcache
from factcheck.frozen import frozen
from factcheck.normalize.script import fold
from factcheck.phrases import PhraseMatcher

_LATIN_TOKEN = rxcache.compile(r"[A-Za-z][A-Za-z0-9]*+(?:[&.'’-][A-Za-z0-9]++)*+")
_DOT_NAME = rxcache.compile(r"\p{Han}{1,4}+(?:[·•‧・]\p{Han}{1,4}+){1,2}+")
_HAN = rxcache.compile(r"\p{Han}")
_AFTER_DASH = rxcache.compile(r"[ )][-–—]{1,2}+[ \t]*+$")
# Two or three Han characters standing alone before ", 62岁" / "（62岁）".
_AGED_NAME = rxcache.compile(r"(?<!\p{Han})(\p{Han}{2,3}+)(?=[，,（(][ \t]*+\d{1,3}+[ \t]*+岁)")
# A capitalized Latin word right after a Chinese descriptor (公司Nimbus, 服務商Nimbus).
_LATIN_NAME_START = rxcache.compile(r" ?[A-Z][A-Za-z]")
_CURRENCY_SIGNS = ("$", "＄")  # right after a token: "NT$", "HK$"
_DOTS = "·•‧・"  # the dots a _DOT_NAME joins its parts with
# Characters that cannot be inside a Chinese name: particles, prepositions, conjunctions.
_STOP = frozenset("的了与和及向对在是为被由把将从等以于其该这那此并而且或但也都已曾就还又")
_CONNECTORS = frozenset({"of", "de", "van", "von", "der", "la", "&", "and"})
_MAX_RUN = 6  # words in an English name; a longer capitalized run is a headline
_MAX_LEFT = 12  # characters a Chinese organization name may reach left of its suffix
_MAX_LEFT_HAN = 4  # of which Chinese characters ("美国联邦" 法院); more runs into the clause


@frozen
class NameSpan:
    start: int
    end: int
    kind: str  # "person", "org" or "name" (not known which)
    core: str  # the distinctive part (without 公司, Inc, …), folded


@frozen
class _NameData:
    suffixes: PhraseMatcher[str]
    cuts: PhraseMatcher[str]
    generic_orgs: frozenset[str]
    generic_parts: regex.Pattern[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    org_words: frozenset[str]
    after_name: frozenset[str]
    titles_before: PhraseMatcher[str]
    titles_after: PhraseMatcher[str]
    openers: PhraseMatcher[str]
    surnames: frozenset[str]
    unit_symbols: frozenset[str]


@functools.cache
def _data() -> _NameData:
    data = lexfiles.load("names.yaml")
    return _NameData(
        suffixes=PhraseMatcher(
            (s, "org") for s in [*data["org_suffixes"], *(data.get("org_suffixes_more") or ())]
        ),
        cuts=PhraseMatcher((c, "cut") for c in data.get("name_cuts") or ()),
        generic_orgs=frozenset(fold(s) for s in data["generic_orgs"]),
        generic_parts=rxcache.compile(
            "|".join(rxcache.escape(fold(p)) for p in sorted(data["generic_parts"], key=len)[::-1])
        ),
        not_names=frozenset(s.lower() for s in data["not_names"]),
        demonyms=frozenset(s.lower() for s in data.get("demonyms") or ()),
        org_words=frozenset(s.lower() for s in data["org_words_en"]),
        after_name=frozenset(fold(data["after_name"])) | _STOP,
        titles_before=PhraseMatcher((t, "before") for t in data["person_titles_before"]),
        titles_after=PhraseMatcher((t, "after") for t in data["person_titles_after"]),
        openers=PhraseMatcher((o, "opener") for o in data.get("person_openers") or ()),
        surnames=frozenset(fold(str(data.get("surnames") or ""))),
        unit_symbols=frozenset(
            str(symbol).lower()
            for spec in (lexfiles.load("units.yaml").get("measures") or {}).values()
            for symbol in spec.get("glued") or ()
            if len(str(symbol)) > 1
        ),
    )


def starts_no_name(word: str) -> bool:
    """Whether an English word never starts a name (the, according, Monday, …)."""
    return word.lower() in _data().not_names


def _shouted(text: str, start: int, end: int) -> bool:
    """A line of English in capitals ("MARKET SHARE", "LATEST UPDATES"): a heading, whose
    words are no one's name (an acronym beside lower-case words is left alone)."""
    part = text[start:end]
    # Cheapest test first: a Chinese sentence fails at its first Han character, an English
    # one at its first lower-case letter; only the rare rest is split into words.
    return (
        not _HAN.search(part)
        and not any(c.islower() for c in part)
        and len(_LATIN_TOKEN.findall(part)) >= 2
    )


def _latin_names(text: str, folded: str, start: int, end: int) -> Iterator[NameSpan]:
    if _shouted(text, start, end):
        return
    data = _data()
    run: list[regex.Match[str]] = []

    def flush() -> Iterator[NameSpan]:
        while run and (run[-1].group().lower() in _CONNECTORS):
            run.pop()
        while run and run[0].group().lower().rstrip(".") in data.not_names:
            run.pop(0)
        if not run:
            return
        first, last = run[0], run[-1]
        words = [m.group() for m in run]
        last_end = last.end()
        if _possessive(words[-1]):  # "Sam Altman's OpenAI": the name ends before 's
            last_end -= 2 if words[-1][-2] in "'’" else 1
            words[-1] = words[-1][: last_end - last.start()]
        single = len(run) == 1
        inner_cap = any(c.isupper() for c in words[0][1:]) or any(c.isdigit() for c in words[0])
        before = text[max(start, first.start() - 3) : first.start()]
        in_cjk = bool(_HAN.search(before)) or bool(_HAN.match(text, last_end))
        lead = text[start : first.start()] if first.start() - start <= 3 else "x"
        # After a dateline's dash ("HONG KONG, Dec. 3 (Wire) - Cabin crew …") the sentence
        # starts anew: its first word is capitalized whatever it is.
        sentence_initial = not lead.strip(" \"'“‘([") or _AFTER_DASH.search(
            text, max(start, first.start() - 4), first.start()) is not None
        if single and not (inner_cap or in_cjk) and (sentence_initial or len(words[0]) < 3):
            return
        # A lone letter names a class, not a doer: C輪 (a Series C round), A股, B型.
        if single and len(words[0]) == 1:
            return
        # "Taiwanese city", "36 Chinese companies": a nationality describes, it names no one
        # (it still opens a longer name: Chinese Academy of Sciences).
        if single and words[0].lower() in data.demonyms:
            return
        # A unit's symbol glossing a measure (600百萬瓦（MW）, 16 GB) is no doer either.
        if single and words[0].lower() in data.unit_symbols:
            return
        suffixed = words[-1].lower().rstrip(".") in data.org_words and len(run) > 1
        kind = "org" if suffixed or words[0].lower() in data.org_words else "name"
        core_end = run[-2].end() if suffixed else last_end
        yield NameSpan(first.start(), last_end, kind, folded[first.start() : core_end])

    for match in _LATIN_TOKEN.finditer(text, start, end):
        word = match.group()
        if text.startswith(_CURRENCY_SIGNS, match.end()):
            continue  # "NT$", "HK$": a currency, not a name
        if match.start() > start and text[match.start() - 1].isdigit():
            continue  # "300GB", "20km": a unit written onto its figure, not a name
        # A token starts with a letter, so it has a capital unless it is all lower case.
        capital = not word.islower()
        if not run:
            # Most tokens are lower-case words outside any name: nothing to flush or join.
            if capital:
                run.append(match)
            continue
        gap = text[run[-1].end() : match.start()]
        joined = gap == " " and len(run) < _MAX_RUN and not _possessive(run[-1].group())
        if joined and (capital or word.lower() in _CONNECTORS):
            run.append(match)
        else:
            yield from flush()
            run.clear()
            if capital:
                run.append(match)
    yield from flush()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _strip_generic(core: str) -> str:
    return _data().generic_parts.sub("", core)


def _han_names(text: str, folded: str, start: int, end: int) -> Iterator[NameSpan]:
    data = _data()
    part = text[start:end]
    dotted = any(dot in part for dot in _DOTS)  # most sentences hold no dot name: skip the scan
    for match in _DOT_NAME.finditer(text, start, end) if dotted else ():
        name = folded[match.start() : match.end()]
        # Cut at particles on either side: "向埃隆·马斯克" -> 埃隆·马斯克.
        first_dot = next(i for i, c in enumerate(name) if c in "·•‧・")
        left = max((i + 1 for i, c in enumerate(name[:first_dot]) if c in _STOP), default=0)
        ends = data.after_name
        right = next((i for i, c in enumerate(name) if i > first_dot + 1 and c in ends), len(name))
        if left < first_dot and right > first_dot + 1:
            yield NameSpan(match.start() + left, match.start() + right, "person", name[left:right])
    for hit in data.suffixes.find(folded[start:end]):
        s_start, s_end = hit.start + start, hit.end + start
        if _LATIN_NAME_START.match(text, s_end):
            continue  # "美国云计算公司Nimbus Cloud": a description of the name that follows
        left, han = s_start, 0
        while left > start and s_start - left < _MAX_LEFT and folded[left - 1] not in _STOP:
            is_han = bool(_HAN.match(folded, left - 1))
            if not (is_han or folded[left - 1].isalnum()) or (is_han and han == _MAX_LEFT_HAN):
                break
            han += is_han
            left -= 1
        # "据市应急管理局": the name starts after the last word that ends a phrase.
        left = max((left + h.end for h in data.cuts.all_hits(folded[left:s_start])),
                   default=left)
        name = folded[left:s_end]
        core = folded[left:s_start]
        if not core or name in data.generic_orgs or len(_strip_generic(core)) < 2:
            continue
        yield NameSpan(left, s_end, "org", core)


def _titled_names(folded: str, start: int, end: int) -> Iterator[NameSpan]:
    """Chinese personal names beside a title: "CEO林志远", "创办人陈美玲", "李明先生". A
    Chinese name has two or three characters; the third is kept unless it usually follows a
    name (在, 表示, …)."""
    data = _data()
    part = folded[start:end]

    def usable(c: str) -> bool:
        return bool(_HAN.match(c)) and c not in data.after_name

    def verb(candidate: str) -> bool:
        # 市議員批評: the title's own verb (批评, 表示, 指出), not a name
        return any(h.start == 0 for h in data.cuts.find(candidate))

    for hit in data.titles_before.find(part):
        s = hit.end + start
        n = 0
        while n < 3 and s + n < end and usable(folded[s + n]):
            n += 1
        if n >= 2 and not verb(folded[s : s + n]):
            yield NameSpan(s, s + n, "person", folded[s : s + n])
    for hit in data.openers.find(part):
        s = hit.end + start
        n = 0
        while n < 3 and s + n < end and usable(folded[s + n]):
            n += 1
        if n >= 2 and folded[s] in data.surnames and not verb(folded[s : s + n]):
            yield NameSpan(s, s + n, "person", folded[s : s + n])
    # "林国华，62岁，加州理工学院教授": a list or profile gives a name, then its age.
    for m in _AGED_NAME.finditer(folded, start, end):
        name = m.group(1)
        if name[0] in data.surnames and not verb(name):
            yield NameSpan(m.start(1), m.end(1), "person", name)
    for hit in data.titles_after.find(part):
        e = hit.start + start
        n = 0
        while n < 3 and e - n > start and usable(folded[e - n - 1]):
            n += 1
        if n >= 2:
            yield NameSpan(e - n, e, "person", folded[e - n : e])


def find_names(text: str, folded: str, start: int, end: int) -> list[NameSpan]:
    """Candidate names in text[start:end] (positions index the whole text)."""
    found = [
        *_latin_names(text, folded, start, end),
        *_han_names(text, folded, start, end),
        *_titled_names(folded, start, end),
    ]
    return sorted(found, key=lambda n: (n.start, -n.end))
