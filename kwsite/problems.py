"""Problems found in an editor's input, and the error that carries them.

Every problem names the file, line, column and field, so an editor can go
straight to it: ``data/indicators.yaml:12:5 indicators[0].targets[1].year: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem. ``line``/``col`` are 1-based; 0 when unknown (whole file)."""

    file: str
    line: int
    col: int
    path: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        field = f" {self.path}:" if self.path else ""
        return f"{where}{field} {self.message}"

    def display(self) -> str:
        """The line for a terminal: warnings carry ``waarschuwing:`` before the message."""
        if self.level == "warning":
            return str(Problem(self.file, self.line, self.col, self.path, "waarschuwing: " + self.message))
        return str(self)


class KwsiteError(Exception):
    """Raised when input has errors; ``problems`` lists all of them at once."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems)
        self.warnings = sorted(warnings or [])
        """Warnings found in the same run, reported beside the errors."""
        super().__init__("\n".join(str(p) for p in self.problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.level == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    """The problems that are reported but do not stop a build (``--strict`` does)."""
    return [p for p in problems if p.level == "warning"]
