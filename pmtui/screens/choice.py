"""A choice between a few named answers, each on its own key; it only answers, never acts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static


class ChoiceModal(ModalScreen[str | None]):
    """Ask `question`; each (key, label) of `choices` answers its key, esc answers None."""

    DEFAULT_CSS = """
    ChoiceModal { align: center middle; }
    ChoiceModal > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    ChoiceModal .keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer", "Cancel", id="choice-cancel", tooltip="Choose nothing."),
    ]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            keys = "    ".join(f"{key}: {label}" for key, label in self.choices)
            yield Static(f"{keys}    esc: cancel", classes="keys", markup=False)

    def on_key(self, event: Key) -> None:
        for key, _ in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(key)
                return

    def action_answer(self) -> None:
        self.dismiss(None)
