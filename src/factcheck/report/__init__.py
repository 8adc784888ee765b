"""Renderers over one `Report`: a registry from format name to a function, imported lazily.

Every renderer is `(report, *, color) -> str` and recomputes nothing. Other formats (sarif,
github, line) register themselves here with `register`, or are added to `_BUILTIN`.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from factcheck.errors import UsageError
from factcheck.models import Report


class Renderer(Protocol):
    def __call__(self, report: Report, *, color: bool) -> str: ...


# "module:function" so that choosing JSON never imports rich.
_BUILTIN: dict[str, str] = {
    "text": "factcheck.report.terminal:render",
    "json": "factcheck.report.json:render",
    "sarif": "factcheck.report.sarif:render",
    "github": "factcheck.report.github:render",
    "line": "factcheck.report.line:render",
}
_REGISTRY: dict[str, Renderer | str] = dict(_BUILTIN)


def register(fmt: str, renderer: Renderer | str) -> None:
    """Add a format: a renderer, or "module:function" to import when first used."""
    _REGISTRY[fmt] = renderer


def formats() -> list[str]:
    return sorted(_REGISTRY)


def get(fmt: str) -> Renderer:
    target = _REGISTRY.get(fmt)
    if target is None:
        raise UsageError(
            f"unknown output format {fmt!r}", hint=f"choose one of {', '.join(formats())}"
        )
    if isinstance(target, str):
        module, _, name = target.partition(":")
        loaded: Renderer = getattr(importlib.import_module(module), name)
        _REGISTRY[fmt] = loaded
        return loaded
    return target


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """The report as text in `fmt` (text, json, or any registered format)."""
    return get(fmt)(report, color=color)


__all__ = ["Renderer", "formats", "get", "register", "render"]
