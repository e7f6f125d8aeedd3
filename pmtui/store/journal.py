"""The activity log (who changed what, private values redacted) and the undo journal."""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pmtui.store.atomic import atomic_write, open_sidecar, project_beside, shared_mode
from pmtui.store.changes import Change, ChangeSet
from pmtui.store.errors import SaveError

REDACTED = "[redacted]"
#: Past JOURNAL_MAX_BYTES the undo journal drops its oldest entries until the rest fits in
#: half that size; the newest JOURNAL_MIN_KEEP entries stay whatever their size (a whole
#: import is one entry, so it stays undoable), and at most JOURNAL_KEEP entries are kept.
JOURNAL_KEEP = 200
JOURNAL_MIN_KEEP = 10
JOURNAL_MAX_BYTES = 8_000_000
#: At most this many changes of one change set are itemised in the activity log.
LOG_ITEMS = 200
#: A logged value longer than this is cut to it and marked with CUT_MARK and "cut".
LOG_VALUE_CHARS = 200
CUT_MARK = "…"
#: Past LOG_MAX_BYTES the activity log drops entries older than LOG_KEEP_DAYS, never newer
#: ones: "since your last check-in" and "since the last report" read them.
LOG_MAX_BYTES = 8_000_000
LOG_KEEP_DAYS = 366


def current_user() -> str:
    """The OS user name, for the activity log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is down: a short write (a signal, a nearly full disk) is
    continued, and one that writes nothing is a full disk (OSError ENOSPC)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _append_line(path: Path, entry: dict[str, Any]) -> None:
    """Append `entry` as one JSON line, whole or not at all.

    A torn last line (a writer killed mid-line, or an older pmtui on a full disk) is left
    to the reader, which skips it; the new line starts on a fresh line so it is not glued
    to the torn one. A write that fails part way (disk full) is cut back off, so it never
    leaves a torn line itself; the OSError goes to the caller.
    """
    # Appends are not fsynced: the project file is the durable record; a lost log line
    # after a power cut costs a history entry, never data.
    line = (json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n").encode()
    fd = open_sidecar(path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = b"\n" + line
        try:
            _write_all(fd, line)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def _cut(value: Any) -> tuple[Any, bool]:
    """A value for the activity log: at most LOG_VALUE_CHARS characters, and whether it
    was cut. A long list or map is logged as its JSON text, cut."""
    if value is None or isinstance(value, bool | int | float):
        return value, False
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) <= LOG_VALUE_CHARS:
        return value, False
    return text[:LOG_VALUE_CHARS] + CUT_MARK, True


def log_activity(
    path: Path, change_set: ChangeSet, user: str, private_tables: frozenset[str], **extra: Any
) -> None:
    """Append one line describing `change_set`; values of private tables are redacted and
    long values cut (the undo journal keeps them whole)."""
    items = []
    for change in change_set.changes[:LOG_ITEMS]:
        fields = change.changed_fields()
        after = change.after or {}
        values: dict[str, Any] = {}
        cut: list[str] = []
        for f in fields:
            if change.table in private_tables:
                values[f] = REDACTED
                continue
            values[f], was_cut = _cut(after.get(f))
            if was_cut:
                cut.append(f)
        item = {"op": change.op, "table": change.table, "key": change.key, "fields": values}
        if cut:
            item["cut"] = sorted(cut)
        items.append(item)
    now = datetime.now(UTC)
    entry: dict[str, Any] = {
        "time": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "user": user,
        "id": change_set.id,
        "label": change_set.label,
        "changes": items,
        **extra,
    }
    if len(change_set.changes) > LOG_ITEMS:
        entry["more"] = len(change_set.changes) - LOG_ITEMS
    _append_line(path, entry)
    with contextlib.suppress(OSError, SaveError):
        if path.stat().st_size > LOG_MAX_BYTES:
            _rotate_log(path, now - timedelta(days=LOG_KEEP_DAYS))


def _entry_time(line: bytes) -> datetime | None:
    try:
        at = json.loads(line)["time"]
        return datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError):
        return None


def _rotate_log(path: Path, cutoff: datetime) -> None:
    """Drop the log's entries older than `cutoff` (oldest first); nothing newer."""
    with path.open("rb") as handle:
        first = _entry_time(handle.readline())
    if first is None or first >= cutoff:
        return  # the oldest entry is recent: nothing may go, and nothing is rewritten
    lines = path.read_bytes().splitlines(keepends=True)
    drop = 0
    for line in lines:
        at = _entry_time(line)
        if at is not None and at >= cutoff:
            break
        drop += 1
    kept = [line if line.endswith(b"\n") else line + b"\n" for line in lines[drop:]]
    project = project_beside(path)  # a shared project's sidecars keep its mode and group
    atomic_write(path, b"".join(kept), shared_mode(project), like=project)


def read_activity(path: Path) -> list[dict[str, Any]]:
    """Every activity entry, oldest first (a torn line is skipped)."""
    return _read_lines(path)


