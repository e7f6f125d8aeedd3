"""Archived projects are read-only: one check on the store's one way in (Committing._apply),
so every board, form, import and command is refused alike until the project is reopened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pmtui.changes import Change
from pmtui.schema import Record
from pmtui.store.errors import StoreError


class ArchivedError(StoreError):
    """A change to an archived project; the message says how to reopen it."""


def reopens(changes: Sequence[Change]) -> bool:
    """Whether `changes` only reopen the project: edits of the project record that leave it
    not archived (`pmtui reopen`, the Closure board's reopen, or undoing the archive)."""
    return all(
        change.table == "project" and change.after is not None and not change.after.get("archived")
        for change in changes
    )


def check_open(project: Record, changes: Sequence[Change], path: Path) -> None:
    """Raise ArchivedError when the project is archived and `changes` do more than reopen it."""
    if not project.get("archived") or reopens(changes):
        return
    raise ArchivedError(
        f"the project is archived, so read-only: pmtui reopen {path.stem} (or R on "
        "Project › Closure) reopens it; nothing was changed"
    )
