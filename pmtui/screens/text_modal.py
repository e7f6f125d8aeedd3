"""Several lines of text to write (the status report's summary): a TextArea in a modal;
ctrl+s answers the text, esc answers None (after asking, when something was typed)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


class TextModal(ModalScreen[str | None]):
    """A title, a hint and a text area holding `text`; every key but ctrl+s and esc is
    text (digits too: an open editor)."""

    DEFAULT_CSS = """
    TextModal { align: center middle; }
    TextModal > Vertical {
        width: 78; max-width: 100%; height: 20; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TextModal #text-title { text-style: bold; }
    TextModal TextArea { height: 1fr; }
    TextModal .keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="text-save", tooltip="Keep the text."),
        Binding("escape", "cancel", "Cancel", id="text-cancel", tooltip="Leave it as it was."),
    ]

    def __init__(self, title: str, text: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.original = text
        self.hint = hint
        self._asked = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="text-title", markup=False)
            if self.hint:
                yield Static(self.hint, classes="keys", markup=False)
            yield TextArea(self.original, id="text-area", soft_wrap=True)
            yield Static("ctrl+s: save    esc: cancel", id="text-keys", classes="keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text.strip())

    def action_cancel(self) -> None:
        if self.text == self.original or self._asked:
            self.dismiss(None)
            return
        # What was typed is not thrown away on one key: a second esc does.
        self._asked = True
        self.query_one("#text-keys", Static).update(
            "Unsaved text: esc again throws it away, ctrl+s saves it"
        )


__all__ = ["TextModal"]
