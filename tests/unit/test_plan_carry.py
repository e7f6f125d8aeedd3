"""An edit that moves no date carries the plan over to the next revision instead of
rebuilding it (issue 13: a task edit in the app rebuilt the whole plan); one that may move
a date rebuilds it. The carried plan equals a rebuilt one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pmtui.planning import baseline, shared_plan
from pmtui.planning.plan import Plan
from pmtui.store import Store


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many plans were built from the records."""
    built: list[int] = []
    real = baseline.build_plan

    def counted(*args: Any, **kwargs: Any) -> Plan:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(baseline, "build_plan", counted)
    yield built


@pytest.fixture
def planned(store: Store) -> Store:
    with store.transaction("seed"):
        store.add("tasks", {"title": "Phase"})
        store.add("tasks", {"title": "Design", "duration": "3", "parent": "T1"})
        store.add("tasks", {"title": "Build", "duration": "5", "predecessors": "T2"})
    return store


def looks(plan: Plan) -> list[tuple[Any, ...]]:
    return [
        (t.key, t.title, t.record, t.start, t.finish, t.duration, t.times, t.wbs, t.budget)
        for t in plan.tasks
    ]


def test_a_title_or_status_edit_carries_the_plan_over(planned: Store, builds: list[int]) -> None:
    shared_plan(planned.read_context())
    assert builds == [1]
    planned.update("tasks", "T2", {"title": "Design it", "notes": "n", "status": "in progress"})
    carried = shared_plan(planned.read_context())
    assert builds == [1]
    assert carried.by_key["T2"].title == "Design it"
    assert carried.by_key["T2"].record["status"] == "in progress"
    planned.forget_caches()
    assert looks(shared_plan(planned.read_context())) == looks(carried)  # as if rebuilt
    assert builds == [1, 1]


def test_an_edit_that_may_move_a_date_rebuilds_it(planned: Store, builds: list[int]) -> None:
    shared_plan(planned.read_context())
    planned.update("tasks", "T2", {"duration": "4"})
    assert shared_plan(planned.read_context()).by_key["T3"].start.isoformat() == "2026-11-06"
    planned.add("tasks", {"title": "More"})
    shared_plan(planned.read_context())
    assert builds == [1, 1, 1]


def test_deferred_writes_keep_the_plan(planned: Store, builds: list[int]) -> None:
    planned.defer_writes = True
    shared_plan(planned.read_context())
    planned.update("tasks", "T3", {"title": "Build it"})
    shared_plan(planned.read_context())
    planned.write_unwritten()  # the write in the worker changes nothing in memory
    assert shared_plan(planned.read_context()).by_key["T3"].title == "Build it"
    assert builds == [1]
