"""Linear-time checks without absolute timings: CPU time, best of a few runs, compared
between a small and a large input. A pause of the machine cannot fail such a test; a
quadratic algorithm still does."""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_seconds(fn: Callable[[], object], repeats: int = 2) -> float:
    """The best CPU time of `repeats` runs of `fn`."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(
    small: Callable[[], object],
    large: Callable[[], object],
    scale: float,
    slack: float = 3.0,
    floor: float = 0.01,
) -> None:
    """`large` does `scale` times the work of `small`: it may take at most `scale * slack`
    times as long (`floor` seconds keep timer resolution out of it)."""
    small()  # warm caches and compiled patterns
    t_small, t_large = cpu_seconds(small), cpu_seconds(large)
    assert t_large <= scale * slack * max(t_small, floor), (
        f"{t_small:.4f}s -> {t_large:.4f}s for {scale}x the input"
    )
