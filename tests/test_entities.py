"""The entity registry: alias matching in both Chinese scripts and English, unknown names,
fuzzy resolution, affiliation kept apart from identity, users' alias files, and linear time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.entities import entity_id, load_entities
from factcheck.errors import ConfigError
from factcheck.normalize.script import fold
from growthkit import assert_linear

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "entities.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES["find"], ids=lambda c: c["text"][:24])
def test_find_case(case: dict[str, Any]) -> None:
    text = case["text"]
    found = load_entities().find(text, fold(text))
    assert [m.id for m in found] == case["ids"]
    if "surfaces" in case:
        assert [m.text for m in found] == case["surfaces"]
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("case", CASES["resolve"], ids=lambda c: c["name"])
def test_resolve_case(case: dict[str, Any]) -> None:
    assert load_entities().resolve(case["name"]) == case["id"]


def test_registry_is_large_and_typed() -> None:
    registry = load_entities()
    assert len(registry) >= 250
    assert {e.type for e in registry.entities.values()} == {
        "person", "org", "company", "agency", "place", "product"
    }
    assert registry.type_of("xai") == "company"
    assert registry.get("elon_musk") is not None


def test_unknown_ids_are_stable_snake_case() -> None:
    assert entity_id("Merge Labs") == "merge_labs"
    assert entity_id("Ｍerge　Labs") == "merge_labs"
    assert entity_id("美國聯邦法院") == entity_id("美国联邦法院") == "meiguolianbang_court"
    assert entity_id("恒达电子") == entity_id("Hengda Electronics") == "hengda_electronics"


def test_positions_are_offsets_in_the_whole_text() -> None:
    text = "第一句。馬斯克起訴OpenAI。"
    [musk, openai] = load_entities().find(text, fold(text), 4, len(text))
    assert (musk.start, musk.end, openai.text) == (4, 7, "OpenAI")


def test_user_aliases_extend_the_registry(tmp_path: Path) -> None:
    extra = tmp_path / "aliases.yaml"
    extra.write_text(
        "entities:\n"
        "  lingxi_county: {type: place, names: [Lingxi County, 灵溪县]}\n"
        "  elon_musk: {type: person, names: [钢铁侠]}\n",
        encoding="utf-8",
    )
    registry = load_entities([extra])
    text = "靈溪縣的鋼鐵俠"
    assert [m.id for m in registry.find(text, fold(text))] == ["lingxi_county", "elon_musk"]
    assert registry.resolve("马斯克") == "elon_musk"  # built-in names are kept


def test_bad_alias_file_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  someone: {type: alien, names: [X]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="type"):
        load_entities([bad])


@pytest.mark.parametrize(
    "unit",
    ["1,000,000,", "億", "一千二百三十四萬", "Aa ", "·馬", "公司", "ＡＢＣ"],
)
def test_time_is_linear_in_the_text(unit: str) -> None:
    registry = load_entities()

    def finder(n: int) -> Callable[[], object]:
        text = unit * n
        folded = fold(text)
        return lambda: registry.find(text, folded)

    assert_linear(finder(5_000), finder(40_000), scale=8, slack=3)
