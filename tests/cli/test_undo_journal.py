"""The undo journal and the activity log (issue 11, items 3-5): rotation never loses the
newest step or a whole import, undo never reverts a change the file does not show, the
first change of a file is not undone without --yes, and `pmtui redo` exists."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import Store, journal
from pmtui.store.files import ProjectFiles
from tests.conftest import RunPmtui

DAY = date(2026, 3, 2)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pmtui: ")
    return lines[0]


def names(path: Path) -> dict[str, str]:
    data = json.loads(path.read_bytes())
    return {r["key"]: r["name"] for r in data.get("people", {}).values()}


def is_journal(fd: int) -> bool:
    return os.readlink(f"/proc/self/fd/{fd}").endswith(".undo")


def journal_lines(path: Path) -> list[str]:
    return ProjectFiles.for_path(path).journal.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A project whose first change (the seed) added P1..P3."""
    path = tmp_path / "plan.json"
    store = Store.create(path, {"name": "Plan", "start": "2026-01-05"}, today=DAY)
    with store.transaction("seed"):
        for number in (1, 2, 3):
            store.add("people", {"name": f"Person {number}"})
    store.close()
    return path


def edit(path: Path, key: str, name: str) -> None:
    store = Store.open(path, today=DAY)
    try:
        store.update("people", key, {"name": name})
    finally:
        store.close()


# ---------------------------------------------------------------- 3. rotation


def test_rotation_keeps_a_whole_import_bigger_than_the_cap(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "JOURNAL_MAX_BYTES", 20_000)
    store = Store.open(seeded, today=DAY)
    with store.transaction("import people.csv"):
        for number in range(300):
            store.add("people", {"name": f"Imported person number {number:04d}"})
    assert ProjectFiles.for_path(seeded).journal.stat().st_size > 20_000
    assert len(names(seeded)) == 303
    assert Store.open(seeded, today=DAY).undo_last_saved() == "import people.csv"
    assert sorted(names(seeded)) == ["P1", "P2", "P3"]


def test_a_big_import_stays_undoable_after_a_few_small_edits(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "JOURNAL_MAX_BYTES", 20_000)
    store = Store.open(seeded, today=DAY)
    with store.transaction("import people.csv"):
        for number in range(300):
            store.add("people", {"name": f"Imported person number {number:04d}"})
    store.close()
    edit(seeded, "P1", "Fixed typo")
    edit(seeded, "P2", "Fixed another")
    other = Store.open(seeded, today=DAY)
    assert other.undo_last_saved() == "edit people P2"
    assert other.undo_last_saved() == "edit people P1"
    assert other.undo_last_saved() == "import people.csv"
    assert names(seeded) == {"P1": "Person 1", "P2": "Person 2", "P3": "Person 3"}


def test_rotation_drops_only_the_oldest_entries(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "JOURNAL_MAX_BYTES", 6_000)
    for number in range(60):
        edit(seeded, "P1", f"Name {number:02d}")
    labels = [json.loads(line)["label"] for line in journal_lines(seeded)]
    assert 0 < len(labels) < 61 and labels[-1] == "edit people P1"
    ids = [json.loads(line)["id"] for line in journal_lines(seeded)]
    # What is left is the newest run of entries: each one's parent is the one before it.
    parents = [json.loads(line)["parent"] for line in journal_lines(seeded)]
    assert parents[1:] == ids[:-1]
    # Undo entries count in rotation too: with the real cap they drop nothing here.
    monkeypatch.setattr(journal, "JOURNAL_MAX_BYTES", 8_000_000)
    store = Store.open(seeded, today=DAY)
    for number in range(58, 58 - (len(labels) - 1), -1):
        store.undo_last_saved()
        assert names(seeded)["P1"] == f"Name {number:02d}"


