"""Field shapes the record modules share: choices, people, notes, today, a pair of dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from pmtui.schema import Field, Kind, Record, dates_in_order


def choice_field(name: str, choices: tuple[str, ...], *, help: str = "", **options: Any) -> Field:
    """A choice field whose help ends by listing its choices, the same way on every table."""
    listed = f"One of: {', '.join(choices)}."
    return Field(name, Kind.CHOICE, choices=choices, help=f"{help} {listed}".lstrip(), **options)


def status_field(
    choices: tuple[str, ...], default: str | None, *, help: str, **options: Any
) -> Field:
    """A record's `status`: where it stands, one of `choices` (None: empty by default)."""
    return choice_field("status", choices, default=default, help=help, **options)


def person_field(name: str, *, help: str, **options: Any) -> Field:
    """A reference to someone in the people table (a key, or a name when unique)."""
    return Field(name, Kind.REF, target="people", help=help, **options)


def owner_field(help: str = "Who is accountable.", width: int = 10) -> Field:
    """The person a record answers to: its `owner`."""
    return person_field("owner", help=help, width=width)


def notes_field(help: str = "Anything worth remembering.") -> Field:
    """Free `notes`, several lines, kept out of the default columns."""
    return Field("notes", Kind.LONG_TEXT, width=0, help=help)


class _Dated(Protocol):
    """What a default is given: the parse context (pmtui.kinds.ParseContext), with today."""

    @property
    def today(self) -> date: ...


def today(ctx: _Dated) -> str:
    """A default of today's date, as the project sees today."""
    return ctx.today.isoformat()


@dataclass(frozen=True)
class DateRange:
    """A start and a finish date field, and the rule that the finish is not before the start."""

    start: Field
    finish: Field
    #: How the message names the start: "... is before the start 2026-12-10".
    named: str = "the start"

    @property
    def fields(self) -> tuple[Field, Field]:
        """Both fields, start first, to splice into a declaration."""
        return self.start, self.finish

    def check(self, record: Record) -> dict[str, str]:
        """A message on the finish when it is before the start; empty otherwise."""
        return dates_in_order(record, self.start.name, self.finish.name, self.named)


def date_range(
    names: tuple[str, str],
    helps: tuple[str, str],
    *,
    named: str = "the start",
    labels: tuple[str, str] = ("", ""),
    **options: Any,
) -> DateRange:
    """Two date fields with the same options (width, required...) and the check between them."""
    start, finish = (
        Field(name, Kind.DATE, label=label, help=text, **options)
        for name, label, text in zip(names, labels, helps, strict=True)
    )
    return DateRange(start, finish, named)
