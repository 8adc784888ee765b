"""What factcheck promises whatever the input (issue 5): byte-identical JSON for the same
inputs in any order, inputs never written, --output atomic (never partial, never clobbering
a device or a symlink), Ctrl-C exits 130 without a traceback, paths from a config or a
ledger confined to the repository."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from factcheck import api
from factcheck.errors import UsageError
from factcheck.output import write
from factcheck.recordjson import to_json
from robustness_kit import (
    ROOT,
    STORIES,
    assert_interrupted_quietly,
    assert_one_line_error,
    run_cli,
    start_big_compare,
    story_files,
)

A = "Acme Robotics was founded in 1999 in Boston.\n\nAcme Robotics employs 400 people.\n"
B = "Acme Robotics was founded in 2003 in Boston.\n\nAcme Robotics employs 450 people.\n"


def _copy_story(folder: Path, story: str) -> list[str]:
    names = []
    for src in story_files(story):
        shutil.copy(src, folder / src.name)
        names.append(src.name)
    return names


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("story", STORIES)
def test_same_report_whatever_the_order_of_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, story: str
) -> None:
    names = _copy_story(tmp_path, story)
    monkeypatch.chdir(tmp_path)
    dumps = {
        order: to_json(api.compare(list(order)))
        for order in itertools.permutations(names)
    }
    assert len(set(dumps.values())) == 1, "the report depends on the order of the sources"


@pytest.mark.slow
def test_json_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    names = _copy_story(tmp_path, "chip-takeover")
    outputs = set()
    for seed, order in (("0", names), ("12345", names[::-1]), ("987", names[1:] + names[:1])):
        proc = run_cli(
            "compare", *order, "--format", "json", cwd=tmp_path, env={"PYTHONHASHSEED": seed}
        )
        assert proc.returncode in (0, 1), proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


@pytest.mark.slow
def test_inputs_are_never_written(tmp_path: Path) -> None:
    names = _copy_story(tmp_path, "metropay-ruling")
    (tmp_path / "claims").mkdir()
    shutil.copy(ROOT / "claims" / "metropay-ruling.yaml", tmp_path / "claims" / "ledger.yaml")
    before = _snapshot(tmp_path)
    out = tmp_path.parent / f"{tmp_path.name}-out"
    out.mkdir()
    runs = [
        ("compare", *names, "--format", "json", "--output", str(out / "r.json")),
        ("compare", *names, "--color", "always"),
        ("extract", *names, "--format", "json"),
        ("check", *names, "--format", "sarif"),
    ]
    for args in runs:
        proc = run_cli(*args, cwd=tmp_path)
        assert b"Traceback" not in proc.stderr
        assert proc.returncode in (0, 1), (args, proc.stderr)
    after = {k: v for k, v in _snapshot(tmp_path).items() if not k.startswith(".factcheck")}
    assert after == before


@pytest.mark.slow
def test_output_file_is_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, "utf-8")
    (tmp_path / "b.txt").write_text(B, "utf-8")
    shown = run_cli("compare", "a.txt", "b.txt", "--format", "json", cwd=tmp_path)
    written = run_cli("compare", "a.txt", "b.txt", "--format", "json", "-o", "r.json", cwd=tmp_path)
    assert written.returncode == shown.returncode == 1
    assert written.stdout == b""
    assert (tmp_path / "r.json").read_bytes() == shown.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "r.json"]


@pytest.mark.slow
def test_failing_run_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, "utf-8")
    (tmp_path / "r.json").write_text("previous report\n", "utf-8")
    proc = run_cli("compare", "a.txt", "missing.txt", "-o", "r.json", cwd=tmp_path)
    assert_one_line_error(proc, "missing.txt")
    assert (tmp_path / "r.json").read_text("utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.json"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt])
def test_failed_write_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "r.json"
    target.write_text("previous\n", "utf-8")

    def fail(_fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises((UsageError, KeyboardInterrupt)):
        write("new report\n" * 1000, target)
    assert target.read_text("utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_disk_full_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck import cli

    (tmp_path / "a.txt").write_text(A, "utf-8")
    (tmp_path / "b.txt").write_text(B, "utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr("sys.argv", ["factcheck", "compare", "a.txt", "b.txt", "-o", "r.json"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    err = capsys.readouterr().err
    assert exited.value.code == 2, err
    assert len(err.strip().splitlines()) == 1
    assert "r.json" in err
    assert "No space left" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "r.json"
    real.parent.mkdir()
    real.write_text("old\n", "utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write("new\n", link)
    assert link.is_symlink()
    assert real.read_text("utf-8") == "new\n"


def test_output_to_a_fifo_writes_into_it(tmp_path: Path) -> None:
    # A device or pipe (-o /dev/stdout, -o /dev/null as root) must be written into, never
    # replaced by a regular file.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        write("through the pipe\n", fifo)
    finally:
        reader.join(10)
        # If write never opened the pipe, the reader still waits for a writer: open one
        # without blocking (a blocking open with no reader left would wait for ever).
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    assert got == [b"through the pipe\n"]
    assert fifo.is_fifo()


@pytest.mark.slow
def test_ctrl_c_exits_130_without_traceback_or_partial_output(tmp_path: Path) -> None:
    proc = start_big_compare(tmp_path, 3_000_000)
    time.sleep(4)  # well past start-up: into reading and extraction
    if proc.poll() is not None:
        pytest.fail("the big comparison finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    assert_interrupted_quietly(proc, tmp_path)


@pytest.mark.slow
def test_ledger_folder_linked_outside_the_repository_is_refused(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (outside / "facts.yaml").write_text("facts: []\n", "utf-8")
    (repo / "claims").symlink_to(outside, target_is_directory=True)
    (repo / "factcheck.toml").write_text('ledger = "claims"\n', "utf-8")
    (repo / "a.txt").write_text(A, "utf-8")
    proc = run_cli("check", "a.txt", cwd=repo)
    assert_one_line_error(proc, "factcheck.toml", "outside")


@pytest.mark.slow
def test_setting_variable_cannot_leave_the_repository(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("", "utf-8")
    (tmp_path / "a.txt").write_text(A, "utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path, env={"FACTCHECK_BASELINE": "/etc/passwd"})
    assert_one_line_error(proc, "environment", "baseline", "outside", "hint:")


@pytest.mark.slow
def test_a_path_given_on_the_command_line_may_leave_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "factcheck.toml").write_text("", "utf-8")
    (repo / "a.txt").write_text(A, "utf-8")
    baseline = tmp_path / "baseline.json"
    proc = run_cli("check", "a.txt", "--baseline", str(baseline), "--write-baseline", cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.slow
def test_ledger_file_linked_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "claims").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("facts:\n  - subject: acme\n    predicate: org.founded\n    value: '1776'\n")
    (repo / "claims" / "linked.yaml").symlink_to(secret)
    (repo / "factcheck.toml").write_text("", "utf-8")
    (repo / "a.txt").write_text(A, "utf-8")
    proc = run_cli("check", "a.txt", "--format", "json", cwd=repo)
    assert b"Traceback" not in proc.stderr
    assert b"1776" not in proc.stdout + proc.stderr
