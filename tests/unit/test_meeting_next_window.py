"""A meeting's next occurrence (services.meetings.meeting_next) looks a month ahead first and
the whole look-ahead only when nothing takes place in that month: the same answer as
looking the whole look-ahead at once, on random meetings with stored, moved and
cancelled occurrences (the series' own expansion is checked in test_series_start_near)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.context import Context, Record
from pmtui.services import meetings

TODAY = date(2026, 11, 26)
RULES = [
    "",
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=3",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=YEARLY",
]


class _Tables:
    def __init__(self, tables: dict[str, list[Record]]) -> None:
        self.tables = tables

    def get(self, table: str, key: str) -> Record | None:
        return next((r for r in self.tables.get(table, []) if r["key"] == key), None)

    def records(self, table: str) -> list[Record]:
        return [dict(r) for r in self.tables.get(table, [])]


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


@st.composite
def projects(draw: st.DrawFn) -> dict[str, list[Record]]:
    """A few meetings around TODAY, each with some occurrences stored: held, cancelled,
    or moved (a cancelled run of the next weeks included, so the month's look finds
    nothing and the whole look-ahead is needed)."""
    found_meetings: list[Record] = []
    rows: list[Record] = []
    for number in range(draw(st.integers(1, 4))):
        key = f"MTG{number}"
        start = datetime(2026, 11, 26, 9) + timedelta(
            days=draw(st.integers(-900, 60)), minutes=15 * draw(st.integers(0, 40))
        )
        until = draw(st.none() | st.integers(-30, 500).map(lambda d: TODAY + timedelta(days=d)))
        meeting: dict[str, Any] = {
            "key": key,
            "title": f"Meeting {number}",
            "start": _local(start),
            "recurrence": draw(st.sampled_from(RULES)),
            "length": 30,
            "time_zone": draw(st.sampled_from(["Europe/Berlin", "UTC", "America/New_York"])),
        }
        if until is not None:
            meeting["until"] = until.isoformat()
        found_meetings.append(meeting)
        for index in range(draw(st.integers(0, 12))):
            scheduled = datetime.combine(
                TODAY + timedelta(days=draw(st.integers(-5, 70))), start.time()
            )
            status = draw(st.sampled_from(["cancelled", "cancelled", "moved", "held"]))
            row: dict[str, Any] = {
                "key": f"O{number}-{index}",
                "meeting": key,
                "scheduled": _local(scheduled),
                "status": status,
            }
            if status == "moved":
                moved = scheduled + timedelta(days=draw(st.integers(-40, 60)), hours=1)
                row["start"] = _local(moved)
            rows.append(row)
    return {"meetings": found_meetings, "occurrences": rows, "project": []}


def _whole_look_ahead(context: Context, records: list[Record]) -> dict[str, dict[str, Any]]:
    """meeting_next as it was: every occurrence of the whole look-ahead, the first taken."""
    out: dict[str, dict[str, Any]] = {}
    rows = meetings._rows_by_meeting(context)
    end = context.today + timedelta(days=meetings.LOOK_AHEAD_DAYS)
    for meeting in records:
        window = sorted(
            meetings._of_meeting(meeting, context.project, rows, {}, context.today, end),
            key=lambda o: o.start,
        )
        found = next((o for o in window if o.status != "cancelled"), None)
        if found is not None:
            out[str(meeting["key"])] = {
                "next_on": found.start.date().isoformat(),
                "next_at": meetings.when_where(found),
            }
    return out


@settings(max_examples=150, deadline=None)
@given(projects())
def test_the_month_first_gives_the_whole_look_ahead_s_answer(
    tables: dict[str, list[Record]],
) -> None:
    context = Context(_Tables(tables), TODAY)
    records = context.records("meetings")
    assert meetings.meeting_next(context, records) == _whole_look_ahead(context, records)


def test_a_meeting_cancelled_for_the_next_month_is_found_after_it() -> None:
    tables: dict[str, list[Record]] = {
        "meetings": [
            {
                "key": "MTG1",
                "title": "Board",
                "start": "2026-01-05T10:00",
                "length": 60,
                "recurrence": "FREQ=WEEKLY",
                "time_zone": "UTC",
            }
        ],
        "occurrences": [
            {
                "key": f"O{n}",
                "meeting": "MTG1",
                "status": "cancelled",
                "scheduled": (datetime(2026, 11, 30, 10) + timedelta(weeks=n)).strftime(
                    "%Y-%m-%dT%H:%M"
                ),
            }
            for n in range(6)
        ],
        "project": [],
    }
    context = Context(_Tables(tables), TODAY)
    found = meetings.meeting_next(context, context.records("meetings"))
    assert found == {"MTG1": {"next_on": "2027-01-11", "next_at": "10:00-11:00"}}
