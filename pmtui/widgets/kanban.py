"""A kanban board: cards in columns (the values of a choice field); H/L move the chosen card.

The widget only draws and reports: moving a card posts CardMoved, and the board that owns
the widget saves the change through the store and hands the new cards back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from pmtui.widgets.columns import Column, cells_width, fit_cell, share_widths
from pmtui.widgets.tones import tone

CARD_STYLES = ("good", "warning", "bad", "muted")
_HEADER_LINES = 2  # column titles, then a rule
_CARD_LINES = 2  # the title line, then the detail line


@dataclass(frozen=True)
class Card:
    """One card: its key, its title, the column it is in, a style and a detail line.

    `style` is "" or one of CARD_STYLES (drawn with the theme's success, warning, error or
    muted colour); the board decides what deserves it (overdue, slipped, done...).
    """

    key: str
    title: str
    column: str
    style: str = ""
    detail: str = ""


class Kanban(Widget, can_focus=True):
    """Columns of cards; j/k choose a card, h/l another column, H/L move the card, enter opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="kanban-down",
                tooltip="Choose the next card in the column."),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="kanban-up",
                tooltip="Choose the previous card in the column."),
        Binding("h,left", "column(-1)", "Left", show=False, id="kanban-left",
                tooltip="Go to the column on the left."),
        Binding("l,right", "column(1)", "Right", show=False, id="kanban-right",
                tooltip="Go to the column on the right."),
        Binding("g,home", "first", "Top", show=False, id="kanban-first",
                tooltip="Choose the first card in the column."),
        Binding("G,end", "last", "Bottom", show=False, id="kanban-last",
                tooltip="Choose the last card in the column."),
        Binding("H", "move(-1)", "Move left", id="kanban-move-left",
                tooltip="Move the card to the column on the left."),
        Binding("L", "move(1)", "Move right", id="kanban-move-right",
                tooltip="Move the card to the column on the right."),
        Binding("enter", "select", "Open", show=False, id="kanban-select",
                tooltip="Open the chosen card."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "kanban--title",
        "kanban--rule",
        "kanban--cursor",
        "kanban--detail",
        *(f"kanban--{name}" for name in CARD_STYLES),
    }

    DEFAULT_CSS = """
    Kanban {
        height: 1fr;
        background: $surface;
        color: $foreground;
        & > .kanban--title { color: $foreground; text-style: bold; }
        & > .kanban--rule { color: $panel-lighten-2; }
        & > .kanban--detail { color: $text-muted; }
        & > .kanban--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .kanban--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .kanban--good { color: $success; }
        & > .kanban--warning { color: $warning; text-style: bold; }
        & > .kanban--bad { color: $error; text-style: bold; }
        & > .kanban--muted { color: $text-muted; }
        &:nocolor > .kanban--cursor { text-style: reverse; }
        &:nocolor > .kanban--title { text-style: bold underline; }
    }
    """

    @dataclass
    class CardHighlighted(Message):
        """Another card was chosen (key None when the column is empty)."""

        kanban: Kanban
        key: str | None

        @property
        def control(self) -> Kanban:
            return self.kanban

    @dataclass
    class CardSelected(Message):
        """The user opened the chosen card (enter)."""

        kanban: Kanban
        key: str

        @property
        def control(self) -> Kanban:
            return self.kanban

    @dataclass
    class CardMoved(Message):
        """The user asked to move a card to another column; the board saves it."""

        kanban: Kanban
        key: str
        from_column: str
        to_column: str

        @property
        def control(self) -> Kanban:
            return self.kanban

    def __init__(
        self,
        *,
        titles: dict[str, str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._titles = dict(titles or {})
        self._columns: tuple[str, ...] = ()
        self._cards: list[list[Card]] = []
        self._needed: list[int] = []  # per column: its widest title or card line
        self._column = 0
        self._rows: list[int] = []  # the chosen card's index, per column
        self._tops: list[int] = []  # the first card shown, per column
        self._announced: str | None = None

    # ------------------------------------------------ data

    def set_cards(self, columns: Sequence[str], cards: Sequence[Card]) -> None:
        """Show new cards; the chosen card stays chosen if it is still there (in any column)."""
        kept = self.selected_key
        if tuple(columns) != self._columns:
            self._columns = tuple(columns)
            self._rows = [0] * len(self._columns)
            self._tops = [0] * len(self._columns)
            self._column = min(self._column, max(0, len(self._columns) - 1))
        self._cards = [[c for c in cards if c.column == column] for column in self._columns]
        self._needed = [
            max(
                cells_width([f" {self._titles.get(column, column.capitalize())} ({len(shown)})"]),
                cells_width(f" {card.key} {card.title}" for card in shown),
                cells_width(f"   {card.detail}" for card in shown),
            )
            for column, shown in zip(self._columns, self._cards, strict=True)
        ]
        for index, column_cards in enumerate(self._cards):
            self._rows[index] = min(self._rows[index], max(0, len(column_cards) - 1))
        if kept is not None:
            self.select(kept)
        self._changed()

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns, left to right."""
        return self._columns

    @property
    def current_column(self) -> str | None:
        """The column the cursor is in."""
        return self._columns[self._column] if self._columns else None

    @property
    def selected_key(self) -> str | None:
        """The key of the chosen card (None when its column is empty)."""
        if not self._columns or not self._cards:
            return None
        cards = self._cards[self._column]
        return cards[self._rows[self._column]].key if cards else None

    def cards_in(self, column: str) -> list[Card]:
        """The cards of one column, top to bottom."""
        return list(self._cards[self._columns.index(column)])

    def select(self, key: str) -> bool:
        """Choose the card with this key; False when no column holds it."""
        for index, cards in enumerate(self._cards):
            for row, card in enumerate(cards):
                if card.key == key:
                    self._column, self._rows[index] = index, row
                    self._changed()
                    return True
        return False

    def _changed(self) -> None:
        self._scroll_to_cursor()
        self.refresh()
        key = self.selected_key
        if key != self._announced:
            self._announced = key
            self.post_message(self.CardHighlighted(self, key))

    # ------------------------------------------------ keys

    def action_cursor(self, step: int) -> None:
        if self._columns:
            count = len(self._cards[self._column])
            self._rows[self._column] = max(0, min(self._rows[self._column] + step, count - 1))
            self._changed()

    def action_column(self, step: int) -> None:
        if self._columns:
            self._column = max(0, min(self._column + step, len(self._columns) - 1))
            self._changed()

    def action_first(self) -> None:
        if self._columns:
            self._rows[self._column] = 0
            self._changed()

    def action_last(self) -> None:
        if self._columns:
            self._rows[self._column] = max(0, len(self._cards[self._column]) - 1)
            self._changed()

    def action_move(self, step: int) -> None:
        key = self.selected_key
        target = self._column + step
        if key is None or not 0 <= target < len(self._columns):
            return
        self.post_message(
            self.CardMoved(self, key, self._columns[self._column], self._columns[target])
        )

    def action_select(self) -> None:
        key = self.selected_key
        if key is not None:
            self.post_message(self.CardSelected(self, key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            step = int(str(parameters[0])) if parameters else 0
            return self.selected_key is not None and 0 <= self._column + step < len(self._columns)
        return True

    # ------------------------------------------------ drawing

    def _visible_cards(self) -> int:
        return max(1, (self.size.height - _HEADER_LINES) // _CARD_LINES)

    def _scroll_to_cursor(self) -> None:
        if not self._columns or not self.size.height:
            return
        shown = self._visible_cards()
        for index in range(len(self._columns)):
            row, top = self._rows[index], self._tops[index]
            if row < top:
                self._tops[index] = row
            elif row >= top + shown:
                self._tops[index] = row - shown + 1

    def on_resize(self, _: events.Resize) -> None:
        self._scroll_to_cursor()

    def _widths(self) -> list[int]:
        """Columns share the width as table columns do (pmtui.widgets.columns): a column
        whose cards need more gets more, the widest cut first; what is left over is
        shared evenly."""
        count = len(self._columns)
        if not count:
            return []
        usable = max(0, self.size.width - (count - 1))  # one separator between columns
        needed = self._needed
        shared = [Column(str(index), "", 0, text=True) for index in range(count)]
        widths = share_widths(shared, needed, usable, 0) if usable else [0] * count
        if usable and sum(widths) > usable:  # narrower than the floors: equal parts
            widths = [usable // count] * count
        base, extra = divmod(usable - sum(widths), count)
        return [width + base + (1 if i < extra else 0) for i, width in enumerate(widths)]

    def render_line(self, y: int) -> Strip:
        widths = self._widths()
        if not widths:
            return Strip.blank(self.size.width, self.rich_style)
        separator = Segment("│", self.get_component_rich_style("kanban--rule"))
        segments: list[Segment] = []
        for index, width in enumerate(widths):
            if index:
                segments.append(separator)
            segments += self._cell(index, y, width)
        return Strip(segments).crop_extend(0, self.size.width, self.rich_style)

    def _cell(self, index: int, y: int, width: int) -> list[Segment]:
        base = self.rich_style
        if y == 0:
            column = self._columns[index]
            title = self._titles.get(column, column.capitalize())
            text = f" {title} ({len(self._cards[index])})"
            return [Segment(fit_cell(text, width), self.get_component_rich_style("kanban--title"))]
        if y == 1:
            return [Segment("─" * width, self.get_component_rich_style("kanban--rule"))]
        line = y - _HEADER_LINES
        position = self._tops[index] + line // _CARD_LINES
        cards = self._cards[index]
        if position >= len(cards):
            if line == 0 and not cards:
                muted = self.get_component_rich_style("kanban--muted")
                return [Segment(fit_cell(" (none)", width), muted)]
            return [Segment(" " * width, base)]
        card = cards[position]
        chosen = index == self._column and position == self._rows[index]
        style = self._card_style(card, line % _CARD_LINES == 1, chosen)
        text = f" {card.key} {card.title}" if line % _CARD_LINES == 0 else f"   {card.detail}"
        return [Segment(fit_cell(text, width), style)]

    def _card_style(self, card: Card, detail: bool, chosen: bool) -> Style:
        style = self.rich_style
        if detail:
            style += tone(self, "kanban--detail")
        if card.style in CARD_STYLES and not (detail and card.style == "muted"):
            style += tone(self, f"kanban--{card.style}")
        if chosen:
            style += self.get_component_rich_style("kanban--cursor")
        return style
