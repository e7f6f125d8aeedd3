"""A project's meetings and open dated actions as iCalendar (RFC 5545), with `icalendar`.

Each meeting is one VEVENT: DTSTART in its zone (TZID, and a VTIMEZONE for it), DTEND,
RRULE (its `until` as UNTIL), EXDATE for each cancelled occurrence, attendees, location.
An occurrence that was moved, or has an agenda, is an override VEVENT of the same UID with
RECURRENCE-ID its series time and its agenda as DESCRIPTION. Open actions with a due date
are VTODOs with DUE. Pure: reads through a Reader, returns the text.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event, Todo, vCalAddress, vRecur

from pmtui.domain import recurrence
from pmtui.schema import Reader, Record, record_labels
from pmtui.services.meetings import parse_local, zone_name

PRODID = "-//pmtui//meetings and actions//EN"


def _uid(table: str, key: str, project: Record) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", str(project.get("name") or "").lower()).strip("-")
    return f"{table}-{key}@{name or 'project'}.pmtui"


def _agenda(reader: Reader, occurrence_key: str, names: dict[str, str]) -> str:
    items = sorted(
        (i for i in reader.records("agenda_items") if i.get("occurrence") == occurrence_key),
        key=lambda i: (i.get("order") is None, i.get("order") or 0, str(i.get("key"))),
    )
    lines = []
    for number, item in enumerate(items, start=1):
        owner = names.get(str(item.get("owner")), "") if item.get("owner") else ""
        minutes = f", {item['minutes_allowed']} min" if item.get("minutes_allowed") else ""
        extra = f" ({owner}{minutes})" if owner else (f" ({minutes[2:]})" if minutes else "")
        lines.append(f"{number}. {item.get('text')}{extra}")
    return "Agenda:\n" + "\n".join(lines) if lines else ""


def _rule(meeting: Record, start: datetime, zone_text: str) -> vRecur | None:
    rule = str(meeting.get("recurrence") or "")
    if not rule:
        return None
    parts: vRecur = vRecur.from_ical(rule)
    until = meeting.get("until")
    if until and "COUNT" not in parts and "UNTIL" not in parts:
        day = datetime.fromisoformat(str(until)).date()
        last = datetime.combine(day, time(23, 59, 59))
        # With a zoned DTSTART, UNTIL is in UTC (RFC 5545 3.3.10).
        parts["UNTIL"] = [recurrence.localize(last, recurrence.zone_of(zone_text)).astimezone(UTC)]
    return parts


def _attendees(event: Event, meeting: Record, people: dict[str, Record]) -> None:
    for key in meeting.get("attendees") or []:
        person = people.get(str(key), {})
        email = person.get("email")
        address = vCalAddress(f"mailto:{email}" if email else f"urn:pmtui:people:{key}")
        address.params["CN"] = str(person.get("name") or key)
        address.params["ROLE"] = "REQ-PARTICIPANT"
        event.add("attendee", address, encode=False)


def _events(
    reader: Reader,
    meeting: Record,
    project: Record,
    names: dict[str, str],
    people: dict[str, Record],
    stamp: datetime,
) -> list[Event]:
    key = str(meeting["key"])
    zone_text = zone_name(meeting, project)
    zone = recurrence.zone_of(zone_text)
    start = recurrence.localize(parse_local(meeting["start"]), zone)
    length = timedelta(minutes=int(meeting.get("length") or 30))
    uid = _uid("meetings", key, project)
    rows = [r for r in reader.records("occurrences") if str(r.get("meeting")) == key]
    rule = _rule(meeting, start, zone_text)
    # A one-off: its one stored occurrence (if any) is the event itself.
    only = rows[0] if rule is None and rows else None
    taking = start
    if only is not None and only.get("status") != "cancelled" and only.get("start"):
        taking = recurrence.localize(parse_local(only["start"]), zone)
    master = Event()
    master.add("uid", uid)
    master.add("dtstamp", stamp)
    master.add("summary", str(meeting.get("title") or key))
    master.add("dtstart", taking)
    master.add("dtend", taking + length)
    if meeting.get("location"):
        master.add("location", str(meeting["location"]))
    master.add("categories", [str(meeting.get("kind") or "other")])
    _attendees(master, meeting, people)
    events = [master]
    if rule is None:
        if only is not None:
            if only.get("status") == "cancelled":
                master.add("status", "CANCELLED")
            if agenda := _agenda(reader, str(only["key"]), names):
                master.add("description", agenda)
        return events
    master.add("rrule", rule)
    cancelled = sorted(
        recurrence.localize(parse_local(r["scheduled"]), zone)
        for r in rows
        if r.get("status") == "cancelled"
    )
    if cancelled:
        master.add("exdate", cancelled)
    for row in sorted(rows, key=lambda r: str(r.get("scheduled"))):
        if row.get("status") == "cancelled":
            continue
        scheduled = recurrence.localize(parse_local(row["scheduled"]), zone)
        taking = recurrence.localize(parse_local(row.get("start") or row["scheduled"]), zone)
        agenda = _agenda(reader, str(row["key"]), names)
        if taking == scheduled and not agenda:
            continue
        override = Event()
        override.add("uid", uid)
        override.add("dtstamp", stamp)
        override.add("recurrence-id", scheduled)
        override.add("summary", str(meeting.get("title") or key))
        override.add("dtstart", taking)
        override.add("dtend", taking + length)
        if meeting.get("location"):
            override.add("location", str(meeting["location"]))
        if agenda:
            override.add("description", agenda)
        events.append(override)
    return events


def _todos(reader: Reader, project: Record, names: dict[str, str], stamp: datetime) -> list[Todo]:
    todos = []
    for action in reader.records("actions"):
        if (action.get("status") or "open") != "open" or not action.get("due"):
            continue
        todo = Todo()
        todo.add("uid", _uid("actions", str(action["key"]), project))
        todo.add("dtstamp", stamp)
        todo.add("summary", str(action.get("text") or action["key"]))
        todo.add("due", datetime.fromisoformat(str(action["due"])).date())
        todo.add("status", "NEEDS-ACTION")
        if action.get("owner"):
            owner = names.get(str(action["owner"]), str(action["owner"]))
            todo.add("description", f"Owner: {owner}")
        todos.append(todo)
    return todos


def write_ics(reader: Reader, now: datetime | None = None) -> str:
    """The project's meetings and open dated actions as an iCalendar text (CRLF lines)."""
    project = next(iter(reader.records("project")), {})
    people_records = reader.records("people")
    names = record_labels(people_records, "name")
    people = {str(p["key"]): p for p in people_records}
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(project.get("name") or "pmtui"))
    components: list[Any] = []
    for meeting in reader.records("meetings"):
        if meeting.get("start"):
            components.extend(_events(reader, meeting, project, names, people, stamp))
    components.extend(_todos(reader, project, names, stamp))
    for component in components:
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode())
