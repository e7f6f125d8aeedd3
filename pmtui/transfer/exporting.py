"""Exporting tables: records with computed fields, as JSON or CSV; private ones on request."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Collection, Sequence
from pathlib import Path

from pmtui import views
from pmtui.kinds import KINDS, export_value, to_text
from pmtui.schema import Record
from pmtui.store import Store, StoreError
from pmtui.store.atomic import atomic_write, remove_dead_temps
from pmtui.tables import dependency_order, load_all, record_type


class PrivateData(StoreError):
    """A private table was asked for without include_private."""


def table_records(store: Store, table: str, fields: Collection[str] | None = None) -> list[Record]:
    """The records of `table` with their computed fields filled in (the one read path).

    A value beyond its kind's bounds in a hand-edited file (a start in 9999, a duration of
    99,999,999 days) can make computing fail; then the stored records are given without
    their computed fields, so that show prints them and export rescues the data.
    """
    try:
        return views.rows(store, table, fields)
    except (ValueError, OverflowError, ArithmeticError, TypeError, RecursionError):
        return [dict(record) for record in store.records(table)]


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


#: What makes a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Text that is guarded: a formula start after any number of `'` (so that text which itself
#: begins with `'` before such a character also reads back exactly).
_GUARDED = re.compile("'*[=+\\-@\t\r]")


def formula_safe(text: str, *, numeric: bool = False) -> str:
    """A CSV cell a spreadsheet shows as text: `'` before text that would start a formula
    (`=1+2` -> `'=1+2`); a number (`-500`) is never touched. reading.unguarded undoes it."""
    return "'" + text if not numeric and _GUARDED.match(text) else text


def export_csv(store: Store, table: str, *, raw: bool = False) -> str:
    """One table as CSV: a header of field names, then each record in typed text; text
    cells that a spreadsheet would run as a formula start with `'` unless `raw`."""
    rt = record_type(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in rt.fields])
    numeric = [KINDS[f.kind].numeric for f in rt.fields]
    for record in table_records(store, table):
        cells = [to_text(f, record.get(f.name)) for f in rt.fields]
        if not raw:
            cells = [formula_safe(c, numeric=n) for c, n in zip(cells, numeric, strict=True)]
        writer.writerow(cells)
    return out.getvalue()


def holds_private(tables: Sequence[str]) -> bool:
    """Whether any of `tables` is private (its export must be written 0600)."""
    return any(record_type(t).private for t in tables)


def write_export(path: Path, text: str, *, private: bool) -> None:
    """Write an export atomically: 0600 when it holds private data, else the usual mode.
    What a killed export (or report) of the same file left beside it goes first."""
    remove_dead_temps(path)
    atomic_write(path, text.encode(), 0o600 if private else 0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0o077)
    os.umask(current)
    return current
