"""`pmtui new`, `pmtui demo` and `pmtui list`: making and finding projects."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import stat
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from pmtui import clock, paths
from pmtui.cli import common
from pmtui.cli.backups import keep_copy
from pmtui.cli.common import Commands, load_settings, print_json, project_path
from pmtui.reports.portfolio import project_files
from pmtui.state import load_state
from pmtui.store import Store
from pmtui.store.atomic import FileLock, check_writable, make_private_dirs
from pmtui.store.files import ProjectFiles

#: What `_meta.built_by` holds in a file the demo built; `demo --fresh` rebuilds only those.
DEMO_MARK = "pmtui demo"

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("new", "demo", "list")


def register(commands: Commands) -> None:
    """Add `new`, `demo` and `list`."""
    new = commands.add_parser(
        "new", help="create a project file", description="Create a new, empty project file."
    )
    new.add_argument("project", metavar="PROJECT")
    new.add_argument("--name", help="the project's name (default: the file's name)")
    new.add_argument("--start", metavar="DATE", help="first day (default: today)")
    new.add_argument("--calendar", choices=("workdays", "all-days"), help="default: workdays")
    new.set_defaults(run=run_new)

    demo = commands.add_parser(
        "demo",
        help="build the demo project and open it",
        description="Build a realistic demo project (dates relative to today) if it does not "
        "exist yet, then open it in the app.",
    )
    demo.add_argument("project", metavar="PROJECT", nargs="?", default="demo")
    demo.add_argument("--no-open", action="store_true", help="build it, do not open the app")
    demo.add_argument(
        "--fresh",
        action="store_true",
        help="rebuild it (only a file the demo built); the old file is kept in its backups folder",
    )
    demo.set_defaults(run=run_demo)

    listing = commands.add_parser(
        "list", help="list the projects in the data folder", description="List the projects."
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


def run_new(args: argparse.Namespace) -> int:
    """Create the project file and say where it is."""
    path = project_path(args.project)
    project: dict[str, object] = {"name": args.name or path.stem}
    if args.start:
        project["start"] = args.start
    if args.calendar:
        project["calendar"] = args.calendar
    store = Store.create(path, project, date_order=load_settings().date_order)
    store.close()
    print(f"created {store.path}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Build the demo unless it exists (or --fresh), in one transaction; then open it.

    The demo is built in a hidden folder beside the file and moved into place whole, so a
    build cut short (a kill, a hang-up) leaves no half demo for the next run to open."""
    path = project_path(args.project)
    files = ProjectFiles.for_path(path)
    fresh = files.path.exists() and args.fresh
    if fresh and not built_by_demo(files.path):
        raise common.UserError(
            f"{files.path} was not built by pmtui demo (its _meta has no built_by "
            '"pmtui demo"), so --fresh will not replace it; nothing was changed'
        )
    if fresh or not files.path.exists():
        make_private_dirs(files.path.parent)
        check_writable(files.path)  # a read-only folder gets no build folder either
        files.check_sidecars()  # its journal and log move there: never over a planted link
        remove_unfinished_builds(files)
        built, counts = _build_beside(files)
        lock = FileLock(files.lock)
        try:
            with lock:
                if fresh:
                    print(f"kept the old demo as {keep_copy(files, clock.today())}")
                _move_into_place(built, files, replace=fresh)
        finally:
            lock.remove_if_free()
            shutil.rmtree(built.parent, ignore_errors=True)
        # Said before the app takes the screen; it is there again once the app ends.
        print(f"built the demo project at {files.path} ({counts})")
    elif args.no_open:
        print(f"the demo project is at {files.path} (--fresh rebuilds it)")
    else:
        print(f"opening the demo project at {files.path} (built before; --fresh rebuilds it)")
    if args.no_open:
        return 0
    return common.open_app(files.path)


def _build_prefix(files: ProjectFiles) -> str:
    return f".{files.path.name}.demo-"


def _build_beside(files: ProjectFiles) -> tuple[Path, str]:
    """Build the demo in a new private folder beside the project (the same file system, so
    it moves by rename); its file there and its record counts."""
    from pmtui.demo import build_demo, demo_project  # every area's builder: only to build

    settings = load_settings()
    folder = Path(
        tempfile.mkdtemp(prefix=_build_prefix(files), suffix=".tmp", dir=files.path.parent)
    )
    built = folder / files.path.name
    try:
        Store.create(
            built,
            demo_project(clock.today()),
            date_order=settings.date_order,
            meta={"built_by": DEMO_MARK},
        ).close()
        store = Store.open(built, date_order=settings.date_order)
        try:
            build_demo(store)
            counts = record_counts(store)
        finally:
            store.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return built, counts


