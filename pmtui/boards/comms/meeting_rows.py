"""The Meetings list's rows: an occurrence as the list shows it (its columns and cells, its
row key) and where a move typed as people say it (`tue 14:00`, `+1d`) puts it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time

from pmtui.boards.comms.names import PLACE, place_text, when_text
from pmtui.kinds import parse_value
from pmtui.services import meetings
from pmtui.services.meetings import Occurrence
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.record_table import Column

#: A clock time, as a move may end with (or be): 14:00, 9am, 4.30pm.
_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))"
_TIME_ALONE = re.compile(_TIME, re.IGNORECASE)
_ENDS_IN_TIME = re.compile(rf"(?:^|\s){_TIME}$", re.IGNORECASE)


def _status_style(text: str) -> str | None:
    if text == "cancelled":
        return "record-table--muted"
    return "record-table--warning" if text == "moved" else None


def _minutes_style(text: str) -> str | None:
    return "record-table--bad" if text == "none" else None


COLUMNS = (
    Column("when", "When", 20, text=False),
    Column("meeting", "Meeting", 20),
    Column("kind", "Kind", 8, text=False),
    Column("place", "Place", PLACE, text=False),
    Column("status", "Status", 9, style_of=_status_style),
    Column("minutes", "Minutes", 7, style_of=_minutes_style),
    Column("actions", "Open", 4, "right"),
)


def moved_to(store: Store, occurrence: Occurrence, typed: str) -> str:
    """Where a move typed as `tue 14:00`, `2026-12-15 10:00`, `wed` (the same clock time),
    `14:00` (the same day) or `+1d` puts the occurrence: local `YYYY-MM-DDTHH:MM`; FieldError
    saying why when it is no date or time. Relative dates count from the occurrence's own
    day, not today: `+1d` is the day after it, `tue` the Tuesday of or after it."""
    text = typed.strip()
    start = occurrence.start
    if _TIME_ALONE.fullmatch(text):
        text = f"{start:%Y-%m-%d} {text}"
    field = record_type("occurrences").field("start")
    context = replace(store.context(), today=start.date())  # `+1d`, `tue`: from the occurrence
    moment = datetime.fromisoformat(str(parse_value(field, text, context)))
    if moment.time() == time(0) and not _ENDS_IN_TIME.search(text):  # a day alone
        moment = datetime.combine(moment.date(), start.time().replace(tzinfo=None))
    return moment.isoformat(timespec="minutes")


def row_key(occurrence: Occurrence) -> str:
    """The list's key of an occurrence: its meeting and the time the series gives it (an
    occurrence needs no row of its own until it is opened, moved or cancelled)."""
    return f"{occurrence.meeting_key}@{meetings.local_text(occurrence.scheduled)}"


def cells(occurrence: Occurrence, today: date) -> list[str]:
    """One occurrence as the list shows it."""
    held_before = occurrence.status == "held" or occurrence.start.date() < today
    minutes = "yes" if occurrence.has_minutes else ("none" if held_before else "")
    if occurrence.status == "cancelled":
        minutes = ""
    return [
        when_text(occurrence.start),
        occurrence.title,
        occurrence.kind.split()[0] if occurrence.kind else "",  # "steering" committee
        place_text(occurrence.location),
        occurrence.status,
        minutes,
        str(occurrence.open_actions or ""),
    ]
