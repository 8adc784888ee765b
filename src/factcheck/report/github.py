"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::msg` per finding.

GitHub reads a command up to the end of the line, so the message escapes %, CR and LF, and
property values (file, title) also escape ':' and ',' — the runner's own rules.
"""

from __future__ import annotations

from factcheck.models import Report
from factcheck.report.line import inert, message, problems

_COMMANDS = {"contradiction": "error", "review": "warning", "agreement": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, *, color: bool = False) -> str:
    del color
    out = []
    for finding in problems(report):
        if not finding.sides:
            continue
        side = finding.sides[0]
        end = side.column + len(side.value_text)
        props = [
            f"file={escape_property(inert(side.source))}",
            f"line={side.line}",
            f"col={side.column}",
        ]
        if "\n" not in side.value_text:  # GitHub's endColumn is on the same line
            props.append(f"endColumn={end}")
        props.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
        command = _COMMANDS[finding.kind]
        out.append(f"::{command} {','.join(props)}::{escape_data(message(finding))}\n")
    return "".join(out)
