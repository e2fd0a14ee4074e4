"""Typed errors. Each carries a message a user can act on; the UI edge shows it."""

from __future__ import annotations

from pathlib import Path


class BitextError(Exception):
    """Base of every expected problem the application reports to the user."""


class OperationError(BitextError):
    """An edit cannot be applied to the current state; the state is unchanged."""


class InvariantError(BitextError):
    """A bitext breaks one of the model's invariants (names the first breach)."""


class FileProblem(BitextError):
    """A problem with a file the user gave: the message names the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ProjectFormatError(FileProblem):
    """A project file that cannot be read (invalid JSON, wrong type, newer version …)."""


class InputError(FileProblem):
    """A document that cannot be imported (broken, encrypted, wrong kind …)."""


class ExportError(FileProblem):
    """An export that could not be written."""
