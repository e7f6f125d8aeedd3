"""Meetings as people see them: each series expanded in its time zone and merged with the
occurrences stored for it (opened, moved, cancelled, held), the next occurrence of each
meeting (computed fields, which bring meetings to Today), and the steps that open, move,
cancel and close an occurrence, each one undoable step through the store.

Plain data in and out; reads through a Reader (the store or a rule's context), writes
through the store's Writer. Local date-times are stored as `YYYY-MM-DDTHH:MM` in the
meeting's zone (pmtui.kinds' datetime kind); the API hands out aware datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pmtui import clock
from pmtui.changes import Writer
from pmtui.context import Context
from pmtui.domain import recurrence
from pmtui.schema import Reader, Record

Errors = dict[int, dict[str, str]]
#: Statuses whose occurrence takes place (or took place).
TAKING_PLACE = ("planned", "held", "moved")
#: How far ahead `next_on` looks for a meeting's next occurrence (a yearly one included).
LOOK_AHEAD_DAYS = 400
#: The shorter look `meeting_next` takes first (a weekly or monthly meeting is found there).
FIRST_LOOK_DAYS = 31


class MeetingError(ValueError):
    """Why a step on a meeting cannot be taken; one line for the user."""


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a meeting, stored or only worked out from its series."""

    meeting_key: str
    title: str
    kind: str
    #: The series time it stands for (RECURRENCE-ID), aware in the meeting's zone.
    scheduled: datetime
    #: When it takes place (differs when moved), aware in the meeting's zone.
    start: datetime
    end: datetime
    location: str
    status: str
    #: The stored row's key; None while nothing happened to it.
    occurrence_key: str | None
    has_minutes: bool
    #: Open actions raised in it.
    open_actions: int

    @property
    def time_zone(self) -> str:
        """The IANA zone its times are in."""
        return str(self.start.tzinfo)


# ---------------------------------------------------------------- reading


def local_text(moment: datetime) -> str:
    """A datetime as the file stores local times: `2026-12-07T09:00` (no zone)."""
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


def parse_local(text: str) -> datetime:
    """A stored local date-time (`2026-12-07T09:00`), naive."""
    return datetime.fromisoformat(str(text)).replace(tzinfo=None, second=0, microsecond=0)


def _named(store: Writer, meeting_key: str, when: str) -> str:
    """An occurrence as an undo step and the log name it: "Stand-up of Mon 2026-11-30 09:00"."""
    meeting = store.get("meetings", meeting_key) or {}
    return f"{meeting.get('title') or meeting_key} of {parse_local(when):%a %Y-%m-%d %H:%M}"


def _occurrence_named(store: Writer, occurrence_key: str) -> str:
    row = store.require("occurrences", occurrence_key)
    return _named(store, str(row.get("meeting")), str(row.get("scheduled") or row.get("start")))


def zone_name(meeting: Record, project: Record) -> str:
    """The meeting's time zone: its own, else the project's, else the machine's; UTC when
    none of those names a zone."""
    for name in _zones_to_try(meeting, project):
        if name:
            try:
                recurrence.zone_of(str(name))
            except ValueError:
                continue
            return str(name)
    return "UTC"


def _zones_to_try(meeting: Record, project: Record) -> Iterator[object]:
    """The meeting's zone, the project's, then the machine's: the machine's is looked up
    (a path resolved on disk) only when neither of the others names a zone."""
    yield meeting.get("time_zone")
    yield project.get("time_zone")
    yield clock.machine_zone()


def _project(reader: Reader) -> Record:
    found = reader.records("project")
    return found[0] if found else {}


def _until(meeting: Record) -> date | None:
    until = meeting.get("until")
    return date.fromisoformat(str(until)) if until else None


def _rows_by_meeting(reader: Reader) -> dict[str, list[Record]]:
    rows: dict[str, list[Record]] = {}
    for row in reader.records("occurrences"):
        rows.setdefault(str(row.get("meeting")), []).append(row)
    return rows


def _open_actions(reader: Reader) -> dict[str, int]:
    counts: dict[str, int] = {}
    for action in reader.records("actions"):
        table, _, key = str(action.get("source") or "").partition(":")
        if table == "occurrences" and (action.get("status") or "open") == "open":
            counts[key] = counts.get(key, 0) + 1
    return counts


