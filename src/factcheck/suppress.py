"""Accepted disagreements: inline `<!-- factcheck: ignore FC101 -->` comments and a baseline.

An inline comment covers the paragraph it stands in (a run of non-blank lines, so a comment
at the end of a line covers that line's paragraph); a comment alone in its paragraph covers
the next one. With no code it covers every code. A baseline file lists findings already
accepted by a content fingerprint — the codes, sources, values and sentences involved, never
line numbers — so that moving text around does not bring old findings back.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.errors import ConfigError
from factcheck.models import Finding

_COMMENT = rxcache.compile(
    r"<!--[ \t]*+factcheck:[ \t]*+ignore"
    r"(?P<codes>(?:[ \t,]++[A-Za-z0-9]++(?:-[A-Za-z0-9]++){0,10}+){0,50}+)[ \t]*+-->",
    regex.I,
)
_BLANK_LINES = rxcache.compile(r"\n[ \t\r]*+\n(?:[ \t\r]*+\n)*+")
_ANY_COMMENT = rxcache.compile(r"<!--.*?-->", regex.S)


@dataclass
class Suppression:
    path: str
    line: int
    column: int
    codes: frozenset[str] | None = field(metadata={"doc": "None: every code"})
    start: int = 0
    end: int = 0
    used: bool = False

    def covers(self, finding: Finding, offset: int) -> bool:
        if not self.start <= offset < self.end:
            return False
        if self.codes is None:
            return True
        return any(finding.code.startswith(c) or finding.name == c.lower() for c in self.codes)

    def describe(self) -> str:
        codes = " ".join(sorted(self.codes)) if self.codes else "all codes"
        return f"{self.path}:{self.line}:{self.column}: unused suppression ({codes})"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for gap in _BLANK_LINES.finditer(text):
        spans.append((start, gap.start() + 1))
        start = gap.end()
    spans.append((start, len(text)))
    return spans


def find_suppressions(path: str, text: str) -> list[Suppression]:
    """Every ignore comment in `text` with the span of text it covers."""
    found: list[Suppression] = []
    if "factcheck" not in text:
        return found
    paragraphs = _paragraphs(text)
    starts = [start for start, _ in paragraphs]
    for match in _COMMENT.finditer(text):
        raw = (match.group("codes") or "").replace(",", " ").split()
        codes = frozenset(code.upper() for code in raw) or None
        index = max(0, bisect.bisect_right(starts, match.start()) - 1)
        start, end = paragraphs[index]
        alone = not _ANY_COMMENT.sub("", text[start:end]).strip()
        if alone and index + 1 < len(paragraphs):
            end = paragraphs[index + 1][1]
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append(Suppression(path, line, column, codes, start, end))
    return found


def apply_suppressions(
    findings: Sequence[Finding], suppressions: dict[str, list[Suppression]]
) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed); marks each suppression that covered something as used."""
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in findings:
        hit = False
        for side in finding.sides:
            for sup in suppressions.get(side.source, ()):
                if sup.covers(finding, side.start):
                    sup.used = hit = True
        (dropped if hit else kept).append(finding)
    return kept, dropped


# --- the baseline --------------------------------------------------------------------


def fingerprint(finding: Finding) -> str:
    """A content hash of a finding: code and, per side, source, value and sentence."""
    sides = sorted(
        (side.source, side.value_text, " ".join(side.sentence.split())) for side in finding.sides
    )
    blob = json.dumps([finding.code, finding.subject, finding.predicate, sides], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


@dataclass
class Baseline:
    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {str(e["fingerprint"]): dict(e) for e in data["findings"]}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(
                f"unreadable baseline: {exc}",
                path=str(path),
                hint="re-create it with --write-baseline",
            ) from exc
        return cls(entries)

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding], set[str]]:
        """(new, accepted, fingerprints seen) for findings against this baseline."""
        new: list[Finding] = []
        accepted: list[Finding] = []
        seen: set[str] = set()
        for finding in findings:
            key = fingerprint(finding)
            if key in self.entries:
                accepted.append(finding)
                seen.add(key)
            else:
                new.append(finding)
        return new, accepted, seen

    def stale(self, seen: set[str], checked: set[str]) -> list[str]:
        """Entries involving a checked file that no finding matched any more."""
        return sorted(
            key
            for key, entry in self.entries.items()
            if key not in seen and checked.intersection(_sources(entry))
        )

    def add(self, finding: Finding) -> None:
        self.entries[fingerprint(finding)] = {
            "fingerprint": fingerprint(finding),
            "code": finding.code,
            "kind": finding.kind,
            "sources": sorted({side.source for side in finding.sides}),
            "values": [side.value_text for side in finding.sides],
            "explanation": finding.explanation,
        }

    def write(self, path: Path) -> None:
        """Write atomically, sorted, so the baseline diffs cleanly in review."""
        body = {"version": 1, "findings": [self.entries[k] for k in sorted(self.entries)]}
        text = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _sources(entry: dict[str, object]) -> set[str]:
    sources = entry.get("sources", [])
    return {str(s) for s in sources} if isinstance(sources, list) else set()
