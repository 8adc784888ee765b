"""The documents of a repository and keeping their index current.

Which files are documents: those git tracks (or, outside git, those under the root that are
not hidden) whose path matches an `include` glob and no `exclude` glob. A glob without a
slash matches the file name (`*.md`), one with a slash the whole path from the root
(`drafts/*`; `*` crosses directories here, as in fnmatch).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from factcheck.config import Config
from factcheck.errors import FactcheckError, SourceError, UsageError
from factcheck.index import Entry, Index
from factcheck.models import SourceInfo
from factcheck.suppress import find_suppressions

Progress = Callable[[int, int], None]  # (done, total)
PARALLEL_MIN = 64  # below this many files to parse, worker start-up costs more than it saves


def matches(path: str, patterns: Iterable[str]) -> bool:
    name = PurePosixPath(path).name
    return any(fnmatchcase(path if "/" in p else name, p.removeprefix("/")) for p in patterns)


def relative(path: str | Path, root: Path) -> str:
    """A path as the repository names it (posix, from the root); refused outside it."""
    full = (Path.cwd() / path).resolve() if not Path(path).is_absolute() else Path(path).resolve()
    try:
        return full.relative_to(root).as_posix()
    except ValueError as exc:
        raise UsageError(
            "file is outside the repository", path=str(path), hint=f"the repository is {root}"
        ) from exc


def _git_files(root: Path) -> list[str] | None:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if out.returncode != 0:
        return None
    return [p for p in out.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


def _walk(root: Path, skip: Sequence[Path]) -> list[str]:
    found: list[str] = []
    for top, dirs, files in os.walk(root):
        here = Path(top)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d not in skip)
        found.extend((here / f).relative_to(root).as_posix() for f in files)
    return found


def list_documents(root: Path, config: Config, cache_dir: Path, ledger_dir: Path) -> list[str]:
    """The repository's documents: tracked or not ignored, included and not excluded."""
    listed = _git_files(root)
    if listed is None:
        listed = _walk(root, [cache_dir, ledger_dir])
    out = []
    for path in listed:
        full = root / path
        if full.is_relative_to(cache_dir) or full.is_relative_to(ledger_dir):
            continue
        if matches(path, config.include) and not matches(path, config.exclude) and full.is_file():
            out.append(path)
    return sorted(out)


def analyse_file(rel: str, data: bytes, config: Config) -> Entry:
    """Decode, read and extract one document for the index."""
    from factcheck.api import analyse
    from factcheck.encoding import decode_bytes
    from factcheck.sources import document_from_text

    doc = document_from_text(decode_bytes(data, rel), rel)
    _mentions, claims = analyse(doc, config)
    info = SourceInfo(path=rel, language=doc.language, title=doc.title, date=doc.date)
    return Entry(info=info, claims=claims, suppressions=find_suppressions(rel, doc.text))


def _analyse_job(job: tuple[str, bytes, Config]) -> Entry | str:
    rel, data, config = job
    try:
        return analyse_file(rel, data, config)
    except FactcheckError as exc:  # the caller decides: fatal for a file asked about
        return str(exc)  # a string survives the trip back from a worker intact


def refresh(
    index: Index,
    root: Path,
    paths: Sequence[str],
    config: Config,
    *,
    always_read: set[str],
    progress: Progress | None = None,
) -> dict[str, FactcheckError]:
    """Bring the index up to date for `paths` and forget the rest; returns the errors of
    files that could not be read, by path. Files in `always_read` are hashed even when their stat
    looks unchanged (a quick edit can keep size and mtime)."""
    known = index.stat_of()
    todo: list[tuple[str, bytes, int, int, str]] = []
    for rel in paths:
        st = (root / rel).stat()
        old = known.get(rel)
        if old and rel not in always_read and old[:2] == (st.st_mtime_ns, st.st_size):
            continue
        data = (root / rel).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if old and old[2] == sha:
            index.touch(rel, st.st_mtime_ns, st.st_size)
            continue
        todo.append((rel, data, st.st_mtime_ns, st.st_size, sha))
    index.forget(set(known) - set(paths))
    jobs = [(rel, data, config) for rel, data, *_ in todo]
    workers = min(os.cpu_count() or 1, 8)
    results: list[Entry | str] = []
    if len(jobs) >= PARALLEL_MIN and workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            for done, result in enumerate(pool.map(_analyse_job, jobs, chunksize=8), start=1):
                results.append(result)
                if progress:
                    progress(done, len(jobs))
    else:
        for done, job in enumerate(jobs, start=1):
            results.append(_analyse_job(job))
            if progress:
                progress(done, len(jobs))
    errors: dict[str, FactcheckError] = {}
    for (rel, _data, mtime, size, sha), result in zip(todo, results, strict=True):
        if isinstance(result, str):
            errors[rel] = SourceError(result)
            continue
        result.sha256 = sha
        index.put(rel, mtime, size, result)
    return errors
