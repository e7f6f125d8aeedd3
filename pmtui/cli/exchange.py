"""`pmtui import` and `pmtui export`: CSV and JSON in and out of a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmtui.cli.common import (
    Commands,
    UserError,
    eprint,
    open_store,
    project_path,
    table_type,
)
from pmtui.store import Store
from pmtui.store.files import ProjectFiles

#: Tables that a format of their own presents for people: (table, format) -> writer.
#: pmtui.transfer.FORMATS, named here so that building the parser loads no import code
#: (tests/test_cli.py keeps the two equal).
FORMATS = ("csv", "json")


def _comparisons_markdown(store: Store) -> str:
    from pmtui.reports.comparison_md import comparisons_markdown  # loaded only when asked for

    return comparisons_markdown(store)


TABLE_FORMATS = {("comparisons", "md"): _comparisons_markdown}
#: Formats that hold a whole project's view rather than its tables (MS Project XML: the
#: plan; iCalendar: meetings and dated actions), and the -o suffix that chooses each.
PLAN_FORMATS = {"mspdi": "xml", "ics": "ics"}


#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("import", "export")


def register(commands: Commands) -> None:
    """Add `import` and `export`."""
    importing = commands.add_parser(
        "import",
        help="import a CSV, JSON, GanttProject (.gan) or MS Project XML (.xml) file",
        description='Import a CSV (one table) or JSON file ({"table": [records]}). Rows whose '
        "key exists update that record; the others are added. One bad row rejects the file. "
        "A GanttProject (.gan) or MS Project XML (.xml) plan brings in its tasks, links, "
        "resources (as people, matched by name), assignments and calendar; into a project "
        "without tasks it also sets the start, weekends and holidays; else its tasks are "
        "added under new keys.",
    )
    importing.add_argument("project", metavar="PROJECT")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--table", help="the table a CSV file holds (default: its name)")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="delete the records of the imported tables that the file does not hold "
        "(a plan file: replace the tasks and their assignments)",
    )
    importing.set_defaults(run=run_import)

    exporting = commands.add_parser(
        "export",
        help="export tables as CSV or JSON, the plan as MS Project XML, meetings as .ics",
        description="Export a project (or one table) to standard output or a file.",
    )
    exporting.add_argument("project", metavar="PROJECT")
    exporting.add_argument("--table", help="only this table")
    exporting.add_argument(
        "--format",
        choices=(*FORMATS, *PLAN_FORMATS, *sorted({fmt for _, fmt in TABLE_FORMATS})),
        help="default: the -o file's suffix (.xml: mspdi, .ics: ics), else json; md only for "
        "--table comparisons; mspdi is MS Project XML of the plan (tasks, links, people, "
        "assignments, calendar), which MS Project and ProjectLibre open; ics is iCalendar "
        "of the meetings (recurring, in their time zone) and the open dated actions (to-dos)",
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", help="write here (for CSV of every table: a folder)"
    )
    exporting.add_argument(
        "--include-private", action="store_true", help="include private tables (0600 file)"
    )
    exporting.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write text starting with = + - @ as it is (default: with a leading ' "
        "so that spreadsheets do not run it as a formula)",
    )
    exporting.set_defaults(run=run_export)


def run_import(args: argparse.Namespace) -> int:
    """Import the file as one change; print what it added, updated and deleted."""
    from pmtui.transfer import import_file, plan_kind

    path = Path(args.file)
    if plan_kind(path) is not None:
        return _import_plan(args, path)
    if args.table:
        table_type(args.table)
    with open_store(args.project) as store:
        result = import_file(store, path, table=args.table, replace=args.replace)
    print(f"imported {path.name}: {result.summary()}")
    return 0


def _import_plan(args: argparse.Namespace, path: Path) -> int:
    """A GanttProject or MS Project plan: tasks, people, assignments, leave and calendar."""
    from pmtui.transfer import import_plan

    if args.table:
        raise UserError(f"{path.name} is a plan file; it fills the plan's tables, drop --table")
    with open_store(args.project) as store:
        result = import_plan(store, path, replace=args.replace)
    for line in result.lines():
        print(line)
    return 0


def _refuse_unknown_suffix(args: argparse.Namespace) -> None:
    """Without --format, an -o file whose suffix names no format written here is refused
    (`-o status.md` once got JSON): nothing is written."""
    output = Path(args.output).expanduser()
    suffix = output.suffix.lower().lstrip(".")
    if args.format or not suffix or output.is_dir():
        return
    if suffix in FORMATS or (args.table, suffix) in TABLE_FORMATS:
        return
    if suffix in PLAN_FORMATS.values() and not args.table:
        return
    special = [f"{fmt} only with --table {table}" for table, fmt in TABLE_FORMATS]
    raise UserError(
        f"{output.name}: export writes {', '.join(FORMATS)} ({'; '.join(special)}; xml: the "
        f"plan as MS Project XML; ics: meetings and actions as iCalendar), not "
        f".{suffix}; name the file .json or .csv, or give --format json to write JSON anyway"
    )


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    for fmt, plan_suffix in PLAN_FORMATS.items():
        if suffix == plan_suffix and not args.table:
            return fmt
    return suffix if suffix in FORMATS or (args.table, suffix) in TABLE_FORMATS else "json"


def run_export(args: argparse.Namespace) -> int:
    """Write the export; say on stderr which private tables were left out."""
    from pmtui.transfer import (
        choose_tables,
        export_csv,
        export_json,
        holds_private,
        write_export,
    )

    if args.table:
        table_type(args.table)
    chosen, left_out = choose_tables(
        [args.table] if args.table else None, include_private=args.include_private
    )
    fmt = _format(args)
    if fmt in PLAN_FORMATS:
        return _export_plan(args, fmt)
    special = TABLE_FORMATS.get((args.table, fmt))
    if fmt not in FORMATS and special is None:
        tables = ", ".join(table for table, other in TABLE_FORMATS if other == fmt)
        raise UserError(f"--format {fmt} is for --table {tables} only")
    files = ProjectFiles.for_path(project_path(args.project))
    if args.output:
        _refuse_own_file(files, Path(args.output).expanduser())
        _refuse_unknown_suffix(args)
    outputs: list[tuple[Path | None, str, bool]] = []
    with open_store(args.project) as store:
        if special is not None:
            outputs.append((_path(args.output), special(store), holds_private(chosen)))
        elif fmt == "json":
            outputs.append((_path(args.output), export_json(store, chosen), holds_private(chosen)))
        elif len(chosen) == 1:
            outputs.append(
                (
                    _path(args.output),
                    export_csv(store, chosen[0], raw=args.raw),
                    holds_private(chosen),
                )
            )
        elif args.output and Path(args.output).is_dir():
            for table in chosen:
                folder = Path(args.output).expanduser()
                outputs.append(
                    (
                        folder / f"{table}.csv",
                        export_csv(store, table, raw=args.raw),
                        holds_private([table]),
                    )
                )
        else:
            raise UserError(
                "a CSV file holds one table: add --table TABLE, or give -o a folder "
                "to write one file per table"
            )
    for output, _text, _private in outputs:
        if output is not None:
            _refuse_own_file(files, output)
    for output, text, private in outputs:
        if output is None:
            sys.stdout.write(text)
        else:
            write_export(output, text, private=private)
            print(f"wrote {output}")
    if left_out:
        eprint(f"left out {', '.join(left_out)} (private); add --include-private to export them")
    return 0


def _export_plan(args: argparse.Namespace, fmt: str) -> int:
    """The whole plan, or the meetings and actions, in another tool's format (tables of
    people notes never go into either)."""
    from pmtui.transfer import write_export

    if args.table:
        raise UserError(f"--format {fmt} holds the whole project, not one table; drop --table")
    output = _path(args.output)
    if output is not None:
        _refuse_own_file(ProjectFiles.for_path(project_path(args.project)), output)
    with open_store(args.project) as store:
        if fmt == "ics":
            from pmtui.transfer.ics import write_ics

            text = write_ics(store)
        else:
            from pmtui.transfer.mspdi import write_mspdi

            text = write_mspdi(store, output.name if output else "plan.xml")
    if output is None:
        sys.stdout.write(text)
    else:
        write_export(output, text, private=False)
        print(f"wrote {output}")
    return 0


def _refuse_own_file(files: ProjectFiles, output: Path) -> None:
    """An export never replaces the project or one of its sidecars or backups."""
    what = files.part_of(output)
    if what is not None:
        raise UserError(
            f"refusing to export to {output}: it is {what} of {files.path}; "
            "choose another file; nothing was written"
        )


def _path(output: str | None) -> Path | None:
    return Path(output).expanduser() if output else None
