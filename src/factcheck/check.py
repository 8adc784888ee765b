"""`factcheck check`: the given files against the ledger and the rest of the repository.

Each given file is compared with every ledger file and with the documents that tell the same
story (found through the index: they share names and values, the rarest count most), pair by
pair, so the cost follows the size of the change, not of the repository. Findings are kept
only where a side is in a given file; that side comes first. Inline suppressions and the
baseline then set aside what editors have already accepted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from factcheck import codes
from factcheck.config import Config, Settings, load_settings
from factcheck.errors import SourceError
from factcheck.frozen import replace
from factcheck.index import Entry, Index, data_fingerprint, story_keys
from factcheck.ledger import (
    Ledger,
    build_claims,
    dump_entries,
    extraction_files,
    load_entries,
    load_ledger,
)
from factcheck.models import Claim, Finding, Report, SourceInfo, Summary
from factcheck.suppress import Baseline, Suppression, apply_suppressions
from factcheck.workspace import Progress, list_documents, refresh, relative

RELATED_LIMIT = 50  # other documents compared with each given file, best matches first
# Least relatedness (sum of 1/df over shared names and values) to be compared at all: one
# key shared by at most 20 documents, or several commoner ones.
RELATED_MIN = 0.05
LEDGER_RELATED_LIMIT = 200  # documents compared with a ledger file that was changed
BaselineMode = Literal["use", "update", "write"]


@dataclass
class CheckResult:
    report: Report
    checked: list[str]
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    stale_suppressions: list[Suppression] = field(default_factory=list)
    stale_baseline: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(files: Sequence[str | Path] | None = None, config: Config | None = None) -> Report:
    """The report for `files` (default: every document) in the repository around the
    current directory, with `config` (default: the repository's settings)."""
    settings = load_settings()
    if config is not None:
        settings.config = config
    return run_check(files, settings).report


def run_check(
    files: Sequence[str | Path] | None,
    settings: Settings,
    *,
    baseline_mode: BaselineMode = "use",
    progress: Progress | None = None,
) -> CheckResult:
    config, root = settings.config, settings.root
    cache_dir, ledger_dir = settings.path(config.cache_dir), settings.path(config.ledger)
    documents = list_documents(root, config, cache_dir, ledger_dir)
    given, given_ledger, skipped = _given(files, documents, root, config, ledger_dir)
    ledger = load_ledger(ledger_dir, root=root, claims=False)
    # Articles are read with the ledger's aliases and triggers as well as the config's.
    more_aliases, more_lexicon = extraction_files(ledger, cache_dir)
    reading = replace(
        config,
        aliases=[*config.aliases, *more_aliases],
        lexicon=[*config.lexicon, *more_lexicon],
    )
    corpus = sorted(set(documents) | set(given))
    with Index(cache_dir, data_fingerprint([*reading.lexicon, *reading.aliases])) as index:
        errors = refresh(index, root, corpus, reading, always_read=set(given), progress=progress)
        for rel in given:
            if rel in errors:
                raise errors[rel]
        _ledger_claims(index, ledger, config)
        entries = {rel: _entry(index, rel) for rel in given}
        partners = _partners(index, entries, ledger, given_ledger)
    findings = _compare(entries, partners, ledger, config, {*given, *given_ledger})
    result = CheckResult(report=_report([], [], []), checked=[*given, *given_ledger])
    result.warnings = [f"skipped unreadable {err}" for _rel, err in sorted(errors.items())]
    if skipped:
        result.warnings.append(
            f"skipped {len(skipped)} named files that are not documents (see include): "
            + ", ".join(skipped[:5])
            + (" …" if len(skipped) > 5 else "")
        )
    sups = {rel: e.suppressions for rel, e in {**partners.docs, **entries}.items()}
    findings, result.suppressed = apply_suppressions(findings, sups)
    result.stale_suppressions = [
        s for rel in given for s in entries[rel].suppressions if not s.used
    ]
    if config.baseline is not None:
        findings = _baseline(
            findings, settings.path(config.baseline), set(given), baseline_mode, result
        )
    infos = [e.info for e in entries.values()]
    infos += [e.info for e in partners.docs.values()]
    infos += [SourceInfo(path=p, language="und") for p in ledger.files]
    claims = [c for e in entries.values() for c in e.claims]
    result.report = _report(infos, claims, findings, given=len(entries), all_claims=partners.claims)
    return result


def _given(
    files: Sequence[str | Path] | None,
    documents: list[str],
    root: Path,
    config: Config,
    ledger_dir: Path,
) -> tuple[list[str], list[str], list[str]]:
    """(documents, ledger files, other files) among the files named. pre-commit names every
    staged text file: those that are not documents are skipped, and a ledger file is
    checked against the documents its facts are about."""
    if not files:
        return documents, [], []
    from factcheck.workspace import matches

    out: list[str] = []
    ledger_files: list[str] = []
    skipped: list[str] = []
    for name in files:
        rel = relative(name, root)
        if (root / rel).is_dir():  # a folder stands for the documents in it
            prefix = "" if rel == "." else rel.rstrip("/") + "/"
            out.extend(doc for doc in documents if doc.startswith(prefix))
            continue
        if not (root / rel).is_file():
            raise SourceError("no such file", path=str(name), hint="check the path")
        if (root / rel).is_relative_to(ledger_dir) and rel.endswith((".yaml", ".yml")):
            ledger_files.append(rel)
        elif not matches(rel, config.include):
            skipped.append(rel)
        elif not matches(rel, config.exclude):  # excluded files stay excluded when named
            out.append(rel)
    return sorted(set(out)), sorted(set(ledger_files)), skipped


def _ledger_claims(index: Index, ledger: Ledger, config: Config) -> None:
    """The ledger's facts as claims, from the index while the ledger files are unchanged
    (reading values costs more than a whole incremental check otherwise)."""
    cached = index.meta("ledger")
    if cached is not None and cached.startswith(ledger.digest + "\n"):
        ledger.entries = load_entries(cached[len(ledger.digest) + 1 :])
        return
    build_claims(ledger, config.lexicon, config.aliases)
    index.set_meta("ledger", ledger.digest + "\n" + dump_entries(ledger.entries).decode())


def _entry(index: Index, rel: str) -> Entry:
    entry = index.get(rel)
    if entry is None:  # refreshed just now, so this is a bug rather than a user error
        raise SourceError("file was not indexed", path=rel)
    return entry


@dataclass
class _Partners:
    pairs: set[tuple[str, str]] = field(default_factory=set)
    docs: dict[str, Entry] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)


