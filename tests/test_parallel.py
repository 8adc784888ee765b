"""Large documents analysed in forked children (factcheck.parallel) give the same report,
byte for byte, as the in-process loop; errors come back as raised in-process; a child that
dies is made up for in-process; Ctrl-C ends parent and children without a traceback."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import align, parallel
from factcheck.api import compare
from factcheck.config import Config, default_config
from factcheck.errors import SourceError
from factcheck.models import Claim, Document
from factcheck.report import render
from robustness_kit import assert_interrupted_quietly, start_big_compare

ROOT = Path(__file__).resolve().parents[1]
STORIES = sorted(p for p in (ROOT / "examples").glob("*") if p.is_dir())

needs_fork = pytest.mark.skipif(
    "fork" not in parallel._start_methods(), reason="no fork on this platform"
)


def _doc(path: str, chars: int) -> Document:
    return Document(path=path, text="x" * chars)


def _count_spawns(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The jobs handed to forked children, as they are spawned."""
    spawned: list[object] = []
    real = parallel._spawn

    def counting(job: Callable[[], object]) -> object:
        spawned.append(job)
        return real(job)

    monkeypatch.setattr(parallel, "_spawn", counting)
    return spawned


def test_small_inputs_stay_in_one_group() -> None:
    docs = [_doc("a", 1000), _doc("b", 1000)]
    assert parallel.plan(docs, workers=2) == [[0, 1]]
    assert parallel.plan(docs, workers=1, min_chars=0) == [[0, 1]]
    assert parallel.plan(docs[:1], workers=4, min_chars=0) == [[0]]


def test_groups_carry_about_the_same_text() -> None:
    docs = [_doc("a", 10), _doc("b", 500), _doc("c", 300), _doc("d", 250)]
    # 500+10 against 300+250
    assert parallel.plan(docs, workers=2, min_chars=0) == [[0, 1], [2, 3]]
    assert parallel.plan(docs, workers=8, min_chars=0) == [[1], [2], [3], [0]]


def _forked_report(
    story: Path, monkeypatch: pytest.MonkeyPatch, threshold: tuple[object, str]
) -> tuple[list[str], list[object]]:
    """The story's files and the processes forked once `threshold` (a module and the name of
    its size threshold) is set to 0, having checked that the report is the in-process one."""
    monkeypatch.chdir(story)
    files = sorted(p.name for p in story.iterdir() if p.suffix in (".txt", ".md"))
    in_process = render(compare(files), "json")
    monkeypatch.setattr(*threshold, 0)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    spawned = _count_spawns(monkeypatch)
    assert render(compare(files), "json") == in_process
    return files, spawned


@needs_fork
@pytest.mark.parametrize("story", STORIES, ids=[p.name for p in STORIES])
def test_forked_analysis_gives_the_same_report(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _files, spawned = _forked_report(story, monkeypatch, (parallel, "MIN_CHARS"))
    assert spawned, "the comparison did not fork"


@needs_fork
@pytest.mark.parametrize("story", STORIES, ids=[p.name for p in STORIES])
def test_forked_alignment_gives_the_same_report(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, spawned = _forked_report(story, monkeypatch, (align, "SPLIT_MIN"))
    # One child for the sources' items, and per pair of sources one for each of the three
    # passes that have two blocks or more; the analysis itself stays in-process (small files).
    assert len(spawned) > len(files) * (len(files) - 1) // 2


def _analyse_in_child_only(action: Callable[[], list[Claim]]) -> parallel.Analyse:
    parent = os.getpid()

    def analyse(document: Document, config: Config) -> list[Claim]:
        if os.getpid() != parent:
            return action()
        return []

    return analyse


@needs_fork
def test_an_error_in_a_child_is_raised_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> list[Claim]:
        raise SourceError("cannot be decoded", path="b.txt", hint="save it as UTF-8")

    spawned = _count_spawns(monkeypatch)
    docs = [_doc("a.txt", 10), _doc("b.txt", 10)]
    with pytest.raises(SourceError) as caught:
        parallel.analyse_all(
            docs, default_config(), _analyse_in_child_only(fail), workers=2, min_chars=0
        )
    assert len(spawned) == 1
    assert str(caught.value) == "b.txt: cannot be decoded (hint: save it as UTF-8)"
    assert caught.value.exit_code == 2


@needs_fork
def test_a_child_that_dies_is_made_up_for_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def die() -> list[Claim]:
        os._exit(9)

    spawned = _count_spawns(monkeypatch)
    docs = [_doc("a.txt", 10), _doc("b.txt", 10)]
    got = parallel.analyse_all(
        docs, default_config(), _analyse_in_child_only(die), workers=2, min_chars=0
    )
    assert spawned
    assert got == [[], []]


@needs_fork
def test_a_child_ignores_ctrl_c_and_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C reaches every process of the group; the parent answers it (and ends the
    children), so a child must neither die of it with a traceback nor stop working."""
    parent = os.getpid()
    in_parent: list[str] = []

    def analyse(document: Document, config: Config) -> list[Claim]:
        if os.getpid() == parent:
            in_parent.append(document.path)
        else:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)  # time for a handler to run
        return []

    _count_spawns(monkeypatch)
    docs = [_doc("a.txt", 10), _doc("b.txt", 10)]
    got = parallel.analyse_all(docs, default_config(), analyse, workers=2, min_chars=0)
    assert got == [[], []]
    assert len(in_parent) == 1, "the child's document was redone in the parent"
    assert "Traceback" not in capfd.readouterr().err


def _gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@needs_fork
@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "parent-only"])
def test_ctrl_c_ends_parent_and_children_quietly(tmp_path: Path, whole_group: bool) -> None:
    # Its own process group, as a terminal's foreground job.
    proc = start_big_compare(tmp_path, 2_000_000, start_new_session=True)
    pgid = proc.pid
    time.sleep(6)  # well past start-up and reading: into the forked analysis
    if proc.poll() is not None:
        pytest.fail("the big comparison finished before it could be interrupted")
    if whole_group:
        os.killpg(pgid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        proc.send_signal(signal.SIGINT)
    assert_interrupted_quietly(proc, tmp_path)
    assert _gone(pgid, 10), "a child outlived the interrupted comparison"
