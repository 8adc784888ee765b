"""Config layering: defaults < file < FACTCHECK_* variables < flags; bad keys and paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.config import Config, describe, load_settings, pydantic_config, validated
from factcheck.errors import ConfigError
from factcheck.recordjson import to_data

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "config.yaml").read_text("utf-8"))


def _shown(value: Any, root: Path) -> Any:
    if isinstance(value, Path):
        return value.relative_to(root).as_posix() if value.is_absolute() else value.as_posix()
    if isinstance(value, list):
        return [_shown(item, root) for item in value]
    return value


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_config_case(case: dict[str, Any], tmp_path: Path) -> None:
    if "file" in case:
        (tmp_path / case["file"]["name"]).write_text(case["file"]["text"], encoding="utf-8")
    env = case.get("env", {})
    if "error" in case:
        with pytest.raises(ConfigError) as info:
            load_settings(case.get("flags"), start=tmp_path, env=env)
        assert case["error"] in str(info.value)
        if "line" in case:
            assert info.value.line == case["line"]
        return
    settings = load_settings(case.get("flags"), start=tmp_path, env=env)
    for key, expected in case["expect"].items():
        got = settings.ignored if key == "ignored" else getattr(settings.config, key)
        assert _shown(got, tmp_path.resolve()) == expected


def test_nearest_config_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("ledger = 'facts'\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    settings = load_settings(start=tmp_path / "sub", env={})
    assert settings.files == [tmp_path / "factcheck.toml"]
    assert settings.root == tmp_path.resolve()
    assert settings.config.ledger == tmp_path.resolve() / "facts"


def test_command_line_path_may_leave_the_repository(tmp_path: Path) -> None:
    outside = tmp_path.parent / "elsewhere-cache"
    settings = load_settings({"cache_dir": str(outside)}, start=tmp_path, env={})
    assert settings.config.cache_dir == outside.resolve()
    assert settings.origin["cache_dir"] == "command line"


def test_describe_names_origins(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("fail_on = 'review'\n", encoding="utf-8")
    env = {"FACTCHECK_SELECT": "FC1", "FACTCHECK_UPDATE_GOLDEN": "1"}
    text = describe(load_settings(start=tmp_path, env=env))
    assert "# ignored: FACTCHECK_UPDATE_GOLDEN is not a setting" in text
    assert f'fail_on = "review"  # {tmp_path / "factcheck.toml"}' in text
    assert 'select = ["FC1"]  # FACTCHECK_SELECT' in text
    assert "min_confidence = 0.5  # default" in text


# Settings as TOML, flags and variables give them, valid or not, for the check without
# pydantic's validator: whenever it accepts, it must give what pydantic gives.
_SETTING = st.one_of(
    st.tuples(st.just("fail_on"), st.sampled_from(["contradiction", "review", "never", "all", 1])),
    st.tuples(
        st.sampled_from(["select", "ignore", "include", "exclude"]),
        st.one_of(
            st.lists(st.sampled_from(["FC101", "fc2", " FC ", "FC1234", "x", "*.md", ""])),
            st.just("FC101"),
            st.lists(st.integers(), max_size=2),
        ),
    ),
    st.tuples(
        st.sampled_from(["lexicon", "aliases"]),
        st.one_of(st.lists(st.builds(Path, st.sampled_from(["a.yaml", "/x/b.yaml"]))),
                  st.lists(st.just("a.yaml"), max_size=2)),
    ),
    st.tuples(
        st.sampled_from(["ledger", "cache_dir", "baseline"]),
        st.one_of(st.builds(Path, st.sampled_from(["claims", "/x/y"])), st.just("claims"),
                  st.none()),
    ),
    st.tuples(
        st.just("min_confidence"),
        st.one_of(st.floats(allow_nan=True), st.integers(-1, 2), st.booleans(), st.just("0.5")),
    ),
    st.tuples(st.just("rates"), st.dictionaries(st.sampled_from(["EUR", "eur"]), st.floats(0, 2))),
)


@given(st.lists(_SETTING, max_size=5).map(dict))
@settings(max_examples=300, deadline=None)
def test_settings_checked_without_pydantic_match_pydantic(raw: dict[str, Any]) -> None:
    from factcheck.config import _plain_config

    quick = _plain_config(raw)
    try:
        slow = validated(raw)
    except ValidationError:
        assert quick is None  # what pydantic refuses, the quick check leaves to pydantic
        return
    if quick is not None:
        assert quick == slow


def test_default_config_is_pydantics_default() -> None:
    from factcheck.config import default_config

    built, reference = default_config(), validated({})
    assert built == reference == Config()
    assert to_data(built) == pydantic_config()().model_dump(mode="json")
    # fresh lists each time, as default factories give
    assert default_config().select is not default_config().select
