"""File safety (issue 11): export never overwrites the project or its sidecars, the demo
rebuilds only its own file, sidecars never follow links, group-shared projects stay shared,
private records can be purged, and folders pmtui makes are private."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.store import Store
from pmtui.store.files import ProjectFiles
from tests.uihelpers import TODAY


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mode & 0o777


# ---------------------------------------------------------------- 1. export onto the project


@pytest.fixture
def saved(project_path: Path) -> Path:
    """The test project after one change: it has a journal, a log and a backup folder."""
    store = Store.open(project_path, today=TODAY)
    store.add("people", {"name": "Chen Wei", "role": "Developer"})
    store.close()
    files = ProjectFiles.for_path(project_path)
    files.backups.mkdir(exist_ok=True)
    return project_path


@pytest.mark.parametrize(
    "target",
    [
        "plan.json",
        "./sub/../plan.json",
        ".plan.json.undo",
        ".plan.json.log",
        ".plan.json.lock",
        ".plan.json.abc123.tmp",
        ".plan.json.backups",
        ".plan.json.backups/plan.2026-11-26.json",
    ],
)
def test_export_refuses_the_project_its_sidecars_and_backups(
    saved: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (saved.parent / "sub").mkdir(exist_ok=True)
    before = _snapshot(saved)
    output = saved.parent / target
    existed = output.exists()
    assert main(["export", str(saved), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "refusing to export" in err and str(saved) in err
    assert _snapshot(saved) == before
    assert output.exists() == existed


def test_export_refuses_a_link_to_the_project(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = saved.parent / "out.json"
    link.symlink_to(saved)
    before = _snapshot(saved)
    assert main(["export", str(saved), "-o", str(link)]) == 1
    assert "refusing to export" in capsys.readouterr().err
    assert _snapshot(saved) == before


def test_a_folder_export_into_the_backups_folder_is_refused(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = ProjectFiles.for_path(saved).backups
    before = sorted(backups.iterdir())
    args = ["export", str(saved), "--format", "csv", "-o", str(backups)]
    assert main(args) == 1
    assert "backups" in capsys.readouterr().err
    assert sorted(backups.iterdir()) == before


def test_export_beside_the_project_still_works(saved: Path) -> None:
    out = saved.parent / "plan-export.json"
    assert main(["export", str(saved), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["people"][0]["name"] == "Chen Wei"


# ---------------------------------------------------------------- 2. demo --fresh


def _meta(path: Path) -> dict[str, object]:
    data = json.loads(path.read_bytes())
    return dict(next(iter(data["_meta"].values())))


def test_the_demo_marks_the_file_it_builds(tmp_path: Path) -> None:
    demo = tmp_path / "demo.json"
    assert main(["demo", str(demo), "--no-open"]) == 0
    assert _meta(demo)["built_by"] == "pmtui demo"


def test_demo_fresh_refuses_a_project_the_demo_did_not_build(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ProjectFiles.for_path(saved)
    before = [p.read_bytes() for p in (saved, files.journal, files.activity)]
    assert main(["demo", str(saved), "--no-open", "--fresh"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not built by pmtui demo" in err and "nothing was changed" in err
    assert [p.read_bytes() for p in (saved, files.journal, files.activity)] == before
    assert not files.backups.exists() or not any(files.backups.glob("*.1.json"))


def test_demo_fresh_refuses_an_unmarked_demo_from_before_the_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Assumption: a demo built before the marker existed cannot be told from a real project."""
    demo = tmp_path / "demo.json"
    assert main(["demo", str(demo), "--no-open"]) == 0
    data = json.loads(demo.read_bytes())
    data["_meta"]["1"].pop("built_by")
    demo.write_text(json.dumps(data))
    before = demo.read_bytes()
    assert main(["demo", str(demo), "--no-open", "--fresh"]) == 1
    assert "not built by pmtui demo" in capsys.readouterr().err
    assert demo.read_bytes() == before


def test_demo_fresh_rebuilds_the_demo_and_keeps_the_marker(tmp_path: Path) -> None:
    demo = tmp_path / "demo.json"
    assert main(["demo", str(demo), "--no-open"]) == 0
    assert main(["set", str(demo), "project", "code=CHANGED"]) == 0
    assert main(["demo", str(demo), "--no-open", "--fresh"]) == 0
    assert _meta(demo)["built_by"] == "pmtui demo"
    assert json.loads(demo.read_bytes())["project"]["1"]["code"] == "ERP-S4"