def _partners(
    index: Index, entries: dict[str, Entry], ledger: Ledger, given_ledger: list[str]
) -> _Partners:
    out = _Partners()
    for ledger_file in given_ledger:  # an edited ledger file meets the articles it is about
        keys = story_keys(c for c in ledger.claims if c.source == ledger_file)
        for other in index.related(keys, exclude=[], limit=LEDGER_RELATED_LIMIT):
            out.pairs.add((other, ledger_file))
            if other not in entries and other not in out.docs:
                out.docs[other] = _entry(index, other)
    for rel, entry in entries.items():
        for ledger_file in ledger.files:
            out.pairs.add((rel, ledger_file))
        keys = story_keys(entry.claims)
        related = index.related(keys, exclude=[rel], limit=RELATED_LIMIT, min_score=RELATED_MIN)
        for other in related:
            out.pairs.add((rel, other) if rel < other else (other, rel))
            if other not in entries and other not in out.docs:
                out.docs[other] = _entry(index, other)
    return out


def _compare(
    entries: dict[str, Entry],
    partners: _Partners,
    ledger: Ledger,
    config: Config,
    given: set[str],
) -> list[Finding]:
    from factcheck.align import align
    from factcheck.judge import judge_all

    by_source: dict[str, list[Claim]] = {p: [] for p in ledger.files}
    for claim in ledger.claims:
        by_source[claim.source].append(claim)
    for rel, entry in {**partners.docs, **entries}.items():
        by_source[rel] = entry.claims
    for claims in by_source.values():
        partners.claims.update((c.id, c) for c in claims)
    ledger_files = set(ledger.files)
    findings: list[Finding] = []
    for a, b in sorted(partners.pairs):
        left, right = by_source[a], by_source[b]
        if b in ledger_files and a not in ledger_files:
            right = _about(right, left)
        elif a in ledger_files and b not in ledger_files:
            left = _about(left, right)
        if not left or not right:
            continue
        # The checked file's claim first, so explanations read "here vs there".
        pairs = [
            dataclasses.replace(p, a=p.b, b=p.a)
            if p.b.source in given and p.a.source not in given
            else p
            for p in align(left + right)
        ]
        for finding in judge_all(pairs, rates=config.rates):
            if finding.confidence >= config.min_confidence and codes.is_selected(
                finding.code, config.select, config.ignore
            ):
                findings.append(_given_first(finding, given))
    return findings


