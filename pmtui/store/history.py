"""Undo and redo: this session's change sets, and the file's journal for `pmtui undo`."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from pmtui.store import journal
from pmtui.store.changes import Change, ChangeSet
from pmtui.store.errors import FirstChange, UndoRefused
from pmtui.store.file_data import project_id
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

        @property
        def _data(self) -> dict[str, Any]: ...

        def _locked(self) -> contextlib.AbstractContextManager[None]: ...

        def changed_on_disk(self) -> bool: ...

        def _load_from_disk(self, same_project: str | None = None) -> None: ...

    def _forget_unsaved(self, dropped: list[int]) -> None:
        """Undo no longer offers change sets (by id()) that never reached the file."""
        self._undo[:] = [c for c in self._undo if id(c) not in dropped]
        self._redo[:] = [c for c in self._redo if id(c) not in dropped]

    def _push_undo(self, change_set: ChangeSet | None) -> None:
        if change_set is None:
            return
        self._undo.append(change_set)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    @property
    def last_change(self) -> ChangeSet | None:
        """This session's newest change set (None before any): what a save just landed,
        for the warnings it leaves (pmtui.services.overloads)."""
        return self._undo[-1] if self._undo else None

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

    def _saved_lineage(self) -> journal.Lineage:
        """The journal's steps for the file as it is on disk now (call under the lock)."""
        if self.changed_on_disk():
            self._load_from_disk(same_project=project_id(self._data))
        table = self._data.get("_meta") or {}
        meta = table[next(iter(table))] if table else {}
        head = meta.get("change")
        revision = meta.get("revision")
        return journal.lineage(
            self.files.journal,
            head if isinstance(head, str) else None,
            revision if type(revision) is int else None,
        )

    def undo_last_saved(self, *, first_too: bool = False) -> str | None:
        """Undo the newest change saved to the file, by any session (pmtui undo).

        Only a change the file shows is undone: the journal's entries are checked against
        the file's `_meta` (see journal.Lineage); UndoRefused says why not, and
        FirstChange asks before the file's first change (a fresh demo, a first import) is
        undone unless `first_too`. None: nothing to undo. The file is unchanged on refusal.
        """
        self.files.check_sidecars()  # a link at the journal: refused naming it, not "no entry"
        with self._locked():
            steps = self._saved_lineage()
            change_set = steps.next_undo()
            if change_set is None:
                if steps.gap:
                    raise UndoRefused(f"{steps.gap}; nothing was changed")
                return None
            if steps.undo_is_first and not first_too:
                raise FirstChange(change_set.label)
            self._commit_inverse(change_set)
        return change_set.label

    def redo_last_saved(self) -> str | None:
        """Redo the change the last `pmtui undo` took back (pmtui redo); None: nothing to
        redo (no undo since, or a new change was saved after it)."""
        self.files.check_sidecars()
        with self._locked():
            change_set = self._saved_lineage().next_redo()
            if change_set is None:
                return None
            self.commit(list(change_set.changes), change_set.label, redoes=change_set.id)
        return change_set.label

    def _commit_inverse(self, change_set: ChangeSet) -> None:
        inverse = [c.inverse() for c in reversed(change_set.changes)]
        self.commit(inverse, f"undo {change_set.label}", undoes=change_set.id)
