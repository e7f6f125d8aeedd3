"""A Gantt chart: one bar per WBS row on a day, week or month scale, scrolled by key.

Current bars use the upper half of a line and baseline bars the lower half, so both fit
on one row; critical tasks take the theme's $critical colour (a dense shade ▓ without
colours, NO_COLOR), milestones are diamonds,
summaries a heavy line, and today a vertical line. The rows linked to the chosen task are
marked (← its predecessors, → its successors).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

SCALES = ("day", "week", "month")
_HEADER_LINES = 2
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class GanttRow:
    """One row: the label shown left of the chart and what to draw right of it."""

    key: str
    label: str
    start: date | None
    finish: date | None
    summary: bool = False
    milestone: bool = False
    critical: bool = False
    baseline_start: date | None = None
    baseline_finish: date | None = None
    predecessors: tuple[str, ...] = field(default=())
    successors: tuple[str, ...] = field(default=())


def unit_of(scale: str, day: date) -> int:
    """The column unit a date falls in: its day, its week (Monday-based) or its month."""
    if scale == "day":
        return day.toordinal()
    if scale == "week":
        return (day.toordinal() - 1) // 7  # ordinal 1 (0001-01-01) is a Monday
    return day.year * 12 + day.month - 1


def unit_start(scale: str, unit: int) -> date:
    """The first day of a column unit."""
    if scale == "day":
        return date.fromordinal(unit)
    if scale == "week":
        return date.fromordinal(unit * 7 + 1)
    return date(unit // 12, unit % 12 + 1, 1)


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


def _labels(scale: str) -> tuple[Callable[[date, bool], str], Callable[[date, bool], str]]:
    """(upper, lower) header labels for a column's first day; '' where none starts."""
    if scale == "day":
        return (
            lambda d, first: f"{_MONTHS[d.month - 1]} {d.year}" if first or d.day == 1 else "",
            lambda d, first: str(d.day) if d.weekday() == 0 else "",
        )
    if scale == "week":
        return (
            lambda d, first: str(d.year) if first or (d.month == 1 and d.day <= 7) else "",
            lambda d, first: _MONTHS[d.month - 1] if d.day <= 7 else "",
        )
    return (
        lambda d, first: str(d.year) if first or d.month == 1 else "",
        lambda d, first: _MONTHS[d.month - 1][0],
    )


