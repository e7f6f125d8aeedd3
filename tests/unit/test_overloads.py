"""Which saves warn of over-capacity: only changes that move someone's load and leave them
over capacity (or further over) from this week on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pmtui.services.overloads import change_overloads
from pmtui.store import Store

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Ann (40 h) on T1 (Mon-Fri this week) at 100 %, and T2 the week after at 50 %."""
    made = Store.create(tmp_path / "t.json", {"name": "Team", "start": "2026-11-23"}, today=TODAY)
    made.add("people", {"key": "P1", "name": "Ann Lee", "capacity_hours": "40"})
    made.add("tasks", {"key": "T1", "title": "Build", "duration": "5"})
    made.add("tasks", {"key": "T2", "title": "Test", "duration": "5", "predecessors": "T1"})
    made.add("assignments", {"key": "AS1", "person": "P1", "task": "T1", "allocation": "100"})
    made.add("assignments", {"key": "AS2", "person": "P1", "task": "T2", "allocation": "50"})
    yield made
    made.close()


def warnings(store: Store) -> list[str]:
    landed = store.last_change
    assert landed is not None
    ctx = store.read_context()
    return [o.text(ctx.today) for o in change_overloads(ctx, landed.changes)]


def test_more_work_in_a_full_week_warns(store: Store) -> None:
    store.add("assignments", {"person": "P1", "task": "T1", "allocation": "60"})
    assert warnings(store) == ["Ann Lee is over capacity: 160 % in the week of 11-23"]


def test_work_within_capacity_is_silent(store: Store) -> None:
    store.add("assignments", {"person": "P1", "task": "T2", "allocation": "40"})
    assert warnings(store) == []


def test_lowering_an_overload_that_remains_is_silent(store: Store) -> None:
    store.add("assignments", {"key": "AS3", "person": "P1", "task": "T1", "allocation": "60"})
    store.update("assignments", "AS3", {"allocation": "30"})
    assert warnings(store) == []


def test_a_change_of_a_field_that_moves_no_load_is_silent(store: Store) -> None:
    store.add("assignments", {"key": "AS3", "person": "P1", "task": "T1", "allocation": "60"})
    store.update("assignments", "AS3", {"responsibility": "A"})
    assert warnings(store) == []
    store.update("people", "P1", {"role": "Lead"})
    assert warnings(store) == []


def test_capacity_down_to_nothing_warns(store: Store) -> None:
    # Allocation is a share of capacity: halving capacity halves the hours asked too.
    store.update("people", "P1", {"capacity_hours": "20"})
    assert warnings(store) == []
    store.update("people", "P1", {"capacity_hours": "0"})
    assert warnings(store) == ["Ann Lee has no hours in the week of 11-23 but has work assigned"]


def test_leave_over_part_of_a_busy_week_warns_as_leave(store: Store) -> None:
    store.add("leave", {"person": "P1", "from": "2026-11-30", "to": "2026-12-02"})
    # The week of 11-30: 50 % of 5 days asked, 2 days left: 125 %.
    assert warnings(store) == ["Ann Lee is on leave over assigned work: 125 % in the week of 11-30"]


def test_a_task_made_longer_into_a_busy_week_warns(store: Store) -> None:
    store.add(
        "assignments",
        {
            "person": "P1",
            "task": "T2",
            "allocation": "60",
            "start": "2026-11-30",
            "finish": "2026-12-04",
        },
    )
    assert warnings(store) == ["Ann Lee is over capacity: 110 % in the week of 11-30"]
    store.update("tasks", "T1", {"duration": "10"})  # T1 now runs into the week of 11-30
    assert warnings(store) == ["Ann Lee is over capacity: 160 % in the week of 11-30"]


def test_a_vendor_change_reads_no_staffing(store: Store) -> None:
    store.add("vendors", {"name": "Acme"})
    ctx = store.read_context()
    landed = store.last_change
    assert landed is not None and change_overloads(ctx, landed.changes) == []
    assert not ctx.has_model("staffing")
