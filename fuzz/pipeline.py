"""Fuzz the whole pipeline: bytes -> decode -> document -> values -> claims -> compare -> render.

An input is split at its first 0x1E byte (ASCII record separator) into two sources, so one
input exercises decoding, extraction and the comparison of two texts at once. Expected
failures are `FactcheckError`s (an undecodable file, broken front matter); anything else,
a broken invariant, or an input slower than libFuzzer's -timeout is a finding.

    python fuzz/pipeline.py fuzz/corpus /tmp/fuzz-work -max_total_time=600 -timeout=20
    python fuzz/pipeline.py --seed-corpus fuzz/corpus      # rebuild the seeds from examples/

With atheris missing (`pip install atheris`), `python fuzz/pipeline.py FILE...` replays
inputs through the same checks, which is how crashes are turned into regression tests.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # replay mode only
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["factcheck"]):
        # The stages the API imports lazily, imported here so that they are instrumented.
        import factcheck.align
        import factcheck.extract
        import factcheck.judge
        import factcheck.normalize.dates
        import factcheck.report.json
        import factcheck.report.terminal
        import factcheck.values  # noqa: F401
        from factcheck.api import analyse, compare_claims
        from factcheck.encoding import decode_bytes
        from factcheck.errors import FactcheckError
        from factcheck.report import render
        from factcheck.sources import document_from_text
else:
    from factcheck.api import analyse, compare_claims
    from factcheck.encoding import decode_bytes
    from factcheck.errors import FactcheckError
    from factcheck.report import render
    from factcheck.sources import document_from_text

SEPARATOR = b"\x1e"
# Characters an article may hold that must never reach the terminal report raw.
_ACTIVE = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
ROOT = Path(__file__).resolve().parent.parent


def _require(condition: bool, message: str) -> None:
    # Not `assert`: the checks must hold under `python -O` too.
    if not condition:
        raise AssertionError(message)


def check_one(data: bytes) -> None:
    """Run one input through the pipeline and assert what must hold for every input."""
    first, _, second = data.partition(SEPARATOR)
    documents = []
    claims = []
    for name, raw in (("a.txt", first), ("b.md", second)):
        try:
            doc = document_from_text(decode_bytes(raw, name), name)
        except FactcheckError as exc:
            # Expected failures still owe the user one line that names the file.
            _require("\n" not in str(exc), f"message of more than one line: {exc}")
            _require(name in str(exc), f"message does not name the file: {exc}")
            continue
        mentions, found = analyse(doc)
        for m in mentions:
            _require(0 <= m.start < m.end <= len(doc.text), repr((m.start, m.end)))
            _require(doc.text[m.start : m.end] == m.text, repr((m.text, m.start)))
        for c in found:
            _require(doc.text[c.start : c.end] == c.value_text, repr((c.value_text, c.start)))
            _require(doc.position(c.start) == (c.line, c.column), repr(c.id))
        documents.append(doc)
        claims.extend(found)
    report = compare_claims(documents, claims)
    shown = render(report, "text", color=True)
    # The renderer's own color codes are ESC [ ... m; any other ESC came from the text.
    bare = _SGR.sub("", shown)
    for char in _ACTIVE:
        _require(char not in bare, f"raw {char!r} in the terminal report")
    render(report, "json")


def seed_corpus(target: Path) -> int:
    """Seed inputs: every pair of example articles in one story, joined by the separator."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for story in sorted(d for d in (ROOT / "examples").iterdir() if d.is_dir()):
        files = sorted(p for p in story.iterdir() if p.suffix in (".txt", ".md"))
        for i, a in enumerate(files):
            for b in files[i + 1 :]:
                data = a.read_bytes() + SEPARATOR + b.read_bytes()
                (target / f"{story.name}-{a.stem}-{b.stem}").write_bytes(data)
                count += 1
    return count


def main(argv: list[str]) -> None:
    if len(argv) > 2 and argv[1] == "--seed-corpus":
        print(f"{seed_corpus(Path(argv[2]))} seed inputs written to {argv[2]}")
        return
    if atheris is None:
        for name in argv[1:]:
            check_one(Path(name).read_bytes())
            print(f"ok: {name}")
        return
    atheris.Setup(argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
