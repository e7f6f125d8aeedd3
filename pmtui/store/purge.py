"""Purging deleted private records (performance notes) from the undo journal and backups.

Deleting a private record removes it from the project file, but the undo journal keeps its
before/after values (so that undo can bring it back) and older backups hold it too.
`purge_private` drops every journal entry that holds a private record no longer in the
project (those entries can no longer be undone) and rewrites each backup without such
records. Kept journal lines are copied byte for byte. Runs under the project's lock.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from typing import Any

from pmtui.store.atomic import FileLock, atomic_write, shared_mode
from pmtui.store.encoding import encode
from pmtui.store.files import ProjectFiles
from pmtui.store.store import Store
from pmtui.tables import load_all, record_type


@dataclass
class PurgeResult:
    """What purge_private removed."""

    journal_entries: int = 0
    backup_records: int = 0
    backups_rewritten: int = 0


def _private(table: str) -> bool:
    try:
        return record_type(table).private
    except KeyError:
        return False


def _keys(table: Any) -> set[str]:
    if not isinstance(table, dict):
        return set()
    return {str(r.get("key")) for r in table.values() if isinstance(r, dict)}


def _holds_deleted(entry: Any, present: dict[str, set[str]]) -> bool:
    """Whether a journal entry holds a private record the project no longer has."""
    for change in entry.get("changes", []) if isinstance(entry, dict) else []:
        table = change.get("table") if isinstance(change, dict) else None
        if not isinstance(table, str) or not _private(table):
            continue
        for record in (change.get("before"), change.get("after")):
            if isinstance(record, dict) and str(record.get("key")) not in present.get(table, set()):
                return True
    return False


def purge_private(files: ProjectFiles) -> PurgeResult:
    """Remove deleted private records from the journal and the backups; say how many."""
    load_all()
    result = PurgeResult()
    files.check_sidecars()
    lock = FileLock(files.lock)
    try:
        with lock:
            # Refused as every command refuses it: damaged, not a project, or newer
            # (whose private records this pmtui may not know where to find).
            data = Store(files)._parse(files.path.read_bytes())
            present = {t: _keys(records) for t, records in data.items() if _private(t)}
            _purge_journal(files, present, result)
            _purge_backups(files, present, result)
    finally:
        lock.remove_if_free()  # also when a hang-up ends the process after a save
    return result


def _purge_journal(files: ProjectFiles, present: dict[str, set[str]], result: PurgeResult) -> None:
    try:
        raw = files.journal.read_bytes()
    except FileNotFoundError:
        return
    kept: list[bytes] = []
    for line in raw.splitlines(keepends=True):
        try:
            entry = json.loads(line)
        except ValueError:
            # A torn line can be undone by nobody and may hold a note's text.
            result.journal_entries += 1
            continue
        if _holds_deleted(entry, present):
            result.journal_entries += 1
        else:
            kept.append(line if line.endswith(b"\n") else line + b"\n")
    if result.journal_entries:
        atomic_write(files.journal, b"".join(kept), shared_mode(files.path), like=files.path)


def _purge_backups(files: ProjectFiles, present: dict[str, set[str]], result: PurgeResult) -> None:
    if not files.backups.is_dir():
        return
    for backup in sorted(files.backups.glob("*.json")):
        info = os.lstat(backup)
        if not stat.S_ISREG(info.st_mode):
            continue
        try:
            data = json.loads(backup.read_bytes())
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        removed = 0
        for table, records in data.items():
            if not _private(table) or not isinstance(records, dict):
                continue
            for doc_id, record in list(records.items()):
                if isinstance(record, dict) and str(record.get("key")) not in present.get(
                    table, set()
                ):
                    del records[doc_id]
                    removed += 1
        if removed:
            # A new file by rename: a backup hard-linked to an older version of the
            # project is rewritten alone, never the project itself.
            atomic_write(backup, encode(data), stat.S_IMODE(info.st_mode), like=files.path)
            result.backup_records += removed
            result.backups_rewritten += 1
