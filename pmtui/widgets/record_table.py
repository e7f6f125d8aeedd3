"""A virtualised table of plain records: draws only the lines on screen, posts messages up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pmtui.widgets.columns import (
    MIN_COLUMN,
    Column,
    cells_width,
    fit_cell,
    share_widths,
    sort_key,
)
from pmtui.widgets.tones import tone

_GAP = 1  # blank cells left of every column and after the last one


class RecordTable(ScrollView, can_focus=True, inherit_bindings=False):
    """A keyboard-driven table of (row key, cell texts) that filters and sorts, fast at 10k rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move_down", "Down", show=False, id="record-table-move-down",
                tooltip="Move the cursor to the next row."),
        Binding("k,up", "move_up", "Up", show=False, id="record-table-move-up",
                tooltip="Move the cursor to the previous row."),
        Binding("g,home", "move_first", "Top", show=False, id="record-table-move-first",
                tooltip="Move the cursor to the first row."),
        Binding("G,end", "move_last", "Bottom", show=False, id="record-table-move-last",
                tooltip="Move the cursor to the last row."),
        Binding("pagedown", "page_down", "Page down", show=False, id="record-table-page-down",
                tooltip="Move the cursor one screen down."),
        Binding("pageup", "page_up", "Page up", show=False, id="record-table-page-up",
                tooltip="Move the cursor one screen up."),
        Binding("ctrl+d", "half_page_down", "Half down", show=False,
                id="record-table-half-page-down", tooltip="Move the cursor half a screen down."),
        Binding("ctrl+u", "half_page_up", "Half up", show=False,
                id="record-table-half-page-up", tooltip="Move the cursor half a screen up."),
        Binding("l,right", "scroll_column_right", "Right", show=False,
                id="record-table-scroll-right", tooltip="Scroll one column to the right."),
        Binding("h,left", "scroll_column_left", "Left", show=False,
                id="record-table-scroll-left", tooltip="Scroll one column to the left."),
        Binding("enter", "select_row", "Open", show=False, id="record-table-select",
                tooltip="Open the row under the cursor."),
        Binding("s", "sort_next", "Sort", show=False, id="record-table-sort-next",
                tooltip="Sort by the next column, ascending."),
        Binding("S", "sort_reverse", "Reverse", show=False, id="record-table-sort-reverse",
                tooltip="Reverse the direction of the current sort."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--cursor",
        "record-table--even-row",
        "record-table--good",
        "record-table--warning",
        "record-table--bad",
        "record-table--muted",
    }

    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        scrollbar-size-vertical: 1;  /* a cell more for the text columns */
        & > .record-table--header { background: $panel; color: $foreground; text-style: bold; }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .record-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .record-table--even-row { background: $surface-lighten-1 50%; }
        & > .record-table--good { color: $success; }
        & > .record-table--warning { color: $warning; }
        & > .record-table--bad { color: $error; }
        & > .record-table--muted { color: $text-muted; }
        /* NO_COLOR may strip every colour, so the header and cursor lean on text styles */
        &:nocolor > .record-table--header { text-style: bold underline; }
        &:nocolor > .record-table--cursor { text-style: reverse; }
        &:nocolor:focus > .record-table--cursor { text-style: bold reverse; }
    }
    """

    @dataclass
    class RowHighlighted(Message):
        """The cursor moved to another row (row_key is None when no row is shown)."""

        table: RecordTable
        row_key: str | None
        index: int | None

        @property
        def control(self) -> RecordTable:
            return self.table

    @dataclass
    class RowSelected(Message):
        """The user chose the row under the cursor (enter)."""

        table: RecordTable
        row_key: str

        @property
        def control(self) -> RecordTable:
            return self.table

    filter_text: reactive[str] = reactive("")
    zebra_stripes: reactive[bool] = reactive(False)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._columns: tuple[Column, ...] = ()
        self._keys: list[str] = []
        self._cells: list[tuple[str, ...]] = []
        self._haystacks: list[str] = []  # lowercase joined cells, so filtering is one `in` per row
        self._order: list[int] = []  # all rows, sorted
        self._visible: list[int] = []  # the sorted rows that pass the filter
        self._cursor = 0
        self._sort: tuple[int, bool] | None = None
        self._column_starts: list[int] = []
        self._widths: list[int] = []
        self._needed: list[int] = []  # per column: its longest cell or label, in cells
        self._announced: tuple[str | None, int | None] | None = None

    @property
    def row_count(self) -> int:
        """How many rows pass the filter."""
        return len(self._visible)

    @property
    def column_widths(self) -> tuple[int, ...]:
        """Each column's width on screen now, in cells (one blank cell before each)."""
        return tuple(self._widths)

    @property
    def cursor_row_key(self) -> str | None:
        """The key of the row under the cursor, or None when no row is shown."""
        return self._keys[self._visible[self._cursor]] if self._visible else None

    def set_data(
        self, columns: Sequence[Column], rows: Sequence[tuple[str, Sequence[str]]]
    ) -> None:
        """Show new rows, keeping the sort, the filter and the cursor's row if it is still there.
        The same rows again redraw nothing (a board read again after a save, a grid's
        detail under a cursor that moved between two empty cells)."""
        width = len(columns)
        keys = [key for key, _ in rows]
        cells = [tuple(cells[:width]) + ("",) * (width - len(cells)) for _, cells in rows]
        if tuple(columns) == self._columns and keys == self._keys and cells == self._cells:
            return
        kept_key = self.cursor_row_key
        if tuple(columns) != self._columns:
            self._sort = None
        self._columns = tuple(columns)
        self._keys, self._cells = keys, cells
        self._haystacks = ["\t".join(cells).casefold() for cells in self._cells]
        # Measured over every row, not the filtered ones: a filter does not move columns.
        self._needed = [
            max(cells_width([column.label]), cells_width(cells[i] for cells in self._cells))
            for i, column in enumerate(self._columns)
        ]
        self._layout_columns()
        self._order = self._sorted_order()
        self._rebuild(kept_key)

    def _layout_columns(self) -> None:
        """Share the width on screen between the columns (pmtui.widgets.columns): fixed
        columns get what they need, text columns what is left, the widest cut first."""
        available = self.scrollable_content_region.width
        needed = list(self._needed)
        if self._sort is not None:  # room for the label and its arrow
            index = self._sort[0]
            needed[index] = max(needed[index], cells_width([self._columns[index].label]) + 2)
        self._widths = share_widths(self._columns, needed, available, _GAP)
        self._column_starts = []
        start = _GAP
        for width in self._widths:
            self._column_starts.append(start - _GAP)
            start += width + _GAP

    def sort_by(self, column_key: str, reverse: bool = False) -> None:
        """Sort by one column: numbers numerically, other text case-insensitively, empties last."""
        kept_key = self.cursor_row_key
        keys = [column.key for column in self._columns]
        if column_key not in keys:
            raise KeyError(f"no column {column_key!r} in this table")
        index = keys.index(column_key)
        self._sort = (index, reverse)
        self._layout_columns()
        self._order = self._sorted_order()
        self._rebuild(kept_key)

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the row with this key, if it is shown."""
        position = self._position_of(key)
        if position is not None:
            self._move_cursor(position)
        return position is not None

    def _sorted_order(self) -> list[int]:
        if self._sort is None:
            return list(range(len(self._keys)))
        column, reverse = self._sort
        filled = [i for i, cells in enumerate(self._cells) if cells[column].strip()]
        empty = [i for i, cells in enumerate(self._cells) if not cells[column].strip()]
        filled.sort(key=lambda i: sort_key(self._cells[i][column]), reverse=reverse)
        return filled + empty

    def _position_of(self, key: str) -> int | None:
        keys = self._keys
        return next((p for p, row in enumerate(self._visible) if keys[row] == key), None)

    def _rebuild(self, kept_key: str | None) -> None:
        needle = self.filter_text.strip().casefold()
        haystacks = self._haystacks
        self._visible = (
            [i for i in self._order if needle in haystacks[i]] if needle else self._order
        )
        line_width = (self._column_starts[-1] + self._widths[-1] + 2 * _GAP) if self._columns else 0
        self.virtual_size = Size(line_width, len(self._visible) + 1)
        position = self._position_of(kept_key) if kept_key is not None else None
        self._move_cursor(self._cursor if position is None else position, rows_only=False)

    def _move_cursor(self, position: int, *, rows_only: bool = True) -> None:
        """Put the cursor on `position`. When only the cursor moved (`rows_only`) and the
        table did not scroll, only the old and the new cursor rows are redrawn."""
        old = self._cursor
        self._cursor = max(0, min(position, len(self._visible) - 1))
        offset = self.scroll_offset
        self._scroll_to_cursor()
        if not rows_only or self.scroll_offset != offset:
            self.refresh()
        elif old != self._cursor:
            self._refresh_position(old)
            self._refresh_position(self._cursor)
        key = self.cursor_row_key
        if (key, self._cursor) != self._announced:
            self._announced = (key, self._cursor)
            self.post_message(self.RowHighlighted(self, key, None if key is None else self._cursor))

    def _refresh_position(self, position: int) -> None:
        """Redraw the line showing the row at `position` (the header is line 0)."""
        y = position - round(self.scroll_offset.y) + 1
        if 0 < y < self.size.height:
            self.refresh(Region(0, y, self.scrollable_content_region.width, 1))

    def _body_height(self) -> int:
        """Rows that fit under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        if not self.scrollable_content_region.height:
            return  # not laid out yet; on_resize scrolls once it is
        top, body = round(self.scroll_y), self._body_height()
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + body:
            self.scroll_to(y=self._cursor - body + 1, animate=False)

    def on_resize(self, _: events.Resize) -> None:
        if self._columns:
            self._layout_columns()
            self._rebuild(self.cursor_row_key)
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        position = offset.y - 1 + self.scroll_offset.y
        if position < len(self._visible):
            self._move_cursor(position)
            if event.chain > 1:
                self.action_select_row()

    def watch_filter_text(self) -> None:
        if self.filter_text.strip():
            # A new filter puts the cursor on its first match, as a list narrowed while
            # typing does; clearing it keeps the row that was chosen.
            self._cursor = 0
            self._rebuild(None)
        else:
            self._rebuild(self.cursor_row_key)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        position = scroll_y + y - 1
        if y == 0:
            style = self.get_component_rich_style("record-table--header")
            strip = self._header_strip(style)
        elif position < len(self._visible):
            style = self._row_style(position)
            cells = self._cells[self._visible[position]]
            strip = self._row_strip(cells, style, plain=position == self._cursor)
        elif y == 1:
            style = self.get_component_rich_style("record-table--muted")
            message = f"No rows match “{self.filter_text}”" if self.filter_text else "No rows"
            strip = Strip([Segment(" " * _GAP + message, style)])
            return strip.crop_extend(0, self.size.width, self.rich_style)
        else:
            return Strip.blank(self.size.width, self.rich_style)
        # Cells of one style as one segment: each segment is sent with its own colour
        # codes, most of a cursor move's bytes (bench/bench_scale.py).
        return strip.crop_extend(scroll_x, scroll_x + self.size.width, style).simplify()

    def _row_style(self, position: int) -> Style:
        if position == self._cursor:
            return self.get_component_rich_style("record-table--cursor")
        if self.zebra_stripes and position % 2 == 0:
            return self.get_component_rich_style("record-table--even-row")
        return self.rich_style

    def _header_strip(self, style: Style) -> Strip:
        labels = [column.label for column in self._columns]
        if self._sort is not None:
            index, reverse = self._sort
            column = self._columns[index]
            arrow = " ▼" if reverse else " ▲"
            # Cut the label, never the arrow; `_row_strip` pads the result to the column again.
            label = fit_cell(column.label, max(0, self._widths[index] - 2), column.align).rstrip()
            labels[index] = label + arrow
        return self._row_strip(labels, style, plain=True)

    def _row_strip(self, cells: Sequence[str], style: Style, *, plain: bool) -> Strip:
        """One line of cells; `plain` skips per-cell colours (header, cursor row)."""
        gap = Segment(" " * _GAP, style)
        segments = [gap]
        for column, width, text in zip(self._columns, self._widths, cells, strict=True):
            cell_style = style
            if not plain and column.style_of is not None:
                component = column.style_of(text)
                if component:
                    cell_style = style + tone(self, component)
            segments += [Segment(fit_cell(text, width, column.align), cell_style), gap]
        return Strip(segments)

    def action_move_down(self) -> None:
        self._move_cursor(self._cursor + 1)

    def action_move_up(self) -> None:
        self._move_cursor(self._cursor - 1)

    def action_move_first(self) -> None:
        self._move_cursor(0)

    def action_move_last(self) -> None:
        self._move_cursor(len(self._visible) - 1)

    def _move_page(self, rows: int) -> None:
        # Scroll with the cursor so it keeps its place on the screen, as a pager does.
        self.scroll_to(y=self.scroll_y + rows, animate=False)
        self._move_cursor(self._cursor + rows)

    def action_page_down(self) -> None:
        self._move_page(self._body_height())

    def action_page_up(self) -> None:
        self._move_page(-self._body_height())

    def action_half_page_down(self) -> None:
        self._move_page(max(1, self._body_height() // 2))

    def action_half_page_up(self) -> None:
        self._move_page(-max(1, self._body_height() // 2))

    def action_scroll_column_right(self) -> None:
        later = [x for x in self._column_starts if x > self.scroll_x]
        self.scroll_to(x=later[0] if later else self.max_scroll_x, animate=False)

    def action_scroll_column_left(self) -> None:
        earlier = [x for x in self._column_starts if x < self.scroll_x]
        self.scroll_to(x=earlier[-1] if earlier else 0, animate=False)

    def action_select_row(self) -> None:
        key = self.cursor_row_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def action_sort_next(self) -> None:
        if self._columns:
            index = 0 if self._sort is None else (self._sort[0] + 1) % len(self._columns)
            self.sort_by(self._columns[index].key)

    def action_sort_reverse(self) -> None:
        if self._columns:
            index, reverse = self._sort if self._sort is not None else (0, False)
            self.sort_by(self._columns[index].key, reverse=not reverse)


__all__ = ["MIN_COLUMN", "Column", "RecordTable", "sort_key"]
