"""The .ics writer on one-off meetings (a moved one takes its new time, a cancelled one is
STATUS:CANCELLED) and DTSTAMP from the time given; read back with icalendar."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from pmtui.services import meetings
from pmtui.store import Store
from pmtui.transfer.ics import write_ics


def test_one_off_meetings_moved_and_cancelled(store: Store) -> None:
    store.add(
        "meetings",
        {
            "key": "MTG1",
            "title": "Kick-off",
            "start": "2026-12-01 10:00",
            "time_zone": "Europe/London",
            "length": "1h",
        },
    )
    store.add(
        "meetings",
        {
            "key": "MTG2",
            "title": "Retro",
            "start": "2026-12-02 16:00",
            "time_zone": "Europe/London",
        },
    )
    meetings.move(store, "MTG1", "2026-12-01T10:00", "2026-12-03T11:00")
    meetings.cancel(store, "MTG2", "2026-12-02T16:00")
    text = write_ics(store, now=datetime(2026, 11, 26, 12, tzinfo=UTC))
    events = {str(e["summary"]): e for e in Calendar.from_ical(text).walk("VEVENT")}
    kick_off, retro = events["Kick-off"], events["Retro"]
    assert kick_off["dtstart"].dt.replace(tzinfo=None) == datetime(2026, 12, 3, 11)
    assert kick_off["dtend"].dt.replace(tzinfo=None) == datetime(2026, 12, 3, 12)
    assert "rrule" not in kick_off and "recurrence-id" not in kick_off
    assert str(retro["status"]) == "CANCELLED"
    assert kick_off["dtstamp"].dt == datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
