"""The SQLite claim index: round trips, invalidation, related documents, incremental refresh."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck import workspace
from factcheck.config import Config
from factcheck.index import Entry, Index, data_fingerprint, story_keys
from factcheck.models import Claim, NumberValue, SourceInfo
from factcheck.suppress import Suppression


def claim(source: str, subject: str | None, start: int = 0) -> Claim:
    return Claim(
        id=f"{source}#{start}", source=source, line=1, column=start + 1, start=start,
        end=start + 2, subject=subject, predicate="deaths", value_text="12",
        value=NumberValue(value=12.0, low=12.0, high=12.0), sentence="12 died", sentence_start=0,
    )  # fmt: skip


def entry(source: str, *subjects: str | None) -> Entry:
    return Entry(
        info=SourceInfo(path=source, language="en"),
        claims=[claim(source, s, i * 10) for i, s in enumerate(subjects)],
        suppressions=[Suppression(source, 3, 1, frozenset({"FC101"}), 5, 40)],
        sha256="abc",
    )


def test_roundtrip(tmp_path: Path) -> None:
    with Index(tmp_path / "cache", "v1") as index:
        index.put("a.md", 1, 2, entry("a.md", "x", None))
    with Index(tmp_path / "cache", "v1") as index:
        got = index.get("a.md")
        assert got is not None
        assert got.claims == entry("a.md", "x", None).claims
        assert got.suppressions[0].codes == frozenset({"FC101"})
        assert (got.suppressions[0].start, got.suppressions[0].end) == (5, 40)
        assert index.stat_of() == {"a.md": (1, 2, "abc")}
        assert index.get("b.md") is None
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"


def test_new_fingerprint_starts_afresh(tmp_path: Path) -> None:
    with Index(tmp_path, "v1") as index:
        index.put("a.md", 1, 2, entry("a.md", "x"))
    with Index(tmp_path, "v2") as index:
        assert index.stat_of() == {}


def test_fingerprint_follows_extra_files(tmp_path: Path) -> None:
    extra = tmp_path / "aliases.yaml"
    extra.write_text("a: [b]\n", encoding="utf-8")
    before = data_fingerprint([extra])
    assert data_fingerprint([extra]) == before
    extra.write_text("a: [c]\n", encoding="utf-8")
    assert data_fingerprint([extra]) != before


def test_related_prefers_rare_shared_subjects(tmp_path: Path) -> None:
    with Index(tmp_path, "v1") as index:
        index.put("given.md", 0, 0, entry("given.md", "common", "rare"))
        index.put("a.md", 0, 0, entry("a.md", "common"))
        index.put("b.md", 0, 0, entry("b.md", "rare"))
        index.put("c.md", 0, 0, entry("c.md", "common"))
        index.put("d.md", 0, 0, entry("d.md", "other"))
        wanted = {"s:common", "s:rare"}
        found = index.related(wanted, exclude=["given.md"], limit=10)
        assert found == ["b.md", "a.md", "c.md"]
        assert index.related(wanted, exclude=["given.md"], limit=1) == ["b.md"]
        # df of s:common is 3 (1/3 each), of s:rare 2 (1/2): a threshold keeps b.md only.
        assert index.related(wanted, exclude=["given.md"], limit=9, min_score=0.4) == ["b.md"]
        assert index.related(set(), exclude=[], limit=5) == []


def test_story_keys_normalize_values() -> None:
    keys = story_keys([claim("a.md", "acme")])
    assert keys == {"s:acme", "v:number:12"}


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record which files the refresh parses, with a stand-in for extraction."""
    calls: list[str] = []

    def fake(rel: str, data: bytes, config: Config) -> Entry:
        calls.append(rel)
        return entry(rel, data.decode().strip() or None)

    monkeypatch.setattr(workspace, "analyse_file", fake)
    return calls


def test_refresh_reads_only_what_changed(tmp_path: Path, parsed: list[str]) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (root / name).write_text(name[0], encoding="utf-8")
    cache = tmp_path / "cache"
    paths = ["a.md", "b.md", "c.md"]
    with Index(cache, "v") as index:
        workspace.refresh(index, root, paths, Config(), always_read=set())
    assert parsed == paths
    parsed.clear()
    (root / "b.md").write_text("z", encoding="utf-8")  # same size, new content
    os.utime(root / "b.md", ns=(1, 1))
    st = (root / "c.md").stat()
    os.utime(root / "c.md", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched only
    with Index(cache, "v") as index:
        workspace.refresh(index, root, ["a.md", "b.md", "c.md"], Config(), always_read=set())
        assert parsed == ["b.md"]
        got = index.get("b.md")
        assert got is not None
        assert got.claims[0].subject == "z"
        assert index.stat_of()["c.md"][0] == st.st_mtime_ns + 10**9
    parsed.clear()
    with Index(cache, "v") as index:
        workspace.refresh(index, root, ["a.md", "b.md"], Config(), always_read={"a.md"})
        assert parsed == []  # a.md was hashed, and its bytes had not changed
        assert set(index.stat_of()) == {"a.md", "b.md"}  # c.md forgotten


def test_refresh_reports_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02\xff" * 200)
    with Index(tmp_path / "cache", "v") as index:
        errors = workspace.refresh(index, tmp_path, ["bin.md"], Config(), always_read=set())
    assert list(errors) == ["bin.md"]
    assert "bin.md" in str(errors["bin.md"])


def test_matches_globs() -> None:
    assert workspace.matches("a/b/story.md", ["*.md"])
    assert not workspace.matches("a/b/story.md", ["b/*.md"])
    assert workspace.matches("drafts/x/y.txt", ["drafts/*"])
    assert workspace.matches("drafts/x.txt", ["/drafts/*.txt"])