# ---------------------------------------------------------------- 6. links beside a project

VICTIM_TEXT = "export PATH=/usr/bin\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file elsewhere that a planted link points at (think ~/.bashrc)."""
    target = tmp_path / "elsewhere" / "bashrc"
    target.parent.mkdir()
    target.write_text(VICTIM_TEXT)
    return target


@pytest.mark.parametrize("sidecar", [".plan.json.log", ".plan.json.undo", ".plan.json.lock"])
def test_a_planted_link_beside_the_project_is_refused_and_never_written(
    saved: Path, victim: Path, sidecar: str, capsys: pytest.CaptureFixture[str]
) -> None:
    link = saved.parent / sidecar
    link.unlink(missing_ok=True)
    link.symlink_to(victim)
    before = saved.read_bytes()
    assert main(["add", str(saved), "people", "name=$(touch /tmp/owned)"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"refusing {link}: it is a symbolic link" in err
    assert victim.read_text() == VICTIM_TEXT
    assert saved.read_bytes() == before
    assert link.is_symlink()


def test_a_dangling_link_planted_as_todays_backup_is_refused(
    project_path: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ProjectFiles.for_path(project_path)
    files.backups.mkdir()
    planted = files.backup_for(TODAY)
    planted.symlink_to(victim.parent / "new-file")
    assert main(["add", str(project_path), "people", "name=Ada"]) == 1
    assert f"refusing {planted}: it is a symbolic link" in capsys.readouterr().err
    assert not (victim.parent / "new-file").exists()


def test_a_backups_folder_that_is_a_link_is_refused(
    project_path: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ProjectFiles.for_path(project_path)
    files.backups.symlink_to(victim.parent)
    assert main(["add", str(project_path), "people", "name=Ada"]) == 1
    assert f"refusing {files.backups}: it is a symbolic link" in capsys.readouterr().err
    assert sorted(p.name for p in victim.parent.iterdir()) == ["bashrc"]


def test_a_lock_that_is_not_a_regular_file_is_refused(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = ProjectFiles.for_path(project_path).lock
    os.mkfifo(lock)
    assert main(["add", str(project_path), "people", "name=Ada"]) == 1
    assert f"refusing {lock}: it is not a regular file" in capsys.readouterr().err


def test_a_link_to_a_file_that_is_not_a_project_creates_and_deletes_nothing_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    system = tmp_path / "etc"
    system.mkdir()
    hosts = system / "hosts"
    hosts.write_text("127.0.0.1 localhost\n")
    stray = system / ".hosts.abc123.tmp"
    stray.write_text("someone else's temp file")
    link = tmp_path / "link.json"
    link.symlink_to(hosts)
    assert main(["show", str(link), "people"]) == 1
    assert "is not valid JSON" in capsys.readouterr().err
    assert sorted(p.name for p in system.iterdir()) == [".hosts.abc123.tmp", "hosts"]


def test_a_link_to_a_project_someone_else_owns_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give a file to another user")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    project = theirs / "p.json"
    Store.create(project, {"name": "Theirs"}).close()
    os.chown(project, 65534, -1)
    link = tmp_path / "mine.json"
    link.symlink_to(project)
    before = project.read_bytes()
    assert main(["add", str(link), "people", "name=Ada"]) == 1
    err = capsys.readouterr().err
    assert f"{link} is a link to {project}" in err and "you do not own" in err
    assert project.read_bytes() == before
    assert sorted(p.name for p in theirs.iterdir()) == ["p.json"]


def test_stray_temps_of_another_user_are_left_alone(project_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give a file to another user")
    mine = project_path.parent / ".plan.json.mine.tmp"
    theirs = project_path.parent / ".plan.json.theirs.tmp"
    mine.write_text("x")
    theirs.write_text("y")
    os.chown(theirs, 65534, -1)
    Store.open(project_path).close()
    assert not mine.exists()
    assert theirs.exists()


# ---------------------------------------------------------------- 7. group-shared projects


def _group() -> int:
    """A group other than ours that the test may give files to (root), or skip."""
    if os.geteuid() == 0:
        return 100 if os.getegid() != 100 else 65534
    others = [g for g in os.getgroups() if g != os.getegid()]
    if not others:
        pytest.skip("needs root or a second group to tell a shared group from our own")
    return others[0]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A project 0660 in a setgid folder of a shared group, saved once since."""
    group = _group()
    folder = tmp_path / "team"
    folder.mkdir()
    os.chown(folder, -1, group)
    folder.chmod(0o2770)
    project = folder / "plan.json"
    Store.create(project, {"name": "Shared"}).close()
    project.chmod(0o660)
    store = Store.open(project, today=TODAY)
    store.add("people", {"name": "Chen Wei"})
    store.close()
    return project


def _mode_group(path: Path) -> tuple[int, int]:
    info = path.stat()
    return stat.S_IMODE(info.st_mode), info.st_gid


def test_sidecars_and_backups_take_a_shared_projects_mode_and_group(shared: Path) -> None:
    files = ProjectFiles.for_path(shared)
    group = shared.parent.stat().st_gid
    assert _mode_group(shared) == (0o660, group)
    for sidecar in (files.journal, files.activity, *files.list_backups()):
        assert _mode_group(sidecar) == (0o660, group), sidecar
    mode, gid = _mode_group(files.backups)
    assert (mode & 0o777, gid) == (0o770, group)


def test_the_lock_file_takes_the_projects_mode_and_group(shared: Path) -> None:
    from pmtui.store.atomic import FileLock

    files = ProjectFiles.for_path(shared)
    lock = FileLock(files.lock)
    with lock:
        assert _mode_group(files.lock) == (0o660, shared.parent.stat().st_gid)


def test_a_private_project_keeps_private_sidecars(saved: Path) -> None:
    files = ProjectFiles.for_path(saved)
    assert saved.stat().st_mode & 0o777 == 0o600
    for sidecar in (files.journal, files.activity, *files.list_backups()):
        assert sidecar.stat().st_mode & 0o777 == 0o600, sidecar
    assert files.backups.stat().st_mode & 0o777 == 0o700


def test_restore_keeps_a_shared_projects_mode_and_group(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ProjectFiles.for_path(shared)
    [backup] = files.list_backups()
    assert main(["restore", str(shared), backup.name]) == 0
    group = shared.parent.stat().st_gid
    assert _mode_group(shared) == (0o660, group)
    for kept in files.backups.iterdir():
        assert _mode_group(kept) == (0o660, group), kept


def _as_nobody(group: int) -> None:
    os.setgroups([group])
    os.setgid(group)
    os.setuid(65534)


@pytest.fixture
def team_folder() -> Iterator[Path]:
    """A folder outside root's 0700 pytest folder, so another user can reach it."""
    made = Path(tempfile.mkdtemp(prefix="pmtui-team-"))
    made.chmod(0o711)
    yield made
    import shutil

    shutil.rmtree(made)


def test_a_second_user_of_the_group_can_save_a_shared_project(
    team_folder: Path, isolated_env: dict[str, str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("two users need root to start the second one (uid nobody)")
    group = 100
    try:
        subprocess.run(
            [sys.executable, "-c", "pass"], preexec_fn=lambda: _as_nobody(group), check=True
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"user nobody cannot run this Python ({sys.executable}): {error}")
    folder = team_folder / "team"
    folder.mkdir()
    os.chown(folder, -1, group)
    folder.chmod(0o2770)
    project = folder / "plan.json"
    assert main(["new", str(project)]) == 0
    project.chmod(0o660)
    assert main(["add", str(project), "people", "name=Chen Wei"]) == 0
    home = team_folder / "home"
    home.mkdir()
    os.chown(home, 65534, group)
    env = {**isolated_env, "HOME": str(home), "XDG_STATE_HOME": str(home / "state")}
    env.pop("XDG_CONFIG_HOME")
    env.pop("XDG_DATA_HOME")
    result = subprocess.run(
        [sys.executable, "-m", "pmtui", "add", str(project), "people", "name=Ada Obi"],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=lambda: _as_nobody(group),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    names = [r["name"] for r in json.loads(project.read_text())["people"].values()]
    assert names == ["Chen Wei", "Ada Obi"]
    assert _mode_group(project) == (0o660, group)
    assert main(["add", str(project), "people", "name=Sam Lee"]) == 0


# ---------------------------------------------------------------- 8. privacy


def test_a_conflict_on_a_private_note_names_the_field_not_the_text(project_path: Path) -> None:
    from pmtui.store import ConflictError

    secret = "Struggles with the bank interface"
    first = Store.open(project_path, today=TODAY)
    first.add("people", {"name": "Chen Wei"})
    first.add("notes", {"person": "Chen Wei", "kind": "concern", "text": "draft"})
    loaded = first.require("notes", "N1")
    second = Store.open(project_path, today=TODAY)
    second.update("notes", "N1", {"text": secret})
    with pytest.raises(ConflictError) as raised:
        first.update("notes", "N1", {"text": "mine"}, base=loaded)
    assert "another session changed text first" in str(raised.value)
    assert secret not in str(raised.value)
    first.close()
    second.close()


def test_a_conflict_on_a_public_table_still_shows_the_value(project_path: Path) -> None:
    from pmtui.store import ConflictError

    first = Store.open(project_path, today=TODAY)
    first.add("people", {"name": "Chen Wei", "role": "Developer"})
    loaded = first.require("people", "P1")
    second = Store.open(project_path, today=TODAY)
    second.update("people", "P1", {"role": "Architect"})
    with pytest.raises(ConflictError, match="changed role to 'Architect' first"):
        first.update("people", "P1", {"role": "Tester"}, base=loaded)
    first.close()
    second.close()


def test_a_new_project_folder_is_0700_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        assert main(["new", str(tmp_path / "a" / "b" / "plan.json")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "a" / "b").stat().st_mode & 0o777 == 0o700


def test_purge_private_removes_deleted_notes_from_journal_and_backups(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import timedelta

    secret, kept = "Struggles with the bank interface", "Great demo to the sponsor"
    store = Store.open(project_path, today=TODAY)
    store.add("people", {"name": "Chen Wei"})
    store.add("notes", {"person": "Chen Wei", "kind": "concern", "text": secret})
    store.add("notes", {"person": "Chen Wei", "kind": "praise", "text": kept})
    store.close()
    store = Store.open(project_path, today=TODAY + timedelta(days=1))
    store.delete("notes", "N1")
    store.close()
    files = ProjectFiles.for_path(project_path)
    assert secret in files.journal.read_text()
    assert any(secret in b.read_text() for b in files.list_backups())
    project_before = project_path.read_bytes()

    assert main(["purge-private", str(project_path)]) == 0
    out = capsys.readouterr().out
    assert out == (
        "dropped 2 undo journal entries holding deleted private records; "
        "removed 1 deleted private records from 1 backups\n"
    )
    assert secret not in files.journal.read_text()
    assert kept in files.journal.read_text()
    for backup in files.list_backups():
        assert secret not in backup.read_text()
    assert project_path.read_bytes() == project_before
    assert files.journal.stat().st_mode & 0o777 == 0o600
    assert main(["purge-private", str(project_path)]) == 0
    assert capsys.readouterr().out.startswith("dropped 0 undo journal entries")


def test_purge_private_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "purge-private" in capsys.readouterr().out


def test_the_state_folder_and_its_parents_are_0700_under_umask_000() -> None:
    from pmtui import paths
    from pmtui.state import save_state

    old = os.umask(0)
    try:
        save_state(paths.state_file(), {"theme": "pmtui-16"})
    finally:
        os.umask(old)
    folder = paths.state_dir()
    while folder != Path(os.environ["HOME"]).parent:
        assert folder.stat().st_mode & 0o777 == 0o700, folder
        folder = folder.parent


# ---------------------------------------------------------------- 9. cut short (tests/faults)


@contextlib.contextmanager
def _exit_at(step: str, number: int) -> Iterator[None]:
    """The store's write hook ends the process (as a hang-up does) at the `number`th `step`."""
    from pmtui.store import atomic

    seen = 0

    def hook(name: str) -> None:
        nonlocal seen
        seen += name == step
        if name == step and seen == number:
            raise SystemExit(129)

    atomic.write_hook = hook
    try:
        yield
    finally:
        atomic.write_hook = None


def test_a_demo_build_cut_short_leaves_no_half_demo_and_the_next_run_builds_it_whole(
    tmp_path: Path,
) -> None:
    """Found by the fault tests: the demo wrote its project record, then its records; a
    kill between left a project-only file that `pmtui demo` then opened as the demo."""
    demo = tmp_path / "demo.json"
    with _exit_at("opened", 2), pytest.raises(SystemExit):  # the second write: the records
        main(["demo", str(demo), "--no-open"])
    assert not demo.exists()
    assert main(["demo", str(demo), "--no-open"]) == 0
    assert len(json.loads(demo.read_bytes())["tasks"]) > 5
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_restore_cut_short_after_its_save_leaves_no_lock_file(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = ProjectFiles.for_path(saved)
    [backup] = files.list_backups()
    with _exit_at("renamed", 2), pytest.raises(SystemExit):  # the restored file is in place
        main(["restore", str(saved), backup.name])
    assert json.loads(saved.read_bytes()) == json.loads(backup.read_bytes())
    assert not files.lock.exists()


def test_a_new_project_cut_short_after_its_save_leaves_no_lock_file(tmp_path: Path) -> None:
    """Found by the fault tests: a hang-up during `pmtui new` finished the save, then ended
    the process before the store was closed, leaving the lock file."""
    project = tmp_path / "new.json"
    with _exit_at("renamed", 1), pytest.raises(SystemExit):
        main(["new", str(project)])
    assert json.loads(project.read_bytes())["project"]["1"]["name"] == "new"
    assert not ProjectFiles.for_path(project).lock.exists()


def test_a_purge_cut_short_after_a_save_leaves_no_lock_file(saved: Path) -> None:
    """Found by the fault tests (SIGHUP during `pmtui purge-private`)."""
    store = Store.open(saved, today=TODAY)
    store.add("notes", {"person": "Chen Wei", "kind": "concern", "text": "private"})
    store.delete("notes", "N1")
    store.close()
    files = ProjectFiles.for_path(saved)
    with _exit_at("renamed", 1), pytest.raises(SystemExit):
        main(["purge-private", str(saved)])
    assert not files.lock.exists()


def test_a_draft_save_cut_short_after_its_save_leaves_no_lock_file(tmp_path: Path) -> None:
    """The drafts file's lock, as the project's (a hang-up while the app keeps a form)."""
    from pmtui.store import drafts

    with _exit_at("renamed", 1), pytest.raises(SystemExit):
        drafts.save_draft(tmp_path / "plan.json", "people", None, {"name": "Chen"})
    file = drafts.drafts_file()
    assert json.loads(file.read_bytes())["drafts"][0]["fields"] == {"name": "Chen"}
    assert not file.with_name(f".{file.name}.lock").exists()


@pytest.mark.parametrize("place", ["file", "folder"])
def test_a_restore_refused_as_read_only_keeps_no_copy_either(
    saved: Path, place: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fault tests: restore kept the current file as a backup, then found the
    project (or its folder) read-only: refused, yet a backup had been added."""
    files = ProjectFiles.for_path(saved)
    [backup] = files.list_backups()
    locked = saved if place == "file" else saved.parent
    locked.chmod(0o400 if place == "file" else 0o500)
    try:
        assert main(["restore", str(saved), backup.name]) == 1
    finally:
        locked.chmod(0o600 if place == "file" else 0o700)
    assert "read-only" in capsys.readouterr().err
    assert files.list_backups() == [backup]


@pytest.mark.parametrize("damage", ["newer", "not a project"])
def test_purge_private_refuses_a_newer_or_foreign_file_and_changes_nothing(
    saved: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fault tests: purge-private read any JSON as the project and purged the
    journal and backups by it, though a newer pmtui's file may hold its notes elsewhere."""
    store = Store.open(saved, today=TODAY)
    store.add("notes", {"person": "Chen Wei", "kind": "concern", "text": "private"})
    store.close()
    data = json.loads(saved.read_bytes())
    if damage == "newer":
        data["_meta"]["1"]["schema_version"] += 1
    else:
        data = {"notes": {}}
    saved.write_text(json.dumps(data))
    files = ProjectFiles.for_path(saved)
    journal = files.journal.read_bytes()
    assert main(["purge-private", str(saved)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert ("newer pmtui" if damage == "newer" else "not a pmtui project") in err
    assert files.journal.read_bytes() == journal


def test_a_temp_file_a_killed_backup_write_left_is_removed_by_the_next_open(saved: Path) -> None:
    """Found by the fault tests: `pmtui restore` killed while keeping its copy of the
    current file left `.plan.DAY.1.json.XXXX.tmp` in the backups folder, a whole copy of the
    project (private notes too, which purge-private never saw) that nothing removed."""
    files = ProjectFiles.for_path(saved)
    stray = files.backups / f".{saved.stem}.{TODAY.isoformat()}.1.json.abc123.tmp"
    stray.write_bytes(saved.read_bytes())
    link = files.backups / ".not-mine.json.def456.tmp"
    link.symlink_to(saved)
    Store.open(saved).close()
    assert not stray.exists()
    assert link.is_symlink(), "a link there is left alone"
