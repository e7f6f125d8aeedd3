"""Warnings a manager expects on the boards: a save that puts someone over capacity says so
(naming the person and the load), and the board shows the load."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.screens.person_modal import PersonModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from tests.uihelpers import demo_store, isolated_env, make_app, type_text

ALLOCATION = ("3", "right_square_bracket")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def app(store: Store, tmp_path: Path) -> PmtuiApp:
    return make_app(store, isolated_env(tmp_path))


def warnings_of(app: PmtuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


class TestOverCapacity:
    """Chen Wei to 210 %, or leave over assigned work: saved, with a warning naming the load."""

    async def test_raising_an_allocation_past_capacity_warns_and_the_grid_shows_it(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press(*["j"] * 10, "enter", "j", "e")  # Chen Wei's AS57 (80 %)
            form = app.screen
            assert isinstance(form, RecordForm)
            form.query_one("#field-allocation", Input).focus()
            await pilot.press("ctrl+u", *"100", "ctrl+s")
            await pilot.pause()
            assert store.get("assignments", "AS57")["allocation"] == 100  # saved all the same
            assert warnings_of(app) == ["Chen Wei is over capacity: 170 % in the week of 11-23"]
            caption = str(app.screen.query_one("#allocation-caption", Static).render())
            assert "Chen Wei · week of 11-23" in caption and "(170 %)" in caption

    async def test_a_change_that_overloads_nobody_has_no_warning(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press(*["j"] * 10, "enter", "j", "e")
            app.screen.query_one("#field-allocation", Input).focus()
            await pilot.press("ctrl+u", *"10", "ctrl+s")
            await pilot.pause()
            assert store.get("assignments", "AS57")["allocation"] == 10
            assert warnings_of(app) == []

    async def test_leave_over_assigned_work_warns(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"chen", "enter", "enter")
            assert isinstance(app.screen, PersonModal)
            await pilot.press("v")
            form = app.screen
            assert isinstance(form, RecordForm)
            form.query_one("#field-from", Input).focus()
            await type_text(pilot, "2026-11-30")
            form.query_one("#field-to", Input).focus()
            await type_text(pilot, "2026-12-04")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [r["person"] for r in store.records("leave")].count("P11") == 1
            assert warnings_of(app) == ["Chen Wei is away all the week of 11-30 with work assigned"]
