"""The Reports area's rule across records (pmtui.tables attaches RULES): one issued report
per date, so a date's snapshot is the report of that date (`--as-of`) without doubt."""

from __future__ import annotations

from collections.abc import Sequence

from pmtui.context import Context
from pmtui.schema import Record

Errors = dict[int, dict[str, str]]


def snapshot_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A snapshot's date is not another snapshot's."""
    holders: dict[str, set[str]] = {}
    for other in ctx.records("report_snapshots"):
        holders.setdefault(str(other.get("date")), set()).add(str(other.get("key")))
    errors: Errors = {}
    for index, record in enumerate(records):
        others = holders.get(str(record.get("date")), set()) - {str(record.get("key"))}
        if others:
            errors[index] = {
                "date": f"a report was issued on {record.get('date')} already "
                f"({', '.join(sorted(others))}); issuing again replaces that one"
            }
    return errors


RULES = {"report_snapshots": snapshot_rules}
RULES_WATCH = {"report_snapshots": ("date",)}
