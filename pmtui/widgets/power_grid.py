"""A power/interest grid: four quadrants of names, power up and interest right; the cursor
moves through the names with the arrow keys and enter selects one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from pmtui.widgets.columns import fit_cell

#: Quadrants by place: (top, bottom) of the left column (low interest) and the right one.
LEFT = ("keep satisfied", "monitor")
RIGHT = ("manage closely", "keep informed")
#: Names shown per quadrant before the block scrolls with the cursor (at 80x24; a board
#: on a taller terminal sets `rows` higher).
ROWS = 3


@dataclass(frozen=True)
class GridName:
    """One name in the grid: the record it stands for and the text shown."""

    key: str
    text: str


class PowerGrid(Widget, can_focus=True):
    """Keep satisfied | manage closely over monitor | keep informed, each a list of names."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1, 0)", "Down", show=False, id="grid-down",
                tooltip="Move to the name below."),
        Binding("k,up", "move(-1, 0)", "Up", show=False, id="grid-up",
                tooltip="Move to the name above."),
        Binding("l,right", "move(0, 1)", "Right", show=False, id="grid-right",
                tooltip="Move to the quadrant on the right."),
        Binding("h,left", "move(0, -1)", "Left", show=False, id="grid-left",
                tooltip="Move to the quadrant on the left."),
        Binding("enter", "select", "Open", show=False, id="grid-open",
                tooltip="Open the stakeholder under the cursor."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "power-grid--title",
        "power-grid--cursor",
        "power-grid--muted",
    }

    DEFAULT_CSS = """
    PowerGrid {
        background: $surface;
        color: $foreground;
        height: auto;
        & > .power-grid--title { background: $panel; text-style: bold; }
        & > .power-grid--muted { color: $text-muted; }
        & > .power-grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .power-grid--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:nocolor > .power-grid--title { text-style: bold underline; }
        &:nocolor > .power-grid--cursor { text-style: reverse; }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another name (key None when the grid is empty)."""

        grid: PowerGrid
        key: str | None

        @property
        def control(self) -> PowerGrid:
            return self.grid

    @dataclass
    class Selected(Message):
        """enter on a name."""

        grid: PowerGrid
        key: str

        @property
        def control(self) -> PowerGrid:
            return self.grid

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._quadrants: dict[str, list[GridName]] = {name: [] for name in (*LEFT, *RIGHT)}
        self._column = 1  # start in "manage closely"
        self._row = 0
        self._announced: str | None = None
        #: Names shown per quadrant before its block scrolls.
        self.rows = ROWS

    # ------------------------------------------------------------ data

    def show_rows(self, rows: int) -> None:
        """Show up to `rows` names per quadrant (never fewer than ROWS)."""
        rows = max(ROWS, rows)
        if rows != self.rows:
            self.rows = rows
            self.refresh(layout=True)

    def set_data(self, quadrants: Mapping[str, Sequence[GridName]]) -> None:
        """Show these names per quadrant (the cursor stays on its key when it still is)."""
        here = self.cursor_key
        self._quadrants = {name: list(quadrants.get(name, ())) for name in (*LEFT, *RIGHT)}
        if here is None or not self.move_to_key(here):
            self._move(self._row, self._column)
        self.refresh(layout=True)

    def _names(self, column: int) -> list[GridName]:
        top, bottom = (LEFT, RIGHT)[column]
        return [*self._quadrants[top], *self._quadrants[bottom]]

    @property
    def cursor_key(self) -> str | None:
        """The key of the name under the cursor; None when the grid has no names."""
        names = self._names(self._column)
        return names[self._row].key if 0 <= self._row < len(names) else None

    @property
    def cursor_quadrant(self) -> str | None:
        """The quadrant the cursor is in."""
        if self.cursor_key is None:
            return None
        top, bottom = (LEFT, RIGHT)[self._column]
        return top if self._row < len(self._quadrants[top]) else bottom

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the name of `key`; False when the grid does not show it."""
        for column in (0, 1):
            for row, name in enumerate(self._names(column)):
                if name.key == key:
                    self._move(row, column)
                    return True
        return False

    def _move(self, row: int, column: int) -> None:
        if not self._names(column) and self._names(1 - column):
            column = 1 - column
        self._column = column
        self._row = max(0, min(row, len(self._names(column)) - 1))
        self.refresh()
        key = self.cursor_key
        if key != self._announced:
            self._announced = key
            self.post_message(self.Highlighted(self, key))

    def action_move(self, rows: int, columns: int) -> None:
        column = max(0, min(1, self._column + columns))
        if not columns:
            self._move(self._row + rows, column)
            return
        if column == self._column or not self._names(column):
            return
        # Across: the same quadrant row (top or bottom) and, where it can, the same line.
        top_here = len(self._quadrants[(LEFT, RIGHT)[self._column][0]])
        in_top = self._row < top_here
        offset = self._row if in_top else self._row - top_here
        top, bottom = ((LEFT, RIGHT)[column][0], (LEFT, RIGHT)[column][1])
        top_there, bottom_there = len(self._quadrants[top]), len(self._quadrants[bottom])
        if (in_top and top_there) or not bottom_there:
            row = min(offset, top_there - 1)
        else:
            row = top_there + min(offset, bottom_there - 1)
        self._move(row, column)

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    # ------------------------------------------------------------ drawing

    def _block(self, quadrant: str, column: int, first_row: int) -> tuple[list[GridName], int]:
        """The names a quadrant shows (scrolled to keep the cursor in view) and the row in
        the column's flat list of the first one."""
        names = self._quadrants[quadrant]
        start = 0
        if self._column == column and first_row <= self._row < first_row + len(names):
            start = max(0, self._row - first_row - self.rows + 1)
        return names[start : start + self.rows], first_row + start

    def _height(self, top: bool) -> int:
        index = 0 if top else 1
        return min(self.rows, max(len(self._quadrants[LEFT[index]]),
                             len(self._quadrants[RIGHT[index]]), 1))  # fmt: skip

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 2 + self._height(True) + self._height(False)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        half = max(1, (width - 1) // 2)
        base = self.rich_style
        title = self.get_component_rich_style("power-grid--title")
        upper = self._height(True)
        if y == 0 or y == upper + 1:
            index = 0 if y == 0 else 1
            cells = []
            for places in (LEFT, RIGHT):
                name = places[index]
                text = f" {name.upper()} ({len(self._quadrants[name])})"
                cells.append(Segment(fit_cell(text, half, "left"), title))
            strip = Strip([cells[0], Segment(" ", base), cells[1]])
            return strip.crop_extend(0, width, base)
        index = 0 if y <= upper else 1
        line = y - 1 if index == 0 else y - upper - 2
        segments: list[Segment] = []
        for column, places in enumerate((LEFT, RIGHT)):
            quadrant = places[index]
            first = 0 if index == 0 else len(self._quadrants[places[0]])
            shown, start = self._block(quadrant, column, first)
            text, style = "", base
            if line < len(shown):
                on_cursor = column == self._column and start + line == self._row
                marker = "›" if on_cursor else " "
                text = f"{marker}{shown[line].text}"
                if on_cursor:
                    style = self.get_component_rich_style("power-grid--cursor")
            elif line == 0 and not shown:
                text, style = " (none)", self.get_component_rich_style("power-grid--muted")
            after = len(self._quadrants[quadrant]) - (start - first) - len(shown)
            if after > 0 and line == len(shown) - 1:
                text = fit_cell(text, half - 4, "left") + f" +{after}"
            segments.append(Segment(fit_cell(text, half, "left"), style))
            if column == 0:
                segments.append(Segment("│", base + Style(dim=True)))
        return Strip(segments).crop_extend(0, width, base)
