"""`pmtui export --format ics` (read back with icalendar and compared with the meetings as
pmtui works them out) and `pmtui minutes`: exit codes, messages, files.

Today in tests is Thursday 2026-11-26. The stand-up meets on Mondays at 09:00 in Berlin;
Berlin leaves summer time on 2026-10-25 (so 09:00 is 07:00 UTC in October, 08:00 after).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from pmtui.services import meetings
from pmtui.store import Store
from tests.conftest import RunPmtui


@pytest.fixture
def project(project_path: Path) -> Path:
    """A stand-up with a cancelled, a moved and an agenda'd occurrence, a one-off review,
    and two actions (one open with a due date, one done)."""
    with opened(project_path) as store:
        store.add("people", {"key": "P1", "name": "Chen Wei", "email": "chen@example.com"})
        store.add("people", {"key": "P2", "name": "Elena Rossi"})
        store.add(
            "meetings",
            {
                "key": "MTG1",
                "title": "Stand-up",
                "start": "2026-10-05 09:00",
                "time_zone": "Europe/Berlin",
                "length": "15m",
                "location": "Room 2",
                "recurrence": "weekly on mon",
                "attendees": "P1; P2",
                "until": "2026-12-31",
            },
        )
        store.add(
            "meetings",
            {
                "key": "MTG2",
                "title": "Design review",
                "kind": "review",
                "start": "2026-12-02 14:00",
                "time_zone": "America/New_York",
                "length": "1h30",
            },
        )
        meetings.cancel(store, "MTG1", "2026-11-16T09:00")
        meetings.move(store, "MTG1", "2026-11-23T09:00", "2026-11-24T10:30")
        agenda = meetings.open_occurrence(store, "MTG1", "2026-11-30T09:00")
        store.add(
            "agenda_items",
            {
                "occurrence": agenda,
                "text": "Blockers",
                "owner": "P2",
                "minutes_allowed": "5",
                "order": "1",
            },
        )
        raised = meetings.raise_action(store, agenda, "Send specs", "P1", "2026-12-04")
        meetings.raise_action(store, agenda, "Book room", "P1", "2026-12-01")
        booked = store.records("actions")[1]
        assert booked["text"] == "Book room" and raised["text"] == "Send specs"
        store.update("actions", str(booked["key"]), {"status": "done"})
    return project_path


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def _calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_ics_export_reads_back_as_the_meetings_and_actions(
    project: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    out = tmp_path / "meetings.ics"
    done = run_pmtui("export", str(project), "-o", str(out))  # .ics chooses the format
    assert (done.returncode, done.stdout, done.stderr) == (0, f"wrote {out}\n", "")
    calendar = _calendar(out)
    events = [c for c in calendar.walk("VEVENT")]
    masters = {str(e["summary"]): e for e in events if "recurrence-id" not in e}
    stand_up, review = masters["Stand-up"], masters["Design review"]
    assert stand_up["dtstart"].dt == datetime(2026, 10, 5, 9, tzinfo=stand_up["dtstart"].dt.tzinfo)
    assert str(stand_up["dtstart"].dt.tzinfo) == "Europe/Berlin"
    assert stand_up["dtstart"].params["TZID"] == "Europe/Berlin"
    rule = stand_up["rrule"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["MO"])
    assert rule["UNTIL"][0].astimezone(UTC) == datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC)
    assert [d.dt.replace(tzinfo=None) for d in stand_up["exdate"].dts] == [
        datetime(2026, 11, 16, 9)
    ]
    assert sorted(str(a.params["CN"]) for a in stand_up.get("attendee")) == [
        "Chen Wei",
        "Elena Rossi",
    ]
    assert "mailto:chen@example.com" in [str(a) for a in stand_up.get("attendee")]
    overrides = sorted(
        (e for e in events if "recurrence-id" in e), key=lambda e: e["recurrence-id"].dt
    )
    assert [
        (o["recurrence-id"].dt.replace(tzinfo=None), o["dtstart"].dt.replace(tzinfo=None))
        for o in overrides
    ] == [
        (datetime(2026, 11, 23, 9), datetime(2026, 11, 24, 10, 30)),
        (datetime(2026, 11, 30, 9), datetime(2026, 11, 30, 9)),
    ]
    assert str(overrides[1]["description"]) == "Agenda:\n1. Blockers (Elena Rossi, 5 min)"
    assert {str(o["uid"]) for o in overrides} == {str(stand_up["uid"])}
    assert str(review["dtstart"].dt.tzinfo) == "America/New_York"
    assert "rrule" not in review
    assert review["dtend"].dt - review["dtstart"].dt == (
        datetime(2026, 1, 1, 15, 30) - datetime(2026, 1, 1, 14)
    )
    zones = {str(z["tzid"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Berlin", "America/New_York"}
    todos = calendar.walk("VTODO")
    assert [(str(t["summary"]), t["due"].dt) for t in todos] == [("Send specs", date(2026, 12, 4))]


def test_the_ics_series_expands_to_the_occurrences_pmtui_shows(
    project: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    """Another calendar reading the file (RRULE minus EXDATE, overrides by RECURRENCE-ID)
    meets at the times pmtui lists, in UTC: 07:00 in October, 08:00 after the change."""
    out = tmp_path / "meetings.ics"
    assert run_pmtui("export", str(project), "--format", "ics", "-o", str(out)).returncode == 0
    events = [e for e in _calendar(out).walk("VEVENT") if str(e["summary"]) == "Stand-up"]
    master = next(e for e in events if "recurrence-id" not in e)
    start = master["dtstart"].dt
    series = rrulestr(master["rrule"].to_ical().decode(), dtstart=start)
    excluded = {d.dt for d in master["exdate"].dts}
    moved = {e["recurrence-id"].dt: e["dtstart"].dt for e in events if "recurrence-id" in e}
    read_back = sorted(moved.get(t, t).astimezone(UTC) for t in series if t not in excluded)
    with opened(project) as store:
        shown = meetings.occurrences(store, date(2026, 10, 1), date(2027, 1, 31))
    expected = sorted(
        o.start.astimezone(UTC)
        for o in shown
        if o.meeting_key == "MTG1" and o.status != "cancelled"
    )
    assert read_back == expected
    assert read_back[0] == datetime(2026, 10, 5, 7, tzinfo=UTC)
    assert read_back[-1] == datetime(2026, 12, 28, 8, tzinfo=UTC)
    assert datetime(2026, 11, 24, 9, 30, tzinfo=UTC) in read_back  # moved: 10:30 CET


def test_ics_refuses_a_table(project: Path, run_pmtui: RunPmtui) -> None:
    refused = run_pmtui("export", str(project), "--format", "ics", "--table", "meetings")
    assert (refused.returncode, refused.stderr) == (
        1,
        "pmtui: --format ics holds the whole project, not one table; drop --table\n",
    )


def test_minutes_print_markdown(project: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("minutes", str(project), "O3")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Stand-up, 2026-11-30\n")
    assert "1. Blockers (Elena Rossi, 5 min)" in done.stdout
    assert "| Send specs | Chen Wei | 2026-12-04 | open |" in done.stdout


def test_minutes_write_a_file(project: Path, tmp_path: Path, run_pmtui: RunPmtui) -> None:
    out = tmp_path / "minutes.md"
    done = run_pmtui("minutes", str(project), "O3", "-o", str(out))
    assert (done.returncode, done.stdout) == (0, f"wrote {out}\n")
    assert out.read_text().startswith("# Stand-up, 2026-11-30\n")


def test_minutes_of_an_unknown_occurrence_is_one_line(project: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("minutes", str(project), "O99")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "pmtui: no occurrence or meeting 'O99'\n"


def test_minutes_without_an_occurrence_is_a_usage_error(project: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("minutes", str(project))
    assert done.returncode == 2
    assert "OCCURRENCE" in done.stderr


def test_minutes_by_meeting_and_day_without_knowing_a_key(
    project: Path, run_pmtui: RunPmtui
) -> None:
    """No screen shows occurrence keys: the meeting (a word of its name) and the day it met
    find it; without a day, the latest one up to today that was not cancelled."""
    done = run_pmtui("minutes", str(project), "stand", "2026-11-30")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Stand-up, 2026-11-30\n")
    latest = run_pmtui("minutes", str(project), "Stand-up")
    assert latest.returncode == 0, latest.stderr
    assert latest.stdout.startswith("# Stand-up, 2026-11-24\n")  # moved there from the 23rd
    none = run_pmtui("minutes", str(project), "stand", "2026-11-09")
    assert (none.returncode, none.stdout) == (1, "")
    assert none.stderr == (
        "pmtui: Stand-up has nothing recorded on 2026-11-09 (no agenda, minutes, move or "
        "cancellation)\n"
    )