def _about(facts: list[Claim], article: list[Claim]) -> list[Claim]:
    """The ledger facts about an entity the article names: only those can be the same fact
    (a large ledger must not be aligned whole against every article)."""
    named = {c.subject for c in article} | {c.object for c in article}
    named.discard(None)
    return [f for f in facts if f.subject in named or (f.object and f.object in named)]


def _given_first(finding: Finding, given: set[str]) -> Finding:
    sides = sorted(finding.sides, key=lambda s: s.source not in given)
    return finding if sides == finding.sides else replace(finding, sides=sides)


def _baseline(
    findings: list[Finding], path: Path, given: set[str], mode: BaselineMode, result: CheckResult
) -> list[Finding]:
    baseline = Baseline.load(path)
    new, accepted, seen = baseline.split(findings)
    stale = baseline.stale(seen, given)
    if mode == "write":
        for key in stale:
            del baseline.entries[key]
        for finding in findings:
            if finding.kind != "agreement":
                baseline.add(finding)
        baseline.write(path)
        result.baselined = [f for f in findings if f.kind != "agreement"]
        return [f for f in findings if f.kind == "agreement"]
    if mode == "update":
        for key in stale:
            del baseline.entries[key]
        baseline.write(path)
        stale = []
    result.baselined, result.stale_baseline = accepted, stale
    return new


def _report(
    infos: list[SourceInfo],
    claims: list[Claim],
    findings: list[Finding],
    *,
    given: int = 0,
    all_claims: dict[str, Claim] | None = None,
) -> Report:
    """The report; the first `given` infos are the checked files, always listed."""
    from factcheck.api import finding_key

    ordered = sorted(findings, key=finding_key)
    shown = {c.id: c for c in claims}
    for finding in ordered:  # every side's claim is in the report, for tools that join them
        for side in finding.sides:
            if side.claim not in shown and all_claims and side.claim in all_claims:
                shown[side.claim] = all_claims[side.claim]
    used = {c.source for c in claims} | {s.source for f in ordered for s in f.sides}
    used |= {i.path for i in infos[:given]}
    sources = sorted({i.path: i for i in infos if i.path in used}.values(), key=lambda i: i.path)
    return Report(
        sources=sources,
        claims=sorted(shown.values(), key=lambda c: (c.source, c.start, c.end, c.id)),
        findings=ordered,
        summary=Summary(
            contradictions=sum(f.kind == "contradiction" for f in ordered),
            agreements=sum(f.kind == "agreement" for f in ordered),
            review=sum(f.kind == "review" for f in ordered),
        ),
    )


def warnings(result: CheckResult) -> list[str]:
    """What an editor should know beside the findings: unreadable files, what was set
    aside, and suppressions or baseline entries that no longer match anything."""
    notes = [f"warning: {w}" for w in result.warnings]
    notes += [f"warning: {s.describe()}" for s in result.stale_suppressions]
    if result.stale_baseline:
        notes.append(
            f"warning: {len(result.stale_baseline)} baseline entries no longer match"
            " (drop them with --update-baseline)"
        )
    if result.suppressed:
        notes.append(f"{len(result.suppressed)} findings suppressed inline")
    if result.baselined:
        notes.append(f"{len(result.baselined)} findings accepted by the baseline")
    return notes
