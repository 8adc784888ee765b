"""The command line: options in, one library call, a renderer out, errors to exit codes.

Every command body stays thin; the work lives in the library modules so that other programs
can import it. Heavy modules are imported inside the commands to keep start-up fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from factcheck import __version__
from factcheck.errors import FactcheckError, UsageError

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

    from factcheck.models import Report
    from factcheck.output import write

    write(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False) + "\n", output)
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


def main() -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    try:
        code = app(standalone_mode=False)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
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
        # Usage errors from the option parser: click's own message, exit 2.
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"factcheck: error: {exc}", file=sys.stderr)
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
    # Without standalone mode a command's return value (or typer.Exit's code) comes back here.
    sys.exit(code if isinstance(code, int) else 0)

