"""`pmtui portfolio [DIR]`: every project of a folder at a glance (pmtui.reports.portfolio)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from pmtui import paths
from pmtui.cli.common import Commands, UserError

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("portfolio",)


def register(commands: Commands) -> None:
    """Add `portfolio`."""
    parser = commands.add_parser(
        "portfolio",
        help="every project at a glance",
        description="Every project of DIR (default: the data folder): RAG (computed, and "
        "the one the manager set), next milestone and its forecast, SPI, CPI, items "
        "overdue, last status report. Figures come from a cache kept per project and "
        "trusted only while the file is unchanged; a file that cannot be read is listed "
        "with its error and never written. Archived projects only with --all.",
    )
    parser.add_argument("folder", metavar="DIR", nargs="?", help="default: the data folder")
    parser.add_argument("--all", action="store_true", help="archived projects too")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"projects": [{"name", "path", "rag", "next_milestone", "forecast", '
        '"spi", "cpi", "overdue", "last_report", "error"}]}',
    )
    parser.set_defaults(run=run_portfolio)


def folder_of(arg: str | None) -> Path:
    """DIR as typed, else the data folder's projects; UserError when it is no folder."""
    folder = Path(arg).expanduser() if arg else paths.projects_dir()
    if arg and not folder.is_dir():
        raise UserError(f"{arg!r} is not a folder (pmtui portfolio [DIR])")
    return folder


def run_portfolio(args: argparse.Namespace) -> int:
    """Print the portfolio as a table for people, or CONTRACT's JSON."""
    from pmtui.reports.portfolio import portfolio, project_files
    from pmtui.reports.portfolio_text import printed

    folder = folder_of(args.folder)
    lines = portfolio(project_files(folder), show_archived=args.all)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() and not args.json else 0
    print(printed(lines, folder, args.json, width))
    return 0
