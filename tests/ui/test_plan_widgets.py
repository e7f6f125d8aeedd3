"""The Plan area's reusable widgets on their own: the kanban and the Gantt chart."""

from __future__ import annotations

from datetime import date

from textual.app import App, ComposeResult

from pmtui.themes import APP_VARIABLE_DEFAULTS
from pmtui.widgets.gantt import Gantt, GanttRow, unit_of, unit_start
from pmtui.widgets.kanban import Card, Kanban

COLUMNS = ("todo", "doing", "done")
CARDS = [
    Card("A", "Alpha", "todo"),
    Card("B", "Beta", "todo", detail="due 12-01"),
    Card("C", "Gamma", "doing", style="bad", detail="late"),
]


class KanbanApp(App[None]):
    """A kanban alone; it records the moves the widget asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.moves: list[tuple[str, str, str]] = []
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield Kanban(titles={"todo": "To do"})

    def on_mount(self) -> None:
        kanban = self.query_one(Kanban)
        kanban.set_cards(COLUMNS, CARDS)
        kanban.focus()

    def on_kanban_card_moved(self, message: Kanban.CardMoved) -> None:
        self.moves.append((message.key, message.from_column, message.to_column))

    def on_kanban_card_selected(self, message: Kanban.CardSelected) -> None:
        self.opened.append(message.key)


def lines(widget: Kanban | Gantt) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


class TestKanban:
    """Cards in columns; keys choose, move (by message only) and open cards."""

    async def test_shift_l_asks_to_move_the_card_to_the_next_column(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.press("j", "L")
        assert app.moves == [("B", "todo", "doing")]

    async def test_the_widget_never_moves_a_card_itself(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.press("L")
            assert [c.key for c in app.query_one(Kanban).cards_in("todo")] == ["A", "B"]

    async def test_shift_h_in_the_first_column_asks_nothing(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.press("H")
        assert app.moves == []

    async def test_l_goes_to_the_next_column_and_enter_opens_its_card(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.press("l", "enter")
        assert app.opened == ["C"]

    async def test_a_moved_card_stays_chosen_in_its_new_column(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)) as pilot:
            kanban = app.query_one(Kanban)
            await pilot.press("j")
            kanban.set_cards(COLUMNS, [CARDS[0], Card("B", "Beta", "doing"), CARDS[2]])
            await pilot.pause()
            assert (kanban.selected_key, kanban.current_column) == ("B", "doing")

    async def test_columns_show_their_title_and_count_and_cards_their_detail(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)):
            shown = lines(app.query_one(Kanban))
        assert ("To do (2)" in shown[0], "Doing (1)" in shown[0], "due 12-01" in shown[5]) == (
            True,
            True,
            True,
        )

    async def test_a_bad_card_is_drawn_in_the_error_colour(self) -> None:
        app = KanbanApp()
        async with app.run_test(size=(60, 12)):
            kanban = app.query_one(Kanban)
            bad = kanban.get_component_rich_style("kanban--bad", partial=True).color
            strip = kanban.render_line(2)
            styles = [s.style.color for s in strip if s.text.strip().startswith("C Gamma")]
        assert styles == [bad]


TODAY = date(2026, 11, 26)
ROWS = [
    GanttRow("S", "Phase", date(2026, 11, 2), date(2026, 11, 13), summary=True),
    GanttRow(
        "A",
        "Alpha",
        date(2026, 11, 2),
        date(2026, 11, 6),
        critical=True,
        baseline_start=date(2026, 11, 2),
        baseline_finish=date(2026, 11, 4),
        successors=("B",),
    ),
    GanttRow(
        "B",
        "Beta",
        date(2026, 11, 9),
        date(2026, 11, 13),
        baseline_start=date(2026, 11, 5),
        baseline_finish=date(2026, 11, 11),
        predecessors=("A",),
    ),
    GanttRow("M", "Done", date(2026, 11, 16), date(2026, 11, 16), milestone=True, critical=True),
]


class GanttApp(App[None]):
    """A Gantt chart alone, at the day scale, starting on Sun 2026-11-01."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLE_DEFAULTS)

    def compose(self) -> ComposeResult:
        yield Gantt(label_width=12)

    def on_mount(self) -> None:
        gantt = self.query_one(Gantt)
        gantt.scale = "day"
        gantt.set_rows(ROWS, TODAY, start=date(2026, 11, 2))
        gantt.focus()


