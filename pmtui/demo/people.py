"""The demo's people side: who works on what (with RACI letters), leave, performance notes,
two open roles with candidates, and resource requests with their history.

The story: the bank interfaces slipped, so Chen Wei's interface work runs into next week
while he also writes the interface specifications: he is over-allocated this week and next.
The interface specifications have two people accountable (the one RACI violation), and a
follow-up with Elena Rossi is overdue.
"""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.domain.allocation import OVER, Absence, load_by_week, week_of
from pmtui.services.staffing import Staffing, staffing_of
from pmtui.store import Store

#: (task, [(person, allocation, responsibility)]); assignments take the task's planned dates.
TASK_ASSIGNMENTS: tuple[tuple[str, tuple[tuple[str, int, str], ...]], ...] = (
    ("T2", (("Markus Brandt", 50, "R"), ("Dr. Katharina Weber", 0, "A"))),
    ("T3", (("Markus Brandt", 30, "R"), ("Dr. Katharina Weber", 0, "A"))),
    ("T6", (("Elena Rossi", 100, "R"), ("Aylin Demir", 50, "A"))),
    ("T7", (("Mateo Garcia", 100, "R"), ("Jonas Hoffmann", 60, "A"))),
    ("T8", (("Chen Wei", 50, "R"), ("Priya Nair", 50, "A"))),
    ("T9", (("Tomasz Kowalski", 80, "R"), ("Markus Brandt", 0, "A"))),
    ("T12", (("Elena Rossi", 100, "R"), ("Aylin Demir", 40, "A"), ("Lukas Becker", 0, "I"))),
    ("T13", (("Mateo Garcia", 100, "R"), ("Jonas Hoffmann", 50, "A"))),
    ("T15", (("Chen Wei", 20, "R"), ("Priya Nair", 0, "A"))),
    ("T16", (("Tomasz Kowalski", 100, "R"), ("Samuel Okafor", 50, "R"),
             ("Markus Brandt", 0, "A"))),
    ("T17", (("Samuel Okafor", 100, "R"), ("Tomasz Kowalski", 30, "A"),
             ("Aylin Demir", 0, "C"))),
    ("T18", (("Tomasz Kowalski", 100, "R"), ("Samuel Okafor", 50, "R"),
             ("Markus Brandt", 0, "A"))),
    ("T21", (("Lukas Becker", 100, "R"), ("Markus Brandt", 0, "A"))),
    ("T22", (("Lukas Becker", 100, "R"), ("Elena Rossi", 50, "R"), ("Mateo Garcia", 50, "R"),
             ("Markus Brandt", 0, "A"), ("Priya Nair", 0, "C"))),
    ("T23", (("Aylin Demir", 80, "R"), ("Jonas Hoffmann", 80, "R"),
             ("Markus Brandt", 0, "A"), ("Sophie Martin", 0, "I"))),
    ("T24", (("Priya Nair", 60, "R"), ("Markus Brandt", 0, "A"))),
    ("T25", (("Sophie Martin", 100, "R"), ("Markus Brandt", 0, "A"))),
    ("T28", (("Tomasz Kowalski", 100, "R"), ("Markus Brandt", 0, "A"))),
    ("T29", (("Tomasz Kowalski", 100, "R"), ("Samuel Okafor", 100, "R"),
             ("Markus Brandt", 0, "A"))),
    ("T32", (("Priya Nair", 60, "R"), ("Chen Wei", 50, "R"), ("Markus Brandt", 0, "A"))),
    ("T33", (("Aylin Demir", 50, "R"), ("Elena Rossi", 50, "R"),
             ("Dr. Katharina Weber", 0, "A"))),
    ("T34", (("Priya Nair", 40, "R"), ("Markus Brandt", 0, "A"))),
)  # fmt: skip

#: (deliverable, [(person, responsibility)]); D6 has two As: the RACI violation.
DELIVERABLE_RACI: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("D1", (("Markus Brandt", "R"), ("Dr. Katharina Weber", "A"), ("Aylin Demir", "C"))),
    ("D2", (("Aylin Demir", "R"), ("Dr. Katharina Weber", "A"), ("Jonas Hoffmann", "C"),
            ("Priya Nair", "C"))),
    ("D3", (("Priya Nair", "R"), ("Markus Brandt", "A"), ("Chen Wei", "C"))),
    ("D4", (("Samuel Okafor", "R"), ("Tomasz Kowalski", "A"), ("Aylin Demir", "I"))),
    ("D5", (("Elena Rossi", "R"), ("Mateo Garcia", "R"), ("Aylin Demir", "A"))),
    ("D6", (("Priya Nair", "A"), ("Markus Brandt", "A"), ("Lukas Becker", "C"))),
    ("D7", (("Lukas Becker", "R"), ("Markus Brandt", "A"), ("Dr. Katharina Weber", "I"))),
    ("D8", (("Tomasz Kowalski", "R"), ("Markus Brandt", "A"), ("Priya Nair", "C"))),
)  # fmt: skip

