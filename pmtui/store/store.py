"""The project store: one TinyDB JSON file, saved atomically under a lock, with undo and a log.

The Store is put together from one mixin per responsibility: Loading (read, check and
migrate the file), Committing (land change sets), History (undo and redo) and Editing
(stage changes; with Parsing for input and References for integrity).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from tinydb import TinyDB

from pmtui import clock
from pmtui.store import journal, migrations
from pmtui.store.atomic import (
    FileLock,
    atomic_write,
    check_writable,
    folder_writable,
    make_private_dirs,
)
from pmtui.store.changes import Record
from pmtui.store.committing import Committing
from pmtui.store.editing import Editing
from pmtui.store.encoding import encode
from pmtui.store.errors import ConflictError, ProjectError, SaveError
from pmtui.store.file_data import ProjectStorage, new_project_id
from pmtui.store.files import ProjectFiles
from pmtui.store.history import History
from pmtui.store.loading import Loading
from pmtui.tables import load_all


class Store(Loading, Committing, History, Editing):
    """One open project: read records, change them through change sets, undo and redo."""

    def __init__(
        self,
        files: ProjectFiles,
        *,
        today: date | None = None,
        user: str | None = None,
        date_order: str = "mdy",
        tables: bool = True,
    ) -> None:
        if tables:  # else on the first read (Loading.load_held)
            load_all()
        self.files = files
        self.user = user or journal.current_user()
        self.date_order = date_order
        self._fixed_today = today
        self._lock = FileLock(files.lock)
        self._thread_lock = threading.RLock()
        self._db = TinyDB(storage=ProjectStorage)
        self._held = None
        self._index = {}
        self._undo = []
        self._redo = []
        self._unwritten = []
        self.warnings = []
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
        parse_later: bool = False,
    ) -> Store:
        """Open an existing project; ProjectError says why a file cannot be used.

        `parse_later`: take the lock, read the file and hold it, but leave parsing it (and
        loading every table's declaration) to `load_held`, or to the first read of the
        data: the app draws Today's first frame from the cache keyed by these bytes' hash
        meanwhile (pmtui.reports.first_frame.preview). A file that does not parse is refused
        then, as Store.open refuses it."""
        files = ProjectFiles.for_path(path)
        store = cls(files, today=today, user=user, date_order=date_order, tables=not parse_later)
        if not store.files.path.exists():
            raise ProjectError(f"no project at {store.files.path} (pmtui new {path} creates one)")
        try:
            store._refuse_what_is_no_project()
            with store._reading():
                if folder_writable(store.files.path.parent):
                    store.files.remove_stray_temps()
                if parse_later:
                    store._read_unparsed()
                else:
                    store._load_from_disk()
        except BaseException:
            store.close()  # a refused file leaves no lock file behind
            raise
        return store

    @classmethod
    def peek(cls, path: Path | str, *, today: date | None = None) -> Store:
        """A look at a project that takes no lock, makes no file beside it and never
        writes (the portfolio's): an older file is migrated in memory only, and any
        change is refused. ProjectError says why a file cannot be read."""
        files = ProjectFiles(Path(path).expanduser().resolve())
        store = cls(files, today=today)
        store.read_only = True
        try:
            raw = files.path.read_bytes()
        except FileNotFoundError:
            raise ProjectError(f"no project at {files.path}") from None
        except OSError as error:
            raise ProjectError(f"{files.path}: cannot read it: {error.strerror}") from None
        data = store._parse(raw)
        version = data["_meta"][next(iter(data["_meta"]))]["schema_version"]
        if version < migrations.SCHEMA_VERSION:
            try:
                data = migrations.migrate(copy.deepcopy(data), version)
            except Exception as error:
                raise store._problem(
                    f"cannot be upgraded from schema version {version}: {error}"
                ) from None
        store._db = TinyDB(storage=ProjectStorage, data=data)
        store._index = {}
        store.forget_caches()
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
        meta: Mapping[str, object] | None = None,
    ) -> Store:
        """Create a new project file (0600) holding `project`; refuses to overwrite a file.

        `meta` adds fields to the file's `_meta` record (the demo marks its files)."""
        files = ProjectFiles.for_path(path)
        if files.path.exists():
            raise ProjectError(f"{files.path} already exists; nothing was changed")
        make_private_dirs(files.path.parent)
        check_writable(files.path)  # before the lock file: a read-only folder gets nothing
        store = cls(files, today=today, user=user, date_order=date_order)
        try:
            with store._locked():
                if files.path.exists():
                    raise ProjectError(f"{files.path} already exists; nothing was changed")
                # Revision 0: the journal marks the change that follows as the file's first.
                store._data["_meta"] = {
                    "1": {
                        **(meta or {}),
                        "schema_version": migrations.SCHEMA_VERSION,
                        "revision": 0,
                        "project_id": new_project_id(),
                    }
                }
                record = store.parse_new("project", {**project, "key": "project"})
                store._data["project"] = {"1": record}
                store._index = {}
                store.forget_caches()
                atomic_write(files.path, encode(store._data))
                store._hold_current()
        except BaseException:
            store.close()  # also a hang-up after the save: no lock file left behind
            raise
        return store

    def _refuse_what_is_no_project(self) -> None:
        """Before any lock file is made or temp file removed beside it: a file that is not
        a pmtui project at all (a link to /etc/hosts) is refused, and its folder untouched.
        A quick look for the _meta table; the full check follows under the lock."""
        try:
            raw = self.files.path.read_bytes()
        except OSError:
            return  # said under the lock, with the reason
        if b'"_meta"' not in raw or b'"schema_version"' not in raw:
            self._parse(raw)

    @property
    def path(self) -> Path:
        """The project file (symlinks resolved)."""
        return self.files.path

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


def sorted_records(table: Mapping[str, Record]) -> list[Record]:
    """Records in insertion (document id) order."""
    return [table[doc_id] for doc_id in sorted(table, key=int)]


__all__ = ["ConflictError", "ProjectError", "SaveError", "Store", "encode"]
