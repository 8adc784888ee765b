"""Settings in effect for a run: a pydantic model that rejects unknown keys.

Layering (defaults < [tool.factcheck] in pyproject.toml or factcheck.toml < FACTCHECK_*
variables < command-line flags) is done by `load_config`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FailOn = Literal["contradiction", "review", "never"]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fail_on: FailOn = Field(
        default="contradiction", description="lowest finding kind that makes the exit code 1"
    )
    select: list[str] = Field(default_factory=list, description="finding codes to report")
    ignore: list[str] = Field(default_factory=list, description="finding codes to leave out")
    lexicon: list[Path] = Field(
        default_factory=list, description="extra predicate trigger files (YAML)"
    )
    aliases: list[Path] = Field(default_factory=list, description="extra entity alias files")
    min_confidence: float = Field(
        default=0.5, ge=0, le=1, description="alignment score below which pairs are not shown"
    )


def load_config(overrides: dict[str, object] | None = None) -> Config:
    """Defaults with `overrides` (from flags) on top."""
    return Config.model_validate(overrides or {})
