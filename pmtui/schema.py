"""Declarative record types: each table is declared once and drives forms, tables, I/O and docs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pmtui.context import Context, Reader, Record

__all__ = [
    "Agenda",
    "Compute",
    "Due",
    "Field",
    "Kind",
    "Reader",
    "Record",
    "RecordType",
    "Rules",
    "register",
]


class Kind(StrEnum):
    """What a field holds; each kind has one spec (parser, formatters, docs) in pmtui.kinds."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    EMAIL = "email"
    URL = "url"
    DATE = "date"
    DATES = "dates"
    DATETIME = "datetime"
    MONTH = "month"
    MONEY = "money"
    NUMBER = "number"
    INTEGER = "integer"
    PERCENT = "percent"
    RATING = "rating"
    DURATION = "duration"
    #: Clock time, stored as whole minutes (a meeting's length: 45m, 1h30).
    LENGTH = "length"
    CHOICE = "choice"
    REF = "ref"
    REFS = "refs"
    #: A reference to a record of any table, stored as "table:key" (an action's source).
    RECORD = "record"
    LINKS = "links"
    BOOL = "bool"
    RECURRENCE = "recurrence"
    TAGS = "tags"
    WEEKDAYS = "weekdays"


# The flags below are pmtui.kinds' table read for modules that take them from the schema (the
# schema sits below the kinds and cannot import them); a test keeps both in step.
#: Kinds whose stored value is a JSON list; exports write them in their typed text syntax.
LIST_KINDS = frozenset({Kind.DATES, Kind.REFS, Kind.LINKS, Kind.TAGS, Kind.WEEKDAYS})
#: Kinds shown right-aligned in tables.
NUMERIC_KINDS = frozenset(
    {
        Kind.MONEY,
        Kind.NUMBER,
        Kind.INTEGER,
        Kind.PERCENT,
        Kind.RATING,
        Kind.DURATION,
        Kind.LENGTH,
    }
)

#: Kinds whose values point at other records (kept whole on rename and delete).
REFERENCE_KINDS = frozenset({Kind.REF, Kind.REFS, Kind.LINKS, Kind.RECORD})

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")


@dataclass(frozen=True)
class Field:
    """One field of a record type: its kind, rules, default and help."""

    name: str
    kind: Kind
    label: str = ""
    required: bool = False
    #: A value, or a callable taking the parse context (for "today"-relative defaults).
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    #: Target table of a ref/refs field.
    target: str | None = None
    #: A ref to the parent record: deleting the parent deletes this record too.
    owner: bool = False
    #: A ref to the record this one is part of (a subtask's summary, a deliverable's
    #: milestone): deleting that record takes this one along only when asked to.
    part_of: bool = False
    minimum: float | None = None
    maximum: float | None = None
    #: Column width in tables; 0 hides the field from the default columns.
    width: int = 12
    #: Computed fields are exported, shown, and ignored on import; never typed in forms.
    computed: bool = False

    @property
    def title(self) -> str:
        """The label people see: the explicit one, else the name in words."""
        return self.label or self.name.replace("_", " ").capitalize()