def occurrences(reader: Reader | Context, start: date, end: date) -> list[Occurrence]:
    """Every occurrence from `start` to `end` (whole days, in each meeting's zone), in
    order of when they take place: series times with nothing stored as planned, stored
    rows with their status (cancelled ones included, at their series time; moved ones at
    their new time, wherever their series time was)."""
    project = _project(reader)
    rows = _rows_by_meeting(reader)
    actions = _open_actions(reader)
    found: list[Occurrence] = []
    for meeting in reader.records("meetings"):
        if meeting.get("start"):
            found.extend(_of_meeting(meeting, project, rows, actions, start, end))
    return sorted(found, key=lambda o: (o.start, o.title, o.meeting_key))


def _of_meeting(
    meeting: Record,
    project: Record,
    rows: dict[str, list[Record]],
    actions: dict[str, int],
    start: date,
    end: date,
) -> list[Occurrence]:
    try:
        return _expanded(meeting, project, rows, actions, start, end)
    except (ValueError, TypeError, OverflowError, KeyError):
        # A hand-edited file may hold a start, recurrence or length no reader takes: that
        # meeting is left out of the lists (its record still shows as stored) rather than
        # breaking Today and every board.
        return []


def _expanded(
    meeting: Record,
    project: Record,
    rows: dict[str, list[Record]],
    actions: dict[str, int],
    start: date,
    end: date,
) -> list[Occurrence]:
    key = str(meeting["key"])
    zone_text = zone_name(meeting, project)
    zone = recurrence.zone_of(zone_text)
    stored = {str(row.get("scheduled")): row for row in rows.get(key, []) if row.get("scheduled")}
    series = recurrence.expand(
        str(meeting.get("recurrence") or ""),
        parse_local(meeting["start"]),
        zone_text,
        start,
        end,
        until=_until(meeting),
    )
    found = [
        _occurrence(meeting, moment, moment, "planned", None, actions)
        for moment in series
        if local_text(moment) not in stored
    ]
    for scheduled_text, row in stored.items():
        try:
            scheduled = recurrence.localize(parse_local(scheduled_text), zone)
            status = str(row.get("status") or "planned")
            taking = scheduled
            if status != "cancelled" and row.get("start"):
                taking = recurrence.localize(parse_local(row["start"]), zone)
        except ValueError:  # a hand-edited time no reader takes: that row is left out
            continue
        if start <= taking.date() <= end:
            found.append(_occurrence(meeting, scheduled, taking, status, row, actions))
    return found


def _occurrence(
    meeting: Record,
    scheduled: datetime,
    start: datetime,
    status: str,
    row: Record | None,
    actions: dict[str, int],
) -> Occurrence:
    length = int(meeting.get("length") or 30)
    row_key = str(row["key"]) if row is not None else None
    return Occurrence(
        meeting_key=str(meeting["key"]),
        title=str(meeting.get("title") or meeting["key"]),
        kind=str(meeting.get("kind") or "other"),
        scheduled=scheduled,
        start=start,
        end=start + timedelta(minutes=length),
        location=str(meeting.get("location") or ""),
        status=status,
        occurrence_key=row_key,
        has_minutes=bool(row is not None and str(row.get("minutes") or "").strip()),
        open_actions=actions.get(row_key, 0) if row_key else 0,
    )


def next_occurrence(reader: Reader, meeting: Record, today: date) -> Occurrence | None:
    """The meeting's first occurrence that takes place today or later (not cancelled)."""
    window = occurrences_of(reader, meeting, today, today + timedelta(days=LOOK_AHEAD_DAYS))
    return next((o for o in window if o.status != "cancelled"), None)


def occurrences_of(reader: Reader, meeting: Record, start: date, end: date) -> list[Occurrence]:
    """One meeting's occurrences from `start` to `end` (see `occurrences`)."""
    rows = {str(meeting["key"]): _rows_for(reader, str(meeting["key"]))}
    found = _of_meeting(meeting, _project(reader), rows, _open_actions(reader), start, end)
    return sorted(found, key=lambda o: (o.start, o.meeting_key))