#: (person, weeks from this one, first and last weekday away (0 is Monday), note); a week
#: where the days away would over-allocate the person moves the leave on by a week.
LEAVE: tuple[tuple[str, int, int, int, str], ...] = (
    ("Samuel Okafor", 2, 0, 1, "Moving house"),
    ("Sophie Martin", 1, 2, 4, "Training course (change management certification)"),
    ("Aylin Demir", 4, 0, 3, "Holiday"),
    ("Priya Nair", 6, 0, 4, "Holiday"),
)
#: How many weeks leave may move on to find a week it fits.
LEAVE_TRIES = 12

#: (person, days before today, kind, text, tags, follow-up in days from today, done)
NOTES: tuple[tuple[str, int, str, str, str, int | None, bool], ...] = (
    ("Chen Wei", 21, "one-to-one",
     "Wants to grow towards Fiori and RAP. Agreed to look for a training slot in Q1.",
     "development", -7, True),
    ("Tomasz Kowalski", 42, "goal",
     "Mock load 2 with fewer than 0.5 % rejected vendor records.", "data migration", 1, False),
    ("Elena Rossi", 14, "feedback given",
     "Asked her to send the configuration documents before the review meetings, not after.",
     "communication", -2, False),
    ("Samuel Okafor", 8, "praise",
     "Found why the IBANs were rejected (leading zeros cut off in the legacy export) within a "
     "day; told the steering committee.", "data quality", None, False),
    ("Lukas Becker", 7, "one-to-one",
     "SIT readiness: FI/CO scripts done, MM/SD at 70 %. Worried about test data for pricing.",
     "testing", 0, False),
    ("Chen Wei", 2, "concern",
     "Struggling with the EBICS certificate handling; stays late and does not ask for help. "
     "Offered pairing with Priya twice a week.", "workload, bank interface", 12, False),
)  # fmt: skip

#: (key, title, skills, needed in days from today, allocation)
ROLES: tuple[tuple[str, str, str, int, int], ...] = (
    ("OR1", "ABAP developer (second)", "ABAP, RAP, Fiori", 35, 100),
    ("OR2", "Test analyst (Tosca)", "Tricentis Tosca, SAP SD", 21, 80),
)

#: (name, role, stage, next step, in days from today, notes)
CANDIDATES: tuple[tuple[str, str, str, str, int | None, str], ...] = (
    ("Jana Novak", "OR1", "interview", "Technical interview with Priya", 2,
     "Six years of ABAP, two on RAP; notice period one month."),
    ("Rahul Mehta", "OR1", "screening", "Phone screen", 4, "Freelancer; asks 95 an hour."),
    ("Lena Fischer", "OR1", "sourced", "Send the role profile", 1, ""),
    ("Oliver Schmidt", "OR2", "offer", "Answer to the offer due", 3,
     "Tosca certified; available from the 1st of next month."),
    ("Marta Wisniewska", "OR2", "interview", "Tosca exercise review", 1, ""),
    ("Peter Lang", "OR2", "rejected", "", None, "No SAP test background."),
)  # fmt: skip


