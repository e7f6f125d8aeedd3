"""Today's list: groups under headings (overdue, today, upcoming), one line per item; the
cursor moves over the items only, and the list posts which one is under it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pmtui.widgets.columns import fit_cell
from pmtui.widgets.tones import tone

#: Cells of each fixed column: what, owner, when, where; the title takes what is left.
WIDTHS = (11, 12, 12, 10)
#: From this width on the owner and the board get their whole names (Dr. Katharina Weber,
#: Needs & surveys) and the title still has more than at 80 columns.
ROOMY, ROOMY_WIDTHS = 100, (11, 20, 12, 16)
_GAP = 1


@dataclass(frozen=True)
class AgendaRow:
    """One item: its key (what the board acts on), what it is, its title, who acts, how
    late or soon, where it lives; `tone` colours the 'when' ("bad", "warning", "muted")."""

    key: str
    what: str
    title: str
    owner: str
    when: str
    where: str
    tone: str = ""


@dataclass(frozen=True)
class AgendaGroup:
    """A heading ("Overdue · 4") and its items."""

    title: str
    rows: tuple[AgendaRow, ...]


class AgendaList(ScrollView, can_focus=True, inherit_bindings=False):
    """Items under group headings; j/k move between items (the board acts on the chosen one)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, id="agenda-move-down",
                tooltip="Move to the next item."),
        Binding("k,up", "move(-1)", "Up", show=False, id="agenda-move-up",
                tooltip="Move to the previous item."),
        Binding("g,home", "move_to(0)", "Top", show=False, id="agenda-move-first",
                tooltip="Move to the first item."),
        Binding("G,end", "move_to(-1)", "Bottom", show=False, id="agenda-move-last",
                tooltip="Move to the last item."),
        Binding("pagedown", "page(1)", "Page down", show=False, id="agenda-page-down",
                tooltip="Move one screen down."),
        Binding("pageup", "page(-1)", "Page up", show=False, id="agenda-page-up",
                tooltip="Move one screen up."),
    ]  # fmt: skip

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "agenda-list--heading",
        "agenda-list--note",
        "agenda-list--cursor",
        "agenda-list--bad",
        "agenda-list--warning",
        "agenda-list--muted",
    }

    DEFAULT_CSS = """
    AgendaList {
        background: $surface;
        color: $foreground;
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .agenda-list--heading { color: $accent; text-style: bold; }
        & > .agenda-list--note { color: $text-muted; }
        & > .agenda-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .agenda-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .agenda-list--bad { color: $error; }
        & > .agenda-list--warning { color: $warning; }
        & > .agenda-list--muted { color: $text-muted; }
        &:nocolor > .agenda-list--heading { text-style: bold underline; }
        &:nocolor > .agenda-list--cursor { text-style: reverse; }
        &:nocolor:focus > .agenda-list--cursor { text-style: bold reverse; }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another item (None: the list is empty)."""

        agenda_list: AgendaList
        key: str | None

        @property
        def control(self) -> AgendaList:
            return self.agenda_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: One entry per line: a heading or note (str) or an item (AgendaRow).
        self._lines: list[str | AgendaRow] = []
        self._notes: set[int] = set()
        #: Line numbers of the items, in order.
        self._items: list[int] = []
        self._cursor = 0
        self._announced: str | bool | None = False

    @property
    def keys(self) -> list[str]:
        """The items' keys, top to bottom."""
        return [self._row(i).key for i in range(len(self._items))]

    @property
    def cursor_key(self) -> str | None:
        """The key of the item under the cursor; None when there is none."""
        return self._row(self._cursor).key if self._items else None

    def lines(self) -> list[str]:
        """Every line as plain text (headings, notes and items), for tests and tools."""
        return [line if isinstance(line, str) else self._text(line) for line in self._lines]

    def _row(self, index: int) -> AgendaRow:
        found = self._lines[self._items[index]]
        assert isinstance(found, AgendaRow)
        return found

    def show(self, groups: Sequence[AgendaGroup], note: str = "") -> None:
        """Draw `groups` (empty ones are left out) under an optional `note`; the cursor
        stays on its item when it is still listed, else on the same line number."""
        kept = self.cursor_key
        self._lines, self._notes, self._items = [], set(), []
        for text in note.splitlines():
            self._notes.add(len(self._lines))
            self._lines.append(text)
        for group in groups:
            if not group.rows:
                continue
            self._lines.append(group.title)
            for row in group.rows:
                self._items.append(len(self._lines))
                self._lines.append(row)
        keys = self.keys
        self._cursor = keys.index(kept) if kept in keys else min(self._cursor, len(keys) - 1)
        self._cursor = max(0, self._cursor)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the item `key`, if listed."""
        keys = self.keys
        if key not in keys:
            return False
        self._move(keys.index(key))
        return True

    # ------------------------------------------------------------------ drawing

    def _text(self, row: AgendaRow) -> str:
        return "".join(
            text for text, _ in self._cells(row, self.scrollable_content_region.width or 80)
        )

    def _cells(self, row: AgendaRow, width: int) -> list[tuple[str, str]]:
        """(text, tone) of each cell with the gaps, fitted to `width`."""
        widths = ROOMY_WIDTHS if width >= ROOMY else WIDTHS
        what, owner, when, where = widths
        title = max(8, width - sum(widths) - _GAP * 6)
        gap = (" " * _GAP, "")
        return [
            gap,
            (fit_cell(row.what, what), "muted"),
            gap,
            (fit_cell(row.title, title), ""),
            gap,
            (fit_cell(row.owner, owner), ""),
            gap,
            (fit_cell(row.when, when), row.tone),
            gap,
            (fit_cell(row.where, where), "muted"),
            gap,
        ]

    def render_line(self, y: int) -> Strip:
        number = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if number >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[number]
        if isinstance(line, str):
            component = "agenda-list--note" if number in self._notes else "agenda-list--heading"
            style = self.rich_style + tone(self, component)
            return Strip([Segment(fit_cell(" " + line, width), style)])
        chosen = self._items and self._items[self._cursor] == number
        base: Style = (
            self.get_component_rich_style("agenda-list--cursor") if chosen else self.rich_style
        )
        segments = []
        for text, shade in self._cells(line, width):
            style = base
            if shade and not chosen:
                style = base + tone(self, f"agenda-list--{shade}")
            segments.append(Segment(text, style))
        # Cells of one style as one segment: each segment is sent with its own colour codes
        # (a cursor move on Today sent 1.1 KB; RecordTable does the same).
        return Strip(segments).crop_extend(0, width, base).simplify()

    # ------------------------------------------------------------------ moving

    def _move(self, index: int) -> None:
        if not self._items:
            return
        old = self._items[self._cursor]
        self._cursor = max(0, min(index, len(self._items) - 1))
        offset = self.scroll_offset
        self._scroll_to_cursor()
        if self.scroll_offset != offset:
            self.refresh()
        else:
            width = self.scrollable_content_region.width  # not the scrollbar's cell
            for line in (old, self._items[self._cursor]):
                self.refresh(Region(0, line - round(offset.y), width, 1))
        self._announce()

    def _announce(self) -> None:
        key = self.cursor_key
        if key != self._announced:
            self._announced = key
            self.post_message(self.Highlighted(self, key))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if not self._items or not height:
            return
        line = self._items[self._cursor]
        # The first item's heading (and a note above it) stays in view.
        top = 0 if self._cursor == 0 else line
        if top < round(self.scroll_y):
            self.scroll_to(y=top, animate=False)
        elif line >= round(self.scroll_y) + height:
            self.scroll_to(y=line - height + 1, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self._scroll_to_cursor()

    def action_move(self, step: int) -> None:
        self._move(self._cursor + step)

    def action_move_to(self, index: int) -> None:
        self._move(index if index >= 0 else len(self._items) - 1)

    def action_page(self, direction: int) -> None:
        self._move(self._cursor + direction * max(1, self.scrollable_content_region.height - 1))


__all__ = ["AgendaGroup", "AgendaList", "AgendaRow"]
