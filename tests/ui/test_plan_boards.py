"""The Plan area driven by keys only: WBS, Gantt and milestones, checked on screen and on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pmtui import planning
from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.plan.milestones import MilestonesBoard
from pmtui.boards.plan.wbs import PLAN_COLUMNS, VARIANCE_COLUMNS, WbsBoard
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.widgets.gantt import Gantt
from pmtui.widgets.kanban import Kanban
from tests.uihelpers import isolated_env, make_app, reopened, table_text, type_text

#: key, title, duration, predecessors: A 3d; B 5d and C 2d after A; D 2d after both; E 0d.
FIVE_TASKS = [
    ("A", "Design", "3", ""),
    ("B", "Build", "5", "A"),
    ("C", "Docs", "2", "A"),
    ("D", "Test", "2", "B; C"),
    ("E", "Go-live", "0", "D"),
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def planned(store: Store) -> Store:
    """The five tasks, added through the store (project start Mon 2026-11-02)."""
    with store.transaction("plan"):
        for key, title, duration, predecessors in FIVE_TASKS:
            store.add(
                "tasks",
                {"key": key, "title": title, "duration": duration, "predecessors": predecessors},
            )
    return store


async def fill_form(pilot: Pilot[None], values: dict[str, str]) -> None:
    """Type each value into its field, moving down the form as a person does, then ctrl+s."""
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    for name, value in values.items():
        for _ in range(len(form.fields)):
            focused = pilot.app.focused
            if isinstance(focused, Input) and focused.id == f"field-{name}":
                break
            await pilot.press("down")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, value)
    await pilot.press("ctrl+s")
    await pilot.pause()


def wbs_rows(app: PmtuiApp) -> dict[str, dict[str, str]]:
    """The WBS table's cells by key and column, cut at the columns' widths on screen."""
    board = app.screen.query_one(WbsBoard)
    columns = VARIANCE_COLUMNS if board.variance else PLAN_COLUMNS
    widths = board.table.column_widths
    rows: dict[str, dict[str, str]] = {}
    for line in table_text(app).splitlines()[1:]:
        cells, x = {}, 1
        for column, width in zip(columns, widths, strict=True):
            cells[column.key] = line[x : x + width].strip()
            x += width + 1
        if cells["key"]:
            rows[cells["key"]] = cells
    return rows


class TestBuildAPlan:
    """A five-task plan typed in the WBS board, its critical path, a baseline and a slip."""

    async def test_five_tasks_typed_with_links_show_the_critical_path(
        self, store: Store, env: dict[str, str]
    ) -> None:
        app = make_app(store, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            for key, title, duration, predecessors in FIVE_TASKS:
                await pilot.press("a")
                await fill_form(
                    pilot,
                    {
                        "key": key,
                        "title": title,
                        "duration": duration,
                        "predecessors": predecessors,
                    },
                )
                assert isinstance(app.screen, AreaScreen), f"{key} was not saved"
            rows = wbs_rows(app)
        # A, B, D and E are critical (no float); Docs may slip 3 days.
        assert {key: cells["float"] for key, cells in rows.items()} == {
            "A": "0d",
            "B": "0d",
            "C": "3d",
            "D": "0d",
            "E": "0d",
        }
        assert reopened(store).require("tasks", "D")["predecessors"] == ["B", "C"]

    async def test_a_link_that_closes_a_cycle_is_refused_in_the_form(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "e")  # task A
            await fill_form(pilot, {"predecessors": "D"})
            form = app.screen
            assert isinstance(form, RecordForm)
            error = str(form.query_one("#error-predecessors").render())
        assert "cycle: A -> B -> D -> A" in error
        assert "predecessors" not in reopened(planned).require("tasks", "A")

    async def test_a_saved_baseline_shows_the_slip_of_a_task_made_longer(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "B")
            await fill_form(pilot, {"name": "Approved"})
            await pilot.press("j", "e")  # task B
            await fill_form(pilot, {"duration": "7"})
            await pilot.press("v")
            rows = wbs_rows(app)
        # B and what follows it slip 2 working days; A and Docs do not.
        assert {key: cells["slip"] for key, cells in rows.items()} == {
            "A": "",
            "B": "+2d",
            "C": "",
            "D": "+2d",
            "E": "+2d",
        }
        saved = reopened(planned)
        assert [b["name"] for b in saved.records("baselines")] == ["Approved"]
        assert len(saved.records("baseline_tasks")) == 5

    async def test_b_compares_with_the_older_baseline(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        planning.save_baseline(planned, "First", "2026-11-02")
        planned.update("tasks", "B", {"duration": "6"})
        planning.save_baseline(planned, "Second", "2026-11-20")
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "v")
            latest = wbs_rows(app)["B"]["slip"]
            await pilot.press("b")
            older = wbs_rows(app)["B"]["slip"]
        assert (latest, older) == ("", "+1d")


class TestOutline:
    """Indent, outdent, reorder and fold by key; the order is saved in the `order` field."""

    async def test_indent_puts_a_task_under_the_one_above(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "j", "greater_than_sign")  # C under B
            await pilot.pause()
        assert reopened(planned).require("tasks", "C")["parent"] == "B"

    async def test_outdent_brings_it_back_after_its_parent(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        planned.update("tasks", "C", {"parent": "B"})
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "j", "less_than_sign")
            await pilot.pause()
            order = [line.split()[0] for line in table_text(app).splitlines()[1:6]]
        assert ("parent" not in reopened(planned).require("tasks", "C"), order) == (
            True,
            ["A", "B", "C", "D", "E"],
        )

    async def test_shift_k_moves_a_task_above_its_sibling(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "j", "K")
            await pilot.pause()
            order = [line.split()[0] for line in table_text(app).splitlines()[1:6]]
        assert order == ["A", "C", "B", "D", "E"]
        assert reopened(planned).require("tasks", "C")["order"] == 2

    async def test_space_folds_a_summary(self, planned: Store, env: dict[str, str]) -> None:
        planned.update("tasks", "C", {"parent": "B"})
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "space")
            shown = list(wbs_rows(app))
        assert shown == ["A", "B", "D", "E"]

    async def test_the_summary_rolls_up_budget_and_percent(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        with planned.transaction("phase"):
            planned.add("tasks", {"key": "S", "title": "Phase"})
            for key, budget, percent in (("B", "1000", "50"), ("C", "500", "100")):
                values = {"parent": "S", "budget": budget, "percent_complete": percent}
                planned.update("tasks", key, values)
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            cells = wbs_rows(app)["S"]
        # S sums B and C; percent is weighted by duration: (5 x 50 + 2 x 100) / 7 = 64.3.
        assert (cells["budget"], cells["percent"], cells["duration"]) == ("1,500", "64", "5d")


class TestSummaryEverywhere:
    """A summary task shows its tasks' rolled-up duration, percent and status in the form
    too, and keeping them as shown saves nothing."""

    async def test_the_edit_form_shows_the_rolled_up_values_and_saves_nothing_unchanged(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        with planned.transaction("phase"):
            planned.add("tasks", {"key": "S", "title": "Phase"})
            planned.update("tasks", "B", {"parent": "S", "status": "done"})
            planned.update("tasks", "C", {"parent": "S", "status": "not started"})
        before = planned.path.read_bytes()
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            assert list(wbs_rows(app)) == ["A", "D", "E", "S", "B", "C"]
            await pilot.press("G", "k", "k", "e")
            form = app.screen
            assert isinstance(form, RecordForm)
            values = form.values()
            # B and C run in parallel after A: the phase spans B's 5 days; half begun.
            assert (values["duration"], values["status"]) == ("5", "in progress")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, RecordForm)
        assert planned.path.read_bytes() == before
        assert planned.require("tasks", "S")["duration"] == 1  # its own, kept as it was


class TestGanttBoard:
    """The Gantt board shows the store's plan: zoom, scroll, critical colour."""

    async def test_zoom_keys_change_the_scale(self, planned: Store, env: dict[str, str]) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "right_square_bracket")
            gantt = app.screen.query_one(Gantt)
            scales = [gantt.scale]
            await pilot.press("plus")
            scales.append(gantt.scale)
            await pilot.press("minus", "minus")
            scales.append(gantt.scale)
        assert scales == ["week", "day", "month"]

    async def test_l_moves_the_date_window_later(self, planned: Store, env: dict[str, str]) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "right_square_bracket")
            gantt = app.screen.query_one(Gantt)
            before = gantt.first_day
            await pilot.press("l")
            after = gantt.first_day
        # Week scale, 55 chart columns: a quarter of them is 13 weeks.
        assert (before, after) == (date(2026, 10, 26), date(2027, 1, 25))

    async def test_a_critical_task_is_drawn_in_the_critical_colour_on_its_days(
        self, planned: Store, env: dict[str, str]
    ) -> None:
        app = make_app(planned, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "right_square_bracket", "plus")  # day scale
            gantt = app.screen.query_one(Gantt)
            critical = gantt.get_component_rich_style("gantt--critical").color
            # B (critical) runs Thu 11-05 to Wed 11-11; row 1 is on screen line 3.
            first, last = gantt.column_of(date(2026, 11, 5)), gantt.column_of(date(2026, 11, 11))
            cells = [
                (character, segment.style.color if segment.style else None)
                for segment in gantt.render_line(3)
                for character in segment.text
            ]
        assert first is not None and last is not None
        assert {cells[x] for x in range(first, last + 1)} == {("▀", critical)}
        assert cells[last + 1][0] != "▀"


