"""The command line: options in, one library call, a renderer out, errors to exit codes.

Every command body stays thin; the work lives in the library modules so that other programs
can import it. Heavy modules are imported inside the commands to keep start-up fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from factcheck import __version__
from factcheck.errors import FactcheckError

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


def main() -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    try:
        app(standalone_mode=False)
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
    sys.exit(0)