class TestGanttScale:
    """Dates map to columns by day, Monday-based week, or month."""

    def test_a_week_column_starts_on_monday(self) -> None:
        assert unit_start("week", unit_of("week", date(2026, 11, 26))) == date(2026, 11, 23)

    def test_a_month_column_starts_on_the_first(self) -> None:
        assert unit_start("month", unit_of("month", date(2026, 11, 26))) == date(2026, 11, 1)


class TestGantt:
    """Bars by date, zoom and scroll by key, critical, baseline and link marks."""

    async def test_the_chart_opens_one_column_before_the_start(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)):
            assert app.query_one(Gantt).first_day == date(2026, 11, 1)

    async def test_a_critical_bar_is_drawn_in_the_critical_style_at_its_dates(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            critical = gantt.get_component_rich_style("gantt--critical").color
            first, last = gantt.column_of(date(2026, 11, 2)), gantt.column_of(date(2026, 11, 6))
            cells = _cells(gantt, 3)  # header, header, S, then A
        # Labels take 12 cells and a rule 1: Nov 2 is chart column 1, so x = 14.
        assert (first, last) == (14, 18)
        assert all(cells[x][1] == critical and cells[x][0] in "▀█" for x in range(14, 19))
        assert cells[19][0] not in "▀█"

    async def test_baseline_bars_appear_under_the_current_ones(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            baseline = gantt.get_component_rich_style("gantt--baseline").color
            beta = _cells(gantt, 4)
            x = gantt.column_of(date(2026, 11, 5))
            assert x is not None
        # Beta's baseline (Nov 5-11) starts before its bar (Nov 9-13): a lower half alone.
        assert beta[x] == ("▄", baseline)

    async def test_b_hides_the_baseline_bars(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.press("b")
            gantt = app.query_one(Gantt)
            x = gantt.column_of(date(2026, 11, 5))
            assert x is not None
            assert _cells(gantt, 4)[x][0] == " "

    async def test_a_milestone_is_a_diamond(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            x = gantt.column_of(date(2026, 11, 16))
            assert x is not None
            assert _cells(gantt, 5)[x][0] == "◆"

    async def test_zooming_out_changes_the_scale_to_weeks(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)) as pilot:
            gantt = app.query_one(Gantt)
            await pilot.press("minus")
            week = (gantt.scale, gantt.column_of(date(2026, 11, 2)) == gantt.column_of(TODAY))
            await pilot.press("minus")
            # Nov 2 and today share no week; a month column starts on the 1st.
            assert (week, gantt.scale, gantt.first_day.day) == (("week", False), "month", 1)

    async def test_scrolling_later_moves_the_date_window(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)) as pilot:
            gantt = app.query_one(Gantt)
            await pilot.press("l")
            # 47 chart columns: a quarter is 11 days.
            assert gantt.first_day == date(2026, 11, 12)

    async def test_t_brings_today_into_view(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)) as pilot:
            gantt = app.query_one(Gantt)
            await pilot.press("l", "l", "l", "l", "t")
            assert gantt.column_of(TODAY) is not None

    async def test_the_chosen_tasks_predecessor_is_marked(self) -> None:
        app = GanttApp()
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.press("j", "j")  # Beta, which waits for Alpha
            shown = lines(app.query_one(Gantt))
        assert shown[3].startswith("←Alpha")


def _cells(gantt: Gantt, y: int) -> list[tuple[str, object]]:
    """(character, foreground colour) of every cell of line y."""
    cells: list[tuple[str, object]] = []
    for segment in gantt.render_line(y):
        for character in segment.text:
            cells.append((character, segment.style.color if segment.style else None))
    return cells
