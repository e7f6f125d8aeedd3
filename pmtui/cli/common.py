"""What every command shares: finding and opening projects, field=value input, output."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeAlias, cast

from pmtui import paths
from pmtui.config import Config, load_config
from pmtui.kinds.escapes import quoted, visible
from pmtui.schema import RecordType
from pmtui.store import Store
from pmtui.tables import record_type

#: The object each command module adds its sub-commands to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit status 1."""


class UsageError(Exception):
    """The command was typed wrongly; printed like argparse does, exit status 2."""


def report_command(
    commands: Commands,
    name: str,
    run: Any,
    *,
    help: str,
    description: str,
    json_shape: str,
) -> argparse.ArgumentParser:
    """A read-only command over one project: `pmtui NAME PROJECT [--json]`, `--json`
    printing `json_shape` (CONTRACT's). Returns the parser for options of its own."""
    parser = commands.add_parser(name, help=help, description=description)
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("--json", action="store_true", help=f"print {json_shape}")
    parser.set_defaults(run=run)
    return parser


def eprint(message: str) -> None:
    """One line on standard error, prefixed like every pmtui message; control characters
    (a record's text or a typed value inside the message) are shown escaped, never obeyed."""
    print(f"pmtui: {visible(message, lines=False)}", file=sys.stderr)


class EscapingOutput:
    """Standard output with control characters written out visibly (`\\x1b`), newlines and
    tabs kept: what text commands print, and data printed to a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def guarded_output(*, data: bool) -> Iterator[None]:
    """While a command runs, escape control characters in what it prints: always for text
    (`show`, `schedule` ...); for data (`export`, `--json`) only when standard output is a
    terminal, so that a file or a pipe gets the data unchanged."""
    stream = sys.stdout
    if data and not stream.isatty():
        yield
        return
    sys.stdout = cast(TextIO, EscapingOutput(stream))
    try:
        yield
    finally:
        if sys.stdout is not stream:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
        sys.stdout = stream


def print_json(data: Any) -> None:
    """Machine-readable output: sorted keys, indent 2, UTF-8 as is."""
    print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))


def load_settings() -> Config:
    """The user's config.toml; each problem in it is one warning line, never a failure."""
    config, warnings = load_config(paths.config_file())
    for warning in warnings:
        eprint(f"warning: {warning}")
    return config


def project_path(arg: str) -> Path:
    """PROJECT as typed: a path when it has '/' or ends in .json, else a name in the data folder."""
    return paths.resolve_project(arg)


@contextlib.contextmanager
def open_store(arg: str) -> Iterator[Store]:
    """Open PROJECT for one command and let go of its lock afterwards; what the store warns
    of (a change saved without its undo record) is printed on standard error.

    The loaded project is most of what the process holds and lives to its end: the
    collector is paused while it loads (parsing allocates much and frees little) and the
    result frozen (gc.freeze, as the app does after its first frame), so later collections
    skip it instead of re-scanning every record (BENCHMARKS.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        store = Store.open(project_path(arg), date_order=load_settings().date_order)
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    try:
        yield store
    finally:
        store.close()
        for warning in store.warnings:  # a save that worked without its undo record
            eprint(f"warning: {warning}")


def table_type(name: str) -> RecordType:
    """The declaration of a table the user named; UserError listing the tables if unknown."""
    if name.startswith("_"):
        raise UserError(f"{name} is internal to the file and cannot be used here")
    try:
        return record_type(name)
    except KeyError as error:
        raise UserError(str(error.args[0])) from None


def parse_assignments(rt: RecordType, items: Sequence[str]) -> dict[str, str]:
    """`field=value` words -> {field name: typed text}; fields by name or label."""
    from pmtui.transfer import match_field  # CSV header matching, loaded on use

    values: dict[str, str] = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise UsageError(f"{quoted(item)} is not field=value (e.g. rate=1200)")
        f = match_field(rt, name)
        if f is None:
            known = ", ".join(f.name for f in rt.input_fields)
            raise UserError(f"{rt.table}: {quoted(name)}: no such field (fields: {known})")
        if f.computed:
            raise UserError(f"{rt.table}: {f.name}: is computed; it cannot be set")
        values[f.name] = value
    return values


def open_app(path: Path, hint: str = "use --no-open") -> int:
    """Start the Textual app on `path`; Textual is imported here and only here."""
    # Importing Textual and drawing the first frame build many objects and free few:
    # collecting meanwhile only delays the first frame (about 25 ms; BENCHMARKS.md).
    # Textual pauses the collector the same way while it scrolls; the app resumes it.
    gc.disable()
    try:
        try:
            from pmtui.app import run
        except ModuleNotFoundError as error:
            if error.name != "pmtui.app":
                raise
            raise UserError(f"the app is not built yet; {hint}") from None
        return int(run(path) or 0)
    finally:
        gc.enable()


def open_portfolio(folder: Path) -> int:
    """Start the portfolio screen on `folder`; the project chosen there opens in the app."""
    from pmtui.app import run_portfolio

    return int(run_portfolio(folder) or 0)
