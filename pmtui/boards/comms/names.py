"""How the Comms boards name a meeting's occurrence: when (weekday, date and clock time in
the meeting's zone), its title and place made safe to show, and the occurrence's caption."""

from __future__ import annotations

from datetime import datetime

from pmtui.kinds.escapes import one_line, visible
from pmtui.schema import Record
from pmtui.store import Store
from pmtui.views import NAME_WIDTH

OCCURRENCES = "occurrences"
#: Cells a place takes in the Meetings list.
PLACE = 9


def when_text(moment: datetime | str) -> str:
    """'Mon 2026-12-07 09:30': the weekday, date and clock time as the meeting's zone has
    them (the time the invitation says)."""
    at = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    return at.strftime("%a %Y-%m-%d %H:%M")


def name_text(title: object) -> str:
    """A meeting's title as messages and captions show it: on one line, its control
    characters written out (never obeyed), cut to NAME_WIDTH."""
    return one_line(visible(str(title), lines=False), NAME_WIDTH)


def place_text(location: str, width: int = PLACE) -> str:
    """A room, or a link without its scheme, cut to `width` cells: the meeting's title gets
    the list's width (the line under the list shows the place whole)."""
    bare = location.removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return one_line(visible(bare, lines=False), width)


def occurrence_title(store: Store, key: str) -> str:
    """'Weekly stand-up on Mon 2026-12-07 09:30': an occurrence as messages name it."""
    record = store.get(OCCURRENCES, key) or {}
    meeting = store.get("meetings", str(record.get("meeting") or "")) or {}
    start = record.get("start") or record.get("scheduled")
    when = f" on {when_text(str(start))}" if start else ""
    return f"{name_text(meeting.get('title') or key)}{when}"


def occurrence_caption(store: Store, record: Record) -> str:
    """The view's top line: the meeting and when, its status, its zone and place."""
    meeting = store.get("meetings", str(record.get("meeting") or "")) or {}
    parts = [occurrence_title(store, str(record["key"])), str(record.get("status") or "planned")]
    if meeting.get("time_zone"):
        parts.append(str(meeting["time_zone"]))
    if meeting.get("location"):
        parts.append(place_text(str(meeting["location"]), 30))
    return " · ".join(parts)
