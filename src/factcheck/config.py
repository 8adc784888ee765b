"""Settings in effect for a run: a plain record (factcheck.frozen); unknown keys are refused.

Layering (defaults < [tool.factcheck] in pyproject.toml or factcheck.toml < FACTCHECK_*
variables < command-line flags) is done by `load_settings`; `load_config` returns just the
record. Paths from a file or a variable are resolved against the repository root and refused
when they reach outside it; paths given as flags are the user's own choice and kept.

Settings with plain values (strings, lists of strings, paths, numbers in range) are checked
here; anything else (rates, a number written as a string, ...) goes to a pydantic model of
Config built on demand (`validated`), for its conversions and error messages. A run that
sets only plain values never imports pydantic.
"""

from __future__ import annotations

import os
import subprocess
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import regex

from factcheck import rxcache
from factcheck.errors import ConfigError
from factcheck.frozen import field as record_field
from factcheck.frozen import field_names, frozen
from factcheck.recordjson import to_data

if TYPE_CHECKING:
    from pydantic import BaseModel

FailOn = Literal["contradiction", "review", "never"]

# A code or a code prefix, as ruff accepts them: FC101, FC1, FC.
_CODE = rxcache.compile(r"FC[0-9]{0,3}")

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
ENV_PREFIX = "FACTCHECK_"
# Variables read elsewhere that are not settings (FACTCHECK_LEXICON_CACHE: factcheck.lexcache).
_ENV_NOT_SETTINGS = frozenset({"FACTCHECK_CONFIG", "FACTCHECK_LEXICON_CACHE"})


def _default_include() -> list[str]:
    return ["*.md", "*.markdown", "*.txt"]


@frozen(kw_only=True)
class Config:
    fail_on: Annotated[FailOn, "lowest finding kind that makes the exit code 1"] = (
        "contradiction"
    )
    select: Annotated[list[str], "finding codes to report"] = record_field(default_factory=list)
    ignore: Annotated[list[str], "finding codes to leave out"] = record_field(
        default_factory=list
    )
    lexicon: Annotated[list[Path], "extra predicate trigger files (YAML)"] = record_field(
        default_factory=list
    )
    aliases: Annotated[list[Path], "extra entity alias files"] = record_field(
        default_factory=list
    )
    # 0 <= min_confidence <= 1 (checked by _plain_config and by the pydantic model)
    min_confidence: Annotated[float, "alignment score below which pairs are not shown"] = 0.5
    include: Annotated[
        list[str], "globs of the documents `check` reads (among files tracked by git)"
    ] = record_field(default_factory=_default_include)
    exclude: Annotated[list[str], "globs left out of `check`"] = record_field(
        default_factory=list
    )
    ledger: Annotated[Path, "directory of the ledger (YAML)"] = Path("claims")
    cache_dir: Annotated[Path, "where the claim index is kept"] = Path(".factcheck_cache")
    baseline: Annotated[Path | None, "file of accepted findings (fingerprints)"] = None
    rates: Annotated[
        dict[str, float],
        "currency conversion: US dollars per unit, e.g. {EUR = 1.08}; none by default",
    ] = record_field(default_factory=dict)


KEYS = frozenset(field_names(Config))


def _codes(cls: type, codes: list[str]) -> list[str]:
    return _checked_codes(codes)


def _rates(cls: type, rates: dict[str, float]) -> dict[str, float]:
    for code, rate in rates.items():
        if not regex.fullmatch(r"[A-Z]{3}", code) or rate <= 0:
            raise ValueError(f"rate {code} = {rate}: need an ISO 4217 code and a rate > 0")
    return rates


def pydantic_config() -> type[BaseModel]:
    """Config as a pydantic model (extra keys forbidden, min_confidence within [0, 1],
    codes and rates checked), for the settings _plain_config cannot take."""
    from factcheck import twins

    return twins.twin(
        Config,
        constraints=(("min_confidence", (("ge", 0), ("le", 1))),),
        validators=((("select", "ignore"), _codes), (("rates",), _rates)),
        frozen=False,
    )


def validated(raw: dict[str, Any]) -> Config:
    """The Config pydantic makes of `raw` (raises pydantic.ValidationError)."""
    from factcheck import twins

    config: Config = twins.to_plain(pydantic_config().model_validate(raw))
    return config


