"""One parser per field kind: what each accepts and stores, and the message for what it refuses."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.calendar import WorkCalendar
from pmtui.kinds import FieldError, ParseContext, parse_value, to_display, to_text
from pmtui.schema import Field, Kind

TODAY = date(2026, 11, 26)  # a Thursday


def _resolve(table: str, text: str) -> str:
    known = {"P1": "P1", "anna berg": "P1", "T1": "T1", "T2": "T2"}
    if text in known or text.lower() in known:
        return known.get(text) or known[text.lower()]
    raise FieldError(f"no record {text!r} in {table}")


CTX = ParseContext(
    today=TODAY,
    calendar=WorkCalendar(holidays=frozenset({date(2026, 12, 25)})),
    resolve=_resolve,
)
DMY = ParseContext(today=TODAY, date_order="dmy", resolve=_resolve)


def field(kind: Kind, **options: Any) -> Field:
    return Field("f", kind, **options)


ACCEPTED: list[tuple[Field, object, object]] = [
    (field(Kind.TEXT), "  Go-live plan ", "Go-live plan"),
    (field(Kind.LONG_TEXT), "line one\nline two\n", "line one\nline two"),
    (field(Kind.EMAIL), "anna@nordwerk.example", "anna@nordwerk.example"),
    (field(Kind.URL), "vendor.example/offer", "https://vendor.example/offer"),
    (field(Kind.URL), "https://a.example", "https://a.example"),
    (field(Kind.DATE), "2026-12-01", "2026-12-01"),
    (field(Kind.DATE), "12/1", "2026-12-01"),
    (field(Kind.DATE), "fri", "2026-11-27"),
    (field(Kind.DATE), "next fri", "2026-12-04"),
    (field(Kind.DATE), "+2w", "2026-12-10"),
    (field(Kind.DATE), "+3wd", "2026-12-01"),
    (field(Kind.DATE), "eom", "2026-11-30"),
    (field(Kind.DATE), date(2027, 1, 4), "2027-01-04"),
    (field(Kind.DATES), "12/25; 2026-12-24, 12/25", ["2026-12-24", "2026-12-25"]),
    (field(Kind.DATETIME), "2026-12-01 14:30", "2026-12-01T14:30"),
    (field(Kind.MONTH), "2027-03", "2027-03"),
    (field(Kind.MONTH), "2027-3", "2027-03"),
    (field(Kind.MONTH), "3/27", "2027-03"),
    (field(Kind.MONTH), "03/2027", "2027-03"),
    (field(Kind.MONTH), "mar", "2026-03"),  # March of this calendar year, even when past
    (field(Kind.MONTH), "Sept", "2026-09"),
    (field(Kind.MONTH), "March 2027", "2027-03"),
    (field(Kind.MONTH), "Mar 2027", "2027-03"),  # what the tables show
    (field(Kind.MONTH), "this month", "2026-11"),
    (field(Kind.MONTH), "next  month", "2026-12"),
    (field(Kind.MONTH), "last month", "2026-10"),
    (field(Kind.MONTH), "2027-03-15", "2027-03"),
    (field(Kind.MONTH), date(2027, 1, 4), "2027-01"),
    (field(Kind.MONEY), "1,400,000.00", 1400000.0),
    (field(Kind.MONEY), "40k", 40000.0),
    (field(Kind.MONEY), "EUR 1,200.5", 1200.5),
    (field(Kind.MONEY), "€99.999", 100.0),
    (field(Kind.MONEY), 12, 12.0),
    (field(Kind.NUMBER), "2.50", 2.5),
    (field(Kind.NUMBER), "3", 3),
    (field(Kind.INTEGER), "12", 12),
    (field(Kind.PERCENT, minimum=0, maximum=100), "8%", 8),
    (field(Kind.PERCENT, minimum=0, maximum=100), "8.5", 8.5),
    (field(Kind.PERCENT, minimum=0, maximum=100), " 8 % ", 8),
    (field(Kind.RATING), "4", 4),
    (field(Kind.DURATION), "2.5d", 2.5),
    (field(Kind.DURATION), "2w", 10),
    (field(Kind.DURATION), "0", 0),
    (field(Kind.CHOICE, choices=("planned", "in progress", "done")), "In Progress", "in progress"),
    (field(Kind.CHOICE, choices=("planned", "in progress", "done")), "in", "in progress"),
    (field(Kind.REF, target="people"), "Anna Berg", "P1"),
    (field(Kind.REFS, target="people"), "P1; anna berg", ["P1"]),
    (field(Kind.LINKS, target="tasks"), "T1; T2 SS+2", ["T1", "T2 SS+2"]),
    (field(Kind.LINKS, target="tasks"), "T2 ff-1.5", ["T2 FF-1.5"]),
    (field(Kind.BOOL), "Yes", True),
    (field(Kind.BOOL), "no", False),
    (field(Kind.BOOL), "x", True),
    (field(Kind.RECURRENCE), "weekly mon", "FREQ=WEEKLY;BYDAY=MO"),
    (field(Kind.RECURRENCE), "weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    (field(Kind.RECURRENCE), "every 2 weeks tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
    (field(Kind.RECURRENCE), "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYMONTHDAY=15"),
    (field(Kind.RECURRENCE), "monthly on the 1st fri", "FREQ=MONTHLY;BYDAY=1FR"),
    (field(Kind.LENGTH), "45m", 45),
    (field(Kind.LENGTH), "1h30", 90),
    (field(Kind.LENGTH), "1h", 60),
    (field(Kind.LENGTH), "1.5h", 90),
    (field(Kind.LENGTH), "90", 90),
    (field(Kind.LENGTH), "2h 15m", 135),
    (field(Kind.LENGTH), 30, 30),
    (field(Kind.TAGS), "sap, abap, sap", ["sap", "abap"]),
    (field(Kind.WEEKDAYS), "Sunday, sat", ["sat", "sun"]),
]


@pytest.mark.parametrize(("f", "typed", "stored"), ACCEPTED, ids=lambda v: repr(v)[:30])
def test_accepted_input_is_stored_as_expected(f: Field, typed: object, stored: object) -> None:
    assert parse_value(f, typed, CTX) == stored


REFUSED: list[tuple[Field, str, str]] = [
    (Field("key", Kind.TEXT), "T 1", "is not a key: use up to 32 letters"),
    (field(Kind.EMAIL), "anna", "is not an e-mail address: write name@example.com"),
    (field(Kind.URL), "ftp://x.example", "is not a web address"),
    (field(Kind.DATE), "someday", "'someday' is not a date: try 2026-12-01"),
    (field(Kind.DATE), "2/30", "February 2026 has 28 days"),
    (field(Kind.DATETIME), "fri 25:00", "not a"),
    (field(Kind.MONTH), "2027-13", "'2027-13' is not a month: there is no month 13"),
    (field(Kind.MONTH), "0/27", "'0/27' is not a month: there is no month 0"),
    (field(Kind.MONTH), "soon", "'soon' is not a month: write 2027-03, 3/27, mar, march 2027"),
    (field(Kind.MONTH), "ma", "'ma' is not a month"),
    (field(Kind.MONTH), "march 27", "'march 27' is not a month"),
    (field(Kind.MONTH), "2027-02-30", "'2027-02-30' is not a month or a date"),
    (field(Kind.MONEY), "abc", "'abc' is not an amount (write 1200, 1,200.50 or 40k)"),
    (field(Kind.MONEY, minimum=0), "-5", "-5.00 is below the minimum of 0"),
    (field(Kind.NUMBER, maximum=168), "200", "200 is above the maximum of 168"),
    (field(Kind.INTEGER), "2.5", "'2.5' is not a whole number"),
    (field(Kind.PERCENT, minimum=0, maximum=100), "120%", "120 % is above the maximum of 100"),
    (field(Kind.PERCENT), "lots", "is not a percentage (write 8, 8% or 8.5)"),
    (field(Kind.RATING), "6", "'6' is not a rating: write a whole number 1-5"),
    (field(Kind.RATING), "3.5", "is not a rating"),
    (field(Kind.DURATION), "-2", "is not a duration"),
    (field(Kind.DURATION), "soon", "'soon' is not a duration: write working days"),
    (field(Kind.CHOICE, choices=("draft", "done")), "d", "'d' is not one of: draft, done"),
    (field(Kind.REF, target="people"), "Zed", "no record 'Zed' in people"),
    (field(Kind.LINKS, target="tasks"), "T1 XX+2", "is not a link"),
    (field(Kind.BOOL), "maybe", "'maybe' is not yes or no"),
    (field(Kind.RECURRENCE), "now and then", "is not a recurrence: write daily, every weekday"),
    (field(Kind.LENGTH), "soon", "'soon' is not a length: write 45m, 1h30"),
    (field(Kind.LENGTH), "0m", "is not a length: it must be at least a minute"),
    (field(Kind.LENGTH), "1.01h", "is not a length"),
    (field(Kind.LENGTH), "25h", "1500 minutes is outside 1 minute to 24 hours"),
    (field(Kind.WEEKDAYS), "funday", "'funday' is not a weekday"),
]


@pytest.mark.parametrize(("f", "typed", "message"), REFUSED, ids=lambda v: repr(v)[:30])
def test_refused_input_says_why(f: Field, typed: str, message: str) -> None:
    with pytest.raises(FieldError) as refused:
        parse_value(f, typed, CTX)
    assert message in str(refused.value)


@pytest.mark.parametrize("empty", [None, "", "   ", []])
def test_empty_input_is_no_value(empty: object) -> None:
    assert parse_value(field(Kind.MONEY), empty, CTX) is None


def test_day_first_order_reads_12_1_as_the_twelfth_of_january() -> None:
    assert parse_value(field(Kind.DATE), "12/1", DMY) == "2026-01-12"  # a year-less date: this year


DISPLAYED: list[tuple[Field, object, str]] = [
    (field(Kind.MONEY), 1400000.0, "1,400,000.00"),
    (field(Kind.PERCENT), 92, "92 %"),
    (field(Kind.PERCENT), 8.25, "8.2 %"),
    (field(Kind.DURATION), 2.5, "2.5d"),
    (field(Kind.MONTH), "2027-03", "Mar 2027"),
    (field(Kind.MONTH), "2027-3", "2027-3"),  # hand-edited: shown as it is
    (field(Kind.BOOL), True, "yes"),
    (field(Kind.TAGS), ["a", "b"], "a, b"),
    (field(Kind.LINKS), ["T1", "T2 SS+2"], "T1; T2 SS+2"),
    (field(Kind.LONG_TEXT), "a\nb", "a ⏎ b"),
    (field(Kind.LENGTH), 45, "45m"),
    (field(Kind.LENGTH), 60, "1h"),
    (field(Kind.LENGTH), 90, "1h30"),
    (field(Kind.LENGTH), 125, "2h05"),
    (field(Kind.RECURRENCE), "FREQ=WEEKLY;BYDAY=MO", "weekly on mon"),
    (field(Kind.RECURRENCE), "FREQ=DAILY;COUNT=3", "FREQ=DAILY;COUNT=3"),
    (field(Kind.DATETIME), "2026-10-26T09:00", "2026-10-26 09:00"),
]


@pytest.mark.parametrize(("f", "stored", "shown"), DISPLAYED, ids=lambda v: repr(v)[:30])
def test_values_are_shown_for_people(f: Field, stored: object, shown: str) -> None:
    assert to_display(f, stored) == shown


_ROUND_TRIP_KINDS = [
    (field(Kind.MONEY), st.decimals(-1e9, 1e9, places=2).map(float)),
    (field(Kind.NUMBER), st.floats(-1e9, 1e9, allow_nan=False).map(lambda v: round(v, 4))),
    (field(Kind.PERCENT), st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 3))),
    (field(Kind.DURATION), st.floats(0, 5000, allow_nan=False).map(lambda v: round(v, 2))),
    (field(Kind.DATE), st.dates(date(1990, 1, 1), date(2090, 12, 31)).map(date.isoformat)),
    (field(Kind.MONTH), st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(date.isoformat)),
    (
        field(Kind.TAGS),
        st.lists(
            st.from_regex(r"[a-z][a-z0-9 ]{0,8}[a-z0-9]", fullmatch=True),
            min_size=1,
            max_size=4,
            unique=True,
        ),
    ),
    (field(Kind.BOOL), st.booleans()),
    (field(Kind.LENGTH), st.integers(1, 24 * 60)),
]


@pytest.mark.parametrize(("f", "values"), _ROUND_TRIP_KINDS, ids=lambda v: getattr(v, "kind", ""))
def test_typed_text_round_trips(f: Field, values: st.SearchStrategy[Any]) -> None:
    """What a table or CSV export writes (to_text) parses back to the same stored value."""

    @given(values)
    def check(value: Any) -> None:
        parsed = parse_value(f, value, CTX)
        assert parse_value(f, to_text(f, parsed), CTX) == parsed

    check()


@given(st.text(max_size=20))
def test_any_text_is_a_value_or_a_field_error(text: str) -> None:
    """No parser lets another exception escape, whatever is typed."""
    for kind in (
        Kind.DATE,
        Kind.MONTH,
        Kind.MONEY,
        Kind.PERCENT,
        Kind.DURATION,
        Kind.RECURRENCE,
        Kind.LENGTH,
        Kind.BOOL,
    ):
        with contextlib.suppress(FieldError):
            parse_value(field(kind), text, CTX)


@pytest.mark.parametrize(
    ("today", "typed", "stored"),
    [
        (date(2026, 12, 31), "next month", "2027-01"),
        (date(2027, 1, 1), "last month", "2026-12"),
        (date(2027, 1, 1), "dec", "2027-12"),
    ],
)
def test_relative_months_cross_the_year(today: date, typed: str, stored: str) -> None:
    assert parse_value(field(Kind.MONTH), typed, ParseContext(today=today)) == stored


def test_a_month_is_month_first_in_day_first_order_too() -> None:
    assert parse_value(field(Kind.MONTH), "3/27", DMY) == "2027-03"


def test_a_shown_month_is_typed_back_as_the_same_month() -> None:
    f = field(Kind.MONTH)
    assert parse_value(f, to_display(f, "2031-07"), CTX) == "2031-07"
    assert to_text(f, "2031-07") == "2031-07"
