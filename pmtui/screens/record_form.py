"""The one add/edit form for every record type, built from the schema; it never saves."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from pmtui.kinds import KINDS
from pmtui.schema import Field

Validator = Callable[[dict[str, str]], dict[str, str]]


def _input_id(name: str) -> str:
    return f"field-{name}"


class RecordForm(ModalScreen[dict[str, str] | None]):
    """Fields from the schema; ctrl+s (or enter on the last field) checks, then returns the text.

    Checking calls `validate`, which answers {field: message}; messages show under their
    fields and the form stays open. Escape returns None and nothing is kept.
    """

    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    RecordForm #form-title { text-style: bold; color: $primary; }
    RecordForm #form-message { color: $error; }
    RecordForm VerticalScroll { height: auto; max-height: 18; }
    RecordForm .field-row { height: 1; }
    RecordForm .field-label { width: 20; color: $text-muted; }
    RecordForm .field-label.required { color: $foreground; }
    RecordForm Input { width: 1fr; }
    RecordForm .field-error { color: $error; padding-left: 20; display: none; }
    RecordForm .field-error.shown { display: block; }
    RecordForm #form-keys { color: $text-muted; }
    """
    #: The app hands this form's keys to the field one at a time, in the order they came.
    KEYS_IN_ORDER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form-save", tooltip="Check and save the form."),
        Binding(
            "escape", "cancel", "Cancel", id="form-cancel", tooltip="Close without saving anything."
        ),
        Binding(
            "down",
            "app.focus_next",
            "Next",
            show=False,
            id="form-next",
            tooltip="Go to the next field.",
        ),
        Binding(
            "up",
            "app.focus_previous",
            "Previous",
            show=False,
            id="form-previous",
            tooltip="Go to the previous field.",
        ),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        values: Mapping[str, str],
        validate: Validator,
        *,
        message: str = "",
        focus: str | None = None,
        keep_as: tuple[str, str | None] | None = None,
    ) -> None:
        super().__init__()
        #: (table, record key or None for a new one): the app keeps what is typed here as a
        #: draft if it ends with the form open (pmtui.store.drafts).
        self.keep_as = keep_as
        self.form_title = title
        self.fields = list(fields)
        self.initial = {f.name: values.get(f.name, "") for f in self.fields}
        self.validate = validate
        self.message = message
        self.focus_name = focus

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, id="form-title")
            yield Static(self.message, id="form-message")
            with VerticalScroll():
                for f in self.fields:
                    with Horizontal(classes="field-row"):
                        label = f.title + (" *" if f.required else "")
                        classes = "field-label required" if f.required else "field-label"
                        yield Label(label, classes=classes)
                        yield Input(
                            self.initial[f.name],
                            placeholder=(KINDS[f.kind].hint or f.help)[:56],
                            id=_input_id(f.name),
                            compact=True,
                            tooltip=f.help,
                            select_on_focus=False,
                            suggester=SuggestFromList(f.choices, case_sensitive=False)
                            if f.choices
                            else None,
                        )
                    yield Static("", classes="field-error", id=f"error-{f.name}")
            yield Static("ctrl+s save · enter next · esc cancel · * required", id="form-keys")

    def on_mount(self) -> None:
        name = self.focus_name if self.focus_name in self.initial else None
        target = name or (self.fields[0].name if self.fields else None)
        if target:
            self.query_one(f"#{_input_id(target)}", Input).focus()

    def values(self) -> dict[str, str]:
        """The text in every field now."""
        return {f.name: self.query_one(f"#{_input_id(f.name)}", Input).value for f in self.fields}

    def typed_anything(self) -> bool:
        """Whether any field differs from what the form opened with."""
        return self.is_mounted and self.values() != self.initial

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each message under its field; a message for no field goes on top."""
        known = {f.name for f in self.fields}
        for f in self.fields:
            line = self.query_one(f"#error-{f.name}", Static)
            text = errors.get(f.name, "")
            line.update(f"↑ {text}" if text else "")
            line.set_class(bool(text), "shown")
        others = [f"{name}: {msg}" for name, msg in errors.items() if name not in known]
        self.query_one("#form-message", Static).update("; ".join(others) or self.message)
        first = next((f.name for f in self.fields if f.name in errors), None)
        if first:
            self.query_one(f"#{_input_id(first)}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit_box(event.input)

    def submit_box(self, box: Input) -> None:
        """enter in a field: the next field, or save on the last one."""
        if self.fields and box.id == _input_id(self.fields[-1].name):
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        values = self.values()
        errors = self.validate(values)
        if errors:
            self.show_errors(errors)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
