"""Closing a project: the checklist's counts, and an archived project read-only until reopened."""

from __future__ import annotations

import pytest

from pmtui.services.closure import REOPEN_VALUES, archive_values, checklist, failing
from pmtui.store import Store, StoreError
from pmtui.store.archived import ArchivedError
from tests.environment import TODAY


def _seed(store: Store) -> None:
    with store.transaction("seed"):
        store.add("deliverables", {"title": "Runbook", "status": "accepted"})
        store.add("deliverables", {"title": "Test report", "status": "submitted"})
        store.add("vendors", {"name": "Ended Ltd", "contract_end": "2026-10-31"})
        store.add("vendors", {"name": "Running AG", "contract_end": "2027-03-31"})
        store.add("actions", {"text": "Hand over the keys", "status": "open"})
        store.add("actions", {"text": "Book the room", "status": "done"})
        store.add("risks", {"title": "Key user leaves", "probability": 3, "impact": 3})
        store.add("risks", {"title": "Old", "probability": 1, "impact": 1, "status": "closed"})
        store.add("issues", {"title": "Printer", "status": "resolved", "resolution": "Fixed"})
        store.add("budget_lines", {"month": "2026-11", "category": "travel", "planned": 100})
        store.add("expenses", {"date": "2026-11-02", "amount": 80, "category": "travel",
                               "description": "Train"})  # fmt: skip
        store.add("expenses", {"date": "2026-11-03", "amount": 30, "category": "other",
                               "description": "Cake"})  # fmt: skip


def test_checklist_counts_what_is_still_in_the_way(store: Store) -> None:
    _seed(store)
    items = {item.name: item for item in checklist(store.read_context())}
    assert (items["Deliverables accepted"].count, items["Deliverables accepted"].total) == (1, 2)
    assert "Test report" in items["Deliverables accepted"].detail
    # Ended Ltd's contract ended before today (2026-11-26); Running AG's runs to March.
    assert items["Contracts ended"].count == 1
    assert "Running AG" in items["Contracts ended"].detail
    assert items["No open actions"].count == 1
    assert items["No open risks"].count == 1
    assert items["No open issues"].passed
    # The cake has neither a task nor a category but `other`: unposted; `other` has no plan,
    # so it is over it too. Travel (80 of 100) is within its plan.
    budget = items["Budget reconciled"]
    assert budget.count == 2
    assert "Cake" in budget.detail and "over plan: other" in budget.detail
    assert [item.name for item in failing(list(items.values()))] == [
        "Deliverables accepted",
        "Contracts ended",
        "No open actions",
        "No open risks",
        "Budget reconciled",
    ]


def test_an_empty_project_passes_every_item(store: Store) -> None:
    assert all(item.passed for item in checklist(store.read_context()))


def test_an_archived_project_refuses_every_change_naming_reopen(store: Store) -> None:
    key = str(store.project["key"])
    store.update("project", key, archive_values(TODAY, "cancelled"))
    assert store.project["closed_on"] == TODAY.isoformat()
    before = store.path.read_bytes()
    with pytest.raises(ArchivedError, match=r"read-only.*pmtui reopen plan"):
        store.add("actions", {"text": "One more thing"})
    with pytest.raises(ArchivedError):
        store.update("project", key, {"name": "Renamed"})
    assert store.path.read_bytes() == before
    assert store.records("actions") == []
    # Another session sees the same refusal: the check reads the file's project record.
    other = Store.open(store.path)
    try:
        with pytest.raises(ArchivedError):
            other.add("risks", {"title": "Late", "probability": 2, "impact": 2})
    finally:
        other.close()


def test_reopening_lets_changes_in_again(store: Store) -> None:
    key = str(store.project["key"])
    store.update("project", key, archive_values(TODAY))
    store.update("project", key, REOPEN_VALUES)
    assert not store.project.get("archived") and "closed_on" not in store.project
    store.add("actions", {"text": "One more thing"})
    assert len(store.records("actions")) == 1


def test_undoing_the_archive_reopens(store: Store) -> None:
    key = str(store.project["key"])
    store.update("project", key, archive_values(TODAY))
    store.undo()
    assert not store.project.get("archived")
    store.add("actions", {"text": "Allowed again"})


def test_a_peek_never_writes_nor_locks(project_path: Store) -> None:
    folder = project_path.parent  # type: ignore[attr-defined]
    before = sorted(p.name for p in folder.iterdir())
    peeked = Store.peek(project_path)  # type: ignore[arg-type]
    try:
        with pytest.raises(StoreError, match="read only"):
            peeked.add("actions", {"text": "x"})
        assert peeked.project["name"] == "Test project"
    finally:
        peeked.close()
    assert sorted(p.name for p in folder.iterdir()) == before


def test_archived_alone_is_refused_pointing_at_pmtui_archive(store: Store) -> None:
    """Setting archived by hand would skip the checklist and leave no closing date."""
    with pytest.raises(StoreError, match="pmtui archive PROJECT"):
        store.update("project", str(store.project["key"]), {"archived": "yes"})
    assert not store.project.get("archived")
