"""`pmtui show`, `add`, `set` and `undo`: reading and changing records from the shell."""

from __future__ import annotations

import argparse
import shutil
import sys

from pmtui.cli.common import (
    Commands,
    UsageError,
    UserError,
    open_store,
    parse_assignments,
    print_json,
    table_type,
)
from pmtui.cli.render import render_record, render_table, table_columns

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("show", "add", "set", "undo")


def register(commands: Commands) -> None:
    """Add `show`, `add`, `set` and `undo`."""
    show = commands.add_parser(
        "show", help="print a table", description="Print one table of a project."
    )
    show.add_argument("project", metavar="PROJECT")
    show.add_argument("table", metavar="TABLE")
    show.add_argument("--json", action="store_true", help='print {"TABLE": [records]}')
    show.add_argument(
        "--include-private", action="store_true", help="allow private tables (performance notes)"
    )
    show.set_defaults(run=run_show)

    add = commands.add_parser(
        "add",
        help="add a record; prints its key",
        description="Add a record: pmtui add PROJECT people name='Ann Lee' rate=95",
    )
    add.add_argument("project", metavar="PROJECT")
    add.add_argument("table", metavar="TABLE")
    add.add_argument("values", metavar="FIELD=VALUE", nargs="+")
    add.set_defaults(run=run_add)

    edit = commands.add_parser(
        "set",
        help="change fields of a record",
        description="Change fields: pmtui set PROJECT people P3 rate=110 (the project table "
        "needs no KEY). KEY may also be the record's unique name or title.",
    )
    edit.add_argument("project", metavar="PROJECT")
    edit.add_argument("table", metavar="TABLE")
    edit.add_argument("words", metavar="[KEY] FIELD=VALUE", nargs="+")
    edit.set_defaults(run=run_set)

    undo = commands.add_parser(
        "undo",
        help="undo the last saved change",
        description="Undo the newest change saved to the project, by any session.",
    )
    undo.add_argument("project", metavar="PROJECT")
    undo.set_defaults(run=run_undo)


def _terminal_width() -> int | None:
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def run_show(args: argparse.Namespace) -> int:
    """A readable table (or the project as a list of fields), or JSON as the export has it."""
    from pmtui import views
    from pmtui.transfer import export_records

    rt = table_type(args.table)
    if rt.private and not args.include_private:
        raise UserError(f"{rt.table} holds private records; add --include-private to show them")
    with open_store(args.project) as store:
        if args.json:
            print_json({rt.table: export_records(store, rt.table)})
            return 0
        # A table prints its columns only: computed fields it never shows (the tasks'
        # forecast) are not worked out. A singleton prints every field.
        shown = None if rt.singleton else {f.name for f in table_columns(rt)}
        records = views.rows(store, rt.table, shown)
    width = _terminal_width()
    if rt.singleton and len(records) == 1:
        lines = render_record(rt, records[0], width)
    else:
        lines = render_table(rt, records, width)
    print("\n".join(lines))
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Add one record from field=value words and print its key."""
    rt = table_type(args.table)
    if rt.singleton:
        raise UserError(f"{rt.table} has one record; change it with: pmtui set PROJECT {rt.table}")
    values = parse_assignments(rt, args.values)
    with open_store(args.project) as store:
        record = store.add(rt.table, values)
    print(record["key"])
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Change fields of the record named by KEY (or the singleton record)."""
    rt = table_type(args.table)
    words: list[str] = args.words
    needs_key = not (rt.singleton and "=" in words[0])
    assignments = words[1:] if needs_key else words
    if not assignments:
        raise UsageError("give at least one FIELD=VALUE after the key")
    values = parse_assignments(rt, assignments)
    with open_store(args.project) as store:
        if needs_key:
            key = store.resolve(rt.table, words[0])
        else:
            key = str(store.records(rt.table)[0]["key"])
        record = store.update(rt.table, key, values)
    print(record["key"])
    return 0


def run_undo(args: argparse.Namespace) -> int:
    """Undo the newest saved change set and say what it was."""
    with open_store(args.project) as store:
        label = store.undo_last_saved()
    print(f"undone: {label}" if label else "nothing to undo")
    return 0
