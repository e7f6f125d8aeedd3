"""Today: what needs the manager, from every table's agenda declaration (schema.Agenda).

This is the one place Today's content is worked out; the Today board, the Actions board,
`pmtui today`, `pmtui done` and `pmtui snooze` all call it, and no table is named here: a
table appears on Today by declaring `agenda=Agenda(...)` on its RecordType.

The API (plain data in and out, no Textual):

- `today_items(store, days=None) -> list[Item]`: the items, in order: overdue (oldest
  first), due today, upcoming within the window (soonest first). A record is listed at
  most once, under the first of its table's `Due` entries that applies. An entry without a
  date (a task behind plan) counts as due today. `days` replaces the project's due-soon
  window (`due_soon_days`, 7 by default); an entry that declares its own `ahead` (a
  vendor's notice: 60 days) keeps the larger of the two.
- `today_json(store, days=None) -> dict`: CONTRACT's `today` shape, `{"as_of", "items"}`.
- `answer(store, days=None) -> dict`: all of the above as plain data (what `pmtui today`
  keeps in its cache, pmtui.todaycache: a board may read its first frame from there).
- `coming(store, days=None, count=3) -> list[Item]`: the next `count` dated items after
  the window, for a day with nothing due ("nothing due; next: ...").
- `done(store, table, key) -> Record`: marks a record done as its agenda says (an action:
  status done and done_on today), one undo step. Never decides anything: for a deliverable
  awaiting a decision (or any table whose agenda declares no `done`) it raises
  AgendaError with the agenda's `refuse` text ("... open it on its board").
- `snooze(store, table, key, when) -> Record`: writes the date typed in `when` (`fri`,
  `+3d`, `next week`, ISO...) into the agenda's `snooze` field, one undo step;
  AgendaError when the table cannot be snoozed or the date is before today; the store's
  RecordInvalid when `when` is not a date.
- `refresh(store, items, tables, days=None) -> list[Item]`: after done, snooze or quick
  add changed only `tables` (an action), the list again without re-reading the other
  tables (no schedule rebuilt for a key press); see its docstring for when it is right.
- `find(store, text) -> (table, key)`: `KEY` when unique across the agenda tables, else
  `TABLE/KEY`; AgendaError listing the tables when ambiguous or unknown.
- `quick_add(store, table, line) -> Record`: adds a record from one typed line
  (`Chase SAP licence quote @chen fri`): the text goes to the table's label field, the
  `@owner` to its agenda's owner field (resolved as any reference: a unique prefix of any
  word of a name), a trailing date word to its first dated `Due` field; one undo step.
  QuickAddError (a ValueError) or the store's RecordInvalid say what is wrong.
- `agenda_tables()`: the tables that declare an agenda, in area order.

Each `Item` carries its `table` and `key` (what done/snooze/enter need), the `board` that
opens it, `title` (for a private record only its agenda's title template, never its text),
`owner` (a key, as JSON keeps it) and `owner_name` (as people read it), `due` (ISO date or
None), `days_overdue` (negative when upcoming) and `group` ("overdue", "today",
"upcoming").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Protocol

from pmtui.context import Context, collector_paused
from pmtui.domain.quickadd import QuickAddError, parse_quick_add
from pmtui.kinds import ParseContext
from pmtui.schema import Agenda, Due, Kind, Record, RecordType, record_labels
from pmtui.tables import load_all, record_type
from pmtui.views import computed, labelled, row, shown_text

GROUPS = ("overdue", "today", "upcoming")
#: The due-soon window when the project sets none.
DEFAULT_WINDOW = 7
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_DIGITS = re.compile(r"(\d+)")


class AgendaError(ValueError):
    """Why a record cannot be found, marked done or snoozed; one line for the user."""


class Reading(Protocol):
    """What Today reads: the store's records, today, the project and its read context."""

    @property
    def today(self) -> date: ...

    @property
    def project(self) -> Record: ...

    def records(self, table: str) -> list[Record]: ...

    def get(self, table: str, key: str) -> Record | None: ...

    def read_context(self) -> Context: ...


