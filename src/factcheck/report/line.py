"""One line per finding, `path:line:col: CODE message`, as compilers and linters print.

Only what needs attention is listed (contradictions and review items); agreements are in the
text and JSON reports. The primary location is the first side; the message names the value
there and every other side's value and place, so one line is enough to act on.
"""

from __future__ import annotations

import regex

from factcheck.models import Finding, Report, Side

# Characters that could move the cursor, recolor or reorder the terminal, or hide text:
# C0/C1 controls (ESC starts ANSI and OSC sequences), bidi controls, zero-width characters.
_UNSAFE = regex.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")

LEVELS = {"contradiction": "error", "review": "warning", "agreement": "note"}


def inert(text: str) -> str:
    """Untrusted text made visible and harmless: each unsafe character becomes <U+XXXX>."""
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def problems(report: Report) -> list[Finding]:
    """The findings tooling formats list: all but agreements, in the report's order."""
    return [f for f in report.findings if f.kind != "agreement"]


def where(side: Side) -> str:
    return f"{side.source}:{side.line}:{side.column}"


def message(finding: Finding) -> str:
    """One line: the explanation, the value here, and each other side's value and place."""
    first, *others = finding.sides
    parts = [f"{finding.explanation} — “{first.value_text}” here"]
    parts.extend(f"“{side.value_text}” in {where(side)}" for side in others)
    text = " vs ".join(parts) + f" [{finding.name}]"
    return inert(" ".join(text.split()))


def render(report: Report, *, color: bool = False) -> str:
    del color  # plain by design: the format is for editors and scripts
    lines = [
        f"{inert(where(f.sides[0]))}: {f.code} {message(f)}" for f in problems(report) if f.sides
    ]
    return "".join(line + "\n" for line in lines)
