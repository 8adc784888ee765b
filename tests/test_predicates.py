"""The predicate lexicon: trigger matching on case tables (tests/cases/predicates.yaml), the
shape of the built-in data, refinement cues and users' extension files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import ConfigError
from factcheck.normalize.script import fold
from factcheck.predicates import load_predicates

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "predicates.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['kind']}|{c['text'][:24]}")
def test_trigger_case(case: dict[str, Any]) -> None:
    lexicon = load_predicates()
    found = [lexicon.choose(t, case["kind"]) for t in lexicon.triggers(fold(case["text"]))]
    assert [p for p in found if p] == case["expect"]


def test_trigger_positions_index_the_original_text() -> None:
    text = "2025年1月17日，馬斯克提交訴狀"
    lexicon = load_predicates()
    [trigger] = lexicon.triggers(fold(text)[12:], offset=12)
    assert text[trigger.start : trigger.end] == "提交訴狀"


def test_builtin_data_is_broad_and_well_formed() -> None:
    lexicon = load_predicates()
    assert len(lexicon) >= 50
    for name in ("lawsuit.filed", "damages.sought", "acquisition.bid", "org.founded",
                 "person.left_role", "deaths", "population", "inflation", "market_share"):
        assert name in lexicon.predicates
    for predicate in lexicon.predicates.values():
        assert predicate.kinds <= {"date", "money", "number", "percent"}
        assert predicate.note


def test_refine_turns_a_purchase_into_a_bid() -> None:
    lexicon = load_predicates()
    assert lexicon.refine("acquisition.price", fold("試圖以974億美元收購"), "money") == (
        "acquisition.bid"
    )
    assert lexicon.refine("acquisition.price", fold("以974億美元收購"), "money") == (
        "acquisition.price"
    )
    assert lexicon.refine("acquisition.price", fold("試圖收購"), "percent") == (
        "acquisition.price"  # a bid takes no percent, so the cue cannot apply
    )


def test_user_file_adds_predicates_and_triggers(tmp_path: Path) -> None:
    extra = tmp_path / "more.yaml"
    extra.write_text(
        "predicates:\n"
        "  species.discovered:\n"
        "    kinds: [date, number]\n"
        "    note: new species described\n"
        "    zh: [新物种]\n"
        "    en: [new species]\n"
        "  lawsuit.filed:\n"
        "    zh: [打官司]\n",
        encoding="utf-8",
    )
    lexicon = load_predicates([extra])
    found = [lexicon.choose(t, "number") for t in lexicon.triggers(fold("发现了12个新物種"))]
    assert found == ["species.discovered"]
    assert [t.predicates for t in lexicon.triggers(fold("他上月打官司"))] == [("lawsuit.filed",)]
    assert "打官司" not in {t.text for t in load_predicates().triggers("他去年打官司")}


def test_bad_user_files_are_config_errors(tmp_path: Path) -> None:
    bad_kind = tmp_path / "bad.yaml"
    bad_kind.write_text("predicates:\n  x.y:\n    kinds: [colour]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kinds"):
        load_predicates([bad_kind])
    broken = tmp_path / "broken.yaml"
    broken.write_text("predicates: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_predicates([broken])
    assert err.value.path == str(broken)
    with pytest.raises(ConfigError, match="cannot read"):
        load_predicates([tmp_path / "missing.yaml"])


def test_damages_in_a_ruling_are_awarded_not_sought() -> None:
    lexicon = load_predicates()
    assert lexicon.refine("damages.sought", fold("法院判令被告賠償"), "money") == "damages.awarded"
    assert lexicon.refine("damages.sought", fold("原告要求賠償"), "money") == "damages.sought"


def test_user_file_not_in_utf8_is_a_config_error(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("predicates:\n  org.founded:\n    zh: [成立]\n".encode("gbk"))
    with pytest.raises(ConfigError, match="UTF-8") as err:
        load_predicates([gbk])
    assert err.value.path == str(gbk)
