"""Rules across records run only when a change touches a field they watch."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any

import pytest

from pmtui import tables
from pmtui.planning import rules
from pmtui.store import RecordInvalid, Store


@pytest.fixture
def cycle_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the tasks' cycle rule has run (network_problem is its whole work)."""
    runs: list[int] = []
    real = rules.network_problem

    def counted(records: Any) -> Any:
        runs.append(len(records))
        return real(records)

    monkeypatch.setattr(rules, "network_problem", counted)
    yield runs


@pytest.fixture
def planned(store: Store) -> Store:
    with store.transaction("seed"):
        store.add("tasks", {"title": "Design", "duration": "3"})
        store.add("tasks", {"title": "Build", "duration": "5", "predecessors": "T1"})
        store.add("tasks", {"title": "Test", "duration": "2", "predecessors": "T2"})
    return store


def test_a_duration_edit_runs_no_cycle_check(planned: Store, cycle_checks: list[int]) -> None:
    planned.update("tasks", "T2", {"duration": "8", "title": "Build it", "notes": "bigger"})
    assert cycle_checks == []
    assert planned.require("tasks", "T2")["duration"] == 8


def test_a_predecessor_edit_runs_the_cycle_check_and_a_cycle_is_refused(
    planned: Store, cycle_checks: list[int]
) -> None:
    planned.update("tasks", "T3", {"predecessors": "T1"})
    assert cycle_checks == [3]
    with pytest.raises(RecordInvalid, match="predecessors: cycle: T1 -> T3 -> T1"):
        planned.update("tasks", "T1", {"predecessors": "T3"})
    assert len(cycle_checks) == 2
    assert "predecessors" not in planned.require("tasks", "T1")


def test_parents_keys_and_new_records_run_the_cycle_check(
    planned: Store, cycle_checks: list[int]
) -> None:
    planned.add("tasks", {"title": "Phase"})
    planned.update("tasks", "T3", {"parent": "T4"})
    planned.update("tasks", "T3", {"key": "T30"})
    assert cycle_checks == [4, 4, 4]
    assert planned.require("tasks", "T30")["parent"] == "T4"


def test_a_change_set_runs_the_rule_once_if_any_change_touches_a_watched_field(
    planned: Store, cycle_checks: list[int]
) -> None:
    with planned.transaction("two edits"):
        planned.update("tasks", "T1", {"duration": "1"})
        planned.update("tasks", "T3", {"predecessors": "T1"})
    assert cycle_checks == [3]


def test_the_plan_rules_declare_what_they_watch() -> None:
    assert tables.rules_watch("tasks") == frozenset({"key", "parent", "predecessors"})
    assert tables.rules_watch("deliverables") == frozenset({"key", "status"})
    assert tables.rules_watch("acceptance_criteria") == frozenset({"key", "met", "deliverable"})
    assert tables.rules_watch("people") is None  # no declaration: every change runs them


def test_rules_touched_by_a_change() -> None:
    before = {"key": "T1", "title": "a", "duration": 2}
    assert not tables.rules_touched("tasks", before, {**before, "duration": 3})
    assert tables.rules_touched("tasks", before, {**before, "predecessors": ["T2"]})
    assert tables.rules_touched("tasks", None, before)  # a new record
    assert tables.rules_touched("tasks", before, None)  # a deleted one
    assert tables.rules_touched("people", {"key": "P1"}, {"key": "P1", "notes": "x"})


def test_a_watch_naming_a_field_the_table_lacks_is_refused() -> None:
    service = types.SimpleNamespace(
        RULES={"tasks": rules.task_rules}, RULES_WATCH={"tasks": ("key", "duratoin")}
    )
    with pytest.raises(KeyError, match="duratoin"):
        tables.attach(service)
    tables.reload()


def test_the_form_check_of_a_duration_edit_runs_no_cycle_check(
    planned: Store, cycle_checks: list[int]
) -> None:
    # What the app's form runs on every save (Board._errors): store.validate.
    planned.validate("tasks", {"duration": "8", "title": "Build it"}, "T2")
    assert cycle_checks == []
    with pytest.raises(RecordInvalid, match="cycle"):
        planned.validate("tasks", {"predecessors": "T3"}, "T1")
    assert cycle_checks == [3]
    planned.validate("tasks", {"title": "New"})  # a new record always runs its rules
    assert len(cycle_checks) == 2


def test_the_vendor_rules_declare_what_they_watch() -> None:
    assert tables.rules_watch("vendors") == frozenset({"key", "name"})
    assert tables.rules_watch("criteria") == frozenset({"key", "name", "comparison"})
    assert tables.rules_watch("scores") == frozenset(
        {"key", "comparison", "vendor", "criterion", "score"}
    )
    assert tables.rules_watch("comparisons") == frozenset(
        {"key", "scale", "horizon_years", "candidates", "chosen_vendor", "decided_by"}
    )
    assert not tables.rules_touched("vendors", {"key": "V1"}, {"key": "V1", "notes": "x"})
