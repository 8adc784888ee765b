"""`factcheck values`: a real subprocess, JSON Lines in and out, errors as one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROWS = [
    {"id": "a", "text": "出價974億美元，2025年1月17日起訴", "reference_date": "2025-03-01"},
    {"id": 2, "text": "up to $13 billion and 60%", "reference_date": None, "lang": "en"},
    {"id": "empty", "text": "", "reference_date": None},
]


def _run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "values", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _lines(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_values_from_a_file(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(_lines(ROWS), encoding="utf-8")
    done = _run([str(source)])
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "empty"]
    first = {m["text"]: m for m in out[0]["mentions"]}
    assert first["974億美元"]["kind"] == "money"
    assert first["974億美元"]["value"]["amount"] == 97_400_000_000
    assert first["974億美元"]["value"]["currency"] == "USD"
    text = ROWS[0]["text"]
    assert isinstance(text, str)
    for m in out[0]["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    kinds = {m["text"]: m["kind"] for m in out[1]["mentions"]}
    assert kinds == {"up to $13 billion": "money", "60%": "percent"}
    assert out[2]["mentions"] == []


def test_values_from_stdin() -> None:
    done = _run([], stdin=_lines(ROWS[:1]))
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["id"] == "a"


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text(_lines(ROWS[:1]) + "{not json\n", encoding="utf-8")
    done = _run([str(source)])
    assert done.returncode == 2
    assert f"{source}:2:" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1  # the good line before it was answered


def test_bad_reference_date(tmp_path: Path) -> None:
    done = _run([], stdin='{"id": 1, "text": "x", "reference_date": "soon"}\n')
    assert done.returncode == 2
    assert "<stdin>:1:" in done.stderr
    assert "reference_date" in done.stderr


def test_missing_file(tmp_path: Path) -> None:
    done = _run([str(tmp_path / "nope.jsonl")])
    assert done.returncode == 2
    assert "nope.jsonl" in done.stderr
