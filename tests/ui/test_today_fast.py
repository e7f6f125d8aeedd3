"""Today opens without the schedule when it can: from the content-keyed cache `pmtui today`
shares, from the last revision's items after a change to a table nothing else reads, and
on a big project with a cold cache the list fills in after the first frame."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmtui import agenda, todaycache
from pmtui.boards.today import today as today_board
from pmtui.cli.today import today_of
from pmtui.planning import baseline
from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from pmtui.widgets.today_strip import TodayStrip
from tests.today_seed import seed
from tests.uihelpers import isolated_env, make_app

ORDER = [
    "actions/A1",
    "milestones/M1",
    "resource_requests/RR1",
    "deliverables/D1",
    "actions/A3",
    "tasks/T1",
    "notes/N1",
    "candidates/CA1",
    "leave/LV1",
    "actions/A2",
    "open_roles/OR1",
    "vendors/V1",
]


@pytest.fixture
def seeded(store: Store) -> Store:
    return seed(store)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """How many plans and full Today lists have been worked out."""
    counts = {"plan": 0, "today": 0}
    real_plan, real_today = baseline.plan_of, agenda.today_items

    def plan_of(*args: Any, **kwargs: Any) -> Any:
        counts["plan"] += 1
        return real_plan(*args, **kwargs)

    def today_items(*args: Any, **kwargs: Any) -> Any:
        counts["today"] += 1
        return real_today(*args, **kwargs)

    monkeypatch.setattr(baseline, "plan_of", plan_of)
    monkeypatch.setattr(agenda, "today_items", today_items)
    yield counts


def _list(app: Any) -> AgendaList:
    return app.screen.query_one("#today-list", AgendaList)


def _strip(app: Any) -> str:
    return str(app.screen.query_one(TodayStrip).render())


class TestSharedCache:
    async def test_after_pmtui_today_the_app_opens_today_without_the_schedule(
        self, seeded: Store, tmp_path: Path, builds: dict[str, int]
    ) -> None:
        today_of(seeded.path, None)  # what `pmtui today PROJECT` runs: fills the cache
        assert builds["today"] == 1
        builds.update(plan=0, today=0)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            assert _list(app).keys == ORDER  # the first frame, from the cache
            assert builds["today"] == 0
            assert "follow up with Elena Rossi" in "\n".join(_list(app).lines())

    async def test_a_changed_file_is_never_answered_from_the_cache(
        self, seeded: Store, tmp_path: Path, builds: dict[str, int]
    ) -> None:
        today_of(seeded.path, None)
        seeded.update("actions", "A1", {"text": "Chase the Oracle quote"})
        builds.update(plan=0, today=0)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            assert builds["today"] == 1
            assert "Chase the Oracle quote" in "\n".join(_list(app).lines())

    async def test_a_cache_of_another_day_is_never_trusted(
        self, seeded: Store, tmp_path: Path, builds: dict[str, int], monkeypatch: Any
    ) -> None:
        monkeypatch.setenv("PMTUI_TODAY", "2026-11-25")
        today_of(seeded.path, None)  # yesterday's answer, same file
        monkeypatch.setenv("PMTUI_TODAY", "2026-11-26")
        builds.update(plan=0, today=0)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            assert builds["today"] == 1
            assert _list(app).keys == ORDER

    async def test_the_app_leaves_the_cache_pmtui_today_answers_from(
        self, seeded: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        cache = todaycache.cache_file(seeded.path)
        digest = todaycache.digest_of(seeded.path.read_bytes())
        kept = todaycache.read(cache, digest, None)
        assert kept is not None  # the app wrote it
        capsys.readouterr()
        assert todaycache.answer([str(seeded.path)]) == 0  # the fast path, no store opened
        fast = capsys.readouterr().out
        cache.unlink()
        full = today_of(seeded.path, None)  # worked out by the full command
        assert kept["text"] == full["text"] == fast
        assert kept["json"] == full["json"]
        assert "Chase SAP quote" in fast


class TestNoScheduleAfterAChange:
    async def test_x_on_an_action_builds_no_plan_and_no_full_list(
        self, seeded: Store, tmp_path: Path, builds: dict[str, int]
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert _list(app).cursor_key == "actions/A1"
            builds.update(plan=0, today=0)
            await pilot.press("x")
            await pilot.pause()
            assert seeded.require("actions", "A1")["status"] == "done"
            assert _list(app).keys == ORDER[1:]
            assert _list(app).cursor_key == "milestones/M1"
            await pilot.press("u")
            await pilot.pause()
            assert _list(app).keys == ORDER
            assert builds == {"plan": 0, "today": 0}
            assert "finish 2026-12-11" in _strip(app)

    async def test_a_change_to_a_task_works_the_list_out_again(
        self, seeded: Store, tmp_path: Path, builds: dict[str, int]
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            builds.update(plan=0, today=0)
            seeded.update("tasks", "T1", {"percent_complete": 90})
            app.refresh_area()
            await pilot.pause()
            assert builds["today"] == 1
            assert "tasks/T1" not in _list(app).keys  # no longer behind plan

    def test_refreshed_tables_names_what_may_show_a_changed_record(self) -> None:
        class Changed:
            def __init__(self, table: str) -> None:
                self.table = table

        assert agenda.refreshed_tables([Changed("actions")]) == {"actions"}
        found = agenda.refreshed_tables([Changed("vendors")])
        # By name (requests, expenses), or as an action's source.
        assert found == {"vendors", "resource_requests", "expenses", "actions"}
        assert agenda.refreshed_tables([Changed("tasks")]) is None  # the schedule
        assert agenda.refreshed_tables([Changed("people")]) is None  # owners' names
        assert agenda.refreshed_tables([Changed("project")]) is None  # the window


class TestBigProjectColdCache:
    async def test_the_list_fills_in_after_the_first_frame_and_keys_work(
        self, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(today_board, "SYNC_BELOW", 1)  # the seed counts as big
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            # The first frame: no list yet, and it says why.
            assert _list(app).keys == []
            assert today_board.WORKING in "\n".join(_list(app).lines())
            assert "working it out" in _strip(app)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert _list(app).keys == ORDER
            assert "finish 2026-12-11" in _strip(app)
            await pilot.press("x")
            await pilot.pause()
            assert seeded.require("actions", "A1")["status"] == "done"
            assert _list(app).keys == ORDER[1:]

    async def test_a_warm_cache_shows_the_list_at_once_and_the_finish_after(
        self, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        today_of(seeded.path, None)
        monkeypatch.setattr(today_board, "SYNC_BELOW", 1)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            assert _list(app).keys == ORDER
            assert "working it out" in _strip(app)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "finish 2026-12-11" in _strip(app)


def _detail(app: Any) -> str:
    from pmtui.widgets.detail_line import DetailLine

    return app.screen.query_one(DetailLine).text


class TestDetailLine:
    """The line above the footer shows the chosen item whole on Today and Actions."""

    async def test_today_shows_the_item_under_the_cursor_whole(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        seeded.update(
            "actions",
            "A1",
            {"text": "Chase the SAP licence quote for the whole finance rollout, all sites",
             "source": "milestones:M1"},
        )  # fmt: skip
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(200, 24)) as pilot:
            await pilot.pause()
            shown = _detail(app)
            assert shown.startswith(
                "action Chase the SAP licence quote for the whole finance rollout, all sites"
            )
            assert "Owner: Chen Wei" in shown
            assert "Due: 5 days late (2026-11-21)" in shown
            assert "On: Actions" in shown
            assert "Source: milestone Blueprint" in shown
            await pilot.press("j")
            await pilot.pause()
            shown = _detail(app)
            assert shown.startswith("milestone Blueprint")
            assert "Owner: Elena Rossi" in shown and "On: Milestones" in shown

    async def test_a_private_follow_up_shows_no_note_text_there(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        from tests.today_seed import SECRET

        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(200, 24)) as pilot:
            await pilot.pause()
            keys = _list(app).keys
            for _ in range(keys.index("notes/N1")):
                await pilot.press("j")
            await pilot.pause()
            shown = _detail(app)
            assert "follow up with Elena Rossi" in shown
            assert SECRET not in shown and "SECRET" not in shown

    async def test_actions_shows_the_chosen_action_with_its_source(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        seeded.update("actions", "A1", {"source": "milestones:M1"})
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(200, 24)) as pilot:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            shown = _detail(app)
            assert shown.startswith("Chase SAP quote")
            assert "Owner: Chen Wei" in shown and "Source: milestone Blueprint" in shown


async def test_no_change_lands_in_memory_while_the_worker_reads_the_store(
    seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save on the UI thread while the worker reads (another board's edit) would mutate
    the tables under it and could leave a stale read cache: commits wait for the worker."""
    import threading

    monkeypatch.setattr(today_board, "SYNC_BELOW", 1)
    real = agenda.today_items
    could_commit: list[bool] = []

    def today_items(*args: Any, **kwargs: Any) -> Any:
        def try_lock() -> None:  # what a commit takes first, tried from another thread
            got = seeded._thread_lock.acquire(blocking=False)
            could_commit.append(got)
            if got:
                seeded._thread_lock.release()

        other = threading.Thread(target=try_lock)
        other.start()
        other.join()
        return real(*args, **kwargs)

    monkeypatch.setattr(agenda, "today_items", today_items)
    app = make_app(seeded, isolated_env(tmp_path), start_area=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _list(app).keys == ORDER
    assert could_commit == [False]