#: Rules across records: (context, records of one table) -> {position in records: {field:
#: message}}, only for records that break a rule. Given many records at once, so a rule
#: builds its lookups once per change set rather than once per record. The context reads
#: the project as the change being checked leaves it.
Rules = Callable[[Context, Sequence[Record]], dict[int, dict[str, str]]]
#: Computed fields: (context, records of one table) -> {key: {field: value}}.
Compute = Callable[[Context, Sequence[Record]], dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class Due:
    """One reason a record needs the manager on Today: a date (a field, input or computed,
    by name; "" for none, which counts as today), a condition, and how far ahead it shows."""

    #: Why it is on Today (the `kind` of `pmtui today --json`): "due", "slipping", ...
    kind: str
    #: The field whose date makes the record due; "" when the record has no date of its
    #: own (it then counts as due today).
    date: str = ""
    #: Only records for which this holds (given the record with its computed fields).
    when: Callable[[Record], bool] | None = None
    #: The condition in words, for docs/FORMAT.md ("critical and not done").
    about: str = ""
    #: Days ahead it appears; None: the project's due-soon window (`due_soon_days`).
    ahead: int | None = None
    #: Whether it stays on Today, overdue, once the date has passed (leave that started
    #: yesterday does not).
    overdue: bool = True
    #: Whether a record whose date field is empty is due today (an action without a due
    #: date) rather than not on Today at all (a note without a follow-up).
    undated: bool = False


@dataclass(frozen=True)
class Agenda:
    """When a table's records need the manager: the declaration Today, `pmtui today`,
    `done` and `snooze` read (pmtui.agenda), so that no table is special-cased there.

    A record is on Today under the first of `due` that applies to it (its condition
    holds and its date is past or within `ahead` days); at most once."""

    due: tuple[Due, ...]
    #: The title Today shows: a template of field names ("follow up with {person}";
    #: references shown by name); "": the record's label field.
    title: str = ""
    #: The field naming who acts (a reference to people, or text); "": nobody.
    owner: str = "owner"
    #: What `done` writes: (field, value) pairs; empty: `done` refuses with `refuse`.
    done: tuple[tuple[str, Any], ...] = ()
    #: A date field `done` sets to today; alone (no `done` pairs) it makes a recurring
    #: record done for today (a comms plan entry: its next due date moves on).
    done_on: str = ""
    #: Why `done` refuses (a decision is made on the record's board, never by `done`).
    refuse: str = ""
    #: The date field a snooze writes; "": the record cannot be snoozed.
    snooze: str = ""
    #: The record's text is private: Today shows only the `title` template, never the
    #: label field or any other field (the table's own `private` implies it).
    private: bool = False
    #: The board that opens the record ("area.board"); "": the table's board.
    board: str = ""
    #: A board action (its name without `action_`) that offers the decision `done`
    #: refuses: `x` on Today opens the record on its board and runs it there, so the
    #: manager chooses (a change: approve or reject); `x` itself never decides.
    decide: str = ""


@dataclass(frozen=True)
class RecordType:
    """A table's declaration: name, fields, key prefix and how people refer to its records."""

    table: str
    singular: str
    key_prefix: str
    fields: tuple[Field, ...]
    #: The field that names a record (references accept it when unique).
    label_field: str = "title"
    #: Private tables (performance notes) never leave without --include-private.
    private: bool = False
    #: A one-row table (the project itself).
    singleton: bool = False
    #: "area.board" where a record of this table is shown, for search and Today jumps.
    board: str = ""
    help: str = ""
    #: Fills computed fields from the context; set by pmtui.tables from the area's services
    #: (a declaration names its computed fields; the service that knows how fills them).
    compute: Compute | None = field(default=None, compare=False)
    #: Input fields a computed value replaces when shown (a summary task's duration, percent
    #: and status roll up from its tasks): the read path shows the computed value when the
    #: compute function gives one for the record.
    shown_computed: tuple[str, ...] = ()

    #: Rules across fields: record -> {field: message}; empty when the record is fine.
    check: Callable[[Record], dict[str, str]] | None = field(default=None, compare=False)
    #: Rules across records (uniqueness, limits set by other records), enforced by the store
    #: both when input is checked and when a change set lands, so every way in obeys them.
    #: Set by pmtui.tables from the area's services, beside the read models they use.
    rules: Rules | None = field(default=None, compare=False)
    #: When its records need the manager (Today, `pmtui today`, `done`, `snooze`).
    agenda: Agenda | None = field(default=None, compare=False)

    def field(self, name: str) -> Field:
        """The field called `name`; KeyError if the type has none."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    def has_field(self, name: str) -> bool:
        """Whether the type declares a field called `name`."""
        return any(candidate.name == name for candidate in self.fields)

    @property
    def input_fields(self) -> tuple[Field, ...]:
        """Fields people type (everything but computed fields)."""
        return tuple(f for f in self.fields if not f.computed)

    def references(self) -> Iterator[Field]:
        """The fields that point at other records."""
        return (f for f in self.fields if f.kind in REFERENCE_KINDS)


def dates_in_order(record: Record, first: str, then: str, named: str) -> dict[str, str]:
    """The record-check rule 'field `then` is not before field `first`' (ISO dates compare
    as text); `named` words the first date in the message: "the start"."""
    start, finish = record.get(first), record.get(then)
    if start and finish and finish < start:
        return {then: f"{finish} is before {named} {start}"}
    return {}


KEY_FIELD = Field(
    "key",
    Kind.TEXT,
    label="Key",
    help="Short unique id, generated when left empty (e.g. T12); renaming updates references.",
    width=6,
)

#: Every declared table; complete only once pmtui.tables.load_all() has imported each area's
#: record modules (use pmtui.tables.record_type to look one up).
REGISTRY: dict[str, RecordType] = {}


def register(record_type: RecordType) -> RecordType:
    """Add a record type to the registry; its first field is always `key`."""
    if record_type.table in REGISTRY:
        raise ValueError(f"table {record_type.table!r} is declared twice")
    if not record_type.fields or record_type.fields[0].name != "key":
        record_type = RecordType(
            **{**record_type.__dict__, "fields": (KEY_FIELD, *record_type.fields)}
        )
    REGISTRY[record_type.table] = record_type
    return record_type


def record_labels(records: Iterable[Record], field: str) -> dict[str, str]:
    """key -> the record's name (its `field`; the key when empty), or "name (key)" where
    two records share a name (case aside): how references are shown to people."""
    items = [(str(r["key"]), str(r.get(field) or r["key"])) for r in records]
    counts: dict[str, int] = {}
    for _, name in items:
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    return {key: name if counts[name.casefold()] == 1 else f"{name} ({key})" for key, name in items}
