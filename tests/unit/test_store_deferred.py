"""Deferred writes (the app's save worker): a change is checked and in memory at once, the
file gets it from write_unwritten; a failed write keeps it for the next try."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from pmtui.store import ConflictError, RecordInvalid, Store, committing


def tasks_on_disk(path: Path) -> dict[str, str]:
    data = json.loads(path.read_bytes())
    return {r["key"]: r["title"] for r in data.get("tasks", {}).values()}


def test_a_deferred_change_is_in_memory_at_once_and_in_the_file_once_written(
    store: Store, project_path: Path
) -> None:
    store.defer_writes = True
    store.add("tasks", {"title": "Plan"})
    assert store.get("tasks", "T1") is not None
    assert tasks_on_disk(project_path) == {}
    assert store.unwritten == 1
    written = store.write_unwritten()
    assert len(written) == 1 and written[0].changes[0].key == "T1"
    assert tasks_on_disk(project_path) == {"T1": "Plan"}
    assert store.unwritten == 0
    assert store.write_unwritten() == []


def test_a_refused_change_is_refused_at_once(store: Store, project_path: Path) -> None:
    store.defer_writes = True
    with pytest.raises(RecordInvalid):
        store.add("tasks", {"title": "x", "duration": "-3"})
    assert store.unwritten == 0


def test_a_failed_write_keeps_the_change_in_memory_and_the_next_write_lands_it(
    store: Store, project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.defer_writes = True
    store.add("tasks", {"title": "Plan"})
    before = project_path.read_bytes()
    real = committing.atomic_write

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(committing, "atomic_write", full_disk)
    with pytest.raises(OSError, match="No space left"):
        store.write_unwritten()
    assert project_path.read_bytes() == before
    assert store.get("tasks", "T1") is not None and store.unwritten == 1
    store.update("tasks", "T1", {"title": "Plan it"})  # more work meanwhile
    monkeypatch.setattr(committing, "atomic_write", real)
    assert len(store.write_unwritten()) == 2
    assert tasks_on_disk(project_path) == {"T1": "Plan it"}
    # Both steps are undoable, in order, from the file's journal.
    assert store.undo() is not None
    store.write_unwritten()
    assert tasks_on_disk(project_path) == {"T1": "Plan"}


def test_another_sessions_save_meanwhile_is_read_and_the_change_replayed(
    store: Store, project_path: Path
) -> None:
    store.add("tasks", {"title": "One"})
    store.add("tasks", {"title": "Two"})
    store.defer_writes = True
    store.update("tasks", "T1", {"title": "One, mine"})
    other = Store.open(project_path)
    other.update("tasks", "T2", {"title": "Two, theirs"})
    other.close()
    store.write_unwritten()
    assert tasks_on_disk(project_path) == {"T1": "One, mine", "T2": "Two, theirs"}


def test_a_conflict_on_replay_keeps_the_other_sessions_value(
    store: Store, project_path: Path
) -> None:
    store.add("tasks", {"title": "One"})
    store.defer_writes = True
    store.update("tasks", "T1", {"title": "mine"})
    other = Store.open(project_path)
    other.update("tasks", "T1", {"title": "theirs"})
    other.close()
    with pytest.raises(ConflictError):
        store.write_unwritten()
    assert tasks_on_disk(project_path) == {"T1": "theirs"}
    assert store.get("tasks", "T1")["title"] == "theirs"  # type: ignore[index]
    assert store.unwritten == 0
    # Undo no longer offers the edit that never reached the file.
    assert len(store._undo) == 1 and store._undo[0].changes[0].before is None
