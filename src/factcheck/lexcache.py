"""Parsed lexicon files kept between runs, so that a cold start does not parse YAML.

Parsing the lexicons with libyaml took ~0.08 s of every cold `compare` (plus ~0.02 s to
import PyYAML); reading the same data back with `marshal` takes ~2 ms. The cache is derived
data only: every entry records the digest of the text it was parsed from (and the factcheck
and Python versions), and an entry that is missing, stale, unreadable or corrupt is parsed
again and rewritten. A cache directory that cannot be written is silently not used.

Where: $FACTCHECK_LEXICON_CACHE when set (an empty value, "0" or "off" turns the cache off),
else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck. Nothing is written into the package.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck import __version__

ENV = "FACTCHECK_LEXICON_CACHE"
_OFF = ("", "0", "off", "false", "no")
# Bump when the layout of an entry changes.
_FORMAT = 1
# marshal's format follows the interpreter; an entry from another Python is stale.
_STAMP = (_FORMAT, __version__, sys.version_info[:2])
# Types marshal writes back exactly; anything else (a date in a user's YAML) is not cached.
_PLAIN = (str, int, float, bool, type(None))


def cache_dir() -> Path | None:
    """The directory of the cache, or None when it is turned off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):  # unset, or relative, which the XDG rules say to ignore
        home = os.path.expanduser("~")
        if not os.path.isabs(home):  # no home directory: no cache, not one in the cwd
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "factcheck"


def parsed(text: str, source: str, parse: Callable[[str], Any], kind: str) -> Any:
    """`parse(text)`, from the cache when it holds the result for this very text.

    `source` names the file (one entry per file: a new text replaces the old entry) and
    `kind` the parser (entries of different parsers never mix). Errors of `parse` propagate
    unchanged and nothing is cached for them."""
    folder = cache_dir()
    if folder is None:
        return parse(text)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    name = hashlib.sha256(f"{kind}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    entry = folder / f"lexicon-{name[:24]}.marshal"
    key = (*_STAMP, kind, digest)
    try:
        blob = entry.read_bytes()
        # the first 32 bytes are a digest of the rest: a damaged entry is never believed
        if hashlib.sha256(blob[32:]).digest() == blob[:32]:
            stored = marshal.loads(blob[32:])
            if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
                return stored[1]
    except Exception:  # missing, unreadable or corrupt: parse again
        pass
    data = parse(text)
    if _plain(data):
        payload = marshal.dumps((key, data))
        write_atomic(entry, hashlib.sha256(payload).digest() + payload)
    return data


def _plain(data: Any) -> bool:
    """Is `data` made of dicts, lists and scalars only (what marshal gives back as it was)?"""
    if isinstance(data, dict):
        return all(_plain(k) and _plain(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_plain(item) for item in data)
    return type(data) in _PLAIN


def write_atomic(entry: Path, blob: bytes) -> None:
    """Write `entry` atomically (a reader sees the old file or the new one, never half of
    one); give up quietly when the directory cannot be made or written."""
    import tempfile  # only when writing: most runs only read

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".lexicon-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
