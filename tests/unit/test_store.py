"""The store keeps its promises: atomic 0600 saves, refusals, versions, backups, log, undo."""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from pmtui.schema import REGISTRY, Field, Kind, RecordType, register
from pmtui.store import (
    Change,
    ConflictError,
    ProjectError,
    SaveError,
    Store,
    atomic,
    journal,
    migrations,
)
from pmtui.store import loading as store_module
from pmtui.store.encoding import encode
from pmtui.store.files import ProjectFiles

DAY = date(2026, 3, 2)


def make(path: Path, people: int = 3, today: date = DAY) -> Store:
    """A new project at `path` with `people` people P1..Pn (names Person 1..n)."""
    store = Store.create(path, {"name": "Demo", "start": "2026-01-05"}, today=today, user="tester")
    if people:
        with store.transaction("seed"):
            for number in range(1, people + 1):
                store.add("people", {"name": f"Person {number}", "role": "dev"})
    return store


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make(tmp_path / "demo.json").close()
    return tmp_path / "demo.json"


@pytest.fixture
def hook_steps() -> Iterator[list[str]]:
    steps: list[str] = []
    atomic.write_hook = steps.append
    try:
        yield steps
    finally:
        atomic.write_hook = None


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def names_on_disk(path: Path) -> dict[str, str]:
    data = json.loads(path.read_bytes())
    return {r["key"]: r["name"] for r in data.get("people", {}).values()}


# ---------------------------------------------------------------- atomic save


