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
from pmtui.kinds.escapes import one_line, visible
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
    replaced = _filled_names(rt)
    for name, value in values.items():
        if name in replaced:
            filled[name] = value
    return filled


_FILLED: dict[int, tuple[RecordType, frozenset[str]]] = {}


def _filled_names(rt: RecordType) -> frozenset[str]:
    """The fields `fill` takes from the computed values (looked up once, not per record)."""
    known = _FILLED.get(id(rt))
    if known is None or known[0] is not rt:
        names = frozenset(rt.shown_computed) | {f.name for f in rt.fields if f.computed}
        known = _FILLED[id(rt)] = (rt, names)
    return known[1]


def rows(store: Readable, table: str, fields: Collection[str] | None = None) -> list[Record]:
    """Every record of `table` in order, with computed fields filled in (`fields`: only
    those the caller reads are sure to be; see computed)."""
    rt = record_type(table)
    records = store.records(table)
    if rt.compute is None:
        return records
    values = computed(store, table, fields)
    return [fill(rt, r, values.get(str(r.get("key")), {})) for r in records]


def labelled(store: Readable, table: str) -> list[Record]:
    """Every record of `table` with its label field there to read: a computed label (an
    occurrence's "Weekly stand-up 2026-12-07") filled in, a stored one as it is."""
    rt = record_type(table)
    if rt.has_field(rt.label_field) and rt.field(rt.label_field).computed:
        return rows(store, table, [rt.label_field])
    return store.records(table)


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
        names[table] = record_labels(labelled(store, table), record_type(table).label_field)
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


def record_detail(
    store: Readable,
    table: str,
    key: str,
    field: str | None = None,
    *,
    filled: bool = True,
    names: Names | None = None,
) -> list[tuple[str, str]]:
    """The chosen record's whole text as (label, text) pairs, for the line under a board:
    its name (label ""), the people it names (by name), its long texts (notes,
    description), each on one line with control characters written out. With `field`,
    that field alone (a setting's whole value). Empty when the record is gone."""
    rt = record_type(table)
    # Not `filled`: the record as stored, no computed field (nor the schedule) worked out.
    record = row(store, table, key) if filled else store.get(table, key)
    if record is None:
        return []

    def flat(text: str) -> str:
        return visible(" ".join(text.split()), lines=False)

    # The names of the records it refers to; `names` (one per revision) is filled as they
    # are looked up and kept by the caller, so a cursor move does not read them again.
    names = {} if names is None else names

    def shown(f: Field) -> str:
        target = None
        if f.kind in (Kind.REF, Kind.REFS):
            target = f.target or rt.table
        elif f.kind == Kind.RECORD and record.get(f.name):
            target = str(record[f.name]).partition(":")[0]
        if target is not None and target not in names and target in load_all():
            names[target] = record_labels(store.records(target), record_type(target).label_field)
        return flat(shown_text(rt, f, record.get(f.name), names))

    if field is not None and rt.has_field(field):
        return [(rt.field(field).title, shown(rt.field(field)))]
    parts: list[tuple[str, str]] = []
    label = rt.field(rt.label_field) if rt.has_field(rt.label_field) else None
    if label is not None:
        parts.append(("", shown(label)))
    # A record named by a reference (an assignment: its person) says what else it links.
    linking = label is not None and label.kind in (Kind.REF, Kind.REFS)
    for f in rt.fields:
        if f is label:
            continue
        reference = f.kind in (Kind.REF, Kind.REFS)
        if (reference and (f.target == "people" or linking)) or f.kind is Kind.LONG_TEXT:
            parts.append((f.title, shown(f)))
        elif f.kind is Kind.RECORD and not _private_target(record.get(f.name)):
            parts.append((f.title, shown(f)))  # where it came from (an action's source)
    return [part for part in parts if part[1]]


def _private_target(value: object) -> bool:
    """Whether a reference to any record points at a private table (never shown by its
    text: a performance note)."""
    table = str(value or "").partition(":")[0]
    found = load_all().get(table)
    return found is not None and found.private


#: How long a record's name may be in a message or a form's title.
NAME_WIDTH = 40


def short(text: str) -> str:
    """Text on one line, cut to NAME_WIDTH."""
    return _short(text)


