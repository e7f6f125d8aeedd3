"""The `pmtui` entry point: parse the command, run it, turn refusals into one-line messages."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from pmtui import __version__, areas, paths
from pmtui.cli import (
    activity,
    backups,
    common,
    exchange,
    portfolio,
    privacy,
    projects,
    records,
)
from pmtui.cli.common import UsageError, UserError
from pmtui.kinds import FieldError
from pmtui.store import StoreError, exit_on_signals, hung_up_code
from pmtui.tables import did_you_mean

#: The commands of every project; each area's follow (its declaration names them).
CORE_MODULES: tuple[ModuleType, ...] = (
    projects,
    records,
    exchange,
    backups,
    privacy,
    activity,
    portfolio,
)


def command_modules() -> list[ModuleType]:
    """Each module adds its commands to the parser: the core ones, then each area's."""
    named = [name for area in areas.AREAS for name in area.commands]
    return [*CORE_MODULES, *(importlib.import_module(name) for name in named)]


def command_names() -> set[str]:
    """Every command's name (each module lists the ones it registers)."""
    return {name for module in command_modules() for name in module.COMMANDS}


EPILOG = """\
PROJECT is a path when it contains '/' or ends in .json, else a project name in
the data folder. `pmtui` alone opens the config's default_project, else the last
project opened, else the portfolio when the data folder holds several projects
(pmtui portfolio prints it), else the one project (with none it says how to make
one).

environment:
  PMTUI_TODAY=YYYY-MM-DD  fix today (demos, tests, scripts); otherwise today is
                          the date in the project's time zone

config (~/.config/pmtui/config.toml):
  date_order = "dmy"      read 12/1 as 12 January; also takes 24.12. and
                          24.12.2026 (default "mdy": 12/1 is 1 December)
  default_project = "NAME"  what `pmtui` alone opens
  theme = "pmtui-16"      for 16-colour terminals (pmtui-dark, pmtui-light)
"""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command` alone: all that running it needs
    (building every command's parser costs a few ms of each start-up)."""
    parser = argparse.ArgumentParser(
        prog="pmtui",
        description="A keyboard-first project manager's tool; `pmtui [PROJECT]` opens the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pmtui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        if command is None or command in module.COMMANDS:
            module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 ok, 1 user error (one line on stderr), 2 usage error."""
    words = list(sys.argv[1:] if argv is None else argv)
    exit_on_signals()  # SIGHUP/SIGTERM: finish the save, then exit through `finally` blocks
    # A hang-up Python swallowed (inside a callback) still ends the command as one: 129.
    return hung_up_code(_command(words))


def _command(words: list[str]) -> int:
    names = command_names()
    if not words or (words[0] not in names and not words[0].startswith("-")):
        if len(words) > 1:
            hint = did_you_mean(words[0], names) or " (see pmtui --help)"
            return _usage(build_parser(), f"{words[0]!r} is not a command{hint}")
        return _guarded(lambda: _open(words[0] if words else None))
    try:
        parser = build_parser(words[0] if words[0] in names else None)
        args, extra = parser.parse_known_args(words)
        if extra and isinstance(getattr(args, "filters", None), list):
            args.filters += extra  # `show P T --json status=done`: filters after the flags
        elif extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exit_:
        return int(exit_.code or 0)
    run: Callable[[argparse.Namespace], int] = args.run
    # Export and --json print data (unchanged unless on a terminal); the rest is text.
    data = args.command == "export" or bool(getattr(args, "json", False))
    with common.guarded_output(data=data):
        return _guarded(lambda: run(args))


def _open(project: str | None) -> int:
    """`pmtui PROJECT` opens it; `pmtui` alone follows CONTRACT's rule (project_to_open)."""
    if project is None:
        project = projects.project_to_open()
        if project is None:
            return 0
        if not project:  # several projects and none to prefer: the portfolio
            return common.open_portfolio(paths.projects_dir())
    path = common.project_path(project)
    if not path.exists() and (hint := did_you_mean(project, command_names())):
        raise UserError(f"{project!r} is not a command nor a project{hint}")
    if not path.exists():
        raise UserError(f"no project at {path} (pmtui new {project} creates one; pmtui list)")
    return common.open_app(path, hint="the commands work meanwhile (pmtui --help)")


def _usage(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"pmtui: error: {message}", file=sys.stderr)
    return 2


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        text = str(error)
    return " ".join(text.split())


def _guarded(run: Callable[[], int]) -> int:
    try:
        return run()
    except UsageError as error:
        print(f"pmtui: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`pmtui show ... | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (UserError, StoreError, FieldError, OSError, ValueError) as error:
        common.eprint(_one_line(error))
        return 1
    except KeyboardInterrupt:
        return 130
