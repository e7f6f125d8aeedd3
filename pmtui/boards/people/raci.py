"""The People area's RACI board: deliverables and tasks x people; space cycles a cell through
R, A, C, I and blank; items breaking "exactly one A, at least one R" are shown in red and
listed under the grid."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from pmtui import planning
from pmtui.boards.base import Board, Chosen
from pmtui.boards.keys import command, record_edit
from pmtui.boards.registry import BoardSpec
from pmtui.domain.allocation import (
    RESPONSIBILITIES,
    RaciViolation,
    describe_violation,
    next_responsibility,
)
from pmtui.domain.links import ScheduleError
from pmtui.services.staffing import assignment_item, people_names, raci_of
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn

Record = dict[str, Any]
Item = tuple[str, str]
ITEM_WIDTH = 26
PERSON_WIDTH = 3
#: The assignment field naming an item of each table.
ITEM_FIELDS = {"deliverables": "deliverable", "tasks": "task"}


def initials(names: list[str]) -> list[str]:
    """Short unique column heads: 'Dr. Katharina Weber' -> 'KW', a second 'KW' -> 'KW2'."""
    heads: list[str] = []
    for name in names:
        words = [w for w in name.replace("-", " ").split() if w[:1].isupper() and "." not in w]
        head = "".join(w[0] for w in words)[:PERSON_WIDTH] or name[:2]
        candidate, number = head, 2
        while candidate in heads:
            candidate = f"{head[: PERSON_WIDTH - 1]}{number}"
            number += 1
        heads.append(candidate)
    return heads


class RaciBoard(Board):
    """space cycles R, A, C, I, blank; x clears; n jumps to the next violation; e edits."""

    DEFAULT_CSS = """
    RaciBoard { layout: vertical; }
    RaciBoard #raci-grid { height: 1fr; }
    RaciBoard #raci-caption { height: 1; padding: 0 1; background: $panel; }
    RaciBoard #raci-violations { height: auto; max-height: 3; padding: 0 1; color: $error; }
    RaciBoard #raci-violations.none { color: $success; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        command("space", "cycle", "Cycle", "people: Cycle RACI letter", id="raci-cycle"),
        command("x,delete", "clear", "Clear", "people: Clear RACI letter", id="raci-clear"),
        command("n", "violation(1)", "Next problem", "people: Next RACI violation",
                id="raci-next-violation"),
        command("N", "violation(-1)", "Previous problem", "people: Previous RACI violation",
                id="raci-previous-violation", show=False),
        record_edit(),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.items: list[Item] = []
        self.people: list[str] = []
        self.names: dict[str, str] = {}
        self.cells: dict[tuple[Item, str], list[Record]] = {}
        self.violations: dict[Item, RaciViolation] = {}

    def compose(self) -> ComposeResult:
        yield Matrix(id="raci-grid")
        yield Static("", id="raci-caption")
        yield Static("", id="raci-violations")

    @property
    def grid(self) -> Matrix:
        """Items x people."""
        return self.query_one(Matrix)

    def on_mount(self) -> None:
        self.refresh_data()
        self.grid.focus()

    def default_focus(self) -> Widget:
        return self.grid

    # ------------------------------------------------ reading

    def _task_order(self) -> list[Record]:
        """Tasks in WBS order (records order when the plan cannot be built)."""
        try:
            plan = planning.shared_plan(self.store.read_context())
        except (ScheduleError, KeyError):
            return self.store.records("tasks")
        return [task.record for task in plan.tasks]

    def refresh_data(self) -> None:
        store = self.store
        self.names = people_names(store)
        self.people = list(self.names)
        self.cells = {}
        assigned: set[Item] = set()
        for record in store.records("assignments"):
            item = assignment_item(record)
            if item is not None:
                assigned.add(item)
                self.cells.setdefault((item, str(record.get("person"))), []).append(record)
        titles: dict[Item, str] = {}
        for record in store.records("deliverables"):
            titles[("deliverables", str(record["key"]))] = str(record.get("title") or "")
        parents = {str(t.get("parent")) for t in store.records("tasks") if t.get("parent")}
        for record in self._task_order():
            item = ("tasks", str(record["key"]))
            if item[1] not in parents or item in assigned:
                titles[item] = str(record.get("title") or "")
        self.items = list(titles)
        _, violations = raci_of(store)
        self.violations = {v.item: v for v in violations}

        frozen = [MatrixColumn("Deliverable / task", ITEM_WIDTH, "left")]
        heads = initials([self.names[p] for p in self.people])
        columns = [MatrixColumn(head, PERSON_WIDTH, "left") for head in heads]
        body = []
        for item in self.items:
            violation = self.violations.get(item)
            label = MatrixCell(f"{item[1]} {titles[item]}", "bad" if violation else "")
            body.append([label, *(self._cell(item, person) for person in self.people)])
        self.grid.set_data(frozen, columns, body)
        self._show_violations()
        self._show_caption()

    def _letters(self, item: Item, person: str) -> list[str]:
        found = {str(r.get("responsibility")) for r in self.cells.get((item, person), [])}
        return [letter for letter in RESPONSIBILITIES if letter in found]

    def _cell(self, item: Item, person: str) -> MatrixCell:
        records = self.cells.get((item, person), [])
        if not records:
            return MatrixCell("·", "muted")
        letters = self._letters(item, person)
        violation = self.violations.get(item)
        if violation and "A" in letters and person in violation.accountable:
            return MatrixCell("/".join(letters), "bad")
        if not letters:
            return MatrixCell("-", "muted")  # assigned for hours only, no letter
        return MatrixCell("/".join(letters), "strong" if "A" in letters else "")

    def _describe(self, violation: RaciViolation) -> str:
        item = violation.item
        record = self.store.get(*item) or {}
        named = [self.names.get(p, p) for p in violation.accountable]
        return (
            f"{item[1]} {record.get('title', '')}: {describe_violation(named, violation.missing)}"
        )

    def _show_violations(self) -> None:
        line = self.query_one("#raci-violations", Static)
        problems = [self._describe(v) for item in self.items if (v := self.violations.get(item))]
        if not problems:
            line.update("Every deliverable and assigned task has one A and at least one R.")
        else:
            count = f"{len(problems)} violation{'s' if len(problems) != 1 else ''}"
            line.update(f"{count}: " + " · ".join(problems))
        line.set_class(not problems, "none")

    def _at(self) -> tuple[Item, str] | None:
        at = self.grid.cursor
        if at is None or at[0] >= len(self.items) or at[1] >= len(self.people):
            return None
        return self.items[at[0]], self.people[at[1]]

    def _show_caption(self) -> None:
        caption = self.query_one("#raci-caption", Static)
        at = self._at()
        if at is None:
            caption.update("No deliverables, tasks or people yet.")
            return
        item, person = at
        letters = "/".join(self._letters(item, person)) or "blank"
        record = self.store.get(*item) or {}
        title = str(record.get("title") or item[1])
        text = f"{title} × {self.names.get(person, person)}: {letters}"
        caption.update(text + " · space cycles R A C I blank")

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._show_caption()
        self.refresh_bindings()

    def focus_record(self, table: str, key: str) -> bool:
        if table in ITEM_FIELDS and (table, key) in self.items:
            at = self.grid.cursor
            self.grid.move_to(self.items.index((table, key)), at[1] if at else 0)
            self.grid.focus()
            return True
        if table == "assignments" and (record := self.store.get(table, key)) is not None:
            item, person = assignment_item(record), str(record.get("person"))
            if item in self.items and person in self.people:
                self.grid.move_to(self.items.index(item), self.people.index(person))
                self.grid.focus()
                return True
        return False

    # ------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "cycle":
            return self._at() is not None
        if action == "clear":
            at = self._at()
            return at is not None and bool(self.cells.get(at))
        if action == "violation":
            return bool(self.violations)
        return super().check_action(action, parameters)

    def chosen(self) -> Chosen | None:
        """The cell's (first) assignment."""
        at = self._at()
        records = self.cells.get(at, []) if at else []
        return Chosen("assignments", str(records[0]["key"])) if records else None

    def _set(self, item: Item, person: str, letter: str | None) -> None:
        """Give `person` the letter `letter` (None: none) on `item`, as one undoable step."""
        records = self.cells.get((item, person), [])
        store = self.store
        title = (self.store.get(*item) or {}).get("title") or item[1]
        label = f"RACI {title} × {self.names.get(person, person)}: {letter or 'blank'}"

        def change() -> None:
            with store.transaction(label):
                if not records and letter is not None:
                    field = ITEM_FIELDS[item[0]]
                    values = {"person": person, field: item[1], "responsibility": letter}
                    store.add("assignments", values)
                for record in records:
                    key = str(record["key"])
                    if letter is None and not record.get("allocation"):
                        store.delete("assignments", key)
                    else:
                        values = {"responsibility": letter or ""}
                        store.update("assignments", key, values, base=record)

        self.save(change, label.removeprefix("RACI "))

    def action_cycle(self) -> None:
        at = self._at()
        if at is not None:
            letters = self._letters(*at)
            self._set(*at, next_responsibility(letters[0] if letters else None))

    def action_clear(self) -> None:
        at = self._at()
        if at is not None:
            self._set(*at, None)

    def action_violation(self, step: int) -> None:
        if not self.violations or not self.items:
            return
        at = self.grid.cursor
        row = at[0] if at else 0
        count = len(self.items)
        for offset in range(1, count + 1):
            index = (row + step * offset) % count
            violation = self.violations.get(self.items[index])
            if violation is None:
                continue
            column = at[1] if at else 0
            if violation.accountable and violation.accountable[0] in self.people:
                column = self.people.index(violation.accountable[0])
            self.grid.move_to(index, column)
            return
