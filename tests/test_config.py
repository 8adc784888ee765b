"""Config layering: defaults < file < FACTCHECK_* variables < flags; bad keys and paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.config import describe, load_settings
from factcheck.errors import ConfigError

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
