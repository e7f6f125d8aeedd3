"""The People boards driven by keys only, on the demo project: assign, see the over-allocation,
fix the RACI violation, add a note, move candidates, keep a request's history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.person_modal import PersonModal
from pmtui.screens.record_form import RecordForm
from pmtui.services.staffing import raci_of
from pmtui.store import Store
from pmtui.widgets.record_table import RecordTable
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app, reopened, table_text

TEAM = "#team"
#: From Team (the first tab), `]` goes right and `[` goes left, round the ends.
ALLOCATION = ("3", "right_square_bracket")
RACI = ("3", "right_square_bracket", "right_square_bracket")
NOTES = ("3", "right_square_bracket", "right_square_bracket", "right_square_bracket")
STAFFING = ("3", "left_square_bracket", "left_square_bracket")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def app(store: Store, tmp_path: Path) -> PmtuiApp:
    return make_app(store, isolated_env(tmp_path))


def text_of(app: PmtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_of(app: PmtuiApp, name: str, selector: str = TEAM) -> str:
    return next(line for line in table_text(app, selector).splitlines() if name in line)


async def type_keys(pilot: object, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])  # type: ignore[attr-defined]


class TestTeam:
    """Team lists everyone with this and next week's load and opens a person's page."""

    async def test_the_over_allocated_person_shows_it_this_week_and_next(
        self, app: PmtuiApp
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            await pilot.pause()
            assert row_of(app, "Chen Wei").split()[-4:] == ["150", "%", "150", "%"]

    async def test_filter_narrows_the_team(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"chen", "enter")
            assert app.screen.query_one(TEAM, RecordTable).row_count == 1
            await pilot.press("enter")
            assert isinstance(app.screen, PersonModal)
            assert app.screen.view.key == "P11"

    async def test_assigning_a_person_from_their_page_over_allocates_them(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "slash", *"mateo", "enter", "enter")
            assert isinstance(app.screen, PersonModal)
            await pilot.press("a")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.query_one("#field-person", Input).value == "Mateo Garcia"
            await type_keys(pilot, "T14")  # the cursor starts in the task field
            await pilot.press("down", "down", "down", "ctrl+u", *"50", "ctrl+s")
            await pilot.pause()
            # Back on the person's page, which now lists the new assignment.
            assert isinstance(app.screen, PersonModal)
            assert any("T14" in cells[0] for _, cells in app.screen.view.assignments)
            await pilot.press("escape")
            await pilot.pause()
            assert row_of(app, "Mateo Garcia").split()[-4:-2] == ["150", "%"]
        [added] = [
            a
            for a in reopened(store).records("assignments")
            if a["person"] == "P10" and a.get("task") == "T14"
        ]
        assert (added["allocation"], added["responsibility"]) == (50, "R")

    async def test_assign_from_the_team_opens_the_form_on_the_task(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "j", "A")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.focused is form.query_one("#field-task", Input)
            assert form.query_one("#field-person", Input).value == "Markus Brandt"


class TestAllocation:
    """The grid shows each week's load; the cell under the cursor lists its assignments."""

    async def test_the_cursor_starts_on_this_week_and_lists_the_cell(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press(*["j"] * 10)  # Chen Wei
            caption = text_of(app, "#allocation-caption")
            assert "Chen Wei · week of 11-23" in caption
            assert "(150 %) · over-allocated" in caption
            listed = table_text(app, "#allocation-detail")
            assert "D6 Interface specifications" in listed
            assert "T14 Bank and CRM interfaces" in listed

    async def test_the_week_after_next_is_back_under_capacity(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press(*["j"] * 10, "l", "l")
            assert "Chen Wei · week of 12-07" in text_of(app, "#allocation-caption")
            assert "under-allocated" in text_of(app, "#allocation-caption")
            await pilot.press("t")
            assert "week of 11-23" in text_of(app, "#allocation-caption")

    async def test_a_assigns_the_person_from_the_week_under_the_cursor(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press("j", "j", "l", "a")  # Aylin Demir, next week
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.query_one("#field-start", Input).value == "2026-11-30"
            await type_keys(pilot, "T23")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
        added = reopened(store).records("assignments")[-1]
        assert (added["person"], added["task"], added["start"]) == ("P3", "T23", "2026-11-30")

    async def test_enter_goes_to_the_cells_assignments_and_e_edits_one(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*ALLOCATION)
            await pilot.pause()
            await pilot.press(*["j"] * 10, "enter", "j", "e")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.form_title == "Edit assignment for Chen Wei"


class TestRaci:
    """space cycles a letter; the one violation of the demo is fixed by keys."""

    async def test_fixing_the_violation_by_keys(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*RACI)
            await pilot.pause()
            assert "1 violation: D6 Interface specifications: 2 As" in text_of(
                app, "#raci-violations"
            )
            await pilot.press("n")  # to D6, on the first person holding A
            caption = text_of(app, "#raci-caption")
            assert caption.startswith("Interface specifications × Markus Brandt: A")
            await pilot.press("space")  # A -> C
            await pilot.pause()
            assert text_of(app, "#raci-violations").startswith("Every deliverable")
        entries, violations = raci_of(reopened(store))
        assert violations == []
        assert [e.responsibility for e in entries if e.key == "AS77"] == ["C"]

    async def test_cycling_a_blank_cell_adds_and_blank_again_removes(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*RACI)
            await pilot.pause()
            await pilot.press("l", "l", "l")  # D1 x Jonas Hoffmann: blank
            before = len(reopened(store).records("assignments"))
            await pilot.press("space")
            await pilot.pause()
            added = reopened(store).records("assignments")[-1]
            assert (added["person"], added["deliverable"], added["responsibility"]) == (
                "P4",
                "D1",
                "R",
            )
            await pilot.press("space", "space", "space", "space")  # A, C, I, blank
            await pilot.pause()
            assert len(reopened(store).records("assignments")) == before

    async def test_clearing_a_letter_keeps_an_assignment_that_has_hours(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*RACI)
            await pilot.pause()
            # T2 (row 9) x Markus Brandt: R at 50 %.
            await pilot.press(*["j"] * 8, "l", "x")
            await pilot.pause()
        [kept] = [
            a
            for a in reopened(store).records("assignments")
            if a["person"] == "P2" and a.get("task") == "T2"
        ]
        assert kept["allocation"] == 50
        assert "responsibility" not in kept


class TestNotes:
    """A person's notes, newest first; a adds one with today's date and a kind filled in."""

    async def test_adding_a_concern_with_a_follow_up_in_two_weeks(
        self, app: PmtuiApp, store: Store
    ) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*NOTES)
            await pilot.pause()
            await pilot.press("slash", *"chen", "enter", "a")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.query_one("#field-date", Input).value == TODAY.isoformat()
            assert form.query_one("#field-kind", Input).value == "one-to-one"
            await type_keys(pilot, "Missed two stand-ups")  # the cursor starts in the text
            await pilot.press("up", "ctrl+u", *"concern", "down", "down", "down", *"+2w")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert "Missed two stand-ups" in table_text(app, "#notes-timeline").splitlines()[1]
        note = reopened(store).records("notes")[-1]
        assert (note["person"], note["kind"], note["date"], note["follow_up"]) == (
            "P11",
            "concern",
            TODAY.isoformat(),
            (TODAY + timedelta(days=14)).isoformat(),
        )
        assert note["text"] == "Missed two stand-ups"

    async def test_the_board_opens_on_the_follow_up_due_first(self, app: PmtuiApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*NOTES)
            await pilot.pause()
            assert text_of(app, "#notes-caption").startswith("Elena Rossi")
            assert text_of(app, "#notes-caption").endswith("1 note · 1 due")

    async def test_f_marks_the_follow_up_done(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*NOTES)
            await pilot.pause()
            await pilot.press("enter", "f")
            await pilot.pause()
            assert not text_of(app, "#notes-caption").endswith("due")
        [note] = [n for n in reopened(store).records("notes") if n["person"] == "P9"]
        assert note["follow_up_done"] is True


class TestStaffing:
    """Candidates move by stage with H/L; requests keep their history."""

    async def test_moving_a_candidate_to_offer(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*STAFFING)
            await pilot.pause()
            await pilot.press("l", "l", "L")  # Jana Novak, first in interview
            await pilot.pause()
        assert reopened(store).require("candidates", "CA1")["stage"] == "offer"

    async def test_hiring_offers_to_mark_the_role_filled(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*STAFFING)
            await pilot.pause()
            await pilot.press("l", "l", "l", "L")  # Oliver Schmidt, offer -> hired
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("y")
            await pilot.pause()
        assert reopened(store).require("candidates", "CA4")["stage"] == "hired"
        assert reopened(store).require("open_roles", "OR2")["status"] == "filled"

    async def test_a_requests_history_grows_by_keys(self, app: PmtuiApp, store: Store) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*STAFFING)
            await pilot.pause()
            await pilot.press("tab", "tab", "enter")  # the requests, then RR1's history
            assert "RR1 Two SD consultants for UAT" in text_of(app, "#staffing-history-caption")
            assert len(table_text(app, "#staffing-events").splitlines()) >= 4
            await pilot.press("a")
            assert isinstance(app.screen, RecordForm)
            await type_keys(pilot, "Rates received")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Rates received" in table_text(app, "#staffing-events")
            await pilot.press("escape")
            assert app.screen.query_one("#staffing-requests", RecordTable).has_focus
        event = reopened(store).records("request_events")[-1]
        assert (event["request"], event["date"], event["text"]) == (
            "RR1",
            TODAY.isoformat(),
            "Rates received",
        )
