"""The activity log (who changed what, private values redacted) and the undo journal."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmtui.store.atomic import atomic_write, open_sidecar
from pmtui.store.changes import Change, ChangeSet

REDACTED = "[redacted]"
#: Past JOURNAL_MAX_BYTES the undo journal is cut to its newest entries (at most
#: JOURNAL_KEEP, at most half the size), so undo stays cheap however long a project runs.
JOURNAL_KEEP = 200
JOURNAL_MAX_BYTES = 8_000_000
#: At most this many changes of one change set are itemised in the activity log.
LOG_ITEMS = 200


def current_user() -> str:
    """The OS user name, for the activity log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def _append_line(path: Path, entry: dict[str, Any]) -> None:
    # Appends are not fsynced: the project file is the durable record; a lost log line
    # after a power cut costs a history entry, never data.
    line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
    fd = open_sidecar(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def log_activity(
    path: Path, change_set: ChangeSet, user: str, private_tables: frozenset[str], **extra: Any
) -> None:
    """Append one line describing `change_set`; values of private tables are redacted."""
    items = []
    for change in change_set.changes[:LOG_ITEMS]:
        fields = change.changed_fields()
        after = change.after or {}
        values: dict[str, Any]
        if change.table in private_tables:
            values = {f: REDACTED for f in fields}
        else:
            values = {f: after.get(f) for f in fields}
        items.append({"op": change.op, "table": change.table, "key": change.key, "fields": values})
    entry: dict[str, Any] = {
        "time": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "user": user,
        "id": change_set.id,
        "label": change_set.label,
        "changes": items,
        **extra,
    }
    if len(change_set.changes) > LOG_ITEMS:
        entry["more"] = len(change_set.changes) - LOG_ITEMS
    _append_line(path, entry)


def read_activity(path: Path) -> list[dict[str, Any]]:
    """Every activity entry, oldest first (a torn last line is skipped)."""
    return _read_lines(path)


def _read_lines(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    entries = []
    for line in text.splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            entries.append(json.loads(line))
    return entries


def journal_append(path: Path, change_set: ChangeSet, user: str, **extra: Any) -> None:
    """Record a change set with full before/after values so `pmtui undo` can reverse it."""
    entry = {
        "id": change_set.id,
        "label": change_set.label,
        "user": user,
        "changes": [c.to_json() for c in change_set.changes],
        **extra,
    }
    _append_line(path, entry)
    if path.stat().st_size > JOURNAL_MAX_BYTES:
        kept: list[str] = []
        size = 0
        for line in reversed([json.dumps(e, sort_keys=True) for e in _read_lines(path)]):
            if len(kept) >= JOURNAL_KEEP or size + len(line) > JOURNAL_MAX_BYTES // 2:
                break
            kept.append(line)
            size += len(line)
        atomic_write(path, "".join(line + "\n" for line in reversed(kept)).encode())


def last_undoable(path: Path) -> ChangeSet | None:
    """The newest journal entry not yet undone (undo entries themselves are skipped)."""
    entries = _read_lines(path)
    undone = {e["undoes"] for e in entries if e.get("undoes")}
    for entry in reversed(entries):
        if entry.get("undoes") or entry["id"] in undone:
            continue
        return ChangeSet(
            entry["label"], [Change.from_json(c) for c in entry["changes"]], entry["id"]
        )
    return None
