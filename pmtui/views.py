"""The one read path: records as people see them, computed fields filled in.

Boards, `pmtui show`, export and search all read here, so a summary task shows the same
rolled-up duration and status everywhere and a milestone its forecast. The computed values
of a table are worked out once per revision of the file (the store's read context).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection
from typing import Any, Protocol, cast

from pmtui.context import Context
from pmtui.kinds import to_display
from pmtui.schema import Compute, Field, Kind, Record, RecordType, record_labels
from pmtui.tables import load_all, record_type


def record_singular(table: str) -> str:
    """What one record of `table` is called ("risk"); the table's name when undeclared."""
    found = load_all().get(table)
    return found.singular if found is not None else table


class Readable(Protocol):
    """What the read path needs from the store."""

    def records(self, table: str) -> list[Record]: ...

    def get(self, table: str, key: str) -> Record | None: ...

    def read_context(self) -> Context: ...


#: Compute functions that take `fields` (the computed fields wanted) and may skip the rest.
_PARTIAL: dict[Compute, bool] = {}

PartialCompute = Callable[..., dict[str, dict[str, Any]]]


def _takes_fields(compute: Compute) -> bool:
    known = _PARTIAL.get(compute)
    if known is None:
        known = _PARTIAL[compute] = "fields" in inspect.signature(compute).parameters
    return known


def computed(
    store: Readable, table: str, fields: Collection[str] | None = None
) -> dict[str, dict[str, Any]]:
    """The computed fields of every record of `table`, by key (built once per revision).

    `fields`: the only fields the caller reads (`pmtui show` prints a few columns); a
    compute function that takes `fields` may leave the others out (the tasks' forecast).
    Every field is there when the whole model is built already or `fields` is None."""
    rt = record_type(table)
    compute = rt.compute
    if compute is None:
        return {}
    context = store.read_context()
    whole = ("computed", table)
    if fields is None or context.has_model(whole) or not _takes_fields(compute):
        return context.model(whole, lambda ctx: compute(ctx, ctx.records(table)))
    wanted = frozenset(fields)
    partial = cast(PartialCompute, compute)
    return context.model(
        ("computed", table, wanted),
        lambda ctx: partial(ctx, ctx.records(table), fields=wanted),
    )


def fill(rt: RecordType, record: Record, values: dict[str, Any]) -> Record:
    """`record` with its computed fields (a computed value replaces the stored one of the
    fields the declaration names in shown_computed)."""
    filled = dict(record)
    for name, value in values.items():
        if name in rt.shown_computed or rt.field(name).computed:
            filled[name] = value
    return filled


def rows(store: Readable, table: str, fields: Collection[str] | None = None) -> list[Record]:
    """Every record of `table` in order, with computed fields filled in (`fields`: only
    those the caller reads are sure to be; see computed)."""
    rt = record_type(table)
    records = store.records(table)
    if rt.compute is None:
        return records
    values = computed(store, table, fields)
    return [fill(rt, r, values.get(str(r.get("key")), {})) for r in records]


def row(store: Readable, table: str, key: str) -> Record | None:
    """One record with its computed fields, or None."""
    rt = record_type(table)
    record = store.get(table, key)
    if record is None or rt.compute is None:
        return record
    return fill(rt, record, computed(store, table).get(key, {}))


#: A table -> key -> the name people read for a reference (see reference_names).
Names = dict[str, dict[str, str]]


def reference_names(store: Readable, rt: RecordType) -> Names:
    """For each table a shown reference of `rt` points at: key -> the record's name (its
    label field), with the key beside it where two records share the name."""
    targets = {
        f.target or rt.table
        for f in rt.references()
        if f.width > 0 and f.kind in (Kind.REF, Kind.REFS)
    }
    if any(f.width > 0 and f.kind == Kind.RECORD for f in rt.references()):
        # A reference to any record: the tables its records point at now.
        for record in store.records(rt.table):
            for f in rt.references():
                if f.kind == Kind.RECORD and record.get(f.name):
                    targets.add(str(record[f.name]).partition(":")[0])
    targets = {t for t in targets if t in load_all()}
    names: Names = {}
    for table in targets:
        names[table] = record_labels(store.records(table), record_type(table).label_field)
    return names


def shown_text(rt: RecordType, f: Field, value: object, names: Names | None = None) -> str:
    """A field's value as people read it: a reference by the name of what it points at
    where `names` has one (else its key), anything else as the kind displays it."""
    if f.kind == Kind.RECORD and value:
        table, _, key = str(value).partition(":")
        shown = (names or {}).get(table, {}).get(key)
        return f"{record_singular(table)} {shown}" if shown else str(value)
    labels = (names or {}).get(f.target or rt.table)
    if labels and value and f.kind in (Kind.REF, Kind.REFS):
        keys = value if isinstance(value, list) else [value]
        return "; ".join(labels.get(str(key), str(key)) for key in keys)
    return to_display(f, value)
