"""Inline ignore comments, stale suppressions and the fingerprint baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import DateValue, Finding, Side
from factcheck.suppress import (
    Baseline,
    apply_suppressions,
    find_suppressions,
    fingerprint,
)
from growthkit import assert_linear

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "suppress.yaml").read_text("utf-8"))
YEAR = DateValue(timex="2024", granularity="year")


def side(source: str, text: str, at: str, sentence: str | None = None) -> Side:
    start = text.index(at)
    return Side(
        claim=f"{source}#{start}",
        source=source,
        line=1,
        column=start + 1,
        value_text=at,
        value=YEAR,
        sentence=sentence or text,
        sentence_start=0,
        start=start,
        end=start + len(at),
    )


def finding(code: str, *sides: Side, name: str = "date-mismatch") -> Finding:
    return Finding(
        kind="contradiction",
        code=code,
        name=name,
        subject="x",
        predicate="p",
        explanation="differ",
        confidence=0.9,
        sides=list(sides),
    )


NAMES = {"FC101": "date-mismatch", "FC102": "amount-mismatch"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_inline(case: dict[str, Any]) -> None:
    text = case["text"]
    sups = {"a.md": find_suppressions("a.md", text)}
    other = side("b.md", "It was 1999.", "1999")
    f = finding(case["code"], side("a.md", text, case["at"]), other, name=NAMES[case["code"]])
    kept, dropped = apply_suppressions([f], sups)
    assert (dropped == [f]) is case["suppressed"]
    assert (kept == [f]) is not case["suppressed"]
    assert any(s.used for s in sups["a.md"]) is case["suppressed"]


def test_stale_suppression_is_described() -> None:
    text = "one\n\ntwo <!-- factcheck: ignore FC101 -->\n"
    (sup,) = find_suppressions("a.md", text)
    apply_suppressions([], {"a.md": [sup]})
    assert not sup.used
    assert sup.describe() == "a.md:3:5: unused suppression (FC101)"


def test_suppression_scan_is_linear() -> None:
    def text(n: int) -> str:
        return "<!-- factcheck: ignore " + "FC1-" * (2 * n) + "\n\n" * n

    small, large = text(12_500), text(100_000)
    assert_linear(
        lambda: find_suppressions("a.md", small), lambda: find_suppressions("a.md", large), 8
    )


def test_fingerprint_ignores_positions_but_not_content() -> None:
    a = finding("FC101", side("a.md", "Filed in 2024.", "2024"), side("b.md", "in 2025", "2025"))
    moved = finding(
        "FC101",
        side("b.md", "\n\nin 2025", "2025", sentence="in 2025"),
        side("a.md", "xx Filed in 2024.", "2024", sentence="Filed  in 2024."),
    )
    changed = finding(
        "FC101", side("a.md", "Filed in 2023.", "2023"), side("b.md", "in 2025", "2025")
    )
    assert fingerprint(a) == fingerprint(moved)
    assert fingerprint(a) != fingerprint(changed)


def test_baseline_roundtrip_split_and_stale(tmp_path: Path) -> None:
    old = finding("FC101", side("a.md", "Filed in 2024.", "2024"), side("b.md", "in 2025", "2025"))
    gone = finding("FC101", side("a.md", "In 2020.", "2020"), side("c.md", "2021", "2021"))
    far = finding("FC101", side("x.md", "In 2020.", "2020"), side("y.md", "2021", "2021"))
    new = finding("FC101", side("a.md", "In 2010.", "2010"), side("b.md", "2011", "2011"))
    base = Baseline()
    for f in (old, gone, far):
        base.add(f)
    path = tmp_path / "sub" / "baseline.json"
    base.write(path)
    loaded = Baseline.load(path)
    fresh, accepted, seen = loaded.split([old, new])
    assert fresh == [new]
    assert accepted == [old]
    # `far` involves no checked file, so it is not stale when only a.md is checked.
    assert loaded.stale(seen, {"a.md"}) == [fingerprint(gone)]
    assert path.read_text("utf-8") == path.read_text("utf-8").rstrip("\n") + "\n"


def test_bad_baseline_is_a_config_error(tmp_path: Path) -> None:
    from factcheck.errors import ConfigError

    path = tmp_path / "b.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="unreadable baseline"):
        Baseline.load(path)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<!-> factcheck:ignoreFC10,\n\r\t 中")), max_size=300))
def test_any_text_gives_sane_suppressions(text: str) -> None:
    for sup in find_suppressions("a.md", text):
        assert 0 <= sup.start <= sup.end <= len(text)
        assert sup.line >= 1
        assert sup.column >= 1
