"""Every command against files it must not write (issue 23): corrupt and newer project
files, a full disk, a read-only file or folder. Each is refused with one line, exit 1,
and the file is never written (bytes, modification time and mode compared)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from pmtui.cli.main import command_names
from pmtui.store import migrations
from tests.faults.harness import (
    WITHOUT_PROJECT,
    Command,
    copy_project,
    fingerprint,
    one_of_each,
    reading_commands,
    stray_temps,
    tree,
)
from tests.faults.runner import Runner


def test_every_command_is_in_the_catalogue(writers: list[Command]) -> None:
    """A new command fails here until tests/faults/harness.py says how to run it (and
    whether it writes): then every fault test covers it."""
    known = {c.name for c in writers} | {c.name for c in reading_commands()} | WITHOUT_PROJECT
    assert sorted(command_names() - known) == []


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    next(iter(data["_meta"].values()))["schema_version"] = migrations.SCHEMA_VERSION + 1
    return json.dumps(data).encode()


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "torn in half": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "binary": lambda raw: b"\x00\xff\xfe" * 100,
    "not a project": lambda raw: b'{"people": {"1": {"key": "P1"}}}',
    "written by a newer pmtui": _newer,
}

#: Making a project where one stands: both must refuse (demo --fresh only rebuilds a demo).
OVER_THE_PROJECT = [
    Command("new over it", ("new", "{project}")),
    Command("demo --fresh over it", ("demo", "{project}", "--no-open", "--fresh")),
]


def test_corrupt_and_newer_files_are_refused_by_every_command_and_never_written(
    runner: Runner, template: Path, writers: list[Command], tmp_path: Path
) -> None:
    commands = [
        c for c in one_of_each(writers) if not c.creates and c.name != "restore"
    ] + reading_commands()
    commands += OVER_THE_PROJECT
    wrong = []
    for number, (label, damage) in enumerate(DAMAGE.items()):
        for index, command in enumerate(commands):
            folder = copy_project(template, tmp_path / f"{number}-{index}")
            project = folder / "plan.json"
            project.write_bytes(damage(project.read_bytes()))
            before, files = fingerprint(project), tree(folder)
            done = runner.run(command.filled(folder), folder)
            if fingerprint(project) != before:
                wrong.append(f"{command.label} wrote a file {label}")
            elif tree(folder) != files:
                wrong.append(f"{command.label} on a file {label} wrote beside it")
            # Listing the backups is how one finds the way out of a damaged file.
            refuses = command.label != "read restore"
            if refuses and (done.code != 1 or not done.one_line_error):
                wrong.append(f"{command.label} on a file {label}: exit {done.code}, {done.err!r}")
            shutil.rmtree(folder)
    assert not wrong, "\n".join(wrong)


def test_restore_over_a_corrupt_file_keeps_its_bytes_as_a_backup(
    runner: Runner, template: Path, writers: list[Command], tmp_path: Path
) -> None:
    """The way out of a damaged file, as its refusal says: restore, keeping what was there."""
    [restore] = [c for c in writers if c.name == "restore"]
    folder = copy_project(template, tmp_path / "restore")
    project = folder / "plan.json"
    torn = project.read_bytes()[:100]
    project.write_bytes(torn)
    done = runner.run(restore.filled(folder), folder)
    assert done.code == 0, done.err
    assert json.loads(project.read_bytes())["project"]
    kept = [p for p in (folder / ".plan.json.backups").iterdir() if p.read_bytes() == torn]
    assert len(kept) == 1


def test_a_full_disk_refuses_every_writing_command_and_keeps_the_old_file(
    runner: Runner, template: Path, writers: list[Command], tmp_path: Path
) -> None:
    """os.write (every table's add and set, and each other command) or os.fsync (one of each)
    fails with ENOSPC in the command's process, as on a full disk."""
    runs = [(c, "enospc-write") for c in writers]
    runs += [(c, "enospc-fsync") for c in one_of_each(writers)]
    wrong = []
    for number, (command, fault) in enumerate(runs):
        folder = copy_project(template, tmp_path / str(number))
        for words in command.prep:
            assert runner.run(command.filled(folder, words), folder).code == 0
        target = command.target(folder)
        before = fingerprint(target) if target.exists() else None
        done = runner.run(command.filled(folder), folder, fault=fault)
        after = fingerprint(target) if target.exists() else None
        if after != before:
            wrong.append(f"{command.label} ({fault}) changed {target.name}")
        if done.code != 1 or not done.one_line_error or "disk is full" not in done.err:
            wrong.append(f"{command.label} ({fault}): exit {done.code}, {done.err!r}")
        if stray_temps(folder):
            wrong.append(f"{command.label} ({fault}) left {stray_temps(folder)}")
        shutil.rmtree(folder)
    assert not wrong, "\n".join(wrong)


def test_a_read_only_file_or_folder_refuses_every_writing_command_and_changes_nothing(
    runner: Runner, template: Path, writers: list[Command], tmp_path: Path
) -> None:
    """By the mode bits, also for root (the tests may run as root, who could write)."""
    wrong = []
    for number, command in enumerate(one_of_each(writers)):
        places = ["folder"] + (["file"] if command.writes_project and not command.creates else [])
        for place in places:
            folder = copy_project(template, tmp_path / f"{number}-{place}")
            for words in command.prep:
                assert runner.run(command.filled(folder, words), folder).code == 0
            locked = folder if place == "folder" else folder / "plan.json"
            locked.chmod(0o500 if place == "folder" else 0o400)
            before = tree(folder)
            try:
                done = runner.run(command.filled(folder), folder)
            finally:
                locked.chmod(0o700 if place == "folder" else 0o600)
            after = tree(folder)
            # The file's own mode went back by the chmod above: compare bytes and time.
            before["plan.json"] = (*before["plan.json"][:2], 0)
            after["plan.json"] = (*after["plan.json"][:2], 0)
            changed = [
                name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
            ]
            if changed:
                wrong.append(f"{command.label} in a read-only {place} changed {changed}")
            if done.code != 1 or not done.one_line_error or "read-only" not in done.err:
                wrong.append(f"{command.label}, read-only {place}: exit {done.code}, {done.err!r}")
            shutil.rmtree(folder)
    assert not wrong, "\n".join(wrong)
