"""One plan per revision of the file: every board that shows the schedule, and the rules
and computed fields behind them, share the plan the revision's context builds once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmtui import planning
from pmtui.planning import baseline
from pmtui.store import Store
from tests.uihelpers import demo_store, isolated_env, make_app

#: Plan (WBS, Gantt, Milestones), People (Team, Allocation, RACI), then back to Plan.
TOUR = ["2", "right_square_bracket", "right_square_bracket", "3", "right_square_bracket",
        "right_square_bracket", "2", "right_square_bracket"]  # fmt: skip


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts every plan built (one entry per build, the number of tasks scheduled)."""
    counted: list[int] = []
    real = planning.build_plan

    def counting(records: Any, *args: Any, **kwargs: Any) -> planning.Plan:
        counted.append(len(records))
        return real(records, *args, **kwargs)

    monkeypatch.setattr(baseline, "build_plan", counting)
    monkeypatch.setattr(planning, "build_plan", counting)
    return counted


async def test_six_boards_share_one_plan_and_a_change_builds_one_more(
    tmp_path: Path, builds: list[int]
) -> None:
    store = demo_store(tmp_path)
    builds.clear()
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*TOUR)
        await pilot.pause()
        assert len(builds) == 1
        await pilot.press("3", "2")  # an area return rebuilds nothing
        await pilot.pause()
        assert len(builds) == 1
        task = store.records("tasks")[-1]
        store.update("tasks", str(task["key"]), {"duration": int(task["duration"] or 1) + 1})
        app.refresh_area()
        await pilot.press(*TOUR)
        await pilot.pause()
        assert len(builds) == 2


def test_the_shared_plan_is_the_same_object_until_the_file_changes(
    tmp_path: Path, builds: list[int]
) -> None:
    store: Store = demo_store(tmp_path)
    builds.clear()
    first = planning.shared_plan(store.read_context())
    assert planning.shared_plan(store.read_context()) is first
    assert len(builds) == 1
    task = store.records("tasks")[-1]
    store.update("tasks", str(task["key"]), {"duration": int(task["duration"] or 1) + 1})
    assert planning.shared_plan(store.read_context()) is not first
    assert len(builds) == 2


async def test_a_tab_or_area_return_redraws_a_board_only_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmtui.boards.plan.wbs import WbsBoard

    redraws: list[str] = []
    real = WbsBoard.refresh_data

    def counting(self: WbsBoard) -> None:
        redraws.append("wbs")
        real(self)

    monkeypatch.setattr(WbsBoard, "refresh_data", counting)
    store = demo_store(tmp_path)
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        first = len(redraws)
        await pilot.press("right_square_bracket", "left_square_bracket", "3", "2")
        await pilot.pause()
        assert len(redraws) == first  # nothing changed: nothing redrawn
        task = store.records("tasks")[-1]
        await pilot.press("3")
        store.update("tasks", str(task["key"]), {"duration": int(task["duration"] or 1) + 1})
        await pilot.press("2")
        await pilot.pause()
        assert len(redraws) == first + 1
