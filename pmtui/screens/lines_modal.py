"""A scrollable list of lines to read (the changes since the last check-in); esc closes it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class LinesModal(ModalScreen[None]):
    """A title and lines of text; esc, q or enter closes it."""

    DEFAULT_CSS = """
    LinesModal { align: center middle; }
    LinesModal > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    LinesModal VerticalScroll { height: auto; max-height: 18; }
    LinesModal #lines-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,enter", "close", "Close", id="lines-close", tooltip="Close the list."),
        Binding("j,down", "scroll(1)", "Down", show=False, id="lines-down", tooltip="Scroll down."),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="lines-up", tooltip="Scroll up."),
    ]

    def __init__(self, title: str, lines: Sequence[str], empty: str = "Nothing to list.") -> None:
        super().__init__()
        self.lines_title = title
        self.lines = list(lines)
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(self.lines_title, "bold $primary"))
            with VerticalScroll(id="lines-body"):
                yield Static(Content("\n".join(self.lines) or self.empty), id="lines-text")
            yield Static("esc close · j/k scroll", id="lines-keys")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#lines-body", VerticalScroll)
        body.scroll_relative(y=step, animate=False)
