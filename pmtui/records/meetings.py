"""Meetings: recurring (or one-off) meetings in their time zone, the occurrences that were
opened, moved or cancelled, and each occurrence's agenda.

A meeting is a series: its first start as local date and time, its IANA time zone (empty:
the project's, else the machine's), its length in clock time and its recurrence (an RRULE
typed in pmtui.domain.recurrence's grammar). Occurrences are rows only once something
happens to them (opened, moved, cancelled, held); the rest of the series is worked out by
pmtui.services.meetings, which also fills the computed fields and keeps each series time
to one row. Decisions taken in a meeting go to the decision log (source "meeting", link
`occurrences:O12`); actions raised in one carry `source` `occurrences:O12`.
"""

from __future__ import annotations

from pmtui.records.fields import choice_field, person_field, status_field, time_zone_problem
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

MEETING_KINDS = ("stand-up", "steering committee", "vendor", "review", "other")
OCCURRENCE_STATUSES = ("planned", "held", "moved", "cancelled")


def _first_not_in_series(start: object, rule: object) -> str | None:
    """Why the first start is no time of the recurrence (RFC 5545 counts DTSTART as the
    first occurrence whatever the rule says, python-dateutil does not: a calendar and
    pmtui would disagree), or None."""
    if not start or not rule:
        return None
    from datetime import datetime

    from pmtui.domain import recurrence

    try:
        first = datetime.fromisoformat(str(start))
        found = recurrence.expand(str(rule), first, "UTC", first.date(), first.date())
    except ValueError:
        return None  # the start's or the rule's own check says what is wrong
    if any(moment.replace(tzinfo=None) == first for moment in found):
        return None
    return (
        f"the first meeting, {first:%a %Y-%m-%d %H:%M}, is not a time of "
        f"'{recurrence.describe(str(rule))}': start on a day the recurrence names"
    )


def meeting_check(record: Record) -> dict[str, str]:
    """A meeting's time zone is an IANA name; its first start is a time of its recurrence;
    `until` is not before its first start."""
    problems: dict[str, str] = {}
    if problem := _first_not_in_series(record.get("start"), record.get("recurrence")):
        problems["start"] = problem
    zone = record.get("time_zone")
    if zone and (problem := time_zone_problem(str(zone))):
        problems["time_zone"] = problem
    start, until = record.get("start"), record.get("until")
    if start and until and str(until) < str(start)[:10]:
        problems["until"] = f"{until} is before the first meeting {str(start)[:10]}"
    return problems


def _held_without_minutes(record: Record) -> bool:
    return record.get("status") == "held" and not (record.get("minutes") or "").strip()


MEETING_AGENDA = Agenda(
    due=(
        Due(
            "meeting",
            "next_on",
            about="its next occurrence; cancelled ones skipped, moved ones where they moved to",
            overdue=False,
        ),
    ),
    title="{title} {next_at}",
    owner="",
    refuse="a meeting is held on the Meetings board: open its occurrence, write the minutes, "
    "close it",
    board="comms.meetings",
)

OCCURRENCE_AGENDA = Agenda(
    due=(Due("minutes", "start", _held_without_minutes, about="held, no minutes yet"),),
    title="minutes of {name}",
    owner="",
    refuse="minutes are written on the Meetings board: open the occurrence (enter)",
    board="comms.meetings",
)

