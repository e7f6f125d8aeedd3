"""The fault tests' shared pieces: a project holding rows of every table (from the registry
and pmtui.generate, so a table added tomorrow is in it) and the catalogue of commands (the
forked command runner's client is runner.py).

Every test over "every command" or "every table" reads them from here; a command nobody
classified fails test_every_command_is_in_the_catalogue until it is added below.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from pmtui.generate import generate_rows
from pmtui.schema import REFERENCE_KINDS
from pmtui.store import Store
from pmtui.tables import dependency_order, load_all
from tests.environment import TODAY

#: The day the template project was built: its first save on TODAY keeps a daily backup.
BUILT = TODAY - timedelta(days=7)
#: Rows of each table in the template project.
ROWS = 3
#: An action due before TODAY: on Today, for done and snooze.
OVERDUE = "FA1"
#: The steps of a file write the store's test hook reports before the rename.
INSIDE = ("opened", "writing", "synced")


def trials(fast: int, slow: int) -> list[Any]:
    """Parameters of a fault test: `fast` trials in the default run (CI), and a `slow`
    version marked slow, which runs only with PMTUI_SLOW=1 (tests/conftest.py)."""
    import pytest

    return [
        pytest.param(fast, id=f"{fast}-trials"),
        pytest.param(slow, id=f"{slow}-trials", marks=pytest.mark.slow),
    ]


def tables() -> list[str]:
    """Every declared table, referenced ones first (the registry decides; nothing listed
    by hand)."""
    return dependency_order(sorted(t for t in load_all() if not t.startswith("_")))


def seeded(name: str) -> random.Random:
    """A random source fixed by `name` (stable across runs, unlike hash())."""
    return random.Random(zlib.crc32(name.encode()))


def keys_of(path: Path) -> dict[str, list[str]]:
    """Each table's keys in the file at `path` (what generated references may use)."""
    data = json.loads(path.read_bytes())
    return {
        table: [str(r["key"]) for r in records.values()]
        for table, records in data.items()
        if not table.startswith("_")
    }


def build_project(path: Path) -> None:
    """A project with ROWS generated rows in every table, an overdue action, a deleted
    private note (for purge-private), one baseline, then one change saved on TODAY (a
    daily backup and an undo journal entry that is not the file's first)."""
    store = Store.create(path, {"name": "Faults", "start": "2026-11-02"}, today=BUILT)
    rng = random.Random(20261126)
    refs: dict[str, list[str]] = {}
    for table in tables():
        rows = generate_rows(table, ROWS, rng, refs)
        if load_all()[table].singleton:
            refs[table] = [str(store.records(table)[0]["key"])]
            continue
        with store.transaction(f"generated {table}"):
            refs[table] = [str(store.add(table, row)["key"]) for row in rows]
    store.add(
        "actions",
        {"key": OVERDUE, "text": "Chase the licence quote", "due": "2026-11-20", "status": "open"},
    )
    if "notes" in load_all():
        note = store.add("notes", {"person": refs["people"][0], "kind": "concern", "text": "x"})
        store.delete("notes", str(note["key"]))
    store.close()
    store = Store.open(path, today=TODAY)
    store.update("actions", OVERDUE, {"text": "Chase the SAP licence quote"})
    store.close()


@dataclass(frozen=True)
class Command:
    """One `pmtui` command line the fault tests run: ARGV with {project}, {folder} and
    {file} (the import file) filled in; PREP runs first (a redo needs an undo)."""

    label: str
    argv: tuple[str, ...]
    prep: tuple[tuple[str, ...], ...] = ()
    #: Whether it may change the project file (else it only reads it, or its sidecars).
    writes: bool = True
    #: Whether it makes a new file ({folder}/new.json) rather than change {project}.
    creates: bool = False
    #: Whether it writes the project file itself (purge-private writes only sidecars).
    writes_project: bool = True
    #: Whether it writes a file beside the project (report -o), as its last write after
    #: the project's, whose leftovers of a kill only its next run cleans: what a user
    #: does next is run it again.
    writes_output: bool = False
    #: Whether its last file write is the file itself (the demo's last one is its build,
    #: in a folder beside it, then moved into place): a hang-up there finishes the file.
    ends_with_the_file: bool = True

    @property
    def name(self) -> str:
        return self.argv[0]

    def filled(self, folder: Path, argv: Sequence[str] | None = None) -> list[str]:
        values = {
            "project": str(folder / "plan.json"),
            "folder": str(folder),
            "file": str(folder / "import.json"),
        }
        return [word.format(**values) for word in (argv if argv is not None else self.argv)]

    def target(self, folder: Path) -> Path:
        """The file this command writes."""
        return folder / ("new.json" if self.creates else "plan.json")


