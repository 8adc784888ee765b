"""The cache of compiled patterns: the same matches with or without it; a missing, corrupt,
foreign or unwritable cache only costs compiling again."""

from __future__ import annotations

import atexit
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import lexcache, rxcache

PATTERN = r"(?<![a-z])(?P<mon>january|february|march)(?:\s{1,3}(?P<d>\d{1,2}+))?"
TEXT = "on january 17 and in march, not marching"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache dir of its own, and rxcache's state as in a fresh process (restored after)."""
    monkeypatch.setenv(lexcache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(rxcache, "_table", None)
    monkeypatch.setattr(rxcache, "_stored", set())
    monkeypatch.setattr(rxcache, "_used", set())
    monkeypatch.setattr(atexit, "register", lambda *args: None)
    return tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a process exit and a fresh start do to the module: save, then forget."""
    path = rxcache._file()
    if path is not None:
        rxcache._save(path)
    monkeypatch.setattr(rxcache, "_table", None)
    monkeypatch.setattr(rxcache, "_stored", set())
    monkeypatch.setattr(rxcache, "_used", set())


def matches(pattern: regex.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)]


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        pytest.fail("compiled although the cache holds the pattern")

    monkeypatch.setattr(regex, "compile", refuse)


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*.pickle")) if folder.is_dir() else []


def test_the_next_process_reads_the_compiled_pattern(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = regex.compile(PATTERN)
    expected = matches(compiled)
    assert matches(rxcache.compile(PATTERN)) == expected
    new_process(monkeypatch)
    assert len(files(cache)) == 1
    no_compiling(monkeypatch)
    again = rxcache.compile(PATTERN)
    assert matches(again) == expected
    assert again.groupindex == compiled.groupindex


def test_flags_are_part_of_the_key(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rxcache.compile("^a", regex.MULTILINE)
    new_process(monkeypatch)
    plain = rxcache.compile("^a")
    assert plain.findall("a\na") == ["a"]
    assert rxcache.compile("^a", regex.MULTILINE).findall("a\na") == ["a", "a"]


def test_nothing_is_written_when_nothing_new_was_compiled(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    (path,) = files(cache)
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    assert path.stat().st_mtime_ns == stamp - 10**9


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_file_is_compiled_around_and_replaced(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    (path,) = files(cache)
    blob = path.read_bytes()
    path.write_bytes({
        "truncate": blob[: len(blob) // 2],
        "flip": blob[:-5] + bytes([blob[-5] ^ 0xFF]) + blob[-4:],
        "garbage": b"\x80\x04garbage" * 10,
        "empty": b"",
    }[damage])  # fmt: skip
    assert matches(rxcache.compile(PATTERN)) == matches(regex.compile(PATTERN))
    new_process(monkeypatch)
    assert files(cache)[0].read_bytes() == blob


def test_a_foreign_pickle_is_not_run(
    cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file that would call anything but regex's compile is refused, even with a digest
    that matches (someone wrote it on purpose)."""
    import hashlib

    marker = tmp_path / "ran"
    payload = pickle.dumps({(PATTERN, 0): Boom(str(marker))})
    path = rxcache._file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    assert matches(rxcache.compile(PATTERN)) == matches(regex.compile(PATTERN))
    assert not marker.exists()


class Boom:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (self.marker,))


def test_an_unwritable_cache_dir_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(lexcache.ENV, str(blocker / "cache"))
    assert matches(rxcache.compile(PATTERN)) == matches(regex.compile(PATTERN))
    new_process(monkeypatch)  # the save fails quietly
    assert matches(rxcache.compile(PATTERN)) == matches(regex.compile(PATTERN))


def test_turned_off_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    monkeypatch.setenv(lexcache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    assert not (tmp_path / "xdg").exists()
    assert not cache.exists()


def test_another_regex_version_uses_another_file_and_the_old_one_goes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    (old,) = files(cache)
    monkeypatch.setattr(regex, "__version__", "0.0.0-other")
    rxcache.compile(PATTERN)
    new_process(monkeypatch)
    (new,) = files(cache)
    assert new != old


@pytest.mark.slow
def test_a_real_process_exit_writes_the_file(tmp_path: Path) -> None:
    code = (
        "from factcheck import rxcache; import sys; "
        f"p = rxcache.compile({PATTERN!r}); "
        "print(len(rxcache._stored))"
    )
    env = {**os.environ, lexcache.ENV: str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert (first.stdout, first.stderr) == ("0\n", "")
    assert second.stdout.strip() != "0"  # read from the file the first one left
    assert second.stderr == ""


def test_a_full_file_keeps_only_what_the_last_run_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rxcache, "_MAX_ENTRIES", 3)
    for word in ("a", "b", "c"):
        rxcache.compile(word)
    new_process(monkeypatch)
    rxcache.compile("c")
    rxcache.compile("d")  # four in the table: over the limit
    new_process(monkeypatch)
    rxcache.compile("c")
    assert rxcache._stored == {("c", 0), ("d", 0)}


@settings(max_examples=500, deadline=None)
@given(st.text() | st.text(alphabet="()[]{}?*+|^$\\.-#&~ \t\n\x00\u3000ab億"))
def test_escape_is_regex_escape(text: str) -> None:
    assert rxcache.escape(text) == regex.escape(text)
