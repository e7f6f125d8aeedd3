"""Deleting checks dependants first (CONTRACT, Keys and references): a record's own parts
(a summary task's subtasks, a milestone's deliverables) go with it only when asked, as one
undoable step; anything else referring to it refuses the delete, named."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.store import InUse, Store
from tests.uihelpers import TODAY, reopened


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.create(tmp_path / "p.json", {"name": "ERP", "start": "2026-11-02"}, today=TODAY)
    with s.transaction("plan"):
        s.add("people", {"key": "P1", "name": "Chen Wei"})
        s.add("tasks", {"key": "T1", "title": "Build"})
        s.add("tasks", {"key": "T2", "title": "Configure", "parent": "T1", "duration": "3"})
        s.add("tasks", {"key": "T3", "title": "Test", "parent": "T1", "duration": "2"})
        s.add("tasks", {"key": "T4", "title": "Go-live", "duration": "0"})
        s.add("assignments", {"person": "P1", "task": "T2", "allocation": "50"})
        s.add("milestones", {"key": "M1", "title": "Built", "due": "2026-12-01"})
        s.add("deliverables", {"key": "D1", "title": "System", "milestone": "M1"})
        s.add("acceptance_criteria", {"deliverable": "D1", "text": "Works"})
    return s


def test_the_plan_names_the_children_and_the_blockers(store: Store) -> None:
    plain = store.deletion("tasks", "T1")
    assert plain.children == [("tasks", "T2"), ("tasks", "T3")]
    assert plain.blockers == [("tasks", "T2", "parent"), ("tasks", "T3", "parent")]
    taken = store.deletion("tasks", "T1", with_children=True)
    assert taken.blockers == [("assignments", "AS1", "task")]
    milestone = store.deletion("milestones", "M1", with_children=True)
    assert milestone.blockers == []
    assert milestone.doomed == [
        ("milestones", "M1"),
        ("deliverables", "D1"),
        ("acceptance_criteria", "AC1"),
    ]


def test_a_milestone_goes_with_its_deliverables_as_one_undoable_step(store: Store) -> None:
    with pytest.raises(InUse):
        store.delete("milestones", "M1")
    store.delete("milestones", "M1", with_children=True)
    after = reopened(store)
    assert (after.records("milestones"), after.records("deliverables")) == ([], [])
    store.undo()
    after = reopened(store)
    assert [d["key"] for d in after.records("deliverables")] == ["D1"]
    assert [c["key"] for c in after.records("acceptance_criteria")] == ["AC1"]


def test_a_summary_task_whose_subtask_is_assigned_is_refused_naming_it(store: Store) -> None:
    before = store.path.read_bytes()
    with pytest.raises(InUse) as refused:
        store.delete("tasks", "T1", with_children=True)
    assert "assignments AS1 (task)" in str(refused.value)
    assert store.path.read_bytes() == before
    store.delete("assignments", "AS1")
    store.delete("tasks", "T1", with_children=True)
    assert [t["key"] for t in reopened(store).records("tasks")] == ["T4"]


def test_a_record_referring_through_two_fields_is_counted_once(store: Store) -> None:
    from pmtui.views import describe_records

    store.add("tasks", {"key": "T5", "title": "Cutover", "owner": "P1"})
    store.update("deliverables", "D1", {"owner": "P1", "decided_by": "P1"})
    blockers = store.deletion("people", "P1").blockers
    assert [b for b in blockers if b[0] == "deliverables"] == [
        ("deliverables", "D1", "owner"),
        ("deliverables", "D1", "decided_by"),
    ]
    referring = list(dict.fromkeys((t, k) for t, k, _ in blockers))
    assert describe_records(store, referring) == ("task Cutover, deliverable System, 1 assignment")
