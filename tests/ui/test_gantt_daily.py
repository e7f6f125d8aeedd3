"""The Gantt chart in a daily check-in: the month in view keeps its label, zoom keeps the
chosen task or today in view, bars show progress, and the board opens on today's tasks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult

from pmtui.themes import APP_VARIABLE_DEFAULTS
from pmtui.widgets.gantt import Gantt, GanttRow
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app

ROWS = [
    GanttRow("OLD", "Long ago", date(2026, 3, 2), date(2026, 3, 13)),
    GanttRow("NOW", "Running", date(2026, 11, 16), date(2026, 11, 27), progress=50),
    GanttRow("NEXT", "Later", date(2027, 3, 1), date(2027, 3, 12)),
]


class GanttApp(App[None]):
    """A Gantt chart alone, on `scale`, opening at `start`."""

    def __init__(self, scale: str, start: date) -> None:
        super().__init__()
        self.scale, self.start = scale, start

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLE_DEFAULTS)

    def compose(self) -> ComposeResult:
        yield Gantt(label_width=12)

    def on_mount(self) -> None:
        gantt = self.query_one(Gantt)
        gantt.scale = self.scale
        gantt.set_rows(ROWS, TODAY, start=self.start)
        gantt.focus()


def header(gantt: Gantt, y: int) -> str:
    return gantt.render_line(y).text


class TestMonthLabel:
    """At the day scale the month most of the chart shows is named, not only the first."""

    async def test_a_month_starting_just_after_the_first_column_keeps_its_label(self) -> None:
        app = GanttApp("day", date(2026, 10, 31))  # the chart opens on Oct 30
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            upper = header(gantt, 0)
            x = gantt.column_of(date(2026, 11, 1))
        assert x is not None
        assert upper[x : x + 8] == "Nov 2026"

    async def test_the_first_month_keeps_its_label_when_there_is_room(self) -> None:
        app = GanttApp("day", date(2026, 11, 3))
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            upper = header(gantt, 0)
            x = gantt.column_of(date(2026, 11, 2))
        assert x is not None and upper[x : x + 8] == "Nov 2026"


class TestZoomKeepsInView:
    """+ and - keep the chosen task in view, else today."""

    async def test_zooming_in_after_t_keeps_today_when_the_task_is_out_of_view(self) -> None:
        app = GanttApp("week", date(2026, 3, 2))
        async with app.run_test(size=(60, 10)) as pilot:
            gantt = app.query_one(Gantt)
            await pilot.press("t", "plus")  # the chosen row is OLD, in March
            assert (gantt.scale, gantt.column_of(TODAY) is not None) == ("day", True)

    async def test_zooming_keeps_the_chosen_task_in_view(self) -> None:
        app = GanttApp("month", date(2026, 10, 1))
        async with app.run_test(size=(60, 10)) as pilot:
            gantt = app.query_one(Gantt)
            await pilot.press("j", "j")  # NEXT, March 2027, in view
            assert gantt.column_of(date(2027, 3, 1)) is not None
            await pilot.press("plus")
            in_week = gantt.column_of(date(2027, 3, 1)) is not None
            await pilot.press("plus")
            assert (in_week, gantt.scale, gantt.column_of(date(2027, 3, 1)) is not None) == (
                True,
                "day",
                True,
            )


class TestProgress:
    """The done part of a bar is drawn in the done style."""

    async def test_half_done_bar_is_half_in_the_done_style(self) -> None:
        app = GanttApp("day", date(2026, 11, 10))
        async with app.run_test(size=(60, 10)):
            gantt = app.query_one(Gantt)
            done = gantt.get_component_rich_style("gantt--done").color
            bar = gantt.get_component_rich_style("gantt--bar").color
            first, last = gantt.column_of(date(2026, 11, 16)), gantt.column_of(date(2026, 11, 27))
            assert first is not None and last is not None
            cells = [
                (character, segment.style.color if segment.style else None)
                for segment in gantt.render_line(3)
                for character in segment.text
            ]
        colours = [cells[x][1] for x in range(first, last + 1)]
        # Twelve days on the chart, half of them done.
        assert colours == [done] * 6 + [bar] * 6
        assert done != bar


async def test_the_gantt_board_opens_on_the_tasks_running_today(tmp_path: Path) -> None:
    store = demo_store(tmp_path)
    app = make_app(store, isolated_env(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "right_square_bracket")
        await pilot.pause()
        gantt = app.screen.query_one(Gantt)
        key = gantt.cursor_key
        row = next(r for r in gantt._rows if r.key == key)
        shown = [line.text for line in map(gantt.render_line, range(gantt.size.height))]
        today_in_view = gantt.column_of(TODAY) is not None
    assert row.start is not None and row.finish is not None
    assert row.start <= TODAY <= row.finish and not row.summary
    assert any(line.lstrip(" ←→").startswith(row.label.strip()[:10]) for line in shown)
    assert today_in_view