class Gantt(Widget, can_focus=True):
    """Bars beside labelled rows; j/k rows, h/l time, +/- zoom, t today, b baselines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="gantt-down",
                tooltip="Choose the next row."),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="gantt-up",
                tooltip="Choose the previous row."),
        Binding("g,home", "cursor_to(0)", "Top", show=False, id="gantt-first",
                tooltip="Choose the first row."),
        Binding("G,end", "cursor_to(-1)", "Bottom", show=False, id="gantt-last",
                tooltip="Choose the last row."),
        Binding("pagedown", "page(1)", "Page down", show=False, id="gantt-page-down",
                tooltip="Move one screen of rows down."),
        Binding("pageup", "page(-1)", "Page up", show=False, id="gantt-page-up",
                tooltip="Move one screen of rows up."),
        Binding("l,right", "scroll_time(1)", "Later", id="gantt-later",
                tooltip="Scroll the chart a quarter of its width later in time."),
        Binding("h,left", "scroll_time(-1)", "Earlier", id="gantt-earlier",
                tooltip="Scroll the chart a quarter of its width earlier in time."),
        Binding("plus,equals_sign,z", "zoom(-1)", "Zoom in", id="gantt-zoom-in",
                tooltip="Show a finer scale: month, week, day."),
        Binding("minus,Z", "zoom(1)", "Zoom out", id="gantt-zoom-out",
                tooltip="Show a coarser scale: day, week, month."),
        Binding("t", "to_today", "Today", id="gantt-today",
                tooltip="Scroll the chart to today."),
        Binding("b", "toggle_baseline", "Baseline", id="gantt-baseline",
                tooltip="Show or hide the baseline bars under the current ones."),
        Binding("enter", "select", "Open", show=False, id="gantt-select",
                tooltip="Open the chosen row."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "gantt--header",
        "gantt--cursor",
        "gantt--bar",
        "gantt--critical",
        "gantt--summary",
        "gantt--milestone",
        "gantt--baseline",
        "gantt--today",
        "gantt--linked",
    }

    DEFAULT_CSS = """
    Gantt {
        height: 1fr;
        background: $surface;
        color: $foreground;
        & > .gantt--header { color: $text-muted; text-style: bold; }
        & > .gantt--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .gantt--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .gantt--bar { color: $primary; }
        & > .gantt--critical { color: $critical; }
        & > .gantt--summary { color: $foreground; }
        & > .gantt--milestone { color: $milestone; }
        & > .gantt--baseline { color: $baseline; }
        & > .gantt--today { color: $today-line; }
        & > .gantt--linked { color: $accent; text-style: bold; }
        &:nocolor > .gantt--cursor { text-style: reverse; }
    }
    """

    scale: reactive[str] = reactive("week")
    show_baseline: reactive[bool] = reactive(True)

    @dataclass
    class RowHighlighted(Message):
        """Another row was chosen (None when there are no rows)."""

        gantt: Gantt
        key: str | None

        @property
        def control(self) -> Gantt:
            return self.gantt

    @dataclass
    class RowSelected(Message):
        """The user opened the chosen row (enter)."""

        gantt: Gantt
        key: str

        @property
        def control(self) -> Gantt:
            return self.gantt

    @dataclass
    class WindowChanged(Message):
        """The scale or the first date shown changed."""

        gantt: Gantt
        scale: str
        first_day: date

        @property
        def control(self) -> Gantt:
            return self.gantt

    def __init__(
        self,
        *,
        label_width: int = 24,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.label_width = label_width
        self._rows: list[GanttRow] = []
        self._index: dict[str, int] = {}
        self._cursor = 0
        self._top = 0
        self._origin: int | None = None  # the unit of the first chart column
        self._today = date.today()
        self._announced: str | None = None

    # ------------------------------------------------ data

    def set_rows(self, rows: Sequence[GanttRow], today: date, start: date | None = None) -> None:
        """Show new rows; the first time, the chart starts at `start` (default: today)."""
        kept = self.cursor_key
        self._rows = list(rows)
        self._index = {row.key: i for i, row in enumerate(self._rows)}
        self._today = today
        if self._origin is None:
            self._origin = unit_of(self.scale, start or today) - 1
        if kept is not None and kept in self._index:
            self._cursor = self._index[kept]
        self._move(self._cursor)
        self._window_changed()

    @property
    def cursor_key(self) -> str | None:
        """The key of the chosen row."""
        return self._rows[self._cursor].key if self._rows else None

    @property
    def first_day(self) -> date:
        """The first day of the first chart column."""
        return unit_start(self.scale, self._origin if self._origin is not None else 0)

    @property
    def chart_width(self) -> int:
        """Columns of chart right of the labels."""
        return max(0, self.size.width - self.label_width - 1)

    def column_of(self, day: date) -> int | None:
        """The screen column (x) where `day` is drawn, or None when it is off the chart."""
        if self._origin is None:
            return None
        column = unit_of(self.scale, day) - self._origin
        if 0 <= column < self.chart_width:
            return self.label_width + 1 + column
        return None

    def move_to_key(self, key: str) -> bool:
        """Choose the row with this key."""
        if key in self._index:
            self._move(self._index[key])
            return True
        return False

    def _move(self, position: int) -> None:
        self._cursor = max(0, min(position, len(self._rows) - 1))
        body = self._body_height()
        if self._cursor < self._top:
            self._top = self._cursor
        elif self._cursor >= self._top + body:
            self._top = self._cursor - body + 1
        self._top = max(0, min(self._top, max(0, len(self._rows) - body)))
        self.refresh()
        key = self.cursor_key
        if key != self._announced:
            self._announced = key
            self.post_message(self.RowHighlighted(self, key))

    def _body_height(self) -> int:
        return max(1, self.size.height - _HEADER_LINES) if self.size.height else 10**6

    def _window_changed(self) -> None:
        self.refresh()
        self.post_message(self.WindowChanged(self, self.scale, self.first_day))

    def on_resize(self, _: events.Resize) -> None:
        self._move(self._cursor)

    # ------------------------------------------------ keys

    def action_cursor(self, step: int) -> None:
        self._move(self._cursor + step)

    def action_cursor_to(self, position: int) -> None:
        self._move(position if position >= 0 else len(self._rows) - 1)

    def action_page(self, step: int) -> None:
        self._top += step * self._body_height()
        self._move(self._cursor + step * self._body_height())

    def action_scroll_time(self, step: int) -> None:
        if self._origin is not None:
            self._origin += step * max(1, self.chart_width // 4)
            self._window_changed()

    def action_zoom(self, step: int) -> None:
        index = SCALES.index(self.scale) + step
        if 0 <= index < len(SCALES):
            # Keep the chosen task's start (else the first day shown) where the eye is.
            row = self._rows[self._cursor] if self._rows else None
            anchor = (row.start if row else None) or self.first_day
            self.scale = SCALES[index]
            self._origin = unit_of(self.scale, anchor) - max(1, self.chart_width // 4)
            self._window_changed()

    def action_to_today(self) -> None:
        self._origin = unit_of(self.scale, self._today) - max(1, self.chart_width // 4)
        self._window_changed()

    def action_toggle_baseline(self) -> None:
        self.show_baseline = not self.show_baseline

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    # ------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._origin is None:
            return Strip.blank(width, self.rich_style)
        if y < _HEADER_LINES:
            return self._header(y).crop_extend(0, width, self.rich_style)
        position = self._top + y - _HEADER_LINES
        if position >= len(self._rows):
            if position == 0:
                muted = self.get_component_rich_style("gantt--header")
                return Strip([Segment(" No tasks yet: add some on the WBS board", muted)])
            return self._empty_row().crop_extend(0, width, self.rich_style)
        return self._row(position).crop_extend(0, width, self.rich_style)

    def _header(self, y: int) -> Strip:
        style = self.get_component_rich_style("gantt--header")
        assert self._origin is not None
        upper, lower = _labels(self.scale)
        label = _fit(
            f" {self.scale} scale" if y == 0 else f" from {self.first_day}", self.label_width
        )
        cells = [" "] * self.chart_width
        free = 0  # the first column a new label may use
        for column in range(self.chart_width):
            day = unit_start(self.scale, self._origin + column)
            text = (upper if y == 0 else lower)(day, column == 0)
            if text and column >= free and column + len(text) <= self.chart_width:
                cells[column : column + len(text)] = list(text)
                free = column + len(text) + 1
        today = self.column_of(self._today)
        segments = [Segment(label, style), Segment("│", style), Segment("".join(cells), style)]
        if today is not None and y == 1 and cells[today - self.label_width - 1] == " ":
            x = today - self.label_width - 1
            today_style = self.get_component_rich_style("gantt--today")
            segments[2:] = [
                Segment("".join(cells[:x]), style),
                Segment("▼", today_style),
                Segment("".join(cells[x + 1 :]), style),
            ]
        return Strip(segments)

    def _empty_row(self) -> Strip:
        segments = [Segment(" " * self.label_width), Segment("│", self.rich_style)]
        today = self.column_of(self._today)
        if today is not None:
            x = today - self.label_width - 1
            segments += [
                Segment(" " * x),
                Segment("│", self.get_component_rich_style("gantt--today")),
            ]
        return Strip(segments)

    def _row(self, position: int) -> Strip:
        row = self._rows[position]
        chosen = self._rows[self._cursor] if self._rows else None
        marker = " "
        label_style = self.rich_style
        if chosen is not None and row.key in chosen.predecessors:
            marker, label_style = "←", self.get_component_rich_style("gantt--linked")
        elif chosen is not None and row.key in chosen.successors:
            marker, label_style = "→", self.get_component_rich_style("gantt--linked")
        if position == self._cursor:
            label_style = self.get_component_rich_style("gantt--cursor")
        label = _fit(marker + row.label, self.label_width)
        segments = [Segment(label, label_style), Segment("│", self.rich_style)]
        segments += self._bar(row)
        return Strip(segments)

    def _span(self, first: date | None, last: date | None) -> tuple[int, int] | None:
        if first is None or self._origin is None:
            return None
        low = unit_of(self.scale, first) - self._origin
        high = unit_of(self.scale, last or first) - self._origin
        return (low, max(low, high))

    def _bar(self, row: GanttRow) -> list[Segment]:
        """The chart cells of one row, merged into runs of equal style."""
        current = self._span(row.start, row.finish)
        baseline = (
            self._span(row.baseline_start, row.baseline_finish) if self.show_baseline else None
        )
        today = unit_of(self.scale, self._today) - (self._origin or 0)
        no_color = self.app.no_color
        if row.milestone:
            bar_style = self.get_component_rich_style(
                "gantt--critical" if row.critical else "gantt--milestone"
            )
        elif row.summary:
            bar_style = self.get_component_rich_style("gantt--summary")
        else:
            bar_style = self.get_component_rich_style(
                "gantt--critical" if row.critical else "gantt--bar"
            )
        base_style = self.get_component_rich_style("gantt--baseline")
        # Half blocks need the baseline's colour as the background of a shared cell.
        under = Style(bgcolor=base_style.color) if base_style.color else Style()
        cells: list[tuple[str, Style]] = []
        first = current[0] if current is not None else None
        for x in range(self.chart_width):
            on_bar = current is not None and current[0] <= x <= current[1]
            on_base = baseline is not None and baseline[0] <= x <= baseline[1]
            if on_bar and row.milestone:
                cells.append(("◆" if x == first else " ", bar_style))
            elif on_bar and row.summary:
                cells.append(("━", bar_style))
            elif on_bar and no_color and row.critical:
                cells.append(("▓", bar_style))  # without colour, the shade marks critical
            elif on_bar and on_base:
                cells.append(("█", bar_style) if no_color else ("▀", bar_style + under))
            elif on_bar:
                cells.append(("▀" if self.show_baseline else "█", bar_style))
            elif on_base:
                cells.append(("▄", base_style))
            elif x == today:
                cells.append(("│", self.get_component_rich_style("gantt--today")))
            else:
                cells.append((" ", self.rich_style))
        segments: list[Segment] = []
        for text, style in cells:
            if segments and segments[-1].style == style:
                segments[-1] = Segment(segments[-1].text + text, style)
            else:
                segments.append(Segment(text, style))
        return segments

    def watch_show_baseline(self) -> None:
        self.refresh()

    def watch_scale(self) -> None:
        self.refresh()
