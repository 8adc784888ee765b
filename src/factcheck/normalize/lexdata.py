"""Loading the value lexicons (lexicon/numbers.yaml, lexicon/currencies.yaml), once.

A user's configuration may name extra files of the same shape; they are merged over the
built-in data (mappings key by key, lists appended), so a user adds words without copying
the package's files.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck import lexcache
from factcheck.errors import ConfigError

# The package's lexicon folder, read as files: importing importlib.resources (with zipfile
# and tempfile) to find it cost ~1% of a cold start. A package imported from a zip archive
# has no such folder, and is read through importlib.resources as before.
_LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"


def builtin_text(name: str) -> str:
    """The text of the built-in lexicon/`name`."""
    try:
        return (_LEXICON_DIR / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        if _LEXICON_DIR.is_dir():
            raise
    from importlib import resources

    return resources.files("factcheck").joinpath("lexicon", name).read_text(encoding="utf-8")


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


def parse_yaml(text: str) -> Any:
    """`text` parsed by PyYAML's safe loader, libyaml's C one when PyYAML has it (the same
    data, ten times faster). PyYAML is imported here: a run that finds every lexicon in
    the cache (factcheck.lexcache) never imports it."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read_user_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon file: {exc.strerror}", path=str(path)) from exc

    def parse(text: str) -> Any:
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise ConfigError(
                f"not valid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line
            ) from exc

    return lexcache.parsed(text, os.path.abspath(path), parse, "yaml-safe-py") or {}


@functools.cache
def _builtin(name: str) -> Any:
    text = builtin_text(name)
    # parsed once per installed text, then read back from the cache on every cold start
    return lexcache.parsed(text, f"builtin/{name}", parse_yaml, "yaml-safe")


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
