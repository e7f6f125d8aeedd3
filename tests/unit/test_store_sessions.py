"""Two sessions on one file never lose each other's edits; a real conflict is reported."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import ConflictError, ProjectError, Store

DAY = date(2026, 3, 2)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    store = Store.create(path, {"name": "Demo"}, today=DAY)
    with store.transaction("seed"):
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
            store.add("people", {"name": name, "role": "dev"})
    store.close()
    return path


def people_on_disk(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_bytes())
    return {r["key"]: r for r in data["people"].values()}


class TestTwoSessions:
    """A and B load the same file and edit the same record."""

    def test_edits_to_different_fields_are_both_kept(self, project: Path) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        a.update("people", "P1", {"name": "Ada King"})
        b.update("people", "P1", {"role": "lead"})
        saved = people_on_disk(project)["P1"]
        assert (saved["name"], saved["role"]) == ("Ada King", "lead")
        assert a.refresh() and a.get("people", "P1") == b.get("people", "P1")

    def test_an_edit_form_based_on_an_older_record_keeps_the_other_sessions_fields(
        self, project: Path
    ) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        form_b = b.require("people", "P1")
        a.update("people", "P1", {"name": "Ada King"})
        # A form sends every field back, the unchanged name included.
        b.update("people", "P1", {"name": form_b["name"], "role": "lead"}, base=form_b)
        saved = people_on_disk(project)["P1"]
        assert (saved["name"], saved["role"]) == ("Ada King", "lead")

    def test_a_field_both_changed_is_a_conflict_and_the_file_keeps_the_first_value(
        self, project: Path
    ) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        record_b_loaded = b.require("people", "P1")
        a.update("people", "P1", {"name": "Ada King"})
        b.update("people", "P1", {"role": "lead"})
        with pytest.raises(ConflictError, match="another session changed name"):
            b.update("people", "P1", {"name": "Augusta Ada"}, base=record_b_loaded)
        saved = people_on_disk(project)["P1"]
        assert (saved["name"], saved["role"]) == ("Ada King", "lead")
        assert b.get("people", "P1")["name"] == "Ada King"  # type: ignore[index]

    def test_editing_a_record_the_other_session_deleted_is_a_conflict(self, project: Path) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        with pytest.raises(ConflictError, match="deleted by another session"):  # noqa: SIM117
            with b.transaction("edit P3"):
                b.update("people", "P3", {"role": "qa"})
                a.delete("people", "P3")
        assert "P3" not in people_on_disk(project)
        assert b.get("people", "P3") is None

    def test_a_save_by_another_session_is_seen_even_with_the_same_size_and_time(
        self, project: Path
    ) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        stamp = project.stat()
        b.update("people", "P2", {"role": "qa1"})  # "dev" -> "qa1": same length
        os.utime(project, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        assert project.stat().st_size == stamp.st_size
        assert a.changed_on_disk()
        a.update("people", "P3", {"role": "ops"})
        saved = people_on_disk(project)
        assert (saved["P2"]["role"], saved["P3"]["role"]) == ("qa1", "ops")


class TestGeneratedKeys:
    """Keys generated in one session stay unique when another session added records meanwhile."""

    def test_a_taken_generated_key_is_renumbered_and_references_to_it_follow(
        self, project: Path
    ) -> None:
        a, b = Store.open(project, today=DAY), Store.open(project, today=DAY)
        with a.transaction("add a team"):
            boss = a.add("people", {"name": "Barbara Liskov"})
            a.add("people", {"name": "Edsger Dijkstra", "manager": boss["key"]})
            b.add("people", {"name": "Someone Else"})  # takes P4 on disk first
        saved = {r["name"]: r for r in people_on_disk(project).values()}
        assert saved["Someone Else"]["key"] == "P4"
        assert saved["Barbara Liskov"]["key"] not in ("P4",)
        assert saved["Edsger Dijkstra"]["manager"] == saved["Barbara Liskov"]["key"]
        assert len({r["key"] for r in saved.values()}) == 6

    def test_renames_that_reuse_a_key_in_one_transaction_land_on_the_right_records(
        self, project: Path
    ) -> None:
        store = Store.open(project, today=DAY)
        with store.transaction("shuffle keys"):
            store.update("people", "P1", {"key": "ADA"})
            store.update("people", "P2", {"key": "P1"})
            store.update("people", "ADA", {"role": "lead"})  # moves ADA to the end of the set
        saved = {r["name"]: (r["key"], r["role"]) for r in people_on_disk(project).values()}
        assert saved == {
            "Ada Lovelace": ("ADA", "lead"),
            "Grace Hopper": ("P1", "dev"),
            "Alan Turing": ("P3", "dev"),
        }
        assert Store.open(project, today=DAY).records("people") == store.records("people")
        store.undo()
        assert {r["name"]: r["key"] for r in people_on_disk(project).values()} == {
            "Ada Lovelace": "P1",
            "Grace Hopper": "P2",
            "Alan Turing": "P3",
        }


INSERTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from pmtui.store import Store

    path, tag, start = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    store = Store.open(path)
    while not start.exists():
        time.sleep(0.001)
    for number in range(300):
        store.add("people", {"name": f"{tag} {number}"})
    store.close()
    """
)


