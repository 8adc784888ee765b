"""`factcheck extract` output: the value mentions and claims of each source, as a rich table
or as JSON (version 1). Source text is made inert as in the findings report."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck import describe
from factcheck.models import Claim, Document, Mention
from factcheck.recordjson import to_data
from factcheck.report.inert import inert

Extracted = Sequence[tuple[Document, Sequence[Mention], Sequence[Claim]]]


def to_json(extracted: Extracted) -> str:
    sources = []
    for doc, mentions, claims in extracted:
        sources.append(
            {
                "path": doc.path,
                "language": doc.language,
                "title": doc.title,
                "date": doc.date.isoformat() if doc.date else None,
                "mentions": [
                    {**to_data(m), "line": doc.position(m.start)[0],
                     "column": doc.position(m.start)[1]}
                    for m in mentions
                ],
                "claims": [to_data(c) for c in claims],
            }
        )
    return json.dumps({"version": 1, "sources": sources}, ensure_ascii=False, indent=2) + "\n"


def to_text(extracted: Extracted, *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
    )
    for doc, mentions, claims in extracted:
        head = Text(inert(doc.path), "bold")
        head.append(f"  {doc.language}, {len(mentions)} values, {len(claims)} claims", "dim")
        console.print(head)
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="dim")
        for name in ("where", "value as written", "reads as", "subject · predicate", "modality"):
            table.add_column(name, overflow="fold")
        claimed = {(c.start, c.end) for c in claims}
        for claim in claims:
            table.add_row(
                f"{claim.line}:{claim.column}",
                Text(inert(claim.value_text), "bold"),
                describe.value(claim.value),
                Text(inert(f"{claim.subject or '?'} · {claim.predicate or '?'}")),
                claim.modality,
            )
        for m in mentions:
            if (m.start, m.end) not in claimed:
                line, col = doc.position(m.start)
                table.add_row(
                    f"{line}:{col}", Text(inert(m.text)), describe.value(m.value),
                    Text("(no claim)", "dim"), "",
                )
        console.print(table)
        console.print()
    return buffer.getvalue()


__all__ = ["Extracted", "to_json", "to_text"]
