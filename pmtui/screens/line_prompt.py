"""One line to type (a snooze date, a quick-add action); it only returns what was typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static


class Typed(NamedTuple):
    """What the prompt returns: the text, and whether the user asked for the full form."""

    text: str
    full_form: bool = False


class MentionSuggester(Suggester):
    """Completes the word after `@` with a name word (`@ch` -> `@chen`), as forms complete
    a reference: from any word of a name, case-insensitively, the first that fits."""

    def __init__(self, words: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = sorted({w.casefold() for w in words if w})

    async def get_suggestion(self, value: str) -> str | None:
        head, at, typed = value.rpartition("@")
        if not at or " " in typed or not typed or (head and not head.endswith(" ")):
            return None
        wanted = typed.casefold()
        found = next((w for w in self.words if w.startswith(wanted) and w != wanted), None)
        return f"{head}@{found}" if found else None


class LinePromptModal(ModalScreen[Typed | None]):
    """A title, one text box and a hint; enter returns the text, esc returns None and, when
    `full_form` is offered, ctrl+o returns the text with the full form asked for."""

    DEFAULT_CSS = """
    LinePromptModal { align: center middle; }
    LinePromptModal > Vertical {
        width: 70; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    LinePromptModal #prompt-title { text-style: bold; color: $primary; }
    LinePromptModal #prompt-message { color: $error; }
    LinePromptModal #prompt-keys, LinePromptModal #prompt-hint { color: $text-muted; }
    """
    #: The app hands this prompt's keys to the box one at a time, in the order they came.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel", tooltip="Close, change nothing."),
        Binding(
            "ctrl+o",
            "full_form",
            "Full form",
            id="prompt-full-form",
            tooltip="Open the full form with what is typed so far.",
        ),
    ]

    def __init__(
        self,
        title: str,
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
        message: str = "",
        words: Sequence[str] = (),
        full_form: bool = False,
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.message = message
        self.words = list(words)
        self.offers_full_form = full_form

    def compose(self) -> ComposeResult:
        keys = "enter ok · esc cancel" + (" · ctrl+o full form" if self.offers_full_form else "")
        with Vertical():
            yield Static(self.prompt_title, id="prompt-title")
            if self.hint:
                yield Static(self.hint, id="prompt-hint")
            yield Static(self.message, id="prompt-message")
            yield Input(
                self.value,
                placeholder=self.placeholder,
                id="prompt-input",
                compact=True,
                select_on_focus=False,
                suggester=MentionSuggester(self.words) if self.words else None,
            )
            yield Static(keys, id="prompt-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "full_form":
            return self.offers_full_form
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit_box(event.input)

    def submit_box(self, box: Input) -> None:
        """enter: return the text (nothing typed: as esc)."""
        self.dismiss(Typed(box.value) if box.value.strip() else None)

    def action_full_form(self) -> None:
        self.dismiss(Typed(self.query_one(Input).value, full_form=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
