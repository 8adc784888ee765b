"""The command line: options in, one library call, a renderer out, errors to exit codes.

Every command body stays thin; the work lives in the library modules so that other programs
can import it. Heavy modules are imported inside the commands to keep start-up fast.
"""

# No `from __future__ import annotations` here: typer reads every command's parameter
# annotations, and would compile and evaluate each from its text (~1% of a cold start).
import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

from factcheck import __version__
from factcheck.errors import FactcheckError, UsageError

# A command imports pydantic, rich and our modules: several hundred thousand objects, nearly
# all kept to the end. At the default pace (a young collection every 700 allocations, older
# ones after 10 of those) the collector walks them again and again, ~2% of a cold compare.
# It stays on, collecting every 100,000 allocations; for the command line only, not for
# library use.
gc.set_threshold(100_000)

app = typer.Typer(
    name="factcheck",
    help="Find where texts about one story disagree (Chinese and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

BUG_URL = "https://github.com/factcheck-cli/factcheck/issues"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Find where texts about one story disagree (Chinese and English)."""


# --- compare, extract, schema, codes -------------------------------------------------------

SOURCES_ARG = typer.Argument(
    ..., metavar="SOURCE...", help="Files or directories of .md/.txt files; '-' reads stdin."
)
FORMAT_OPT = typer.Option(
    "text", "--format", "-f", help="Output format: text or json (and any registered format)."
)
OUTPUT_OPT = typer.Option(
    None, "--output", "-o", help="Write to FILE (atomically) instead of stdout.", dir_okay=False
)
FAIL_ON_OPT = typer.Option(
    None, "--fail-on", help="Exit 1 on findings of this kind or worse: contradiction|review|never."
)
QUIET_OPT = typer.Option(False, "--quiet", "-q", help="Text: show only the findings that fail.")
COLOR_OPT = typer.Option("auto", "--color", help="Color: auto|always|never.")
NO_COLOR_OPT = typer.Option(False, "--no-color", help="No color (as NO_COLOR=1 does).")
SELECT_OPT = typer.Option(None, "--select", help="Report only these codes or prefixes (FC1).")
IGNORE_OPT = typer.Option(None, "--ignore", help="Leave out these codes or prefixes.")
MIN_CONF_OPT = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0, help="Hide findings below this confidence."
)
CONFIG_OPT = typer.Option(None, "--config", help="Config file (factcheck.toml or pyproject).")


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is not None and value not in allowed:
        raise UsageError(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
    return value


@app.command()
def compare(
    sources: list[str] = SOURCES_ARG,
    fmt: str = FORMAT_OPT,
    output: Path | None = OUTPUT_OPT,
    fail_on: str | None = FAIL_ON_OPT,
    quiet: bool = QUIET_OPT,
    color: str = COLOR_OPT,
    no_color: bool = NO_COLOR_OPT,
    select: list[str] | None = SELECT_OPT,
    ignore: list[str] | None = IGNORE_OPT,
    min_confidence: float | None = MIN_CONF_OPT,
    config_file: Path | None = CONFIG_OPT,
) -> int:
    """Compare two or more sources and report where they disagree."""
    from factcheck import api, run

    _choice(color, ("auto", "always", "never"), "--color")
    flags = {
        "fail_on": _choice(fail_on, ("contradiction", "review", "never"), "--fail-on"),
        "select": run.split_codes(select),
        "ignore": run.split_codes(ignore),
        "min_confidence": min_confidence,
    }
    config = run.settings(flags, config_file=config_file)
    report = api.compare(sources, config)
    use = run.use_color(color, no_color=no_color, output=output)
    run.emit(report, fmt=fmt, output=output, color=use, quiet=quiet, fail_on=config.fail_on)
    return run.exit_code(report, config.fail_on)


@app.command()
def extract(
    sources: list[str] = SOURCES_ARG,
    fmt: str = FORMAT_OPT,
    output: Path | None = OUTPUT_OPT,
    color: str = COLOR_OPT,
    no_color: bool = NO_COLOR_OPT,
    config_file: Path | None = CONFIG_OPT,
) -> int:
    """Print the value mentions and claims found in each source."""
    from factcheck import api, run
    from factcheck.output import write
    from factcheck.report import claims

    _choice(fmt, ("text", "json"), "--format")
    _choice(color, ("auto", "always", "never"), "--color")
    config = run.settings({}, config_file=config_file)
    extracted = [(doc, *api.analyse(doc, config)) for doc in api.read(sources)]
    if fmt == "json":
        write(claims.to_json(extracted), output)
    else:
        use = run.use_color(color, no_color=no_color, output=output)
        write(claims.to_text(extracted, color=use), output)
    return 0


@app.command()
def schema(output: Path | None = OUTPUT_OPT) -> int:
    """Print the JSON Schema of the JSON report (version 1)."""
    import json

    from factcheck.output import write
    from factcheck.report.json import schema as report_schema

    write(json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n", output)
    return 0


@app.command("codes")
def codes_command(fmt: str = FORMAT_OPT, output: Path | None = OUTPUT_OPT) -> int:
    """List the finding codes: code, name, kind, severity and what each means."""
    import json

    from factcheck.codes import CODES
    from factcheck.output import write

    _choice(fmt, ("text", "json"), "--format")
    if fmt == "json":
        rows = [
            {"code": c.code, "name": c.name, "kind": c.kind, "severity": c.severity,
             "message": c.message, "description": c.description}
            for c in CODES
        ]
        write(json.dumps(rows, indent=2) + "\n", output)
    else:
        write("".join(f"{c.code}  {c.name:<24} {c.kind:<14} {c.description}\n" for c in CODES),
              output)
    return 0


# --- check, ledger, config: the editorial workflow (issue 4) ------------------------------

CHECK_FILES_ARG = typer.Argument(
    None, metavar="FILE", help="Files to check (default: every document in the repository)."
)
CHECK_FORMAT_OPT = typer.Option(
    "text", "--format", "-f", help="Output format: text, json, sarif, github or line."
)
BASELINE_OPT = typer.Option(None, "--baseline", help="Baseline file of accepted findings.")
UPDATE_BASELINE_OPT = typer.Option(
    False, "--update-baseline", help="Drop baseline entries that no longer match."
)
WRITE_BASELINE_OPT = typer.Option(
    False, "--write-baseline", help="Accept every current finding into the baseline."
)
SHOW_SETTINGS_OPT = typer.Option(
    False, "--show-settings", help="Print the settings in effect and exit."
)
ARTICLE_ARG = typer.Argument(..., metavar="FILE", help="The article holding the claim.")
CLAIM_OPT = typer.Option(None, "--claim", help="Claim id (from `factcheck extract`).")
AT_OPT = typer.Option(None, "--at", help="LINE:COL of the claim's value.")
TO_OPT = typer.Option(None, "--to", help="Ledger file (default: claims/ledger.yaml).")
SUBJECT_OPT = typer.Option(None, "--subject", help="Set or correct the subject.")
PREDICATE_OPT = typer.Option(None, "--predicate", help="Set or correct the relation.")
NOTE_OPT = typer.Option(None, "--note", help="A note kept with the fact.")


@app.command()
def check(
    files: list[str] | None = CHECK_FILES_ARG,
    fmt: str = CHECK_FORMAT_OPT,
    output: Path | None = OUTPUT_OPT,
    fail_on: str | None = FAIL_ON_OPT,
    quiet: bool = QUIET_OPT,
    color: str = COLOR_OPT,
    no_color: bool = NO_COLOR_OPT,
    select: list[str] | None = SELECT_OPT,
    ignore: list[str] | None = IGNORE_OPT,
    min_confidence: float | None = MIN_CONF_OPT,
    config_file: Path | None = CONFIG_OPT,
    baseline: Path | None = BASELINE_OPT,
    update_baseline: bool = UPDATE_BASELINE_OPT,
    write_baseline: bool = WRITE_BASELINE_OPT,
    show_settings: bool = SHOW_SETTINGS_OPT,
) -> int:
    """Check files against the ledger in claims/ and the repository's other documents."""
    from factcheck import run
    from factcheck.check import BaselineMode, run_check, warnings
    from factcheck.config import describe, load_settings
    from factcheck.progress import progress_bar

    _choice(color, ("auto", "always", "never"), "--color")
    if update_baseline and write_baseline:
        raise UsageError("--update-baseline and --write-baseline exclude each other")
    flags = {
        "fail_on": _choice(fail_on, ("contradiction", "review", "never"), "--fail-on"),
        "select": run.split_codes(select),
        "ignore": run.split_codes(ignore),
        "min_confidence": min_confidence,
        "baseline": baseline,
    }
    settings = load_settings(flags, config_file=config_file)
    if show_settings:
        typer.echo(describe(settings), nl=False)
        return 0
    mode: BaselineMode = "write" if write_baseline else "update" if update_baseline else "use"
    if mode != "use" and settings.config.baseline is None:
        raise UsageError("no baseline file", hint="give --baseline FILE or set baseline")
    with progress_bar(enabled=not quiet) as progress:
        result = run_check(files, settings, baseline_mode=mode, progress=progress)
    for note in warnings(result):
        print(f"factcheck: {note}", file=sys.stderr)
    use = run.use_color(color, no_color=no_color, output=output)
    config = settings.config
    run.emit(result.report, fmt=fmt, output=output, color=use, quiet=quiet, fail_on=config.fail_on)
    return run.exit_code(result.report, config.fail_on)


ledger_app = typer.Typer(help="Work with the ledger of canonical facts in claims/.")
app.add_typer(ledger_app, name="ledger")


@ledger_app.command("add")
def ledger_add(
    file: str = ARTICLE_ARG,
    claim: str | None = CLAIM_OPT,
    at: str | None = AT_OPT,
    to: Path | None = TO_OPT,
    subject: str | None = SUBJECT_OPT,
    predicate: str | None = PREDICATE_OPT,
    note: str | None = NOTE_OPT,
    config_file: Path | None = CONFIG_OPT,
) -> int:
    """Accept a claim from an article as a canonical fact in the ledger."""
    from factcheck import api
    from factcheck.config import load_settings
    from factcheck.ledger_add import accept

    if (claim is None) == (at is None):
        raise UsageError("give exactly one of --claim ID and --at LINE:COL")
    settings = load_settings({}, config_file=config_file)
    _docs, claims = api.extract([file], settings.config)
    target = to or settings.path(settings.config.ledger) / "ledger.yaml"
    fields = {"subject": subject, "predicate": predicate, "note": note}
    shown, line = accept(claims, file, target, claim_id=claim, at=at, **fields)
    typer.echo(f"added to {shown}:{line}")
    return 0


VALUES_FILE_ARG = typer.Argument(
    None, metavar="[FILE]", help="JSON Lines input; stdin when left out or '-'.", dir_okay=False
)


@app.command("values")
def values_command(file: Path | None = VALUES_FILE_ARG) -> int:
    """Normalize values in bulk: JSON Lines {"id", "text", "reference_date", "lang"?} in,
    {"id", "mentions": [...]} out, one line each, flushed as written."""
    from factcheck.errors import SourceError
    from factcheck.values import stream_values

    if file is None or str(file) == "-":
        stream_values(sys.stdin, sys.stdout, "<stdin>")
        return 0
    try:
        with open(file, encoding="utf-8-sig") as lines:
            stream_values(lines, sys.stdout, str(file))
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path=str(file)) from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 ({exc.reason})", path=str(file)) from exc
    return 0


