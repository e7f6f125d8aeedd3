"""The allocation domain: load per person per week, bands, the RACI rule and labour cost.

Every load below is worked out by hand in the test's docstring; weeks run Monday to Sunday
and 2026-11-23 is a Monday.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.allocation import (
    FULL,
    OFF,
    OVER,
    UNDER,
    Absence,
    RaciEntry,
    Span,
    WeekLoad,
    band_of,
    labour_cost,
    load_by_week,
    next_responsibility,
    raci_violations,
    shown_percent,
    span_hours,
    week_of,
    weeks_from,
)
from pmtui.domain.calendar import WorkCalendar

MONDAY = date(2026, 11, 23)
WEEKDAYS = WorkCalendar()


def day(offset: int) -> date:
    """The day `offset` days after MONDAY."""
    return MONDAY + timedelta(days=offset)


def weeks_of_p(
    spans: list[Span],
    absences: list[Absence] | None = None,
    *,
    capacity: float = 40,
    count: int = 1,
    calendar: WorkCalendar = WEEKDAYS,
) -> list[WeekLoad]:
    """The weeks of person P from the week of MONDAY."""
    return load_by_week({"P": capacity}, spans, absences or [], MONDAY, count, calendar)["P"]


def one_week(
    spans: list[Span],
    absences: list[Absence] | None = None,
    capacity: float = 40,
    calendar: WorkCalendar = WEEKDAYS,
) -> tuple[float | None, str, float, float]:
    """(load, band, assigned hours, available hours) of person P in the week of MONDAY."""
    week = weeks_of_p(spans, absences, capacity=capacity, calendar=calendar)[0]
    return week.load, week.band, week.assigned_hours, week.available_hours


# ---------------------------------------------------------------- weeks and bands


def test_a_week_starts_on_its_monday() -> None:
    assert week_of(date(2026, 11, 26)) == MONDAY
    assert week_of(MONDAY) == MONDAY
    assert week_of(date(2026, 11, 29)) == MONDAY  # Sunday


def test_weeks_from_a_thursday_start_on_that_weeks_monday() -> None:
    assert weeks_from(date(2026, 11, 26), 3) == [MONDAY, day(7), day(14)]


@pytest.mark.parametrize(
    ("load", "band"),
    [(0.0, UNDER), (0.79, UNDER), (0.8, FULL), (0.95, FULL), (1.0, FULL), (1.01, OVER)],
)
def test_bands_are_under_80_then_80_to_100_then_over(load: float, band: str) -> None:
    assert band_of(load, asked=load > 0) == band


def test_nothing_available_is_over_when_asked_and_off_when_not() -> None:
    assert band_of(None, asked=True) == OVER
    assert band_of(None, asked=False) == OFF


# ---------------------------------------------------------------- load


def test_full_time_on_a_five_day_task_is_a_full_week() -> None:
    """100 % x 5 days x 8 h = 40 h of work (pmconnection.com, "Units x Duration = Work":
    a 5-day task at 100 % gives 40 hours) against 40 h available: load 1.0."""
    load, band, assigned, available = one_week([Span("A1", "P", day(0), day(4), 100)])
    assert (assigned, available, load, band) == (40, 40, 1.0, FULL)


def test_full_time_on_two_tasks_at_once_is_double_booked() -> None:
    """Two full-time tasks on the same days ask 16 h of an 8-h day (Grist Project
    Management, "Understanding how resource conflicts occur": Mary on two tasks at once):
    80 h asked of 40 h, load 2.0."""
    spans = [Span("A1", "P", day(0), day(4), 100), Span("A2", "P", day(0), day(4), 100)]
    load, band, assigned, _ = one_week(spans)
    assert (assigned, load, band) == (80, 2.0, OVER)


def test_a_partial_week_counts_only_the_days_covered() -> None:
    """Wednesday to Friday at 100 %: 3 days x 8 h = 24 h of 40 h, load 0.6."""
    load, band, assigned, _ = one_week([Span("A1", "P", day(2), day(4), 100)])
    assert (assigned, load, band) == (24, 0.6, UNDER)


def test_overlapping_partial_assignments_add_up() -> None:
    """60 % all week (5 x 4.8 h = 24 h) and 50 % Wednesday-Friday (3 x 4 h = 12 h):
    36 h of 40 h, load 0.9."""
    spans = [Span("A1", "P", day(0), day(4), 60), Span("A2", "P", day(2), day(4), 50)]
    load, band, assigned, _ = one_week(spans)
    assert assigned == pytest.approx(36)
    assert load == pytest.approx(0.9)
    assert band == FULL


def test_the_weekend_adds_no_hours() -> None:
    """Saturday and Sunday are not working days: a span Friday-Sunday is one day, 8 h."""
    _, _, assigned, _ = one_week([Span("A1", "P", day(4), day(6), 100)])
    assert assigned == 8


def test_leave_lowers_what_is_available_not_what_is_asked() -> None:
    """100 % all week, away Monday and Tuesday: 40 h asked of 3 x 8 = 24 h, load 5/3."""
    load, band, assigned, available = one_week(
        [Span("A1", "P", day(0), day(4), 100)], [Absence("P", day(0), day(1))]
    )
    assert (assigned, available, band) == (40, 24, OVER)
    assert load == pytest.approx(40 / 24)


def test_overlapping_leave_counts_each_day_once() -> None:
    """Away Monday-Wednesday and Tuesday-Thursday is four days away: 50 % of the week
    (20 h) against the one day left (8 h), load 2.5."""
    absences = [Absence("P", day(0), day(2)), Absence("P", day(1), day(3))]
    load, band, _, available = one_week([Span("A1", "P", day(0), day(4), 50)], absences)
    assert (available, load, band) == (8, 2.5, OVER)


def test_a_holiday_lowers_both_sides_of_the_ratio() -> None:
    """Friday a holiday: 100 % asks 4 x 8 = 32 h of the 32 h the week holds, load 1.0."""
    calendar = WorkCalendar(holidays=frozenset({day(4)}))
    load, band, assigned, available = one_week(
        [Span("A1", "P", day(0), day(4), 100)], calendar=calendar
    )
    assert (assigned, available, load, band) == (32, 32, 1.0, FULL)


def test_a_week_all_on_leave_with_work_asked_is_over_with_a_reason() -> None:
    [week] = weeks_of_p([Span("A1", "P", day(0), day(4), 20)], [Absence("P", day(0), day(4))])
    assert (week.load, week.band, week.why) == (None, OVER, "on leave all week")


def test_a_week_all_on_leave_with_nothing_asked_is_off() -> None:
    load, band, _, _ = one_week([], [Absence("P", day(-3), day(10))])
    assert (load, band) == (None, OFF)


def test_a_person_without_capacity_who_is_assigned_is_over() -> None:
    [week] = weeks_of_p([Span("A1", "P", day(0), day(4), 50)], capacity=0)
    assert (week.load, week.band, week.why) == (None, OVER, "no capacity")


def test_a_span_over_two_weeks_splits_by_working_days() -> None:
    """Thursday to the next Tuesday at 100 %: Thursday+Friday (16 h) in the first week,
    Monday+Tuesday (16 h) in the second; each 0.4."""
    weeks = weeks_of_p([Span("A1", "P", day(3), day(8), 100)], count=2)
    assert [(w.week, w.assigned_hours, w.load) for w in weeks] == [
        (MONDAY, 16, 0.4),
        (day(7), 16, 0.4),
    ]


def test_part_time_capacity_and_units_over_100_percent() -> None:
    """Trajkovski's week-by-week example: John may give 20 h a week (50 % of 40 h) and is
    assigned at 51 % of a full 8-h day (4.08 h, i.e. 102 % of his own 4 h day) for 3 days:
    3 x 4.08 = 12.24 h, below the 20 h of his week, so not over-allocated (N. Trajkovski,
    "Over allocation not shown in MS Project 2016 ... bug or not?", 2017,
    https://ntrajkovski.com/2017/08/08/over-allocation-not-shown-in-ms-project-2016-with-windows-10-bug-or-not/)."""
    load, band, assigned, available = one_week([Span("A1", "P", day(0), day(2), 102)], capacity=20)
    assert assigned == pytest.approx(12.24)
    assert available == 20
    assert load == pytest.approx(0.612)
    assert band == UNDER


def test_each_week_names_the_assignments_behind_it() -> None:
    spans = [Span("A1", "P", day(0), day(4), 50), Span("A2", "P", day(7), day(9), 50)]
    weeks = weeks_of_p(spans, count=2)
    assert [w.spans for w in weeks] == [("A1",), ("A2",)]


def test_spans_outside_the_weeks_shown_are_left_out() -> None:
    spans = [Span("A1", "P", day(-30), day(-20), 100), Span("A2", "P", day(30), day(40), 100)]
    weeks = weeks_of_p(spans, count=2)
    assert [w.assigned_hours for w in weeks] == [0, 0]


def test_people_without_capacity_records_are_ignored() -> None:
    spans = [Span("A1", "X", day(0), day(4), 100)]
    loads = load_by_week({"P": 40}, spans, [], MONDAY, 1, WEEKDAYS)
    assert list(loads) == ["P"]
    assert loads["P"][0].assigned_hours == 0


@given(
    start=st.integers(min_value=-10, max_value=30),
    length=st.integers(min_value=1, max_value=40),
    cut=st.integers(min_value=0, max_value=39),
    allocation=st.integers(min_value=1, max_value=100),
)
def test_splitting_a_span_in_two_keeps_every_weeks_hours(
    start: int, length: int, cut: int, allocation: int
) -> None:
    first, last = day(start), day(start + length - 1)
    middle = day(start + min(cut, length - 1))
    whole = weeks_of_p([Span("A", "P", first, last, allocation)], count=8)
    parts = [Span("B", "P", first, middle, allocation)]
    if middle < last:
        parts.append(Span("C", "P", middle + timedelta(days=1), last, allocation))
    split = weeks_of_p(parts, count=8)
    assert [w.assigned_hours for w in whole] == pytest.approx([w.assigned_hours for w in split])


# ---------------------------------------------------------------- RACI


def entry(key: str, item: str, person: str, letter: str | None) -> RaciEntry:
    table = "deliverables" if item.startswith("D") else "tasks"
    return RaciEntry(key, (table, item), person, letter)


def test_one_a_and_one_r_is_fine() -> None:
    entries = [entry("1", "D1", "P1", "A"), entry("2", "D1", "P2", "R")]
    assert raci_violations([("deliverables", "D1")], entries) == []


def test_an_item_without_a_and_r_is_listed_with_both_problems() -> None:
    entries = [entry("1", "D1", "P1", "C")]
    [violation] = raci_violations([("deliverables", "D1")], entries)
    assert (violation.item, violation.problem) == (("deliverables", "D1"), "no A, no R")


def test_two_accountable_people_are_named_with_their_assignments() -> None:
    entries = [
        entry("AS1", "T1", "P1", "A"),
        entry("AS2", "T1", "P2", "A"),
        entry("AS3", "T1", "P3", "R"),
    ]
    [violation] = raci_violations([("tasks", "T1")], entries)
    assert violation.problem == "2 As (P1, P2)"
    assert violation.assignments == ("AS1", "AS2")


def test_one_person_accountable_twice_is_one_a() -> None:
    entries = [
        entry("AS1", "T1", "P1", "A"),
        entry("AS2", "T1", "P1", "A"),
        entry("AS3", "T1", "P3", "R"),
    ]
    assert raci_violations([("tasks", "T1")], entries) == []


def test_only_the_items_checked_are_judged() -> None:
    entries = [entry("1", "T9", "P1", "C")]
    assert raci_violations([("tasks", "T1")], entries)[0].item == ("tasks", "T1")
    assert len(raci_violations([("tasks", "T1")], entries)) == 1


def test_the_letter_cycles_r_a_c_i_blank() -> None:
    seen: list[str | None] = []
    current: str | None = None
    for _ in range(5):
        current = next_responsibility(current)
        seen.append(current)
    assert seen == ["R", "A", "C", "I", None]


# ---------------------------------------------------------------- labour cost


def test_labour_cost_is_hours_times_rate() -> None:
    """Ten hours at 50 an hour cost 500 (Muir, "Microsoft Project For Dummies", ch. 10,
    "Determining a Project's Cost"): 25 % of an 8-h day over 5 days is 10 h."""
    span = Span("A1", "P", day(0), day(4), 25)
    cost = labour_cost([span], {"P": 40}, {"P": 50.0}, WEEKDAYS)
    assert (cost.hours, cost.cost, cost.unpriced) == (10, 500, ())


def test_labour_cost_adds_people_and_skips_holidays() -> None:
    """Two people for two weeks at 50 %, a holiday in the first: 9 working days x 4 h = 36 h
    each; 36 x 100 + 36 x 80 = 6,480."""
    calendar = WorkCalendar(holidays=frozenset({day(2)}))
    spans = [Span("A1", "P", day(0), day(11), 50), Span("A2", "Q", day(0), day(11), 50)]
    cost = labour_cost(spans, {"P": 40, "Q": 40}, {"P": 100.0, "Q": 80.0}, calendar)
    assert (cost.hours, cost.cost) == (72, 6480)


def test_people_without_a_rate_add_hours_and_are_named() -> None:
    spans = [Span("A1", "P", day(0), day(4), 100), Span("A2", "Q", day(0), day(4), 100)]
    cost = labour_cost(spans, {"P": 40, "Q": 40}, {"P": 10.0, "Q": None}, WEEKDAYS)
    assert (cost.hours, cost.cost, cost.unpriced) == (80, 400, ("Q",))


def test_span_hours_follow_the_all_days_calendar() -> None:
    """An all-days calendar spreads 42 h a week over 7 days: 6 h a day, Monday-Sunday 42 h."""
    calendar = WorkCalendar(all_days=True)
    assert span_hours(Span("A1", "P", day(0), day(6), 100), 42, calendar) == 42


@pytest.mark.parametrize(
    ("load", "shown"),
    [(1.002, 101), (0.799, 79), (0.8, 80), (1.0, 100), (0.904, 90), (1.38, 138), (None, None)],
)
def test_the_percent_shown_never_contradicts_the_band(load: float | None, shown: int) -> None:
    band = band_of(load, asked=True)
    assert shown_percent(load, band) == shown