def _days(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def _add_assignments(store: Store, today: date) -> None:
    monday = week_of(today)
    next_friday = monday + timedelta(days=11)
    for task, people in TASK_ASSIGNMENTS:
        for person, allocation, letter in people:
            values = {"person": person, "task": task, "responsibility": letter}
            if allocation:
                values["allocation"] = str(allocation)
            store.add("assignments", values)
    # The interfaces slipped: Chen Wei stays on them until next Friday, while he also
    # writes their specifications (the over-allocation of this week and next).
    store.add(
        "assignments",
        {
            "person": "Chen Wei",
            "task": "T14",
            "allocation": "80",
            "start": (monday - timedelta(weeks=3)).isoformat(),
            "finish": next_friday.isoformat(),
            "responsibility": "R",
        },
    )
    store.add("assignments", {"person": "Priya Nair", "task": "T14", "responsibility": "A"})
    store.add(
        "assignments",
        {
            "person": "Chen Wei",
            "deliverable": "D6",
            "allocation": "50",
            "start": monday.isoformat(),
            "finish": next_friday.isoformat(),
            "responsibility": "R",
        },
    )
    for deliverable, people_raci in DELIVERABLE_RACI:
        for person, letter in people_raci:
            store.add(
                "assignments",
                {"person": person, "deliverable": deliverable, "responsibility": letter},
            )
    # Running the project: half of the manager's week from the kick-off to the end.
    project = store.project
    store.add(
        "assignments",
        {
            "person": "Markus Brandt",
            "milestone": "M7",
            "allocation": "50",
            "start": str(store.require("tasks", "T4").get("actual_start") or project["start"]),
            "finish": str(project.get("target_finish") or project["start"]),
            "responsibility": "A",
        },
    )


def _leave_fits(staffing: Staffing, person: str, absence: Absence) -> bool:
    """Whether `person` stays within capacity in the week of `absence` when away."""
    capacity = {person: staffing.capacity.get(person, 0.0)}
    spans = [span for span in staffing.spans if span.person == person]
    week = load_by_week(capacity, spans, [absence], absence.start, 1, staffing.calendar)
    return week[person][0].band != OVER


def _add_leave_and_notes(store: Store, today: date) -> None:
    staffing = staffing_of(store, store.project, today)
    monday = week_of(today)
    for name, weeks, first, last, note in LEAVE:
        person = store.resolve("people", name)
        for tries in range(LEAVE_TRIES):
            start = monday + timedelta(weeks=weeks + tries, days=first)
            absence = Absence(person, start, start + timedelta(days=last - first))
            if _leave_fits(staffing, person, absence):
                break
        store.add(
            "leave",
            {"person": person, "from": absence.start.isoformat(),
             "to": absence.finish.isoformat(), "note": note},
        )  # fmt: skip
    for person, ago, kind, text, tags, follow_up, done in NOTES:
        values = {"person": person, "date": _days(today, -ago), "kind": kind, "text": text,
                  "tags": tags, "follow_up_done": "yes" if done else "no"}  # fmt: skip
        if follow_up is not None:
            values["follow_up"] = _days(today, follow_up)
        store.add("notes", values)


def _add_recruiting(store: Store, today: date) -> None:
    for key, title, skills, needed, allocation in ROLES:
        store.add(
            "open_roles",
            {"key": key, "title": title, "skills": skills, "needed_by": _days(today, needed),
             "allocation": str(allocation)},
        )  # fmt: skip
    for name, role, stage, step, when, notes in CANDIDATES:
        values = {"name": name, "role": role, "stage": stage, "next_step": step, "notes": notes}
        if when is not None:
            values["next_step_date"] = _days(today, when)
        store.add("candidates", {k: v for k, v in values.items() if v})


def _add_requests(store: Store, today: date) -> None:
    vendors = {str(v.get("name")) for v in store.records("vendors")}
    integrator = {"from_vendor": "S/4 Partners"} if "S/4 Partners" in vendors else {
        "from_other": "S/4 Partners"}  # fmt: skip
    requests = (
        ({"title": "Two SD consultants for UAT", "kind": "people", **integrator,
          "needed_by": _days(today, 34), "status": "negotiating",
          "details": "UAT needs two SD consultants on site for six weeks."},
         ((20, "Asked S/4 Partners for two SD consultants for six weeks from UAT start."),
          (12, "They offered one consultant from January, a second only from February."),
          (3, "Proposed one consultant on site plus 80 remote hours; waiting for their rates."))),
        ({"title": "Second QA client for SIT", "kind": "equipment",
          "from_other": "IT operations (Basis team)", "needed_by": _days(today, -10),
          "status": "granted"},
         ((30, "Requested a second QA client so SIT and data loads do not collide."),
          (16, "Basis team agreed; client copy planned for the weekend."),
          (11, "Client 310 handed over."))),
        ({"title": "Budget for Tosca licences", "kind": "budget",
          "from_person": "Dr. Katharina Weber", "needed_by": _days(today, 14),
          "status": "requested", "amount": "24000"},
         ((5, "Sent the licence quote and the test automation plan to the sponsor."),)),
    )  # fmt: skip
    for values, events in requests:
        record = store.add("resource_requests", values)
        for ago, text in events:
            store.add(
                "request_events",
                {"request": record["key"], "date": _days(today, -ago), "text": text},
            )


def add_demo(store: Store, today: date) -> None:
    """Assignments with RACI letters, leave, notes, roles, candidates and requests."""
    _add_assignments(store, today)
    _add_leave_and_notes(store, today)
    _add_recruiting(store, today)
    _add_requests(store, today)
