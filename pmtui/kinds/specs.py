"""One spec per field kind, in one table: how a kind is typed, stored, shown, hinted and sampled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pmtui.kinds import bounds, months, samples
from pmtui.kinds import formatters as shown
from pmtui.kinds import parsers as read
from pmtui.kinds.formatters import Formatter
from pmtui.kinds.parsers import FieldError, ParseContext
from pmtui.kinds.samples import Sampler
from pmtui.schema import Field, Kind

#: (field, typed text or an already typed JSON value, context) -> the stored value; raises
#: FieldError with a message for the user.
Parser = Callable[[Field, object, ParseContext], Any]
#: A parsed value -> why it lies outside what the kind allows (naming the range), or None.
Limit = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class KindSpec:
    """Everything pmtui knows about one field kind; adding a kind is one entry in KINDS."""

    parse: Parser
    #: What people type, for FORMAT.md (Markdown).
    syntax: str
    #: What the file stores, for FORMAT.md (Markdown).
    stored: str
    #: Random typed text that `parse` accepts, for test data.
    sample: Sampler
    #: The canonical typed text of a stored value: parse(text(v)) == v.
    text: Formatter = str
    #: A stored value as people read it in tables and reports; None: its text.
    display: Formatter | None = None
    #: The placeholder of an empty form field; empty: the field's help.
    hint: str = ""
    #: Shown right-aligned in tables.
    numeric: bool = False
    #: Stored as a JSON list; exported in its typed text syntax.
    listed: bool = False
    #: The global search looks in it.
    searchable: bool = False
    #: The bounds every value of the kind keeps (dates a calendar can count, durations a
    #: schedule can place); checked after `parse`, the range named in the message.
    limit: Limit | None = None
    #: Typed text longer than this is refused before parsing (0: no limit).
    longest: int = 0

    def shown(self, value: Any) -> str:
        """A (non-empty) stored value as people read it."""
        return (self.display or self.text)(value)

    def export(self, value: Any) -> Any:
        """A (non-empty) stored value for a JSON export: lists in their typed text syntax."""
        return self.text(value) if self.listed else value


_DATE_SYNTAX = (
    "`2026-12-01`, `12/1`, `dec 1`, `today`, `fri`, `next mon`, `+3d`, `+3wd`, `+2w`, "
    "`eow`, `eom`, `eoq`, `eoy`"
)

KINDS: dict[Kind, KindSpec] = {
    Kind.TEXT: KindSpec(
        read.parse_text,
        "any text on one line",
        "string",
        samples.person_name,
        searchable=True,
    ),
    Kind.LONG_TEXT: KindSpec(
        read.parse_long_text,
        "text, several lines allowed",
        "string with `\\n`",
        samples.paragraph,
        display=shown.one_line,
        searchable=True,
    ),
    Kind.EMAIL: KindSpec(
        read.parse_email,
        "`name@example.com`",
        "string",
        samples.email,
        searchable=True,
        longest=bounds.SHORT * 4,
    ),
    Kind.URL: KindSpec(
        read.parse_url,
        "`https://example.com` (`https://` is added when missing)",
        "string",
        samples.url,
        searchable=True,
        longest=bounds.LONG,
    ),
    Kind.DATE: KindSpec(
        read.parse_date,
        _DATE_SYNTAX,
        "ISO date string `YYYY-MM-DD`",
        samples.date,
        hint="2026-12-01, 12/1, fri, +2w, eom",
        limit=bounds.date_limit,
        longest=bounds.SHORT,
    ),
    Kind.DATES: KindSpec(
        read.parse_dates,
        "dates as above, separated by `;`",
        "sorted list of ISO date strings",
        samples.dates,
        text=shown.joined("; "),
        hint="dates separated by ;",
        listed=True,
        limit=bounds.dates_limit,
        longest=bounds.LONG,
    ),
    Kind.DATETIME: KindSpec(
        read.parse_datetime,
        "`2026-12-01 14:30`, `fri 9:00`, `today 4pm`",
        "string `YYYY-MM-DDTHH:MM`",
        samples.datetime,
        display=shown.datetime_display,
        hint="2026-12-01 14:30, fri 9:00",
        limit=bounds.datetime_limit,
        longest=bounds.SHORT,
    ),
    Kind.MONTH: KindSpec(
        months.parse_month,
        "`2027-03`, `3/27` or `03/2027` (month first, whatever the date order), `mar` or "
        "`march` (that month of this calendar year), `march 2027`, `this month`, `next month`, "
        "`last month`, or a date (`2027-03-15` is March 2027)",
        "string `YYYY-MM`",
        months.sample_month,
        display=months.month_display,
        hint="2027-03, 3/27, mar (this year), next month",
        limit=bounds.month_limit,
        longest=bounds.SHORT,
    ),
    Kind.MONEY: KindSpec(
        read.parse_money,
        "`1200`, `1,200.50`, `40k`, `1.4m`, with or without a currency sign",
        "JSON number rounded to two decimals, in the project currency",
        samples.money,
        text=shown.money_text,
        display=shown.money_display,
        hint="1200, 1,200.50, 40k",
        numeric=True,
        limit=bounds.money_limit,
        longest=bounds.SHORT,
    ),
    Kind.NUMBER: KindSpec(
        read.parse_number,
        "`12`, `12.5`",
        "JSON number",
        samples.number,
        text=shown.number_text,
        display=shown.number_display,
        numeric=True,
        limit=bounds.number_limit,
        longest=bounds.SHORT,
    ),
    Kind.INTEGER: KindSpec(
        read.parse_integer,
        "`12`",
        "JSON integer",
        samples.integer,
        text=shown.number_text,
        numeric=True,
        limit=bounds.number_limit,
        longest=bounds.SHORT,
    ),
    Kind.PERCENT: KindSpec(
        read.parse_percent,
        "`8`, `8%`, `8.5` (all mean percent)",
        "JSON number in percent units (8 = 8 %)",
        samples.percent,
        text=shown.number_text,
        display=shown.percent_display,
        hint="8, 8%, 8.5",
        numeric=True,
        limit=bounds.percent_limit,
        longest=bounds.SHORT,
    ),
    Kind.RATING: KindSpec(
        read.parse_rating,
        "a whole number, 1-5 unless the field says otherwise",
        "JSON integer",
        samples.rating,
        text=shown.number_text,
        numeric=True,
        longest=bounds.SHORT,
    ),
    Kind.DURATION: KindSpec(
        read.parse_duration,
        "`3`, `2.5d`, `2w` (working days; a week is 5)",
        "JSON number of working days",
        samples.duration,
        text=shown.number_text,
        display=shown.duration_display,
        hint="working days: 3, 2.5d, 2w",
        numeric=True,
        limit=bounds.duration_limit,
        longest=bounds.SHORT,
    ),
    Kind.LENGTH: KindSpec(
        read.parse_length,
        "`45m`, `1h30`, `1h`, `1.5h`, `90` (minutes of clock time)",
        "JSON integer of minutes",
        samples.length,
        text=shown.length_text,
        hint="45m, 1h30, 1h",
        numeric=True,
        limit=bounds.length_limit,
        longest=bounds.SHORT,
    ),
    Kind.CHOICE: KindSpec(
        read.parse_choice,
        "one of the listed values (a unique prefix is enough)",
        "string",
        samples.choice,
        searchable=True,
        longest=bounds.SHORT,
    ),
    Kind.REF: KindSpec(
        read.parse_ref,
        "the target's key, or its name/title when unique",
        "the target's key",
        samples.ref,
        searchable=True,
    ),
    Kind.REFS: KindSpec(
        read.parse_refs,
        "keys or unique names, separated by `;` or `,`",
        "list of keys",
        samples.many_refs,
        text=shown.joined("; "),
        hint="keys or names, separated by ;",
        listed=True,
    ),
    Kind.RECORD: KindSpec(
        read.parse_record,
        "`table:key` of any record (`risks:R3`; a unique name in place of the key)",
        "string `table:key`",
        samples.any_record,
        hint="table:key, e.g. risks:R3",
        searchable=True,
        longest=bounds.SHORT * 4,
    ),
    Kind.LINKS: KindSpec(
        read.parse_links,
        "`A; B SS+2; C FF-1.5` (type FS, SS, FF or SF; lag in working days)",
        'list of strings such as `"B SS+2"`',
        samples.links,
        text=shown.joined("; "),
        hint="A; B SS+2; C FF-1",
        listed=True,
        limit=bounds.links_limit,
        longest=bounds.LONG,
    ),
    Kind.BOOL: KindSpec(
        read.parse_bool,
        "`yes`/`no` (also `y`, `true`, `x`, `1`, `done`, `0`, `-`)",
        "`true` or `false`",
        samples.yes_no,
        text=shown.yes_no,
        hint="yes / no",
        longest=bounds.SHORT,
    ),
    Kind.RECURRENCE: KindSpec(
        read.parse_recurrence,
        "`daily`, `every weekday`, `weekly on mon`, `every 2 weeks on tue, thu`, `monthly on "
        "the 1st fri`, `monthly on the 15th`, `last working day of the month`, `quarterly`, "
        "`yearly`, or an RRULE (`FREQ=...`); the grammar is in README (Recurrences)",
        "RRULE string such as `FREQ=WEEKLY;BYDAY=TU`",
        samples.recurrence,
        display=shown.recurrence_display,
        hint="weekly on mon, monthly on the 1st fri",
        longest=bounds.SHORT * 4,
    ),
    Kind.TAGS: KindSpec(
        read.parse_tags,
        "words separated by `,`",
        "list of strings",
        samples.tags,
        text=shown.joined(", "),
        hint="a, b, c",
        listed=True,
        searchable=True,
    ),
    Kind.WEEKDAYS: KindSpec(
        read.parse_weekdays,
        "`sat, sun`",
        "list of `mon` ... `sun`, in week order",
        samples.weekdays,
        text=shown.joined(", "),
        hint="sat, sun",
        listed=True,
        limit=bounds.weekdays_limit,
        longest=bounds.SHORT,
    ),
}

#: Kinds whose stored value is a JSON list.
LIST_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.listed)
#: Kinds shown right-aligned in tables.
NUMERIC_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.numeric)
#: Kinds the global search looks in.
SEARCHABLE_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.searchable)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def parse_value(f: Field, raw: object, ctx: ParseContext) -> Any:
    """Parse typed text (or an already typed JSON value) into the stored value; None if empty.

    Whatever comes in (an import may hold any JSON), the only exception is FieldError, whose
    message is one line of printable text quoting the input escaped and cut.
    """
    if _is_empty(raw):
        return None
    spec = KINDS[f.kind]
    try:
        bounds.check_raw(raw, listed=spec.listed, longest=spec.longest)
        value = spec.parse(f, raw, ctx)
        problem = spec.limit(value) if spec.limit is not None else None
    except FieldError as error:
        raise FieldError(bounds.one_line(str(error))) from None
    except (ValueError, OverflowError, TypeError, ArithmeticError, RecursionError):
        raise FieldError(f"{bounds.quoted(raw)} is not a valid value") from None
    if problem:
        raise FieldError(bounds.one_line(problem))
    return value


def to_text(f: Field, value: Any) -> str:
    """The canonical typed text of a value: parse_value(to_text(v)) == v. Empty -> ''."""
    if value is None or value == []:
        return ""
    return KINDS[f.kind].text(value)


def to_display(f: Field, value: Any) -> str:
    """A value as people read it in tables and reports: 1,400,000.00; 92 %; yes."""
    if value is None or value == []:
        return ""
    return KINDS[f.kind].shown(value)


def export_value(f: Field, value: Any) -> Any:
    """A value for a JSON export: lists in their typed text syntax, empty as None."""
    if value is None or value == [] or value == "":
        return None
    return KINDS[f.kind].export(value)


def input_hint(kind: Kind, date_order: str = "mdy") -> str:
    """What a form's empty field shows for a kind: its hint, dates in the user's order
    (config `date_order`: `24/12` day first with dmy, `12/24` month first otherwise)."""
    day_first = date_order == "dmy"
    if kind == Kind.DATE:
        short = "24.12., 24/12" if day_first else "12/24"
        return f"2026-12-24, {short}, fri, next week, +2w, eom"
    if kind == Kind.DATETIME:
        short = "24/12 9am" if day_first else "12/24 9am"
        return f"2026-12-24 14:30, {short}, fri 9:00"
    return KINDS[kind].hint
