"""The base of every board: it reads through the store it is given and reports changes up."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from textual.message import Message
from textual.widget import Widget

from pmtui import views
from pmtui.boards.registry import BoardSpec
from pmtui.kinds import to_text
from pmtui.schema import Kind, record_labels
from pmtui.store import ConflictError, RecordInvalid, SaveError, Store, StoreError
from pmtui.store.drafts import peek_draft, save_draft, take_draft
from pmtui.tables import record_type
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.record_table import RecordTable

T = TypeVar("T")


class Chosen(NamedTuple):
    """The record e and d act on, and the field its form opens on (None: the first)."""

    table: str
    key: str
    field: str | None = None


class NewRecord(NamedTuple):
    """What a adds: the table, values proposed in the form, and the field to start in."""

    table: str
    prefill: Mapping[str, str] | None = None
    focus: str | None = None


def unexpected(error: Exception) -> str:
    """One line for an error no check foresaw (a library's ValueError, an OSError)."""
    text = " ".join(str(error).split()) or type(error).__name__
    return f"could not do it: {text[:160]}"


def undo_label(store: Store, table: str, verb: str, record: Mapping[str, Any]) -> str | None:
    """What undo and the journal call a change of a record: "edit milestone Go-live"
    (None for a private table: the store's own label, which names no one)."""
    if record_type(table).private:
        return None
    return f"{verb} {views.record_name(store, table, dict(record), typed=True)}"


def save_state_after(error: StoreError) -> str | None:
    """What the status line says after a refused change: None when the file is unaffected."""
    if isinstance(error, ConflictError):
        return "conflict"
    if isinstance(error, SaveError):
        return "not saved"
    return None


class Board(Widget):
    """One view of the project inside an area (a tab); holds no business rules."""

    DEFAULT_CSS = """
    Board { height: 1fr; }
    """

    @dataclass
    class Changed(Message):
        """The board changed the project; `label` says what (for the notification), and
        `warnings` what the change left to look at (someone put over capacity)."""

        label: str
        warnings: tuple[str, ...] = ()

    @dataclass
    class ChoiceMoved(Message):
        """The record the board's verbs act on may have changed (a cursor moved, the
        focus went to another list): the area redraws its detail line."""

        board: Board

    @dataclass
    class NotSaved(Message):
        """A change did not reach the file: "conflict" (another session changed the same
        field first) or "not saved" (the file could not be written). Refusals of bad input
        leave the file as it was and are not reported this way."""

        state: str

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(id=spec.id.replace(".", "-"))
        self.store = store
        self.spec = spec
        self._read_revision: object = None

    def refresh_data(self) -> None:
        """Re-read what the board shows from the store (after any change)."""

    # Any cursor inside the board (tables, grids, cards, the Gantt chart) or a focus move
    # may change what chosen() returns. These run after a board's own handlers of the same
    # messages (Textual calls each class's handler), also when those stop the message.

    def _choice_moved(self) -> None:
        self.post_message(self.ChoiceMoved(self))

    def on_record_table_row_highlighted(self) -> None:
        self._choice_moved()

    def on_matrix_cursor_moved(self) -> None:
        self._choice_moved()

    def on_kanban_card_highlighted(self) -> None:
        self._choice_moved()

    def on_gantt_row_highlighted(self) -> None:
        self._choice_moved()

    def on_descendant_focus(self) -> None:
        self._choice_moved()

    def refresh_if_changed(self, force: bool = False) -> None:
        """Re-read the store only when the file changed since this board last did (a tab
        or area return with no change redraws nothing); `force` re-reads anyway."""
        revision = self.store.read_context()  # one per revision of the file
        if force or revision is not self._read_revision:
            self.refresh_data()
        self._read_revision = revision

    def default_focus(self) -> Widget | None:
        """What the board is mainly about, to focus when it is shown (its first focusable
        widget unless it says otherwise)."""
        for widget in self.query("*"):
            if widget.focusable and widget.display:  # not a hidden filter box
                return widget
        return None

    def leave(self) -> None:
        """The board is being left (another board, another area, the app ending): save
        what is typed on it that no form holds (a meeting's minutes). Nothing by default."""

    def focus_record(self, table: str, key: str) -> bool:
        """Put the cursor on a record (search results jump here); False if not shown."""
        return False

    def open_record(self, table: str, key: str, came_from: str | None = None) -> bool:
        """Show a record as `enter` on Today opens it: chosen on the board (focus_record),
        unless the board has a view of its own for it (a meeting's occurrence opens its
        agenda and minutes; `came_from`, the area it was opened from, is where that view's
        esc goes back to); False if not shown."""
        return self.focus_record(table, key)

    def reveal(self, table: RecordTable, key: str) -> bool:
        """Put `table`'s cursor on the row `key`. A filter that shows the row stays (an
        edit keeps the list as the user narrowed it); one that hides it is cleared, with
        its filter line. False when the table has no such row."""
        if table.move_to_key(key):
            return True
        if not table.filter_text:
            return False
        for line in self.query(ListFilter):
            if line.target is table:
                line.value = ""
                line.remove_class("shown")
        table.filter_text = ""
        return table.move_to_key(key)

    # ------------------------------------------------ the verbs every board shares
    # A board lists the bindings it has (pmtui.boards.keys: record_add, record_edit, ...)
    # and answers these hooks; adding, editing, deleting and filtering happen here.

    def chosen(self) -> Chosen | None:
        """The record e (edit) and d (delete) act on now; None: nothing chosen."""
        return None

    def detail_parts(self) -> list[tuple[str, str]]:
        """The line under the board: the chosen record whole (views.record_detail), as
        (label, text) pairs; a board whose cursor is not on a record says its own."""
        chosen = self.chosen()
        if chosen is None:
            return []
        return views.record_detail(
            self.store, chosen.table, chosen.key, chosen.field, names=self.detail_names()
        )

    def detail_names(self) -> views.Names:
        """The names of referenced records the detail line shows, looked up once per
        revision and shared by every board: a cursor move on 1,000 assignments does not
        name 3,000 tasks each time."""
        names: views.Names = self.store.read_context().model("detail-names", lambda _: {})
        return names

    def new_record(self) -> NewRecord | None:
        """What a (add) adds now; None: nothing can be added here now."""
        return None

    def filter_target(self) -> RecordTable | None:
        """The list / (filter) narrows now; None: none."""
        return None

    def palette_words(self) -> dict[str, str]:
        """Words for the shared titles ('people: Add person'): the board's palette group,
        what a adds and what e and d act on (pmtui.boards.keys)."""
        words = {"board": self.spec.area}
        if self.is_mounted:
            if (new := self.new_record()) is not None:
                words["new"] = record_type(new.table).singular
            if (chosen := self.chosen()) is not None:
                words["edited"] = words["deleted"] = record_type(chosen.table).singular
        return words

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "add":
            return self.new_record() is not None
        if action in ("edit", "delete"):
            return self.chosen() is not None
        if action == "filter":
            return self.filter_target() is not None
        if action == "clear_filter":
            line = self.query(ListFilter)
            return bool(line) and line.first().has_class("shown")
        return True

    def action_add(self) -> None:
        new = self.new_record()
        if new is not None:
            self.add_record(new.table, new.prefill, new.focus)

    def action_edit(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.edit_record(chosen.table, chosen.key, chosen.field)

    def action_delete(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.delete_record(chosen.table, chosen.key)

    def action_filter(self) -> None:
        target = self.filter_target()
        if target is not None:
            self.query_one(ListFilter).open(target)

    def action_clear_filter(self) -> None:
        self.query_one(ListFilter).action_clear()

    def save(
        self,
        change: Callable[[], T],
        done: str | Callable[[T], str],
        *,
        refusals: tuple[type[Exception], ...] = (),
    ) -> T | None:
        """Run a store change; report success up (`done` says what, or makes that from the
        change's result), or show the store's reason and return None. `refusals` are the
        errors a service raises for a step that cannot be taken (a cancelled meeting held):
        said in one line, the file as it was."""
        last = self.store.last_change
        try:
            result = change()
        except refusals as refused:
            self.app.notify(
                str(refused), title="Not changed", severity="warning", timeout=8, markup=False
            )
            return None
        except StoreError as error:
            self.app.notify(
                str(error), title="Not saved", severity="error", timeout=8, markup=False
            )
            if (state := save_state_after(error)) is not None:
                self.post_message(self.NotSaved(state))
            return None
        except Exception as error:
            self.app.notify(
                unexpected(error), title="Not saved", severity="error", timeout=10, markup=False
            )
            self.post_message(self.NotSaved("not saved"))
            return None
        label = done(result) if callable(done) else done
        self.post_message(self.Changed(label, self._warnings_since(last)))
        return result

    def _warnings_since(self, last: object) -> tuple[str, ...]:
        """What the change saved after `last` (the store's change set before it) leaves to
        look at: people it put over capacity."""
        landed = self.store.last_change
        if landed is None or landed is last:
            return ()
        # Loaded at the first save, not with the first board (start-up time).
        from pmtui.services.overloads import change_overloads

        ctx = self.store.read_context()
        try:
            return tuple(o.text(ctx.today) for o in change_overloads(ctx, landed.changes))
        except Exception:  # a warning must never turn a saved change into an error
            return ()

    # ------------------------------------------------ the record flows every board shares

    def _errors(self, table: str, values: dict[str, str], key: str | None) -> dict[str, str]:
        # A new record ignores empty fields (defaults fill them); an edit may clear a field.
        typed = values if key is not None else {n: t for n, t in values.items() if t.strip()}
        try:
            self.store.validate(table, typed, key)
        except RecordInvalid as invalid:
            return invalid.errors
        except StoreError as error:
            return {"": str(error)}
        except Exception as error:
            return {"": unexpected(error)}
        return {}

    def add_record(
        self,
        table: str,
        prefill: Mapping[str, str] | None = None,
        focus: str | None = None,
        *,
        fields: Sequence[str] | None = None,
        title: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Open the form for a new record (the cursor in field `focus`, else the first);
        save it when the form returns, then call `then` (once saved).

        `fields` limits the form to some fields (a small form: an action's owner and due);
        what `prefill` gives for the fields left out is saved with the record all the same
        (an action's source). `title` replaces "Add <record>".
        """
        rt = record_type(table)
        ctx = self.store.context()
        values = {
            f.name: to_text(f, f.default(ctx) if callable(f.default) else f.default)
            for f in rt.input_fields
            if f.default is not None and f.name != "key"
        }
        values.update(prefill or {})
        self._open_form(table, None, values, focus, "", fields, title, then)

    def edit_record(
        self,
        table: str,
        key: str,
        focus: str | None = None,
        *,
        fields: Sequence[str] | None = None,
        prefill: Mapping[str, str] | None = None,
        title: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Open the form on a record; only the fields that differ from the record are saved.

        `fields` limits the form to some fields (in that order), `prefill` proposes values
        (saved only if kept), `title` replaces "Edit <record>", `then` runs once saved.
        """
        record = self.store.get(table, key)
        shown = views.row(self.store, table, key)  # a summary shows its rolled-up values
        if record is None or shown is None:
            self.app.notify(f"{key} no longer exists", severity="warning")
            return
        rt = record_type(table)
        values = {f.name: to_text(f, shown.get(f.name)) for f in rt.input_fields}
        values.update(prefill or {})
        self._open_form(table, record, values, focus, "", fields, title, then)

    def completer(
        self, table: str, labels: views.Names
    ) -> Callable[[str, str], tuple[list[tuple[str, str]], str]]:
        """What a form asks while a reference field of `table` is typed in: the records
        the text may mean (CONTRACT's matching; `labels` as views.reference_labels gives
        them), each as (how it is listed, what taking it puts in the field: its name, or
        for links, which take keys, its key), and what the field refers to."""
        rt = record_type(table)

        def complete(name: str, typed: str) -> tuple[list[tuple[str, str]], str]:
            f = rt.field(name)
            target = f.target or table
            noun = record_type(target).singular
            if f.kind == Kind.LINKS:
                named = record_labels(self.store.records(target), record_type(target).label_field)
                keys = self.store.matches(target, typed)
                return [(f"{k} {named.get(k, '')}".strip(), k) for k in keys], noun
            shown = labels.get(name, {})
            exact = [label for label in shown.values() if label.casefold() == typed.casefold()]
            found = exact or [shown.get(k, k) for k in self.store.matches(target, typed)]
            return [(label, label) for label in found], noun

        return complete

    def _open_form(
        self,
        table: str,
        record: dict[str, Any] | None,
        values: dict[str, str],
        focus: str | None,
        message: str,
        only: Sequence[str] | None = None,
        heading: str | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        if table != "project" and self.refused_while_archived():
            return
        rt = record_type(table)
        key = str(record["key"]) if record else None
        # A person fills the record's own fields first; the key is generated, so it comes
        # last (a singleton's key says nothing: not shown).
        fields = [f for f in rt.input_fields if f.name != "key"]
        if not rt.singleton and rt.has_field("key"):
            fields.append(rt.field("key"))
        if only is not None:
            fields = [rt.field(name) for name in only]
        if heading is None and rt.singleton:
            heading = f"Edit {rt.singular}"  # one record: its key ("project") says nothing
        if heading is None and record is not None:
            heading = f"Edit {views.record_name(self.store, table, record, typed=True)}"
        title = heading or f"Add {rt.singular}"
        # Changes are judged against the record, not the form's first values: a proposed
        # value (prefill), or one retyped after a refused save, is a change too.
        # A summary task's rolled-up duration, kept as shown, is no change either.
        shown = (views.row(self.store, table, str(key)) or record) if record else None
        initial = {f.name: to_text(f, shown.get(f.name)) for f in fields} if shown else {}
        # References show as names; a name shown is read back as its key.
        labels = views.reference_labels(self.store, table, fields)
        values = views.refs_as_names(values, labels)

        def keys_in(typed: dict[str, str]) -> dict[str, str]:
            return views.refs_as_keys(typed, labels)

        complete = self.completer(table, labels)
        # A new record's values for fields the form leaves out go with it (a small form).
        shown_names = {f.name for f in fields}
        hidden = {} if record else {k: v for k, v in values.items() if k not in shown_names}

        def keep(typed: dict[str, str]) -> None:
            path = getattr(self.app, "drafts_path", None)
            if path is not None:
                save_draft(self.store.path, table, key, typed, path=path)

        def named(verb: str) -> Callable[[dict[str, Any]], str]:
            return lambda saved: f"{verb} {views.record_name(self.store, table, saved)}"

        def done(shown_result: dict[str, str] | None) -> None:
            if shown_result is None:
                return
            result = keys_in(shown_result)
            if record is None:
                typed = {k: v for k, v in {**hidden, **result}.items() if v.strip()}
                label = undo_label(self.store, table, "add", typed)
                saved = self.save(lambda: self.store.add(table, typed, label), named("Added"))
            else:
                changed = {k: v for k, v in result.items() if v != initial.get(k, "")}
                if not changed:
                    return
                label = undo_label(self.store, table, "edit", record)
                saved = self.save(
                    lambda: self.store.update(table, str(key), changed, base=record, label=label),
                    named("Saved"),
                )
            if saved is None:
                # Keep what was typed: reopen the form with the reason on top.
                self._open_form(
                    table,
                    record,
                    {**hidden, **shown_result},
                    focus,
                    "Not saved; see the message.",
                    only,
                    heading,
                    then,
                )
            else:
                self.refresh_if_changed()  # once: the app's redraw then finds it drawn
                self.focus_record(table, str(saved["key"]))
                if then is not None:
                    self.call_after_refresh(then)

        from pmtui.screens.record_form import RecordForm  # loaded on first use, not at start-up

        def open_with(shown: dict[str, str], unsaved: bool = False) -> None:
            form = RecordForm(
                title,
                fields,
                shown,
                lambda typed: self._errors(table, {**hidden, **keys_in(typed)}, key),
                message=message,
                focus=focus,
                keep_as=(table, key),
                complete=complete,
                keep=keep,
                date_order=self.store.date_order,
                # Defaults are replaced by typing; what the user typed (a draft) is not.
                select_prefilled=record is None and not unsaved,
                unsaved=unsaved,
            )
            self.app.push_screen(form, done)

        if message:  # reopened after a refused save: what was typed is on show already
            open_with(values, unsaved=True)
        else:
            self._offer_draft(table, key, values, open_with)

    def _offer_draft(
        self,
        table: str,
        key: str | None,
        values: dict[str, str],
        open_with: Callable[[dict[str, str], bool], None],
    ) -> None:
        """Open the form; when an earlier session ended with this form open and something
        typed in it, first ask whether to bring that back (no forgets it)."""
        path = getattr(self.app, "drafts_path", None)
        kept = peek_draft(self.store.path, table, key, path=path) if path else None
        if kept is None or {**values, **kept.fields} == values:
            open_with(values, False)
            return
        from pmtui.screens.confirm import ConfirmModal

        singular = record_type(table).singular
        record = self.store.get(table, key) if key else None
        what = f"new {singular}"
        if record is not None:
            what = views.record_name(self.store, table, record, typed=True)
        typed = [v.strip() for k, v in kept.fields.items() if v.strip() and v != values.get(k)]
        shown = f" ({views.short(typed[0])})" if typed else ""
        question = (
            f"You typed in this {what} form{shown} ({kept.saved.replace('T', ' ')[:16]} UTC) "
            "and it was not saved. Bring back what you typed? (no forgets it)"
        )

        def answered(yes: bool | None) -> None:
            draft = take_draft(self.store.path, table, key, path=path)
            brought = bool(yes and draft)
            open_with({**values, **draft.fields} if yes and draft else values, brought)

        self.app.push_screen(ConfirmModal(question), answered)

    def refused_while_archived(self) -> bool:
        """An archived project is read-only (pmtui.store.archived refuses every save): say
        so before a form opens, rather than after it was typed; True when refused."""
        if not self.store.project.get("archived"):
            return False
        self.app.notify(
            "The project is archived, so read-only: R on 9 Project › Closure reopens it",
            title="Read-only",
            severity="warning",
        )
        return True

    def delete_record(self, table: str, key: str) -> None:
        """Ask, then delete (undoable with u)."""
        if self.refused_while_archived():
            return
        record = self.store.get(table, key)
        if record is None:
            self.app.notify(f"{key} no longer exists", severity="warning")
            return
        name = views.record_name(self.store, table, record)
        typed = views.record_name(self.store, table, record, typed=True)
        # Dependants first: never ask, then refuse.
        plan = self.store.deletion(table, key)
        if plan.blockers and plan.children:
            plan = self.store.deletion(table, key, with_children=True)
        if plan.blockers:
            referring = list(dict.fromkeys((t, k) for t, k, _ in plan.blockers))
            users = views.describe_records(self.store, referring)
            what = f"Cannot delete {typed}: it is"
            if plan.children:  # with its parts, which are referred to as well
                parts = views.describe_records(self.store, plan.children, parts_of=table)
                what = f"Cannot delete {typed} with its {parts}: they are"
            self.app.notify(
                f"{what} referred to by {users}. Change or delete those first.",
                title="Not deleted",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        with_children = bool(plan.children)
        question = f"Delete {typed}?\nu undoes it."
        if plan.doomed[1:] and not with_children:  # what it owns goes along
            owned = views.describe_records(self.store, plan.doomed[1:])
            question = f"Delete {typed} with {owned}?\nOne step: u undoes it all."
        if with_children:
            parts = views.describe_records(self.store, plan.children, parts_of=table)
            others = [at for at in plan.doomed[1:] if at not in plan.children]
            also = f", and {views.describe_records(self.store, others)}" if others else ""
            question = f"Delete {typed} with its {parts}{also}?\nOne step: u undoes it all."

        def delete() -> None:
            label = undo_label(self.store, table, "delete", record)
            self.store.delete(table, key, label, with_children=with_children)

        def done(yes: bool | None) -> None:
            if yes and self.save(delete, f"Deleted {name}") is None:
                return
            self.refresh_data()

        from pmtui.screens.confirm import ConfirmModal

        self.app.push_screen(ConfirmModal(question), done)
