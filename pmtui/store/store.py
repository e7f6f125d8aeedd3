"""The project store: one TinyDB JSON file, saved atomically under a lock, with undo and a log."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import threading
from collections.abc import Iterator, Mapping, MutableMapping
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from pmtui import clock
from pmtui.schema import load_all, record_type
from pmtui.store import journal, migrations
from pmtui.store.atomic import (
    FileLock,
    atomic_write,
    check_writable,
    deferred_signals,
    folder_writable,
)
from pmtui.store.changes import Change, ChangeSet, Record, check_against
from pmtui.store.editing import Editing, ref_keys, rename_reference
from pmtui.store.errors import ConflictError, ProjectError, SaveError
from pmtui.store.files import ProjectFiles

Signature = tuple[int, int, int]
UNDO_DEPTH = 100


class ProjectStorage(Storage):
    """TinyDB storage held in memory; the Store decides when and how it reaches the disk.

    TinyDB's JSONStorage rewrites the file in place (a kill mid-write tears it) and
    CachingMiddleware writes only every 1,000 changes; neither keeps an edit safe.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data: dict[str, Any] = data if data is not None else {}

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data


def encode(data: Mapping[str, Any]) -> bytes:
    """The file's bytes: sorted keys and indentation, so a project diffs well in git."""
    return (json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def _signature(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


class _HeldFile:
    """The file as this session last read or wrote it, kept open.

    While it is open its inode cannot be reused by another session's save, so an
    unchanged (inode, mtime, size) on disk really means nobody saved since.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.signature = _signature(os.fstat(fd))

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            self.close()


class Store(Editing):
    """One open project: read records, change them through change sets, undo and redo."""

    def __init__(
        self,
        files: ProjectFiles,
        *,
        today: date | None = None,
        user: str | None = None,
        date_order: str = "mdy",
    ) -> None:
        load_all()
        self.files = files
        self.user = user or journal.current_user()
        self.date_order = date_order
        self._fixed_today = today
        self._lock = FileLock(files.lock)
        self._thread_lock = threading.RLock()
        self._db = TinyDB(storage=ProjectStorage)
        self._held: _HeldFile | None = None
        self._index: dict[str, dict[str, str]] = {}
        self._undo: list[ChangeSet] = []
        self._redo: list[ChangeSet] = []
        super().__init__()

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        today: date | None = None,
        user: str | None = None,
        date_order: str = "mdy",
    ) -> Store:
        """Open an existing project; ProjectError says why a file cannot be used."""
        store = cls(ProjectFiles.for_path(path), today=today, user=user, date_order=date_order)
        if not store.files.path.exists():
            raise ProjectError(f"no project at {store.files.path} (pmtui new {path} creates one)")
        with store._reading():
            if folder_writable(store.files.path.parent):
                store.files.remove_stray_temps()
            store._load_from_disk()
        return store

    @classmethod
    def create(
        cls,
        path: Path | str,
        project: Mapping[str, object],
        *,
        today: date | None = None,
        user: str | None = None,
        date_order: str = "mdy",
    ) -> Store:
        """Create a new project file (0600) holding `project`; refuses to overwrite a file."""
        files = ProjectFiles.for_path(path)
        if files.path.exists():
            raise ProjectError(f"{files.path} already exists; nothing was changed")
        files.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        check_writable(files.path)  # before the lock file: a read-only folder gets nothing
        store = cls(files, today=today, user=user, date_order=date_order)
        with store._locked():
            if files.path.exists():
                raise ProjectError(f"{files.path} already exists; nothing was changed")
            store._data["_meta"] = {"1": {"schema_version": migrations.SCHEMA_VERSION}}
            record = store.parse_new("project", {**project, "key": "project"})
            store._data["project"] = {"1": record}
            store._index = {}
            store.forget_caches()
            atomic_write(files.path, encode(store._data))
            store._hold_current()
        return store

    @property
    def path(self) -> Path:
        """The project file (symlinks resolved)."""
        return self.files.path

    @property
    def _data(self) -> dict[str, Any]:
        storage = self._db.storage
        assert isinstance(storage, ProjectStorage)
        return storage.data

    def _disk_signature(self) -> Signature | None:
        try:
            return _signature(os.stat(self.files.path))
        except FileNotFoundError:
            return None

    def _hold(self, held: _HeldFile | None) -> None:
        if self._held is not None:
            self._held.close()
        self._held = held

    def _hold_current(self) -> None:
        """Hold the file just written (under the lock, so it is ours)."""
        self._hold(_HeldFile(os.open(self.files.path, os.O_RDONLY)))

    def _problem(self, what: str) -> ProjectError:
        backup = self.files.newest_backup()
        hint = (
            f"; newest backup: {backup} (pmtui restore {self.files.path} {backup.name})"
            if backup
            else "; there is no backup"
        )
        return ProjectError(f"{self.files.path}: {what}. The file was not changed{hint}")

    def _load_from_disk(self) -> None:
        """Read the file (under the lock); refuse, never repair, what we cannot read."""
        try:
            fd = os.open(self.files.path, os.O_RDONLY)
        except FileNotFoundError:
            raise ProjectError(f"{self.files.path} no longer exists") from None
        except OSError as error:
            raise ProjectError(f"{self.files.path}: cannot read it: {error.strerror}") from None
        held = _HeldFile(fd)
        try:
            with os.fdopen(os.dup(fd), "rb") as handle:
                raw = handle.read()
            data = self._parse(raw)
        except OSError as error:
            held.close()
            raise ProjectError(f"{self.files.path}: cannot read it: {error.strerror}") from None
        except BaseException:
            held.close()
            raise
        self._db = TinyDB(storage=ProjectStorage, data=data)
        self._index = {}
        self._hold(held)
        self.forget_caches()
        version = data["_meta"][next(iter(data["_meta"]))]["schema_version"]
        if version < migrations.SCHEMA_VERSION:
            self._migrate(data, version)

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """The file's data, or ProjectError saying what is wrong and where."""
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise self._problem("is not a text file") from None
        except json.JSONDecodeError as error:
            raise self._problem(
                f"is not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})"
            ) from None
        meta: Any = data.get("_meta") if isinstance(data, dict) else None
        first: Any = next(iter(meta.values()), {}) if isinstance(meta, dict) and meta else {}
        version = first.get("schema_version") if isinstance(first, dict) else None
        if type(version) is not int or version < 1:
            raise self._problem("is not a pmtui project (no _meta.schema_version)")
        for name, table in data.items():
            if not isinstance(table, dict) or not all(
                isinstance(doc_id, str) and doc_id.isdigit() and isinstance(record, dict)
                for doc_id, record in table.items()
            ):
                raise self._problem(
                    f"is not a pmtui project (table {name!r} is not a map of numbered records)"
                )
        if version > migrations.SCHEMA_VERSION:
            raise ProjectError(
                f"{self.files.path} was written by a newer pmtui (schema version {version}; "
                f"this one reads up to {migrations.SCHEMA_VERSION}); upgrade pmtui. "
                "The file was not changed"
            )
        project: dict[str, Any] = data
        return project

    def _migrate(self, data: dict[str, Any], version: int) -> None:
        """Bring an older file up to date, after keeping its bytes as a backup."""
        try:
            migrated = migrations.migrate(copy.deepcopy(data), version)
        except Exception as error:
            raise self._problem(
                f"cannot be upgraded from schema version {version}: {error}"
            ) from None
        migrated["_meta"] = {"1": {"schema_version": migrations.SCHEMA_VERSION}}
        self.files.backups.mkdir(mode=0o700, exist_ok=True)
        backup = self.files.backups / f"{self.files.path.stem}.schema-v{version}.json"
        atomic_write(backup, self.files.path.read_bytes())
        atomic_write(self.files.path, encode(migrated), self._file_mode())
        self._db = TinyDB(storage=ProjectStorage, data=migrated)
        self._index = {}
        self._hold_current()
        self.forget_caches()

    def _file_mode(self) -> int:
        try:
            return os.stat(self.files.path).st_mode & 0o777
        except FileNotFoundError:
            return 0o600

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock, self._lock:
            yield

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """The lock for a read, unless the folder takes no lock file (read-only): saves
        replace the file by rename, so a reader never sees a torn file anyway."""
        if folder_writable(self.files.path.parent):
            with self._locked():
                yield
        else:
            with self._thread_lock:
                yield

    def changed_on_disk(self) -> bool:
        """Whether another session saved the file since this one last read or wrote it."""
        return self._held is None or self._disk_signature() != self._held.signature

    def refresh(self) -> bool:
        """Reload when another session saved meanwhile; True if it did."""
        if not self.changed_on_disk():
            return False
        with self._reading():
            self._load_from_disk()
        return True

    def close(self) -> None:
        """Release what this session holds and remove the lock file if nobody else uses it."""
        self._hold(None)
        self._lock.remove_if_free()

    # ------------------------------------------------------------ reading

    @property
    def today(self) -> date:
        """Today in the project's time zone (PMTUI_TODAY fixes it)."""
        if self._fixed_today is not None:
            return self._fixed_today
        return clock.today(self.project.get("time_zone"))

    def _table(self, table: str) -> dict[str, Record]:
        stored: dict[str, Record] = self._data.get(table, {})
        return stored

    def _doc_id(self, table: str, key: str) -> str | None:
        index = self._index.get(table)
        if index is None:
            index = {str(r.get("key")): doc_id for doc_id, r in self._table(table).items()}
            self._index[table] = index
        return index.get(key)

    def stored(self, table: str, key: str) -> Record | None:
        """The record as the file holds it (ignoring changes not yet committed)."""
        doc_id = self._doc_id(table, key)
        return self._table(table)[doc_id] if doc_id is not None else None

    def stored_records(self, table: str) -> list[Record]:
        """Every record of `table` as the file holds it, in insertion order."""
        return sorted_records(self._table(table))

    @property
    def project(self) -> Record:
        """The project record (settings, calendar, currency...)."""
        records = self._table("project")
        return dict(next(iter(records.values()))) if records else {}

    # ------------------------------------------------------------ committing

    def commit(self, changes: list[Change], label: str, **extra: Any) -> ChangeSet | None:
        """Land `changes` in the file as one step: lock, merge with disk, write, log.

        A session that finds the file changed since it read it reloads first and
        replays its changes on the new data (check_against); a real conflict raises
        ConflictError and the file keeps the other session's values.
        """
        if not changes:
            return None
        # Before the lock and any backup: a read-only file or folder gets nothing written.
        check_writable(self.files.path)
        # Signals wait until the change is in the file, the journal and the log, so a
        # hang-up never leaves a saved change that memory and the log do not know of.
        with self._locked(), deferred_signals():
            try:
                if self.changed_on_disk():
                    self._load_from_disk()
                landed = self._apply(changes)
                try:
                    self._write()
                except BaseException:
                    self._apply_unchecked([c.inverse() for c in reversed(landed)])
                    raise
                change_set = ChangeSet(label, landed)
                self._record(change_set, extra)
            finally:
                self.forget_caches()
        return change_set

    def _record(self, change_set: ChangeSet, extra: dict[str, Any]) -> None:
        """Journal and log a saved change set; their failure (disk full) loses history only."""
        private = frozenset(t for t in self._data if self._is_private(t))
        with contextlib.suppress(OSError, SaveError):
            journal.journal_append(self.files.journal, change_set, self.user, **extra)
        with contextlib.suppress(OSError):
            journal.log_activity(self.files.activity, change_set, self.user, private, **extra)

    def _is_private(self, table: str) -> bool:
        try:
            return record_type(table).private
        except KeyError:
            return False

    def _write(self) -> None:
        keep = int(self.project.get("backups_kept") or 14)
        if self.files.path.exists():
            self.files.keep_daily_backup(self.today, keep)
        atomic_write(self.files.path, encode(self._data), self._file_mode())
        self._hold_current()

    def _apply(self, changes: list[Change]) -> list[Change]:
        """Replay `changes` on the data as it is now; all land, or none (ConflictError).

        Each record appears once in a change set (the editing layer coalesces), so every
        change is checked against the file's state before the set, then all are applied.
        """
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
            after = check_against(change, current)
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
            self.check_rules(landed)
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
                moved = renamed.get(f.target or change.table, {})
                for old in set(ref_keys(f, change.after.get(f.name))) & set(moved):
                    change.after[f.name] = rename_reference(
                        f, change.after[f.name], old, moved[old]
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
            table = self._db.table(table_name, cache_size=0)
            if removals:
                table.remove(doc_ids=removals)
            if replacements:

                def replace(
                    doc: MutableMapping[Any, Any], new: Mapping[str, Record] = replacements
                ) -> None:
                    record = new[str(doc["key"])]
                    doc.clear()
                    doc.update(record)

                table.update(replace, doc_ids=replaced_ids)
            if inserts:
                table.insert_multiple(inserts)

    # ------------------------------------------------------------ undo

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
        inverse = [c.inverse() for c in reversed(change_set.changes)]
        self.commit(inverse, f"undo {change_set.label}", undoes=change_set.id)
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
        inverse = [c.inverse() for c in reversed(change_set.changes)]
        self.commit(inverse, f"undo {change_set.label}", undoes=change_set.id)
        return change_set.label


def sorted_records(table: Mapping[str, Record]) -> list[Record]:
    """Records in insertion (document id) order."""
    return [table[doc_id] for doc_id in sorted(table, key=int)]


__all__ = ["ConflictError", "ProjectError", "SaveError", "Store", "encode"]
