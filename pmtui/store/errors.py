"""What the store refuses, each with a message fit to show a user as is."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every refusal the store reports; str(error) is the user's message."""


class ProjectError(StoreError):
    """The file cannot be opened as a project (unreadable, not JSON, newer, not pmtui)."""


class SaveError(StoreError):
    """The change could not be written (read-only, disk full...); nothing was changed."""


class ConflictError(StoreError):
    """Another session changed the same thing first; the file keeps its value."""


class RecordInvalid(StoreError):
    """Values that do not fit their fields; `errors` maps field name to message."""

    def __init__(self, errors: dict[str, str], table: str = "", key: str = "") -> None:
        self.errors = errors
        self.table = table
        self.key = key
        where = f"{table} {key}: " if key else (f"{table}: " if table else "")
        super().__init__(where + "; ".join(f"{f}: {m}" for f, m in errors.items()))


class NotFound(StoreError):
    """No record with that key (or name)."""


class InUse(StoreError):
    """A record others refer to cannot be deleted; the message lists who refers to it."""


class UndoRefused(StoreError):
    """`pmtui undo`/`redo` cannot take the step safely; the file was not changed."""


class FirstChange(UndoRefused):
    """The step would undo the file's first change (emptying it); the caller must confirm."""

    def __init__(self, label: str) -> None:
        self.label = label
        super().__init__(f"{label} is the project's first change: undoing it empties the project")