def test_two_processes_adding_300_records_each_keep_all_600_with_unique_keys(
    project: Path, tmp_path: Path
) -> None:
    script = tmp_path / "inserter.py"
    script.write_text(INSERTER)
    start = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(project), tag, str(start)], stderr=subprocess.PIPE
        )
        for tag in ("A", "B")
    ]
    start.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors.decode()
    data = json.loads(project.read_bytes())
    # Duplicate document ids would collapse in the JSON object: count what the file holds.
    raw_ids = project.read_text().count('\n  "')  # one line per document id under a table
    people = list(data["people"].values())
    names = {r["name"] for r in people}
    assert {f"{tag} {n}" for tag in "AB" for n in range(300)} <= names
    assert len(people) == 603
    assert len({r["key"] for r in people}) == 603
    assert raw_ids == len(people) + 2  # + the _meta row and the project row
    ordered = [data["people"][doc_id]["name"][0] for doc_id in sorted(data["people"], key=int)]
    switches = sum(1 for left, right in itertools.pairwise(ordered[3:]) if left != right)
    assert switches >= 2, "the two writers overlapped in time"


class TestAnotherProjectInItsPlace:
    """Found by tests/faults: a session whose file was replaced by another project (a copy
    of another file, `demo --fresh`) replayed its edit by key on the other project's
    record (another person who happened to be P1)."""

    @pytest.fixture
    def other(self, tmp_path: Path) -> Path:
        path = tmp_path / "other" / "other.json"
        store = Store.create(path, {"name": "Other"}, today=DAY)
        store.add("people", {"name": "Someone else"})  # P1 there too, with no email
        store.close()
        return path

    def test_a_save_is_refused_and_the_other_project_untouched(
        self, project: Path, other: Path
    ) -> None:
        session = Store.open(project, today=DAY)
        os.replace(other, project)
        there = project.read_bytes()
        with pytest.raises(ProjectError, match=r"now holds another project \('Other'\)"):
            session.update("people", "P1", {"email": "ada@example.com"})
        assert project.read_bytes() == there
        assert session.get("people", "P1")["name"] == "Ada Lovelace"  # type: ignore[index]

    def test_the_same_project_restored_from_a_backup_still_takes_the_edit(
        self, project: Path
    ) -> None:
        older = project.read_bytes()
        session = Store.open(project, today=DAY)
        session.update("people", "P2", {"role": "qa"})
        project.with_name("restored.json").write_bytes(older)
        os.replace(project.with_name("restored.json"), project)
        session.update("people", "P1", {"email": "ada@example.com"})
        saved = people_on_disk(project)
        assert saved["P1"]["email"] == "ada@example.com"
        assert saved["P2"]["role"] == "dev", "the restored file's values stay"


def test_a_lock_file_removed_between_create_and_open_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by tests/faults (four processes at once): a session found the lock file there
    (O_EXCL failed), another session then removed it on closing, and the plain open that
    followed failed: 'cannot lock ...: No such file or directory'."""
    from pmtui.store import atomic

    lock = tmp_path / ".p.json.lock"
    lock.write_text("")
    real_open = os.open
    raced = []

    def racing_open(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == lock and not flags & os.O_CREAT and not raced:
            raced.append(True)
            lock.unlink()  # the other session's remove_if_free, just now
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", racing_open)
    held = atomic.FileLock(lock)
    held.acquire(timeout=1)
    assert raced and lock.exists()
    held.release()
