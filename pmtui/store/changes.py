"""Change sets: what one user action did to which records, and how it replays on new data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from pmtui.changes import Change
from pmtui.schema import Record
from pmtui.store.errors import ConflictError

__all__ = ["Change", "ChangeSet", "Record", "check_against"]


@dataclass
class ChangeSet:
    """What one user action changed, undone and redone as one step."""

    label: str
    changes: list[Change]
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


def check_against(change: Change, current: Record | None, private: bool = False) -> Record | None:
    """The record to store when `change` lands on `current` (the file's record now).

    Fields the change did not touch keep the file's value, so two sessions editing
    different fields of one record both win. A field the change touched that someone
    else changed meanwhile raises ConflictError, and the file keeps their value; for a
    `private` table the message names the field, never the other session's value.
    """
    name = f"{change.table} {change.original_key}"
    if change.before is None:
        if current is not None:
            raise ConflictError(f"{change.table} {change.key} was just added by another session")
        return change.after
    if current is None:
        if change.after is None:
            return None  # already deleted elsewhere: the wish is granted
        raise ConflictError(f"{name} was deleted by another session; your edit was not saved")
    if change.after is None:
        if _visible(current) != _visible(change.before):
            raise ConflictError(f"{name} was changed by another session; it was not deleted")
        return None
    merged = dict(current)
    for f in change.changed_fields():
        theirs, base, mine = current.get(f), change.before.get(f), change.after.get(f)
        if theirs != base and theirs != mine:
            changed = f"changed {f}" if private else f"changed {f} to {theirs!r}"
            raise ConflictError(
                f"{name}: another session {changed} first; the file keeps their value"
            )
        if mine is None:
            merged.pop(f, None)
        else:
            merged[f] = mine
    return merged


def _visible(record: Record) -> Record:
    return {k: v for k, v in record.items() if v is not None}
