"""Claims of several large documents extracted side by side, one forked process per core.

Value finding and claim extraction are about half the CPU of a large comparison and each
document's analysis is independent of the others', so with two documents on two cores the
parent analyses one while a forked child analyses the other. A child sends its claims back
pickled through a pipe and the parent puts every document's claims back in document order:
the result is the same list the in-process loop builds. Small inputs stay in-process (a fork
and the pickling cost more than they save), and so does everything where fork is missing or
a child cannot be started or dies.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from factcheck.config import Config
from factcheck.models import Claim, Document

if TYPE_CHECKING:  # multiprocessing is imported only when documents are large enough to fork
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkProcess

# Total decoded characters of all documents below which the documents are analysed in-process.
MIN_CHARS = 256 * 1024

Analyse = Callable[[Document, Config], list[Claim]]
T = TypeVar("T")


def usable_cpus() -> int:
    """The cores this process may run on (its affinity mask where the platform has one)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0))
    return os.cpu_count() or 1


def plan(
    documents: Sequence[Document], workers: int, min_chars: int = MIN_CHARS
) -> list[list[int]]:
    """Document indices grouped for `workers` processes, the largest documents spread first so
    the groups carry about the same text; one group (all in-process) for small inputs."""
    total = sum(len(d.text) for d in documents)
    count = min(workers, len(documents))
    if count < 2 or total < min_chars:
        return [list(range(len(documents)))]
    groups: list[list[int]] = [[] for _ in range(count)]
    loads = [0] * count
    for i in sorted(range(len(documents)), key=lambda i: (-len(documents[i].text), i)):
        target = loads.index(min(loads))
        groups[target].append(i)
        loads[target] += len(documents[i].text)
    return [sorted(g) for g in groups]


def analyse_all(
    documents: Sequence[Document],
    config: Config,
    analyse: Analyse,
    *,
    workers: int | None = None,
    min_chars: int | None = None,
) -> list[list[Claim]]:
    """`analyse(doc, config)` of every document, in document order (`workers` defaults to
    the usable cores, `min_chars` to MIN_CHARS)."""
    groups = plan(
        documents,
        usable_cpus() if workers is None else workers,
        MIN_CHARS if min_chars is None else min_chars,
    )

    def job(group: list[int]) -> Callable[[], list[tuple[int, list[Claim]]]]:
        return lambda: [(i, analyse(documents[i], config)) for i in group]

    results = dict(pair for done in run_split([job(g) for g in groups]) for pair in done)
    return [results[i] for i in range(len(documents))]


def run_split(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Every job's result, in order: the first job runs here, each other one in a forked
    child at the same time (all of them here where fork is missing). A job's exception is
    raised here; the job of a child that dies is run again here."""
    if len(jobs) < 2:
        return [job() for job in jobs]
    started = [Started(job) for job in jobs[1:]]
    try:
        first = jobs[0]()
        return [first, *(child.result() for child in started)]
    finally:
        # On Ctrl-C or an error here, children still working must not outlive the parent.
        for child in started:
            child.close()


class Started(Generic[T]):
    """A job running in a forked child (or, where fork is missing or fails, not yet run)."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job = job
        self._child = _spawn(job) if "fork" in _start_methods() else None

    def result(self) -> T:
        """The job's result, once the child has finished; run here if there is no child or
        it died (killed, out of memory: it sent nothing)."""
        if self._child is None:
            return self._job()
        try:
            got = _receive(self._child[1])
            self._child[0].join()
        finally:
            self.close()
        return got[0] if got is not None else self._job()

    def close(self) -> None:
        """Stop waiting: the pipe closed, the child ended if it still runs."""
        if self._child is None:
            return
        process, conn = self._child
        conn.close()
        if process.is_alive():
            process.terminate()
            process.join()


def start(job: Callable[[], T]) -> Started[T]:
    """`job` started in a forked child while the caller goes on; `.result()` waits for it."""
    return Started(job)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _spawn(job: Callable[[], object]) -> tuple[ForkProcess, Connection] | None:
    """A forked child running `job`, and the pipe its result comes back through."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, job), daemon=True)
    try:
        process.start()
    except OSError:  # out of processes or memory to fork
        receiver.close()
        sender.close()
        return None
    sender.close()
    return process, receiver


def _child(sender: Connection, job: Callable[[], object]) -> None:
    # Ctrl-C reaches the whole process group; the parent answers it and ends this child, which
    # must not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        payload: tuple[str, object] = ("ok", job())
    except Exception as exc:  # raised again in the parent, as in-process
        payload = ("error", exc)
    try:
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # an exception that cannot be pickled: keep its message
        data = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    with contextlib.suppress(OSError):  # the parent has gone
        sender.send_bytes(data)
    sender.close()


def _receive(conn: Connection) -> tuple[Any] | None:
    """A child's result (in a 1-tuple); None when it died before sending it."""
    try:
        data = conn.recv_bytes()
    except (EOFError, OSError):
        return None
    # Unpickling builds a whole document's records at once, none of them garbage: with the
    # collector on, each batch of new objects would set off a walk of a large heap.
    paused = gc.isenabled()
    gc.disable()
    try:
        status, value = pickle.loads(data)
    finally:
        if paused:
            gc.enable()
    if status == "error":
        assert isinstance(value, BaseException)
        raise value
    return (value,)


__all__ = ["MIN_CHARS", "Started", "analyse_all", "plan", "run_split", "start", "usable_cpus"]