MEETINGS = register(
    RecordType(
        table="meetings",
        singular="meeting",
        key_prefix="MTG",
        board="comms.meetings",
        help="Meetings: a stand-up, a steering committee... once or recurring, in its time "
        "zone; its occurrences are worked out from the recurrence.",
        check=meeting_check,
        agenda=MEETING_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Weekly stand-up."),
            choice_field("kind", MEETING_KINDS, default="other", width=10, help="What it is."),
            Field(
                "start",
                Kind.DATETIME,
                required=True,
                width=16,
                help="Local date and time of the first occurrence (mon 9:00, 2026-12-07 "
                "09:00); the series keeps this wall-clock time across daylight saving.",
            ),
            Field(
                "time_zone",
                Kind.TEXT,
                label="Zone",
                width=0,
                help="IANA time zone (Europe/Berlin); empty: the project's, else the machine's.",
            ),
            Field(
                "length",
                Kind.LENGTH,
                default=30,
                width=5,
                help="How long it lasts, in clock time (45m, 1h30).",
            ),
            Field("location", Kind.TEXT, width=12, help="A room, or a link to join."),
            Field(
                "attendees",
                Kind.REFS,
                target="people",
                width=0,
                help="Who attends (keys or names, separated by ;).",
            ),
            Field(
                "recurrence",
                Kind.RECURRENCE,
                label="Repeats",
                width=16,
                help="How it repeats (weekly on mon, monthly on the 1st fri, last working "
                "day of the month...); empty: it happens once.",
            ),
            Field("until", Kind.DATE, width=0, help="The last day it may take place."),
            Field(
                "guests",
                Kind.REFS,
                target="stakeholders",
                width=0,
                help="Stakeholders who attend besides the team (keys or names, separated "
                "by ;): the works council, the auditor...",
            ),
            Field(
                "next_on",
                Kind.DATE,
                label="Next",
                computed=True,
                width=10,
                help="The date of its next occurrence, today included (cancelled ones "
                "skipped, moved ones where they moved to).",
            ),
            Field(
                "next_at",
                Kind.TEXT,
                label="When",
                computed=True,
                width=0,
                help="Time and place of its next occurrence (09:00-09:15, Room 2).",
            ),
        ),
    )
)

OCCURRENCES = register(
    RecordType(
        table="occurrences",
        singular="meeting",
        key_prefix="O",
        label_field="name",
        board="comms.meetings",
        help="Occurrences of meetings that were opened, moved, cancelled or held (one per "
        "series time), with their minutes; the others are not stored.",
        agenda=OCCURRENCE_AGENDA,
        fields=(
            Field(
                "meeting",
                Kind.REF,
                target="meetings",
                owner=True,
                required=True,
                width=16,
                help="The meeting it is an occurrence of.",
            ),
            Field(
                "scheduled",
                Kind.DATETIME,
                required=True,
                width=16,
                help="The series' local date and time it stands for (its RECURRENCE-ID); "
                "one row per meeting and series time.",
            ),
            Field(
                "start",
                Kind.DATETIME,
                width=16,
                help="When it takes place, local time (differs from scheduled when moved); "
                "empty: as scheduled.",
            ),
            status_field(OCCURRENCE_STATUSES, "planned", width=9, help="Where it stands."),
            Field("minutes", Kind.LONG_TEXT, width=0, help="What was said and agreed."),
            Field(
                "name",
                Kind.TEXT,
                computed=True,
                width=0,
                help="The meeting's title and the occurrence's date, as references show it.",
            ),
        ),
    )
)

AGENDA_ITEMS = register(
    RecordType(
        table="agenda_items",
        singular="agenda item",
        key_prefix="AI",
        label_field="text",
        board="comms.meetings",
        help="The agenda of an occurrence: topics in order, each with an owner and time.",
        fields=(
            Field(
                "occurrence",
                Kind.REF,
                target="occurrences",
                owner=True,
                required=True,
                width=16,
                help="The occurrence whose agenda it is on (its key, O12).",
            ),
            Field("text", Kind.TEXT, required=True, width=30, help="The topic."),
            person_field("owner", width=12, help="Who leads the topic."),
            Field(
                "minutes_allowed",
                Kind.INTEGER,
                label="Min",
                minimum=0,
                maximum=24 * 60,
                width=4,
                help="Minutes set aside for it.",
            ),
            Field(
                "order",
                Kind.INTEGER,
                minimum=0,
                width=4,
                help="Its place on the agenda (lower first).",
            ),
        ),
    )
)

__all__ = [
    "AGENDA_ITEMS",
    "MEETINGS",
    "MEETING_KINDS",
    "OCCURRENCES",
    "OCCURRENCE_STATUSES",
]
