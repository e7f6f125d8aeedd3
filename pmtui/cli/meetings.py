"""`pmtui minutes PROJECT OCCURRENCE [-o FILE]`: an occurrence's minutes as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmtui.cli.common import Commands, UserError, open_store

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
        "occurrence", metavar="OCCURRENCE", help="the occurrence's key (O12), as Today lists it"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.set_defaults(run=run_minutes)


def run_minutes(args: argparse.Namespace) -> int:
    """Print or write the minutes."""
    from pmtui.services.meetings import MeetingError
    from pmtui.services.minutes import minutes_markdown
    from pmtui.transfer import write_export

    with open_store(args.project) as store:
        try:
            text = minutes_markdown(store, args.occurrence.strip())
        except MeetingError as error:
            raise UserError(str(error)) from None
    if not args.output:
        sys.stdout.write(text)
        return 0
    output = Path(args.output).expanduser()
    write_export(output, text, private=False)
    print(f"wrote {output}")
    return 0
