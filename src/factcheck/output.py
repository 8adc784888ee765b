"""Writing a rendered report: to stdout, or to a file atomically.

A file is written to a temporary name in the same directory and renamed over the target,
so a reader (or a crash, or Ctrl-C) never sees a partial report.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import UsageError


def write(text: str | Iterable[str], path: str | Path | None = None) -> None:
    """`text` to stdout when `path` is None or "-", else atomically to `path`. `text` may
    come in pieces (a large JSON report), written as they come."""
    pieces = [text] if isinstance(text, str) else text
    if path is None or str(path) == "-":
        for piece in pieces:
            _stdout(piece)
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError("--output names a directory", path=str(path), hint="give a file name")
    if target.exists() and not target.is_file():
        # A pipe or a device (-o /dev/stdout): write into it, never replace it with a file.
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(pieces)
        return
    # Through a symlink, replace the file it points at and keep the link.
    target = target.resolve() if target.is_symlink() else target
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write the report: {exc.strerror}", path=str(path)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk or a lost mount is the user's to fix
            raise UsageError(f"cannot write the report: {exc.strerror}", path=str(path)) from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A terminal or pipe that cannot take UTF-8 text: send the bytes anyway.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))


__all__ = ["write"]
