"""The library API: read sources, extract their claims, compare them into a `Report`.

    from factcheck.api import compare
    report = compare(["a.txt", "b.md"])          # a Report, ready for any renderer

Output is deterministic and does not depend on the order the sources were given in:
sources, claims and findings are sorted, and alignment runs over sources in sorted order.
The reading, value and extraction stages are imported when first used.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from factcheck import codes
from factcheck.config import Config, default_config
from factcheck.errors import UsageError
from factcheck.models import Claim, Document, Finding, Mention, Report, SourceInfo, Summary

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """A comparison allocates millions of records that all live until the report is written
    and makes next to no reference cycles (peak memory is the same without the collector):
    walking them again and again was a tenth of the CPU of a large comparison (each young
    generation holds new records, and the older ones grow with the input). So the collector
    pauses while it runs (in forked children too). Afterwards everything allocated meanwhile
    goes to the oldest generation unexamined (a freeze and unfreeze move lists, they walk
    nothing), so the first collection after the comparison does not walk it all either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def expand_sources(sources: Iterable[str | Path]) -> list[str]:
    """Paths as given, with each directory replaced by its text files (sorted), duplicates
    dropped; "-" (stdin) is kept as is."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if str(source) != "-" and path.is_dir():
            found = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
            )
            if not found:
                raise UsageError(
                    "directory holds no .md or .txt files",
                    path=str(source),
                    hint="give the article files themselves",
                )
            out.extend(str(p) for p in found)
        else:
            out.append(str(source))
    return list(dict.fromkeys(out))


def read(sources: Sequence[str | Path]) -> list[Document]:
    """Every source read and decoded (raises SourceError naming a file that cannot be)."""
    from factcheck.sources import read_source

    return [read_source(path) for path in expand_sources(sources)]


def analyse(document: Document, config: Config | None = None) -> tuple[list[Mention], list[Claim]]:
    """The value mentions and claims of one document."""
    from factcheck.entities import load_entities
    from factcheck.extract import extract_claims
    from factcheck.predicates import load_predicates
    from factcheck.values import find_values

    config = config or default_config()
    mentions = find_values(document.text, document.date, document.language)
    claims = extract_claims(
        document,
        mentions,
        predicates=load_predicates(tuple(config.lexicon)),
        entities=load_entities(tuple(config.aliases)),
    )
    return mentions, claims


def extract(
    sources: Sequence[str | Path], config: Config | None = None
) -> tuple[list[Document], list[Claim]]:
    """Documents and all their claims (large documents analysed side by side, see
    factcheck.parallel)."""
    from factcheck.parallel import analyse_all

    config = config or default_config()
    with _collector_paused():
        documents = read(sources)
        per_document = analyse_all(documents, config, _claims_of)
    return documents, [claim for claims in per_document for claim in claims]


def _claims_of(document: Document, config: Config) -> list[Claim]:
    return analyse(document, config)[1]


def compare(sources: Sequence[str | Path], config: Config | None = None) -> Report:
    """Compare two or more sources with each other (directories expand to their files)."""
    config = config or default_config()
    paths = expand_sources(sources)
    if len(paths) < 2:
        raise UsageError(
            "compare needs at least two sources", hint="give two or more files, or a directory"
        )
    with _collector_paused():
        documents, claims = extract(paths, config)
        return compare_claims(documents, claims, config)


def compare_claims(
    documents: Sequence[Document], claims: Sequence[Claim], config: Config | None = None
) -> Report:
    """Align and judge claims already extracted (from documents, or from a ledger), and
    build the report: filtered by code and confidence, sorted, summarized."""
    from factcheck.align import align
    from factcheck.entities import load_entities
    from factcheck.judge import judge_all

    config = config or default_config()
    registry = load_entities(tuple(config.aliases))
    # When the story is told: the latest date among its sources (a scheduled date is later).
    now = max((d.date for d in documents if d.date is not None), default=None)
    findings = judge_all(align(claims, subject_type=registry.type_of), rates=config.rates, now=now)
    kept = [
        f
        for f in findings
        if f.confidence >= config.min_confidence
        and codes.is_selected(f.code, config.select, config.ignore)
    ]
    return build_report(documents, claims, kept)


def build_report(
    documents: Sequence[Document], claims: Sequence[Claim], findings: Iterable[Finding]
) -> Report:
    """A report with everything in its canonical order and the summary counted."""
    sources = sorted(
        (
            SourceInfo(path=d.path, language=d.language, title=d.title, date=d.date)
            for d in {d.path: d for d in documents}.values()
        ),
        key=lambda s: s.path,
    )
    ordered = sorted(findings, key=finding_key)
    return Report(
        sources=sources,
        claims=sorted(claims, key=lambda c: (c.source, c.start, c.end, c.id)),
        findings=ordered,
        summary=Summary(
            contradictions=sum(f.kind == "contradiction" for f in ordered),
            agreements=sum(f.kind == "agreement" for f in ordered),
            review=sum(f.kind == "review" for f in ordered),
        ),
    )


def finding_key(f: Finding) -> tuple[object, ...]:
    """Kind first (contradictions, then review, then agreements), then where it is."""
    where = tuple((s.source, s.start, s.claim) for s in f.sides)
    return (codes.KIND_RANK[f.kind], where, f.code, f.explanation)


__all__ = [
    "analyse",
    "build_report",
    "compare",
    "compare_claims",
    "expand_sources",
    "extract",
    "finding_key",
    "read",
]
