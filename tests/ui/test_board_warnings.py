"""Warnings a manager expects on the boards: a save that puts someone over capacity says so
(naming the person and the load), and the board shows the load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.boards.plan.milestones import MilestonesBoard
from pmtui.boards.plan.milestones_view import milestone_card
from pmtui.boards.vendors.compare import CompareBoard
from pmtui.boards.vendors.directory import notice_style, notice_text
from pmtui.domain.dates import short_date
from pmtui.screens.help import HelpLine, HelpModal
from pmtui.screens.person_modal import PersonModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.widgets.kanban import Kanban
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app, table_text, type_text

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


class TestMilestonesLate:
    """A forecast after the due date is flagged in working days; cards run by due date; a
    date of another year shows its year."""

    async def open_board(self, pilot: Pilot[None]) -> Kanban:
        await pilot.press("2", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        return pilot.app.screen.query_one(MilestonesBoard).query_one(Kanban)

    async def test_a_forecast_after_due_is_flagged_late_in_working_days(
        self, app: PmtuiApp
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            kanban = await self.open_board(pilot)
            [build] = [c for c in kanban.cards_in("in progress") if c.key == "M4"]
        # Due Fri 2027-01-08, forecast Thu 2027-01-14: four working days late.
        assert (build.style, build.detail) == ("warning", "2027-01-08 +4wd late 0/2✓")

    async def test_cards_run_by_due_date(self, app: PmtuiApp, store: Store) -> None:
        store.add("milestones", {"key": "M9", "title": "Data frozen", "due": "2027-02-01"})
        async with app.run_test(size=(80, 24)) as pilot:
            kanban = await self.open_board(pilot)
            planned = [c.key for c in kanban.cards_in("planned")]
        assert planned == ["M9", "M5", "M6", "M7"]


def test_a_card_in_this_year_shows_month_and_day_only() -> None:
    card = milestone_card({"key": "M1", "title": "Go", "due": "2026-12-14"}, None, TODAY, [])
    assert card.detail == "12-14"


def test_short_date_shows_the_year_only_when_it_is_not_this_one() -> None:
    assert short_date(date(2026, 12, 14), TODAY) == "12-14"
    assert short_date(date(2027, 1, 8), TODAY) == "2027-01-08"
    assert short_date(date(2025, 12, 14), TODAY) == "2025-12-14"


class TestVendorNotice:
    """A contract notice date within its lead time (60 days) stands out, in colour and in
    words (so that it reads the same with NO_COLOR)."""

    async def test_a_notice_date_within_sixty_days_is_marked_and_styled(
        self, app: PmtuiApp, store: Store
    ) -> None:
        store.update("vendors", "V2", {"renewal_notice": "2027-01-21"})  # 56 days ahead
        store.update("vendors", "V1", {"renewal_notice": "2027-05-06"})  # 161 days ahead
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            text = table_text(app, "#table")
        kofax = next(line for line in text.splitlines() if "Kofax" in line)
        partners = next(line for line in text.splitlines() if line.split()[:1] == ["V1"])
        assert kofax.split()[-2:] == ["in", "56d"]
        assert partners.split()[-1] == "2027-05-06"
        assert notice_style("in 56d") == notice_style("today") == "record-table--warning"
        assert notice_style("passed") == "record-table--bad"
        assert notice_style("") is None

    def test_a_notice_date_passed_while_the_contract_runs_says_so(self) -> None:
        vendor = {"renewal_notice": "2026-11-20", "contract_end": "2027-02-20"}
        assert notice_text(vendor, TODAY) == "passed"
        assert notice_text({"renewal_notice": "2026-11-20"}, TODAY) == "passed"
        ended = {"renewal_notice": "2026-09-01", "contract_end": "2026-10-01"}
        assert notice_text(ended, TODAY) == ""
        assert notice_text({"renewal_notice": "2026-11-26"}, TODAY) == "today"
        assert notice_text({"renewal_notice": "2027-01-25"}, TODAY) == "in 60d"
        assert notice_text({"renewal_notice": "2027-01-26"}, TODAY) == ""
        assert notice_text({}, TODAY) == ""


class TestCompareHelp:
    """? on Compare says the comparison's own scale and names no widget; the comparison left
    open is the one Compare opens on next time."""

    async def help_lines(self, pilot: Pilot[None], *keys: str) -> list[HelpLine]:
        await pilot.press("4", "right_square_bracket", *keys, "question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpModal)
        return list(screen.lines)

    async def test_help_says_zero_to_five_on_a_five_point_comparison(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            lines = await self.help_lines(pilot)  # CMP1, scale 5
        score = next(line for line in lines if line.description == "Score")
        assert "0 to 5" in score.tooltip
        assert not any("0-10" in line.tooltip or "0 to 10" in line.tooltip for line in lines)

    async def test_help_says_zero_to_ten_on_a_ten_point_comparison(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            lines = await self.help_lines(pilot, "c")  # CMP2, scale 10
        score = next(line for line in lines if line.description == "Score")
        assert "0 to 10" in score.tooltip

    async def test_help_groups_are_words_not_widget_names(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            lines = await self.help_lines(pilot)
        groups = {line.group for line in lines}
        assert "ComparisonGrid" not in groups and "Matrix" not in groups
        assert all(" " in group or group.istitle() for group in groups), groups
        assert not any(any(c.isupper() for c in group[1:]) for group in groups), groups

    async def test_compare_opens_on_the_comparison_left_open(
        self, store: Store, tmp_path: Path
    ) -> None:
        env = isolated_env(tmp_path)
        first = make_app(store, env)
        async with first.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "right_square_bracket", "c")
            await pilot.pause()
            left = first.screen.query_one(CompareBoard).comparison_key
        again = make_app(store, env)
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "right_square_bracket")
            await pilot.pause()
            opened = again.screen.query_one(CompareBoard).comparison_key
        assert (left, opened) == ("CMP2", "CMP2")


async def test_the_allocation_caption_shows_the_year_of_a_week_in_another_year(
    app: PmtuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*ALLOCATION)
        await pilot.pause()
        await pilot.press(*["j"] * 10, "w", "w")  # Chen Wei, eight weeks after 11-23
        caption = str(app.screen.query_one("#allocation-caption", Static).render())
    assert "Chen Wei · week of 2027-01-18" in caption
