"""The one error type for bad input: where, what, and how to fix it."""

from __future__ import annotations


class ReportError(Exception):
    """Bad input. Printed as `path:line: message` then a hint; never a traceback."""

    def __init__(self, path: str, message: str, hint: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}\n  hint: {self.hint}"
