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


def mention(value: str) -> tuple[str, str] | None:
    """(text before it, the word typed after `@`) when the line ends in a mention."""
    head, at, typed = value.rpartition("@")
    if not at or " " in typed or (head and not head.endswith(" ")):
        return None
    return head, typed


def matching(names: Sequence[str], typed: str) -> list[tuple[str, str]]:
    """(name, the word of it that `typed` begins) for each name with a word that `typed`
    begins, case-insensitively, as references are matched (CONTRACT: a prefix of any word)."""
    wanted = typed.casefold()
    found = []
    for name in names:
        word = next((w for w in name.split() if w.casefold().startswith(wanted)), None)
        if word is not None:
            found.append((name, word.casefold()))
    return found


class MentionSuggester(Suggester):
    """Completes the word after `@` with a word of a name (`@ch` -> `@chen`), the first
    name that fits; the prompt lists every name that fits under the line."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(names)

    async def get_suggestion(self, value: str) -> str | None:
        found = mention(value)
        if found is None or not found[1]:
            return None
        head, typed = found
        words = [word for _, word in matching(self.names, typed) if word != typed.casefold()]
        return f"{head}@{words[0]}" if words else None


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
    LinePromptModal #prompt-matches { color: $text-muted; display: none; }
    LinePromptModal #prompt-matches.shown { display: block; }
    LinePromptModal #prompt-matches.none { color: $warning; }
    """
    #: The app hands this prompt's keys to the box one at a time, in the order they came.
    KEYS_IN_ORDER = True
    #: No focus until on_mount puts it on the box: keys typed meanwhile wait for it
    #: (ProjectFileApp), where Textual's first focusable widget swallowed them.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel", tooltip="Close, change nothing."),
        Binding(
            "tab",
            "take_name",
            "Take name",
            show=False,
            id="prompt-take-name",
            tooltip="Put in the name offered after @ (as tab takes a name in forms).",
        ),
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
        names: Sequence[str] = (),
        full_form: bool = False,
        optional: bool = False,
    ) -> None:
        super().__init__()
        #: Whether enter on an empty line returns it (an optional note) rather than
        #: cancelling.
        self.optional = optional
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.message = message
        self.names = list(names)
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
                suggester=MentionSuggester(self.names) if self.names else None,
            )
            if self.names:
                yield Static("", id="prompt-matches")
            yield Static(keys, id="prompt-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "full_form":
            return self.offers_full_form
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        """Under the line, the names the word after @ may mean (as forms list them)."""
        lines = self.query("#prompt-matches")
        if not lines:
            return
        line = lines.first(Static)
        found = mention(event.value)
        names = [name for name, _ in matching(self.names, found[1])] if found else []
        shown = bool(found and found[1])
        line.set_class(shown, "shown")
        line.set_class(shown and not names, "none")
        if shown and not names:
            line.update(f"no person matches {found[1]!r}" if found else "")
        elif shown:
            listed = " · ".join(names[:5]) + (f" (+{len(names) - 5})" if len(names) > 5 else "")
            line.update(listed + ("  tab takes it" if len(names) == 1 else ""))

    def action_take_name(self) -> None:
        """tab: put in the one name the word after @ fits (the suggestion, if any)."""
        box = self.query_one(Input)
        found = mention(box.value)
        fits = matching(self.names, found[1]) if found and found[1] else []
        if found and len({word for _, word in fits}) == 1:
            box.value = f"{found[0]}@{fits[0][1]} "
            box.cursor_position = len(box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit_box(event.input)

    def submit_box(self, box: Input) -> None:
        """enter: return the text (nothing typed: as esc, unless the text is optional)."""
        self.dismiss(Typed(box.value) if box.value.strip() or self.optional else None)

    def action_full_form(self) -> None:
        self.dismiss(Typed(self.query_one(Input).value, full_form=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
