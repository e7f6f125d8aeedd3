"""The demo's meetings: what issue 18 asks of it, on any day (a Monday, a first Thursday,
a Sunday at a month's end, a day in summer time)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pmtui.agenda import today_items
from pmtui.services import meetings
from pmtui.store import Store


@pytest.mark.parametrize("day", ["2026-12-07", "2027-01-07", "2027-02-28", "2027-07-15"])
def test_the_demo_holds_a_stand_up_and_a_steering_committee_with_their_history(
    tmp_path: Path, day: str
) -> None:
    from pmtui.demo import build_demo, demo_project

    today = date.fromisoformat(day)
    path = tmp_path / "demo.json"
    Store.create(path, demo_project(today), today=today).close()
    store = Store.open(path, today=today)
    build_demo(store)
    by_title = {m["title"]: m for m in store.records("meetings")}
    assert by_title["Weekly stand-up"]["recurrence"] == "FREQ=WEEKLY;BYDAY=MO"
    assert by_title["Steering committee"]["recurrence"] == "FREQ=MONTHLY;BYDAY=1TH"
    rows = store.records("occurrences")
    statuses = sorted(str(r["status"]) for r in rows)
    assert statuses.count("cancelled") == 1 and statuses.count("moved") == 1
    held = [r for r in rows if r["status"] == "held"]
    assert all(str(r["start"])[:10] < day for r in held)
    assert sum(1 for r in held if r.get("minutes")) == 2
    sources = {str(a.get("source")) for a in store.records("actions")}
    from_meetings = [
        a for a in store.records("actions") if str(a.get("source")).startswith("occurrences:")
    ]
    assert len(from_meetings) == 5 and "occurrences:" + str(held[0]["key"]) in sources
    overdue = [a for a in from_meetings if a["status"] == "open" and str(a["due"]) < day]
    assert len(overdue) == 2
    assert len(store.records("agenda_items")) == 7
    assert any(d.get("link", "").startswith("occurrences:") for d in store.records("decisions"))
    # The series and the rows agree: the cancelled one shows as cancelled, the moved one
    # where it moved to, and each agenda sits on an occurrence still to come.
    window = meetings.occurrences(store, today - timedelta(days=40), today + timedelta(days=70))
    shown = {o.occurrence_key: o for o in window if o.occurrence_key}
    assert {r["key"] for r in rows} <= set(shown)
    moved = next(o for o in shown.values() if o.status == "moved")
    assert moved.start.date() == moved.scheduled.date() + timedelta(days=1)
    agenda_rows = {i["occurrence"] for i in store.records("agenda_items")}
    assert all(shown[k].start.date() >= today for k in agenda_rows)
    items = {(i.table, i.kind) for i in today_items(store)}
    assert ("occurrences", "minutes") in items
    store.close()


def test_a_meeting_scheduled_in_the_demo_without_a_zone_is_in_berlin_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's project is in Germany like its meetings: a meeting a trial user schedules
    there at 14:00 without typing a zone meets at 14:00 Berlin time, also on a jump host
    whose clock runs in UTC (it used to take the machine's zone and export an hour off)."""
    from pmtui.demo import build_demo, demo_project

    monkeypatch.setenv("TZ", "UTC")
    today = date(2026, 12, 7)
    path = tmp_path / "demo.json"
    Store.create(path, demo_project(today), today=today).close()
    store = Store.open(path, today=today)
    build_demo(store)
    added = store.add("meetings", {"title": "Architecture review", "start": "2026-12-07 14:00"})
    assert meetings.zone_name(added, store.project) == "Europe/Berlin"
