"""The Actions board: every action item, open ones first (overdue oldest first, then by owner
and due), closed ones last; x done, o only the chosen row's owner. The generic table board
lists it from the actions table's declaration; this board only orders, marks and filters."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual.binding import BindingType

from pmtui import agenda, views
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.boards.today.today import agenda_change
from pmtui.schema import RecordType
from pmtui.widgets.record_table import Column

OPEN = "open"


def _late_style(text: str) -> str | None:
    if text.endswith("late"):
        return "record-table--bad"
    return "record-table--muted" if text in CLOSED else None


CLOSED = ("done", "dropped")
#: How late or soon an open action is ("5 days late", "in 3 days"), else its status; it
#: takes the status column's place so that the text keeps its width at 80 columns.
WHEN = Column("when", "When", 12, style_of=_late_style)


def columns(rt: RecordType) -> list[Column]:
    """The declared columns with When in place of Status."""
    return [WHEN if c.key == "status" else c for c in columns_for(rt)]


def order(actions: list[dict[str, Any]], names: dict[str, str], today: date) -> list[int]:
    """Positions of `actions` in board order: open and overdue (oldest first), then open by
    owner's name and due (undated last), then done and dropped."""

    def rank(index: int) -> tuple[Any, ...]:
        action = actions[index]
        due = str(action.get("due") or "")
        is_open = (action.get("status") or OPEN) == OPEN
        overdue = is_open and bool(due) and due < today.isoformat()
        owner = names.get(str(action.get("owner") or ""), "").casefold()
        if overdue:
            return (0, due, owner)
        return (1 if is_open else 2, owner == "", owner, due == "", due)

    return sorted(range(len(actions)), key=rank)


class ActionsBoard(TableBoard):
    """The action items by owner and due, overdue first; x done, o one owner's."""

    BINDINGS: ClassVar[list[BindingType]] = [
        command("x", "done_action", "Done", "actions: Mark action done", id="actions-done"),
        command(
            "o", "owner_only", "Owner", "actions: Show only this owner's actions",
            id="actions-owner",
        ),
    ]  # fmt: skip

    #: The owner (a person's key) whose actions alone are listed; None: everyone's.
    owner: str | None = None

    def refresh_data(self) -> None:
        rt = self.record_type
        records = views.rows(self.store, rt.table)
        if self.owner is not None:
            records = [r for r in records if str(r.get("owner") or "") == self.owner]
        names = views.reference_names(self.store, rt)
        today = self.store.today
        records = [records[i] for i in order(records, names.get("people", {}), today)]
        rows = rows_for(rt, records, names)
        shown = columns(rt)
        at = [c.key for c in shown].index(WHEN.key)
        for (_, cells), record in zip(rows, records, strict=True):
            status = str(record.get("status") or OPEN)
            due = str(record.get("due") or "")
            late = (today - date.fromisoformat(due)).days if due else 0
            cells[at] = status if status != OPEN else agenda.relative(late, due) if due else ""
        self.table.set_data(shown, rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done_action" and self.is_mounted:
            key = self.table.cursor_row_key
            record = self.store.get(self.record_type.table, key) if key else None
            if record is None:
                return False
            return True if (record.get("status") or OPEN) == OPEN else None
        if action == "owner_only" and self.is_mounted:
            return self.owner is not None or self.table.cursor_row_key is not None
        return super().check_action(action, parameters)

    def action_done_action(self) -> None:
        key = self.table.cursor_row_key
        if key is not None:
            table = self.record_type.table
            record = self.store.get(table, key)
            named = views.record_name(self.store, table, record) if record else key
            agenda_change(
                self, lambda: agenda.done(self.store, table, key), f"Done: action {named}"
            )

    def action_owner_only(self) -> None:
        """Only the chosen row's owner's actions; again: everyone's."""
        if self.owner is not None:
            self.owner = None
            self.app.notify("Every owner's actions", timeout=2)
        else:
            key = self.table.cursor_row_key
            record = self.store.get(self.record_type.table, key) if key else None
            if record is None:
                return
            self.owner = str(record.get("owner") or "")
            names = views.reference_names(self.store, self.record_type).get("people", {})
            who = names.get(self.owner, "nobody")
            self.app.notify(f"Only {who}'s actions (o again: everyone's)", timeout=3)
        self.refresh_data()
        self.refresh_bindings()
