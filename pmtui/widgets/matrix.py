"""A grid of cells with frozen label columns and summary rows; the cursor moves over the body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from pmtui.widgets.columns import fit_cell

_GAP = 1  # blank cells before every column


@dataclass(frozen=True)
class MatrixColumn:
    """One column: its heading, its width in cells and its alignment."""

    label: str
    width: int
    align: Literal["left", "right"] = "right"


@dataclass(frozen=True)
class MatrixCell:
    """One cell's text, and a tone naming how it is drawn: good, warning, bad, muted, strong."""

    text: str
    tone: str = ""


class Matrix(Widget, can_focus=True):
    """Rows of cells under a header: frozen label columns stay put while the data columns
    scroll; the cursor visits the body's data cells, never the labels or summary rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1, 0)", "Down", show=False, id="matrix-down",
                tooltip="Move to the cell below."),
        Binding("k,up", "move(-1, 0)", "Up", show=False, id="matrix-up",
                tooltip="Move to the cell above."),
        Binding("l,right", "move(0, 1)", "Right", show=False, id="matrix-right",
                tooltip="Move to the cell on the right."),
        Binding("h,left", "move(0, -1)", "Left", show=False, id="matrix-left",
                tooltip="Move to the cell on the left."),
        Binding("g,home", "move_to_row(0)", "Top", show=False, id="matrix-first",
                tooltip="Move to the first row."),
        Binding("G,end", "move_to_row(-1)", "Bottom", show=False, id="matrix-last",
                tooltip="Move to the last row."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix--header",
        "matrix--cursor",
        "matrix--summary",
        "matrix--good",
        "matrix--warning",
        "matrix--bad",
        "matrix--muted",
        "matrix--strong",
    }

    DEFAULT_CSS = """
    Matrix {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .matrix--header { background: $panel; text-style: bold; }
        & > .matrix--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .matrix--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .matrix--summary { background: $panel 40%; }
        & > .matrix--good { color: $success; text-style: bold; }
        & > .matrix--warning { color: $warning; }
        & > .matrix--bad { color: $error; }
        & > .matrix--muted { color: $text-muted; }
        & > .matrix--strong { text-style: bold; }
        &:nocolor > .matrix--header { text-style: bold underline; }
        &:nocolor > .matrix--cursor { text-style: reverse; }
        &:nocolor:focus > .matrix--cursor { text-style: bold reverse; }
    }
    """

    @dataclass
    class CursorMoved(Message):
        """The cursor moved to another cell (row and column None when there is no cell)."""

        matrix: Matrix
        row: int | None
        column: int | None

        @property
        def control(self) -> Matrix:
            return self.matrix

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._frozen: tuple[MatrixColumn, ...] = ()
        self._columns: tuple[MatrixColumn, ...] = ()
        self._body: list[list[MatrixCell]] = []
        self._summary: list[list[MatrixCell]] = []
        self._row = 0
        self._column = 0
        self._top = 0  # first body/summary line shown under the header
        self._left = 0  # first data column shown after the frozen ones
        self._announced: tuple[int | None, int | None] | None = None

    # ------------------------------------------------------------ data

    def set_data(
        self,
        frozen: Sequence[MatrixColumn],
        columns: Sequence[MatrixColumn],
        body: Sequence[Sequence[MatrixCell]],
        summary: Sequence[Sequence[MatrixCell]] = (),
    ) -> None:
        """Show new cells; each row holds the frozen cells, then one cell per data column.

        The cursor keeps its row and column numbers where they still exist.
        """
        self._frozen, self._columns = tuple(frozen), tuple(columns)
        width = len(self._frozen) + len(self._columns)
        blank = MatrixCell("")
        self._body = [[*row[:width], *[blank] * (width - len(row))] for row in body]
        self._summary = [[*row[:width], *[blank] * (width - len(row))] for row in summary]
        self.move_to(self._row, self._column)
        self.refresh()

    @property
    def cursor(self) -> tuple[int, int] | None:
        """(body row, data column) under the cursor, or None when the body has no cells."""
        if not self._body or not self._columns:
            return None
        return self._row, self._column

    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on a body cell (clamped to the grid). When the view stays, only
        the old and the new cursor lines are redrawn (and the header, whose week label
        follows the column): a move is a few lines, not the grid."""
        before = (self._row, self._column, self._top, self._left)
        self._row = max(0, min(row, len(self._body) - 1))
        self._column = max(0, min(column, len(self._columns) - 1))
        self._keep_cursor_in_view()
        if before[2:] != (self._top, self._left):
            self.refresh()
        elif before[:2] != (self._row, self._column):
            lines = {before[0] - self._top + 1, self._row - self._top + 1}
            if before[1] != self._column:
                lines.add(0)
            for y in lines:
                self.refresh(Region(0, y, self.size.width, 1))
        where = self.cursor
        announced = (where[0], where[1]) if where else (None, None)
        if announced != self._announced:
            self._announced = announced
            self.post_message(self.CursorMoved(self, *announced))

    def action_move(self, rows: int, columns: int) -> None:
        self.move_to(self._row + rows, self._column + columns)

    def action_move_to_row(self, row: int) -> None:
        self.move_to(row if row >= 0 else len(self._body) - 1, self._column)

    # ------------------------------------------------------------ geometry

    def _frozen_width(self) -> int:
        return sum(c.width + _GAP for c in self._frozen)

    def _lines(self) -> int:
        """Lines below the header: the body, a rule, the summary."""
        return len(self._body) + (1 + len(self._summary) if self._summary else 0)

    def _view(self) -> tuple[int, int]:
        """(first line, first data column) to draw at the size the widget has now: the
        ones the cursor's moves chose, moved only as far as the cursor needs to stay in
        view. Worked out when drawing, so a passing size (a board squeezed for a moment
        while tabs switch) neither sticks nor leaves a stale frame."""
        top, left = self._top, self._left
        height = max(1, self.size.height - 1)
        if self._row < top:
            top = self._row
        elif self._row >= top + height:
            top = self._row - height + 1
        top = max(0, min(top, max(0, self._lines() - height)))
        room = max(1, self.size.width - self._frozen_width())
        if self._column < left:
            left = self._column
        while left < self._column and (
            sum(c.width + _GAP for c in self._columns[left : self._column + 1]) > room
        ):
            left += 1
        return top, left

    def _keep_cursor_in_view(self) -> None:
        self._top, self._left = self._view()

    def on_resize(self) -> None:
        self.refresh()  # _view() fits the new size when drawing

    # ------------------------------------------------------------ drawing

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _strip(
        self,
        cells: Sequence[MatrixCell],
        base: Style,
        cursor: int | None,
        bold_label: bool,
        left: int = 0,
    ) -> Strip:
        gap = Segment(" " * _GAP, base)
        segments: list[Segment] = []
        shown = [*self._frozen, *self._columns[left:]]
        texts = [*cells[: len(self._frozen)], *cells[len(self._frozen) + left :]]
        room = self.size.width
        for index, (column, cell) in enumerate(zip(shown, texts, strict=False)):
            room -= column.width + _GAP
            if room < 0 and index >= len(self._frozen):
                break  # a column that does not fit whole is left out, not cut in half
            style = base
            if cell.tone:
                style = base + self._style(f"matrix--{cell.tone}")
            if index == 0 and bold_label:
                style = style + Style(bold=True)
            data_index = index - len(self._frozen) + left
            if cursor is not None and index >= len(self._frozen) and data_index == cursor:
                style = self._style("matrix--cursor")
            segments += [gap, Segment(fit_cell(cell.text, column.width, column.align), style)]
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        top, left = self._view()
        if y == 0:
            style = self._style("matrix--header")
            at = self.cursor
            header = [MatrixCell(c.label) for c in self._frozen] + [
                MatrixCell(c.label, "strong" if at and i == at[1] else "")
                for i, c in enumerate(self._columns)
            ]
            strip = self._strip(header, style, None, bold_label=False, left=left)
            return strip.crop_extend(0, width, style)
        line = top + y - 1
        base = self.rich_style
        if line < len(self._body):
            on_row = self.cursor is not None and line == self._row
            cursor = self._column if on_row else None
            strip = self._strip(self._body[line], base, cursor, bold_label=on_row, left=left)
        elif line == len(self._body) and self._summary:
            rule = "─" * max(0, self._frozen_width() + sum(c.width + _GAP for c in self._columns))
            strip = Strip([Segment(rule, self._style("matrix--muted"))])
        elif self._summary and line - len(self._body) - 1 < len(self._summary):
            base = self._style("matrix--summary")
            summary = self._summary[line - len(self._body) - 1]
            strip = self._strip(summary, base, None, False, left=left)
        else:
            return Strip.blank(width, base)
        return strip.crop_extend(0, width, base)