@app.command("config")
def config_command(config_file: Path | None = CONFIG_OPT) -> int:
    """Print the settings in effect and where each comes from."""
    from factcheck.config import describe, load_settings

    typer.echo(describe(load_settings({}, config_file=config_file)), nl=False)
    return 0


def _inert(text: str) -> str:
    from factcheck.report.inert import inert

    return " ".join(inert(text).split())


def run() -> NoReturn:
    """The command's entry point (`factcheck`, `python -m factcheck`): main(), then a quick
    exit. Tearing the interpreter down frees every lexicon, automaton and compiled pattern
    one object at a time — 0.05–0.15 s of a 0.5 s comparison — for a process that is ending
    anyway; so once the output is flushed and the exit hooks have run (the user caches are
    written there) the process leaves at once. `main()` stays the entry for callers that
    go on afterwards."""
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message"), as the interpreter would print it
        print(code, file=sys.stderr)
        code = 1
    status = code if isinstance(code, int) else 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        # A reader gone away (| head) or a closed stream: nothing left to say.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(status)


def main() -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    try:
        code = app(standalone_mode=False)
    except FactcheckError as exc:
        # A file name or a config value in the message may hold escape sequences.
        print(f"factcheck: error: {_inert(str(exc))}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, EOFError):
        print("factcheck: aborted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as exc:
        # Usage errors from the option parser: one line with a hint, as for our own errors
        # (click's usage box is four lines).
        format_message = getattr(exc, "format_message", None)
        message = format_message() if callable(format_message) else str(exc)
        names: list[str] = []
        ctx = getattr(exc, "ctx", None)
        while ctx is not None and ctx.parent is not None:  # the root's name is python's
            names.insert(0, ctx.info_name)
            ctx = ctx.parent
        command = " ".join(["factcheck", *names])
        print(f"factcheck: error: {_inert(message)} (hint: see '{command} --help')",
              file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        # The reader (head, less) went away; nothing left to say.
        sys.exit(0)
    except Exception as exc:  # the last line of defence against a traceback
        print(
            f"factcheck: internal error: {type(exc).__name__}: {exc}; "
            f"please report it at {BUG_URL}",
            file=sys.stderr,
        )
        sys.exit(3)
    # Without standalone mode a command's return value (or typer.Exit's code) comes back here;
    # so does Ctrl-C, which typer has already turned into 130.
    if code == 130:
        print("factcheck: interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)