def _typed(row: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(f"{name}={value}" for name, value in sorted(row.items()))


def add_commands(template: Path, number: int = 1) -> list[Command]:
    """`pmtui add` of one generated row, for every non-singleton table: the row numbered
    ROWS + `number` (the fixers make rows differ by number, from the template's too)."""
    refs = keys_of(template / "plan.json")
    found = []
    for table in tables():
        if load_all()[table].singleton:
            continue
        rng = seeded(f"add {table} {number}")
        row = generate_rows(table, ROWS + number, rng, refs)[-1]
        found.append(Command(f"add {table}", ("add", "{project}", table, *_typed(row))))
    return found


def table_edits(template: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """For every table, a record's key and new typed values for its plain (non-reference)
    fields, from a generated row."""
    refs = keys_of(template / "plan.json")
    found = {}
    for table in tables():
        declared = load_all()[table]
        [row] = generate_rows(table, 1, seeded(f"set {table}"), refs)
        plain = {
            f.name: row[f.name]
            for f in declared.input_fields
            if f.name in row and f.name != "key" and f.kind not in REFERENCE_KINDS
        }
        if plain:
            found[table] = (refs[table][0], plain)
    return found


def set_commands(template: Path) -> list[Command]:
    """`pmtui set` of a record's fields (table_edits), for every table."""
    found = []
    for table, (key, values) in table_edits(template).items():
        keyed = () if load_all()[table].singleton else (key,)
        found.append(Command(f"set {table}", ("set", "{project}", table, *keyed, *_typed(values))))
    return found


def write_import_file(template: Path) -> None:
    """{folder}/import.json: two new generated rows of every table, as one file."""
    refs = keys_of(template / "plan.json")
    rng = seeded("import")
    rows: dict[str, list[dict[str, str]]] = {}
    for table in tables():
        if not load_all()[table].singleton:
            rows[table] = generate_rows(table, ROWS + 2, rng, refs)[-2:]
    (template / "import.json").write_text(json.dumps(rows))


def writing_commands(template: Path) -> list[Command]:
    """Every command that writes, with the table-wise ones over every table."""
    backup = sorted(os.listdir(template / ".plan.json.backups"))[0]
    return [
        *add_commands(template),
        *set_commands(template),
        Command("done", ("done", "{project}", OVERDUE)),
        Command("snooze", ("snooze", "{project}", OVERDUE, "+3d")),
        Command("undo", ("undo", "{project}")),
        Command("redo", ("redo", "{project}"), prep=(("undo", "{project}"),)),
        Command("import", ("import", "{project}", "{file}")),
        Command("baseline save", ("baseline", "{project}", "save", "Faults")),
        Command("restore", ("restore", "{project}", backup)),
        Command("purge-private", ("purge-private", "{project}"), writes_project=False),
        Command("new", ("new", "{folder}/new.json"), creates=True),
        Command(
            "report --issue",
            ("report", "{project}", "--issue", "-o", "{folder}/s.md"),
            writes_output=True,
        ),
        Command("archive", ("archive", "{project}", "--reason", "Faults")),
        Command(
            "reopen",
            ("reopen", "{project}"),
            prep=(("archive", "{project}", "--reason", "Faults"),),
        ),
        Command(
            "demo",
            ("demo", "{folder}/new.json", "--no-open"),
            creates=True,
            ends_with_the_file=False,
        ),
    ]


def reading_commands() -> list[Command]:
    """Every command that only reads the project (it may write a cache elsewhere)."""
    read = [
        ("show", "{project}", "people"),
        ("today", "{project}"),
        ("log", "{project}"),
        ("schedule", "{project}"),
        ("vendors", "{project}"),
        ("evm", "{project}"),
        ("business-case", "{project}"),
        ("budget", "{project}"),
        ("risks", "{project}"),
        ("changes", "{project}"),
        ("export", "{project}", "-o", "{folder}/out.json"),
        ("baseline", "{project}", "list"),
        ("restore", "{project}"),
        ("report", "{project}"),
        ("closure", "{project}"),
        ("minutes", "{project}", "O1"),
        ("export", "{project}", "--format", "ics", "-o", "{folder}/out.ics"),
    ]
    return [Command(f"read {argv[0]}", argv, writes=False) for argv in read]


#: Commands that take no project (nothing of a project's to break); the portfolio reads a
#: folder and lists a file it cannot read with its error (tests/cli: never written).
WITHOUT_PROJECT = frozenset({"list", "portfolio"})


def one_of_each(commands: Sequence[Command]) -> list[Command]:
    """The first command of each name: one add, one set... (the table-wise ones are alike
    where a fault strikes before any table's rules run)."""
    seen: set[str] = set()
    found = []
    for command in commands:
        if command.name not in seen:
            seen.add(command.name)
            found.append(command)
    return found


def tree(folder: Path) -> dict[str, tuple[bytes | str, int, int]]:
    """Every file, link and folder under `folder`: content (a link's target), modification
    time and mode, by relative path; what "nothing changed" compares."""
    found: dict[str, tuple[bytes | str, int, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            content: bytes | str = os.readlink(path)
        elif path.is_file():
            content = path.read_bytes()
        else:
            content = "folder"
        found[str(path.relative_to(folder))] = (content, info.st_mtime_ns, info.st_mode)
    return found


def copy_project(template: Path, folder: Path) -> Path:
    """A fresh copy of the template folder (project, sidecars, backups) at `folder`."""
    shutil.copytree(template, folder, symlinks=True)
    return folder


def tables_of(path: Path) -> dict[str, Any] | None:
    """The file's tables without `_meta` (its revision and change id differ run to run);
    None when there is no file. Raises when it does not parse."""
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_bytes())
    data.pop("_meta")
    return data


def stray_temps(folder: Path) -> list[str]:
    """Temp files a writer left beside the project (`.NAME.*.tmp`) or in its backups
    folder (a copy kept by restore)."""
    found = [*folder.glob(".*.tmp"), *folder.glob(".*.backups/.*.tmp")]
    return sorted(str(p.relative_to(folder)) for p in found)


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    """The file's bytes, modification time and mode: what "never written" compares."""
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_mode & 0o7777
