"""The cache of parsed lexicons: the same data with or without it, and a missing, stale,
corrupt or unwritable cache only costs a parse."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import lexcache, lexfiles
from factcheck.normalize import lexdata

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = sorted((ROOT / "src" / "factcheck" / "lexicon").glob("*.yaml"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(lexcache.ENV, str(folder))
    return folder


class Parser:
    """yaml.safe_load that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> Any:
        self.calls += 1
        return yaml.safe_load(text)


def entries(folder: Path, glob: str = "lexicon-*.marshal") -> list[Path]:
    return sorted(folder.glob(glob)) if folder.is_dir() else []


def test_second_read_comes_from_the_cache(cache: Path) -> None:
    parse = Parser()
    text = "a: [1, 2.5, true, null, 中文]\nb: {c: d}\n"
    first = lexcache.parsed(text, "x.yaml", parse, "yaml")
    second = lexcache.parsed(text, "x.yaml", parse, "yaml")
    assert first == second == yaml.safe_load(text)
    assert parse.calls == 1
    assert len(entries(cache)) == 1


def test_a_changed_text_is_parsed_again_and_replaces_the_entry(cache: Path) -> None:
    parse = Parser()
    assert lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml") == {"a": 1}
    assert lexcache.parsed("a: 2\n", "x.yaml", parse, "yaml") == {"a": 2}
    assert lexcache.parsed("a: 2\n", "x.yaml", parse, "yaml") == {"a": 2}
    assert parse.calls == 2
    assert len(entries(cache)) == 1  # one entry per file, not one per version


def test_an_entry_of_another_factcheck_version_is_stale(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = Parser()
    lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml")
    monkeypatch.setattr(lexcache, "_STAMP", (*lexcache._STAMP[:1], "9.9.9", sys.version_info[:2]))
    assert lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml") == {"a": 1}
    assert parse.calls == 2


def test_parsers_do_not_share_entries(cache: Path) -> None:
    lexcache.parsed("a: 1\n", "x.yaml", Parser(), "yaml")
    assert lexcache.parsed("a: 1\n", "x.yaml", lambda text: {"other": text}, "other") == {
        "other": "a: 1\n"
    }


@pytest.mark.parametrize(
    "garbage", [b"", b"\x00\x01garbage", b"\xe9" * 40, None], ids=["empty", "bytes", "high", "cut"]
)
def test_a_corrupt_entry_is_parsed_again_and_rewritten(cache: Path, garbage: bytes | None) -> None:
    text = "a: [1, 2]\nb: x\n"
    lexcache.parsed(text, "x.yaml", Parser(), "yaml")
    (entry,) = entries(cache)
    blob = entry.read_bytes()
    entry.write_bytes(blob[: len(blob) // 2] if garbage is None else garbage)
    parse = Parser()
    assert lexcache.parsed(text, "x.yaml", parse, "yaml") == {"a": [1, 2], "b": "x"}
    assert parse.calls == 1
    assert entry.read_bytes() == blob
    assert lexcache.parsed(text, "x.yaml", parse, "yaml") == {"a": [1, 2], "b": "x"}
    assert parse.calls == 1


def test_a_changed_byte_in_an_entry_is_noticed(cache: Path) -> None:
    text = "a: abcdef\n"
    lexcache.parsed(text, "x.yaml", Parser(), "yaml")
    (entry,) = entries(cache)
    blob = entry.read_bytes()
    entry.write_bytes(blob.replace(b"abcdef", b"abcdeg"))  # still valid marshal data
    assert lexcache.parsed(text, "x.yaml", Parser(), "yaml") == {"a": "abcdef"}


def test_an_unwritable_cache_still_gives_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(lexcache.ENV, str(blocker / "cache"))  # mkdir fails: NotADirectoryError
    parse = Parser()
    for _ in range(2):
        assert lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml") == {"a": 1}
    assert parse.calls == 2
    assert blocker.read_text(encoding="utf-8") == "not a directory"


@pytest.mark.parametrize("value", ["", "0", "off", "OFF"])
def test_the_cache_can_be_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(lexcache.ENV, value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexcache.cache_dir() is None
    parse = Parser()
    lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml")
    lexcache.parsed("a: 1\n", "x.yaml", parse, "yaml")
    assert parse.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_default_place_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lexcache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexcache.cache_dir() == tmp_path / "factcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # ignored, as the XDG rules say
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert lexcache.cache_dir() == tmp_path / "home" / ".cache" / "factcheck"


def test_no_home_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lexcache.ENV)
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(lexcache.os.path, "expanduser", lambda path: path)  # "~" stays "~"
    assert lexcache.cache_dir() is None


def test_data_marshal_cannot_keep_is_not_cached(cache: Path) -> None:
    parse = Parser()
    text = "day: 2025-01-17\n"
    for _ in range(2):
        assert lexcache.parsed(text, "x.yaml", parse, "yaml") == {"day": dt.date(2025, 1, 17)}
    assert parse.calls == 2
    assert entries(cache) == []


def test_a_parse_error_propagates_and_nothing_is_cached(cache: Path) -> None:
    def broken(text: str) -> Any:
        raise ValueError("bad")

    with pytest.raises(ValueError, match="bad"):
        lexcache.parsed("a: [\n", "x.yaml", broken, "yaml")
    assert entries(cache) == []


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_every_builtin_lexicon_reads_back_as_parsed(cache: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cold = lexcache.parsed(text, path.name, lexdata.parse_yaml, "yaml-safe")
    def unused(text: str) -> Any:
        pytest.fail("not read from the cache")

    warm = lexcache.parsed(text, path.name, unused, "yaml-safe")
    assert cold == warm == expected
    assert repr(warm) == repr(expected)  # same types, same key order


def test_a_users_lexicon_file_that_changes_is_read_again(cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("aliases:\n  acme: [Acme]\n", encoding="utf-8")
    assert lexfiles.user_file(extra) == {"aliases": {"acme": ["Acme"]}}
    extra.write_text("aliases:\n  acme: [Acme Corp]\n", encoding="utf-8")
    assert lexfiles.user_file(extra) == {"aliases": {"acme": ["Acme Corp"]}}
    extra.write_text("aliases: [\n", encoding="utf-8")
    with pytest.raises(Exception, match="not valid YAML"):
        lexfiles.user_file(extra)


def _compare(cache_value: str) -> str:
    env = {**os.environ, lexcache.ENV: cache_value, "NO_COLOR": "1", "COLUMNS": "100"}
    story = ROOT / "examples" / "lingxi-earthquake"
    files = sorted(str(p) for p in story.iterdir() if p.suffix in (".md", ".txt"))
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "compare", "--fail-on", "never", "-f", "json", *files],
        capture_output=True, text=True, check=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert proc.stderr == ""
    return proc.stdout


@pytest.mark.slow
def test_compare_is_the_same_without_cold_warm_and_corrupt_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    without = _compare("off")
    assert _compare(str(folder)) == without  # first run: parses and fills the cache
    assert entries(folder)
    assert entries(folder, "patterns-*.pickle")  # factcheck.rxcache's, in the same place
    assert _compare(str(folder)) == without  # from the cache
    for entry in entries(folder, "*"):
        entry.write_bytes(b"\x00corrupt")
    assert _compare(str(folder)) == without
    assert all(not e.read_bytes().startswith(b"\x00corrupt") for e in entries(folder, "*"))
    assert _compare(str(folder)) == without
