"""The Today board, where a project opens, driven by keys: its content and order on a seeded
project, the strip, privacy, and that it reads the shared per-revision read models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmtui import agenda
from pmtui.boards.today.today import TodayBoard
from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from pmtui.widgets.today_strip import TodayStrip
from tests.today_seed import SECRET, day, seed
from tests.uihelpers import isolated_env, make_app


@pytest.fixture
def seeded(store: Store) -> Store:
    return seed(store)


def _list(app: Any) -> AgendaList:
    return app.screen.query_one("#today-list", AgendaList)


def _strip(app: Any) -> str:
    return str(app.screen.query_one(TodayStrip).render())


class TestContent:
    """What Today lists, in which order, and how each line reads."""

    async def test_the_first_frame_shows_the_groups_in_contract_order(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            # No key pressed, no pause: what the first frame draws.
            assert app.current_mode == "today"
            items = _list(app)
            assert items.keys == [
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
            lines = [line.rstrip() for line in items.lines()]
            assert lines[0] == "Overdue · 4"
            assert lines[5] == "Due today · 3"
            assert lines[9] == "Coming up (next 7 days) · 5"
            assert lines[1].split() == [
                "action", "Chase", "SAP", "quote", "Chen", "Wei", "5", "days", "late",
            ]  # fmt: skip
            milestone = lines[2]
            assert "Blueprint" in milestone and "Elena Rossi" in milestone
            assert "3 days late" in milestone and milestone.endswith("Milestones")
            assert "Blueprint doc · decision" in lines[4]
            assert "Design · behind plan" in lines[7]
            assert "follow up with Elena Rossi" in lines[8]
            assert "in 45 days" in lines[-1] and "Kofax · notice" in lines[-1]

    async def test_the_strip_shows_rag_finish_target_and_next_milestone(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            shown = _strip(app)
            first, second = shown.splitlines()
            # The 30-day Design task from 2026-11-02 finishes 2026-12-11, a week before target.
            assert first.split() == [
                "●", "green", "finish", "2026-12-11", "target", "2026-12-18", "5", "wd", "early",
            ]  # fmt: skip
            assert second.startswith("next milestone in 40 days: Go-live")
            assert "first check-in" in second
            assert "SPI" not in shown and "CPI" not in shown  # hidden until Money exists

    async def test_no_private_note_text_anywhere_on_today(
        self, seeded: Store, tmp_path: Path
    ) -> None:
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("G")  # the whole list seen
            await pilot.pause()
            assert "follow up with Elena Rossi" in "\n".join(_list(app).lines())
            assert SECRET not in app.export_screenshot()
            assert "SECRET" not in "\n".join(_list(app).lines())

    async def test_a_quiet_day_says_so_and_shows_the_next_three(
        self, store: Store, tmp_path: Path
    ) -> None:
        store.update("project", "project", {"due_soon_days": 7})
        for key, due in (("A1", 30), ("A2", 10), ("A3", 20), ("A4", 50)):
            store.add("actions", {"key": key, "text": f"Later {key}", "due": day(due)})
        app = make_app(store, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)):
            lines = [line.rstrip() for line in _list(app).lines()]
            assert lines[:2] == ["Nothing due in the next 7 days.", "Coming later"]
            assert _list(app).keys == ["actions/A2", "actions/A3", "actions/A1"]
            assert "in 10 days" in lines[2]


class TestReadModels:
    """Today reads what the revision built once; moving the cursor rebuilds nothing."""

    async def test_moving_and_coming_back_rebuild_nothing(
        self, seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[int] = []
        real = agenda.today_items

        def counting(store: Any, days: int | None = None) -> list[agenda.Item]:
            calls.append(1)
            return real(store, days)

        monkeypatch.setattr(agenda, "today_items", counting)
        app = make_app(seeded, isolated_env(tmp_path), start_area=None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "j", "k", "G", "g", "2", "1", "3", "1")
            await pilot.pause()
            assert len(calls) == 1
            assert isinstance(app.screen.query_one(TodayBoard), TodayBoard)
            seeded.update("actions", "A2", {"text": "Book the big room"})
            app.refresh_area()
            await pilot.pause()
            assert len(calls) == 2
            assert any("Book the big room" in line for line in _list(app).lines())
