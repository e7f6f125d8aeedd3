"""Reading the project file: parse it, refuse what is damaged, migrate older versions, reload."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from pmtui.kinds.escapes import one_line
from pmtui.store import migrations
from pmtui.store.atomic import FileLock, atomic_write, folder_writable
from pmtui.store.encoding import IncrementalEncoder, encode
from pmtui.store.errors import ProjectError, SaveError
from pmtui.store.file_data import (
    ProjectStorage,
    StrictJSONError,
    project_id,
    strict_json,
)
from pmtui.store.files import ProjectFiles
from pmtui.tables import load_all

Signature = tuple[int, int, int]


def _signature(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


class _HeldFile:
    """The file as this session last read or wrote it, kept open.

    While it is open its inode cannot be reused by another session's save, so an
    unchanged (inode, mtime, size) on disk really means nobody saved since.
    """

    #: -1 once closed, or when __init__ was cut short (a hang-up's SystemExit) before it
    #: held anything: close() and __del__ then do nothing.
    fd: int = -1

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


class Loading:
    """The Store's file half: hold the file, read and check it, migrate it, reload it."""

    # The Store sets these up.
    files: ProjectFiles
    _lock: FileLock
    _thread_lock: threading.RLock
    _db: TinyDB
    _held: _HeldFile | None
    #: The file's bytes, read and not parsed yet (Store.open's parse_later).
    _unparsed: bytes | None = None
    #: The file as Store.open(parse_later=True) read it (holds_what_was_read).
    _held_as_read: _HeldFile | None = None
    _index: dict[str, dict[str, str]]
    _unwritten: list[Any]

    if TYPE_CHECKING:

        def forget_caches(self) -> None: ...

        def encoder(self) -> IncrementalEncoder: ...

    @property
    def _data(self) -> dict[str, Any]:
        if self._unparsed is not None:
            self.load_held()  # the project is read the first time anything needs it
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

    def _load_from_disk(self, same_project: str | None = None) -> None:
        """Read the file (under the lock); refuse, never repair, what we cannot read.

        With `same_project` (the project_id memory holds, for a save about to replay its
        changes on the file), a file that now holds another project (its own project_id:
        put there by a rename, a copy, `demo --fresh`) is refused and memory kept: a
        change meant for one project never lands on a record of another that happens to
        have the same key."""
        held, raw = self._read_file()
        try:
            data = self._parse(raw)
            self._refuse_another_project(data, same_project)
        except BaseException:
            held.close()
            raise
        self._install(held, raw, data)

    def _read_file(self) -> tuple[_HeldFile, bytes]:
        """The file, held open, and its bytes (under the lock)."""
        try:
            fd = os.open(self.files.path, os.O_RDONLY)
        except FileNotFoundError:
            raise ProjectError(f"{self.files.path} no longer exists") from None
        except OSError as error:
            raise ProjectError(f"{self.files.path}: cannot read it: {error.strerror}") from None
        held = _HeldFile(fd)
        try:
            with os.fdopen(os.dup(fd), "rb") as handle:
                return held, handle.read()
        except OSError as error:
            held.close()
            raise ProjectError(f"{self.files.path}: cannot read it: {error.strerror}") from None
        except BaseException:
            held.close()
            raise

    def _read_unparsed(self) -> None:
        """Hold the file and keep its bytes for load_held (Store.open's parse_later)."""
        held, raw = self._read_file()
        self._hold(held)
        self._unparsed = raw
        self._held_as_read = held

    def holds_what_was_read(self) -> bool:
        """Whether memory holds exactly the bytes Store.open(parse_later=True) read, parsed
        or not: no change staged, made, written or reloaded since, no migration."""
        with self._thread_lock:
            held = self._held
            if held is None or held is not self._held_as_read:
                return False
            return not self._unwritten and not getattr(self, "_pending", None)

    def _install(self, held: _HeldFile, raw: bytes, data: dict[str, Any]) -> None:
        """Make `data`, parsed from `raw` (the bytes of the file `held`), what memory holds."""
        self._unparsed = None
        self._db = TinyDB(storage=ProjectStorage, data=data)
        self._index = {}
        self._hold(held)
        self.forget_caches()
        self.encoder().reuse(raw)  # the text of records a save does not change
        version = data["_meta"][next(iter(data["_meta"]))]["schema_version"]
        if version < migrations.SCHEMA_VERSION:
            self._migrate(data, version)

    @property
    def loaded(self) -> bool:
        """Whether the project is parsed (Store.open(parse_later=True) leaves it to the
        first read, or to load_held)."""
        return self._unparsed is None

    @property
    def unparsed_content(self) -> bytes | None:
        """The bytes read and held, not parsed yet (None once parsed): what a cache keyed
        by the file's content is looked up with before the project is parsed."""
        return self._unparsed

    def load_held(self) -> None:
        """Parse the bytes Store.open(parse_later=True) read, exactly those (never the file
        again: a cache looked up by their hash stays true of what memory then holds).
        Any read of the data does it first; ProjectError as Store.open says it."""
        with self._thread_lock:
            raw = self._unparsed
            if raw is None:
                return
            held = self._held
            assert held is not None
            load_all()  # every table's declaration and rules: Store() does it otherwise
            data = self._parse(raw)
            version = data["_meta"][next(iter(data["_meta"]))]["schema_version"]
            if version < migrations.SCHEMA_VERSION:
                # Migrating writes the file: under the lock, from the file as it is now.
                self._unparsed = None
                try:
                    with self._reading():
                        self._load_from_disk()
                except BaseException:
                    self._unparsed = raw  # every later read is refused too, never empty
                    raise
                return
            self._held = None  # _install holds it again; not closed meanwhile
            self._install(held, raw, data)

    def _refuse_another_project(self, data: dict[str, Any], same_project: str | None) -> None:
        found = project_id(data)
        if same_project is None or found is None or found == same_project:
            return  # files from before project ids are taken as the same project
        name = next(iter(data["project"].values())).get("name")
        raise ProjectError(
            f"{self.files.path} now holds another project ({one_line(name, 60)!r}), put "
            "there since this session opened it; nothing was saved: open it again"
        )

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """The file's data, or ProjectError saying what is wrong and where."""
        try:
            data = strict_json(raw)
        except UnicodeDecodeError:
            raise self._problem("is not a text file") from None
        except json.JSONDecodeError as error:
            raise self._problem(
                f"is not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})"
            ) from None
        except StrictJSONError as error:
            raise self._problem(str(error)) from None
        except ValueError:  # an integer of more than 4,300 digits
            raise self._problem("holds a number too long to read") from None
        except RecursionError:
            raise self._problem("is nested too deeply to be a project") from None
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
        for name, table in data.items():
            if name.startswith("_"):
                continue
            seen: set[str] = set()
            for record in table.values():
                key = record.get("key")
                if not isinstance(key, str) or not key:
                    raise self._problem(f"has a record without a key in table {name!r}")
                if key in seen:
                    raise self._problem(f"has the key {key!r} twice in table {name!r}")
                seen.add(key)
        if not data.get("project"):
            raise self._problem("is not a pmtui project (it holds no project record)")
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
        # Other _meta fields (the demo's built_by marker, the revision and last change the
        # undo journal is checked against) survive the migration.
        first = next(iter(data["_meta"].values()))
        migrated["_meta"] = {"1": {**first, "schema_version": migrations.SCHEMA_VERSION}}
        self.files.make_backups_folder()
        backup = self.files.backups / f"{self.files.path.stem}.schema-v{version}.json"
        mode = self._file_mode()
        atomic_write(backup, self.files.path.read_bytes(), mode, like=self.files.path)
        atomic_write(self.files.path, encode(migrated), mode, like=self.files.path)
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
        if getattr(self, "read_only", False):  # Store.peek: never a lock file
            raise SaveError(f"{self.files.path} was opened to read only; nothing was changed")
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

    @contextlib.contextmanager
    def steady(self) -> Iterator[None]:
        """While inside, no change lands in memory (a commit or reload on another thread
        waits): a worker thread reading the store (Today's list on a big project) reads one
        revision, and its read caches never outlive a change."""
        with self._thread_lock:
            yield

    def held_content(self) -> bytes | None:
        """The bytes of the file as this session last read or wrote it, when memory holds
        exactly them (no change staged or waiting for its write); else None. What a cache
        keyed by the file's content (pmtui.todaycache) is looked up with."""
        with self._thread_lock:
            held = self._held
            if held is None or held.fd < 0 or self._unwritten or getattr(self, "_pending", None):
                return None
            try:
                return os.pread(held.fd, os.fstat(held.fd).st_size, 0)
            except OSError:
                return None

    def changed_on_disk(self) -> bool:
        """Whether another session saved the file since this one last read or wrote it."""
        return self._held is None or self._disk_signature() != self._held.signature

    def refresh(self) -> bool:
        """Reload when another session saved meanwhile; True if it did. Not while memory
        holds changes the file does not (their write reads the file again and replays
        them on it)."""
        if self._unwritten or getattr(self, "read_only", False) or not self.changed_on_disk():
            return False  # a peek reads one revision and never locks
        with self._reading():
            # Another project put there is refused (ProjectError), memory kept: this
            # session's edits and undo are about the project it opened.
            self._load_from_disk(same_project=project_id(self._data))
        return True

    def close(self) -> None:
        """Release what this session holds and remove the lock file if nobody else uses it."""
        self._hold(None)
        if getattr(self, "read_only", False):
            return  # a peek made no lock file, and touches none
        self._lock.remove_if_free()