def _short(text: str) -> str:
    return one_line(text, NAME_WIDTH)


def record_name(store: Readable, table: str, record: Record, *, typed: bool = False) -> str:
    """How messages name a record: its name or title ("Go-live", "Chen Wei"); a record
    without one by what it is for ("assignment for Chen Wei"), else "note N3". `typed`
    puts what it is in front of a name ("milestone Go-live")."""
    rt = record_type(table)
    label = rt.field(rt.label_field) if rt.has_field(rt.label_field) else None
    value = record.get(label.name) if label is not None else None
    if label is not None and label.computed and not value and record.get("key"):
        filled = row(store, table, str(record["key"]))
        value = filled.get(label.name) if filled is not None else None
    if label is not None and value and label.kind in (Kind.TEXT, Kind.LONG_TEXT):
        name = _short(str(value))
        return f"{rt.singular} {name}" if typed and not rt.singleton else name
    for f in rt.fields:
        if f.kind == Kind.REF and f.target and record.get(f.name):
            target = record_type(f.target)
            other = store.get(f.target, str(record[f.name]))
            if other is not None:
                return f"{rt.singular} for {record_name(store, target.table, other)}"
    return f"{rt.singular} {record.get('key', '')}".strip()


def reference_labels(store: Readable, table: str, fields: Collection[Field]) -> Names:
    """For each reference field of `fields` (by field name): key -> the name a form shows
    for it, with the key beside it where two share a name (schema.record_labels)."""
    by_target: Names = {}
    labels: Names = {}
    for f in fields:
        if f.kind not in (Kind.REF, Kind.REFS):
            continue
        target = f.target or table
        if target not in by_target:
            rt = record_type(target)
            by_target[target] = record_labels(labelled(store, target), rt.label_field)
        labels[f.name] = by_target[target]
    return labels


def _map_refs(values: dict[str, str], maps: Names) -> dict[str, str]:
    out = dict(values)
    for name, mapping in maps.items():
        text = out.get(name)
        if not text or not mapping:
            continue
        if text.strip() in mapping:  # one reference (a name may hold a ';')
            out[name] = mapping[text.strip()]
            continue
        parts = [part.strip() for part in text.split(";")]
        out[name] = "; ".join(mapping.get(part, part) for part in parts if part)
    return out


def refs_as_names(values: dict[str, str], labels: Names) -> dict[str, str]:
    """A form's texts with each reference's key replaced by the name shown for it."""
    return _map_refs(values, labels)


def refs_as_keys(values: dict[str, str], labels: Names) -> dict[str, str]:
    """A form's texts with each name shown for a reference replaced by its key again (what
    was typed otherwise is left for the store to match)."""
    reverse = {name: {label: key for key, label in keys.items()} for name, keys in labels.items()}
    return _map_refs(values, reverse)


def describe_records(
    store: Readable, items: Collection[tuple[str, str]], most: int = 3, parts_of: str = ""
) -> str:
    """Records as a message lists them, table by table: "deliverable Dry-run report",
    "2 tasks (Configure, Test), 6 assignments" (names where records have their own);
    records of the table `parts_of` are sub-records ("2 subtasks (Configure, Test)")."""
    by_table: dict[str, list[str]] = {}
    for table, key in items:
        by_table.setdefault(table, []).append(key)
    parts = []
    for table, keys in by_table.items():
        rt = record_type(table)
        noun = rt.singular if len(keys) == 1 else rt.table.replace("_", " ")
        noun = f"sub{noun}" if table == parts_of else noun
        label = rt.field(rt.label_field) if rt.has_field(rt.label_field) else None
        names = []
        if label is not None and label.kind in (Kind.TEXT, Kind.LONG_TEXT) and not rt.private:
            for key in keys[:most]:
                record = store.get(table, key)
                names.append(record_name(store, table, record) if record else key)
        if len(keys) == 1:
            parts.append(f"{noun} {names[0]}" if names else f"1 {noun}")
        elif names:
            more = ", …" if len(keys) > most else ""
            parts.append(f"{len(keys)} {noun} ({', '.join(names)}{more})")
        else:
            parts.append(f"{len(keys)} {noun}")
    return ", ".join(parts)
