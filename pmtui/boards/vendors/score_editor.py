"""The Compare board's score editor: a number, then enter. Digits are data only in here; on
the grid they switch areas like everywhere else."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pmtui.widgets.comparison_grid import plain_number


def read_score(text: str, scale: float) -> float | str:
    """The score typed, or why it is not one ("7 is outside 0-5")."""
    text = text.strip()
    if not text:
        return f"type a score from 0 to {plain_number(scale)} (x on the grid clears one)"
    try:
        value = float(text)
    except ValueError:
        return f"{text!r} is not a number"
    if not 0 <= value <= scale:
        return f"{plain_number(value)} is outside 0-{plain_number(scale)}"
    return value


class ScoreEditor(ModalScreen[float | None]):
    """One cell's score: what is typed replaces the score shown; enter saves, esc cancels."""

    DEFAULT_CSS = """
    ScoreEditor { align: center middle; }
    ScoreEditor > Vertical {
        width: 44; height: auto; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    ScoreEditor #score-heading { text-style: bold; color: $primary; }
    ScoreEditor Input { width: 10; }
    ScoreEditor #score-error { color: $error; }
    ScoreEditor .keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="score-cancel",
            tooltip="Close without changing the score.",
        ),
    ]

    def __init__(self, heading: str, scale: float, current: float | None) -> None:
        super().__init__()
        self.heading = heading
        self.scale = scale
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, id="score-heading")
            yield Input(
                "" if self.current is None else plain_number(self.current),
                placeholder=f"0-{plain_number(self.scale)}",
                type="number",
                compact=True,
                id="score-value",
            )
            yield Static("", id="score-error")
            yield Static("enter saves · esc cancels", classes="keys")

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.select_all()  # typing replaces the score shown

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = read_score(event.value, self.scale)
        if isinstance(value, str):
            self.query_one("#score-error", Static).update(f"↑ {value}")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
