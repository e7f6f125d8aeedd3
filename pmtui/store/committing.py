"""Committing change sets: lock, replay on the file as it is now, check, write, journal and log."""

from __future__ import annotations

import contextlib
import threading
import weakref
from datetime import date
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document

from pmtui.context import Context
from pmtui.store import journal
from pmtui.store.archived import check_open
from pmtui.store.atomic import atomic_write, check_writable
from pmtui.store.changes import Change, ChangeSet, Record, check_against
from pmtui.store.encoding import IncrementalEncoder
from pmtui.store.errors import ConflictError, SaveError
from pmtui.store.file_data import new_project_id, project_id
from pmtui.store.files import ProjectFiles
from pmtui.store.references import ref_targets, rename_reference
from pmtui.store.signals import deferred_signals, exit_if_hung_up
from pmtui.tables import load_all, record_type, rules_touched


class Committing:
    """The Store's saving half: a change set lands in the file whole, or not at all."""

    # The Store sets these up.
    files: ProjectFiles
    user: str
    #: Things the user should hear about saves that otherwise worked (no undo for one).
    warnings: list[str]
    _db: TinyDB
    _index: dict[str, dict[str, str]]
    # The encoder of the data last written, and the storage (weakly) and data it serves:
    # a reload or migration brings new ones, and a fresh encoder.
    _encoder: IncrementalEncoder | None = None
    _encoded_for: tuple[weakref.ref[Any], int] | None = None

    if TYPE_CHECKING:

        @property
        def _data(self) -> dict[str, Any]: ...

        @property
        def project(self) -> Record: ...

        @property
        def today(self) -> date: ...

        def _locked(self) -> contextlib.AbstractContextManager[None]: ...

        def changed_on_disk(self) -> bool: ...

        def _load_from_disk(self, same_project: str | None = None) -> None: ...

        def _file_mode(self) -> int: ...

        def _hold_current(self) -> None: ...

        def forget_caches(self) -> None: ...

        def _table(self, table: str) -> dict[str, Record]: ...

        def _doc_id(self, table: str, key: str) -> str | None: ...

        def stored(self, table: str, key: str) -> Record | None: ...

        def free_key(self, table: str, claimed: set[str] | None) -> str: ...

        def check_references(self, landed: list[Change]) -> None: ...

        def check_rules(self, landed: list[Change]) -> None: ...

        def _forget_unsaved(self, dropped: list[int]) -> None: ...

        def _carry_forward(self, previous: Context | None, landed: list[Change]) -> None: ...

        _read_context: Context | None

        _thread_lock: threading.RLock

    #: Set by Store.peek: a look at the file that takes no lock and never writes.
    read_only: bool = False
    #: Set by the app: commit applies and checks a change set in memory only, and
    #: write_unwritten (which the app runs in a worker thread) writes it.
    defer_writes: bool = False
    #: Change sets in memory not yet in the file (deferred, or their write failed), with
    #: what their journal entry adds; oldest first.
    _unwritten: list[tuple[ChangeSet, dict[str, Any]]]

    def commit(self, changes: list[Change], label: str, **extra: Any) -> ChangeSet | None:
        """Land `changes` in the file as one step: lock, merge with disk, write, log.

        A session that finds the file changed since it read it reloads first and
        replays its changes on the new data (check_against); a real conflict raises
        ConflictError and the file keeps the other session's values.

        With `defer_writes` the change set is checked (references, rules) and applied in
        memory at once, as in a save; write_unwritten lands it in the file.
        """
        if not changes:
            return None
        if self.read_only:
            raise SaveError(f"{self.files.path} was opened to read only; nothing was changed")
        if self.defer_writes:
            return self._commit_in_memory(changes, label, extra)
        exit_if_hung_up()  # a hang-up a callback swallowed ends the command here, unsaved
        if self._unwritten:
            self.write_unwritten()  # in order: a change never lands before an earlier one
        # Before the lock and any backup: a read-only file or folder gets nothing written.
        check_writable(self.files.path)
        self.files.check_sidecars()
        # Signals wait until the change is in the file, the journal and the log, so a
        # hang-up never leaves a saved change that memory and the log do not know of.
        with self._locked(), deferred_signals():
            previous: Context | None = None
            landed: list[Change] = []
            try:
                if self.changed_on_disk():
                    self._load_from_disk(same_project=project_id(self._data))
                previous = self._read_context
                landed = self._apply(changes)
                change_set = ChangeSet(label, landed)
                meta = self._meta()
                meta_before = dict(meta)
                stamp = self._stamp(meta, change_set)
                warned = len(self.warnings)
                try:
                    # The journal entry goes first: a kill after the rename still finds
                    # it. An entry whose save never lands is never used (see Lineage).
                    self._journal(change_set, {**extra, **stamp})
                    self._write()
                except BaseException:
                    del self.warnings[warned:]  # "saved, but no undo": it was not saved
                    meta.clear()
                    meta.update(meta_before)
                    self._apply_unchecked([c.inverse() for c in reversed(landed)])
                    raise
                self._log(change_set, extra)
            except BaseException:
                self.forget_caches()
                raise
            self.forget_caches()
            self._carry_forward(previous, landed)
        return change_set

    def _commit_in_memory(
        self, changes: list[Change], label: str, extra: dict[str, Any]
    ) -> ChangeSet:
        """Check and apply a change set in memory, leaving its write to write_unwritten."""
        # What a save refuses before writing anything is refused here, at once.
        check_writable(self.files.path)
        self.files.check_sidecars()
        with self._thread_lock:
            previous = self._read_context
            try:
                landed = self._apply(changes)
            finally:
                self.forget_caches()
            self._carry_forward(previous, landed)
            change_set = ChangeSet(label, landed)
            self._unwritten.append((change_set, dict(extra)))
        return change_set

    @property
    def unwritten(self) -> int:
        """How many change sets memory holds that the file does not (yet)."""
        return len(self._unwritten)

    def unwritten_changes(self) -> list[ChangeSet]:
        """The change sets memory holds that the file does not (yet), oldest first."""
        return [change_set for change_set, _ in self._unwritten]

    def write_unwritten(self) -> list[ChangeSet]:
        """Write the change sets memory holds and the file does not, as commit would (under
        the lock; a file another session saved meanwhile is read again and they are
        replayed on it); returns them. Safe from a worker thread.

        A failed write (OSError, SaveError) keeps them in memory, to be written by the
        next call. A conflict on replay (ConflictError, or a rule the other session's
        change now breaks) drops them: memory is the file again, which keeps the other
        session's values."""
        with self._locked(), deferred_signals():
            batch = list(self._unwritten)
            if not batch:
                return []
            try:
                if self.changed_on_disk():
                    self._replay(batch)
                meta = self._meta()
                meta_before = dict(meta)
                stamps = [self._stamp(meta, change_set) for change_set, _ in batch]
                warned = len(self.warnings)
                try:
                    for (change_set, extra), stamp in zip(batch, stamps, strict=True):
                        self._journal(change_set, {**extra, **stamp})
                    self._write()
                except BaseException:
                    del self.warnings[warned:]  # "saved, but no undo": it was not saved
                    meta.clear()
                    meta.update(meta_before)
                    raise
                for change_set, extra in batch:
                    self._log(change_set, extra)
                del self._unwritten[: len(batch)]
            except BaseException:
                self.forget_caches()
                raise
            # Memory holds what it held (a replay read the file again, forgetting then):
            # what was derived from it stays valid, and the boards rebuild nothing.
        return [change_set for change_set, _ in batch]

    def _replay(self, batch: list[tuple[ChangeSet, dict[str, Any]]]) -> None:
        """Another session saved since memory took `batch`: read the file and land each
        change set on it again (each keeps its identity, for undo). A file that now holds
        another project is refused, and the change sets kept (ProjectError)."""
        self._load_from_disk(same_project=project_id(self._data))
        try:
            for change_set, _ in batch:
                change_set.changes[:] = self._apply(change_set.changes)
        except BaseException:
            self._load_from_disk()  # none of them: memory is the file again
            dropped = [id(change_set) for change_set, _ in batch]
            self._unwritten[: len(batch)] = []
            self._forget_unsaved(dropped)
            raise

    def _meta(self) -> dict[str, Any]:
        """The file's `_meta` record (schema version, revision, last change), in place."""
        table = self._data.setdefault("_meta", {})
        if not table:
            table["1"] = {}
        record: dict[str, Any] = table[next(iter(table))]
        return record

    def _stamp(self, meta: dict[str, Any], change_set: ChangeSet) -> dict[str, Any]:
        """Move `_meta` on to the state `change_set` produces; what its journal entry records.

        `revision` counts the file's saves (a file created by this pmtui starts at 0; an
        older file without one counts from 0 too, but its first save is not `first`) and
        `change` names the change set that made the file as it is.
        """
        base = meta.get("revision")
        revision = (base if type(base) is int else 0) + 1
        meta.setdefault("project_id", new_project_id())  # a file from before ids gets one
        stamp: dict[str, Any] = {"revision": revision, "parent": meta.get("change")}
        if base == 0 and type(base) is int:
            stamp["first"] = True
        elif type(base) is not int:
            stamp["older"] = True  # the changes before were saved by an older pmtui
        meta["revision"] = revision
        meta["change"] = change_set.id
        return stamp

    def _journal(self, change_set: ChangeSet, extra: dict[str, Any]) -> None:
        """Write the undo journal entry; if it cannot be written the change is still saved
        (a PM keeps the work) and `warnings` says undo is unavailable for it."""
        try:
            journal.journal_append(self.files.journal, change_set, self.user, **extra)
        except (OSError, SaveError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.warnings.append(
                f"{change_set.label} was saved, but the undo journal could not be written "
                f"({reason}): pmtui undo cannot undo it or anything before it"
            )

    def _log(self, change_set: ChangeSet, extra: dict[str, Any]) -> None:
        """Log a saved change set; its failure (disk full) loses history only."""
        private = frozenset(t for t in self._data if self._is_private(t))
        with contextlib.suppress(OSError, SaveError):
            journal.log_activity(self.files.activity, change_set, self.user, private, **extra)

    def _is_private(self, table: str) -> bool:
        # Not record_type's KeyError for _meta: its message looks for a close table name
        # (difflib) at every save.
        declared = load_all().get(table)
        return declared is not None and declared.private

    def _write(self) -> None:
        keep = int(self.project.get("backups_kept") or 14)
        if self.files.path.exists():
            self.files.keep_daily_backup(self.today, keep)
        encoder = self.encoder()
        encoder.changed("_meta", list(self._data.get("_meta", {})))  # revision, change
        atomic_write(
            self.files.path,
            encoder.encode(self._data),
            self._file_mode(),
            like=self.files.path,
        )
        self._hold_current()

    def encoder(self) -> IncrementalEncoder:
        """The encoder of the data as it is now: it re-encodes only the records that
        _apply_unchecked changed since the last save (a reload starts a new one)."""
        storage = self._db.storage
        served = self._encoded_for
        if (
            self._encoder is None
            or served is None
            or served[0]() is not storage
            or served[1] != id(self._data)
        ):
            self._encoder = IncrementalEncoder()
            self._encoded_for = (weakref.ref(storage), id(self._data))
        return self._encoder

    def _apply(self, changes: list[Change]) -> list[Change]:
        """Replay `changes` on the data as it is now; all land, or none (ConflictError).

        Each record appears once in a change set (the editing layer coalesces), so every
        change is checked against the file's state before the set, then all are applied.
        """
        # An archived project takes no change but its reopening (pmtui.store.archived).
        check_open(self.project, changes, self.files.path)
        # Keys this set moves away from (deletes, renames): another record may take them.
        vacated = {
            (c.table, c.original_key)
            for c in changes
            if c.before is not None and (c.after is None or c.key != c.original_key)
        }
        self._rekey_generated(changes, vacated)
        claimed: set[tuple[str, str]] = set()
        landed: list[Change] = []
        for change in changes:
            current = self.stored(change.table, change.original_key) if change.before else None
            if change.after is not None:
                target = (change.table, change.key)
                moves = change.before is None or change.key != change.original_key
                if target in claimed or (
                    moves and target not in vacated and self.stored(*target) is not None
                ):
                    raise ConflictError(
                        f"{change.table} {change.key} was just added by another session; "
                        "nothing was saved"
                    )
                claimed.add(target)
            after = check_against(change, current, self._is_private(change.table))
            before = dict(current) if current is not None else None
            if before is None and after is None:
                continue
            # Copies: the caller keeps the records it was given; undo keeps its own.
            landed.append(
                Change(change.table, before, dict(after) if after else None, change.doc_id)
            )
        self._apply_unchecked(landed)
        try:
            self.check_references(landed)
            # Only changes that touch a field their table's rules watch (RULES_WATCH).
            self.check_rules([c for c in landed if rules_touched(c.table, c.before, c.after)])
        except BaseException:
            self._apply_unchecked([c.inverse() for c in reversed(landed)])
            raise
        return landed

    def _rekey_generated(self, changes: list[Change], vacated: set[tuple[str, str]]) -> None:
        """Give a new key to added records whose generated key another session took meanwhile,
        and point this change set's references to them at the new key."""
        generated = [c for c in changes if c.before is None and c.generated_key and c.after]
        generated_ids = {id(c) for c in generated}
        claimed: dict[str, set[str]] = {}
        for change in changes:
            if change.after is not None and id(change) not in generated_ids:
                claimed.setdefault(change.table, set()).add(change.key)
        renamed: dict[str, dict[str, str]] = {}
        for change in generated:
            assert change.after is not None
            taken = claimed.setdefault(change.table, set())
            if change.key in taken or (
                (change.table, change.key) not in vacated
                and self.stored(change.table, change.key) is not None
            ):
                new_key = self.free_key(change.table, taken)
                renamed.setdefault(change.table, {})[change.key] = new_key
                change.after["key"] = new_key
            taken.add(change.key)
        if not renamed:
            return
        for change in changes:
            if change.after is None:
                continue
            for f in record_type(change.table).references():
                for target, old in ref_targets(f, change.after.get(f.name), change.table):
                    moved = renamed.get(target, {})
                    if old in moved:
                        change.after[f.name] = rename_reference(
                            f, change.after[f.name], old, moved[old], target
                        )

    def _apply_unchecked(self, changes: list[Change]) -> None:
        """Apply changes through TinyDB, batched: per table one remove, one update, one insert.

        TinyDB's Table re-keys the whole table on every operation, so one operation per
        change would make a 10k-row import quadratic.
        """
        by_table: dict[str, list[Change]] = {}
        for change in changes:
            by_table.setdefault(change.table, []).append(change)
        for table_name, table_changes in by_table.items():
            self._doc_id(table_name, "")  # build the index once
            index = self._index[table_name]
            stored = self._table(table_name)
            # Every document is found by the key it had before the set, before the index
            # learns any new key: in one set A may become C while B becomes A.
            found = [
                (change, index.get(change.original_key) if change.before is not None else None)
                for change in table_changes
            ]
            for change, doc_id in found:
                if doc_id is not None:
                    del index[change.original_key]
            removals: list[int] = []
            # Keyed by the key the stored document has until the update lands.
            replacements: dict[str, Record] = {}
            replaced_ids: list[int] = []
            inserts: list[Document] = []
            next_id = max(map(int, stored), default=0) + 1
            taken: set[int] = set()
            for change, doc_id in found:
                if change.after is None:
                    if doc_id is not None:
                        removals.append(int(doc_id))
                        change.doc_id = int(doc_id)
                    continue
                if doc_id is not None:
                    replacements[change.original_key] = dict(change.after)
                    replaced_ids.append(int(doc_id))
                    change.doc_id = int(doc_id)
                else:
                    wanted = change.doc_id
                    if not wanted or str(wanted) in stored or wanted in taken:
                        wanted = next_id
                    taken.add(wanted)
                    next_id = max(next_id, wanted + 1)
                    change.doc_id = wanted
                    inserts.append(Document(dict(change.after), doc_id=wanted))
                index[change.key] = str(change.doc_id)
            self.encoder().changed(
                table_name, [*removals, *replaced_ids, *(d.doc_id for d in inserts)]
            )
            table = self._db.table(table_name, cache_size=0)
            if removals:
                table.remove(doc_ids=removals)
            # Replaced in place, as TinyDB's update would, without its two copies of the
            # whole table (40 ms for 30k tasks); no document id changes.
            current = self._table(table_name)  # a removal above made the table anew
            for replaced_id in replaced_ids:
                doc = current[str(replaced_id)]
                replacement = replacements[str(doc["key"])]
                doc.clear()
                doc.update(replacement)
            if inserts:
                table.insert_multiple(inserts)
