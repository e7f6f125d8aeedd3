"""The communication plan: each entry with its next due date, overdue ones marked (the
warning colour and "late" in words, for NO_COLOR); x marks the entry done today, with an
optional note, and its next due date moves on by its frequency."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.binding import BindingType

from pmtui import agenda, views
from pmtui.boards.keys import command
from pmtui.boards.table import TableBoard, columns_for, rows_for
from pmtui.schema import Record
from pmtui.screens.line_prompt import LinePromptModal, Typed
from pmtui.widgets.record_table import Column


def due_style(text: str) -> str | None:
    """Late in the warning style."""
    return "record-table--warning" if "late" in text else None


DUE = Column("due_state", "Due", 13, style_of=due_style)
#: Columns beside the due state (last done and the note: detail line, form).
SHOWN = ("key", "information", "audience", "frequency", "next_due")
#: Who sends it and how, from this width on: at 80 columns they would cut the information
#: to a few letters (there the detail line names the owner; the form shows both).
ROOMY = 110
ROOMY_SHOWN = ("channel", "owner")


def due_text(record: Record, today: date) -> str:
    """'! 3 days late', 'today', 'in 4 days' from the entry's next due date."""
    try:
        when = date.fromisoformat(str(record.get("next_due")))
    except ValueError:
        return ""
    late = (today - when).days
    shown = agenda.relative(late, when.isoformat())
    return f"! {shown}" if late > 0 else shown


class CommsPlanBoard(TableBoard):
    """The comms plan, soonest due first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TableBoard.BINDINGS,
        command("x", "mark_done", "Done", "comms: Mark entry done today", id="comms-done"),
    ]

    def refresh_data(self) -> None:
        rt = self.record_type
        records = sorted(
            views.rows(self.store, rt.table),
            key=lambda r: (str(r.get("next_due") or "9999"), str(r["key"])),
        )
        every = columns_for(rt)
        self._roomy = self.size.width >= ROOMY
        wanted = SHOWN + (ROOMY_SHOWN if self._roomy else ())
        keep = [n for n, column in enumerate(every) if column.key in wanted]
        columns = [every[n] for n in keep] + [DUE]
        rows = []
        today = self.store.today
        all_rows = rows_for(rt, records, views.reference_names(self.store, rt))
        audience = [c.key for c in columns].index("audience")
        for (key, cells), record in zip(all_rows, records, strict=True):
            shown = [cells[n] for n in keep] + [due_text(record, today)]
            if not shown[audience]:  # a group named by text instead of stakeholders
                shown[audience] = str(record.get("group") or "")
            rows.append((key, shown))
        self.table.set_data(columns, rows)

    def on_resize(self) -> None:
        if self.is_mounted and (self.size.width >= ROOMY) != getattr(self, "_roomy", None):
            self.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark_done":
            return self.is_mounted and self.chosen() is not None
        return super().check_action(action, parameters)

    def action_mark_done(self) -> None:
        chosen = self.chosen()
        entry = self.store.get("comm_plan", chosen.key) if chosen else None
        if entry is None:
            return
        key, today = str(entry["key"]), self.store.today.isoformat()
        name = views.short(str(entry.get("information") or key))
        if entry.get("last_done") == today:
            self.app.notify(f"{name} is done already today", severity="warning", markup=False)
            return

        def answered(typed: Typed | None) -> None:
            if typed is None:
                return
            values = {"last_done": today}
            if typed.text.strip():
                values["note"] = typed.text.strip()
            self.save(
                lambda: self.store.update("comm_plan", key, values, label=f"done {name}"),
                lambda saved: f"Done: {name}; next due {self._next_due(key)}",
            )

        self.app.push_screen(
            LinePromptModal(
                f"Done today: {entry.get('information')}"[:64],
                placeholder="optional note (enter alone: no note)",
                hint="A note on this time (optional):",
                optional=True,
            ),
            answered,
        )

    def _next_due(self, key: str) -> str:
        shown = views.row(self.store, "comm_plan", key) or {}
        return str(shown.get("next_due") or "")
