"""The People tables' rules, and how their records are read for loads, RACI, costs and Today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pmtui.domain.allocation import OVER, week_of
from pmtui.records.resourcing import CANDIDATE_STAGES
from pmtui.records.staffing import NOTE_KINDS
from pmtui.services.staffing import (
    follow_up_text,
    follow_ups,
    raci_of,
    staffing_of,
    task_labour_costs,
)
from pmtui.store import RecordInvalid, Store
from tests.uihelpers import TODAY, demo_store


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Store]:
    """Two people, two tasks one after the other (T1 5 days from Mon 2026-11-23, T2 3 days),
    a milestone and a deliverable."""
    store = Store.create(tmp_path / "t.json", {"name": "Team", "start": "2026-11-23"}, today=TODAY)
    store.add("people", {"name": "Ann Lee", "capacity_hours": "40", "rate": "100"})
    store.add("people", {"name": "Bo Ek", "capacity_hours": "20", "rate": "80"})
    store.add("tasks", {"key": "T1", "title": "Design", "duration": "5"})
    store.add("tasks", {"key": "T2", "title": "Build", "duration": "3", "predecessors": "T1"})
    store.add("milestones", {"key": "M1", "title": "Done", "due": "2026-12-04"})
    store.add("deliverables", {"key": "D1", "title": "Spec"})
    yield store
    store.close()


# ---------------------------------------------------------------- rules


def test_an_assignment_names_what_it_is_for(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add("assignments", {"person": "P1", "allocation": "50"})
    assert "task" in refused.value.errors


def test_an_assignment_is_for_one_thing_only(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add("assignments", {"person": "P1", "task": "T1", "deliverable": "D1"})
    assert refused.value.errors == {
        "deliverable": "an assignment is for one thing; task is already given"
    }


def test_an_assignment_cannot_finish_before_it_starts(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add(
            "assignments",
            {"person": "P1", "task": "T1", "start": "2026-12-04", "finish": "2026-12-01"},
        )
    assert "finish" in refused.value.errors


def test_allocation_is_a_share_of_capacity_up_to_100(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add("assignments", {"person": "P1", "task": "T1", "allocation": "120"})
    assert "above the maximum of 100" in refused.value.errors["allocation"]


def test_the_raci_letter_is_typed_in_either_case(team: Store) -> None:
    record = team.add("assignments", {"person": "P1", "task": "T1", "responsibility": "a"})
    assert record["responsibility"] == "A"


def test_leave_cannot_end_before_it_begins(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add("leave", {"person": "P1", "from": "2026-12-10", "to": "2026-12-09"})
    assert "to" in refused.value.errors


def test_deleting_a_person_takes_their_leave_along(team: Store) -> None:
    team.add("leave", {"person": "P2", "from": "2026-12-10", "to": "2026-12-11"})
    team.delete("people", "P2")
    assert team.records("leave") == []


def test_a_person_cannot_manage_themselves(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.update("people", "P1", {"manager": "P1"})
    assert refused.value.errors == {"manager": "a person cannot be their own manager"}


def test_a_note_gets_todays_date_and_a_kind(team: Store) -> None:
    note = team.add("notes", {"person": "Bo Ek", "text": "Good demo."})
    assert (note["date"], note["kind"], note["follow_up_done"]) == (
        TODAY.isoformat(),
        "one-to-one",
        False,
    )


def test_a_request_goes_to_one_party(team: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        team.add(
            "resource_requests",
            {"title": "Laptop", "from_person": "P1", "from_other": "IT desk"},
        )
    assert "from_other" in refused.value.errors


def test_deleting_a_request_deletes_its_history(team: Store) -> None:
    request = team.add("resource_requests", {"title": "Laptop", "from_other": "IT desk"})
    team.add("request_events", {"request": request["key"], "text": "Asked."})
    team.delete("resource_requests", request["key"])
    assert team.records("request_events") == []


# ---------------------------------------------------------------- reading


def test_an_assignment_without_dates_takes_its_tasks_planned_dates(team: Store) -> None:
    """T2 follows T1 (Mon 11-23 to Fri 11-27): Mon 11-30 to Wed 12-02."""
    team.add("assignments", {"person": "P1", "task": "T2", "allocation": "50"})
    [span] = staffing_of(team, team.project, TODAY).spans
    assert (span.start, span.finish, span.allocation) == (date(2026, 11, 30), date(2026, 12, 2), 50)


def test_own_dates_win_over_the_tasks(team: Store) -> None:
    team.add("assignments", {"person": "P1", "task": "T2", "allocation": "50",
                             "finish": "2026-12-11"})  # fmt: skip
    [span] = staffing_of(team, team.project, TODAY).spans
    assert (span.start, span.finish) == (date(2026, 11, 30), date(2026, 12, 11))


def test_a_raci_role_without_allocation_asks_no_hours(team: Store) -> None:
    team.add("assignments", {"person": "P1", "milestone": "M1", "responsibility": "A"})
    team.add("assignments", {"person": "P1", "deliverable": "D1", "allocation": "50"})
    assert staffing_of(team, team.project, TODAY).spans == []


def test_overlapping_assignments_over_allocate_the_week(team: Store) -> None:
    team.add("assignments", {"person": "P2", "task": "T1", "allocation": "100"})
    team.add("assignments", {"person": "P2", "deliverable": "D1", "allocation": "40",
                             "start": "2026-11-25", "finish": "2026-11-27"})  # fmt: skip
    [week] = staffing_of(team, team.project, TODAY).loads(TODAY, 1)["P2"]
    assert week.load == pytest.approx((100 * 5 + 40 * 3) / 500)
    assert week.band == OVER


def test_leave_is_read_into_each_persons_week(team: Store) -> None:
    team.add("assignments", {"person": "P1", "task": "T1", "allocation": "60"})
    team.add("leave", {"person": "P1", "from": "2026-11-23", "to": "2026-11-24"})
    [week] = staffing_of(team, team.project, TODAY).loads(TODAY, 1)["P1"]
    assert (week.assigned_hours, week.available_hours) == (24, 24)


def test_raci_checks_every_deliverable_and_assigned_tasks_only(team: Store) -> None:
    team.add("assignments", {"person": "P1", "task": "T1", "responsibility": "R"})
    _, violations = raci_of(team)
    assert [(v.item, v.problem) for v in violations] == [
        (("deliverables", "D1"), "no A, no R"),
        (("tasks", "T1"), "no A"),
    ]


def test_labour_cost_of_a_task_is_its_hours_times_rates(team: Store) -> None:
    """T1 is 5 days: Ann at 100 % (8 h a day) 40 h x 100, Bo at 50 % of his 4 h day 10 h x 80."""
    team.add("assignments", {"person": "P1", "task": "T1", "allocation": "100"})
    team.add("assignments", {"person": "P2", "task": "T1", "allocation": "50"})
    cost = task_labour_costs(team, team.project, TODAY)["T1"]
    assert (cost.hours, cost.cost) == (50, 4800)


def test_follow_ups_name_the_person_never_the_note(team: Store) -> None:
    team.add("notes", {"person": "P2", "text": "Private words.", "follow_up": "2026-11-25"})
    team.add("notes", {"person": "P1", "text": "Later.", "follow_up": "2026-12-25"})
    team.add("notes", {"person": "P1", "text": "Done.", "follow_up": "2026-11-20",
                       "follow_up_done": "yes"})  # fmt: skip
    found = follow_ups(team, TODAY)
    assert [(f.title, f.due) for f in found] == [("follow up with Bo Ek", date(2026, 11, 25))]
    assert "Private" not in repr(found)


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ({"follow_up": "2026-11-26"}, "11-26!"),
        ({"follow_up": "2026-12-08"}, "12-08"),
        ({"follow_up": "2026-11-01", "follow_up_done": True}, "✓"),
        ({}, ""),
    ],
)
def test_a_follow_up_in_a_narrow_column(note: dict[str, object], shown: str) -> None:
    assert follow_up_text(note, TODAY.isoformat()) == shown


# ---------------------------------------------------------------- the demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = demo_store(tmp_path_factory.mktemp("demo"))
    yield store
    store.close()


def test_the_demo_team_has_skills_and_rates(demo: Store) -> None:
    people = demo.records("people")
    assert len([p for p in people if p.get("skills") and p.get("rate")]) >= 8


def test_the_demo_over_allocates_one_person_this_week_and_next(demo: Store) -> None:
    staffing = staffing_of(demo, demo.project, TODAY)
    start = date.fromisoformat(str(demo.project["start"]))
    count = (week_of(date(2027, 12, 31)) - week_of(start)).days // 7
    over = {
        person: [week.week for week in weeks if week.band == OVER]
        for person, weeks in staffing.loads(start, count).items()
    }
    this_week = week_of(TODAY)
    assert {person: weeks for person, weeks in over.items() if weeks} == {
        demo.resolve("people", "Chen Wei"): [this_week, date(2026, 11, 30)]
    }


def test_the_demo_raci_has_exactly_one_violation(demo: Store) -> None:
    _, violations = raci_of(demo)
    assert [(v.item, v.problem) for v in violations] == [(("deliverables", "D6"), "2 As (P2, P5)")]


def test_the_demo_has_notes_of_every_kind_and_a_follow_up_due(demo: Store) -> None:
    notes = demo.records("notes")
    assert {n["kind"] for n in notes} == set(NOTE_KINDS)
    assert follow_ups(demo, TODAY)


def test_the_demo_has_two_open_roles_with_candidates(demo: Store) -> None:
    roles = [r for r in demo.records("open_roles") if r.get("status") == "open"]
    candidates = demo.records("candidates")
    assert len(roles) == 2
    assert all(any(c.get("role") == r["key"] for c in candidates) for r in roles)
    assert {c["stage"] for c in candidates} <= set(CANDIDATE_STAGES)


def test_the_demo_has_a_resource_request_with_history(demo: Store) -> None:
    events = demo.records("request_events")
    assert any(
        len([e for e in events if e.get("request") == r["key"]]) >= 2
        for r in demo.records("resource_requests")
    )


def test_the_demo_leave_never_over_allocates_anyone(demo: Store) -> None:
    staffing = staffing_of(demo, demo.project, TODAY)
    for absence in staffing.absences:
        [week] = staffing.loads(absence.start, 1)[absence.person]
        assert week.band != OVER, absence
