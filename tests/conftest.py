"""Shared test setup: the cache of parsed lexicons (factcheck.lexcache) goes to a temporary
directory, never to the user's ~/.cache, in this process and in every CLI it starts."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _lexicon_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    base = tmp_path_factory.mktemp("user-cache")
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "FACTCHECK_LEXICON_CACHE")}
    # XDG too: some tests drop every FACTCHECK_* variable from a child's environment
    os.environ["XDG_CACHE_HOME"] = str(base)
    os.environ["FACTCHECK_LEXICON_CACHE"] = str(base / "factcheck")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
