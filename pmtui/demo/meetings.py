"""The demo's meetings: a weekly stand-up and a monthly steering committee, with past
occurrences held (minutes, decisions, actions, some overdue), one held without minutes
yet, one cancelled, one moved, and the agenda of the next ones; dated relative to today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pmtui.services import meetings
from pmtui.store import Store

ZONE = "Europe/Berlin"
STAND_UP_TIME = time(9, 0)
STEERING_TIME = time(14, 0)
TEAM = ("Markus Brandt", "Aylin Demir", "Priya Nair", "Chen Wei", "Tomasz Kowalski")
STEERING = ("Dr. Katharina Weber", "Markus Brandt", "Aylin Demir", "Lukas Becker")

STAND_UP_MINUTES = (
    "Mock load 2 finished; 214 vendor records rejected by IBAN check.\n"
    "Bank interface specs still waiting for the bank's sign-off.\n"
    "UAT key users: two plants have not named theirs."
)
STEERING_MINUTES = (
    "Build is two weeks behind plan; the integrator proposes a re-plan.\n"
    "Budget: 48 % used at 43 % complete.\n"
    "Go-live date held; cutover rehearsal moves into week 3."
)
#: (text, owner, due in days from today, done)
STAND_UP_ACTIONS = (
    ("Send the rejected IBAN list to the bank", "Tomasz Kowalski", -3, False),
    ("Chase the plants for their UAT key users", "Aylin Demir", 2, False),
    ("Book the cutover rehearsal room", "Priya Nair", -5, True),
)
STEERING_ACTIONS = (
    ("Bring the integrator's re-plan with costs", "Markus Brandt", -1, False),
    ("Ask the works council for the go-live consultation date", "Dr. Katharina Weber", 6, False),
)
STEERING_DECISIONS = (
    "Go-live date stays; contingency week used for the re-plan",
    "Cutover rehearsal moves into week 3",
)
#: (text, owner, minutes allowed)
STAND_UP_AGENDA = (
    ("Mock load 3 status", "Tomasz Kowalski", 5),
    ("Blockers", "Markus Brandt", 5),
    ("UAT preparation", "Aylin Demir", 5),
)
STEERING_AGENDA = (
    ("Status and RAG", "Markus Brandt", 20),
    ("Re-plan of the build phase", "Chen Wei", 30),
    ("Change requests awaiting a decision", "Aylin Demir", 20),
    ("Any other business", "Dr. Katharina Weber", 10),
)


def _first_thursday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7)


def _months_back(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).isoformat(timespec="minutes")


def _actions(
    store: Store, occurrence: str, today: date, actions: tuple[tuple[str, str, int, bool], ...]
) -> None:
    for text, owner, due, done in actions:
        added = meetings.raise_action(
            store, occurrence, text, owner, (today + timedelta(days=due)).isoformat()
        )
        if done:
            store.update(
                "actions", str(added["key"]), {"status": "done", "done_on": today.isoformat()}
            )


def _agenda(store: Store, occurrence: str, items: tuple[tuple[str, str, int], ...]) -> None:
    for order, (text, owner, minutes) in enumerate(items, start=1):
        store.add(
            "agenda_items",
            {
                "occurrence": occurrence,
                "text": text,
                "owner": owner,
                "minutes_allowed": str(minutes),
                "order": str(order),
            },
        )


def _stand_up(store: Store, today: date) -> None:
    monday = today - timedelta(days=today.weekday())
    meeting = store.add(
        "meetings",
        {
            "title": "Weekly stand-up",
            "kind": "stand-up",
            "start": _local(monday - timedelta(weeks=6), STAND_UP_TIME),
            "time_zone": ZONE,
            "length": "15m",
            "location": "Room 2.14",
            "attendees": "; ".join(TEAM),
            "recurrence": "weekly on mon",
        },
    )
    key = str(meeting["key"])
    two_weeks = meetings.open_occurrence(
        store, key, _local(monday - timedelta(weeks=2), STAND_UP_TIME)
    )
    store.update("occurrences", two_weeks, {"minutes": STAND_UP_MINUTES})
    meetings.close(store, two_weeks)
    _actions(store, two_weeks, today, STAND_UP_ACTIONS)
    last_week = meetings.open_occurrence(
        store, key, _local(monday - timedelta(weeks=1), STAND_UP_TIME)
    )
    meetings.close(store, last_week)  # held, minutes not written yet: on Today
    meetings.cancel(store, key, _local(monday + timedelta(weeks=1), STAND_UP_TIME))
    next_one = monday if monday >= today else monday + timedelta(weeks=1)
    if next_one == monday + timedelta(weeks=1):  # cancelled: the agenda goes to the one after
        next_one += timedelta(weeks=1)
    upcoming = meetings.open_occurrence(store, key, _local(next_one, STAND_UP_TIME))
    _agenda(store, upcoming, STAND_UP_AGENDA)


def _steering(store: Store, today: date) -> None:
    year, month = _months_back(today, 3)
    meeting = store.add(
        "meetings",
        {
            "title": "Steering committee",
            "kind": "steering committee",
            "start": _local(_first_thursday(year, month), STEERING_TIME),
            "time_zone": ZONE,
            "length": "1h30",
            "location": "https://meet.example.com/steerco",
            "attendees": "; ".join(STEERING),
            "recurrence": "monthly on the 1st thu",
        },
    )
    key = str(meeting["key"])
    this_month = _first_thursday(today.year, today.month)
    held = this_month if this_month < today else _first_thursday(*_months_back(today, 1))
    last = meetings.open_occurrence(store, key, _local(held, STEERING_TIME))
    store.update("occurrences", last, {"minutes": STEERING_MINUTES})
    meetings.close(store, last, STEERING_DECISIONS, made_by="Dr. Katharina Weber")
    _actions(store, last, today, STEERING_ACTIONS)
    following = held + timedelta(days=35)
    coming = _first_thursday(following.year, following.month)
    moved = meetings.move(
        store, key, _local(coming, STEERING_TIME), _local(coming + timedelta(days=1), time(10))
    )
    _agenda(store, moved, STEERING_AGENDA)


def add_demo(store: Store, today: date) -> None:
    """Add the stand-up and the steering committee with their occurrences."""
    _stand_up(store, today)
    _steering(store, today)
