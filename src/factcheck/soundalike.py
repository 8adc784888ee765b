"""Whether two romanized Chinese names are one name spelled two ways: Hanyu Pinyin (the
romanizer's lin_guohua for 林國華) against a Taiwan or Hong Kong spelling in English copy
(lin_kuo_hua for "Lin Kuo-hua"). The rules are data (names.yaml, `romanization`)."""

from __future__ import annotations

import functools
from typing import Any

import regex

from factcheck import lexfiles

_LONGEST = 12  # letters of one name part tried (longer parts are no Chinese name part)


@functools.cache
def _rules() -> tuple[regex.Pattern[str], dict[str, str], dict[str, str], str]:
    data: dict[str, Any] = lexfiles.load("names.yaml").get("romanization") or {}
    initials = sorted(data.get("initials") or (), key=len, reverse=True)
    finals = sorted(data.get("finals") or (), key=len, reverse=True)
    bare = sorted(data.get("bare_finals") or (), key=len, reverse=True)
    ini, fin, bar = ("|".join(map(regex.escape, xs)) for xs in (initials, finals, bare))
    # The first syllable may lack an initial; later ones only before a, e or o (xi'an).
    syllable = rf"(?:(?P<i>{ini})(?P<f>{fin})|(?P<i>)(?P<f>{bar}))"
    pattern = regex.compile(
        rf"(?:(?P<i>{ini}|)(?P<f>{fin})){syllable}*", regex.VERSION1
    )
    return (pattern, dict(data.get("initial_keys") or {}), dict(data.get("final_keys") or {}),
            str(data.get("sibilant_u") or "u"))


def _part_key(part: str) -> str | None:
    if not part.isascii() or not part.isalpha() or len(part) > _LONGEST:
        return None
    pattern, initial_keys, final_keys, sibilant_u = _rules()
    found = pattern.fullmatch(part)
    if found is None:
        return None
    out = []
    for initial, final in zip(found.captures("i"), found.captures("f"), strict=True):
        i = initial_keys.get(initial, initial)
        f = final_keys.get(final, final)
        if f == "u" and i in ("c", "s"):
            f = sibilant_u
        out.append(i + f)
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def sound_key(name_id: str) -> str | None:
    """The coarse spelling of a name id's parts, joined; None when a part is not spelled as
    Chinese syllables or the name has a single syllable (a surname alone)."""
    keys = [_part_key(p) for p in name_id.split("_") if p]
    if not keys or any(k is None for k in keys) or sum(map(len, keys)) < 4:  # type: ignore[arg-type]
        return None
    return "_".join(k for k in keys if k)


def same_sound(x: str, y: str) -> bool:
    """One Chinese name in two romanizations, family name first or last on either side."""
    kx, ky = sound_key(x), sound_key(y)
    if kx is None or ky is None or (kx == ky and x == y):
        return False
    return _joined(kx) in (_joined(ky), _rotated(ky)) or _rotated(kx) == _joined(ky)


def _joined(key: str) -> str:
    return key.replace("_", "")


def _rotated(key: str) -> str:
    """'Kuo-hua Lin' read family name first."""
    parts = key.split("_")
    return "".join(parts[-1:] + parts[:-1])


__all__ = ["same_sound", "sound_key"]
