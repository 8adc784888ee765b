"""The repository's claims, cached in SQLite so a check re-reads only what changed.

Each document's entry (source info, claims, inline suppressions) is stored under its path
with the SHA-256 of its bytes. A file whose size and modification time match the stored
ones is not opened again (git's own shortcut); one whose bytes hash the same is not parsed
again. Everything is dropped when the factcheck version or the language data (built-in
lexicon and the user's extra files) change, since both change what extraction finds.
A table of (path, key) pairs — the entities a document names and the values it states —
finds the documents that tell the same story.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from factcheck import __version__, twins
from factcheck.models import Claim, DateValue, MoneyValue, SourceInfo
from factcheck.recordjson import to_json
from factcheck.suppress import Suppression

SCHEMA = 2
COMMON_KEY = 1000  # a name or value in more documents than this says nothing of a story
INDEX_FILE = "index.sqlite3"

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, info TEXT NOT NULL, claims TEXT NOT NULL, suppressions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS keys (path TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (key);
CREATE INDEX IF NOT EXISTS keys_by_path ON keys (path);
"""


@dataclass
class Entry:
    """What the index keeps of one document."""

    info: SourceInfo
    claims: list[Claim]
    suppressions: list[Suppression] = field(default_factory=list)
    sha256: str = ""


def data_fingerprint(extra_files: Iterable[Path] = ()) -> str:
    """A hash of everything extraction depends on besides the text itself."""
    digest = hashlib.sha256(f"factcheck {__version__} index {SCHEMA}".encode())
    lexicon = resources.files("factcheck").joinpath("lexicon")
    for item in sorted(lexicon.iterdir(), key=lambda p: p.name):
        if item.is_file():
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    for path in sorted(extra_files):
        digest.update(str(path).encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _dump_suppressions(sups: Sequence[Suppression]) -> str:
    rows = [
        [s.line, s.column, sorted(s.codes) if s.codes is not None else None, s.start, s.end]
        for s in sups
    ]
    return json.dumps(rows)


def _load_suppressions(path: str, text: str) -> list[Suppression]:
    return [
        Suppression(path, line, column, frozenset(codes) if codes is not None else None, s, e)
        for line, column, codes, s, e in json.loads(text)
    ]


class Index:
    """An open index; use as a context manager so each run commits once at the end."""

    def __init__(self, cache_dir: Path, fingerprint: str) -> None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Keep the cache out of `git status` without asking the user to edit .gitignore.
        ignore = cache_dir / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        self.path = cache_dir / INDEX_FILE
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_DDL)
        stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        if stored.get("fingerprint") != fingerprint:
            self.db.executescript("DELETE FROM docs; DELETE FROM keys; DELETE FROM meta;")
            self.db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
            self.db.commit()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def stat_of(self) -> dict[str, tuple[int, int, str]]:
        """path -> (mtime_ns, size, sha256) for every indexed document."""
        rows = self.db.execute("SELECT path, mtime_ns, size, sha256 FROM docs")
        return {path: (mtime, size, sha) for path, mtime, size, sha in rows}

    def get(self, path: str) -> Entry | None:
        row = self.db.execute(
            "SELECT info, claims, suppressions, sha256 FROM docs WHERE path = ?", (path,)
        ).fetchone()
        if row is None:
            return None
        info, claims, sups, sha = row
        return Entry(
            info=twins.validate_json(SourceInfo, info),
            claims=twins.validate_json(list[Claim], claims),
            suppressions=_load_suppressions(path, sups),
            sha256=sha,
        )

    def put(self, path: str, mtime_ns: int, size: int, entry: Entry) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                path,
                mtime_ns,
                size,
                entry.sha256,
                to_json(entry.info, indent=None),
                "[" + ",".join(to_json(claim, indent=None) for claim in entry.claims) + "]",
                _dump_suppressions(entry.suppressions),
            ),
        )
        self.db.execute("DELETE FROM keys WHERE path = ?", (path,))
        keys = sorted(story_keys(entry.claims))
        self.db.executemany("INSERT INTO keys VALUES (?, ?)", [(path, k) for k in keys])

    def touch(self, path: str, mtime_ns: int, size: int) -> None:
        """Same bytes, new stat (a checkout or `touch`): remember the stat only."""
        self.db.execute(
            "UPDATE docs SET mtime_ns = ?, size = ? WHERE path = ?", (mtime_ns, size, path)
        )

    def forget(self, paths: Iterable[str]) -> None:
        rows = [(p,) for p in paths]
        self.db.executemany("DELETE FROM docs WHERE path = ?", rows)
        self.db.executemany("DELETE FROM keys WHERE path = ?", rows)

    def related(
        self, keys: Iterable[str], *, exclude: Iterable[str], limit: int, min_score: float = 0.0
    ) -> list[str]:
        """Documents sharing an entity or at least two values with `keys`, best first: each
        shared key counts 1/df (a name or a year every article mentions says little about
        being the same story; one shared number alone is a coincidence)."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT INTO wanted VALUES (?)", [(k,) for k in wanted])
        skip = set(exclude)
        # Driven from the few wanted keys through the key index (CROSS JOIN fixes the
        # order); keys in more than COMMON_KEY documents are left out, worth < 1/COMMON_KEY.
        rows = self.db.execute(
            "WITH d AS (SELECT w.key AS key, COUNT(*) AS df FROM wanted w CROSS JOIN keys k"
            "  ON k.key = w.key GROUP BY w.key HAVING COUNT(*) <= ?) "
            "SELECT k.path, SUM(1.0 / d.df) AS score FROM d CROSS JOIN keys k ON k.key = d.key "
            "GROUP BY k.path "
            "HAVING score >= ? AND (COUNT(*) >= 2 OR MAX(k.key LIKE 's:%') = 1) "
            "ORDER BY score DESC, k.path LIMIT ?",
            (COMMON_KEY, min_score, limit + len(skip)),
        )
        return [path for path, _score in rows if path not in skip][:limit]


def story_keys(claims: Iterable[Claim]) -> set[str]:
    """What a document shares with others about the same story: the entities it names and
    the values it states, normalized so that 130億美元 and $13 billion give one key."""
    keys: set[str] = set()
    for claim in claims:
        if claim.subject:
            keys.add(f"s:{claim.subject}")
        if claim.object:
            keys.add(f"s:{claim.object}")
        keys.add(f"v:{_value_key(claim)}")
    return keys


def _value_key(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, DateValue):
        return f"date:{value.timex}"
    if isinstance(value, MoneyValue):
        return f"money:{value.currency}:{value.amount:.4g}"
    return f"{value.kind}:{value.value:.4g}"
