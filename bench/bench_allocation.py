"""Time load_by_week for 500 people x 52 weeks (6 assignments and 2 leaves each); prints the
median of 5 runs, and the same through the records (staffing_of on a store-like reader).

Run: .venv/bin/python bench/bench_allocation.py   (goal: well under a second)
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

from pmtui.domain.allocation import Absence, Span, load_by_week
from pmtui.domain.calendar import WorkCalendar
from pmtui.services.staffing import staffing_of

PEOPLE, WEEKS, ASSIGNMENTS, LEAVES, RUNS = 500, 52, 6, 2, 5
FIRST = date(2026, 1, 5)


def make_team(seed: int = 20261126) -> tuple[dict[str, float], list[Span], list[Absence]]:
    """People with 20-40 h a week, assignments of 2-20 weeks at 10-100 %, 1-10 days away."""
    rng = random.Random(seed)
    capacity = {f"P{n}": float(rng.choice((20, 32, 40, 40, 40))) for n in range(PEOPLE)}
    spans, absences = [], []
    for person in capacity:
        for n in range(ASSIGNMENTS):
            start = FIRST + timedelta(days=rng.randrange(0, 7 * WEEKS))
            finish = start + timedelta(days=rng.randrange(10, 140))
            spans.append(
                Span(f"{person}-{n}", person, start, finish, rng.choice((10, 25, 50, 100)))
            )
        for _ in range(LEAVES):
            start = FIRST + timedelta(days=rng.randrange(0, 7 * WEEKS))
            absences.append(Absence(person, start, start + timedelta(days=rng.randrange(0, 10))))
    return capacity, spans, absences


class Reader:
    """Just enough of the store for staffing_of: plain records, no tasks."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self.tables = tables

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return next((r for r in self.tables.get(table, []) if r["key"] == key), None)

    def records(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])


def main() -> None:
    capacity, spans, absences = make_team()
    holidays = frozenset(FIRST + timedelta(days=d) for d in (0, 95, 120, 350))
    calendar = WorkCalendar(holidays=holidays)
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        loads = load_by_week(capacity, spans, absences, FIRST, WEEKS, calendar)
        times.append(time.perf_counter() - began)
    over = sum(1 for weeks in loads.values() for week in weeks if week.band == "over")
    print(f"domain: {PEOPLE} people x {WEEKS} weeks, {len(spans)} assignments, "
          f"{len(absences)} leaves: median {statistics.median(times) * 1000:.1f} ms "
          f"({over} over-allocated person-weeks)")  # fmt: skip

    reader = Reader(
        {
            "people": [{"key": p, "capacity_hours": c} for p, c in capacity.items()],
            "assignments": [
                {
                    "key": s.key,
                    "person": s.person,
                    "deliverable": "D1",
                    "allocation": s.allocation,
                    "start": s.start.isoformat(),
                    "finish": s.finish.isoformat(),
                }
                for s in spans
            ],
            "leave": [
                {
                    "key": str(n),
                    "person": a.person,
                    "from": a.start.isoformat(),
                    "to": a.finish.isoformat(),
                }
                for n, a in enumerate(absences)
            ],
        }
    )
    project = {"start": FIRST.isoformat(), "holidays": [d.isoformat() for d in holidays]}
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        staffing_of(reader, project, FIRST).loads(FIRST, WEEKS)
        times.append(time.perf_counter() - began)
    print(f"records -> loads: median {statistics.median(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
