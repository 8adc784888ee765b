"""Compiled regular expressions kept between runs: the value patterns without their compile.

The `regex` module parses a pattern in Python, and the value patterns (long alternations of
month names, number words, currencies) took ~0.2 s of a ~1 s cold `compare`. A compiled
`regex` pattern pickles as its compiled program (the module's own pickle support: unpickling
hands the program to the C engine without parsing the source again), so the patterns a run
compiled are written to the user's cache directory (factcheck.lexcache.cache_dir) when the
process ends, and the next process reads them back in a few milliseconds.

The file is keyed by the regex, Python and factcheck versions; an entry is looked up by its
exact source and flags, so a pattern built from a changed lexicon is simply a new entry. A
missing, corrupt or foreign file is ignored (and replaced), an unwritable directory is not
used, and unpickling admits nothing but regex's compile function. Nothing here changes what
a pattern matches: a pattern from the file is the same compiled program.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import pickle
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from factcheck import __version__, lexcache

# Bump when the layout of the file changes.
_FORMAT = 1
# More entries than this (changing user lexicons, several checkouts sharing the cache): keep
# this run's only. A run of compare uses ~150 patterns (~70 KB, ~8 ms to read back); the
# whole file is read by every run, so a file of old entries would eat what it saves.
_MAX_ENTRIES = 600

Key = tuple[str, int]

_table: dict[Key, regex.Pattern[str]] | None = None
_stored: set[Key] = set()  # the keys the file already holds
_used: set[Key] = set()


# What regex.escape changes: its metacharacters and whitespace. Most words of the lexicons
# hold none, and regex.escape walks every character in Python (~1,800 words a run).
_SPECIAL = re.compile(r"[()\[\]{}?*+|^$\\.\-#&~\s\x00]")


def escape(text: str) -> str:
    """regex.escape(text), without its character-by-character walk where nothing needs it."""
    return regex.escape(text) if _SPECIAL.search(text) else text


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (equal lengths in alphabetical
    order, so the pattern text, the cache's key, never depends on the hash seed)."""
    return "|".join(escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(source, flags), from the cache when an earlier run compiled it."""
    table = _load() if _table is None else _table
    key = (source, int(flags))
    pattern = table.get(key)
    if pattern is None:
        pattern = table[key] = regex.compile(source, flags)
    _used.add(key)
    return pattern


def _file() -> Path | None:
    folder = lexcache.cache_dir()
    if folder is None:
        return None
    stamp = f"{_FORMAT}\0{regex.__version__}\0{sys.version_info[:2]}\0{__version__}"
    return folder / f"patterns-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.pickle"


class _Unpickler(pickle.Unpickler):
    """Admits regex's compile function and plain data, nothing else that pickle can call."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")


def _load() -> dict[Key, regex.Pattern[str]]:
    global _table
    _table = {}
    path = _file()
    if path is None:
        return _table
    atexit.register(_save, path)
    try:
        blob = path.read_bytes()
        if hashlib.sha256(blob[32:]).digest() != blob[:32]:
            return _table  # damaged: compiled afresh and rewritten at exit
        stored = _Unpickler(io.BytesIO(blob[32:])).load()
        for (source, flags), pattern in stored.items():
            if isinstance(pattern, regex.Pattern) and pattern.pattern == source:
                _table[(source, flags)] = pattern
                _stored.add((source, flags))
    except Exception:  # missing, unreadable or corrupt: compile as if there were no file
        _table.clear()
        _stored.clear()
    return _table


def _save(path: Path) -> None:
    """At exit: write the table when this run compiled patterns the file did not hold."""
    if _table is None or _used <= _stored:
        return
    keys = set(_table) if len(_table) <= _MAX_ENTRIES else _used
    try:
        payload = pickle.dumps({k: _table[k] for k in keys}, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a pattern that cannot be pickled: leave the file as it is
        return
    lexcache.write_atomic(path, hashlib.sha256(payload).digest() + payload)
    try:
        for old in path.parent.glob("patterns-*.pickle"):  # other versions' files
            if old != path:
                old.unlink()
    except OSError:
        pass
