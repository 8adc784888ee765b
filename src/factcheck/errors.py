"""The exceptions a user can cause; the CLI turns each into a one-line message and exit 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem with the user's input, configuration or ledger (exit code 2)."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        # One line, whatever the message carried in from a parser.
        return " ".join(text.split())


class UsageError(FactcheckError):
    """A bad option or argument."""


class SourceError(FactcheckError):
    """A source file that cannot be read or decoded."""


class ConfigError(FactcheckError):
    """A bad configuration file, key or value."""


class LedgerError(FactcheckError):
    """A malformed ledger file under claims/."""
