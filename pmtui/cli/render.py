"""Records as plain text for the terminal: a table of the schema's columns, or one record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pmtui.kinds.escapes import has_control, visible
from pmtui.schema import NUMERIC_KINDS, Field, RecordType
from pmtui.views import Names, shown_text

ELLIPSIS = "…"

__all__ = ["cell", "render_record", "render_table", "table_columns", "visible"]


def cell(rt: RecordType, f: Field, value: Any, names: Names | None = None) -> str:
    """A stored value as a table shows it (references by name): on one line, control
    characters escaped."""
    return visible(shown_text(rt, f, value, names), lines=False)


def table_columns(rt: RecordType) -> list[Field]:
    """The fields shown as columns: those the schema gives a width."""
    return [f for f in rt.fields if f.width > 0]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


def render_table(
    rt: RecordType,
    records: Sequence[dict[str, Any]],
    width: int | None = None,
    names: Names | None = None,
) -> list[str]:
    """A header, a rule and one line per record; references by name where `names`
    (views.reference_names) has one. With a terminal `width`, cells are cut to their
    columns, the columns the space is left to widen first (the name, then the rest) and
    each line cut to the width; without one (a pipe, a file, --wide) nothing is cut."""
    fields = table_columns(rt)
    cells = _cells(rt, fields, records, names)
    longest = [
        max([len(f.title), *(len(row[index]) for row in cells)]) for index, f in enumerate(fields)
    ]
    if width is None:
        widths = longest
    else:
        widths = [min(n, max(f.width, len(f.title))) for n, f in zip(longest, fields, strict=True)]
        spare = width - (sum(widths) + 2 * (len(widths) - 1))
        first = [i for i, f in enumerate(fields) if f.name == rt.label_field]
        for index in first + [i for i in range(len(fields)) if i not in first]:
            if spare <= 0:
                break
            grow = min(spare, longest[index] - widths[index])
            widths[index] += grow
            spare -= grow

    right = [f.kind in NUMERIC_KINDS for f in fields]

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, column_width, numeric in zip(values, widths, right, strict=True):
            if len(value) > column_width:
                value = _fit(value, column_width)
            parts.append(value.rjust(column_width) if numeric else value.ljust(column_width))
        text = "  ".join(parts).rstrip()
        return _fit(text, width) if width else text

    rule = "  ".join("-" * w for w in widths)
    return [line([f.title for f in fields]), _fit(rule, width) if width else rule] + [
        line(row) for row in cells
    ]


def _cells(
    rt: RecordType, fields: list[Field], records: Sequence[dict[str, Any]], names: Names | None
) -> list[list[str]]:
    """Each record's cells as `cell` makes them, worked out a column at a time: an empty
    value is '' and a value is shown once per distinct value (thousands of rows repeat a
    status, a date, a duration); escaping runs only when some cell needs it."""
    columns = []
    for f in fields:
        shown: dict[tuple[type, Any], str] = {}  # by type too: 1, 1.0 and True differ
        column = []
        for record in records:
            value = record.get(f.name)
            if value is None:
                column.append("")
                continue
            try:
                text = shown.get((type(value), value))
            except TypeError:  # a list: not hashable
                column.append(shown_text(rt, f, value, names))
                continue
            if text is None:
                text = shown[type(value), value] = shown_text(rt, f, value, names)
            column.append(text)
        columns.append(column)
    rows = [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in records]
    if any(has_control(text) for column in columns for text in set(column)):
        rows = [[visible(text, lines=False) for text in row] for row in rows]
    return rows


def render_record(
    rt: RecordType, record: dict[str, Any], width: int | None = None, names: Names | None = None
) -> list[str]:
    """Every field of one record, one `Title: value` line each (references by name)."""
    label_width = max(len(f.title) for f in rt.fields)
    lines = []
    for f in rt.fields:
        value = cell(rt, f, record.get(f.name), names)
        text = f"{f.title + ':':<{label_width + 1}} {value}".rstrip()
        lines.append(_fit(text, width) if width else text)
    return lines
