"""Applying an import: rows staged in dependency order as one transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmtui.kinds import FieldError, parse_value
from pmtui.store import Change, RecordInvalid, Store
from pmtui.store.references import ref_keys
from pmtui.tables import dependency_order, record_type, referrers
from pmtui.transfer.reading import ImportProblem, Row, TableRows, read_import

Record = dict[str, Any]


@dataclass
class ImportResult:
    """How many records of each table an import added, updated and deleted."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, what: dict[str, int], table: str) -> None:
        """Count one record of `table` under `what`."""
        what[table] = what.get(table, 0) + 1

    def summary(self) -> str:
        """One line: 'people: 3 added, 1 updated, 0 deleted; project: 1 updated'."""
        tables = list(dict.fromkeys([*self.added, *self.updated, *self.deleted, *self.unchanged]))
        if not tables:
            return "nothing to import"
        return "; ".join(
            f"{t}: {self.added.get(t, 0)} added, {self.updated.get(t, 0)} updated, "
            f"{self.deleted.get(t, 0)} deleted"
            for t in tables
        )


def import_file(
    store: Store, path: Path, *, table: str | None = None, replace: bool = False
) -> ImportResult:
    """Import a CSV or JSON file as one transaction (one write, one undo step), or nothing."""
    return import_tables(
        store, path.name, read_import(path, table), replace=replace, label=f"import {path.name}"
    )


@dataclass
class _Planned:
    row: Row
    key: str
    new: bool


def import_tables(
    store: Store, source: str, tables: Sequence[TableRows], *, replace: bool, label: str
) -> ImportResult:
    """Apply rows to the store in dependency order: update by key, add the rest, all or nothing.

    New records are staged first with their keys and names, so rows may refer to rows
    later in the same file; then every row is parsed in full and staged over them.
    """
    by_name = {t.table: t for t in tables}
    order = dependency_order(list(by_name))
    result = ImportResult()
    plans: dict[str, list[_Planned]] = {}
    try:
        with store.transaction(label):
            for name in order:
                plans[name] = _stage_placeholders(store, source, by_name[name])
            for name in order:
                _stage_records(store, source, by_name[name], plans[name], result)
            if replace:
                _delete_missing(store, source, plans, result)
    except RecordInvalid as error:
        # The rules across records run once, at the commit: name the row that broke one.
        row = next((p.row for p in plans.get(error.table, []) if p.key == error.key), None)
        if row is None or not error.errors:
            raise
        name, reason = next(iter(error.errors.items()))
        raise _problem(source, by_name[error.table], row, name, reason) from None
    return result


def _problem(source: str, rows: TableRows, row: Row, name: str, reason: str) -> ImportProblem:
    return ImportProblem(
        source,
        reason,
        row=row.number,
        column=rows.columns.get(name, name),
        table=rows.table,
        json_records=rows.json_records,
    )


def _stage_placeholders(store: Store, source: str, rows: TableRows) -> list[_Planned]:
    rt = record_type(rows.table)
    ctx = store.context()
    plan: list[_Planned] = []
    seen: dict[str, int] = {}
    # Keys match whatever their case, as references do: `p1` in a file updates P1.
    existing = {str(r["key"]).lower(): str(r["key"]) for r in store.records(rt.table)}
    singleton_key = next(iter(existing.values()), None) if rt.singleton else None
    for row in rows.rows:
        try:
            key = parse_value(rt.field("key"), row.values.get("key"), ctx)
        except FieldError as error:
            raise _problem(source, rows, row, "key", str(error)) from None
        if singleton_key is not None:
            if key not in (None, singleton_key):
                reason = f"{rt.table} has one record, whose key is {singleton_key}"
                raise _problem(source, rows, row, "key", reason)
            key = singleton_key
        if key is not None:
            key = existing.get(key.lower(), key)
            if key.lower() in seen:
                where = "record" if rows.json_records else "row"
                reason = f"{key} appears twice in {rt.table} (also {where} {seen[key.lower()]})"
                raise _problem(source, rows, row, "key", reason)
        if key is not None and key.lower() in existing:
            plan.append(_Planned(row, key, new=False))
        else:
            key = key or store.next_key(rt.table)
            placeholder: Record = {"key": key}
            label = row.values.get(rt.label_field)
            if rt.has_field(rt.label_field) and label is not None:
                try:
                    placeholder[rt.label_field] = parse_value(rt.field(rt.label_field), label, ctx)
                except FieldError as error:
                    raise _problem(source, rows, row, rt.label_field, str(error)) from None
            # Not generated_key: other rows of this import may already refer to this key.
            store.stage(Change(rt.table, None, placeholder))
            plan.append(_Planned(row, key, new=True))
        seen[key.lower()] = row.number
    return plan


def _stage_records(
    store: Store, source: str, rows: TableRows, plan: list[_Planned], result: ImportResult
) -> None:
    table = rows.table
    parsed: list[tuple[_Planned, Record]] = []
    # Parse every row before staging any, so reference lookups are built once per table.
    for planned in plan:
        raw = {name: value for name, value in planned.row.values.items() if name != "key"}
        try:
            if planned.new:
                record = store.parse_new(table, raw, replaces=planned.key, rules=False)
                record = {**record, "key": planned.key}
            else:
                record = store.validate(table, raw, planned.key, rules=False)
        except RecordInvalid as error:
            name, reason = next(iter(error.errors.items()))
            raise _problem(source, rows, planned.row, name, reason) from None
        parsed.append((planned, record))
    for planned, record in parsed:
        if planned.new:
            store.stage(Change(table, None, record))
            result.count(result.added, table)
            continue
        current = store.require(table, planned.key)
        if record == current:
            result.count(result.unchanged, table)
        else:
            store.stage(Change(table, current, record))
            result.count(result.updated, table)


def _delete_missing(
    store: Store, source: str, plans: dict[str, list[_Planned]], result: ImportResult
) -> None:
    """Delete what the file's tables do not hold, checking references once for all (linear;
    one Store.delete per record would rescan every referring table each time)."""
    doomed: dict[str, set[str]] = {}
    for table, plan in plans.items():
        if not record_type(table).singleton:
            keep = {planned.key for planned in plan}
            doomed[table] = {str(r["key"]) for r in store.records(table)} - keep
    # Deleting a record deletes the records it owns (Field.owner), as Store.delete does.
    queue = [table for table, keys in doomed.items() if keys]
    while queue:
        table = queue.pop()
        for rt, f in referrers(table):
            if not f.owner:
                continue
            gone = doomed.setdefault(rt.table, set())
            for record in store.records(rt.table):
                key = str(record["key"])
                if key not in gone and doomed[table].intersection(
                    ref_keys(f, record.get(f.name), table)
                ):
                    gone.add(key)
                    queue.append(rt.table)
    for table, keys in doomed.items():
        for rt, f in referrers(table):
            gone = doomed.get(rt.table, set())
            for record in store.records(rt.table):
                hit = keys.intersection(ref_keys(f, record.get(f.name), table))
                if hit and str(record["key"]) not in gone:
                    raise ImportProblem(
                        source,
                        f"--replace would delete {table} {sorted(hit)[0]}, to which "
                        f"{rt.table} {record['key']} refers ({f.name}); nothing was changed",
                    )
    for table, keys in doomed.items():
        for record in store.records(table):
            if str(record["key"]) in keys:
                store.stage(Change(table, record, None))
                result.count(result.deleted, table)
