"""Issue 14, "Show the whole text" and "Lists, filters": tables share the terminal's width,
a detail line shows the chosen record whole, filters and cursors stay where the user left them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual._compositor import LayoutUpdate
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets._toast import Toast

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.registry import AREAS
from pmtui.store import Store
from pmtui.views import record_detail
from pmtui.widgets.detail_line import DetailLine
from pmtui.widgets.gantt import Gantt
from pmtui.widgets.kanban import Kanban
from pmtui.widgets.key_footer import KeyFooter
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.load_grid import LoadGrid
from pmtui.widgets.record_table import RecordTable
from tests.ui.test_plan_boards import fill_form
from tests.uihelpers import demo_store, isolated_env, make_app, reopened, table_text

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture
def store_of(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def demo(store_of: Store, tmp_path: Path) -> PmtuiApp:
    return make_app(store_of, isolated_env(tmp_path))


def _lines(app: PmtuiApp, selector: str = "RecordTable") -> list[str]:
    return table_text(app, selector).splitlines()


class TestColumnsShareTheWidth:
    async def test_wbs_titles_are_whole_at_120_columns(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(120, 40)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            text = table_text(demo)
            for title in ("System integrator onboarding", "Data cleansing (vendor IBANs)"):
                assert title in text

    async def test_the_title_column_takes_what_the_fixed_columns_leave_at_80(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            lines = _lines(demo)
            assert "Project charter and plan" in "\n".join(lines)
            # The header still shows every column, dates uncut.
            assert lines[0].split() == [
                "Key", "Task", "Dur", "Start", "Finish", "Budget", "%", "Float"
            ]  # fmt: skip
            row = next(line for line in lines if "T3 " in line)
            assert "System integrator onboar…" in row  # 24 of 28 letters; 17 before
            assert len(DATE.findall(row)) == 2

    async def test_milestone_cards_share_the_width_by_what_they_need(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(120, 40)) as pilot:
            await pilot.press("2", "right_square_bracket", "right_square_bracket")
            await pilot.pause()
            kanban = demo.screen.query_one(Kanban)
            drawn = "\n".join(kanban.render_line(y).text for y in range(kanban.size.height))
            for title in ("M2 Business blueprint signed off", "M3 Vendor master cleansed"):
                assert title in drawn
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            header = kanban.render_line(0).text
            assert len(header) == 80 and header.count("│") == 3

    async def test_a_resize_shares_the_width_again(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            assert "System integrator onboarding" not in table_text(demo)
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert "System integrator onboarding" in table_text(demo)

    async def test_at_60_columns_the_key_columns_show_and_dates_are_not_cut(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(60, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            lines = _lines(demo)
            assert lines[0].split()[:5] == ["Key", "Task", "Dur", "Start", "Finish"]
            for line in lines[1:]:
                if line.strip():
                    assert len(DATE.findall(line)) == 2, line
            assert all(len(line) <= 60 for line in lines)


def _cursor(app: PmtuiApp, selector: str = "#table") -> str | None:
    return app.screen.query_one(selector, RecordTable).cursor_row_key


class TestFilters:
    async def test_after_slash_mock_enter_the_cursor_is_on_the_first_match(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", *["j"] * 20, "slash", *"mock", "enter")
            await pilot.pause()
            table = demo.screen.query_one("#table", RecordTable)
            assert table.row_count == 2
            assert table.cursor_row_key == "T16"  # Mock load 1, not the last match
            assert demo.focused is table

    async def test_editing_a_filtered_task_keeps_the_filter_and_the_row(
        self, demo: PmtuiApp, store_of: Store
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "slash", *"mock", "enter", "j")
            assert _cursor(demo) == "T18"
            await pilot.press("e")
            await fill_form(pilot, {"notes": "Needs the cleansed vendors"})
            table = demo.screen.query_one("#table", RecordTable)
            assert (table.filter_text, table.row_count, table.cursor_row_key) == ("mock", 2, "T18")
            line = demo.screen.query_one(ListFilter)
            assert line.has_class("shown") and line.value == "mock"
        assert reopened(store_of).get("tasks", "T18")["notes"] == "Needs the cleansed vendors"

    async def test_editing_a_note_of_a_filtered_person_keeps_the_filter_and_the_note(
        self, demo: PmtuiApp, store_of: Store
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", *["right_square_bracket"] * 3)
            await pilot.pause()
            await pilot.press("slash", *"chen", "enter", "enter", "j")
            assert _cursor(demo, "#notes-people") == "P11"
            assert _cursor(demo, "#notes-timeline") == "N1"
            await pilot.press("e")
            await fill_form(pilot, {"tags": "growth"})
            people = demo.screen.query_one("#notes-people", RecordTable)
            assert (people.filter_text, people.row_count) == ("chen", 1)
            assert _cursor(demo, "#notes-people") == "P11"
            assert _cursor(demo, "#notes-timeline") == "N1"
        assert reopened(store_of).get("notes", "N1")["tags"] == ["growth"]


class TestComingBack:
    async def test_the_allocation_grid_keeps_its_rows_after_a_tab_and_back(
        self, demo: PmtuiApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        drawn: dict[int, str] = {}  # what the terminal got last, line by line
        real = LoadGrid.render_line

        def recorded(grid: LoadGrid, y: int) -> Strip:
            strip = real(grid, y)
            drawn[y] = strip.text
            return strip

        monkeypatch.setattr(LoadGrid, "render_line", recorded)
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "right_square_bracket")
            await pilot.pause()
            await pilot.press(*["j"] * 11)  # the last person: the grid once showed 3 rows
            await pilot.pause()
            grid = demo.screen.query_one(LoadGrid)
            before = [drawn[y] for y in range(grid.size.height)]
            assert "Dr. Katharina" in before[1] and "Samuel Okafor" in before[12]
            for keys in (["right_square_bracket", "left_square_bracket"], ["1", "3"]):
                await pilot.press(*keys)
                await pilot.pause()
                assert [drawn[y] for y in range(grid.size.height)] == before
                assert grid.cursor is not None and grid.cursor[0] == 11

    async def test_the_milestone_cards_stay_in_view_after_a_tab_and_back(
        self, demo: PmtuiApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        drawn: dict[int, str] = {}
        real = Kanban.render_line

        def recorded(kanban: Kanban, y: int) -> Strip:
            strip = real(kanban, y)
            drawn[y] = strip.text
            return strip

        monkeypatch.setattr(Kanban, "render_line", recorded)
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "left_square_bracket", "j", "j")  # M7, the third card
            await pilot.pause()
            kanban = demo.screen.query_one(Kanban)
            assert kanban.selected_key == "M7"
            before = [drawn[y] for y in range(kanban.size.height)]
            assert "M5 Go/no-go" in before[2] and "M7 Project closed" in before[6]
            await pilot.press("right_square_bracket", "left_square_bracket")
            await pilot.pause()
            assert [drawn[y] for y in range(kanban.size.height)] == before
            assert kanban.selected_key == "M7"

    async def test_the_gantt_keeps_its_scroll_after_a_tab_and_back(
        self, demo: PmtuiApp, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        drawn: dict[int, str] = {}
        real = Gantt.render_line

        def recorded(gantt: Gantt, y: int) -> Strip:
            strip = real(gantt, y)
            drawn[y] = strip.text
            return strip

        monkeypatch.setattr(Gantt, "render_line", recorded)
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "right_square_bracket")
            await pilot.pause()
            await pilot.press(*["j"] * 30)
            await pilot.pause()
            gantt = demo.screen.query_one(Gantt)
            before = [drawn[y] for y in range(gantt.size.height)]
            for keys in (["right_square_bracket", "left_square_bracket"], ["3", "2"]):
                await pilot.press(*keys)
                await pilot.pause()
                assert [drawn[y] for y in range(gantt.size.height)] == before

    async def test_the_wbs_keeps_its_cursor_and_scroll_after_an_area_and_back(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", *["j"] * 25, "k", "k")
            table = demo.screen.query_one("#table", RecordTable)
            before = (table.cursor_row_key, table.scroll_offset.y, table_text(demo))
            assert before[1] > 0
            for keys in (["3", "2"], ["right_square_bracket", "left_square_bracket"]):
                await pilot.press(*keys)
                await pilot.pause()
                assert (table.cursor_row_key, table.scroll_offset.y, table_text(demo)) == before


class TestNoStrayGlyphs:
    async def test_the_allocation_grid_draws_only_whole_week_columns(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("3", "right_square_bracket")
            await pilot.pause()
            grid = demo.screen.query_one(LoadGrid)
            header = grid.render_line(0).text.split()
            assert header[0] == "Person" and len(header) > 5
            assert all(re.fullmatch(r"\d\d-\d\d", week) for week in header[1:]), header
            lukas = next(
                grid.render_line(y).text
                for y in range(grid.size.height)
                if "Lukas" in grid.render_line(y).text
            )
            assert len(lukas.split()) == len(header) + 1  # a first and a last name


class TestDetailLine:
    async def test_the_wbs_shows_the_chosen_task_whole_with_its_owner_by_name(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "j")
            await pilot.pause()
            detail = demo.screen.query_one(DetailLine)
            assert detail.text == "System integrator onboarding · Owner: Markus Brandt"
            await pilot.press("j")
            await pilot.pause()
            assert detail.text.startswith("Kick-off held · Owner: ")

    async def test_every_board_shows_its_chosen_record_under_it(self, demo: PmtuiApp) -> None:
        seen = 0
        async with demo.run_test(size=(80, 24)) as pilot:
            for area in AREAS:
                if not area.boards:
                    continue
                await pilot.press(str(area.number))
                await pilot.pause()
                screen = demo.screen
                assert isinstance(screen, AreaScreen)
                for _ in area.boards:
                    await pilot.pause()
                    board = screen.board
                    assert board is not None
                    chosen = board.chosen()
                    detail = screen.query_one(DetailLine)
                    assert detail.region.y == screen.query_one(KeyFooter).region.y - 1
                    if chosen is None:
                        # Nothing, or what the board says of its cursor (Today: the item).
                        assert list(detail.parts) == board.detail_parts(), board.spec.id
                        await pilot.press("right_square_bracket")
                        continue
                    expected = record_detail(store_of_app(demo), *chosen)
                    # The record whole, in order; a board may add what its row says of
                    # it (the Meetings board: when and where the chosen occurrence is).
                    shown = list(detail.parts)
                    assert shown == board.detail_parts(), board.spec.id
                    assert [part for part in shown if part in expected] == expected, board.spec.id
                    assert expected and expected[0][1], board.spec.id
                    seen += 1
                    await pilot.press("right_square_bracket")
        assert seen >= 8

    async def test_a_notes_text_shows_whole_and_follows_the_cursor(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(160, 30)) as pilot:
            await pilot.press("3", *["right_square_bracket"] * 3)
            await pilot.pause()
            await pilot.press("slash", *"chen", "enter", "enter")
            await pilot.pause()
            detail = demo.screen.query_one(DetailLine)
            assert detail.text == (
                "concern · Person: Chen Wei · Text: Struggling with the EBICS certificate "
                "handling; stays late and does not ask for help. Offered pairing with Priya "
                "twice a week."
            )
            await pilot.press("j")
            await pilot.pause()
            assert detail.text.startswith("one-to-one · Person: Chen Wei · Text: Wants to grow")

    async def test_an_edit_of_the_chosen_record_shows_at_once(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "j", "e")
            await fill_form(pilot, {"title": "Project charter, plan and RACI"})
            detail = demo.screen.query_one(DetailLine)
            assert detail.text.startswith("Project charter, plan and RACI · Owner: Markus")


def store_of_app(app: PmtuiApp) -> Store:
    return app.store


def screen_text(app: PmtuiApp) -> list[str]:
    """The terminal as the user sees it, modals over the screens under them."""
    compositor = app.screen._compositor
    update = compositor.render_update(full=True, screen_stack=app._background_screens)
    assert isinstance(update, LayoutUpdate)
    return ["".join(strip.text for strip in row) for row in update.strips]


class TestModalsAndToasts:
    @pytest.mark.parametrize(
        "keys",
        [
            ["2", "right_square_bracket", "right_square_bracket", "e"],  # milestone form
            ["2", "right_square_bracket", "right_square_bracket", "question_mark"],  # help
            ["3", "right_square_bracket", "j", "j", "j", "enter", "e"],  # assignment form
        ],
    )
    async def test_no_stray_glyphs_beside_a_modal(self, demo: PmtuiApp, keys: list[str]) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(demo.screen, ModalScreen)
            modal = demo.screen.children[0].region
            lines = screen_text(demo)[modal.y : modal.bottom]
            assert len(lines) > 8
            for line in lines:
                # Either the modal's border, or nothing: no piece of the board under it.
                assert line[0] in " █▀▄" and line[-1] in " █▀▄", line

    async def test_toasts_are_short_and_never_over_the_board(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("2", "G", "e")
            await fill_form(pilot, {"notes": "Keep the go-live checklist"})
            await pilot.press("u")  # a second toast: Undone
            await pilot.pause()
            toasts = list(demo.screen.query(Toast))
            assert len(toasts) == 2
            board = demo.screen.query_one("#boards").region
            table = demo.screen.query_one("#table", RecordTable)
            for toast in toasts:
                assert toast._timeout <= 3
                assert not toast.region.overlaps(board), (toast.region, board)
            assert table.cursor_row_key == "T35"


async def test_a_renamed_owner_shows_by_the_new_name_on_the_next_move(demo: PmtuiApp) -> None:
    # The detail line looks referenced names up once per revision (shared by every board);
    # a change makes a new revision, so the next move reads the new name.
    async with demo.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "j", "j")
        await pilot.pause()
        detail = demo.screen.query_one(DetailLine)
        assert detail.text == "System integrator onboarding · Owner: Markus Brandt"
        store = store_of_app(demo)
        markus = next(p for p in store.records("people") if p["name"] == "Markus Brandt")
        store.update("people", str(markus["key"]), {"name": "Markus Braun"})
        await pilot.press("j", "k")
        await pilot.pause()
        assert detail.text == "System integrator onboarding · Owner: Markus Braun"
