"""What the team got done since the last report, from the activity log, in sentences:
"Finished 3 tasks: A, B, C", "Approved change Xyz" — never raw log lines.

Only the moves listed in MOVES count, and only while the record still shows them (a task
marked done and then undone is not reported); where a record keeps the day the move was
made (a task's actual finish, a baseline's date), a day on or before the last report means
the work is older than the log entry (a plan imported with finished tasks, the demo built)
and is not reported. Private tables (performance notes) are not
in MOVES and never appear. Plain data in (log entries as pmtui.store.journal reads them, a
reader of the project now), plain data out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pmtui.schema import Reader, Record


@dataclass(frozen=True)
class Move:
    """A change worth reporting: a field of a table reaching one of `values` (or, with
    `added`, a new record), said as "`verb` `noun`"."""

    table: str
    verb: str
    noun: str
    field: str = "status"
    values: tuple[str, ...] = ()
    added: bool = False
    #: The record's field holding the day the move was made; "": it keeps none.
    dated: str = ""

    def matches(self, op: str, fields: dict[str, Any], record: Record) -> bool:
        """Whether a logged change made this move and the record still shows it."""
        if self.added:
            return op == "add"
        if self.field not in fields:
            return False
        now = record.get(self.field)
        if not self.values:  # any value: a vendor chosen
            return bool(fields[self.field]) and bool(now)
        return fields[self.field] in self.values and now in self.values


#: The moves reported, in the order the sentences come.
MOVES = (
    Move("milestones", "Reached", "milestone", values=("done",)),
    Move("deliverables", "Accepted", "deliverable", values=("accepted",), dated="decided_on"),
    Move("deliverables", "Submitted", "deliverable", values=("submitted",), dated="submitted_on"),
    Move("tasks", "Finished", "task", values=("done",), dated="actual_finish"),
    Move("changes", "Approved", "change", values=("approved",), dated="decided_on"),
    Move("changes", "Implemented", "change", values=("implemented",)),
    Move("changes", "Rejected", "change", values=("rejected",), dated="decided_on"),
    Move("comparisons", "Decided", "vendor comparison", field="chosen_vendor", dated="decided_on"),
    Move("vendors", "Contracted", "vendor", values=("contracted",), dated="contract_start"),
    Move("issues", "Resolved", "issue", values=("resolved", "closed")),
    Move("risks", "Closed", "risk", values=("closed",)),
    Move("actions", "Completed", "action", values=("done",), dated="done_on"),
    Move("decisions", "Recorded", "decision", added=True, dated="date"),
    Move("baselines", "Saved", "baseline", added=True, dated="date"),
)
#: The field that names a record of each reported table.
_LABELS = {"actions": "text", "decisions": "decision", "baselines": "name", "vendors": "name"}
#: At most this many names in one sentence; the rest are counted.
NAMES_SHOWN = 5


def entry_time(entry: dict[str, Any]) -> datetime | None:
    """When a log entry was written (UTC), None when it does not say."""
    try:
        stamp = datetime.fromisoformat(str(entry.get("time", "")).replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def in_period(entry: dict[str, Any], since: date | None, until: date | None) -> bool:
    """Whether the entry was written after the day `since` and not after the day `until`
    (None: open-ended)."""
    stamp = entry_time(entry)
    if stamp is None:
        return False
    day = stamp.date()
    return (since is None or day > since) and (until is None or day <= until)


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def day_made(reader: Reader, move: Move, record: Record) -> date | None:
    """The day the record says the move was made, None when it keeps none. A milestone
    is reached when the last of its tasks finished (None while one has no actual finish)."""
    if move.table == "milestones":
        tasks = [reader.get("tasks", str(k)) or {} for k in record.get("tasks") or []]
        days = [_day(task.get("actual_finish")) for task in tasks]
        return max(d for d in days if d) if days and all(days) else None
    return _day(record.get(move.dated)) if move.dated else None


def moved(
    reader: Reader, entries: Sequence[dict[str, Any]], since: date | None, until: date | None
) -> dict[Move, list[str]]:
    """Move -> the keys of the records that made it in the period (first time first)."""
    found: dict[Move, list[str]] = {}
    wanted = {m.table for m in MOVES}
    current: dict[tuple[str, str], Record | None] = {}
    for entry in entries:
        if not in_period(entry, since, until):
            continue
        for change in entry.get("changes") or []:
            if not isinstance(change, dict) or change.get("table") not in wanted:
                continue
            table, key = str(change["table"]), str(change.get("key"))
            if (table, key) not in current:
                current[(table, key)] = reader.get(table, key)
            record = current[(table, key)]
            if record is None:  # deleted since
                continue
            fields = change.get("fields") or {}
            for move in MOVES:
                if move.table != table or not move.matches(str(change.get("op")), fields, record):
                    continue
                made = day_made(reader, move, record) if since is not None else None
                if since is None or made is None or made > since:
                    keys = found.setdefault(move, [])
                    if key not in keys:
                        keys.append(key)
    return found


def _name(reader: Reader, table: str, key: str) -> str:
    record = reader.get(table, key) or {}
    return str(record.get(_LABELS.get(table, "title")) or key)


def sentence(move: Move, names: Sequence[str]) -> str:
    """'Approved change Xyz', 'Finished 3 tasks: A, B, C', '... and 2 more'."""
    if len(names) == 1:
        return f"{move.verb} {move.noun} {names[0]}"
    shown = ", ".join(names[:NAMES_SHOWN])
    more = f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"{move.verb} {len(names)} {move.noun}s: {shown}{more}"


def accomplishments(
    reader: Reader,
    entries: Sequence[dict[str, Any]],
    since: date | None,
    until: date | None = None,
) -> list[str]:
    """The sentences, in MOVES order: what was done after `since` up to `until`."""
    found = moved(reader, entries, since, until)
    return [
        sentence(move, [_name(reader, move.table, key) for key in found[move]])
        for move in MOVES
        if move in found
    ]


__all__ = ["MOVES", "Move", "accomplishments", "entry_time", "in_period", "moved", "sentence"]
