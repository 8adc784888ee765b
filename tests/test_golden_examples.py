"""Golden JSON reports for the example stories (examples/<story>/), run from inside each
story folder so that paths are relative, as `factcheck compare --format json` prints them.

The goldens pin the whole pipeline. After an intended change anywhere in it, look at the
diff and regenerate them with:

    FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_examples.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.api import compare
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
STORIES = sorted(p for p in (ROOT / "examples").glob("*") if p.is_dir())


def _report(story: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(story)
    files = sorted(p.name for p in story.iterdir() if p.suffix in (".txt", ".md"))
    return render(compare(files), "json")


@pytest.mark.parametrize("story", STORIES, ids=[p.name for p in STORIES])
def test_golden(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    golden = GOLDEN / f"{story.name}.json"
    got = _report(story, monkeypatch)
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(got, "utf-8")
    if not golden.exists():
        pytest.fail(f"no golden for {story.name}; run with FACTCHECK_UPDATE_GOLDEN=1")
    assert got == golden.read_text("utf-8"), f"{story.name}: report differs from its golden"


@pytest.mark.parametrize("story", STORIES, ids=[p.name for p in STORIES])
def test_reversed_order_gives_the_same_report(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(story)
    files = sorted(p.name for p in story.iterdir() if p.suffix in (".txt", ".md"))
    assert render(compare(files), "json") == render(compare(list(reversed(files))), "json")
