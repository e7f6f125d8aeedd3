"""Records as plain text for the terminal: a table of the schema's columns, or one record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pmtui.kinds import to_display
from pmtui.kinds.escapes import visible
from pmtui.schema import NUMERIC_KINDS, Field, RecordType

ELLIPSIS = "…"

__all__ = ["cell", "render_record", "render_table", "table_columns", "visible"]


def cell(f: Field, value: Any) -> str:
    """A stored value as a table shows it: on one line, control characters escaped."""
    return visible(to_display(f, value), lines=False)


def table_columns(rt: RecordType) -> list[Field]:
    """The fields shown as columns: those the schema gives a width."""
    return [f for f in rt.fields if f.width > 0]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


def render_table(
    rt: RecordType, records: Sequence[dict[str, Any]], width: int | None = None
) -> list[str]:
    """A header, a rule and one line per record; each line cut to `width` when given."""
    fields = table_columns(rt)
    cells = [[cell(f, record.get(f.name)) for f in fields] for record in records]
    widths = []
    for index, f in enumerate(fields):
        longest = max([len(f.title), *(len(row[index]) for row in cells)])
        widths.append(min(longest, max(f.width, len(f.title))))

    def line(values: Sequence[str]) -> str:
        parts = []
        for f, value, column_width in zip(fields, values, widths, strict=True):
            value = _fit(value, column_width)
            parts.append(
                value.rjust(column_width) if f.kind in NUMERIC_KINDS else value.ljust(column_width)
            )
        text = "  ".join(parts).rstrip()
        return _fit(text, width) if width else text

    rule = "  ".join("-" * w for w in widths)
    return [line([f.title for f in fields]), _fit(rule, width) if width else rule] + [
        line(row) for row in cells
    ]


def render_record(rt: RecordType, record: dict[str, Any], width: int | None = None) -> list[str]:
    """Every field of one record, one `Title: value` line each."""
    label_width = max(len(f.title) for f in rt.fields)
    lines = []
    for f in rt.fields:
        text = f"{f.title + ':':<{label_width + 1}} {cell(f, record.get(f.name))}".rstrip()
        lines.append(_fit(text, width) if width else text)
    return lines
