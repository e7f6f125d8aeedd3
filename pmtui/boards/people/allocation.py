"""The People area's Allocation board: people x weeks coloured by load band, scrolled in time;
the assignments behind the cell under the cursor are listed below the grid."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import command, record_add, record_delete, record_edit, view_back
from pmtui.boards.registry import BoardSpec
from pmtui.domain.allocation import Span, WeekLoad, span_hours, week_of
from pmtui.domain.dates import short_date
from pmtui.planning import as_date
from pmtui.services.staffing import Staffing, assignment_item, item_label, shared_staffing
from pmtui.store import Store
from pmtui.widgets.load_grid import LoadGrid
from pmtui.widgets.load_table import load_text
from pmtui.widgets.matrix import Matrix
from pmtui.widgets.record_table import Column, RecordTable

Record = dict[str, Any]
#: Weeks shown before today (at least) and after it (at least); at most MAX_WEEKS in all.
WEEKS_BEFORE, WEEKS_AFTER, MAX_WEEKS = 4, 12, 104
JUMP_WEEKS = 4
#: Weeks after this week kept in view when jumping to it.
LOOK_AHEAD = 7

DETAIL_COLUMNS = [
    Column("key", "Key", 5),
    Column("item", "Assignment", 30),
    Column("allocation", "Alloc", 5, "right"),
    Column("hours", "Hours", 5, "right"),
    Column("start", "From", 10),
    Column("finish", "To", 10),
    Column("raci", "RACI", 4),
]


def week_window(project: Record, today: date, spans: list[Span]) -> tuple[date, int]:
    """(first Monday, number of weeks) the grid shows: the project's span, a few weeks
    around today, and every assignment, at most MAX_WEEKS."""
    starts = [today - timedelta(weeks=WEEKS_BEFORE)]
    ends = [today + timedelta(weeks=WEEKS_AFTER)]
    for value in (project.get("start"), project.get("target_finish")):
        if (day := as_date(value)) is not None:
            starts.append(day)
            ends.append(day)
    ends += [span.finish for span in spans]
    first, last = week_of(min(starts)), week_of(max(ends))
    return first, min(MAX_WEEKS, (last - first).days // 7 + 1)


class AllocationBoard(Board):
    """h/l move through the weeks (w/b four at a time, t this week); a assigns the person
    from the week under the cursor; enter lists the cell's assignments to edit."""

    DEFAULT_CSS = """
    AllocationBoard { layout: vertical; }
    AllocationBoard #allocation-grid { height: 1fr; }
    AllocationBoard #allocation-caption { height: 1; padding: 0 1; background: $panel; }
    AllocationBoard #allocation-detail { height: 5; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        record_add("Assign"),
        record_edit(),
        record_delete(),
        command("enter", "open_cell", "Assignments", "people: List the cell's assignments",
                id="allocation-open", show=False),
        view_back(),
        command("t", "this_week", "This week", "people: Go to this week", id="allocation-today"),
        command("w", "jump(1)", "+4 wk", "people: Four weeks later", id="allocation-later",
                show=False),
        command("b", "jump(-1)", "-4 wk", "people: Four weeks earlier", id="allocation-earlier",
                show=False),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.people: list[Record] = []
        self.first_week = week_of(store.today)
        self.loads: dict[str, list[WeekLoad]] = {}
        self.staffing: Staffing | None = None

    def compose(self) -> ComposeResult:
        yield LoadGrid(id="allocation-grid")
        yield Static("", id="allocation-caption")
        yield RecordTable(id="allocation-detail")

    @property
    def grid(self) -> LoadGrid:
        """People x weeks."""
        return self.query_one(LoadGrid)

    @property
    def detail(self) -> RecordTable:
        """The assignments behind the cell under the cursor."""
        return self.query_one("#allocation-detail", RecordTable)

    def on_mount(self) -> None:
        self.refresh_data()
        self.grid.focus()
        self.call_after_refresh(self.action_this_week)

    def default_focus(self) -> Widget:
        return self.grid

    # ------------------------------------------------ reading

    def refresh_data(self) -> None:
        store = self.store
        staffing = shared_staffing(store.read_context())
        first, count = week_window(store.project, store.today, staffing.spans)
        if first != self.first_week and self.grid.cursor is not None:
            # Keep the cursor on the same week when the window moves.
            row, column = self.grid.cursor
            self.grid.move_to(row, column + (self.first_week - first).days // 7)
        self.staffing, self.first_week = staffing, first
        self.people = store.records("people")
        self.loads = staffing.loads(first, count)
        weeks = [f"{first + timedelta(weeks=n):%m-%d}" for n in range(count)]
        names = [str(p.get("name") or p["key"]) for p in self.people]
        self.grid.show(names, weeks, [self.loads[str(p["key"])] for p in self.people])
        self._show_cell()

    def _cell(self) -> tuple[Record, WeekLoad] | None:
        at = self.grid.cursor
        if at is None or at[0] >= len(self.people):
            return None
        person = self.people[at[0]]
        weeks = self.loads.get(str(person["key"]), [])
        return (person, weeks[at[1]]) if at[1] < len(weeks) else None

    def _show_cell(self) -> None:
        cell = self._cell()
        caption = self.query_one("#allocation-caption", Static)
        if cell is None or self.staffing is None:
            caption.update("No people yet: add them on the Team board.", layout=False)
            self.detail.set_data(DETAIL_COLUMNS, [])
            return
        person, week = cell
        name = str(person.get("name") or person["key"])
        shown = load_text(week)
        state = week.why or {"over": "over-allocated", "under": "under-allocated"}.get(
            week.band, "fully allocated" if week.band == "full" else ""
        )
        caption.update(
            f"{name} · week of {short_date(week.week, self.store.today)} · "
            f"{week.assigned_hours:.1f} h of "
            f"{week.available_hours:.1f} h ({shown}) · {state}",
            layout=False,  # one line, the board's width: a move lays nothing out again
        )
        self.detail.set_data(DETAIL_COLUMNS, self._rows(person, week))

    def _rows(self, person: Record, week: WeekLoad) -> list[tuple[str, list[str]]]:
        assert self.staffing is not None
        spans = {span.key: span for span in self.staffing.spans}
        capacity = self.staffing.capacity.get(str(person["key"]), 0.0)
        sunday = week.week + timedelta(days=6)
        rows = []
        for key in week.spans:
            record = self.store.get("assignments", key)
            span = spans.get(key)
            if record is None or span is None:
                continue
            first, last = max(span.start, week.week), min(span.finish, sunday)
            inside = Span(key, span.person, first, last, span.allocation)
            hours = span_hours(inside, capacity, self.staffing.calendar)
            rows.append(
                (
                    key,
                    [
                        key,
                        item_label(self.store, assignment_item(record)),
                        f"{span.allocation:g} %",
                        f"{hours:.1f}",
                        span.start.isoformat(),
                        span.finish.isoformat(),
                        str(record.get("responsibility") or ""),
                    ],
                )
            )
        return rows

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._show_cell()
        self.refresh_bindings()

    @on(RecordTable.RowHighlighted, "#allocation-detail")
    def _detail_moved(self, event: RecordTable.RowHighlighted) -> None:
        self.refresh_bindings()

    @on(RecordTable.RowSelected, "#allocation-detail")
    def _detail_opened(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        self.edit_record("assignments", event.row_key)

    def focus_record(self, table: str, key: str) -> bool:
        person_key, day = key, self.store.today
        if table == "assignments":
            record = self.store.get(table, key)
            if record is None:
                return False
            spans = self.staffing.spans if self.staffing else []
            span = next((s for s in spans if s.key == key), None)
            person_key = str(record.get("person"))
            if span is not None and not span.start <= day <= span.finish:
                day = span.start
        rows = [str(p["key"]) for p in self.people]
        if person_key not in rows:
            return False
        self.grid.move_to(rows.index(person_key), (week_of(day) - self.first_week).days // 7)
        self._show_cell()
        if table == "assignments" and self.detail.move_to_key(key):
            self.detail.focus()
        else:
            self.grid.focus()
        return True

    # ------------------------------------------------ keys

    def chosen(self) -> Chosen | None:
        key = self.detail.cursor_row_key
        return Chosen("assignments", key) if key is not None else None

    def new_record(self) -> NewRecord | None:
        """An assignment of the person under the cursor, from the week under it."""
        cell = self._cell()
        if cell is None:
            return None
        person, week = cell
        prefill = {
            "person": str(person["key"]),
            "allocation": "100",
            "responsibility": "R",
            "start": max(week.week, self.store.today).isoformat(),
        }
        return NewRecord("assignments", prefill, focus="task")

    def palette_words(self) -> dict[str, str]:
        return {**super().palette_words(), "back": "the grid"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "open_cell":
            return self.grid.has_focus and self.detail.row_count > 0
        if action == "back":
            return self.detail.has_focus
        return super().check_action(action, parameters)

    def action_open_cell(self) -> None:
        self.detail.focus()
        self.refresh_bindings()

    def action_back(self) -> None:
        self.grid.focus()
        self.refresh_bindings()

    def action_this_week(self) -> None:
        row = self.grid.cursor[0] if self.grid.cursor else 0
        column = (week_of(self.store.today) - self.first_week).days // 7
        # Pass the week first, so that coming back leaves the weeks ahead in view.
        self.grid.move_to(row, column + LOOK_AHEAD)
        self.grid.move_to(row, column)

    def action_jump(self, direction: int) -> None:
        at = self.grid.cursor
        if at is not None:
            self.grid.move_to(at[0], at[1] + direction * JUMP_WEEKS)
