"""Accepting a fact into the ledger: `factcheck ledger add`.

A claim found in an article (named by id or by the line and column of its value) becomes a
ledger fact appended to a claims/*.yaml file, keeping the editor's comments and layout; the
file is replaced atomically and never with text the ledger loader would refuse.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from factcheck.errors import LedgerError
from factcheck.ledger import Fact, compose_node, parse_ledger_file, parse_value
from factcheck.models import Claim, DateValue, Value


def fact_from_claim(claim: Claim, **given: str | None) -> Fact:
    """A ledger fact from a claim found in an article; `given` fills or overrides fields."""
    fields: dict[str, str | None] = {
        "subject": claim.subject or claim.subject_text,
        "predicate": claim.predicate,
        "value": _standalone(claim.value_text, claim.value),
        "object": claim.object,
        "time": _standalone(claim.time_text, claim.time) if claim.time_text else None,
        "source": f"{claim.source}:{claim.line}:{claim.column}",
    }
    fields.update({key: value for key, value in given.items() if value is not None})
    for needed in ("subject", "predicate"):
        if not fields.get(needed):
            raise LedgerError(
                f"claim {claim.id} has no {needed}",
                path=claim.source,
                line=claim.line,
                hint=f"give it with --{needed}",
            )
    return Fact.model_validate({key: value for key, value in fields.items() if value})


def _standalone(text: str | None, value: Value | None) -> str | None:
    """The value as written when it reads the same out of context; a date that needed its
    article's date ("on Tuesday", "去年") is written as the date it meant (2025-03-04)."""
    if text is None or value is None or not isinstance(value, DateValue):
        return text
    try:
        again = parse_value(text, path="", line=0, kinds=frozenset({"date"}))
    except LedgerError:
        again = None
    return text if again == value or "X" in value.timex else value.timex


def _fact_yaml(fact: Fact, indent: str) -> str:
    data = fact.model_dump(exclude_none=True)
    dumped = yaml.safe_dump([data], allow_unicode=True, sort_keys=False, width=1000)
    return "".join(indent + line if line.strip() else line for line in dumped.splitlines(True))


def append_fact(path: Path, fact: Fact, *, shown: str | None = None) -> int:
    """Append `fact` to the ledger file at `path` (created if missing), keeping the
    editor's comments and layout; the file is replaced atomically. Returns the new line."""
    shown = shown or path.as_posix()
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    node = compose_node(shown, text) if text.strip() else None
    if node is None:
        head = text + ("" if not text or text.endswith("\n") else "\n") + "facts:\n"
        block = _fact_yaml(fact, "  ")
    else:
        head, block = _append_to(node, text, fact, shown)
    new = head + block
    parse_ledger_file(path, new, shown)  # never write a file the loader would refuse
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(new)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return head.count("\n") + 1


def _append_to(node: yaml.Node, text: str, fact: Fact, shown: str) -> tuple[str, str]:
    """The file's text to keep and the block to add after it."""
    if not isinstance(node, yaml.MappingNode):
        raise LedgerError("a ledger file is a mapping with `facts:`", path=shown, line=1)
    pairs = {str(key.value): value for key, value in node.value}
    base = text if text.endswith("\n") else text + "\n"
    if "facts" not in pairs:
        return base + "facts:\n", _fact_yaml(fact, "  ")
    facts = pairs["facts"]
    last_key = str(node.value[-1][0].value)
    if not isinstance(facts, yaml.SequenceNode) or facts.flow_style or last_key != "facts":
        raise LedgerError(
            "cannot append: `facts:` must be the last key, a block list",
            path=shown,
            line=facts.start_mark.line + 1,
            hint="move `facts:` to the end of the file or add the fact by hand",
        )
    if not facts.value:
        return base, _fact_yaml(fact, "  ")
    indent = " " * facts.value[0].start_mark.column
    # `- ` sits two columns before the mapping's first key.
    return base, _fact_yaml(fact, indent[:-2] if len(indent) >= 2 else "")


def pick_claim(claims: list[Claim], *, claim_id: str | None, at: str | None, path: str) -> Claim:
    """The claim named by id (`a.md#120`, or just `120`) or by `LINE:COL` of its value."""
    if claim_id is not None:
        wanted = claim_id if "#" in claim_id else f"{path}#{claim_id}"
        for claim in claims:
            if claim.id == wanted or claim.id.endswith("#" + wanted.rpartition("#")[2]):
                return claim
        raise LedgerError(f"no claim {claim_id!r}", path=path, hint="list them: factcheck extract")
    line_text, _, col_text = (at or "").partition(":")
    if not line_text.isdigit() or (col_text and not col_text.isdigit()):
        raise LedgerError("give --claim ID or --at LINE:COL", path=path)
    line, col = int(line_text), int(col_text or 0)
    # The value starting at LINE:COL, or else the one whose span covers it.
    on_line = [c for c in claims if c.line == line]
    for claim in sorted(on_line, key=lambda c: (c.column != col, c.column)):
        if not col or claim.column <= col < claim.column + len(claim.value_text):
            return claim
    raise LedgerError(
        f"no claim at {line}:{col}", path=path, line=line, hint="list them: factcheck extract"
    )


def accept(
    claims: list[Claim],
    article: str,
    target: Path,
    *,
    claim_id: str | None = None,
    at: str | None = None,
    **given: str | None,
) -> tuple[str, int]:
    """Add the chosen claim of `article` to the ledger file `target`: (file, line)."""
    claim = pick_claim(
        [c for c in claims if c.source == article] or claims, claim_id=claim_id, at=at, path=article
    )
    fact = fact_from_claim(claim, **given)
    line = append_fact(target, fact)
    return target.as_posix(), line
