"""`pmtui closure` (the closing checklist), `pmtui archive` and `pmtui reopen`.

An archived project is read-only: every change is refused (pmtui.store.archived) until
`pmtui reopen` (or `R` on Project › Closure). Archiving with checklist items failing needs
`--reason`, kept on the project record as `closed_reason`."""

from __future__ import annotations

import argparse
from typing import Any

from pmtui.cli.common import Commands, UserError, open_store, print_json, report_command

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("closure", "archive", "reopen")


def register(commands: Commands) -> None:
    """Add `closure`, `archive` and `reopen`."""
    report_command(
        commands,
        "closure",
        run_closure,
        help="the closing checklist",
        description="What stands between the project and its closure: deliverables not "
        "accepted, contracts still running, open actions, risks and issues, budget not "
        "reconciled (unposted expenses, categories over plan); each with its count.",
        json_shape='{"archived", "closed_on", "items": [{"name", "count", "total", '
        '"passed", "detail", "board"}]}',
    )
    archive = commands.add_parser(
        "archive",
        help="close the project: archive it, read-only",
        description="Archive the project: it becomes read-only (every change refused until "
        "pmtui reopen) and leaves the portfolio unless --all. With checklist items failing "
        "(pmtui closure) it is refused unless --reason says why it closes anyway.",
    )
    archive.add_argument("project", metavar="PROJECT")
    archive.add_argument("--reason", default="", help="why it closes with items failing")
    archive.set_defaults(run=run_archive)
    reopen = commands.add_parser(
        "reopen",
        help="reopen an archived project",
        description="Reopen an archived project: it can be changed again.",
    )
    reopen.add_argument("project", metavar="PROJECT")
    reopen.set_defaults(run=run_reopen)


def _items_json(items: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": item.name,
            "count": item.count,
            "total": item.total,
            "passed": item.passed,
            "detail": item.detail,
            "board": item.board,
        }
        for item in items
    ]


def run_closure(args: argparse.Namespace) -> int:
    """Print the checklist (one line per item) or its JSON."""
    from pmtui.services.closure import checklist

    with open_store(args.project) as store:
        items = checklist(store.read_context())
        project = store.project
    if args.json:
        print_json(
            {
                "archived": bool(project.get("archived")),
                "closed_on": project.get("closed_on"),
                "items": _items_json(items),
            }
        )
        return 0
    if project.get("archived"):
        print(f"archived on {project.get('closed_on') or '?'} (read-only; pmtui reopen reopens)")
    width = max(len(item.name) for item in items)
    for item in items:
        mark = "ok  " if item.passed else "FAIL"
        print(f"{mark}  {item.name:<{width}}  {item.count:>4}  {item.detail}")
    return 0


def run_archive(args: argparse.Namespace) -> int:
    """Archive the project, refusing while items fail unless --reason is given."""
    from pmtui.services.closure import archive_values, checklist, failing

    reason = " ".join(args.reason.split())
    with open_store(args.project) as store:
        project = store.project
        if project.get("archived"):
            raise UserError(f"{project.get('name')} is archived already (pmtui reopen reopens it)")
        failed = failing(checklist(store.read_context()))
        if failed and not reason:
            listed = "; ".join(f"{item.name}: {item.count}" for item in failed)
            raise UserError(
                f"not archived: {len(failed)} checklist item(s) fail ({listed}); fix them "
                'or archive anyway with --reason "why"'
            )
        store.update(
            "project",
            str(project["key"]),
            archive_values(store.today, reason if failed else ""),
            label="archive the project",
        )
        name = project.get("name")
    print(f"archived {name}: read-only until pmtui reopen")
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    """Reopen an archived project."""
    from pmtui.services.closure import REOPEN_VALUES

    with open_store(args.project) as store:
        project = store.project
        if not project.get("archived"):
            raise UserError(f"{project.get('name')} is not archived; nothing to reopen")
        store.update("project", str(project["key"]), REOPEN_VALUES, label="reopen the project")
    print(f"reopened {project.get('name')}: it can be changed again")
    return 0
