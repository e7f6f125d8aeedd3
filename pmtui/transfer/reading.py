"""Reading import files: CSV (one table) and JSON ({"table": [records]}) into rows per table."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pmtui.kinds import KINDS
from pmtui.schema import Field, RecordType
from pmtui.store import StoreError
from pmtui.store.file_data import StrictJSONError, strict_json
from pmtui.tables import load_all, record_type


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


#: A cell that export guarded against formulas (exporting.formula_safe): `'` then any
#: further `'` and a formula start.
_GUARDED = re.compile("'+[=+\\-@\t\r]")


def unguarded(cell: str) -> str:
    """A CSV text cell as it was before export guarded it: `'=1+2` -> `=1+2`. Only a `'`
    before a formula start is taken off, so `'quoted` stays as it is."""
    return cell[1:] if _GUARDED.match(cell) else cell


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
            f.name: _cell(f, cells[i] if i < len(cells) else "") for i, f in enumerate(fields) if f
        }
        rows.append(Row(number, values))
    return TableRows(rt.table, rows, columns)


def _cell(f: Field, text: str) -> str:
    return text if KINDS[f.kind].numeric else unguarded(text)


def read_json(path: Path, table: str | None = None) -> list[TableRows]:
    """Read `{"table": [records]}` (several tables allowed); a bare list needs `table`."""
    text = _read_text(path)
    try:
        data = strict_json(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            path.name,
            f"is not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})",
        ) from None
    except StrictJSONError as error:
        raise ImportProblem(path.name, str(error)) from None
    except ValueError:
        raise ImportProblem(path.name, "holds a number of more than 4300 digits") from None
    except RecursionError:
        raise ImportProblem(path.name, "is nested too deeply") from None
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
