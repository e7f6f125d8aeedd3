"""`pmtui report`: this week's status report, as Markdown, HTML or JSON; `--issue` saves it
as a snapshot (the only way this command writes)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from pmtui.cli.common import (
    Commands,
    UsageError,
    UserError,
    eprint,
    open_store,
    print_json,
    project_path,
)
from pmtui.store import Store
from pmtui.store.files import ProjectFiles

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("report",)
#: The formats, and the -o suffixes that choose them.
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def register(commands: Commands) -> None:
    """Add `report`."""
    parser = commands.add_parser(
        "report",
        help="the status report (Markdown, HTML or JSON); --issue saves it",
        description="The project's status report: summary, RAG with the reason for each "
        "colour, milestones, accomplishments since the last report, next steps, risks, "
        "issues, decisions needed, budget and earned value, trends. Only reads, unless "
        "--issue. Markdown by default; -o picks the format from its suffix (.md, .html, "
        ".json).",
    )
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("--format", choices=("md", "html"), help="md (default) or html")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"as_of", "source", "rag": {"schedule", "cost", "scope", "risk", '
        '"overall", "override", "computed"}, "reasons", "milestones": {"done", "next", '
        '"slipping"}, "accomplishments", "next_steps", "risks", "issues", '
        '"decisions_needed", "money", "trends"} (fractions unrounded)',
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (suffix: format)")
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="the report of that date: the issued snapshot's figures where one exists, "
        "else figures from the file as it is (and says which)",
    )
    parser.add_argument(
        "--issue",
        action="store_true",
        help="save the report as a snapshot (trends; resets 'since the last report')",
    )
    parser.add_argument(
        "--final",
        action="store_true",
        help="the final report (closure): the whole project's accomplishments, milestones "
        "and trends, not only since the last report; it works on an archived project",
    )
    parser.set_defaults(run=run_report)


def _format(args: argparse.Namespace) -> str:
    if args.json:
        if args.format:
            raise UsageError("--json and --format: choose one")
        return "json"
    if args.output:
        suffix = Path(args.output).suffix.lower()
        chosen = SUFFIXES.get(suffix)
        if chosen is None and not args.format:
            raise UserError(
                f"-o {args.output}: .{suffix.lstrip('.') or '(none)'} names no report format; "
                "end it in .md, .html or .json, or give --format; nothing was written"
            )
        if args.format and chosen and chosen != args.format:
            raise UsageError(f"--format {args.format} and -o {args.output} disagree")
        return str(args.format or chosen)
    return str(args.format or "md")


def _as_of(store: Store, typed: str | None) -> date | None:
    if typed is None:
        return None
    from pmtui.domain.dates import DateParseError, parse_date

    try:
        return parse_date(
            typed, store.today, calendar=store.read_context().calendar, date_order=store.date_order
        )
    except DateParseError as error:
        raise UserError(f"--as-of: {error}") from None


def run_report(args: argparse.Namespace) -> int:
    """Write the report; with --issue, save its snapshot first."""
    from pmtui.reports.status import gather, html, markdown, to_json
    from pmtui.services.status import issue_report

    fmt = _format(args)
    output = Path(args.output).expanduser() if args.output else None
    if output is not None:
        what = ProjectFiles.for_path(project_path(args.project)).part_of(output)
        if what is not None:
            raise UserError(
                f"refusing to write the report to {output}: it is {what}; nothing was written"
            )
    with open_store(args.project) as store:
        as_of = _as_of(store, args.as_of)
        if as_of is not None and as_of > store.today:
            raise UserError(f"--as-of {as_of.isoformat()} is after today; nothing was written")
        issued = issue_report(store, as_of) if args.issue else None
        report = gather(store, as_of, final=args.final)
    if fmt == "json":
        text = _json_text(to_json(report))
    else:
        text = markdown(report) if fmt == "md" else html(report)
    if fmt != "json" or output is not None:
        for note in report.notes:
            eprint(note)
    if issued is not None:
        eprint(f"issued the report of {report.as_of.isoformat()} as snapshot {issued}")
    if output is None:
        if fmt == "json":
            print_json(to_json(report))
        else:
            sys.stdout.write(text)
        return 0
    from pmtui.transfer import write_export

    write_export(output, text, private=False)
    print(f"wrote {output}")
    return 0


def _json_text(data: object) -> str:
    import json

    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
