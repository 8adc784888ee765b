"""The ledger: human-edited YAML files of canonical facts under claims/.

A ledger file holds `facts:` (subject, predicate, value as written, optional object, time
qualifier, source, note) and, optionally, the `aliases:` and `triggers:` a newsroom adds.
Every fact becomes a Claim whose position is the value's place in the YAML file, so a
finding against the ledger points the editor at the exact line to look at.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck import twins
from factcheck.errors import LedgerError
from factcheck.models import Claim, DateValue, Value
from factcheck.recordjson import to_json

LEDGER_GLOBS = ("*.yaml", "*.yml")


class Fact(BaseModel):
    """One canonical fact as an editor writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject: str = Field(min_length=1, description="entity id or name, e.g. elon_musk")
    predicate: str = Field(min_length=1, description="canonical relation, e.g. lawsuit.filed")
    value: str = Field(min_length=1, description='as written: "2024-02-29", "US$97.4 billion"')
    object: str | None = None
    time: str | None = Field(default=None, description='time qualifier: "as of 2024"')
    source: str | None = Field(default=None, description="citation or URL")
    note: str | None = None


class AliasSpec(BaseModel):
    """An entity a newsroom adds: its names, and its type when the entity is new."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    names: list[str] = Field(min_length=1)
    type: Literal["person", "org", "company", "agency", "place", "product"] | None = None


class TriggerSpec(BaseModel):
    """Trigger phrases for a predicate; `kinds` is needed when the predicate is new."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str] = Field(min_length=1)
    kinds: list[Literal["date", "money", "number", "percent"]] | None = None


class LedgerFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    facts: list[Fact] = Field(default_factory=list)
    aliases: dict[str, list[str] | AliasSpec] = Field(
        default_factory=dict, description="entity id -> names in any script (or a spec)"
    )
    triggers: dict[str, list[str] | TriggerSpec] = Field(
        default_factory=dict, description="predicate -> trigger phrases in any language"
    )


@dataclass(frozen=True)
class LedgerEntry:
    fact: Fact
    path: str
    claim: Claim


@dataclass
class Ledger:
    entries: list[LedgerEntry] = field(default_factory=list)
    aliases: dict[str, AliasSpec] = field(default_factory=dict)
    triggers: dict[str, TriggerSpec] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    digest: str = ""  # of every ledger file's name and text
    parsed: list[tuple[str, str, LedgerFile, dict[Any, Any]]] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [entry.claim for entry in self.entries]


# --- reading YAML with positions -------------------------------------------------------

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _plain(node: yaml.Node, marks: dict[tuple[Any, ...], yaml.Node], at: tuple[Any, ...]) -> Any:
    """Python data from a YAML node, every scalar kept as the string the editor wrote
    (so 2024-02-29 stays a string, and `no` is not False), recording each node's path."""
    marks[at] = node
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            marks[(*at, key, "#key")] = key_node
            out[key] = _plain(value_node, marks, (*at, key))
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, marks, (*at, i)) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.style is None and node.value in _NULLS:
        return None
    return str(node.value)


