"""Which language and script a text is in: zh-Hant, zh-Hans, en or und.

Chinese against English is decided by counting Han characters against Latin letters; the
script of Chinese by how many of its characters exist only in Traditional form (changed by
OpenCC's t2s) against how many exist only in Simplified form (changed by s2t; the list of
those is data, lexicon/scripts.yaml, since loading s2t's phrase table costs a cold start
~0.2 s).
"""

from __future__ import annotations

import functools
from collections import Counter

from factcheck import rxcache

# Enough text to tell the language; reading further only costs time.
_SAMPLE = 1_000_000

_HAN = rxcache.compile(r"\p{Han}")
_LATIN = rxcache.compile(r"[A-Za-z\p{Latin}]")
# One Han character carries about as much as two Latin letters (an English word averages
# five letters, a Chinese word under two characters), so Latin letters count half.
_LATIN_WEIGHT = 0.5


@functools.cache
def _converter(config: str) -> object:
    import opencc  # lazy: only texts with Han characters need it

    return opencc.OpenCC(config)


def _convert(config: str, chars: str) -> str:
    out: str = _converter(config).convert(chars)  # type: ignore[attr-defined]
    return out


@functools.cache
def simplified_only() -> frozenset[str]:
    """The Han characters OpenCC's s2t changes (lexicon/scripts.yaml)."""
    from factcheck.normalize.lexdata import load_lexicon

    return frozenset("".join(str(load_lexicon("scripts.yaml")["simplified_only"]).split()))


def _han_counts(text: str) -> Counter[str]:
    # Counting every character is done in C; only the distinct ones are classified here.
    counts = Counter(text[:_SAMPLE])
    return Counter({c: n for c, n in counts.items() if _HAN.match(c)})


def chinese_script(text: str, counts: Counter[str] | None = None) -> str:
    """zh-Hant or zh-Hans for a text with Han characters (zh-Hans when nothing tells)."""
    if counts is None:
        counts = _han_counts(text)
    if not counts:
        return "zh-Hans"
    chars = list(counts)
    # One character per line, so that phrase tables cannot merge neighbours.
    joined = "\n".join(chars)
    t2s = _convert("t2s", joined).split("\n")
    if len(t2s) != len(chars):  # pragma: no cover - defensive
        return "zh-Hans"
    traditional = sum(counts[c] for c, s in zip(chars, t2s, strict=True) if s != c)
    only = simplified_only()
    simplified = sum(counts[c] for c in chars if c in only)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def detect_language(text: str) -> str:
    """zh-Hant, zh-Hans, en, or und when the text has neither Han characters nor letters."""
    counts = Counter(text[:_SAMPLE])
    han_counts = Counter({c: n for c, n in counts.items() if _HAN.match(c)})
    han = han_counts.total()
    latin = sum(n for c, n in counts.items() if _LATIN.match(c))
    if han == 0 and latin == 0:
        return "und"
    if han >= latin * _LATIN_WEIGHT:
        return chinese_script(text, han_counts)
    return "en"


# Tags that name a script or a region written in one script (BCP 47, lower-cased).
_HANT_TAGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-yue", "yue", "cht")
_HANS_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh-my", "chs")


def language_from_tag(tag: str, text: str) -> str:
    """Map a declared language (front matter `lang`) to zh-Hant, zh-Hans, en or und;
    a bare `zh` (or `chinese`) leaves the script to the text."""
    norm = tag.strip().lower().replace("_", "-")
    if norm.startswith(_HANT_TAGS):
        return "zh-Hant"
    if norm.startswith(_HANS_TAGS):
        return "zh-Hans"
    if norm in ("zh", "cmn", "chinese", "zho", "chi") or norm.startswith(("zh-", "cmn-")):
        return chinese_script(text)
    if norm in ("en", "eng", "english") or norm.startswith("en-"):
        return "en"
    return "und"
