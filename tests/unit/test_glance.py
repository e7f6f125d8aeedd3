"""The strip's glance (pmtui.services.glance): RAG, the critical path's finish against the
target, the next open milestone; the finish is worked out again only when tasks or the
project change."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from pmtui import planning
from pmtui.planning import baseline
from pmtui.services.glance import Finishes, glance
from pmtui.store import Store
from tests.today_seed import seed


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per plan built."""
    counted: list[int] = []
    real = planning.build_plan

    def counting(records: Any, *args: Any, **kwargs: Any) -> planning.Plan:
        counted.append(len(records))
        return real(records, *args, **kwargs)

    monkeypatch.setattr(baseline, "build_plan", counting)
    return counted


def test_the_glance_of_the_seeded_project(store: Store) -> None:
    seed(store)
    seen = glance(store.read_context())
    assert (seen.rag, seen.finish, seen.target, seen.late_by) == (
        "green",
        date(2026, 12, 11),
        date(2026, 12, 18),
        -5,
    )
    assert (seen.next_milestone, seen.milestone_in) == ("Go-live", 40)
    assert seen.spi is None and seen.cpi is None and seen.budget_used is None


def test_a_change_elsewhere_rebuilds_no_schedule(store: Store, builds: list[int]) -> None:
    seed(store)
    finishes = Finishes()
    builds.clear()
    assert glance(store.read_context(), finishes).finish == date(2026, 12, 11)
    assert len(builds) == 1
    store.update("actions", "A1", {"status": "done"})  # a new revision, same tasks
    assert glance(store.read_context(), finishes).finish == date(2026, 12, 11)
    assert len(builds) == 1
    store.update("tasks", "T1", {"duration": 31})
    assert glance(store.read_context(), finishes).finish == date(2026, 12, 14)
    assert len(builds) == 2


def test_no_tasks_no_finish_and_no_open_milestone_ahead(store: Store) -> None:
    seen = glance(store.read_context())
    assert (seen.finish, seen.late_by, seen.next_milestone, seen.milestone_in) == (
        None,
        None,
        None,
        None,
    )
