"""The Reports area's records: the status override's migration from schema version 1, and
the accomplishments read from the activity log (sentences, the period, private tables)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pmtui.services.accomplishments import accomplishments, sentence
from pmtui.store import Store
from pmtui.store.encoding import encode
from pmtui.store.migrations import MIGRATIONS, SCHEMA_VERSION


def _version_1(path: Path, status: str | None, reason: str | None) -> None:
    """A project file as pmtui wrote it at schema version 1 (status defaulted to green)."""
    project: dict[str, Any] = {"key": "project", "name": "Old", "start": "2026-01-05"}
    if status is not None:
        project["status"] = status
    if reason is not None:
        project["status_reason"] = reason
    data = {"_meta": {"1": {"schema_version": 1, "revision": 0}}, "project": {"1": project}}
    path.write_bytes(encode(data))


class TestOverrideMigration:
    """Version 1 -> 2: a green status without a reason was the old default, not a decision."""

    def test_the_version_this_code_writes(self) -> None:
        assert SCHEMA_VERSION == 2 and 1 in MIGRATIONS

    @pytest.mark.parametrize(
        ("status", "reason", "kept"),
        [
            ("green", None, None),
            ("green", "  ", None),
            ("green", "Sponsor says so", "green"),
            ("amber", None, "amber"),
            ("red", "Bank slot lost", "red"),
            (None, None, None),
        ],
    )
    def test_only_the_old_default_becomes_no_override(
        self, tmp_path: Path, status: str | None, reason: str | None, kept: str | None
    ) -> None:
        path = tmp_path / "old.json"
        _version_1(path, status, reason)
        store = Store.open(path, today=date(2026, 11, 26))
        assert store.project.get("status") == kept
        store.close()
        data = json.loads(path.read_bytes())
        assert data["_meta"]["1"]["schema_version"] == 2
        assert data["project"]["1"].get("status") == kept

    def test_a_new_project_has_no_override(self, tmp_path: Path) -> None:
        store = Store.create(tmp_path / "new.json", {"name": "New", "start": "2026-01-05"})
        assert store.project.get("status") is None
        store.close()


class _Reader:
    def __init__(self, records: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.found = records

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return self.found.get((table, key))

    def records(self, table: str) -> list[dict[str, Any]]:
        return [r for (t, _), r in self.found.items() if t == table]


def _entry(time: str, *changes: tuple[str, str, str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "time": time,
        "changes": [{"op": op, "table": t, "key": k, "fields": f} for op, t, k, f in changes],
    }


READER = _Reader({
    ("tasks", "T1"): {"key": "T1", "title": "Design", "status": "done"},
    ("tasks", "T2"): {"key": "T2", "title": "Build", "status": "done"},
    ("tasks", "T3"): {"key": "T3", "title": "Test", "status": "in progress"},
    ("changes", "CH1"): {"key": "CH1", "title": "Add VAT report", "status": "approved"},
    ("actions", "A1"): {"key": "A1", "text": "Book the room", "status": "done"},
    ("notes", "N1"): {"key": "N1", "text": "SECRET", "follow_up_done": True},
})  # fmt: skip


class TestAccomplishments:
    """Sentences by kind of move, from the period after the last report only."""

    def test_grouped_and_readable(self) -> None:
        entries = [
            _entry("2026-11-20T09:00:00Z", ("update", "tasks", "T1", {"status": "done"})),
            _entry("2026-11-21T09:00:00Z", ("update", "tasks", "T2", {"status": "done"}),
                   ("update", "changes", "CH1", {"status": "approved"})),
            _entry("2026-11-22T09:00:00Z", ("update", "actions", "A1", {"status": "done"})),
        ]  # fmt: skip
        assert accomplishments(READER, entries, date(2026, 11, 19)) == [
            "Finished 2 tasks: Design, Build",
            "Approved change Add VAT report",
            "Completed action Book the room",
        ]

    def test_only_after_the_last_report_and_up_to_the_as_of_date(self) -> None:
        entries = [
            _entry("2026-11-19T23:00:00Z", ("update", "tasks", "T1", {"status": "done"})),
            _entry("2026-11-20T00:30:00Z", ("update", "tasks", "T2", {"status": "done"})),
            _entry("2026-11-27T08:00:00Z", ("update", "changes", "CH1", {"status": "approved"})),
        ]
        found = accomplishments(READER, entries, date(2026, 11, 19), date(2026, 11, 26))
        assert found == ["Finished task Build"]

    def test_a_move_undone_since_is_not_reported(self) -> None:
        entries = [_entry("2026-11-20T09:00:00Z", ("update", "tasks", "T3", {"status": "done"}))]
        assert accomplishments(READER, entries, None) == []

    def test_private_tables_never_appear(self) -> None:
        entries = [
            _entry("2026-11-20T09:00:00Z", ("update", "notes", "N1", {"follow_up_done": True}),
                   ("add", "notes", "N2", {"text": "[private]"})),
        ]  # fmt: skip
        assert accomplishments(READER, entries, None) == []

    def test_a_long_list_is_cut_and_counted(self) -> None:
        from pmtui.services.accomplishments import MOVES

        finished = next(m for m in MOVES if m.table == "tasks")
        names = [f"Task {n}" for n in range(1, 8)]
        assert sentence(finished, names) == (
            "Finished 7 tasks: Task 1, Task 2, Task 3, Task 4, Task 5 and 2 more"
        )


def test_one_snapshot_per_date(store: Store) -> None:
    from pmtui.store import StoreError

    store.add("report_snapshots", {"date": "2026-11-19", "overall": "green"})
    before = store.records("report_snapshots")
    with pytest.raises(StoreError, match="a report was issued on 2026-11-19 already"):
        store.add("report_snapshots", {"date": "2026-11-19", "overall": "red"})
    assert store.records("report_snapshots") == before


def test_todays_strip_shows_the_override_else_the_computed_colour(store: Store) -> None:
    from pmtui.services.glance import glance
    from tests.report_seed import seed

    seed(store)
    assert glance(store.read_context()).rag == "red"  # cost and risk are red
    store.update("project", "project", {"status": "amber", "status_reason": "Agreed"})
    assert glance(store.read_context()).rag == "amber"