@pytest.fixture
def signoff(planned: Store) -> Store:
    """Milestone M1 (due before today) with deliverable D1 and its one criterion, unmet."""
    planned.add("milestones", {"key": "M1", "title": "Design signed off", "due": "2026-11-20"})
    planned.add("deliverables", {"key": "D1", "title": "Design document", "milestone": "M1"})
    planned.add(
        "acceptance_criteria", {"key": "AC1", "deliverable": "D1", "text": "Reviewed by QA"}
    )
    return planned


class TestMilestonesBoard:
    """Milestones by status; deliverables with their checklist, signed off by keys."""

    async def open_board(self, pilot: Pilot[None]) -> MilestonesBoard:
        await pilot.press("2", "right_square_bracket", "right_square_bracket")
        board = pilot.app.screen.query_one(MilestonesBoard)
        return board

    async def test_a_deliverable_is_accepted_once_its_criterion_is_marked_met(
        self, signoff: Store, env: dict[str, str]
    ) -> None:
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.open_board(pilot)
            await pilot.press("enter", "tab", "space", "A")
            assert isinstance(app.screen, RecordForm)
            await fill_form(pilot, {"reviewer_comment": "Fine"})
            assert isinstance(app.screen, AreaScreen)
        saved = reopened(signoff).require("deliverables", "D1")
        assert (saved["status"], saved["decided_on"], saved["reviewer_comment"]) == (
            "accepted",
            "2026-11-26",
            "Fine",
        )

    async def test_accepting_with_an_unmet_criterion_says_why_and_saves_nothing(
        self, signoff: Store, env: dict[str, str]
    ) -> None:
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.open_board(pilot)
            await pilot.press("enter", "A", "ctrl+s")
            form = app.screen
            assert isinstance(form, RecordForm)
            message = str(form.query_one("#form-message").render())
        assert "cannot be accepted while criteria are unmet (Reviewed by QA)" in message
        assert reopened(signoff).require("deliverables", "D1")["status"] == "draft"

    async def test_reject_needs_a_comment(self, signoff: Store, env: dict[str, str]) -> None:
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.open_board(pilot)
            await pilot.press("enter", "p", "R", "ctrl+s")
            form = app.screen
            assert isinstance(form, RecordForm)
            error = str(form.query_one("#error-reviewer_comment").render())
            await fill_form(pilot, {"reviewer_comment": "Missing the interface chapter"})
        saved = reopened(signoff).require("deliverables", "D1")
        assert ("say why" in error, saved["status"], saved["submitted_on"]) == (
            True,
            "rejected",
            "2026-11-26",
        )

    async def test_shift_l_moves_a_milestone_to_the_next_status(
        self, signoff: Store, env: dict[str, str]
    ) -> None:
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            board = await self.open_board(pilot)
            await pilot.press("L")
            await pilot.pause()
            column = board.query_one(Kanban).current_column
        assert (column, reopened(signoff).require("milestones", "M1")["status"]) == (
            "in progress",
            "in progress",
        )

    async def test_done_with_a_deliverable_not_accepted_asks_first(
        self, signoff: Store, env: dict[str, str]
    ) -> None:
        signoff.update("milestones", "M1", {"status": "at risk"})
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await self.open_board(pilot)
            await pilot.press("l", "l", "L")
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("n")
            kept = reopened(signoff).require("milestones", "M1")["status"]
            await pilot.press("L", "y")
            await pilot.pause()
        assert (kept, reopened(signoff).require("milestones", "M1")["status"]) == (
            "at risk",
            "done",
        )

    async def test_an_overdue_milestone_is_drawn_in_the_bad_style(
        self, signoff: Store, env: dict[str, str]
    ) -> None:
        app = make_app(signoff, env)
        async with app.run_test(size=(80, 24)) as pilot:
            board = await self.open_board(pilot)
            kanban = board.query_one(Kanban)
            card = kanban.cards_in("planned")[0]
        assert (card.style, card.detail) == ("bad", "11-20 late 0/1✓")


async def test_coming_back_to_the_wbs_tab_puts_the_cursor_in_the_table(
    planned: Store, env: dict[str, str]
) -> None:
    app = make_app(planned, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "right_square_bracket", "left_square_bracket", "j")
        await pilot.pause()
        focused = app.focused
    assert focused is not None and focused.id == "table"


async def test_u_undoes_a_saved_baseline_as_one_step(planned: Store, env: dict[str, str]) -> None:
    app = make_app(planned, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "B")
        await fill_form(pilot, {"name": "Approved"})
        saved = len(reopened(planned).records("baseline_tasks"))
        await pilot.press("u")
        await pilot.pause()
    after = reopened(planned)
    assert (saved, after.records("baselines"), after.records("baseline_tasks")) == (5, [], [])
