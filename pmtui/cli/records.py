"""`pmtui show`, `add`, `set`, `undo` and `redo`: reading and changing records from the shell."""

from __future__ import annotations

import argparse
import shutil
import sys

from pmtui import views
from pmtui.cli.common import (
    Commands,
    UsageError,
    UserError,
    eprint,
    open_store,
    parse_assignments,
    print_json,
    table_type,
)
from pmtui.cli.render import render_record, render_table, table_columns
from pmtui.store import Store

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("show", "add", "set", "undo", "redo")


def register(commands: Commands) -> None:
    """Add `show`, `add`, `set`, `undo` and `redo`."""
    show = commands.add_parser(
        "show", help="print a table", description="Print one table of a project."
    )
    show.add_argument("project", metavar="PROJECT")
    show.add_argument("table", metavar="TABLE")
    show.add_argument(
        "filters",
        nargs="*",
        metavar="FIELD=VALUE|FIELD~TEXT",
        help="keep records whose field equals the value (typed as for add/set; references "
        "by key, name or a unique word prefix) or contains the text",
    )
    show.add_argument(
        "--wide", action="store_true", help="never cut cells (as when output is not a terminal)"
    )
    show.add_argument("--sort", metavar="FIELD", help="sort by this field (empty last)")
    show.add_argument("--desc", action="store_true", help="sort descending")
    show.add_argument("--limit", type=int, metavar="N", help="show at most N records")
    show.add_argument("--json", action="store_true", help='print {"TABLE": [records]}')
    show.add_argument(
        "--include-private", action="store_true", help="allow private tables (performance notes)"
    )
    show.set_defaults(run=run_show)

    add = commands.add_parser(
        "add",
        help="add a record; prints its key",
        description="Add a record: pmtui add PROJECT people name='Ann Lee' rate=95. A table on "
        "Today also takes one quick-add line: pmtui add PROJECT actions 'Chase SAP quote "
        "@chen fri' (text, @owner, a trailing date word).",
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
        description="Undo the newest change saved to the project, by any session. Only a "
        "change the file shows is undone: if the undo journal does not match the file, undo "
        "refuses and changes nothing. The project's first change (a new demo, a first "
        "import) is undone only with --yes, as that empties the project.",
    )
    undo.add_argument("project", metavar="PROJECT")
    undo.add_argument("--yes", action="store_true", help="also undo the project's first change")
    undo.set_defaults(run=run_undo)

    redo = commands.add_parser(
        "redo",
        help="redo the change the last undo took back",
        description="Apply again the change the last `pmtui undo` took back, unless a new "
        "change was saved since.",
    )
    redo.add_argument("project", metavar="PROJECT")
    redo.set_defaults(run=run_redo)


def _terminal_width() -> int | None:
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def run_show(args: argparse.Namespace) -> int:
    """A readable table (or the project as a list of fields), or JSON as the export has it."""
    from pmtui.cli.filters import parse_filters, select
    from pmtui.transfer import export_records, table_records

    rt = table_type(args.table)
    if rt.private and not args.include_private:
        raise UserError(f"{rt.table} holds private records; add --include-private to show them")
    with open_store(args.project) as store:
        filters = parse_filters(store, rt, args.filters)
        # A table in text works out only the computed fields it prints, filters or sorts by
        # (not the tasks' forecast); JSON and a singleton have every field.
        wanted = None
        if not (args.json or rt.singleton):
            wanted = {f.name for f in table_columns(rt)} | {flt.field.name for flt in filters}
            wanted |= {args.sort} if args.sort else set()
        rows = table_records(store, rt.table, wanted)
        shown = select(store, rt, rows, filters, args.sort, args.desc, args.limit)
        if args.json:
            exported = {str(r["key"]): r for r in export_records(store, rt.table)}
            print_json({rt.table: [exported[str(r["key"])] for r in shown]})
            return 0
        records = shown
        names = views.reference_names(store, rt)
    width = None if args.wide else _terminal_width()
    if rt.singleton and len(records) == 1:
        lines = render_record(rt, records[0], width, names)
    else:
        lines = render_table(rt, records, width, names)
    print("\n".join(lines))
    return 0


def run_add(args: argparse.Namespace) -> int:
    """Add one record from field=value words, or from one quick-add line for a table on
    Today (`pmtui add P actions "Chase quote @chen fri"`), and print its key."""
    rt = table_type(args.table)
    if rt.singleton:
        raise UserError(f"{rt.table} has one record; change it with: pmtui set PROJECT {rt.table}")
    if rt.agenda is not None and not any("=" in word for word in args.values):
        from pmtui import agenda

        with open_store(args.project) as store:
            record = agenda.quick_add(store, rt.table, " ".join(args.values))
        print(record["key"])
        return 0
    values = parse_assignments(rt, args.values)
    with open_store(args.project) as store:
        record = store.add(rt.table, values)
        warn_overloads(store)
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
        last = store.last_change
        record = store.update(rt.table, key, values)
        if store.last_change is not last:  # an update that changed nothing saves nothing
            warn_overloads(store)
    print(record["key"])
    return 0


def warn_overloads(store: Store) -> None:
    """A warning line for each person the change just saved put over capacity (it is saved
    all the same)."""
    landed = store.last_change
    if landed is None:
        return
    # Loaded once a change is saved: `pmtui PROJECT` imports this module too (start-up).
    from pmtui.services.overloads import change_overloads

    ctx = store.read_context()
    try:
        found = change_overloads(ctx, landed.changes)
    except Exception:  # the change is saved: a warning that fails must not say otherwise
        return
    for overload in found:
        eprint(f"warning: {overload.text(ctx.today)}")


def run_undo(args: argparse.Namespace) -> int:
    """Undo the newest saved change set and say what it was; exit 1 when there is none."""
    from pmtui.store import FirstChange

    with open_store(args.project) as store:
        try:
            label = store.undo_last_saved(first_too=args.yes)
        except FirstChange as error:
            raise UserError(f"{error}; run pmtui undo --yes to undo it anyway") from None
    if label is None:
        raise UserError("nothing to undo")
    print(f"undone: {label}")
    return 0


def run_redo(args: argparse.Namespace) -> int:
    """Redo the change set the last undo took back; exit 1 when there is none."""
    with open_store(args.project) as store:
        label = store.redo_last_saved()
    if label is None:
        raise UserError("nothing to redo")
    print(f"redone: {label}")
    return 0
