"""Loading the value lexicons (lexicon/numbers.yaml, lexicon/currencies.yaml), once.

A user's configuration may name extra files of the same shape; they are merged over the
built-in data (mappings key by key, lists appended), so a user adds words without copying
the package's files.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import ConfigError


def merge(base: Any, extra: Any) -> Any:
    """`extra` laid over `base`: mappings merged key by key, lists appended, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _read_user_file(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon file: {exc.strerror}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line
        ) from exc


@functools.cache
def _builtin(name: str) -> Any:
    text = resources.files("factcheck").joinpath("lexicon", name).read_text(encoding="utf-8")
    # libyaml's C loader (same data, ten times faster) when PyYAML was built with it: this
    # parse is part of every cold start.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.cache
def _load(name: str, extra: tuple[Path, ...]) -> Any:
    data = _builtin(name)
    for path in extra:
        user = _read_user_file(path)
        if not isinstance(user, dict):
            raise ConfigError("a lexicon file must hold a mapping", path=str(path))
        data = merge(data, user)
    return data


def load_lexicon(name: str, extra: Sequence[Path] = ()) -> Any:
    """The parsed data of lexicon/`name`, with the user's `extra` files merged over it."""
    return _load(name, tuple(Path(p) for p in extra))
