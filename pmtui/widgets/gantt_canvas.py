"""The drawing half of the Gantt chart: the rows, the window in time, and how each line is
painted (header, label, bars, baseline half-bars, today line, link marks).

Current bars use the upper half of a line and baseline bars the lower half, so both fit
on one row; critical tasks take the theme's $critical colour (a dense shade ▓ without
colours, NO_COLOR), milestones are diamonds,
summaries a heavy line, and today a vertical line. The rows linked to the chosen task are
marked (← its predecessors, → its successors). The done share of a bar (its progress) is
drawn in the done colour (a light shade ▒ without colours).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from pmtui.widgets.columns import fit_cell
from pmtui.widgets.gantt_scale import header_labels, unit_of, unit_start

HEADER_LINES = 2  # scale labels above the rows


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
    #: Percent complete (0-100): that share of the bar, from its start, is drawn as done.
    progress: float = 0.0


class GanttCanvas(Widget):
    """Paints the rows it holds between the first day shown and the chart's right edge;
    Gantt (gantt.py) adds the keys, the cursor's moves and the messages."""

    scale: reactive[str] = reactive("week")
    show_baseline: reactive[bool] = reactive(True)

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
        self._cursor = 0
        self._top = 0
        self._origin: int | None = None  # the unit of the first chart column
        self._today = date.today()

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

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._origin is None:
            return Strip.blank(width, self.rich_style)
        if y < HEADER_LINES:
            return self._header(y).crop_extend(0, width, self.rich_style)
        position = self._top + y - HEADER_LINES
        if position >= len(self._rows):
            if position == 0:
                muted = self.get_component_rich_style("gantt--header")
                return Strip([Segment(" No tasks yet: add some on the WBS board", muted)])
            return self._empty_row().crop_extend(0, width, self.rich_style)
        return self._row(position).crop_extend(0, width, self.rich_style)

    def _header(self, y: int) -> Strip:
        style = self.get_component_rich_style("gantt--header")
        assert self._origin is not None
        upper, lower = header_labels(self.scale)
        label = fit_cell(
            f" {self.scale} scale" if y == 0 else f" from {self.first_day}", self.label_width
        )
        cells = [" "] * self.chart_width
        labels = [
            (column, text)
            for column in range(self.chart_width)
            if (text := (upper if y == 0 else lower)(
                unit_start(self.scale, self._origin + column), column == 0
            ))
        ]  # fmt: skip
        # The first column is labelled even mid-month; when the next month starts under
        # that label, the month in view keeps its name and the first one gives way.
        if len(labels) > 1 and labels[0][0] == 0 and labels[1][0] <= len(labels[0][1]):
            labels.pop(0)
        free = 0  # the first column a new label may use
        for column, text in labels:
            if column >= free and column + len(text) <= self.chart_width:
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
        label = fit_cell(marker + row.label, self.label_width)
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
        done_style = self.get_component_rich_style("gantt--done")
        # Half blocks need the baseline's colour as the background of a shared cell.
        under = Style(bgcolor=base_style.color) if base_style.color else Style()
        cells: list[tuple[str, Style]] = []
        first = current[0] if current is not None else None
        done_until = self._done_until(row, current)
        plain_bar_style = bar_style
        for x in range(self.chart_width):
            on_bar = current is not None and current[0] <= x <= current[1]
            on_base = baseline is not None and baseline[0] <= x <= baseline[1]
            done = on_bar and x < done_until
            bar_style = done_style if done else plain_bar_style
            if on_bar and done and no_color and not row.milestone:
                cells.append(("▒", bar_style))  # without colour, the shade marks work done
            elif on_bar and row.milestone:
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

    def _done_until(self, row: GanttRow, current: tuple[int, int] | None) -> int:
        """The first chart column of the bar not yet done (its share is the progress)."""
        if current is None or row.milestone or row.progress <= 0 or row.start is None:
            return -(10**9)
        finish = row.finish or row.start
        days = (finish - row.start).days + 1
        done_day = row.start.toordinal() + round(days * min(row.progress, 100) / 100)
        return unit_of(self.scale, date.fromordinal(done_day)) - (self._origin or 0)

    def watch_show_baseline(self) -> None:
        self.refresh()

    def watch_scale(self) -> None:
        self.refresh()
