"""A progress bar on stderr while many files are read, and nothing otherwise.

Shown only when stderr is a terminal (never in a pipe, a CI log or a pre-commit capture) and
there are enough files to parse for a wait to be noticed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.workspace import Progress

MIN_FILES = 50


@contextmanager
def progress_bar(*, enabled: bool = True) -> Iterator[Progress | None]:
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    bar = RichProgress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < MIN_FILES:
            return
        if task is None:
            bar.start()
            task = bar.add_task("indexing", total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        bar.stop()
