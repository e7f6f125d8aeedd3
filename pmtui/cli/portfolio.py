"""`pmtui portfolio [DIR]`: every project of a folder at a glance (pmtui.reports.portfolio)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pmtui import paths
from pmtui.cli.common import Commands, UserError, print_json
from pmtui.kinds.escapes import one_line

if TYPE_CHECKING:
    from pmtui.reports.portfolio import ProjectLine

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

    folder = folder_of(args.folder)
    lines = portfolio(project_files(folder), show_archived=args.all)
    if args.json:
        print_json({"projects": [line.to_json() for line in lines]})
        return 0
    if not lines:
        print(f"no projects in {folder} (pmtui new NAME makes one; --all shows archived ones)")
        return 0
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 0
    print("\n".join(render(lines, width)))
    return 0


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


#: Project, RAG, Set, Next milestone, Forecast, SPI, CPI, Overdue, Report.
_FIXED = 5 + 5 + 10 + 4 + 4 + 4 + 10 + 8 * 2


def render(lines: list[ProjectLine], width: int = 0) -> list[str]:
    """The table for people: one line per project (`width` 0: nothing is cut)."""
    if width:
        spare = max(width - _FIXED, 20)
        name_width = max(10, spare * 3 // 5)
        milestone_width = spare - name_width
    else:
        name_width = max([7, *(len(one_line(line.name, 999)) for line in lines)])
        milestone_width = max(
            [14, *(len(one_line(line.next_milestone or "", 999)) for line in lines)]
        )
    head = (
        f"{'Project':<{name_width}}  RAG    Set    {'Next milestone':<{milestone_width}}  "
        f"{'Forecast':<10}  SPI   CPI   Late  Report"
    )
    out = [head.rstrip()]
    for line in lines:
        name = one_line(line.name, name_width)
        if line.error:
            out.append(f"{name:<{name_width}}  cannot read it: {line.error}")
            continue
        flag = " (archived)" if line.archived else ""
        out.append(
            f"{name:<{name_width}}  {line.rag_computed or '-':<5}  {line.rag_override or '':<5}  "
            f"{one_line(line.next_milestone or '-', milestone_width):<{milestone_width}}  "
            f"{line.forecast or '':<10}  {_ratio(line.spi):>4}  {_ratio(line.cpi):>4}  "
            f"{line.overdue if line.overdue is not None else '':>4}  "
            f"{line.last_report or 'none'}{flag}".rstrip()
        )
    return out
