"""The colored terminal report (rich): a summary line, then each finding with its sources.

All source text goes through `inert` and into `Text` objects, never into markup, so an
article can neither inject rich markup nor terminal escapes. Widths are terminal cells.
"""

from __future__ import annotations

import io
import shutil

import regex
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck import rxcache
from factcheck.models import Finding, Report, Side
from factcheck.report.inert import inert

_TRAILING = rxcache.compile(r" ++((?:\x1b\[[0-9;]*+m)*+)$", flags=regex.M)
KIND_STYLE = {"contradiction": "bold red", "review": "bold yellow", "agreement": "bold green"}
CONTEXT_CHARS = 60  # characters of sentence kept on each side of the value


def render(report: Report, *, color: bool = False, width: int | None = None) -> str:
    if width is None:
        # Honours COLUMNS; 100 cells when writing to a pipe or a file.
        width = shutil.get_terminal_size((100, 24)).columns
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(40, width),
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(summary_line(report))
    for finding in report.findings:
        console.print()
        console.print(_finding(finding))
    # rich pads table rows to the full width; trailing blanks only get in the way of diffs.
    return _TRAILING.sub(r"\1", buffer.getvalue())


def summary_line(report: Report) -> Text:
    s = report.summary
    text = Text()
    text.append(f"{len(report.sources)} sources, {len(report.claims)} claims: ")
    text.append(_plural(s.contradictions, "contradiction"), KIND_STYLE["contradiction"])
    text.append(", ")
    text.append(f"{s.review} to review", KIND_STYLE["review"])
    text.append(", ")
    text.append(_plural(s.agreements, "agreement"), KIND_STYLE["agreement"])
    return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _finding(f: Finding) -> Group:
    head = Text()
    head.append(f.kind.upper(), KIND_STYLE[f.kind])
    head.append(f" {f.code} {f.name}", "dim")
    head.append("  ")
    head.append(inert(_fact(f)), "bold")
    head.append(f"  confidence {f.confidence:.2f}", "dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(overflow="fold")
    for s in f.sides:
        grid.add_row(Text(inert(f"{s.source}:{s.line}:{s.column}")), _sentence(s))
    return Group(head, Text("  ") + Text(inert(f.explanation)), _indent(grid))


def _fact(f: Finding) -> str:
    subject = f.subject or "?"
    if f.predicate:
        return f"{subject} · {f.predicate}"
    predicates = sorted({s.predicate or "?" for s in f.sides})
    return f"{subject} · {' / '.join(predicates)}"


def _indent(grid: Table) -> Padding:
    return Padding(grid, (0, 0, 0, 2))


def _sentence(s: Side) -> Text:
    lo = min(max(0, s.start - s.sentence_start), len(s.sentence))
    hi = min(max(lo, s.end - s.sentence_start), len(s.sentence))
    before, value, after = s.sentence[:lo], s.sentence[lo:hi], s.sentence[hi:]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS] + "…"
    text = Text(inert(before.lstrip()))
    text.append(inert(value), "bold reverse")
    text.append(inert(after.rstrip()))
    if s.predicate:
        text.append(f"  [{s.predicate}]", "dim")
    return text


__all__ = ["render", "summary_line"]
