"""A yes/no question; it only answers, never acts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmModal(ModalScreen[bool]):
    """Ask a question; y/enter answers True, n/esc answers False."""

    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmModal .keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes", tooltip="Answer yes."),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Answer no."),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            # The question names records and files as typed: text, never markup (a name
            # holding "[/]" stopped the app with a MarkupError), as in ChoiceModal.
            yield Static(self.question, id="question", markup=False)
            yield Static("y / enter: yes    n / esc: no", classes="keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
