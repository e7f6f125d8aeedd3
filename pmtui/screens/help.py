"""`?`: every binding of the screen it was opened on, grouped by where it applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class HelpLine:
    """One binding as help shows it."""

    group: str
    keys: str
    description: str
    tooltip: str


class HelpModal(ModalScreen[None]):
    """A scrollable list of keys; esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpModal { align: center middle; }
    HelpModal > Vertical {
        width: 78; max-width: 100%; height: 22; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpModal .group { text-style: bold; color: $accent; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help-close", tooltip="Close the help."
        ),
        Binding(
            "j,down", "scroll('down')", "Down", show=False, id="help-down", tooltip="Scroll down."
        ),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help-up", tooltip="Scroll up."),
    ]

    def __init__(self, title: str, lines: list[HelpLine]) -> None:
        super().__init__()
        self.help_title = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(f"Keys: {self.help_title}", "bold"))
            with VerticalScroll(id="help-body"):
                group = None
                for line in self.lines:
                    if line.group != group:
                        group = line.group
                        yield Static(group, classes="group")
                    yield Static(
                        Content.assemble(
                            (f"{line.keys:>12}", "bold"),
                            "  ",
                            line.description,
                            (f" — {line.tooltip}" if line.tooltip else "", "$text-muted"),
                        )
                    )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()
