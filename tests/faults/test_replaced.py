"""The project file replaced, deleted or damaged under a running session (issue 23).

A session holds the project open (the app does, for hours); then someone deletes the
file, restores an older version over it, puts another project there (by rename or by
writing over it in place), or damages it. The session's next save, of a record of any
table (the registry's), never clobbers what is there now nor recreates a deleted file:
it lands on the file as it is now (a record whose base values are unchanged there), or
is refused with the reason; nothing else in the file changes.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import ConflictError, ProjectError, Store, StoreError, migrations
from tests.environment import TODAY
from tests.faults.harness import copy_project, table_edits, tables_of


def other_project(folder: Path) -> bytes:
    """The bytes of another, unrelated project."""
    path = folder / "other" / "other.json"
    store = Store.create(path, {"name": "Someone else's"}, today=TODAY)
    store.add("people", {"name": "Replacement marker"})
    store.close()
    return path.read_bytes()


def older_version(folder: Path) -> bytes:
    """The project as its oldest backup kept it (a restore, a git checkout)."""
    backups = sorted((folder / ".plan.json.backups").iterdir())
    return backups[0].read_bytes()


def newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["_meta"]["1"]["schema_version"] = migrations.SCHEMA_VERSION + 1
    return json.dumps(data).encode()


def replace_by_rename(project: Path, raw: bytes) -> None:
    staged = project.with_name("staged.json")
    staged.write_bytes(raw)
    staged.replace(project)


def write_in_place(project: Path, raw: bytes) -> None:
    with project.open("r+b") as handle:  # same inode, as an editor or `cat >` writes it
        handle.truncate(0)
        handle.write(raw)


#: What happens to the file: (how, the bytes it then holds from the folder and old bytes).
Event = Callable[[Path], None]
EVENTS: dict[str, Event] = {
    "deleted": lambda project: project.unlink(),
    "another project renamed over it": lambda p: replace_by_rename(p, other_project(p.parent)),
    "another project written over it": lambda p: write_in_place(p, other_project(p.parent)),
    "an older version restored over it": lambda p: replace_by_rename(p, older_version(p.parent)),
    "an older version written over it": lambda p: write_in_place(p, older_version(p.parent)),
    "damaged in place": lambda p: write_in_place(p, p.read_bytes()[:200]),
    "replaced by a newer pmtui's": lambda p: replace_by_rename(p, newer(p.read_bytes())),
}


def check_nothing_clobbered(
    project: Path, there: bytes | None, table: str, key: str, saved: bool, values: dict[str, Any]
) -> None:
    """The file holds what was put there, plus (when the save landed) the one edit."""
    if there is None:
        assert not project.exists(), "a deleted project is never recreated"
        return
    if not saved:
        assert project.read_bytes() == there
        return
    now = tables_of(project)
    put = json.loads(there)
    put.pop("_meta")
    assert now is not None
    for name in put.keys() | now.keys():
        if name != table:
            assert now.get(name) == put.get(name), name
    edited = {r["key"]: r for r in now[table].values()}
    before = {r["key"]: r for r in put[table].values()}
    assert edited.keys() == before.keys()
    for other in before:
        if other != key:
            assert edited[other] == before[other]
    for field in values:
        assert field in edited[key] or values[field] in ("", None)


@pytest.mark.parametrize("event", list(EVENTS))
@pytest.mark.parametrize("deferred", [False, True], ids=["saved at once", "deferred (the app)"])
def test_a_save_after_the_file_changed_under_the_session_never_clobbers_it(
    template: Path, tmp_path: Path, event: str, deferred: bool
) -> None:
    edits = table_edits(template)
    outcomes: Counter[str] = Counter()
    for table, (key, values) in edits.items():
        folder = copy_project(template, tmp_path / table)
        project = folder / "plan.json"
        session = Store.open(project, today=TODAY)
        session.defer_writes = deferred
        EVENTS[event](project)
        there = project.read_bytes() if project.exists() else None
        saved = staged = False
        try:
            session.update(table, key, values)
            staged = True
            if deferred:
                session.write_unwritten()
            saved = True
        except (ConflictError, ProjectError, StoreError) as error:
            message = str(error)
            assert "\n" not in message
            if event == "deleted":
                assert "no longer exists" in message
            if event.startswith("another project"):
                assert 'now holds another project ("Someone else\'s")' in message
            if staged and not isinstance(error, ConflictError):
                # The app's edit, refused by the write: kept, to be saved when it can be.
                assert session.unwritten == 1
        check_nothing_clobbered(project, there, table, key, saved, values)
        outcomes["saved" if saved else "refused"] += 1
        session.close()
        shutil.rmtree(folder)
    if event.startswith(("deleted", "damaged", "replaced by a newer", "another project")):
        assert "saved" not in outcomes, f"{event}: nothing of this project to save on"
    if event.startswith("an older version"):
        assert "saved" in outcomes, "the records are there: most edits land on them"


def test_undo_after_an_older_version_was_restored_under_the_session_is_a_conflict(
    template: Path, tmp_path: Path
) -> None:
    folder = copy_project(template, tmp_path / "undo")
    project = folder / "plan.json"
    session = Store.open(project, today=TODAY)
    session.update("actions", "FA1", {"text": "Chase it again"})
    replace_by_rename(project, older_version(folder))
    there = project.read_bytes()
    with pytest.raises(ConflictError):
        session.undo()
    assert project.read_bytes() == there
    session.close()