def _rows_for(reader: Reader, meeting_key: str) -> list[Record]:
    return [r for r in reader.records("occurrences") if str(r.get("meeting")) == meeting_key]


def when_where(occurrence: Occurrence) -> str:
    """`09:00-09:15, Room 2`: its time (and place) as Today and the boards show it."""
    hours = f"{occurrence.start:%H:%M}-{occurrence.end:%H:%M}"
    return f"{hours}, {occurrence.location}" if occurrence.location else hours


def occurrence_name(reader: Reader, row: Record) -> str:
    """`Weekly stand-up 2026-12-07`: how references and messages name an occurrence."""
    meeting = reader.get("meetings", str(row.get("meeting") or ""))
    title = str(meeting.get("title") or meeting["key"]) if meeting else str(row.get("meeting"))
    when = str(row.get("start") or row.get("scheduled") or "")[:10]
    return f"{title} {when}".strip()


# ---------------------------------------------------------------- computed fields and rules


def meeting_next(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: each meeting's next occurrence's date and its time and place."""
    out: dict[str, dict[str, Any]] = {}
    project, rows = ctx.project, _rows_by_meeting(ctx)  # read once for every meeting
    end = ctx.today + timedelta(days=LOOK_AHEAD_DAYS)
    # Most meetings meet within a month: look there first, the whole look-ahead only when
    # nothing takes place in it. The first month's occurrences are the whole window's up
    # to its end (stored rows are all read either way), so the first of them is the same.
    soon = ctx.today + timedelta(days=FIRST_LOOK_DAYS)
    for meeting in records:
        if not meeting.get("start"):
            continue
        found = None
        for last in (soon, end):
            window = sorted(
                _of_meeting(meeting, project, rows, {}, ctx.today, last), key=lambda o: o.start
            )
            found = next((o for o in window if o.status != "cancelled"), None)
            if found is not None:
                break
        if found is not None:
            out[str(meeting["key"])] = {
                "next_on": found.start.date().isoformat(),
                "next_at": when_where(found),
            }
    return out


def occurrence_names(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: each occurrence's name, the meeting's title and its date."""
    return {str(r["key"]): {"name": occurrence_name(ctx, r)} for r in records}


def occurrence_rules(reader: Reader, records: Sequence[Record]) -> Errors:
    """One occurrence row per meeting and series time (its RECURRENCE-ID)."""
    taken: dict[tuple[str, str], str] = {}
    for row in reader.records("occurrences"):
        taken.setdefault((str(row.get("meeting")), str(row.get("scheduled"))), str(row["key"]))
    errors: Errors = {}
    for index, record in enumerate(records):
        pair = (str(record.get("meeting")), str(record.get("scheduled")))
        other = taken.get(pair)
        if other is not None and other != str(record.get("key")):
            errors[index] = {
                "scheduled": f"{pair[1]} of {pair[0]} is occurrence {other} already; open that one"
            }
    return errors


RULES = {"occurrences": occurrence_rules}
RULES_WATCH = {"occurrences": ("meeting", "scheduled")}
COMPUTED = {"meetings": meeting_next, "occurrences": occurrence_names}


# ---------------------------------------------------------------- writing


def _series_time(store: Writer, meeting_key: str, scheduled: datetime | str) -> str:
    """`scheduled` as stored, checked to be a time of the meeting's series."""
    meeting = store.require("meetings", meeting_key)
    wanted = parse_local(scheduled) if isinstance(scheduled, str) else scheduled
    zone_text = zone_name(meeting, store.project)
    if wanted.tzinfo is not None:
        wanted = wanted.astimezone(recurrence.zone_of(zone_text))
    naive = wanted.replace(tzinfo=None)
    day = naive.date()
    series = recurrence.expand(
        str(meeting.get("recurrence") or ""),
        parse_local(meeting["start"]),
        zone_text,
        day,
        day,
        until=_until(meeting),
    )
    if all(moment.replace(tzinfo=None) != naive for moment in series):
        title = meeting.get("title") or meeting_key
        raise MeetingError(f"{title} does not take place at {local_text(naive)}")
    return local_text(naive)


def _find(store: Writer, meeting_key: str, scheduled: str) -> Record | None:
    return next(
        (r for r in _rows_for(store, meeting_key) if str(r.get("scheduled")) == scheduled), None
    )


def open_occurrence(store: Writer, meeting_key: str, scheduled: datetime | str) -> str:
    """The key of the meeting's occurrence at the series time `scheduled`, stored first
    (planned) when it is not yet; one undo step. MeetingError when the series has no
    such time."""
    when = _series_time(store, meeting_key, scheduled)
    found = _find(store, meeting_key, when)
    if found is not None:
        return str(found["key"])
    with store.transaction(f"open {_named(store, meeting_key, when)}"):
        row = store.add(
            "occurrences",
            {"meeting": meeting_key, "scheduled": when, "start": when, "status": "planned"},
        )
    return str(row["key"])


def _set(
    store: Writer, meeting_key: str, scheduled: datetime | str, label: str, fields: dict[str, Any]
) -> str:
    when = _series_time(store, meeting_key, scheduled)
    with store.transaction(f"{label} {_named(store, meeting_key, when)}"):
        found = _find(store, meeting_key, when)
        if found is None:
            base = {"meeting": meeting_key, "scheduled": when, "start": when}
            row = store.add("occurrences", {**base, **fields})
        else:
            row = store.update("occurrences", str(found["key"]), fields)
    return str(row["key"])


def move(
    store: Writer, meeting_key: str, scheduled: datetime | str, new_start: datetime | str
) -> str:
    """Move the occurrence at series time `scheduled` to `new_start` (local to the
    meeting's zone, or aware); its key. Moving it back to its series time makes it
    planned again. One undo step."""
    target = parse_local(new_start) if isinstance(new_start, str) else new_start
    if target.tzinfo is not None:
        meeting = store.require("meetings", meeting_key)
        zone = recurrence.zone_of(zone_name(meeting, store.project))
        target = target.astimezone(zone)
    new_text = local_text(target)
    when = _series_time(store, meeting_key, scheduled)
    status = "planned" if new_text == when else "moved"
    return _set(store, meeting_key, when, "move", {"start": new_text, "status": status})


def cancel(store: Writer, meeting_key: str, scheduled: datetime | str) -> str:
    """Cancel the occurrence at series time `scheduled` (an EXDATE in .ics); its key."""
    return _set(store, meeting_key, scheduled, "cancel", {"status": "cancelled"})


def close(
    store: Writer, occurrence_key: str, decisions: Iterable[str] = (), made_by: str = ""
) -> Record:
    """Mark the occurrence held and log `decisions` taken in it (decision log, source
    meeting, linked to the occurrence); one undo step. MeetingError when cancelled."""
    row = store.require("occurrences", occurrence_key)
    if row.get("status") == "cancelled":
        raise MeetingError(f"occurrence {occurrence_key} was cancelled; it cannot be held")
    with store.transaction(f"close {_occurrence_named(store, occurrence_key)}"):
        for text in decisions:
            if text.strip():
                record_decision(store, occurrence_key, text, made_by)
        return store.update("occurrences", occurrence_key, {"status": "held"})


def record_decision(store: Writer, occurrence_key: str, text: str, made_by: str = "") -> Record:
    """A decision taken in the occurrence, into the project's decision log."""
    row = store.require("occurrences", occurrence_key)
    fields: dict[str, Any] = {
        "decision": text.strip(),
        "source": "meeting",
        "link": f"occurrences:{occurrence_key}",
        "date": str(row.get("start") or row.get("scheduled"))[:10],
    }
    if made_by:
        fields["made_by"] = made_by
    return store.add("decisions", fields)


def raise_action(
    store: Writer, occurrence_key: str, text: str, owner: str = "", due: str = ""
) -> Record:
    """An action raised in the occurrence (its source), one undo step."""
    store.require("occurrences", occurrence_key)
    fields: dict[str, Any] = {"text": text, "source": f"occurrences:{occurrence_key}"}
    if owner:
        fields["owner"] = owner
    if due:
        fields["due"] = due
    with store.transaction(f"action from {_occurrence_named(store, occurrence_key)}"):
        return store.add("actions", fields)
