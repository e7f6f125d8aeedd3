"""The one add/edit form for every record type, built from the schema; it never saves."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from pmtui.kinds import input_hint
from pmtui.schema import Field, Kind

Validator = Callable[[dict[str, str]], dict[str, str]]
#: (field name, what is typed of one reference) -> (for each record it may mean: how it is
#: listed and what taking it puts in the field; what the field refers to: "person"); the
#: board answers by CONTRACT's matching rule.
Completer = Callable[[str, str], tuple[list[tuple[str, str]], str]]
#: A link typed with its type ("T2 SS+2"): complete, nothing to offer.
_TYPED_LINK = re.compile(r"\s(fs|ss|ff|sf)([+-]|\s*$)", re.IGNORECASE)
#: At most this many names are listed under a reference field, on one line this wide.
LISTED = 5
LINE = 54


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
    RecordForm .field-matches { color: $text-muted; padding-left: 20; display: none; }
    RecordForm .field-matches.shown { display: block; }
    RecordForm .field-matches.none { color: $warning; }
    """
    #: The app hands this form's keys to the field one at a time, in the order they came.
    KEYS_IN_ORDER = True
    #: No focus until on_mount puts it on the box: keys typed meanwhile wait for it
    #: (ProjectFileApp), where Textual's first focusable widget swallowed them.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form-save", tooltip="Check and save the form."),
        Binding(
            "escape", "cancel", "Cancel", id="form-cancel", tooltip="Close without saving anything."
        ),
        Binding(
            "down",
            "next_field",
            "Next",
            show=False,
            # Before the scrolling list of fields: a long form (the project's) scrolled
            # instead of moving to the next field.
            priority=True,
            id="form-next",
            tooltip="Go to the next field (or the next name offered under the field).",
        ),
        Binding(
            "up",
            "previous_field",
            "Previous",
            show=False,
            priority=True,
            id="form-previous",
            tooltip="Go to the previous field (or the previous name offered).",
        ),
        Binding(
            "tab",
            "complete",
            "Complete",
            show=False,
            id="form-complete",
            tooltip="Take the name offered under the field (or the suggested choice); "
            "else go to the next field.",
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
        complete: Completer | None = None,
        keep: Callable[[dict[str, str]], object] | None = None,
        date_order: str = "mdy",
        select_prefilled: bool = False,
        unsaved: bool = False,
    ) -> None:
        super().__init__()
        #: What the form opens with is not saved anywhere (esc asks even if untouched).
        self.unsaved = unsaved
        #: A field opened with a value is selected when it gets the cursor, so what is
        #: typed replaces it (a new record's defaults); an edit's values are not.
        self.select_prefilled = select_prefilled
        #: The user's date order (config), for the date fields' hints.
        self.date_order = date_order
        #: Keeps what was typed as a draft when the form is closed without saving.
        self.keep = keep
        #: Names a reference field may mean, offered under it as it is typed.
        self.complete = complete
        #: field name -> the names offered under it now, and which one enter/tab takes.
        self.offered: dict[str, list[str]] = {}
        #: field name -> what taking each name offered puts in the field (a link: the key).
        self.inserted: dict[str, list[str]] = {}
        self.picked = 0
        #: Whether the highlighted name was chosen with down/up (enter takes only that).
        self.chosen = False
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
                            placeholder=(input_hint(f.kind, self.date_order) or f.help)[:56],
                            id=_input_id(f.name),
                            compact=True,
                            tooltip=f.help,
                            # A value proposed for a new record is replaced by typing.
                            select_on_focus=self.select_prefilled and bool(self.initial[f.name]),
                            suggester=SuggestFromList(f.choices, case_sensitive=False)
                            if f.choices
                            else None,
                        )
                    if self._completes(f):
                        yield Static("", classes="field-matches", id=f"matches-{f.name}")
                    yield Static("", classes="field-error", id=f"error-{f.name}")
            yield Static(
                "ctrl+s save · enter next · tab complete · esc cancel · * required",
                id="form-keys",
            )

    def on_mount(self) -> None:
        name = self.focus_name if self.focus_name in self.initial else None
        target = name or (self.fields[0].name if self.fields else None)
        if target:
            self.query_one(f"#{_input_id(target)}", Input).focus()

    def values(self) -> dict[str, str]:
        """The text in every field now."""
        return {f.name: self.query_one(f"#{_input_id(f.name)}", Input).value for f in self.fields}

    def typed_anything(self) -> bool:
        """Whether any field differs from what the form opened with, or it opened with
        unsaved text (after a refused save, or a draft brought back)."""
        return self.is_mounted and (self.unsaved or self.values() != self.initial)

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
        """enter in a field: the name offered under it taken, then the next field, or save
        on the last one."""
        self._take_offered(box, chosen_only=True)
        if self.fields and box.id == _input_id(self.fields[-1].name):
            self.action_save()
        else:
            self.focus_next()

    # ------------------------------------------------ completing references

    def _completes(self, f: Field) -> bool:
        return self.complete is not None and f.kind in (Kind.REF, Kind.REFS, Kind.LINKS)

    @staticmethod
    def _split(f: Field, text: str) -> tuple[str, str]:
        """(what comes before the reference being typed, the reference being typed)."""
        if f.kind in (Kind.REFS, Kind.LINKS) and ";" in text:
            head, _, tail = text.rpartition(";")
            return head + "; ", tail.strip()
        return "", text.strip()

    def _field_of(self, box: Input | None) -> Field | None:
        name = (box.id or "").removeprefix("field-") if box is not None else ""
        return next((f for f in self.fields if f.name == name), None)

    @on(Input.Changed)
    def _forget_error(self, event: Input.Changed) -> None:
        """A field's message is about what it held when saved: changed, the message goes
        (the next save checks it again), never "'tom' is not a date" under "wed"."""
        f = self._field_of(event.input)
        if f is not None and event.input.has_focus:
            line = self.query_one(f"#error-{f.name}", Static)
            if line.has_class("shown"):
                line.update("")
                line.remove_class("shown")

    @on(Input.Changed)
    def _offer(self, event: Input.Changed) -> None:
        f = self._field_of(event.input)
        if f is None or not self._completes(f) or self.complete is None:
            return
        _, typed = self._split(f, event.value)
        linked = f.kind == Kind.LINKS and _TYPED_LINK.search(typed)
        if not event.input.has_focus or not typed or linked:
            self._show_offered(f, [], "")
            return
        found, noun = self.complete(f.name, typed)
        names = [shown for shown, _ in found]
        self.inserted[f.name] = [put for _, put in found]
        if self.inserted[f.name] == [typed]:
            names = []  # taken already
            noun = ""
        elif not names:  # links: a key being typed with its type ("T2 S") is no mistake
            noun = f"no {noun} matches {typed!r}" if f.kind != Kind.LINKS else ""
        self.picked = 0
        self.chosen = False
        self._show_offered(f, names, noun)

    @on(Input.Blurred)
    def _forget_offered(self, event: Input.Blurred) -> None:
        f = self._field_of(event.input)
        if f is not None and f.name in self.offered:
            self._show_offered(f, [], "")

    def _show_offered(self, f: Field, names: list[str], none: str) -> None:
        """List the names under the field (the one enter/tab takes highlighted), or say
        that nothing matches (`none`), or hide the line."""
        line = self.query_one(f"#matches-{f.name}", Static)
        if names:
            self.offered[f.name] = names
        else:
            self.offered.pop(f.name, None)
        parts: list[str | tuple[str, str]] = []
        if names:
            hint = "  tab takes it" if len(names) == 1 else "  ↓↑ tab"
            listed = self._listed(names, len(hint))
            parts.append("↳ ")
            for index, name in enumerate(listed):
                if index:
                    parts.append(" · ")
                parts.append((name, "reverse" if index == self.picked else "bold"))
            if len(names) > len(listed):
                parts.append(f" +{len(names) - len(listed)}")
            parts.append(hint)
        elif none:
            parts.append(none)
        line.update(Content.assemble(*parts))
        line.set_class(bool(names or none), "shown")
        line.set_class(bool(none and not names), "none")

    @staticmethod
    def _listed(names: list[str], room: int) -> list[str]:
        """The names that fit on the line under a field (at least one, at most LISTED)."""
        listed: list[str] = []
        width = 2 + room + 4  # "↳ ", the hint, " +N"
        for name in names[:LISTED]:
            width += len(name) + (3 if listed else 0)
            if listed and width > LINE:
                break
            listed.append(name)
        return listed

    def _take_offered(self, box: Input, chosen_only: bool = False) -> bool:
        """Put the highlighted name offered under `box` in it; whether there was one.
        `chosen_only` (enter): only the one name offered, or one chosen with down/up."""
        f = self._field_of(box)
        names = self.offered.get(f.name, []) if f is not None else []
        if f is None or not names or (chosen_only and len(names) > 1 and not self.chosen):
            return False
        head, _ = self._split(f, box.value)
        puts = self.inserted.get(f.name) or names
        box.value = head + puts[min(self.picked, len(puts) - 1)]
        box.cursor_position = len(box.value)
        self._show_offered(f, [], "")
        return True

    def _move_pick(self, step: int) -> bool:
        f = self._field_of(self.focused if isinstance(self.focused, Input) else None)
        names = self.offered.get(f.name, []) if f is not None else []
        if f is None or len(names) < 2:
            return False
        self.picked = (self.picked + step) % len(self._listed(names, 8))
        self.chosen = True
        self._show_offered(f, names, "")
        return True

    def action_next_field(self) -> None:
        if not self._move_pick(1):
            self.focus_next()

    def action_previous_field(self) -> None:
        if not self._move_pick(-1):
            self.focus_previous()

    def action_complete(self) -> None:
        """tab: take the name offered (or the choice suggested), else the next field."""
        box = self.focused
        if isinstance(box, Input):
            if self._take_offered(box):
                return
            if box.cursor_at_end and box._suggestion and box._suggestion != box.value:
                box.action_cursor_right()  # the choice Textual suggests inline
                return
        self.focus_next()

    def action_save(self) -> None:
        values = self.values()
        errors = self.validate(values)
        if errors:
            self.show_errors(errors)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        """esc: close; with typed changes, ask first (yes keeps them as a draft)."""
        if not self.typed_anything():
            self.dismiss(None)
            return
        from pmtui.screens.confirm import ConfirmModal

        kept = (
            "What you typed is kept as a draft: the next a or e on this record offers it back."
            if self.keep is not None
            else "What you typed is lost."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                if self.keep is not None:
                    self.keep(self.values())
                self.dismiss(None)

        self.app.push_screen(ConfirmModal(f"Close without saving?\n{kept}"), answered)
