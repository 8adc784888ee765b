"""Loading the extraction lexicons (predicates, entities, modality, cues, names), once.

libyaml's C loader reads the alias registry some thirty times faster than pure-Python PyYAML,
which matters for a cold `compare` (the registry alone took 0.8 s the slow way). A user's
extra files are merged over the built-in data as in normalize.lexdata: mappings key by key,
lists appended.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from factcheck import lexcache
from factcheck.errors import ConfigError
from factcheck.normalize.lexdata import builtin_text, merge, parse_yaml


def _parse(text: str, path: str, source: str) -> Any:
    """The data of a YAML text (`path` names it in errors), through the cache of parsed
    lexicons under the name `source`."""

    def parse(text: str) -> Any:
        import yaml

        try:
            return parse_yaml(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise ConfigError(
                f"not valid YAML: {getattr(exc, 'problem', exc)}", path=path, line=line
            ) from exc

    return lexcache.parsed(text, source, parse, "yaml-safe") or {}


@functools.cache
def builtin(name: str) -> Any:
    """The parsed built-in lexicon/`name`."""
    text = builtin_text(name)
    return _parse(text, name, f"builtin/{name}")


def user_file(path: Path) -> dict[str, Any]:
    """A user's lexicon file, which must hold a mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon file: {exc.strerror}", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"not UTF-8 (byte {exc.start})", path=str(path), hint="save the file as UTF-8"
        ) from exc
    data = _parse(text, str(path), os.path.abspath(path))
    if not isinstance(data, dict):
        raise ConfigError("a lexicon file must hold a mapping", path=str(path))
    return data


def load(name: str, extra: tuple[Path, ...] = ()) -> Any:
    """lexicon/`name` with the user's `extra` files merged over it."""
    data = builtin(name)
    for path in extra:
        data = merge(data, user_file(path))
    return data
