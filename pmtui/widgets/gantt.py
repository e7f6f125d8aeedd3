"""A Gantt chart: one bar per WBS row on a day, week or month scale, scrolled by key.

This half holds the keys, the cursor and the messages; GanttCanvas (gantt_canvas.py)
paints the lines and gantt_scale.py holds the time scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from pmtui.widgets.gantt_canvas import HEADER_LINES, GanttCanvas, GanttRow
from pmtui.widgets.gantt_scale import SCALES, unit_of, unit_start


class Gantt(GanttCanvas, can_focus=True):
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
        "gantt--done",
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
        & > .gantt--done { color: $success; }
        &:nocolor > .gantt--cursor { text-style: reverse; }
    }
    """

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
        super().__init__(label_width=label_width, name=name, id=id, classes=classes)
        self._index: dict[str, int] = {}
        self._announced: str | None = None
        self._kept_top = 0  # the first row the cursor's moves chose

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

    def move_to_key(self, key: str) -> bool:
        """Choose the row with this key."""
        if key in self._index:
            self._move(self._index[key])
            return True
        return False

    def _move(self, position: int, *, resized: bool = False) -> None:
        self._cursor = max(0, min(position, len(self._rows) - 1))
        body = self._body_height()
        if resized:  # start from the scroll the moves chose, not one a passing size forced
            self._top = self._kept_top
        if self._cursor < self._top:
            self._top = self._cursor
        elif self._cursor >= self._top + body:
            self._top = self._cursor - body + 1
        self._top = max(0, min(self._top, max(0, len(self._rows) - body)))
        if not resized:
            self._kept_top = self._top
        self.refresh()
        key = self.cursor_key
        if key != self._announced:
            self._announced = key
            self.post_message(self.RowHighlighted(self, key))

    def _body_height(self) -> int:
        return max(1, self.size.height - HEADER_LINES) if self.size.height else 10**6

    def _window_changed(self) -> None:
        self.refresh()
        self.post_message(self.WindowChanged(self, self.scale, self.first_day))

    def on_resize(self, _: events.Resize) -> None:
        # A board squeezed for a moment while tabs switch must not keep the scroll it forced.
        self._move(self._cursor, resized=True)

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
        if 0 <= index < len(SCALES) and self._origin is not None:
            # Keep in view, where the eye is, the chosen task when it is on the chart, else
            # today when it is, else the chosen task, else the first day shown.
            anchor = self._zoom_anchor()
            column = unit_of(self.scale, anchor) - self._origin
            share = column / self.chart_width if 0 <= column < self.chart_width else 0.25
            self.scale = SCALES[index]
            self._origin = unit_of(self.scale, anchor) - int(share * self.chart_width)
            self._window_changed()

    def _zoom_anchor(self) -> date:
        row = self._rows[self._cursor] if self._rows else None
        start = row.start if row else None
        if row is not None and start is not None:
            first, last = self.first_day, unit_start(self.scale, self._origin_end())
            finish = row.finish or start
            if start <= last and finish >= first:  # on the chart
                if start <= self._today <= finish and first <= self._today <= last:
                    return self._today  # its day of today, when that is shown too
                return max(start, first)
        if self.column_of(self._today) is not None:
            return self._today
        return start or self.first_day

    def _origin_end(self) -> int:
        """The unit of the last chart column (the window's end)."""
        return (self._origin or 0) + max(0, self.chart_width - 1)

    def action_to_today(self) -> None:
        self._origin = unit_of(self.scale, self._today) - max(1, self.chart_width // 4)
        self._window_changed()

    def action_toggle_baseline(self) -> None:
        self.show_baseline = not self.show_baseline

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))


__all__ = ["SCALES", "Gantt", "GanttRow", "unit_of", "unit_start"]
