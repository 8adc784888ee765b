"""Helpers shared by the robustness tests (tests/test_robustness_*.py): running the real
CLI in a subprocess, re-encoding the example articles, and a path-free view of a report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
STORIES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())


def run_cli(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m factcheck ARGS` as a user runs it; stdout and stderr kept as bytes so that
    a test can look for raw control characters."""
    full = {**os.environ, "COLUMNS": "100", **(env or {})}
    for name in [n for n in full if n.startswith("FACTCHECK_") or n == "NO_COLOR"]:
        if env is None or name not in env:
            del full[name]
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full,
        timeout=timeout,
        check=False,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[bytes], *words: str) -> str:
    """Exit 2, no traceback, exactly one line on stderr holding every word; returns it."""
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == 2, (proc.returncode, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def story_files(story: str) -> list[Path]:
    return sorted(p for p in (EXAMPLES / story).iterdir() if p.suffix in (".txt", ".md"))


def reencode(text: str, encoding: str) -> bytes:
    """The bytes of `text` saved by an editor in `encoding` (names as in ENCODINGS)."""
    if encoding == "utf-8-bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode()
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


def findings_view(report: dict[str, Any], names: dict[str, str]) -> list[Any]:
    """Findings with paths replaced by `names` (path -> role) and character offsets left out
    (CRLF line ends shift them; line and column must not move)."""
    out = []
    for f in report["findings"]:
        sides = [
            (names[s["source"]], s["line"], s["column"], s["value_text"], s["value"])
            for s in f["sides"]
        ]
        out.append(
            (
                f["kind"],
                f["code"],
                f["subject"],
                f["predicate"],
                f["explanation"],
                round(f["confidence"], 6),
                sorted(sides, key=repr),
            )
        )
    return sorted(out, key=repr)


def varied_copy(text: str, i: int) -> str:
    """Copy `i` of an article with every digit shifted by `i`, so that repeated copies state
    different figures (and sometimes impossible dates) instead of the same ones."""
    if i == 0:
        return text
    return "".join(chr(48 + (ord(c) - 48 + i) % 10) if "0" <= c <= "9" else c for c in text)


def big_article(paths: list[Path], size: int) -> str:
    """At least `size` characters: the bodies of `paths` repeated with varied figures,
    as paragraphs (front matter dropped)."""
    bodies = []
    for path in paths:
        text = path.read_text("utf-8")
        if text.startswith("---"):
            text = text.split("\n---\n", 1)[-1]
        bodies.append(text.strip())
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        body = varied_copy(bodies[i % len(bodies)], i // len(bodies))
        parts.append(body)
        total += len(body) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


def start_big_compare(folder: Path, size: int, **popen: Any) -> subprocess.Popen[bytes]:
    """`compare a.txt b.txt -o r.json` on two big articles of `size` characters written to
    `folder`, started with SIGINT at its default: a shell without job control starts
    background jobs with SIGINT ignored, and Python keeps an inherited SIG_IGN, while the
    tests that use this are about our own handler."""
    files = story_files("lingxi-earthquake")
    (folder / "a.txt").write_text(big_article(files, size), "utf-8")
    (folder / "b.txt").write_text(big_article(files[::-1], size), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "compare", "a.txt", "b.txt", "-o", "r.json"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        **popen,
    )


def assert_interrupted_quietly(proc: subprocess.Popen[bytes], folder: Path) -> None:
    """Exit 130, one line on stderr and no traceback, and no report file left behind."""
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert err.decode().strip().splitlines() == ["factcheck: interrupted"], err
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]