def compose_node(shown: str, text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise LedgerError(f"invalid YAML: {exc.problem}", path=shown, line=line) from exc
    except yaml.YAMLError as exc:
        raise LedgerError(f"invalid YAML: {exc}", path=shown) from exc


def parse_ledger_file(path: Path, text: str, shown: str) -> tuple[LedgerFile, dict[Any, Any]]:
    """Validate one ledger file; errors name the file, line and field."""
    node = compose_node(shown, text)
    if node is None:
        return LedgerFile(), {}
    marks: dict[tuple[Any, ...], yaml.Node] = {}
    data = _plain(node, marks, ())
    if not isinstance(data, dict):
        line = node.start_mark.line + 1
        raise LedgerError("a ledger file is a mapping with `facts:`", path=shown, line=line)
    try:
        return LedgerFile.model_validate(data), marks
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        # The deepest node the error path reaches (a missing field points at its fact).
        while loc and loc not in marks and (*loc, "#key") not in marks:
            loc = loc[:-1]
        at = marks.get((*loc, "#key")) or marks.get(loc) or node
        name = ".".join(str(part) for part in err["loc"])
        raise LedgerError(f"{name}: {err['msg']}", path=shown, line=at.start_mark.line + 1) from exc


def _value_offset(node: yaml.Node) -> int:
    """Character offset of a scalar's first character, inside any quotes."""
    style = getattr(node, "style", None)
    return int(node.start_mark.index) + (1 if style in ("'", '"') else 0)


def parse_value(text: str, *, path: str, line: int, kinds: frozenset[str] | None = None) -> Value:
    """The value an editor wrote, read by the same value layer as the articles; `kinds`
    (those the predicate takes) decide between readings, so "2015" founded is a year."""
    from factcheck.values import find_values  # the value layer is heavy; load it on use

    mentions = find_values(text, kinds=kinds) if kinds else []
    if not mentions and kinds and "date" in kinds:
        # A bare year reads as a number on its own; "in 2015" is the date it means.
        mentions = [m for m in find_values(f"in {text}", kinds={"date"}) if m.start == 3]
    mentions = mentions or find_values(text)
    if not mentions:
        raise LedgerError(
            f"value {text!r} is not a date, amount, count or percentage factcheck can read",
            path=path,
            line=line,
            hint='write it as an article would, e.g. "2024-02-29" or "US$97.4 billion"',
        )
    # The mention covering most of what was written is the value meant.
    best = max(mentions, key=lambda mention: mention.end - mention.start)
    value: Value = best.value
    return value


@dataclass(frozen=True)
class Vocabulary:
    """What reading a fact needs from the lexicons: the value kinds of a predicate and the
    entity id of a name (the ledger's own aliases first, then the registry)."""

    kinds: Callable[[str], frozenset[str] | None]
    resolve: Callable[[str], str]


def vocabulary(
    ledger: Ledger, lexicon: Sequence[Path] = (), aliases: Sequence[Path] = ()
) -> Vocabulary:
    from factcheck.entities import entity_id, load_entities
    from factcheck.normalize.script import fold
    from factcheck.predicates import load_predicates

    predicates = load_predicates(tuple(lexicon))
    registry = load_entities(tuple(aliases))
    own = {fold(name): key for key, spec in ledger.aliases.items() for name in spec.names}
    own.update({fold(key): key for key in ledger.aliases})

    def kinds(name: str) -> frozenset[str] | None:
        if name in ledger.triggers and ledger.triggers[name].kinds:
            return frozenset(ledger.triggers[name].kinds or ())
        found = predicates.predicates.get(name)
        return frozenset(found.kinds) if found else None

    def resolve(name: str) -> str:
        if registry.get(name) is not None:
            return name
        return own.get(fold(name)) or registry.resolve(name) or entity_id(name)

    return Vocabulary(kinds, resolve)


def fact_claim(
    fact: Fact, index: int, marks: dict[Any, Any], shown: str, text: str, vocab: Vocabulary
) -> Claim:
    value_node = marks[("facts", index, "value")]
    start = _value_offset(value_node)
    line, column = value_node.start_mark.line + 1, value_node.start_mark.column + 1
    value = parse_value(fact.value, path=shown, line=line, kinds=vocab.kinds(fact.predicate))
    time: DateValue | None = None
    if fact.time:
        time_line = marks[("facts", index, "time")].start_mark.line + 1
        parsed = parse_value(fact.time, path=shown, line=time_line, kinds=frozenset({"date"}))
        if not isinstance(parsed, DateValue):
            raise LedgerError(f"time: {fact.time!r} is not a date", path=shown, line=time_line)
        time = parsed
    fact_node = marks[("facts", index)]
    sentence = text[fact_node.start_mark.index : fact_node.end_mark.index].rstrip()
    return Claim(
        id=f"{shown}#{start}",
        source=shown,
        line=line,
        column=column + (start - int(value_node.start_mark.index)),
        start=start,
        end=start + len(fact.value),
        subject=vocab.resolve(fact.subject),
        subject_text=fact.subject,
        predicate=fact.predicate,
        object=vocab.resolve(fact.object) if fact.object else None,
        value_text=fact.value,
        value=value,
        time_text=fact.time,
        time=time,
        modality="asserted",
        sentence=sentence,
        sentence_start=int(fact_node.start_mark.index),
    )


def ledger_paths(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    found = {p for glob in LEDGER_GLOBS for p in directory.rglob(glob) if p.is_file()}
    return sorted(found)


def load_ledger(
    directory: Path,
    *,
    root: Path | None = None,
    lexicon: Sequence[Path] = (),
    aliases: Sequence[Path] = (),
    claims: bool = True,
) -> Ledger:
    """Every ledger file under `directory`, validated, with its facts as claims; `lexicon`
    and `aliases` are the user's extra files (config), for predicate kinds and names. With
    `claims=False` only the YAML is read (cheap): call `build_claims` later, or fill
    `entries` from a cache keyed by `digest`."""
    ledger = Ledger()
    digest = hashlib.sha256()
    for path in ledger_paths(directory):
        shown = _shown(path, root)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise LedgerError(f"cannot read ledger file: {exc}", path=shown) from exc
        digest.update(shown.encode() + b"\0" + text.encode() + b"\0")
        parsed, marks = parse_ledger_file(path, text, shown)
        ledger.parsed.append((shown, text, parsed, marks))
        ledger.files.append(shown)
        _add_vocabulary(ledger, parsed)
    ledger.digest = digest.hexdigest()
    if claims:
        build_claims(ledger, lexicon, aliases)
    return ledger


def build_claims(
    ledger: Ledger, lexicon: Sequence[Path] = (), aliases: Sequence[Path] = ()
) -> None:
    """Read every fact's value and names (this loads the value layer and the lexicons)."""
    ledger.entries = []
    if not any(parsed.facts for _s, _t, parsed, _m in ledger.parsed):
        return
    vocab = vocabulary(ledger, lexicon, aliases)
    for shown, text, parsed, marks in ledger.parsed:
        for i, fact in enumerate(parsed.facts):
            claim = fact_claim(fact, i, marks, shown, text, vocab)
            ledger.entries.append(LedgerEntry(fact=fact, path=shown, claim=claim))


def dump_entries(entries: Sequence[LedgerEntry]) -> bytes:
    rows = (
        f"[{e.fact.model_dump_json()},{json.dumps(e.path, ensure_ascii=False)},"
        f"{to_json(e.claim, indent=None)}]"
        for e in entries
    )
    return ("[" + ",".join(rows) + "]").encode()


def load_entries(data: bytes | str) -> list[LedgerEntry]:
    rows = twins.validate_json(list[tuple[Fact, str, Claim]], data)
    return [LedgerEntry(fact, path, claim) for fact, path, claim in rows]


def _add_vocabulary(ledger: Ledger, parsed: LedgerFile) -> None:
    for key, alias in parsed.aliases.items():
        spec = AliasSpec(names=alias) if isinstance(alias, list) else alias
        if key in ledger.aliases:
            old = ledger.aliases[key]
            spec = AliasSpec(names=old.names + spec.names, type=spec.type or old.type)
        ledger.aliases[key] = spec
    for key, trigger in parsed.triggers.items():
        tspec = TriggerSpec(phrases=trigger) if isinstance(trigger, list) else trigger
        if key in ledger.triggers:
            prev = ledger.triggers[key]
            tspec = TriggerSpec(
                phrases=prev.phrases + tspec.phrases, kinds=tspec.kinds or prev.kinds
            )
        ledger.triggers[key] = tspec


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def extraction_files(ledger: Ledger, directory: Path) -> tuple[list[Path], list[Path]]:
    """The ledger's aliases and triggers as extra lexicon files (entities, predicates) in
    `directory`, so articles are read with the newsroom's names and phrases too."""
    from factcheck.entities import load_entities

    registry = load_entities()
    out: tuple[list[Path], list[Path]] = ([], [])
    if ledger.aliases:
        entities: dict[str, dict[str, Any]] = {}
        for key, spec in sorted(ledger.aliases.items()):
            entry: dict[str, Any] = {"names": spec.names}
            if spec.type or registry.get(key) is None:
                entry["type"] = spec.type or "org"  # a new name with no type: an organization
            entities[key] = entry
        out[0].append(_write_if_changed(directory / "ledger-entities.yaml", {"entities": entities}))
    if ledger.triggers:
        predicates: dict[str, dict[str, Any]] = {}
        for key, tspec in sorted(ledger.triggers.items()):
            pred: dict[str, Any] = {"kinds": tspec.kinds} if tspec.kinds else {}
            english = [p for p in tspec.phrases if p.isascii()]
            chinese = [p for p in tspec.phrases if not p.isascii()]
            pred.update({"en": english} if english else {})
            pred.update({"zh": chinese} if chinese else {})
            predicates[key] = pred
        data = {"predicates": predicates}
        out[1].append(_write_if_changed(directory / "ledger-predicates.yaml", data))
    return out


def _write_if_changed(path: Path, data: dict[str, Any]) -> Path:
    text = "# generated by factcheck from the ledger's aliases and triggers; do not edit\n"
    text += yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
