"""The built-in lexicons are read from the package folder as files; the texts must be the
ones importlib.resources finds, and a package without that folder (imported from a zip
archive) must still be read through importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from factcheck.normalize import lexdata


def test_every_lexicon_read_as_importlib_resources_reads_it() -> None:
    folder = resources.files("factcheck").joinpath("lexicon")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    assert len(names) > 5
    for name in names:
        assert lexdata.builtin_text(name) == folder.joinpath(name).read_text(encoding="utf-8")


def test_a_missing_lexicon_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        lexdata.builtin_text("no-such-lexicon.yaml")


def test_without_the_folder_importlib_resources_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(lexdata, "_LEXICON_DIR", tmp_path / "absent")
    expected = resources.files("factcheck").joinpath("lexicon", "names.yaml")
    assert lexdata.builtin_text("names.yaml") == expected.read_text(encoding="utf-8")