class TestAtomicSave:
    """A save writes a temp file beside the project, syncs it, renames it over, syncs the folder."""

    def test_save_writes_a_synced_temp_file_in_the_same_folder_then_renames_and_syncs_the_folder(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        events: list[tuple[str, str]] = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd: int) -> None:
            kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
            events.append(("fsync", kind))
            real_fsync(fd)

        def replace(source: Any, target: Any) -> None:
            events.append(("replace", f"{Path(source).parent == Path(target).parent}"))
            events.append(("temp", Path(source).name))
            real_replace(source, target)

        store = Store.open(project, today=DAY)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        store.update("people", "P1", {"name": "Ada"})
        monkeypatch.undo()
        kinds = [e for e in events if e[0] != "temp"]
        assert kinds == [("fsync", "file"), ("replace", "True"), ("fsync", "folder")]
        temp_name = next(name for kind, name in events if kind == "temp")
        assert temp_name.startswith(".demo.json.") and temp_name.endswith(".tmp")
        assert names_on_disk(project)["P1"] == "Ada"
        assert temps(project.parent) == []

    def test_the_project_file_keeps_its_old_bytes_until_the_rename(
        self, project: Path, hook_steps: list[str]
    ) -> None:
        seen: dict[str, str] = {}

        def look(step: str) -> None:
            seen.setdefault(step, names_on_disk(project)["P1"])

        atomic.write_hook = look
        Store.open(project, today=DAY).update("people", "P1", {"name": "Ada"})
        assert seen == {
            "opened": "Person 1",
            "writing": "Person 1",
            "synced": "Person 1",
            "renamed": "Ada",
        }

    def test_a_symlinked_project_is_written_at_its_target_and_the_link_stays_a_link(
        self, project: Path, tmp_path: Path
    ) -> None:
        link = tmp_path / "elsewhere" / "link.json"
        link.parent.mkdir()
        link.symlink_to(project)
        Store.open(link, today=DAY).update("people", "P1", {"name": "Ada"})
        assert link.is_symlink()
        assert os.readlink(link) == str(project)
        assert names_on_disk(project)["P1"] == "Ada"
        assert temps(link.parent) == [] and temps(project.parent) == []

    def test_a_save_keeps_the_files_mode(self, project: Path) -> None:
        project.chmod(0o640)
        Store.open(project, today=DAY).update("people", "P1", {"name": "Ada"})
        assert stat.S_IMODE(project.stat().st_mode) == 0o640

    def test_json_is_written_with_sorted_keys_and_indentation(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        store.update("people", "P1", {"name": "Zoë", "email": "zoe@example.com", "rate": 80})
        raw = project.read_text(encoding="utf-8")
        assert (
            raw == json.dumps(json.loads(raw), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        )
        person = raw[raw.index('"email": "zoe@example.com"') :]
        lines = [line.strip() for line in person.splitlines()[:5]]
        assert lines[0].startswith('"email"') and lines[1].startswith('"key"')
        assert lines[2].startswith('"name": "Zoë"')
        assert '\n   "email": "zoe@example.com"' in raw  # a record's fields sit three deep
        assert store_module.encode(json.loads(raw)).decode() == raw


# ---------------------------------------------------------------- refusals


class TestReadOnly:
    """A file or folder the user may not write is refused by its mode bits, even for root."""

    def test_a_read_only_file_refuses_the_edit_and_the_session_keeps_its_state(
        self, project: Path
    ) -> None:
        store = Store.open(project, today=DAY)
        store.update("people", "P1", {"name": "Saved"})
        project.chmod(0o400)
        before = project.read_bytes()
        with pytest.raises(SaveError, match="read-only"):
            store.update("people", "P1", {"name": "Refused"})
        assert store.get("people", "P1")["name"] == "Saved"  # type: ignore[index]
        assert [r["name"] for r in store.records("people")][:2] == ["Saved", "Person 2"]
        assert not store.can_redo and store.can_undo
        assert project.read_bytes() == before
        assert temps(project.parent) == []
        project.chmod(0o600)
        assert Store.open(project, today=DAY).get("people", "P1")["name"] == "Saved"  # type: ignore[index]

    def test_after_a_refusal_the_next_edit_saves_once_the_file_is_writable_again(
        self, project: Path
    ) -> None:
        store = Store.open(project, today=DAY)
        project.chmod(0o444)
        with pytest.raises(SaveError):
            store.update("people", "P2", {"role": "lead"})
        project.chmod(0o600)
        store.update("people", "P2", {"role": "qa"})
        data = json.loads(project.read_bytes())
        roles = {r["key"]: r.get("role") for r in data["people"].values()}
        assert roles == {"P1": "dev", "P2": "qa", "P3": "dev"}

    def test_a_read_only_folder_refuses_the_edit_and_writes_nothing_there(
        self, project: Path
    ) -> None:
        store = Store.open(project, today=date(2026, 3, 3))  # a new day would make a backup
        folder = project.parent
        listing = sorted(str(p) for p in folder.rglob("*"))
        folder.chmod(0o500)
        try:
            with pytest.raises(SaveError, match=r"folder .* is read-only"):
                store.update("people", "P1", {"name": "Refused"})
            assert sorted(str(p) for p in folder.rglob("*")) == listing  # not even a backup
            assert store.get("people", "P1")["name"] == "Person 1"  # type: ignore[index]
            assert len(store.records("people")) == 3
        finally:
            folder.chmod(0o700)
        assert names_on_disk(project)["P1"] == "Person 1"

    def test_opening_a_project_in_a_read_only_folder_creates_no_lock_file(
        self, project: Path
    ) -> None:
        ProjectFiles.for_path(project).lock.unlink(missing_ok=True)
        project.parent.chmod(0o500)
        try:
            store = Store.open(project, today=DAY)
            assert store.records("people")[0]["name"] == "Person 1"
            assert not store.refresh()
            assert not ProjectFiles.for_path(project).lock.exists()
        finally:
            project.parent.chmod(0o700)

    def test_someone_who_does_not_own_the_file_is_held_to_its_group_and_other_bits(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        os.chown(project, 4242, 4242)
        project.chmod(0o664)
        project.parent.chmod(0o777)
        monkeypatch.setattr(os, "geteuid", lambda: 5151)
        monkeypatch.setattr(os, "getegid", lambda: 5151)
        monkeypatch.setattr(os, "getgroups", lambda: [5151])
        with pytest.raises(SaveError, match="read-only"):
            atomic.check_writable(project)
        monkeypatch.setattr(os, "getgroups", lambda: [5151, 4242])
        atomic.check_writable(project)  # group members may write


class TestFullDisk:
    """A full disk refuses the edit; the file keeps the last saved state; no temp file stays."""

    @pytest.fixture
    def small_disk(self, tmp_path: Path) -> Iterator[Path]:
        mount = tmp_path / "small"
        mount.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=200k,mode=0700", "tmpfs", str(mount)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
        try:
            yield mount
        finally:
            subprocess.run(["umount", "-l", str(mount)], check=False)

    def test_an_edit_on_a_full_disk_is_refused_and_the_file_keeps_the_last_save(
        self, small_disk: Path
    ) -> None:
        path = small_disk / "demo.json"
        store = make(path, people=40)
        store.update("people", "P1", {"name": "Last saved"})
        saved = path.read_bytes()
        with open(small_disk / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        with pytest.raises(SaveError, match="the disk is full"):
            store.update("people", "P1", {"name": "Never saved"})
        assert path.read_bytes() == saved
        assert temps(small_disk) == []
        assert store.get("people", "P1")["name"] == "Last saved"  # type: ignore[index]
        (small_disk / "filler").unlink()
        store.update("people", "P2", {"name": "After"})
        assert names_on_disk(path)["P2"] == "After"

    def test_a_saved_edit_stands_when_only_the_log_cannot_grow(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def full(path: Path, entry: dict[str, Any]) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        store = Store.open(project, today=DAY)
        monkeypatch.setattr(journal, "_append_line", full)
        record = store.update("people", "P1", {"name": "Saved"})
        assert record["name"] == "Saved"
        assert names_on_disk(project)["P1"] == "Saved"
        assert store.can_undo


# ---------------------------------------------------------------- file modes


def test_every_file_the_store_creates_is_0600(tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        path = tmp_path / "demo.json"
        make(path, today=date(2026, 3, 1)).close()
        store = Store.open(path, today=date(2026, 3, 2))
        store.update("people", "P1", {"name": "Ada"})  # a new day: a dated backup
        files = ProjectFiles.for_path(path)
        created = [path, files.lock, files.activity, files.journal, *files.list_backups()]
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in created}
        assert len(files.list_backups()) == 2  # the seed's day and this one
        assert modes == dict.fromkeys(modes, 0o600)
        assert stat.S_IMODE(files.backups.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


# ---------------------------------------------------------------- versions and bad files


def write_file(path: Path, data: object) -> bytes:
    raw = store_module.encode(data)  # type: ignore[arg-type]
    path.write_bytes(raw)
    return raw


class TestSchemaVersion:
    """Older files are migrated after a backup; newer ones are refused untouched."""

    def test_an_older_file_is_backed_up_then_migrated(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        original = project.read_bytes()

        def add_team(data: dict[str, Any]) -> dict[str, Any]:
            for person in data["people"].values():
                person["role"] = person["role"].upper()
            return data

        now = migrations.SCHEMA_VERSION  # the file is made at this version
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
        monkeypatch.setattr(migrations, "MIGRATIONS", {now: add_team})
        writes: list[Path] = []
        real_write = atomic.atomic_write

        def spy(path: Path, data: bytes, mode: int = 0o600, like: Path | None = None) -> None:
            writes.append(path)
            real_write(path, data, mode, like=like)

        monkeypatch.setattr(store_module, "atomic_write", spy)
        store = Store.open(project, today=DAY)
        backup = ProjectFiles.for_path(project).backups / f"demo.schema-v{now}.json"
        assert writes == [backup, project]
        assert backup.read_bytes() == original
        data = json.loads(project.read_bytes())
        assert data["_meta"]["1"]["schema_version"] == now + 1
        assert {p["role"] for p in data["people"].values()} == {"DEV"}
        assert store.get("people", "P1")["role"] == "DEV"  # type: ignore[index]

    def test_a_save_after_a_migration_writes_the_migrated_records(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # The encoder reuses the text of records a save does not change, taken from the
        # file as it was read: after a migration that text is the old version's.
        def shout(data: dict[str, Any]) -> dict[str, Any]:
            for person in data["people"].values():
                person["role"] = person["role"].upper()
            return data

        now = migrations.SCHEMA_VERSION
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
        monkeypatch.setattr(migrations, "MIGRATIONS", {now: shout})
        store = Store.open(project, today=DAY)
        store.add("tasks", {"title": "After the upgrade", "duration": "2"})
        store.close()
        data = json.loads(project.read_bytes())
        assert {p["role"] for p in data["people"].values()} == {"DEV"}
        assert project.read_bytes() == encode(data)

    def test_a_migration_that_fails_leaves_the_file_untouched(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        original, mtime = project.read_bytes(), project.stat().st_mtime_ns

        def broken(data: dict[str, Any]) -> dict[str, Any]:
            raise KeyError("tasks")

        now = migrations.SCHEMA_VERSION
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
        monkeypatch.setattr(migrations, "MIGRATIONS", {now: broken})
        with pytest.raises(ProjectError, match=f"cannot be upgraded from schema version {now}"):
            Store.open(project, today=DAY)
        assert project.read_bytes() == original and project.stat().st_mtime_ns == mtime

    def test_a_newer_file_is_refused_and_stays_byte_identical(self, project: Path) -> None:
        data = json.loads(project.read_bytes())
        data["_meta"]["1"]["schema_version"] = migrations.SCHEMA_VERSION + 1
        raw = write_file(project, data)
        mtime = project.stat().st_mtime_ns
        with pytest.raises(ProjectError, match=r"newer pmtui .*upgrade pmtui"):
            Store.open(project, today=DAY)
        assert project.read_bytes() == raw and project.stat().st_mtime_ns == mtime


class TestUnreadableFile:
    """A file that is not a pmtui project is never written to; the message says what and where."""

    def test_invalid_json_names_the_file_the_line_and_column_and_the_newest_backup(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "demo.json"
        make(path, today=date(2026, 3, 1)).close()
        Store.open(path, today=DAY).update("people", "P1", {"name": "Ada"})
        backup = ProjectFiles.for_path(path).newest_backup()
        assert backup is not None
        path.write_bytes(b'{\n "_meta": {\n  "1": {schema_version: 1}\n }\n}\n')
        raw, mtime = path.read_bytes(), path.stat().st_mtime_ns
        with pytest.raises(ProjectError) as refused:
            Store.open(path, today=DAY)
        message = str(refused.value)
        assert str(path) in message
        assert "not valid JSON at line 3, column 9" in message
        assert str(backup) in message
        assert path.read_bytes() == raw and path.stat().st_mtime_ns == mtime

    def test_without_a_backup_the_message_says_there_is_none(self, tmp_path: Path) -> None:
        path = tmp_path / "demo.json"
        make(path, people=0).close()
        path.write_bytes(b"\x89PNG\r\n")
        with pytest.raises(ProjectError, match=r"not a text file.*there is no backup"):
            Store.open(path, today=DAY)

    @pytest.mark.parametrize(
        "content",
        [
            [1, 2, 3],
            {"hello": "world"},
            {"_meta": {"1": {"schema_version": "1"}}},
            {"_meta": {"1": {"schema_version": 1}}, "people": [1]},
            {"_meta": {"1": {"schema_version": 1}}, "people": {"one": {"key": "P1"}}},
        ],
        ids=["list", "other-json", "text-version", "table-list", "bad-doc-id"],
    )
    def test_valid_json_that_is_not_a_project_is_refused_untouched(
        self, project: Path, content: object
    ) -> None:
        raw = write_file(project, content)
        mtime = project.stat().st_mtime_ns
        with pytest.raises(ProjectError, match=f"{project}: is not a pmtui project"):
            Store.open(project, today=DAY)
        assert project.read_bytes() == raw and project.stat().st_mtime_ns == mtime

    def test_an_edit_is_refused_when_the_file_broke_on_disk_meanwhile(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        project.write_bytes(b'{"_meta": ')
        raw, mtime = project.read_bytes(), project.stat().st_mtime_ns
        with pytest.raises(ProjectError, match="not valid JSON"):
            store.update("people", "P1", {"name": "Ada"})
        assert project.read_bytes() == raw and project.stat().st_mtime_ns == mtime


# ---------------------------------------------------------------- backups


class TestBackups:
    """The first save of each day keeps the previous file as that day's backup."""

    def test_the_first_save_of_a_day_keeps_the_previous_file_and_later_saves_do_not(
        self, project: Path
    ) -> None:
        files = ProjectFiles.for_path(project)
        before_day = project.read_bytes()
        day2 = Store.open(project, today=date(2026, 3, 3))
        day2.update("people", "P1", {"name": "First of day"})
        end_of_first = project.read_bytes()
        day2.update("people", "P1", {"name": "Second of day"})
        assert [p.name for p in files.list_backups()] == [
            "demo.2026-03-03.json",
            "demo.2026-03-02.json",  # the seed's first save, on the day it was created
        ]
        assert files.backup_for(date(2026, 3, 3)).read_bytes() == before_day
        Store.open(project, today=date(2026, 3, 4)).update("people", "P2", {"name": "Next"})
        assert files.backup_for(date(2026, 3, 4)).read_bytes() != end_of_first
        assert json.loads(files.backup_for(date(2026, 3, 4)).read_bytes())["people"]["1"][
            "name"
        ] == ("Second of day")

    def test_only_the_last_backups_kept_days_remain(self, project: Path) -> None:
        Store.open(project, today=DAY).update("project", "project", {"backups_kept": 2})
        for day in range(10, 15):
            Store.open(project, today=date(2026, 3, day)).update(
                "people", "P1", {"name": f"Day {day}"}
            )
        kept = [p.name for p in ProjectFiles.for_path(project).list_backups()]
        assert kept == ["demo.2026-03-14.json", "demo.2026-03-13.json"]


# ---------------------------------------------------------------- bulk work


def test_a_transaction_of_a_thousand_adds_is_one_write(
    tmp_path: Path, hook_steps: list[str]
) -> None:
    store = make(tmp_path / "demo.json", people=0)
    hook_steps.clear()
    with store.transaction("import people"):
        for number in range(1000):
            store.add("people", {"name": f"Imported {number}"})
    assert hook_steps.count("renamed") == 1
    assert len(names_on_disk(tmp_path / "demo.json")) == 1000
    hook_steps.clear()
    assert store.undo() == "import people"
    assert hook_steps.count("renamed") == 1
    assert names_on_disk(tmp_path / "demo.json") == {}


def test_staging_an_add_twice_under_one_key_keeps_the_later_record(project: Path) -> None:
    store = Store.open(project, today=DAY)
    with store.transaction("import"):
        store.stage(Change("people", None, {"key": "NEW", "name": "Placeholder"}))
        store.stage(Change("people", None, {"key": "NEW", "name": "Real", "role": "qa"}))
        assert store.get("people", "NEW") == {"key": "NEW", "name": "Real", "role": "qa"}
    assert names_on_disk(project) == {
        "P1": "Person 1",
        "P2": "Person 2",
        "P3": "Person 3",
        "NEW": "Real",
    }


def test_deleting_and_re_adding_a_key_in_one_transaction_replaces_the_record(
    project: Path,
) -> None:
    store = Store.open(project, today=DAY)
    with store.transaction("replace P2"):
        store.delete("people", "P2")
        store.add("people", {"key": "P2", "name": "Replacement"})
    assert names_on_disk(project)["P2"] == "Replacement"
    assert [r["key"] for r in store.records("people")] == ["P1", "P2", "P3"]
    store.undo()
    assert names_on_disk(project)["P2"] == "Person 2"


def test_creating_a_project_in_a_read_only_folder_is_refused_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="read-only"):
            Store.create(folder / "demo.json", {"name": "Demo"}, today=DAY)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


# ---------------------------------------------------------------- activity log


@pytest.fixture
def private_table() -> Iterator[str]:
    register(
        RecordType(
            table="test_private_notes",
            singular="private note",
            key_prefix="N",
            label_field="text",
            private=True,
            fields=(Field("text", Kind.TEXT, required=True), Field("mood", Kind.TEXT)),
        )
    )
    try:
        yield "test_private_notes"
    finally:
        REGISTRY.pop("test_private_notes", None)


class TestActivityLog:
    """Every mutation appends who, when (UTC), what table, key and fields; private values hidden."""

    def test_an_edit_is_logged_with_utc_time_os_user_table_key_and_changed_fields(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "demo.json"
        Store.create(path, {"name": "Demo"}, today=DAY)
        store = Store.open(path, today=DAY)
        store.add("people", {"name": "Ada", "role": "dev"})
        store.update("people", "P1", {"role": "lead"})
        entries = journal.read_activity(ProjectFiles.for_path(path).activity)
        last = entries[-1]
        assert last["user"] == getpass.getuser()
        assert last["time"].endswith("Z")
        logged = datetime.fromisoformat(last["time"].replace("Z", "+00:00"))
        assert logged.utcoffset() == UTC.utcoffset(None)
        assert last["changes"] == [
            {"op": "edit", "table": "people", "key": "P1", "fields": {"role": "lead"}}
        ]
        assert entries[-2]["changes"][0]["op"] == "add"

    def test_values_of_a_private_table_are_redacted(
        self, project: Path, private_table: str
    ) -> None:
        store = Store.open(project, today=DAY)
        store.add(private_table, {"text": "struggles with deadlines", "mood": "low"})
        store.update(private_table, "N1", {"mood": "better"})
        log = ProjectFiles.for_path(project).activity
        text = log.read_text()
        assert "struggles" not in text and "better" not in text
        last = journal.read_activity(log)[-1]["changes"][0]
        assert last == {
            "op": "edit",
            "table": private_table,
            "key": "N1",
            "fields": {"mood": journal.REDACTED},
        }
        assert store.get(private_table, "N1")["mood"] == "better"  # type: ignore[index]


# ---------------------------------------------------------------- undo and redo


class TestUndo:
    """Undo covers add, edit, delete, key rename and a whole transaction, across tables."""

    def test_undo_of_an_add_removes_it_and_redo_brings_it_back(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        store.add("people", {"name": "New"})
        store.undo()
        assert store.get("people", "P4") is None and "P4" not in names_on_disk(project)
        store.redo()
        assert names_on_disk(project)["P4"] == "New"

    def test_undo_of_an_edit_restores_the_old_value(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        store.update("people", "P2", {"name": "Changed", "email": "c@example.com"})
        store.undo()
        assert store.get("people", "P2") == {
            "key": "P2",
            "name": "Person 2",
            "role": "dev",
            "capacity_hours": 40,
        }
        assert names_on_disk(project)["P2"] == "Person 2"

    def test_undo_of_a_delete_restores_the_same_key_in_the_same_place(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        before = json.loads(project.read_bytes())["people"]
        store.delete("people", "P2")
        assert "P2" not in names_on_disk(project)
        store.undo()
        assert json.loads(project.read_bytes())["people"] == before
        assert [r["key"] for r in store.records("people")] == ["P1", "P2", "P3"]

    def test_undo_of_a_key_rename_restores_the_references(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        store.update("people", "P2", {"manager": "P1"})
        store.update("people", "P3", {"manager": "Person 1"})
        store.update("people", "P1", {"key": "BOSS"})
        managers = {r["key"]: r.get("manager") for r in store.records("people")}
        assert managers == {"BOSS": None, "P2": "BOSS", "P3": "BOSS"}
        store.undo()
        on_disk = json.loads(project.read_bytes())["people"]
        assert {r["key"]: r.get("manager") for r in on_disk.values()} == {
            "P1": None,
            "P2": "P1",
            "P3": "P1",
        }

    def test_a_transaction_across_tables_undoes_as_one_step(self, project: Path) -> None:
        store = Store.open(project, today=DAY)
        before = json.loads(project.read_bytes())
        with store.transaction("reorganise"):
            store.update("project", "project", {"status": "amber"})
            store.add("people", {"name": "Contractor"})
            store.delete("people", "P3")
            store.update("people", "P1", {"key": "LEAD"})
        assert store.undo() == "reorganise"
        assert not store.can_undo
        after = json.loads(project.read_bytes())
        # Only _meta moves on: the revision counts saves, undo included.
        assert after.pop("_meta")["1"]["revision"] == before.pop("_meta")["1"]["revision"] + 2
        assert after == before

    def test_a_saved_change_undone_by_another_session_through_the_journal(
        self, project: Path
    ) -> None:
        Store.open(project, today=DAY).update("people", "P1", {"name": "Oops"})
        assert Store.open(project, today=DAY).undo_last_saved() == "edit people P1"
        assert names_on_disk(project)["P1"] == "Person 1"


def test_a_failed_undo_keeps_the_step_to_try_again(project: Path) -> None:
    mine, theirs = Store.open(project, today=DAY), Store.open(project, today=DAY)
    mine.update("people", "P1", {"name": "Mine"})
    theirs.update("people", "P1", {"name": "Theirs"})
    with pytest.raises(ConflictError):
        mine.undo()
    assert mine.can_undo and names_on_disk(project)["P1"] == "Theirs"