def _move_into_place(built: Path, files: ProjectFiles, *, replace: bool) -> None:
    """Put the built demo at the project's path (replacing the old demo only with
    `replace`), with its own undo journal and log; the old ones described the old file."""
    if replace:
        os.replace(built, files.path)
    else:
        try:
            os.link(built, files.path)  # never over a file another session made meanwhile
        except FileExistsError:
            raise common.UserError(
                f"{files.path} was made meanwhile; nothing was changed"
            ) from None
    source = ProjectFiles(built)
    for made, target in ((source.journal, files.journal), (source.activity, files.activity)):
        if made.exists():
            os.replace(made, target)
        else:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()


def remove_unfinished_builds(files: ProjectFiles) -> None:
    """Remove the build folders a demo cut short left beside the project: only folders
    (never a link) this user owns."""
    for stray in files.path.parent.glob(f"{_build_prefix(files)}*.tmp"):
        with contextlib.suppress(OSError):
            info = os.lstat(stray)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid():
                shutil.rmtree(stray)


def built_by_demo(path: Path) -> bool:
    """Whether the file's _meta says the demo built it (only such a file may be rebuilt).

    A demo built before the marker existed has none and is refused like any project."""
    try:
        data: Any = json.loads(path.read_bytes())
        return any(meta.get("built_by") == DEMO_MARK for meta in data["_meta"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _peek(path: Path) -> tuple[str | None, str | None]:
    """(project name, why it is unknown), read without locking or changing the file."""
    try:
        data: Any = json.loads(path.read_bytes())
        project = next(iter(data["project"].values()))
        return str(project["name"]), None
    except OSError as error:
        return None, f"cannot read it: {error.strerror}"
    except ValueError:
        return None, "not valid JSON"
    except (KeyError, TypeError, AttributeError, StopIteration):
        return None, "not a pmtui project"


def record_counts(store: Store) -> str:
    """'312 records: 12 people, 41 tasks, 7 milestones, ...' (tables holding any)."""
    from pmtui.tables import load_all

    counts = [(len(store.records(t)), rt) for t, rt in load_all().items() if not rt.singleton]
    shown = [
        f"{n} {rt.singular if n == 1 else rt.table.replace('_', ' ')}" for n, rt in counts if n
    ]
    return f"{sum(n for n, _ in counts)} records: {', '.join(shown)}"


def project_to_open() -> str | None:
    """What `pmtui` alone opens (CONTRACT): the config's default project, else the last one
    opened (if it is still there), else the one project of the data folder; "" when there
    are several (the caller opens the portfolio); None when there is none (what to do is
    printed)."""
    default = load_settings().default_project
    if default:
        return default
    last = load_state(paths.state_file()).get("last_project")
    if isinstance(last, str) and Path(last).is_file():
        return last
    folder = paths.projects_dir()
    found = project_files(folder)
    if len(found) == 1:
        return str(found[0])
    if not found:
        print(
            f"no projects in {folder} yet: pmtui new NAME creates one, "
            "pmtui demo builds a demo project to try"
        )
        return None
    return ""


def run_list(args: argparse.Namespace) -> int:
    """Every *.json in the projects folder with its project name and last change."""
    folder = paths.projects_dir()
    found = project_files(folder)
    items = []
    for path in found:
        name, why = _peek(path)
        modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        item: dict[str, Any] = {
            "name": path.stem,
            "path": str(path),
            "project": name,
            "modified": modified.isoformat(timespec="seconds"),
        }
        if why:
            item["why"] = {"project": why}
        items.append(item)
    if args.json:
        print_json({"projects": items})
        return 0
    if not items:
        print(f"no projects in {folder} yet (pmtui new NAME or pmtui demo makes one)")
        return 0
    titles = [item["project"] or f"? ({item['why']['project']})" for item in items]
    width = max(len(item["name"]) for item in items)
    title_width = max(map(len, titles))
    for item, title in zip(items, titles, strict=True):
        when = item["modified"][:16].replace("T", " ")
        print(f"{item['name']:<{width}}  {title:<{title_width}}  {when}  {item['path']}")
    return 0
