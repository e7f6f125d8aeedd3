"""The recurrence grammar (text -> RRULE -> text) and series expanded in their time zone.

Expected dates are counted from the calendar by hand; RFC 5545 section 3.3.10 defines the
RRULE parts (BYDAY=1FR: the first Friday; BYSETPOS=-1: the last of the set) and section
3.8.5.1 that EXDATE removes a series time; daylight-saving dates are those published for
2026 (EU: last Sunday of March and October; US: second Sunday of March, first of November).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.recurrence import (
    RecurrenceError,
    describe,
    expand,
    next_after,
    parse,
    schedule,
)

GRAMMAR = [
    ("daily", "FREQ=DAILY"),
    ("every 3 days", "FREQ=DAILY;INTERVAL=3"),
    ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("weekly", "FREQ=WEEKLY"),
    ("weekly on mon", "FREQ=WEEKLY;BYDAY=MO"),
    ("every 2 weeks on tue, thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"),
    ("monthly", "FREQ=MONTHLY"),
    ("monthly on the 1st fri", "FREQ=MONTHLY;BYDAY=1FR"),
    ("monthly on the last fri", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("monthly on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("last working day of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
    ("first working day of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1"),
    ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
    ("yearly", "FREQ=YEARLY"),
]


@pytest.mark.parametrize(("text", "rule"), GRAMMAR)
def test_the_grammar_reads_and_writes_each_form(text: str, rule: str) -> None:
    assert parse(text) == rule
    assert describe(rule) == text


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("Weekly On Mon", "FREQ=WEEKLY;BYDAY=MO"),
        ("weekly mon", "FREQ=WEEKLY;BYDAY=MO"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("every 2 weeks tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every 2 weeks on thursday and tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2"),
        ("every other tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every tue and thu", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("every other month on the 15th", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15"),
        ("mon, wed", "FREQ=WEEKLY;BYDAY=MO,WE"),
        ("monthly on the first friday", "FREQ=MONTHLY;BYDAY=1FR"),
        ("rrule:freq=weekly;interval=1;byday=+1mo", "FREQ=WEEKLY;BYDAY=1MO"),
        ("FREQ=DAILY;COUNT=5", "FREQ=DAILY;COUNT=5"),
    ],
)
def test_other_spellings_read_as_the_same_rule(typed: str, rule: str) -> None:
    assert parse(typed) == rule


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "now and then",
        "weekly on funday",
        "monthly on the 40th",
        "every 0 days",
        "yearly on mon",
        "FREQ=NOPE",
        "FREQ=WEEKLY;BYDAY=XX",
    ],
)
def test_what_is_not_a_recurrence_says_what_to_write(typed: str) -> None:
    with pytest.raises(RecurrenceError, match="is not a recurrence: write daily"):
        parse(typed)


def test_a_rule_without_words_is_described_as_itself() -> None:
    assert describe("FREQ=DAILY;COUNT=5") == "FREQ=DAILY;COUNT=5"


_DAYS = st.lists(
    st.sampled_from(("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
    min_size=1,
    max_size=7,
    unique=True,
)
_ORDINALS = st.sampled_from(("1st", "2nd", "3rd", "4th", "last"))
_TEXTS = st.one_of(
    st.sampled_from([text for text, _ in GRAMMAR]),
    st.builds(lambda n: f"every {n} days", st.integers(1, 30)),
    st.builds(lambda n, days: f"every {n} weeks on {', '.join(days)}", st.integers(1, 6), _DAYS),
    st.builds(lambda days: f"weekly on {' and '.join(days)}", _DAYS),
    st.builds(
        lambda head, ordinals, day: f"{head} on the {' and '.join(ordinals)} {day}",
        st.sampled_from(("monthly", "quarterly", "every 2 months")),
        st.lists(_ORDINALS, min_size=1, max_size=3, unique=True),
        st.sampled_from(("mon", "tue", "fri")),
    ),
    st.builds(
        lambda head, days: f"{head} on the {' and '.join(f'{d}th' for d in days)}",
        st.sampled_from(("monthly", "quarterly", "every 6 months")),
        st.lists(st.integers(4, 20), min_size=1, max_size=3, unique=True),
    ),
    st.builds(lambda n: f"every {n} years", st.integers(2, 5)),
)


@given(_TEXTS)
def test_text_to_rule_to_text_gives_the_same_rule(text: str) -> None:
    rule = parse(text)
    assert parse(describe(rule)) == rule


# ---------------------------------------------------------------- expansion


def test_monthly_on_the_31st_skips_the_months_without_one() -> None:
    # RFC 5545 3.3.10: invalid dates (Feb 31) are ignored, not moved.
    found = expand(
        "FREQ=MONTHLY;BYMONTHDAY=31",
        datetime(2027, 1, 31, 10),
        "UTC",
        date(2027, 1, 1),
        date(2027, 5, 31),
    )
    assert [m.date() for m in found] == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]


def test_the_last_day_of_the_month_follows_february() -> None:
    found = expand(
        parse("monthly on the last day"),
        datetime(2028, 1, 31, 10),
        "UTC",
        date(2028, 1, 1),
        date(2028, 3, 31),
    )
    assert [m.date() for m in found] == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]


def test_the_last_working_day_skips_a_weekend_month_end() -> None:
    # Jan 31 2027 is a Sunday, Feb 28 2027 a Sunday, Apr 30 2027 a Friday.
    found = expand(
        parse("last working day of the month"),
        datetime(2027, 1, 1, 16),
        "Europe/Berlin",
        date(2027, 1, 1),
        date(2027, 4, 30),
    )
    assert [m.date() for m in found] == [
        date(2027, 1, 29),
        date(2027, 2, 26),
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]


def test_the_first_friday_of_each_month() -> None:
    found = expand(
        parse("monthly on the 1st fri"),
        datetime(2026, 12, 4, 14),
        "UTC",
        date(2026, 12, 1),
        date(2027, 3, 31),
    )
    assert [m.date() for m in found] == [
        date(2026, 12, 4),
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 3, 5),
    ]


@pytest.mark.parametrize(
    ("zone", "before", "after", "offsets"),
    [
        # EU summer time starts Sunday 29 March 2026: CET +1 -> CEST +2.
        ("Europe/Berlin", date(2026, 3, 23), date(2026, 3, 30), (1, 2)),
        # US daylight time ends Sunday 1 November 2026: EDT -4 -> EST -5.
        ("America/New_York", date(2026, 10, 26), date(2026, 11, 2), (-4, -5)),
    ],
)
def test_a_weekly_meeting_keeps_its_local_time_across_daylight_saving(
    zone: str, before: date, after: date, offsets: tuple[int, int]
) -> None:
    found = expand(parse("weekly on mon"), datetime(2026, 1, 5, 9, 0), zone, before, after)
    assert [m.date() for m in found] == [before, after]
    assert [(m.hour, m.minute) for m in found] == [(9, 0), (9, 0)]
    assert [m.utcoffset() for m in found] == [timedelta(hours=h) for h in offsets]
    # A week apart on the wall clock, not in UTC (aware times in one zone subtract as wall
    # clock times, so compare them in UTC).
    in_utc = [m.astimezone(UTC) for m in found]
    assert in_utc[1] - in_utc[0] == timedelta(days=7, hours=offsets[0] - offsets[1])


def test_exdates_and_until_leave_out_occurrences() -> None:
    rule = parse("weekly on mon")
    found = expand(
        rule,
        datetime(2026, 12, 7, 9),
        "UTC",
        date(2026, 12, 1),
        date(2027, 1, 31),
        exdates=[datetime(2026, 12, 28, 9)],
        until=date(2027, 1, 11),
    )
    assert [m.day for m in found] == [7, 14, 21, 4, 11]


def test_a_one_off_meeting_is_its_start_alone() -> None:
    found = expand("", datetime(2026, 12, 9, 15), "UTC", date(2026, 12, 1), date(2026, 12, 31))
    assert [m.isoformat() for m in found] == ["2026-12-09T15:00:00+00:00"]
    assert expand("", datetime(2026, 12, 9, 15), "UTC", date(2027, 1, 1), date(2027, 1, 2)) == []


def test_next_after_skips_cancelled_and_stops_at_until() -> None:
    rule, start = parse("weekly on mon"), datetime(2026, 12, 7, 9)
    after = datetime(2026, 12, 8)
    found = next_after(rule, start, "Europe/Berlin", after, exdates=[datetime(2026, 12, 14, 9)])
    assert found is not None and found.isoformat() == "2026-12-21T09:00:00+01:00"
    assert next_after(rule, start, "UTC", after, until=date(2026, 12, 13)) is None


def test_moved_and_cancelled_occurrences_in_a_schedule() -> None:
    rule, start = parse("weekly on mon"), datetime(2026, 12, 7, 9)
    found = schedule(
        rule,
        start,
        "Europe/Berlin",
        date(2026, 12, 1),
        date(2026, 12, 31),
        cancelled=[datetime(2026, 12, 21, 9)],
        moved={datetime(2026, 12, 14, 9): datetime(2026, 12, 15, 11)},
    )
    assert [(s.scheduled.day, s.start.day, s.start.hour, s.moved) for s in found] == [
        (7, 7, 9, False),
        (14, 15, 11, True),
        (28, 28, 9, False),
    ]


def test_a_move_into_the_window_shows_though_its_series_time_is_outside() -> None:
    rule, start = parse("weekly on mon"), datetime(2026, 12, 7, 9)
    found = schedule(
        rule,
        start,
        "UTC",
        date(2026, 12, 10),
        date(2026, 12, 12),
        moved={datetime(2026, 12, 7, 9): datetime(2026, 12, 11, 9)},
    )
    assert [(s.scheduled.day, s.start.day) for s in found] == [(7, 11)]


@given(
    st.sampled_from(("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata")),
    st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    st.sampled_from(("weekly on mon", "every weekday", "monthly on the 1st fri", "daily")),
)
def test_every_occurrence_keeps_the_first_ones_wall_clock_time(
    zone: str, first: date, text: str
) -> None:
    """09:30 stays 09:30 in the zone all year, whatever the UTC offset does (09:30 is
    never a time the clocks skip in these zones)."""
    start = datetime.combine(first, datetime.min.time()).replace(hour=9, minute=30)
    found = expand(parse(text), start, zone, first, first + timedelta(days=400))
    assert found
    assert {(m.hour, m.minute) for m in found} == {(9, 30)}
    assert all(str(m.tzinfo) == zone for m in found)
