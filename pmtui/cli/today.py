"""`pmtui today`, `pmtui done` and `pmtui snooze`: Today from the shell (pmtui.agenda).

`pmtui today` keeps what it worked out in `$XDG_CACHE_HOME/pmtui/today/` (pmtui.todaycache:
0600 files, safe to delete), trusted only when the project file's content hash, the date,
`--days` and pmtui's version all match, so a call on an unchanged file reads the answer
without loading the project or building its schedule; pmtui/__main__.py answers such a
call before importing the command line at all.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pmtui import clock, paths, todaycache
from pmtui.cli.common import Commands, UserError, open_store, print_json, project_path
from pmtui.context import collector_paused
from pmtui.reports.today import contract_item, printed, render
from pmtui.tables import record_type

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("today", "done", "snooze")


def register(commands: Commands) -> None:
    """Add `today`, `done` and `snooze`."""
    today = commands.add_parser(
        "today",
        help="what is overdue, due today and coming up",
        description="Print what needs you: overdue (oldest first), due today, then upcoming "
        "within the project's due-soon window. Fits 80 columns; --json for scripts.",
    )
    today.add_argument("project", metavar="PROJECT", nargs="?")
    today.add_argument(
        "--days", type=int, metavar="N", help="look N days ahead (default: the project's window)"
    )
    today.add_argument(
        "--all", action="store_true", help="every project in the data folder, by project"
    )
    today.add_argument("--json", action="store_true", help='print {"as_of", "items": [...]}')
    today.set_defaults(run=run_today)

    done = commands.add_parser(
        "done",
        help="mark items done",
        description="Mark Today's items done (an action: status done, done_on today), as one "
        "undoable change. KEY is unique across Today's tables, else TABLE/KEY. Nothing is "
        "approved or decided this way: a deliverable awaiting a decision says to open it.",
    )
    done.add_argument("project", metavar="PROJECT")
    done.add_argument("keys", metavar="KEY", nargs="+")
    done.set_defaults(run=run_done)

    snooze = commands.add_parser(
        "snooze",
        help="move an item to a later date",
        description="Move an item's date (an action's due, a follow-up...) to DATE: fri, "
        "+3d, next week, 2026-12-11... KEY is unique across Today's tables, else TABLE/KEY.",
    )
    snooze.add_argument("project", metavar="PROJECT")
    snooze.add_argument("key", metavar="KEY")
    snooze.add_argument("date", metavar="DATE", nargs="+")
    snooze.set_defaults(run=run_snooze)


# ---------------------------------------------------------------- today


def run_today(args: argparse.Namespace) -> int:
    """Print one project's Today (or every project's with --all)."""
    if args.days is not None and args.days < 0:
        raise UserError(f"--days must be 0 or more, not {args.days}")
    if args.all:
        if args.project:
            raise UserError("give a PROJECT or --all, not both")
        return _today_all(args)
    if not args.project:
        project = _default_project()
        if project is None:
            raise UserError(
                "which project? pmtui today PROJECT, or --all for every project (pmtui list)"
            )
        args.project = project
    answer = today_of(project_path(args.project), args.days)
    # What the cache keeps and pmtui/__main__.py prints when the file is unchanged: the
    # text and the JSON are written out once (reports.today.printed), not again here.
    sys.stdout.write(answer["json"] if args.json else answer["text"])
    return 0


def _default_project() -> str | None:
    """The config's default project, else the data folder's only project."""
    from pmtui.cli.common import load_settings

    chosen = load_settings().default_project
    if chosen is not None:
        return chosen
    folder = paths.projects_dir()
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return str(found[0]) if len(found) == 1 else None


def _today_all(args: argparse.Namespace) -> int:
    folder = paths.projects_dir()
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    projects: list[dict[str, Any]] = []
    for path in found:
        try:
            projects.append({"path": str(path), **today_of(path, args.days)})
        except Exception as error:  # one broken file never hides the others
            text = " ".join(str(error).split()) or type(error).__name__
            projects.append({"path": str(path), "project": path.stem, "error": text})
    as_of = next((p["as_of"] for p in projects if "as_of" in p), clock.today().isoformat())
    if args.json:
        shown = []
        for project in projects:
            entry = {"project": project["project"], "path": project["path"]}
            if "error" in project:
                entry["error"] = project["error"]
            entry["items"] = [contract_item(i) for i in project.get("items", [])]
            shown.append(entry)
        print_json({"as_of": as_of, "projects": shown})
        return 0
    if not projects:
        print(f"no projects in {folder} yet (pmtui new NAME or pmtui demo makes one)")
        return 0
    blocks = []
    for project in projects:
        if "error" in project:
            blocks.append(f"{project['project']}: cannot read it: {project['error']}")
        else:
            blocks.append("\n".join(render(project)))
    print("\n\n".join(blocks))
    return 0


def today_of(path: Path, days: int | None) -> dict[str, Any]:
    """{"project", "as_of", "window", "items", "coming", "text", "json"} of the project at
    `path`: from the cache (pmtui.todaycache) when the file's content, the date, `days` and
    pmtui's version are those it holds, else worked out and cached."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserError(
            f"no project at {path} (pmtui new {path} creates one; pmtui list)"
        ) from None
    digest = todaycache.digest_of(content)
    cache = todaycache.cache_file(path)
    cached = todaycache.read(cache, digest, days)
    if cached is not None:
        return cached
    with collector_paused():  # a schedule's worth of objects, no cycles to speak of
        answer = _work_out(path, days)
    try:
        unchanged = path.read_bytes() == content  # another session saved meanwhile: no cache
    except OSError:
        unchanged = False
    if unchanged:
        todaycache.write(cache, answer, digest, days)
    return answer


def _work_out(path: Path, days: int | None) -> dict[str, Any]:
    from pmtui import agenda

    with open_store(str(path)) as store:
        answer = agenda.answer(store, days)
        if days is None:  # the app's window: its first frame, kept beside (reports.first_frame)
            from pmtui.reports.first_frame import frame_of

            answer["frame"] = frame_of(store, answer)
    return printed(answer, path)


# ---------------------------------------------------------------- done and snooze


def run_done(args: argparse.Namespace) -> int:
    """Mark each KEY done, all in one undoable change; nothing when one is refused."""
    from pmtui import agenda

    with open_store(args.project) as store:
        try:
            found = list(dict.fromkeys(agenda.find(store, key) for key in args.keys))
            shown = [
                f"{record_type(t).singular} {k}: {agenda.title_of(store, t, k)}" for t, k in found
            ]
            label = "done " + ", ".join(key for _, key in found)
            with store.transaction(label):
                for table, key in found:
                    agenda.done(store, table, key)
        except agenda.AgendaError as error:
            raise UserError(str(error)) from None
    for line in shown:
        print(f"done: {line}")
    return 0


def run_snooze(args: argparse.Namespace) -> int:
    """Move one item's date to DATE."""
    from pmtui import agenda

    typed = " ".join(args.date)
    with open_store(args.project) as store:
        try:
            table, key = agenda.find(store, args.key)
            record = agenda.snooze(store, table, key, typed)
            rt = record_type(table)
            assert rt.agenda is not None
            title = agenda.title_of(store, table, key)
        except agenda.AgendaError as error:
            raise UserError(str(error)) from None
    moved = record[rt.agenda.snooze]
    print(f"snoozed: {rt.singular} {key} to {date.fromisoformat(moved):%a %Y-%m-%d}: {title}")
    return 0
