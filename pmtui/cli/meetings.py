"""`pmtui minutes PROJECT OCCURRENCE [DAY] [-o FILE]`: an occurrence's minutes as Markdown;
the occurrence by its key, or by its meeting and the day it met."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui.cli.common import Commands, UserError, open_store

if TYPE_CHECKING:
    from pmtui.store import Store

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("minutes",)


def register(commands: Commands) -> None:
    """Add `minutes`."""
    parser = commands.add_parser(
        "minutes",
        help="an occurrence's minutes as Markdown",
        description="The minutes of one occurrence of a meeting as Markdown: the meeting, "
        "its date and time, attendees, agenda, minutes, decisions taken, and the actions "
        "raised with owner and due date.",
    )
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument(
        "occurrence",
        metavar="OCCURRENCE",
        help="the occurrence's key (O12, as `pmtui show PROJECT occurrences` lists them), or "
        "its meeting: a key, a name or a word of it (stand-up)",
    )
    parser.add_argument(
        "day",
        metavar="DAY",
        nargs="?",
        help="with a meeting: the day it met (2026-12-07, 12/7, today, 3 days ago); "
        "without: its latest occurrence up to today that was not cancelled",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.set_defaults(run=run_minutes)


def _occurrence(store: Store, typed: str, day: str | None) -> str:
    """The occurrence's key: `typed` itself when it is one (and no day is given), else the
    occurrence of the meeting `typed` names on `day` (or its latest)."""
    from pmtui.domain.dates import DateParseError, parse_date
    from pmtui.kinds import FieldError
    from pmtui.services.minutes import occurrence_on

    if day is None and store.get("occurrences", typed) is not None:
        return typed
    try:
        meeting = store.resolve("meetings", typed)
    except FieldError as error:
        if day is None and not store.matches("meetings", typed):
            raise UserError(f"no occurrence or meeting {typed!r}") from None
        raise UserError(str(error)) from None
    when = None
    if day is not None:
        try:
            when = parse_date(day, store.today, date_order=store.date_order)
        except DateParseError as error:
            raise UserError(f"DAY: {error}") from None
    return occurrence_on(store, meeting, when, store.today)


def run_minutes(args: argparse.Namespace) -> int:
    """Print or write the minutes."""
    from pmtui.services.meetings import MeetingError
    from pmtui.services.minutes import minutes_markdown
    from pmtui.transfer import write_export

    with open_store(args.project) as store:
        try:
            text = minutes_markdown(store, _occurrence(store, args.occurrence.strip(), args.day))
        except MeetingError as error:
            raise UserError(str(error)) from None
    if not args.output:
        sys.stdout.write(text)
        return 0
    output = Path(args.output).expanduser()
    write_export(output, text, private=False)
    print(f"wrote {output}")
    return 0
