"""`pmtui purge-private`: remove deleted private records from the undo journal and backups."""

from __future__ import annotations

import argparse

from pmtui.cli.common import Commands, UserError, project_path
from pmtui.store.files import ProjectFiles

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("purge-private",)


def register(commands: Commands) -> None:
    """Add `purge-private`."""
    parser = commands.add_parser(
        "purge-private",
        help="remove deleted private records from the undo journal and backups",
        description="Deleted performance notes (private records) stay in the undo journal "
        "and in older backups until purged. This drops every undo journal entry that holds "
        "a private record the project no longer has (those changes can no longer be undone) "
        "and rewrites each backup without such records. Records still in the project are "
        "kept everywhere.",
    )
    parser.add_argument("project", metavar="PROJECT")
    parser.set_defaults(run=run_purge_private)


def run_purge_private(args: argparse.Namespace) -> int:
    """Purge and say how many journal entries and backup records went."""
    from pmtui.store.purge import purge_private

    files = ProjectFiles.for_path(project_path(args.project))
    if not files.path.is_file():
        raise UserError(f"no project at {files.path} (pmtui list)")
    result = purge_private(files)
    print(
        f"dropped {result.journal_entries} undo journal entries holding deleted private "
        f"records; removed {result.backup_records} deleted private records from "
        f"{result.backups_rewritten} backups"
    )
    return 0