def _read_lines(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    entries = []
    for line in text.splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            entry = json.loads(line)
            if isinstance(entry, dict):
                entries.append(entry)
    return entries


def journal_append(path: Path, change_set: ChangeSet, user: str, **extra: Any) -> None:
    """Record a change set with full before/after values so `pmtui undo` can reverse it.

    `extra` carries the file state it belongs to (see Lineage): `revision` (the file's
    revision this change produced), `parent` (the change the file showed before it),
    `first` (the file's first change since it was created) or `older` (the file's first
    change by this pmtui, after changes by an older one).
    """
    entry = {
        "id": change_set.id,
        "label": change_set.label,
        "user": user,
        "changes": [c.to_json() for c in change_set.changes],
        **extra,
    }
    _append_line(path, entry)
    # The entry is written: a rotation that fails (disk full) only leaves the file longer.
    with contextlib.suppress(OSError, SaveError):
        if path.stat().st_size > JOURNAL_MAX_BYTES:
            _rotate_journal(path)


def _rotate_journal(path: Path) -> None:
    """Drop the oldest entries: keep the newest ones while they fit in half the cap, and
    always the newest JOURNAL_MIN_KEEP whatever their size. Lines are kept as they are."""
    lines = [line for line in path.read_bytes().splitlines(keepends=True) if line.strip()]
    size = 0
    keep = 0
    for line in reversed(lines):
        if keep >= JOURNAL_KEEP:
            break
        if keep >= JOURNAL_MIN_KEEP and size + len(line) > JOURNAL_MAX_BYTES // 2:
            break
        size += len(line)
        keep += 1
    if keep == len(lines):
        return
    kept = [line if line.endswith(b"\n") else line + b"\n" for line in lines[-keep:]]
    project = project_beside(path)  # a shared project's sidecars keep its mode and group
    atomic_write(path, b"".join(kept), shared_mode(project), like=project)


def _change_set(entry: dict[str, Any]) -> ChangeSet:
    return ChangeSet(entry["label"], [Change.from_json(c) for c in entry["changes"]], entry["id"])


@dataclass
class Lineage:
    """What the journal knows of the file as it is: the steps undo and redo may take.

    The file's `_meta` names the change that produced it (`change`) and its `revision`;
    each journal entry names the change before it (`parent`). Walking back from the file's
    change gives the changes that made this file, newest last, whatever else the journal
    holds (entries of saves that never landed, of a file put back from a copy...). A change
    saved without its entry breaks the walk: undo stops there rather than skip it.
    """

    undo: list[dict[str, Any]] = field(default_factory=list)
    redo: list[dict[str, Any]] = field(default_factory=list)
    #: Why undo can go no further back than `undo` holds (None: the file's first change).
    gap: str | None = None

    def next_undo(self) -> ChangeSet | None:
        """The change set `pmtui undo` reverses, if any."""
        return _change_set(self.undo[-1]) if self.undo else None

    def next_redo(self) -> ChangeSet | None:
        """The change set `pmtui redo` applies again, if any."""
        return _change_set(self.redo[-1]) if self.redo else None

    @property
    def undo_is_first(self) -> bool:
        """Whether the next undo reverses the file's first change since it was created."""
        return bool(self.undo and self.undo[-1].get("first"))


def lineage(path: Path, head: str | None, revision: int | None) -> Lineage:
    """The undo and redo steps for a file whose `_meta` holds `head` and `revision`."""
    entries = [e for e in _read_lines(path) if isinstance(e.get("id"), str)]
    by_id = {e["id"]: e for e in entries}
    chain: list[dict[str, Any]] = []
    seen: set[str] = set()
    current = head
    gap: str | None = None
    while current is not None:
        entry = by_id.get(current)
        if entry is None or current in seen:
            if chain:
                before = chain[-1].get("revision")
                which = f" (revision {before - 1})" if type(before) is int else ""
                gap = (
                    f"undo can go no further: the change before {chain[-1]['label']}{which} "
                    "is not in the undo journal (saved without an undo record, or dropped "
                    "since: the journal keeps the newest changes)"
                )
            else:
                gap = (
                    f"the newest change (revision {revision}) is not in the undo journal, so "
                    "undo cannot tell what to reverse"
                )
            break
        seen.add(current)
        chain.append(entry)
        parent = entry.get("parent")
        current = parent if isinstance(parent, str) else None
    if chain and chain[-1].get("older") and gap is None:
        gap = (
            f"undo can go no further: the changes before {chain[-1]['label']} were saved by "
            "an older pmtui, whose undo journal cannot be checked against the file"
        )
    if head is None and revision is None and entries:
        gap = (
            "the undo journal was written by an older pmtui and cannot be checked against the file"
        )
    found = Lineage(gap=gap)
    for entry in reversed(chain):
        if entry.get("undoes"):
            target = by_id.get(entry["undoes"])
            found.undo = [e for e in found.undo if e["id"] != entry["undoes"]]
            if target is not None:
                found.redo.append(target)
        elif entry.get("redoes"):
            found.redo = [e for e in found.redo if e["id"] != entry["redoes"]]
            found.undo.append(entry)
        else:
            found.undo.append(entry)
            found.redo.clear()
    return found
