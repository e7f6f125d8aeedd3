"""Undo and redo: this session's change sets, and the file's journal for `pmtui undo`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pmtui.store import journal
from pmtui.store.changes import Change, ChangeSet
from pmtui.store.files import ProjectFiles

UNDO_DEPTH = 100


class History:
    """The Store's history half: undo and redo commit the inverse (or the same) change set."""

    # The Store sets these up.
    files: ProjectFiles
    _undo: list[ChangeSet]
    _redo: list[ChangeSet]

    if TYPE_CHECKING:

        def commit(self, changes: list[Change], label: str, **extra: Any) -> ChangeSet | None: ...

    def _push_undo(self, change_set: ChangeSet | None) -> None:
        if change_set is None:
            return
        self._undo.append(change_set)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        """Whether this session has a change to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether this session has an undone change to redo."""
        return bool(self._redo)

    def undo(self) -> str | None:
        """Undo this session's last change set; returns its label (None: nothing to undo)."""
        if not self._undo:
            return None
        change_set = self._undo[-1]
        self._commit_inverse(change_set)
        self._undo.pop()
        self._redo.append(change_set)
        return change_set.label

    def redo(self) -> str | None:
        """Redo the last undone change set; returns its label (None: nothing to redo)."""
        if not self._redo:
            return None
        change_set = self._redo[-1]
        landed = self.commit(list(change_set.changes), change_set.label, redoes=change_set.id)
        self._redo.pop()
        if landed is not None:
            self._undo.append(landed)
        return change_set.label

    def undo_last_saved(self) -> str | None:
        """Undo the newest change in the file's undo journal, by any session (pmtui undo)."""
        change_set = journal.last_undoable(self.files.journal)
        if change_set is None:
            return None
        self._commit_inverse(change_set)
        return change_set.label

    def _commit_inverse(self, change_set: ChangeSet) -> None:
        inverse = [c.inverse() for c in reversed(change_set.changes)]
        self.commit(inverse, f"undo {change_set.label}", undoes=change_set.id)
