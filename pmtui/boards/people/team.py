"""The People area's Team board: everyone with role, skills and load this week and next;
enter opens the person (assignments, load, notes, leave)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import command, list_filter, record_add, record_delete, record_edit
from pmtui.domain.allocation import week_of
from pmtui.kinds import format_money, to_display
from pmtui.screens.person_modal import PersonAction, PersonModal, PersonView
from pmtui.services.staffing import (
    Staffing,
    assignment_item,
    follow_up_text,
    item_label,
    people_names,
    shared_staffing,
)
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.list_filter import ListFilter
from pmtui.widgets.load_table import LoadTable, load_style, load_text
from pmtui.widgets.record_table import Column

Record = dict[str, Any]
#: Weeks of load shown on a person's page.
PERSON_WEEKS = 8

COLUMNS = [
    Column("key", "Key", 4),
    Column("name", "Name", 20),
    Column("role", "Role", 18),
    Column("skills", "Skills", 22),
    Column("this_week", "This wk", 7, "right", load_style),
    Column("next_week", "Next wk", 7, "right", load_style),
]


class TeamBoard(Board):
    """People with their load; a/e/d change people, A assigns, enter opens a person."""

    DEFAULT_CSS = """
    TeamBoard { layout: vertical; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add(),
        record_edit(),
        record_delete(),
        command("A", "assign", "Assign", "people: Assign person to work", id="team-assign"),
        list_filter(),
    ]

    def compose(self) -> ComposeResult:
        yield ListFilter(id="team-filter")
        yield LoadTable(id="team")

    @property
    def table(self) -> LoadTable:
        """The people."""
        return self.query_one("#team", LoadTable)

    def on_mount(self) -> None:
        self.refresh_data()
        self.table.focus()

    def default_focus(self) -> Widget:
        return self.table

    def _staffing(self) -> Staffing:
        return shared_staffing(self.store.read_context())

    def refresh_data(self) -> None:
        loads = self._staffing().loads(self.store.today, 2)
        rows = []
        for person in self.store.records("people"):
            key = str(person["key"])
            weeks = loads.get(key, [])
            rows.append(
                (
                    key,
                    [
                        key,
                        str(person.get("name") or ""),
                        str(person.get("role") or ""),
                        ", ".join(person.get("skills") or []),
                        *(load_text(week) for week in weeks),
                    ],
                )
            )
        self.table.set_data(COLUMNS, rows)

    def focus_record(self, table: str, key: str) -> bool:
        person = key
        if table != "people":
            record = self.store.get(table, key)
            person = str(record.get("person")) if record else ""
        found = self.reveal(self.table, person)
        self.table.focus()
        return found

    # ------------------------------------------------ keys

    def chosen(self) -> Chosen | None:
        key = self.table.cursor_row_key
        return Chosen("people", key) if key is not None else None

    def new_record(self) -> NewRecord:
        return NewRecord("people")

    def filter_target(self) -> LoadTable:
        return self.table

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "assign":
            return self.is_mounted and self.table.cursor_row_key is not None
        return super().check_action(action, parameters)

    def action_assign(self) -> None:
        key = self.table.cursor_row_key
        if key is not None:
            self.assign(key)

    def assign(self, person: str, then: Callable[[], object] | None = None) -> None:
        """The form for a new assignment of `person`: full time, responsible, from today."""
        prefill = {"person": person, "allocation": "100", "responsibility": "R"}
        self.add_record("assignments", prefill, focus="task", then=then)

    @on(LoadTable.RowHighlighted)
    def _moved(self, event: LoadTable.RowHighlighted) -> None:
        self.refresh_bindings()

    @on(LoadTable.RowSelected)
    def _selected(self, event: LoadTable.RowSelected) -> None:
        event.stop()
        self._open_person(event.row_key)

    # ------------------------------------------------ the person's page

    def _open_person(self, key: str) -> None:
        if self.store.get("people", key) is None:
            return

        def done(action: PersonAction | None) -> None:
            if action is None:
                return
            # Once what was added or edited from the page is saved, the page comes back.
            back = partial(self._open_person, key)
            if action.verb == "edit" and action.key is not None:
                self.edit_record(action.table, action.key, then=back)
            elif action.table == "assignments":
                self.assign(key, then=back)
            elif action.table == "notes":
                self.add_record("notes", {"person": key}, focus="kind", then=back)
            else:
                self.add_record(action.table, {"person": key}, focus="from", then=back)

        self.app.push_screen(PersonModal(person_view(self.store, self._staffing(), key)), done)


def _short(day: date) -> str:
    return f"{day:%m-%d}"


def person_view(store: Store, staffing: Staffing, key: str) -> PersonView:
    """Everything a person's page shows."""
    person = store.require("people", key)
    names = people_names(store)
    people = record_type("people")
    currency = str(store.project.get("currency") or "")
    facts = [f"{to_display(people.field('capacity_hours'), person.get('capacity_hours'))} h/week"]
    if person.get("rate") is not None:
        facts.append(f"{format_money(float(person['rate']))} {currency}/h".strip())
    if person.get("manager"):
        facts.append(f"reports to {names.get(str(person['manager']), person['manager'])}")
    if person.get("approval_limit"):
        facts.append(f"approves up to {format_money(float(person['approval_limit']))}")
    if person.get("skills"):
        facts.append("skills: " + ", ".join(person["skills"]))
    today = store.today
    loads = staffing.loads(today, PERSON_WEEKS).get(key, [])
    first = week_of(today)
    weeks = [_short(first + timedelta(weeks=n)) for n in range(PERSON_WEEKS)]

    assignments = []
    for record in store.records("assignments"):
        if record.get("person") != key:
            continue
        planned = staffing.task_dates.get(str(record.get("task") or ""))
        start = record.get("start") or (planned[0].isoformat() if planned else "")
        finish = record.get("finish") or (planned[1].isoformat() if planned else "")
        allocation = record.get("allocation")
        assignments.append(
            (
                str(record["key"]),
                [
                    item_label(store, assignment_item(record)),
                    f"{allocation:g} %" if isinstance(allocation, int | float) else "",
                    str(start),
                    str(finish),
                    str(record.get("responsibility") or ""),
                ],
            )
        )
    assignments.sort(key=lambda row: (row[1][2] or "9999", row[0]))
    notes = sorted(
        (n for n in store.records("notes") if n.get("person") == key),
        key=lambda n: (str(n.get("date") or ""), str(n["key"])),
        reverse=True,
    )
    note_rows = [
        (
            str(n["key"]),
            [
                str(n.get("date") or ""),
                str(n.get("kind") or ""),
                follow_up_text(n, today.isoformat()),
                str(n.get("text") or "").replace("\n", " "),
            ],
        )
        for n in notes
    ]
    leave = sorted(
        (r for r in store.records("leave") if r.get("person") == key),
        key=lambda r: str(r.get("from") or ""),
    )
    leave_rows = [
        (
            str(r["key"]),
            [str(r.get("from") or ""), str(r.get("to") or ""), str(r.get("note") or "")],
        )
        for r in leave
    ]
    return PersonView(
        key=key,
        heading=f"{names.get(key, key)} — {person.get('role') or 'no role'}",
        facts=" · ".join(facts),
        weeks=weeks,
        loads=[load_text(week) for week in loads],
        assignments=assignments,
        notes=note_rows,
        leave=leave_rows,
    )
