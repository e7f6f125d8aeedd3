"""Meetings: the series merged with stored occurrences, the steps on an occurrence (each one
undo step), one row per series time, the next occurrence and Today, and the minutes.

Today in tests is Thursday 2026-11-26 (tests/environment.py); dates below are counted from
the calendar: Mondays 2026-11-23, 11-30, 12-07, 12-14.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pmtui import agenda, views
from pmtui.services import meetings
from pmtui.services.meetings import MeetingError
from pmtui.services.minutes import minutes_markdown
from pmtui.store import Store
from pmtui.store.errors import RecordInvalid


@pytest.fixture
def weekly(store: Store) -> Store:
    """A Monday 09:00 stand-up in Berlin from 2026-11-02, 15 minutes, Room 2."""
    store.update("project", "project", {"time_zone": "Europe/Berlin"})
    store.add("people", {"key": "P1", "name": "Chen Wei"})
    store.add("people", {"key": "P2", "name": "Elena Rossi"})
    store.add(
        "meetings",
        {
            "key": "MTG1",
            "title": "Stand-up",
            "kind": "stand-up",
            "start": "2026-11-02 09:00",
            "length": "15m",
            "location": "Room 2",
            "recurrence": "weekly on mon",
            "attendees": "P1; P2",
        },
    )
    return store


def _days(found: list[meetings.Occurrence]) -> list[tuple[str, str]]:
    return [(o.start.strftime("%m-%d %H:%M"), o.status) for o in found]


def test_a_series_is_its_times_with_nothing_stored(weekly: Store) -> None:
    found = meetings.occurrences(weekly, date(2026, 11, 20), date(2026, 12, 8))
    assert _days(found) == [
        ("11-23 09:00", "planned"),
        ("11-30 09:00", "planned"),
        ("12-07 09:00", "planned"),
    ]
    assert [o.occurrence_key for o in found] == [None, None, None]
    assert found[0].end.strftime("%H:%M") == "09:15"
    assert str(found[0].start.tzinfo) == "Europe/Berlin"
    assert weekly.records("occurrences") == []


def test_open_stores_the_occurrence_once(weekly: Store) -> None:
    key = meetings.open_occurrence(weekly, "MTG1", "2026-11-30T09:00")
    assert meetings.open_occurrence(weekly, "MTG1", "2026-11-30T09:00") == key
    assert [(r["scheduled"], r["status"]) for r in weekly.records("occurrences")] == [
        ("2026-11-30T09:00", "planned")
    ]


def test_a_time_outside_the_series_is_refused(weekly: Store) -> None:
    with pytest.raises(MeetingError, match="Stand-up does not take place at 2026-12-01T09:00"):
        meetings.open_occurrence(weekly, "MTG1", "2026-12-01T09:00")
    assert weekly.records("occurrences") == []


def test_moved_and_cancelled_show_where_they_now_are(weekly: Store) -> None:
    meetings.move(weekly, "MTG1", "2026-11-30T09:00", "2026-12-01T11:00")
    meetings.cancel(weekly, "MTG1", "2026-12-07T09:00")
    found = meetings.occurrences(weekly, date(2026, 11, 30), date(2026, 12, 14))
    assert _days(found) == [
        ("12-01 11:00", "moved"),
        ("12-07 09:00", "cancelled"),
        ("12-14 09:00", "planned"),
    ]
    assert found[0].scheduled.strftime("%m-%d %H:%M") == "11-30 09:00"


def test_each_step_is_one_undo(weekly: Store) -> None:
    meetings.move(weekly, "MTG1", "2026-11-30T09:00", "2026-12-01T11:00")
    assert len(weekly.records("occurrences")) == 1
    weekly.undo()
    assert weekly.records("occurrences") == []


def test_close_marks_held_and_logs_the_decisions(weekly: Store) -> None:
    key = meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    meetings.close(weekly, key, ["Go-live stays", "  "], made_by="P1")
    assert weekly.require("occurrences", key)["status"] == "held"
    decisions = weekly.records("decisions")
    assert [
        (d["decision"], d["source"], d["link"], d["date"], d["made_by"]) for d in decisions
    ] == [("Go-live stays", "meeting", f"occurrences:{key}", "2026-11-23", "P1")]
    weekly.undo()
    assert weekly.records("decisions") == []
    assert weekly.require("occurrences", key)["status"] == "planned"


def test_a_cancelled_occurrence_cannot_be_held(weekly: Store) -> None:
    key = meetings.cancel(weekly, "MTG1", "2026-11-23T09:00")
    with pytest.raises(MeetingError, match="was cancelled"):
        meetings.close(weekly, key)


def test_one_row_per_meeting_and_series_time(weekly: Store) -> None:
    meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    with pytest.raises(RecordInvalid, match="is occurrence O1 already"):
        weekly.add("occurrences", {"meeting": "MTG1", "scheduled": "2026-11-23 09:00"})
    assert len(weekly.records("occurrences")) == 1


def test_a_meeting_refuses_a_time_zone_that_is_none(weekly: Store) -> None:
    with pytest.raises(RecordInvalid, match="is not a time zone"):
        weekly.update("meetings", "MTG1", {"time_zone": "Europe/Atlantis"})


def test_next_on_skips_cancelled_and_follows_a_move(weekly: Store) -> None:
    assert views.row(weekly, "meetings", "MTG1")["next_on"] == "2026-11-30"  # type: ignore[index]
    meetings.cancel(weekly, "MTG1", "2026-11-30T09:00")
    assert views.row(weekly, "meetings", "MTG1")["next_on"] == "2026-12-07"  # type: ignore[index]
    meetings.move(weekly, "MTG1", "2026-12-07T09:00", "2026-12-08T10:00")
    found = views.row(weekly, "meetings", "MTG1")
    assert found is not None and (found["next_on"], found["next_at"]) == (
        "2026-12-08",
        "10:00-10:15, Room 2",
    )


def test_today_lists_a_meeting_today_and_one_held_without_minutes(weekly: Store) -> None:
    weekly.add(
        "meetings",
        {"key": "MTG2", "title": "Vendor call", "start": "2026-11-26 15:00", "location": "Teams"},
    )
    held = meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    meetings.close(weekly, held)
    items = {(i.table, i.key): i for i in agenda.today_items(weekly)}
    assert items[("meetings", "MTG2")].group == "today"
    assert items[("meetings", "MTG2")].title == "Vendor call 15:00-15:30, Teams"
    assert items[("meetings", "MTG1")].group == "upcoming"  # Monday, in the 7-day window
    assert items[("occurrences", held)].title == "minutes of Stand-up 2026-11-23"
    assert items[("occurrences", held)].days_overdue == 3
    weekly.update("occurrences", held, {"minutes": "Done."})
    assert ("occurrences", held) not in {(i.table, i.key) for i in agenda.today_items(weekly)}


def test_an_action_from_a_meeting_is_named_by_the_meeting(weekly: Store) -> None:
    key = meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    action = meetings.raise_action(weekly, key, "Send specs", "P1", "2026-11-27")
    rt = views.record_type("actions")
    names = views.reference_names(weekly, rt)
    assert views.shown_text(rt, rt.field("source"), action["source"], names) == (
        "meeting Stand-up 2026-11-23"
    )
    record = weekly.require("occurrences", key)
    assert views.record_name(weekly, "occurrences", record) == "Stand-up 2026-11-23"


def test_the_minutes_hold_agenda_decisions_and_actions(weekly: Store) -> None:
    key = meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    weekly.add(
        "agenda_items",
        {
            "occurrence": key,
            "text": "Blockers",
            "owner": "P2",
            "minutes_allowed": "5",
            "order": "2",
        },
    )
    weekly.add("agenda_items", {"occurrence": key, "text": "Status", "order": "1"})
    weekly.update("occurrences", key, {"minutes": "Mock load done.\nSpecs late."})
    meetings.close(weekly, key, ["Specs go to the bank"])
    meetings.raise_action(weekly, key, "Send specs | today", "P1", "2026-11-27")
    text = minutes_markdown(weekly, key)
    assert text.startswith("# Stand-up, 2026-11-23\n")
    assert "- **When:** Mon 2026-11-23 09:00 (Europe/Berlin), 15 minutes" in text
    assert "- **Attendees:** Chen Wei, Elena Rossi" in text
    assert "1. Status\n2. Blockers (Elena Rossi, 5 min)" in text
    # Each line of the minutes ends in a Markdown hard break (two spaces), so a forge or
    # mail client draws the lines as typed instead of running them into one paragraph.
    assert "## Minutes\n\nMock load done.  \nSpecs late.\n" in text
    assert "- Specs go to the bank" in text
    assert "| Send specs \\| today | Chen Wei | 2026-11-27 | open |" in text


def test_minutes_of_no_occurrence_say_so(weekly: Store) -> None:
    with pytest.raises(MeetingError, match="no occurrence 'O9'"):
        minutes_markdown(weekly, "O9")


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":America/New_York", "America/New_York"),
        ("/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"),
    ],
)
def test_the_machine_zone_comes_from_tz(tz: str, zone: str) -> None:
    from pmtui.clock import machine_zone

    assert machine_zone({"TZ": tz}) == zone


def test_a_meeting_without_a_zone_takes_the_projects_then_the_machines(
    weekly: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    meeting = weekly.require("meetings", "MTG1")
    assert meetings.zone_name(meeting, weekly.project) == "Europe/Berlin"
    assert meetings.zone_name(meeting, {}) == "America/New_York"
    assert meetings.zone_name({**meeting, "time_zone": "Asia/Tokyo"}, {}) == "Asia/Tokyo"


def test_done_on_a_meeting_or_its_minutes_says_where_to_go(weekly: Store) -> None:
    held = meetings.open_occurrence(weekly, "MTG1", "2026-11-23T09:00")
    with pytest.raises(agenda.AgendaError, match="a meeting is held on the Meetings board"):
        agenda.done(weekly, "meetings", "MTG1")
    with pytest.raises(agenda.AgendaError, match="minutes are written on the Meetings board"):
        agenda.done(weekly, "occurrences", held)
    assert weekly.require("occurrences", held)["status"] == "planned"


def test_hand_edited_nonsense_leaves_that_meeting_out_and_breaks_nothing(
    project_path: Path,
) -> None:
    data = json.loads(project_path.read_text())
    data["meetings"] = {
        "1": {"key": "MTG1", "title": "Bad start", "start": "someday"},
        "2": {
            "key": "MTG2",
            "title": "Bad rule",
            "start": "2026-11-26T10:00",
            "recurrence": "FREQ=SOMETIMES",
        },
        "3": {"key": "MTG3", "title": "Fine", "start": "2026-11-26T11:00"},
    }
    data["occurrences"] = {"1": {"key": "O1", "meeting": "MTG3", "scheduled": "never"}}
    project_path.write_text(json.dumps(data))
    store = Store.open(project_path)
    try:
        found = meetings.occurrences(store, date(2026, 11, 1), date(2026, 12, 31))
        assert [o.title for o in found] == ["Fine"]
        titles = [i.title for i in agenda.today_items(store) if i.table == "meetings"]
        assert titles == ["Fine 11:00-11:30"]
    finally:
        store.close()


def test_the_first_meeting_must_be_a_time_of_its_recurrence(weekly: Store) -> None:
    with pytest.raises(
        RecordInvalid, match="Tue 2026-11-03 09:00, is not a time of 'weekly on mon'"
    ):
        weekly.update("meetings", "MTG1", {"start": "2026-11-03 09:00"})
    weekly.update("meetings", "MTG1", {"start": "2026-11-03 09:00", "recurrence": "weekly"})
    assert weekly.require("meetings", "MTG1")["recurrence"] == "FREQ=WEEKLY"


def test_undo_names_the_meeting_and_its_time_not_keys(weekly: Store) -> None:
    """`u` says "Undone: <label>" and `pmtui log` lists the label: names, as people read."""
    meetings.move(weekly, "MTG1", "2026-11-30T09:00", "2026-12-01T10:00")
    assert weekly.undo() == "move Stand-up of Mon 2026-11-30 09:00"
    meetings.cancel(weekly, "MTG1", "2026-11-30T09:00")
    assert weekly.undo() == "cancel Stand-up of Mon 2026-11-30 09:00"
    key = meetings.open_occurrence(weekly, "MTG1", "2026-11-30T09:00")
    meetings.raise_action(weekly, key, "Send specs")
    assert weekly.undo() == "action from Stand-up of Mon 2026-11-30 09:00"
    meetings.close(weekly, key)
    assert weekly.undo() == "close Stand-up of Mon 2026-11-30 09:00"
    assert weekly.undo() == "open Stand-up of Mon 2026-11-30 09:00"
