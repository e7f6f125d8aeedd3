"""One area (a digit key): its boards as tabs, mounted the first time they are shown."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from pmtui.boards.base import Board
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec, area_title, boards_of
from pmtui.context import Context
from pmtui.reports.first_frame import Preview
from pmtui.services.glance import Finishes
from pmtui.store import Store
from pmtui.widgets.area_bar import AreaBar, AreaEntry, BoardTabs, areas_line, tabs_line
from pmtui.widgets.detail_line import DetailLine
from pmtui.widgets.key_footer import KeyFooter
from pmtui.widgets.status_bar import StatusBar, status_line

#: From this many tasks and milestones, the status line's computed RAG is worked out in a
#: thread after the first frame (as Today's list is: pmtui.boards.today.today.SYNC_BELOW).
SYNC_BELOW = 2000


def _board_class(spec: BoardSpec) -> type[Board]:
    module, _, name = spec.widget.partition(":")
    board_class: type[Board] = getattr(importlib.import_module(module), name)
    return board_class


class AreaScreen(Screen[None]):
    """The screen of one area; `[` and `]` move between its boards."""

    DEFAULT_CSS = """
    AreaScreen #boards, AreaScreen #empty { height: 1fr; }
    AreaScreen #empty { align: center middle; }
    AreaScreen #empty-text { width: 60; color: $text-muted; }
    """

    #: Each board focuses its own main widget; Textual's automatic focus took the first
    #: focusable widget, a board's hidden filter box, which then swallowed the next keys.
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        command(
            "left_square_bracket",
            "tab(-1)",
            "Prev tab",
            "board: Previous tab",
            id="board-previous",
            key_display="[",
        ),
        command(
            "right_square_bracket",
            "tab(1)",
            "Next tab",
            "board: Next tab",
            id="board-next",
            key_display="]",
        ),
    ]

    def __init__(self, store: Store, area: str, areas: Sequence[AreaEntry]) -> None:
        super().__init__(name=area)
        self.store = store
        self.area = area
        #: What the area bar shows (the app decides which areas look empty).
        self.areas = list(areas)
        self.boards = boards_of(area)
        self.current = 0
        self._rags = Finishes()
        #: The revision a thread works the computed RAG out for (None: none does).
        self._rag_for: Context | None = None
        self._rag_failed: Context | None = None

    def compose(self) -> ComposeResult:
        # The bars get their text now, not in on_mount, so the first frame shows them.
        saved = str(getattr(self.app, "save_state", "saved"))
        yield StatusBar(self._status_line(self._state_shown(saved)), id="status")
        yield AreaBar(areas_line(self.area, self.areas), id="areas")
        yield BoardTabs(tabs_line([b.title for b in self.boards], self.current), id="tabs")
        if self.boards:
            # The first board is composed with the screen, so the first frame shows it.
            first = self.boards[0]
            with ContentSwitcher(id="boards", initial=first.id.replace(".", "-")):
                yield _board_class(first)(self.store, first)
        else:
            title = area_title(self.area)
            with Container(id="empty"):
                yield Static(
                    f"{title} has no boards yet.\n\n"
                    "Press 9 for the project settings, 3 for the team, "
                    "ctrl+f to search, ? for every key.",
                    id="empty-text",
                )
        if self.boards:
            yield DetailLine(id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.focus_board()  # before the first frame, so its footer shows the board's keys
        self.show_detail()

    def show_detail(self) -> None:
        """Show the whole text of the record the board on show has chosen (its title,
        people by name, notes) on the line under it."""
        lines = self.query(DetailLine)
        if not lines:
            return
        board = self.board
        lines.first().show(board.detail_parts() if board is not None and board.is_mounted else [])

    def _on_timer_update(self) -> None:
        # Textual's repaint tick (Screen._on_timer_update; textual is pinned below 9). The
        # detail line is brought up to date here and marked dirty on the screen, so a cursor
        # move draws its rows and its line in one frame: waiting for the board's message,
        # then for its own refresh to reach the screen, the line took a frame of its own
        # (two writes ~25 ms apart; BENCHMARKS.md). show() redraws only what changed.
        lines = self.query(DetailLine)
        if lines:
            line = lines.first()
            before = line.parts
            self.show_detail()
            if line.parts != before:
                self._dirty_widgets.add(line)
        super()._on_timer_update()

    def on_board_choice_moved(self, message: Board.ChoiceMoved) -> None:
        if message.board is self.board:
            self.show_detail()

    @property
    def board(self) -> Board | None:
        """The board on show."""
        if not self.boards:
            return None
        spec = self.boards[self.current]
        found = self.query(f"#{spec.id.replace('.', '-')}")
        return found.first(Board) if found else None

    async def show_board(self, index: int) -> Board | None:
        """Show board number `index`, mounting it the first time (awaited: a key typed
        straight after `]` must find the board built)."""
        if not self.boards:
            return None
        if index % len(self.boards) != self.current and (left := self.board) is not None:
            left.leave()  # what is typed there is saved before another board shows
        self.current = index % len(self.boards)
        spec = self.boards[self.current]
        switcher = self.query_one(ContentSwitcher)
        widget_id = spec.id.replace(".", "-")
        if not switcher.query(f"#{widget_id}"):
            board = _board_class(spec)(self.store, spec)
            await switcher.mount(board)  # it reads the store as it mounts
            board._read_revision = self.store.read_context()
        else:
            switcher.query_one(f"#{widget_id}", Board).refresh_if_changed()
        switcher.current = widget_id
        self.query_one(BoardTabs).show([b.title for b in self.boards], self.current)
        self.focus_board()
        self.show_detail()
        return self.board

    def focus_board(self) -> None:
        """Focus the board on show now, not after the next refresh: keys typed straight
        after a switch (`3jj`) must reach it, and bindings follow the focus."""
        board = self.board
        if board is not None and (self.focused is None or board not in self.focused.ancestors):
            self.set_focus(board.default_focus())
        self.refresh_bindings()

    def leave(self) -> None:
        """The area is being left (another area, the app ending): its board saves what is
        typed on it (Board.leave)."""
        if (board := self.board) is not None:
            board.leave()

    async def show_board_by_name(self, name: str) -> Board | None:
        """Show the board called `name` (the part after the area in its id)."""
        for index, spec in enumerate(self.boards):
            if spec.name == name:
                return await self.show_board(index)
        return None

    async def action_tab(self, step: int) -> None:
        await self.show_board(self.current + step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tab":
            return len(self.boards) > 1
        return True

    def refresh_data(self, save_state: str, only_if_changed: bool = False) -> None:
        """Redraw the status line and the board on show after the project changed (on an
        area return, `only_if_changed`: the board only if the file changed meanwhile)."""
        if self._draw_status(save_state) and (board := self.board) is not None:
            board.refresh_if_changed(force=not only_if_changed)
            self.show_detail()  # the chosen record may have changed, its cursor not

    @property
    def preview(self) -> Preview | None:
        """Today's first frame from the cache while the project is not parsed yet (the app's;
        None once it is)."""
        found = getattr(self.app, "preview", None)
        return found if isinstance(found, Preview) and not self.store.loaded else None

    def _state_shown(self, save_state: str) -> str:
        """The save state as the status line says it; an archived project refuses every
        change, so the line says that first."""
        preview = self.preview
        archived = preview.archived if preview else self.store.project.get("archived")
        if archived:
            return f"archived, read-only · {save_state}"
        return save_state

    def refresh_status(self, save_state: str) -> None:
        """Redraw the status line only (a save finished in the background)."""
        self._draw_status(save_state)

    def _draw_status(self, save_state: str) -> bool:
        bars = self.query(StatusBar)
        if not bars:
            return False  # not composed yet: compose draws it
        bars.first().update(self._status_line(self._state_shown(save_state)))
        return True

    def _status_line(self, save_state: str) -> Content:
        if (preview := self.preview) is not None:  # a big project: its RAG is worked out
            return status_line(preview.name, preview.status, save_state, preview.today)
        project = self.store.project
        name, status = str(project.get("name", "")), str(project.get("status") or "")
        return status_line(name, status, save_state, self.store.today, self._computed())

    @property
    def rags(self) -> Finishes:
        """The computed RAG, kept while nothing the rules read changes: one for the app
        (every area's status line shows the same), else this screen's own."""
        shared = getattr(self.app, "status_rags", None)
        return shared if isinstance(shared, Finishes) else self._rags

    def _computed(self) -> str | None:
        """The overall colour the rules compute, for the status line: at hand when nothing
        it reads changed; on a small project worked out now; on a big one (None for now)
        in a thread, and the line redrawn when it is known."""
        ctx = self.store.read_context()
        if self.rags.computed_known(ctx):
            return self.rags.computed(ctx)
        planned = sum(len(self.store.stored_records(t)) for t in ("tasks", "milestones"))
        if planned < SYNC_BELOW:
            return self.rags.computed(ctx)
        if self._rag_for is not ctx and self._rag_failed is not ctx:
            self._rag_for = ctx
            self.call_after_refresh(self._work_out_rag, ctx)
        return None

    def _work_out_rag(self, ctx: Context) -> None:
        store, rags = self.store, self.rags

        def work() -> None:
            failed = False
            try:
                with store.steady():  # one revision; a save meanwhile waits
                    if store.read_context() is ctx:
                        rags.computed(ctx)
            except Exception:  # the line then shows the override alone, never a crash
                failed = True
            # A message, not call_from_thread: that waits for the UI, which may be gone.
            self.post_message(self.RagKnown(ctx, failed))

        self.run_worker(work, thread=True, group="status-rag", exit_on_error=False)

    class RagKnown(Message):
        """A thread worked out the computed RAG of revision `ctx`."""

        def __init__(self, ctx: Context, failed: bool) -> None:
            super().__init__()
            self.ctx, self.failed = ctx, failed

    def on_area_screen_rag_known(self, message: RagKnown) -> None:
        message.stop()
        if self._rag_for is message.ctx:
            self._rag_for = None
        if message.failed:
            self._rag_failed = message.ctx
        self._draw_status(str(getattr(self.app, "save_state", "saved")))