class Writing(Reading, Protocol):
    """What done and snooze need besides: checked edits in one undoable transaction."""

    def transaction(self, label: str) -> AbstractContextManager[None]: ...

    def validate(
        self, table: str, raw: Mapping[str, object], key: str | None = None, *, rules: bool = True
    ) -> Record: ...

    def update(
        self,
        table: str,
        key: str,
        raw: Mapping[str, object],
        *,
        base: Mapping[str, Any] | None = None,
        label: str | None = None,
    ) -> Record: ...

    def add(self, table: str, raw: Mapping[str, object], label: str | None = None) -> Record: ...

    def context(self) -> ParseContext: ...


@dataclass(frozen=True)
class Item:
    """One line of Today."""

    group: str
    table: str
    key: str
    kind: str
    title: str
    owner: str | None
    due: str | None
    days_overdue: int
    board: str
    #: The owner as people read it (their name); not in the JSON shape.
    owner_name: str | None = None
    #: What a record of the table is called ("action"), for screens and text.
    singular: str = ""

    def to_json(self) -> dict[str, Any]:
        """CONTRACT's item: group, table, key, kind, title, owner (a key), due,
        days_overdue, board."""
        return {name: getattr(self, name) for name in _JSON_FIELDS}

    def as_dict(self) -> dict[str, Any]:
        """Every field, as `Item(**d)` rebuilds it (dataclasses.asdict's answer without
        its deep copy: the fields are text, numbers and None)."""
        return {name: getattr(self, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in fields(Item))
_JSON_FIELDS = tuple(name for name in _FIELDS if name not in ("owner_name", "singular"))


def agenda_tables() -> list[str]:
    """The tables that declare an agenda, in the order the areas declare them."""
    return [table for table, rt in load_all().items() if rt.agenda is not None]


def window(store: Reading, days: int | None = None) -> int:
    """Days ahead Today looks: `days`, else the project's due-soon window."""
    if days is not None:
        return max(0, days)
    found = store.project.get("due_soon_days")
    return int(found) if isinstance(found, int | float) else DEFAULT_WINDOW


# ---------------------------------------------------------------- reading


class _Names:
    """key -> name of the tables titles and owners refer to, built once per call."""

    def __init__(self, store: Reading) -> None:
        self.store = store
        self.cache: dict[str, dict[str, str]] = {}

    def of(self, table: str) -> dict[str, str]:
        if table not in self.cache:
            rt = load_all().get(table)
            found = record_labels(labelled(self.store, table), rt.label_field) if rt else {}
            self.cache[table] = found
        return self.cache[table]

    def shown(self, rt: RecordType, name: str, record: Record) -> str:
        """A field of `record` as people read it (a reference by name); "" when empty."""
        if not rt.has_field(name):
            return ""
        f = rt.field(name)
        value = record.get(name)
        if value is None or value == "" or value == []:
            return ""
        names: dict[str, dict[str, str]] = {}
        if f.kind in (Kind.REF, Kind.REFS):
            target = f.target or rt.table
            names[target] = self.of(target)
        elif f.kind == Kind.RECORD:
            target = str(value).partition(":")[0]
            names[target] = self.of(target)
        return shown_text(rt, f, value, names)


def _title(rt: RecordType, agenda: Agenda, record: Record, names: _Names) -> str:
    if agenda.title:
        return _FIELD.sub(lambda m: names.shown(rt, m.group(1), record), agenda.title).strip()
    if agenda.private or rt.private:
        return rt.singular  # never the record's text
    return names.shown(rt, rt.label_field, record) or str(record.get("key"))


def _as_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _reads(rt: RecordType, agenda: Agenda) -> frozenset[str]:
    """The computed fields the agenda may read: all but the costly forecast ones unless a
    Due's date names one."""
    wanted = {f.name for f in rt.fields if f.computed and not f.name.startswith("forecast")}
    wanted |= {due.date for due in agenda.due if due.date}
    return frozenset(wanted)


def _placed(
    due: Due, record: Record, today: date, days: int
) -> tuple[str, date | None, int] | None:
    """(group, date, days overdue) when `due` puts `record` on Today, else None."""
    if due.when is not None and not due.when(record):
        return None
    if not due.date:
        return "today", None, 0
    when = _as_date(record.get(due.date))
    if when is None:
        return ("today", None, 0) if due.undated else None
    late = (today - when).days
    ahead = days if due.ahead is None else max(days, due.ahead)
    if late > 0:
        return ("overdue", when, late) if due.overdue else None
    if late == 0:
        return "today", when, 0
    return ("upcoming", when, late) if -late <= ahead else None


def _rank(item: Item, order: dict[str, int]) -> tuple[Any, ...]:
    """Today's order: overdue oldest first, today, upcoming soonest first; then the tables
    in area order, then keys in natural order."""
    return (GROUPS.index(item.group), -item.days_overdue, order[item.table], _natural(item.key))


def _items(store: Reading, days: int, only: Collection[str] | None = None) -> list[Item]:
    # Like the read models it reads: many objects, no cycles, a big plan alive beside them.
    with collector_paused():
        return _worked_out(store, days, only)


def _worked_out(store: Reading, days: int, only: Collection[str] | None) -> list[Item]:
    today = store.today
    names = _Names(store)
    found: list[tuple[tuple[Any, ...], Item]] = []
    for order, table in enumerate(agenda_tables()):
        if only is not None and table not in only:
            continue
        rt = record_type(table)
        agenda = rt.agenda
        assert agenda is not None
        records = store.records(table)
        if not records:
            continue
        values = computed(store, table, _reads(rt, agenda)) if rt.compute else {}
        # views.fill's rule, with the names looked up once (not per record and field).
        taken = {f.name for f in rt.fields if f.computed} | set(rt.shown_computed)
        board = agenda.board or rt.board
        for record in records:
            shown = record
            extra = values.get(str(record["key"]))
            if extra:
                shown = {**record, **{k: v for k, v in extra.items() if k in taken}}
            for due in agenda.due:
                placed = _placed(due, shown, today, days)
                if placed is None:
                    continue
                group, when, late = placed
                owner = str(shown.get(agenda.owner) or "") or None if agenda.owner else None
                item = Item(
                    group=group,
                    table=table,
                    key=str(record["key"]),
                    kind=due.kind,
                    title=_title(rt, agenda, shown, names),
                    owner=owner,
                    due=when.isoformat() if when else None,
                    days_overdue=late,
                    board=board,
                    owner_name=names.shown(rt, agenda.owner, shown) or None if owner else None,
                    singular=rt.singular,
                )
                found.append(((GROUPS.index(group), -late, order, _natural(item.key)), item))
                break
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _natural(key: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(key))


def today_items(store: Reading, days: int | None = None) -> list[Item]:
    """Today's items in order: overdue oldest first, due today, upcoming soonest first
    (`days`: the window; default the project's due-soon window)."""
    return _items(store, window(store, days))


def refresh(
    store: Reading, items: Sequence[Item], tables: Collection[str], days: int | None = None
) -> list[Item]:
    """`items` with those of `tables` worked out again (after done, snooze or quick add
    changed only records of `tables`), in Today's order. Cheap where the full list is not:
    the other tables' items (a 10k-task plan's) are kept as they were. Only right when no
    other table's items read the changed ones (true of every table without computed
    fields that no computed field reads: actions, notes, candidates, roles, requests,
    leave, vendors, deliverables); else call today_items again."""
    order = {table: n for n, table in enumerate(agenda_tables())}
    kept = [item for item in items if item.table not in tables]
    fresh = _items(store, window(store, days), only=set(tables))
    return sorted([*kept, *fresh], key=lambda item: _rank(item, order))


def refreshed_tables(changes: Iterable[Any]) -> set[str] | None:
    """The tables whose items `refresh` must work out again after `changes` (pmtui.changes
    Change: .table), or None when only the full list is right. Full when a change touches
    a table without an agenda (people's names, the project's window) or one with computed
    fields (tasks, milestones: the schedule); else the changed tables and every agenda
    table whose titles or owners may name their records (a reference to them, or to any
    record, as an action's source does)."""
    tables = load_all()
    changed = {str(change.table) for change in changes}
    for name in changed:
        rt = tables.get(name)
        if rt is None or rt.agenda is None or rt.compute is not None:
            return None
    found = set(changed)
    for name in agenda_tables():
        for f in tables[name].fields:
            if f.kind == Kind.RECORD or (
                f.kind in (Kind.REF, Kind.REFS) and (f.target or name) in changed
            ):
                found.add(name)
    return found


def today_json(store: Reading, days: int | None = None) -> dict[str, Any]:
    """CONTRACT's `today` shape: {"as_of", "items": [...]}."""
    return {
        "as_of": store.today.isoformat(),
        "items": [item.to_json() for item in today_items(store, days)],
    }


def answer(store: Reading, days: int | None = None) -> dict[str, Any]:
    """Everything Today shows, as plain data (what `pmtui today` caches): {"project",
    "time_zone", "as_of", "window", "items", "coming"}, items as dicts (`Item(**d)`
    rebuilds one), `coming` only on a day with no items."""
    items = today_items(store, days)
    later = [] if items else coming(store, days)
    return {
        "project": str(store.project.get("name") or ""),
        "time_zone": store.project.get("time_zone"),
        "as_of": store.today.isoformat(),
        "window": window(store, days),
        "items": [i.as_dict() for i in items],
        "coming": [i.as_dict() for i in later],
    }


def coming(store: Reading, days: int | None = None, count: int = 3) -> list[Item]:
    """The next `count` dated items after the window (a quiet day shows what comes next)."""
    reach = window(store, days)
    later = _items(store, 36500)
    return [i for i in later if i.group == "upcoming" and -i.days_overdue > reach][:count]


# ---------------------------------------------------------------- finding and changing


def find(store: Reading, text: str) -> tuple[str, str]:
    """The (table, key) `text` names: `KEY` when unique across the agenda tables, else
    `TABLE/KEY`; AgendaError when there is none, or several."""
    wanted = text.strip()
    if "/" in wanted:
        table, _, key = wanted.partition("/")
        if table not in load_all():
            raise AgendaError(f"no table {table!r}; tables on Today: {', '.join(agenda_tables())}")
        if store.get(table, key) is None:
            raise AgendaError(f"no {record_type(table).singular} {key!r} in {table}")
        return table, key
    hits = [table for table in agenda_tables() if store.get(table, wanted) is not None]
    if len(hits) == 1:
        return hits[0], wanted
    if hits:
        listed = ", ".join(f"{table}/{wanted}" for table in hits)
        raise AgendaError(f"{wanted!r} is a key in {len(hits)} tables: write one of {listed}")
    raise AgendaError(f"no record with key {wanted!r} in {', '.join(agenda_tables())}")


def title_of(store: Reading, table: str, key: str) -> str:
    """The record's title as Today shows it (a private record's only its template)."""
    rt, agenda = _agenda(table)
    record = row(store, table, key)
    if record is None:
        raise AgendaError(f"no {rt.singular} {key!r} in {table}")
    return _title(rt, agenda, record, _Names(store))


def _agenda(table: str) -> tuple[RecordType, Agenda]:
    rt = record_type(table)
    if rt.agenda is None:
        raise AgendaError(f"{table} has no agenda: its records are never on Today")
    return rt, rt.agenda


def done(store: Writing, table: str, key: str) -> Record:
    """Mark the record done as its table's agenda says, as one undoable step; returns it.
    AgendaError when the agenda declares no `done` (a decision is made on the board)."""
    rt, agenda = _agenda(table)
    record = store.get(table, key)
    if record is None:
        raise AgendaError(f"no {rt.singular} {key!r} in {table}")
    if not agenda.done and not agenda.done_on:
        reason = agenda.refuse or "it cannot be marked done from Today"
        raise AgendaError(f"{rt.singular} {key}: {reason}")
    values: dict[str, Any] = dict(agenda.done)
    today = store.today.isoformat()
    # A recurring record (a comms plan entry) declares only done_on: done once per day.
    finished = all(record.get(name) == value for name, value in values.items())
    if finished and (values or record.get(agenda.done_on) == today):
        raise AgendaError(f"{rt.singular} {key} is done already")
    if agenda.done_on:
        values[agenda.done_on] = today
    return store.update(table, key, values, label=f"done {rt.singular} {key}")


def snooze(store: Writing, table: str, key: str, when: str) -> Record:
    """Move the record's agenda date to the day typed in `when` (fri, +3d, next week...),
    as one undoable step; returns it. AgendaError when the table cannot be snoozed or the
    day is before today; RecordInvalid (the store's) when `when` is not a date."""
    rt, agenda = _agenda(table)
    if store.get(table, key) is None:
        raise AgendaError(f"no {rt.singular} {key!r} in {table}")
    if not agenda.snooze:
        reason = agenda.refuse or "change its dates on its board"
        raise AgendaError(f"a {rt.singular} cannot be snoozed: {reason}")
    checked = store.validate(table, {agenda.snooze: when}, key, rules=False)
    moved = _as_date(checked.get(agenda.snooze))
    if moved is None:
        raise AgendaError(f"{when!r} is not a date")
    if moved < store.today:
        raise AgendaError(f"{moved.isoformat()} is before today ({store.today.isoformat()})")
    return store.update(
        table,
        key,
        {agenda.snooze: moved.isoformat()},
        label=f"snooze {rt.singular} {key} to {moved.isoformat()}",
    )


def quick_add(store: Writing, table: str, line: str) -> Record:
    """Add a record of `table` from one quick-add line (see the module's docstring)."""
    rt, agenda = _agenda(table)
    ctx = store.context()
    said = parse_quick_add(
        line,
        store.today,
        calendar=ctx.calendar,
        date_order=ctx.date_order,
        fiscal_start_month=ctx.fiscal_start_month,
    )
    values: dict[str, object] = {rt.label_field: said.text}
    if said.owner is not None:
        if not agenda.owner:
            raise QuickAddError(f"a {rt.singular} has no owner to give with @{said.owner}")
        values[agenda.owner] = said.owner
    if said.due is not None:
        dated = [due.date for due in agenda.due if due.date and not rt.field(due.date).computed]
        if not dated:
            raise QuickAddError(f"a {rt.singular} takes no date: leave out the date word")
        values[dated[0]] = said.due.isoformat()
    return store.add(table, values, label=f"add {rt.singular}")


def relative(days_overdue: int, due: str | None) -> str:
    """How late or how soon, as people say it: "3 days late", "today", "in 2 days"."""
    if due is None or days_overdue == 0:
        return "today"
    if days_overdue == 1:
        return "1 day late"
    if days_overdue > 1:
        return f"{days_overdue} days late"
    if days_overdue == -1:
        return "tomorrow"
    return f"in {-days_overdue} days"


__all__ = [
    "GROUPS",
    "AgendaError",
    "Item",
    "QuickAddError",
    "agenda_tables",
    "answer",
    "coming",
    "done",
    "find",
    "quick_add",
    "refresh",
    "relative",
    "snooze",
    "title_of",
    "today_items",
    "today_json",
    "window",
]
