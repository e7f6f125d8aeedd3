"""The Plan area's tables and their rules, through the store as every way in uses it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import InUse, RecordInvalid, Store
from pmtui.transfer import ImportProblem, import_file, table_records

Record = dict[str, Any]


def reopened(store: Store) -> Store:
    return Store.open(store.path)


@pytest.fixture
def plan(store: Store) -> Store:
    """Four tasks: A; B after A; C after B; D after A, under a summary S."""
    with store.transaction("plan"):
        store.add("tasks", {"key": "S", "title": "Phase"})
        store.add("tasks", {"key": "A", "title": "Alpha", "duration": "3", "parent": "S"})
        store.add("tasks", {"key": "B", "title": "Beta", "duration": "2", "predecessors": "A"})
        store.add("tasks", {"key": "C", "title": "Gamma", "duration": "1", "predecessors": "B"})
        store.add("tasks", {"key": "D", "title": "Delta", "duration": "4", "predecessors": "A"})
    return store


class TestTaskCycles:
    """A change that would close a loop of links or parents is refused, naming its keys."""

    def test_an_edit_closing_a_cycle_is_refused_with_the_keys_in_order(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "A", {"predecessors": "C"})
        assert "cycle: A -> B -> C -> A" in str(refused.value)

    def test_a_refused_cycle_saves_nothing(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid):
            plan.update("tasks", "A", {"predecessors": "C SS+2"})
        assert "predecessors" not in reopened(plan).require("tasks", "A")

    def test_a_task_cannot_wait_for_itself(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "B", {"predecessors": "B"})
        assert refused.value.errors == {"predecessors": "cycle: B -> B"}

    def test_a_parent_cycle_is_refused_on_the_parent_field(self, plan: Store) -> None:
        plan.update("tasks", "C", {"parent": "D"})
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "D", {"parent": "C"})
        assert "parent" in refused.value.errors

    def test_a_task_cannot_wait_for_its_own_summary(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "A", {"predecessors": "S"})
        assert "one contains the other" in refused.value.errors["predecessors"]

    def test_an_unknown_predecessor_is_refused(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "A", {"predecessors": "Z9"})
        assert "no task 'Z9'" in refused.value.errors["predecessors"]

    def test_a_cycle_made_by_two_rows_of_one_import_rejects_the_file(
        self, plan: Store, tmp_path: Path
    ) -> None:
        source = tmp_path / "tasks.csv"
        source.write_text("key,title,predecessors\nX,Ex,Y\nY,Why,X\n", encoding="utf-8")
        with pytest.raises(ImportProblem) as refused:
            import_file(plan, source)
        assert "cycle: X -> Y -> X" in str(refused.value)
        assert reopened(plan).get("tasks", "X") is None

    def test_links_may_carry_types_and_negative_fractional_lags(self, plan: Store) -> None:
        plan.update("tasks", "D", {"predecessors": "A SS+2; B FF-1.5; C sf+3"})
        assert reopened(plan).require("tasks", "D")["predecessors"] == [
            "A SS+2",
            "B FF-1.5",
            "C SF+3",
        ]

    def test_renaming_a_task_renames_it_in_links_and_parents(self, plan: Store) -> None:
        plan.update("tasks", "A", {"predecessors": ""})
        plan.update("tasks", "S", {"key": "PH1"})
        plan.update("tasks", "A", {"key": "A1"})
        after = reopened(plan)
        assert (
            after.require("tasks", "B")["predecessors"],
            after.require("tasks", "A1")["parent"],
        ) == (
            ["A1"],
            "PH1",
        )


class TestTaskFields:
    """Single-record rules and computed columns of tasks."""

    def test_actual_finish_before_actual_start_is_refused(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "A", {"actual_start": "2026-11-10", "actual_finish": "2026-11-09"})
        assert "actual_finish" in refused.value.errors

    def test_percent_complete_stays_within_0_and_100(self, plan: Store) -> None:
        with pytest.raises(RecordInvalid) as refused:
            plan.update("tasks", "A", {"percent_complete": "120"})
        assert "above the maximum of 100" in refused.value.errors["percent_complete"]

    def test_show_and_export_carry_the_schedule_as_computed_columns(self, plan: Store) -> None:
        rows = {r["key"]: r for r in table_records(plan, "tasks")}
        # Project start Mon 2026-11-02: A days 0-2, B 3-4, C day 5 (Mon 9th), D 3-6.
        assert (rows["C"]["start"], rows["C"]["critical"], rows["D"]["total_float"]) == (
            "2026-11-09",
            False,
            0.0,
        )


class TestDeliverables:
    """Sign-off: accepted only with every criterion met; criteria go with their deliverable."""

    @pytest.fixture
    def deliverable(self, store: Store) -> Store:
        store.add("milestones", {"key": "M1", "title": "Blueprint", "due": "2026-12-15"})
        store.add("deliverables", {"key": "D1", "title": "Blueprint", "milestone": "M1"})
        store.add("acceptance_criteria", {"key": "AC1", "deliverable": "D1", "text": "Signed"})
        return store

    def test_a_deliverable_with_an_unmet_criterion_cannot_be_accepted(
        self, deliverable: Store
    ) -> None:
        with pytest.raises(RecordInvalid) as refused:
            deliverable.update("deliverables", "D1", {"status": "accepted"})
        assert "unmet (Signed)" in refused.value.errors["status"]

    def test_a_deliverable_is_accepted_once_its_criteria_are_met(self, deliverable: Store) -> None:
        deliverable.update("acceptance_criteria", "AC1", {"met": "yes"})
        deliverable.update("deliverables", "D1", {"status": "accepted"})
        assert reopened(deliverable).require("deliverables", "D1")["status"] == "accepted"

    def test_a_criterion_of_an_accepted_deliverable_cannot_be_unmet(
        self, deliverable: Store
    ) -> None:
        deliverable.update("acceptance_criteria", "AC1", {"met": "yes"})
        deliverable.update("deliverables", "D1", {"status": "accepted"})
        with pytest.raises(RecordInvalid) as refused:
            deliverable.add("acceptance_criteria", {"deliverable": "D1", "text": "Also this"})
        assert "D1 is accepted" in refused.value.errors["met"]

    def test_deleting_a_deliverable_deletes_its_criteria(self, deliverable: Store) -> None:
        deliverable.delete("deliverables", "D1")
        assert reopened(deliverable).records("acceptance_criteria") == []

    def test_a_milestone_with_deliverables_cannot_be_deleted(self, deliverable: Store) -> None:
        with pytest.raises(InUse) as refused:
            deliverable.delete("milestones", "M1")
        assert "deliverables D1 (milestone)" in str(refused.value)


class TestImportCost:
    """Rules across records read whole tables, so an import runs them once, at the commit."""

    def test_an_import_of_many_tasks_runs_the_task_rules_once(
        self, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from dataclasses import replace

        from pmtui.schema import REGISTRY, Reader

        tasks = REGISTRY["tasks"]
        assert tasks.rules is not None
        original = tasks.rules
        calls: list[int] = []

        def counting(reader: Reader, records: Sequence[Record]) -> dict[int, dict[str, str]]:
            calls.append(len(records))
            return original(reader, records)

        monkeypatch.setitem(REGISTRY, "tasks", replace(tasks, rules=counting))
        lines = ["key,title,predecessors"] + [f"K{n},Task {n},K{n - 1}" for n in range(1, 51)]
        source = tmp_path / "tasks.csv"
        source.write_text("\n".join(lines).replace(",K0", ","), encoding="utf-8")
        import_file(store, source)
        assert (calls, len(reopened(store).records("tasks"))) == ([50], 50)