def _checked_codes(codes: list[str]) -> list[str]:
    out = [code.strip().upper() for code in codes]
    for code in out:
        if not _CODE.fullmatch(code):
            raise ValueError(f"{code!r} is not a finding code (like FC101) or prefix (FC1)")
    return out


PATH_KEYS = frozenset({"lexicon", "aliases", "ledger", "cache_dir", "baseline"})
LIST_KEYS = frozenset({"select", "ignore", "lexicon", "aliases", "include", "exclude"})


@dataclass
class Settings:
    """The config in effect, where it came from, and the repository it applies to."""

    config: Config
    root: Path
    files: list[Path] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # FACTCHECK_* names that are no setting

    def path(self, value: Path) -> Path:
        """An absolute path for a path setting (relative ones are against the root)."""
        return value if value.is_absolute() else self.root / value


def find_root(start: Path) -> Path | None:
    """The top of the git work tree holding `start`, if there is one."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    top = out.stdout.strip()
    return Path(top).resolve() if out.returncode == 0 and top else None


def find_config_file(start: Path, root: Path | None) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], from `start` up
    to the repository root (ruff's rule: the closest file wins, it is not merged)."""
    here = start.resolve()
    while True:
        for name in CONFIG_FILES:
            candidate = here / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if here == root or here.parent == here:
            return None
        here = here.parent


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def _key_line(text: str, key: str) -> int | None:
    """Line of `key = …` in a TOML text (tomllib keeps no positions)."""
    pattern = regex.compile(r"^[ \t]*+[\"']?+" + rxcache.escape(key) + r"[\"']?+[ \t]*+=", regex.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def read_config_file(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of a config file (keys in snake_case) and its raw text."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("config is not UTF-8", path=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck", {})
    else:
        table = data.get("tool", {}).get("factcheck", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError("[tool.factcheck] must be a table", path=str(path))
    return {str(key).replace("-", "_"): value for key, value in table.items()}, text


def _validate(raw: dict[str, Any], *, where: str, text: str | None = None) -> None:
    """Reject unknown keys and bad values, naming the key and where it was written."""
    if not raw or _plain_config(raw) is not None:
        return
    for key in raw:
        if key not in KEYS:
            line = _key_line(text, key) or _key_line(text, key.replace("_", "-")) if text else None
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"unknown key {key!r}", path=where, line=line, hint=f"known: {known}")
    from pydantic import ValidationError

    try:
        validated(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else "?"
        line = (_key_line(text, key) or _key_line(text, key.replace("_", "-"))) if text else None
        raise ConfigError(f"bad value for {key!r}: {err['msg']}", path=where, line=line) from exc


def _from_env(env: Mapping[str, str], ignored: list[str]) -> dict[str, Any]:
    """Settings from FACTCHECK_* variables. Other FACTCHECK_* names (a test switch, a typo)
    are not settings: they are left alone and listed by `factcheck config`."""
    raw: dict[str, Any] = {}
    for name, value in sorted(env.items()):
        if not name.startswith(ENV_PREFIX) or name in _ENV_NOT_SETTINGS:
            continue
        key = name[len(ENV_PREFIX) :].lower()
        if key not in KEYS:
            ignored.append(name)
            continue
        if key in LIST_KEYS:
            raw[key] = [part.strip() for part in value.split(",") if part.strip()]
        elif key == "rates":
            pairs = (part.split("=", 1) for part in value.split(",") if "=" in part)
            raw[key] = {code.strip().upper(): rate.strip() for code, rate in pairs}
        else:
            raw[key] = value
        _validate({key: raw[key]}, where=f"environment variable {name}")
    return raw


def _confine(raw: dict[str, Any], root: Path, where: str, text: str | None) -> dict[str, Any]:
    """Resolve path settings against `root`; refuse those that leave it."""
    out = dict(raw)
    for key in PATH_KEYS & raw.keys():
        values = raw[key] if isinstance(raw[key], list) else [raw[key]]
        resolved: list[Path | None] = []
        for value in values:
            if value is None:
                resolved.append(None)
                continue
            path = (root / str(value)).resolve()
            if not path.is_relative_to(root):
                raise ConfigError(
                    f"{key} = {value!r} points outside the repository {root}",
                    path=where,
                    line=_key_line(text, key) if text else None,
                    hint="give such a path on the command line instead",
                )
            resolved.append(path)
        out[key] = resolved if isinstance(raw[key], list) else resolved[0]
    return out


def load_settings(
    flags: Mapping[str, object] | None = None,
    *,
    start: Path | None = None,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults < config file < FACTCHECK_* variables < flags (None flags are unset)."""
    start = (start or Path.cwd()).resolve()
    env = os.environ if env is None else env
    git_root = find_root(start)
    if config_file is None and env.get("FACTCHECK_CONFIG"):
        config_file = Path(env["FACTCHECK_CONFIG"])
    path = config_file or find_config_file(start, git_root)
    # Outside git, the directory of the config file (or the start) is the repository.
    root = git_root or (path.resolve().parent if path is not None else start)
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    files: list[Path] = []
    if path is not None:
        raw, text = read_config_file(path)
        _validate(raw, where=str(path), text=text)
        merged.update(_confine(raw, root, str(path), text))
        origin.update(dict.fromkeys(raw, str(path)))
        files.append(path)
    ignored: list[str] = []
    from_env = _from_env(env, ignored)
    merged.update(_confine(from_env, root, "environment", None))
    origin.update({key: f"{ENV_PREFIX}{key.upper()}" for key in from_env})
    given = {key: value for key, value in (flags or {}).items() if value is not None}
    _validate(given, where="command line")
    # A path typed on the command line is the user's own: relative to where they stand.
    for key in PATH_KEYS & given.keys():
        value = given[key]
        given[key] = (
            [Path(str(item)).resolve() for item in value]
            if isinstance(value, list)
            else Path(str(value)).resolve()
        )
    merged.update(given)
    origin.update(dict.fromkeys(given, "command line"))
    config = _config(merged)
    return Settings(config=config, root=root, files=files, origin=origin, ignored=ignored)


def load_config(overrides: Mapping[str, object] | None = None) -> Config:
    """Defaults with `overrides` (from flags) on top, without reading files or variables."""
    return _config(dict(overrides or {}))


def default_config() -> Config:
    """The defaults, which are valid by construction."""
    return _constructed({})


def _constructed(values: dict[str, Any]) -> Config:
    return Config(**values)


def _config(raw: dict[str, Any]) -> Config:
    # Importing pydantic and building its model of Config costs a cold start ~0.5e9
    # instructions (of ~1e9): settings with plain values are checked without it.
    if not raw:
        return default_config()
    return _plain_config(raw) or validated(raw)


def _plain_config(raw: dict[str, Any]) -> Config | None:
    """The Config of settings whose values already have their final types (lists of
    strings from TOML or flags, paths already resolved), checked here without pydantic.
    None when any value needs pydantic's conversion or fails its check: pydantic then
    converts it, or reports the error as it always does."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "fail_on":
            if value not in get_args(FailOn):
                return None
        elif key in ("select", "ignore"):
            if not _strings(value):
                return None
            try:
                value = _checked_codes(value)
            except ValueError:
                return None
        elif key in ("include", "exclude"):
            if not _strings(value):
                return None
            value = list(value)
        elif key in ("lexicon", "aliases"):
            if not (isinstance(value, list) and all(isinstance(v, Path) for v in value)):
                return None
            value = list(value)
        elif key in ("ledger", "cache_dir"):
            if not isinstance(value, Path):
                return None
        elif key == "baseline":
            if value is not None and not isinstance(value, Path):
                return None
        elif key == "min_confidence":
            if type(value) not in (int, float) or not 0 <= value <= 1:
                return None
            value = float(value)
        else:  # rates, and anything unknown: pydantic's conversions and messages
            return None
        values[key] = value
    return _constructed(values)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def describe(settings: Settings) -> str:
    """The settings in effect as TOML-like lines, each with where it came from."""
    lines = [f"# repository root: {settings.root}"]
    lines.append(f"# config file: {settings.files[0] if settings.files else '(none)'}")
    lines += [f"# ignored: {name} is not a setting" for name in settings.ignored]
    for key, value in to_data(settings.config).items():
        origin = settings.origin.get(key, "default")
        if value is None:  # TOML has no null: show the key as a comment
            lines.append(f"# {key} = (not set)  # {origin}")
        else:
            lines.append(f"{key} = {_toml(value)}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return _toml(str(value))