def test_the_activity_log_cuts_long_values_and_marks_them(seeded: Path) -> None:
    edit(seeded, "P1", "x" * 10_000)
    entry = journal.read_activity(ProjectFiles.for_path(seeded).activity)[-1]
    item = entry["changes"][0]
    assert len(item["fields"]["name"]) <= journal.LOG_VALUE_CHARS + 1
    assert item["fields"]["name"].startswith("x" * 100) and item["fields"]["name"].endswith("…")
    assert item["cut"] == ["name"]
    # The undo journal keeps the whole value: undo and redo need it.
    Store.open(seeded, today=DAY).undo_last_saved()
    assert names(seeded)["P1"] == "Person 1"


def test_the_activity_log_rotates_only_entries_older_than_a_year(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = ProjectFiles.for_path(seeded).activity
    now = datetime.now(UTC)

    def line(age_days: int, label: str) -> str:
        at = (now - timedelta(days=age_days)).isoformat(timespec="seconds")
        entry = {"time": at.replace("+00:00", "Z"), "user": "u", "id": label, "label": label}
        return json.dumps({**entry, "changes": [], "pad": "p" * 2_000}) + "\n"

    old = [line(800, "two years ago"), line(370, "last year")]
    recent = [line(300, "since the last report"), line(1, "yesterday")]
    log.write_text("".join(old + recent) + log.read_text())
    monkeypatch.setattr(journal, "LOG_MAX_BYTES", 5_000)
    edit(seeded, "P1", "Now")
    labels = [e["label"] for e in journal.read_activity(log)]
    assert labels == ["since the last report", "yesterday", "seed", "edit people P1"]


# ---------------------------------------------------------------- 4. the right change

KILLED_AT_RENAMED = textwrap.dedent(
    """
    import os, sys
    from pmtui.store import Store, atomic

    store = Store.open(sys.argv[1])
    def hook(step):
        if step == "renamed":
            os._exit(9)
    atomic.write_hook = hook
    store.update("people", "P2", {"name": "Killed after the rename"})
    """
)


def test_a_kill_after_the_rename_still_undoes_that_change(
    seeded: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    edit(seeded, "P1", "Older change")
    script = tmp_path / "killed.py"
    script.write_text(KILLED_AT_RENAMED)
    killed = subprocess.run([sys.executable, str(script), str(seeded)], check=False)
    assert killed.returncode == 9
    assert names(seeded)["P2"] == "Killed after the rename"
    result = run_pmtui("undo", str(seeded))
    assert (result.returncode, result.stdout) == (0, "undone: edit people P2\n"), result.stderr
    assert names(seeded) == {"P1": "Older change", "P2": "Person 2", "P3": "Person 3"}


def test_an_entry_whose_save_never_landed_is_never_replayed(
    seeded: Path, tmp_path: Path, run_pmtui: RunPmtui
) -> None:
    # The journal entry is written before the rename: a kill in between leaves an entry
    # for a change the file does not have. Undo must pass it by (with the journal written
    # after the rename, as before, this case could not arise).
    edit(seeded, "P1", "Older change")
    script = tmp_path / "killed.py"
    script.write_text(KILLED_AT_RENAMED.replace('"renamed"', '"synced"'))
    assert subprocess.run([sys.executable, str(script), str(seeded)], check=False).returncode == 9
    assert names(seeded)["P2"] == "Person 2"
    assert json.loads(journal_lines(seeded)[-1])["label"] == "edit people P2"
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P1\n"
    assert names(seeded) == {"P1": "Person 1", "P2": "Person 2", "P3": "Person 3"}


def test_a_change_saved_without_its_journal_entry_is_never_skipped_over(
    seeded: Path, monkeypatch: pytest.MonkeyPatch, run_pmtui: RunPmtui
) -> None:
    edit(seeded, "P1", "Older change")
    real = journal._append_line

    def journal_full(path: Path, entry: dict[str, Any]) -> None:
        if path.name.endswith(".undo"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, entry)

    monkeypatch.setattr(journal, "_append_line", journal_full)
    store = Store.open(seeded, today=DAY)
    store.update("people", "P2", {"name": "Saved without undo"})
    assert names(seeded)["P2"] == "Saved without undo"  # the change is kept...
    assert store.warnings == [
        "edit people P2 was saved, but the undo journal could not be written "
        "(No space left on device): pmtui undo cannot undo it or anything before it"
    ]
    monkeypatch.setattr(journal, "_append_line", real)
    before = seeded.read_bytes()
    line = one_line_error(run_pmtui("undo", str(seeded)))
    assert "not in the undo journal" in line and "nothing was changed" in line
    assert seeded.read_bytes() == before  # ...and the older change is not reverted


def test_a_torn_last_line_is_skipped_and_the_next_entry_starts_a_fresh_line(
    seeded: Path, run_pmtui: RunPmtui
) -> None:
    edit(seeded, "P1", "Older change")
    undo_file = ProjectFiles.for_path(seeded).journal
    with undo_file.open("ab") as handle:
        handle.write(b'{"id": "torn", "label": "half writ')
    assert run_pmtui("set", str(seeded), "people", "P2", "name=After the tear").returncode == 0
    assert json.loads(journal_lines(seeded)[-1])["label"] == "edit people P2"
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P2\n"
    assert names(seeded)["P2"] == "Person 2" and names(seeded)["P1"] == "Older change"


def test_a_short_write_is_completed(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def dribble(fd: int, data: bytes | memoryview) -> int:
        return real_write(fd, bytes(data[:7]))

    monkeypatch.setattr(journal.os, "write", dribble)
    edit(seeded, "P1", "Written seven bytes at a time")
    monkeypatch.undo()
    last = json.loads(journal_lines(seeded)[-1])
    assert last["label"] == "edit people P1"
    assert Store.open(seeded, today=DAY).undo_last_saved() == "edit people P1"


def test_a_disk_full_mid_line_leaves_no_torn_line(
    seeded: Path, monkeypatch: pytest.MonkeyPatch, run_pmtui: RunPmtui
) -> None:
    real_write = os.write
    calls = {"n": 0}

    def half_then_full(fd: int, data: bytes | memoryview) -> int:
        if not is_journal(fd):
            return real_write(fd, data)
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    before = ProjectFiles.for_path(seeded).journal.read_bytes()
    monkeypatch.setattr(journal.os, "write", half_then_full)
    edit(seeded, "P1", "Saved on a full disk")
    monkeypatch.undo()
    assert names(seeded)["P1"] == "Saved on a full disk"
    assert ProjectFiles.for_path(seeded).journal.read_bytes() == before
    edit(seeded, "P2", "Disk freed")
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P2\n"
    line = one_line_error(run_pmtui("undo", str(seeded)))
    assert "not in the undo journal" in line
    assert names(seeded)["P1"] == "Saved on a full disk"


def test_undo_refuses_when_the_file_is_not_the_state_the_journal_ends_in(
    seeded: Path, run_pmtui: RunPmtui
) -> None:
    edit(seeded, "P1", "First edit")
    saved = seeded.read_bytes()
    edit(seeded, "P1", "Second edit")
    seeded.write_bytes(saved)  # e.g. a copy from elsewhere put back by hand
    edit(seeded, "P3", "Third edit")
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P3\n"
    # The journal's "Second edit" is not part of the file's history: it is never replayed.
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P1\n"
    assert names(seeded)["P1"] == "Person 1"


# ---------------------------------------------------------------- 5. first change, redo


def test_the_first_change_of_a_file_needs_yes(project_path: Path, run_pmtui: RunPmtui) -> None:
    plan = str(project_path)
    source = project_path.parent / "people.csv"
    source.write_text("name,rate\nAnn,10\nBo,20\n")
    assert run_pmtui("import", plan, str(source)).returncode == 0
    before = project_path.read_bytes()
    line = one_line_error(run_pmtui("undo", plan))
    assert line == (
        "pmtui: import people.csv is the project's first change: undoing it empties the "
        "project; run pmtui undo --yes to undo it anyway"
    )
    assert project_path.read_bytes() == before
    assert run_pmtui("undo", plan, "--yes").stdout == "undone: import people.csv\n"
    assert json.loads(run_pmtui("show", plan, "people", "--json").stdout) == {"people": []}


def test_undo_on_a_fresh_demo_asks_first(tmp_path: Path, run_pmtui: RunPmtui) -> None:
    demo = tmp_path / "demo.json"
    assert run_pmtui("demo", str(demo), "--no-open").returncode == 0
    before = demo.read_bytes()
    line = one_line_error(run_pmtui("undo", str(demo)))
    assert "build demo is the project's first change" in line
    assert demo.read_bytes() == before


def test_nothing_to_undo_or_redo_exits_1(project_path: Path, run_pmtui: RunPmtui) -> None:
    assert one_line_error(run_pmtui("undo", str(project_path))) == "pmtui: nothing to undo"
    assert one_line_error(run_pmtui("redo", str(project_path))) == "pmtui: nothing to redo"


def test_redo_brings_back_what_undo_took(seeded: Path, run_pmtui: RunPmtui) -> None:
    plan = str(seeded)
    run_pmtui("set", plan, "people", "P1", "name=Ann")
    run_pmtui("set", plan, "people", "P2", "name=Bo")
    assert run_pmtui("undo", plan).stdout == "undone: edit people P2\n"
    assert run_pmtui("undo", plan).stdout == "undone: edit people P1\n"
    assert names(seeded)["P1"] == "Person 1"
    assert run_pmtui("redo", plan).stdout == "redone: edit people P1\n"
    assert run_pmtui("redo", plan).stdout == "redone: edit people P2\n"
    assert names(seeded) == {"P1": "Ann", "P2": "Bo", "P3": "Person 3"}
    assert one_line_error(run_pmtui("redo", plan)) == "pmtui: nothing to redo"
    assert run_pmtui("undo", plan).stdout == "undone: edit people P2\n"
    run_pmtui("set", plan, "people", "P3", "name=Cy")  # a new change ends the redo trail
    assert one_line_error(run_pmtui("redo", plan)) == "pmtui: nothing to redo"
    assert run_pmtui("undo", plan).stdout == "undone: edit people P3\n"
    assert run_pmtui("undo", plan).stdout == "undone: edit people P1\n"


def test_the_command_line_says_when_a_change_was_saved_without_undo(
    seeded: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The journal cannot be written (a full disk): the change is kept, and the user told.
    # (A journal path that is a link or a folder is refused before anything is written:
    # tests/cli/test_file_safety.py.)
    from pmtui.cli.main import main

    real = journal._append_line

    def full_disk(path: Path, entry: dict[str, Any]) -> None:
        if path.name.endswith(".undo"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, entry)

    monkeypatch.setattr(journal, "_append_line", full_disk)
    assert main(["set", str(seeded), "people", "P1", "name=Kept"]) == 0
    out, err = capsys.readouterr()
    assert out == "P1\n"
    assert err == (
        "pmtui: warning: edit people P1 was saved, but the undo journal could not be written "
        "(No space left on device): pmtui undo cannot undo it or anything before it\n"
    )
    assert names(seeded)["P1"] == "Kept"


def test_a_journal_from_an_older_pmtui_is_not_trusted(seeded: Path, run_pmtui: RunPmtui) -> None:
    edit(seeded, "P1", "Before the upgrade")
    # As an older pmtui left them: no revision in the file, no parent in the journal.
    data = json.loads(seeded.read_bytes())
    data["_meta"]["1"] = {"schema_version": data["_meta"]["1"]["schema_version"]}
    seeded.write_text(json.dumps(data))
    undo_file = ProjectFiles.for_path(seeded).journal
    old = [json.loads(line) for line in journal_lines(seeded)]
    for entry in old:
        for name in ("parent", "revision", "first"):
            entry.pop(name, None)
    undo_file.write_text("".join(json.dumps(e) + "\n" for e in old))
    before = seeded.read_bytes()
    line = one_line_error(run_pmtui("undo", str(seeded)))
    assert "written by an older pmtui" in line and seeded.read_bytes() == before
    edit(seeded, "P2", "After the upgrade")
    assert run_pmtui("undo", str(seeded)).stdout == "undone: edit people P2\n"
    assert "saved by an older pmtui" in one_line_error(run_pmtui("undo", str(seeded)))
    assert names(seeded)["P1"] == "Before the upgrade"
