"""Reading a source: a file, or stdin as `-`, into a Document.

The Document keeps the decoded text exactly as written (line ends included, BOM dropped) and
every offset indexes it: sentences, skip spans and the end of the front matter.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from factcheck.dateline import find_dateline
from factcheck.encoding import decode_bytes
from factcheck.errors import SourceError
from factcheck.frontmatter import read_front_matter
from factcheck.language import detect_language, language_from_tag
from factcheck.markup import merge, skip_spans
from factcheck.models import Document
from factcheck.sentences import split_sentences

# Language detection reads the sentences only (no URLs, code or front matter), this far.
_LANGUAGE_SAMPLE = 200_000


def document_from_text(text: str, path: str) -> Document:
    """A Document of already decoded text; `path` names it in messages and reports."""
    text = text.removeprefix("\ufeff")
    front = read_front_matter(text, path)
    body_start = front.body_start
    skip = merge([(0, body_start), *skip_spans(text, body_start)])
    sentences = split_sentences(text, body_start, skip)
    sample_parts: list[str] = []
    size = 0
    for sentence in sentences:
        if size > _LANGUAGE_SAMPLE:
            break
        sample_parts.append(sentence.text)
        size += len(sentence.text)
    sample = "\n".join(sample_parts)
    language = language_from_tag(front.lang, sample) if front.lang else detect_language(sample)
    return Document(
        path=path,
        text=text,
        language=language,
        title=front.title,
        date=front.date or find_dateline(text, sentences),
        body_start=body_start,
        sentences=sentences,
        skip=skip,
    )


def _read_bytes(path: str) -> bytes:
    hint = "check the path"
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise SourceError("is a directory, not a file", path=path, hint="name a text file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise SourceError("not a regular file", path=path, hint="name a text file")
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise SourceError("no such file", path=path, hint=hint) from exc
    except PermissionError as exc:
        raise SourceError(
            "permission denied", path=path, hint="make the file readable (chmod +r)"
        ) from exc
    except IsADirectoryError as exc:
        raise SourceError("is a directory, not a file", path=path, hint="name a text file") from exc
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}", path=path) from exc


def read_source(path: str | Path, *, stdin: BinaryIO | None = None) -> Document:
    """Read, decode and split a source file; `-` reads the bytes of `stdin` (sys.stdin)."""
    name = str(path)
    if name == "-":
        data = (stdin if stdin is not None else sys.stdin.buffer).read()
    else:
        data = _read_bytes(name)
    return document_from_text(decode_bytes(data, name), name)
