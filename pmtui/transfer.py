"""CSV and JSON import and export of project tables, driven by the schema; pure, no printing."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmtui.kinds import FieldError, export_value, parse_value, to_text
from pmtui.schema import Field, RecordType, dependency_order, load_all, record_type, referrers
from pmtui.store import Change, RecordInvalid, Store, StoreError
from pmtui.store.atomic import atomic_write
from pmtui.store.editing import ref_keys

Record = dict[str, Any]
FORMATS = ("csv", "json")


class ImportProblem(StoreError):
    """A file that cannot be imported as a whole; nothing was changed.

    The message reads "FILE: row N, column C: reason" (CSV, header = row 1) or
    "FILE: TABLE record N, field F: reason" (JSON).
    """

    def __init__(
        self,
        source: str,
        reason: str,
        *,
        row: int | None = None,
        column: str | None = None,
        table: str | None = None,
        json_records: bool = False,
    ) -> None:
        self.source = source
        self.reason = reason
        self.row = row
        self.column = column
        self.table = table
        where = []
        if row is not None:
            where.append(f"{table} record {row}" if json_records else f"row {row}")
        if column is not None:
            where.append(f"field {column}" if json_records else f"column {column}")
        super().__init__(f"{source}: {', '.join(where) + ': ' if where else ''}{reason}")


class PrivateData(StoreError):
    """A private table was asked for without include_private."""


@dataclass
class Row:
    """One record of an import file: field name -> raw value, and where it came from."""

    number: int
    values: dict[str, object]


@dataclass
class TableRows:
    """The rows of one table read from an import file."""

    table: str
    rows: list[Row]
    #: Field name -> the column (header) as the file spells it, for messages.
    columns: dict[str, str] = field(default_factory=dict)
    json_records: bool = False


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


# ---------------------------------------------------------------- columns


def _normalise(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch not in " _-\t")


def match_field(rt: RecordType, header: str) -> Field | None:
    """The field a column header names: its name or its label, case and spaces ignored."""
    wanted = _normalise(header)
    for f in rt.fields:
        if _normalise(f.name) == wanted:
            return f
    for f in rt.fields:
        if _normalise(f.title) == wanted:
            return f
    return None


def _unknown_field(rt: RecordType, header: str) -> str:
    known = ", ".join(f.name for f in rt.fields)
    return f"{rt.table} has no field {header!r} (fields: {known})"


# ---------------------------------------------------------------- reading files


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(str(path), f"cannot read it: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            path.name, f"is not UTF-8 text (byte {error.start}); save it as UTF-8 CSV"
        ) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in ",;\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(path: Path, table: str) -> TableRows:
    """Read a CSV file whose header names the fields of `table`."""
    rt = _table(path.name, table)
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        lines = list(reader)
    except csv.Error as error:
        raise ImportProblem(path.name, f"not valid CSV ({error})", row=reader.line_num) from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportProblem(path.name, "is empty; its first row must name the columns")
    fields: list[Field | None] = []
    columns: dict[str, str] = {}
    for header in lines[0]:
        f = match_field(rt, header)
        if f is None:
            raise ImportProblem(path.name, _unknown_field(rt, header), row=1, column=header)
        if f.name in columns:
            raise ImportProblem(
                path.name, f"names {f.name} twice (also {columns[f.name]!r})", row=1, column=header
            )
        columns[f.name] = header
        fields.append(None if f.computed else f)
    rows: list[Row] = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(fields) and any(c.strip() for c in cells[len(fields) :]):
            raise ImportProblem(
                path.name,
                f"has {len(cells)} cells but the header names {len(fields)} columns",
                row=number,
            )
        values: dict[str, object] = {
            f.name: cells[i] if i < len(cells) else "" for i, f in enumerate(fields) if f
        }
        rows.append(Row(number, values))
    return TableRows(rt.table, rows, columns)


def read_json(path: Path, table: str | None = None) -> list[TableRows]:
    """Read `{"table": [records]}` (several tables allowed); a bare list needs `table`."""
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            path.name,
            f"is not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})",
        ) from None
    if isinstance(data, list) and table:
        data = {table: data}
    if not isinstance(data, dict):
        raise ImportProblem(path.name, 'must hold {"table": [records, ...]}')
    out: list[TableRows] = []
    for name, records in data.items():
        if table and name != table:
            continue
        rt = _table(path.name, name)
        if not isinstance(records, list):
            raise ImportProblem(path.name, f"{name} must be a list of records")
        rows = []
        columns: dict[str, str] = {}
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                raise ImportProblem(path.name, f"{name} record {number} is not an object")
            values: dict[str, object] = {}
            for name_in_file, value in record.items():
                f = match_field(rt, name_in_file)
                if f is None:
                    raise ImportProblem(
                        path.name,
                        _unknown_field(rt, name_in_file),
                        row=number,
                        column=name_in_file,
                        table=name,
                        json_records=True,
                    )
                columns.setdefault(f.name, name_in_file)
                if not f.computed:
                    values[f.name] = value
            rows.append(Row(number, values))
        out.append(TableRows(rt.table, rows, columns, json_records=True))
    if table and not out:
        raise ImportProblem(path.name, f"holds no {table} records")
    return out


def _table(source: str, name: str) -> RecordType:
    if name.startswith("_"):
        raise ImportProblem(source, f"{name} is internal; it cannot be imported")
    try:
        return record_type(name)
    except KeyError as error:
        raise ImportProblem(source, str(error.args[0])) from None


def read_import(path: Path, table: str | None = None) -> list[TableRows]:
    """Read an import file: JSON by its `.json` suffix, else CSV (table: `table` or the stem)."""
    if path.suffix.lower() == ".json":
        return read_json(path, table)
    if table is None and path.stem not in load_all():
        raise ImportProblem(path.name, "add --table TABLE: the file's name does not name a table")
    return [read_csv(path, table or path.stem)]


# ---------------------------------------------------------------- importing


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
                if key not in gone and doomed[table].intersection(ref_keys(f, record.get(f.name))):
                    gone.add(key)
                    queue.append(rt.table)
    for table, keys in doomed.items():
        for rt, f in referrers(table):
            gone = doomed.get(rt.table, set())
            for record in store.records(rt.table):
                hit = keys.intersection(ref_keys(f, record.get(f.name)))
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


# ---------------------------------------------------------------- exporting


def table_records(store: Store, table: str) -> list[Record]:
    """The records of `table` with their computed fields filled in."""
    rt = record_type(table)
    records = store.records(table)
    if rt.compute is not None:
        computed = rt.compute(records, store.project)
        for record in records:
            record.update(computed.get(str(record["key"]), {}))
    return records


def export_records(store: Store, table: str) -> list[Record]:
    """Every field of every record as exported: lists as typed text, empty as None."""
    rt = record_type(table)
    return [
        {f.name: export_value(f, record.get(f.name)) for f in rt.fields}
        for record in table_records(store, table)
    ]


def choose_tables(
    tables: Sequence[str] | None, *, include_private: bool
) -> tuple[list[str], list[str]]:
    """(tables to export, private tables left out); None means every table.

    A private table named explicitly without include_private raises PrivateData.
    """
    if tables is None:
        registry = load_all()
        everything = dependency_order(sorted(t for t in registry if not t.startswith("_")))
        chosen = [t for t in everything if include_private or not registry[t].private]
        return chosen, [t for t in everything if t not in chosen]
    for name in tables:
        rt = record_type(name)
        if rt.private and not include_private:
            raise PrivateData(
                f"{name} holds private records; add --include-private to let them out"
            )
    return list(tables), []


def export_json(store: Store, tables: Sequence[str]) -> str:
    """`{"table": [records]}` with sorted keys and indent 2."""
    data = {table: export_records(store, table) for table in tables}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_csv(store: Store, table: str) -> str:
    """One table as CSV: a header of field names, then each record in typed text."""
    rt = record_type(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in rt.fields])
    for record in table_records(store, table):
        writer.writerow([to_text(f, record.get(f.name)) for f in rt.fields])
    return out.getvalue()


def holds_private(tables: Sequence[str]) -> bool:
    """Whether any of `tables` is private (its export must be written 0600)."""
    return any(record_type(t).private for t in tables)


def write_export(path: Path, text: str, *, private: bool) -> None:
    """Write an export atomically: 0600 when it holds private data, else the usual mode."""
    atomic_write(path, text.encode(), 0o600 if private else 0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0o077)
    os.umask(current)
    return current
