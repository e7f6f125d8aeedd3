"""The portfolio read model: several projects, one corrupt (listed, never written), one archived
(hidden unless asked), figures from a cache that a changed file never trusts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pmtui.reports import portfolio as model
from pmtui.reports.portfolio import cached, portfolio, project_files
from pmtui.services.closure import archive_values
from pmtui.store import Store
from tests.environment import TODAY


def _project(folder: Path, stem: str, name: str, **project: object) -> Path:
    path = folder / f"{stem}.json"
    Store.create(path, {"name": name, "start": "2026-11-02", **project}).close()
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three projects: ERP (a milestone, an overdue action), Move (archived), and a file
    that is not JSON."""
    erp = _project(tmp_path, "erp", "ERP roll-out", status="amber")
    store = Store.open(erp)
    with store.transaction("seed"):
        store.add("milestones", {"title": "Go-live", "due": "2026-12-15"})
        store.add("milestones", {"title": "Hypercare", "due": "2026-12-15"})  # same day
        store.add("milestones", {"title": "Kick-off", "due": "2026-11-03", "status": "done"})
        store.add("actions", {"text": "Chase quote", "due": "2026-11-20"})
    store.close()
    moved = _project(tmp_path, "move", "DC move")
    store = Store.open(moved)
    store.update("project", "project", archive_values(TODAY, "done"))
    store.close()
    (tmp_path / "broken.json").write_text('{"project": ')
    return tmp_path


def test_every_project_is_listed_with_its_figures(folder: Path) -> None:
    listed = portfolio(project_files(folder))
    assert [line.name for line in listed] == ["broken", "ERP roll-out"]  # by name, any case
    lines = {line.name: line for line in listed}
    erp = lines["ERP roll-out"]
    assert (erp.next_milestone, erp.forecast) == ("Go-live", "2026-12-15")
    # The manager set amber; with no tasks, no risks and no changes the rules find green.
    assert (erp.rag, erp.rag_override, erp.rag_computed) == ("amber", "amber", "green")
    assert erp.overdue == 1 and erp.error is None
    assert erp.spi is None and "no tasks" in erp.to_json()["why"]["spi"]
    assert set(erp.to_json()) >= {
        "name", "path", "rag", "next_milestone", "forecast", "spi", "cpi", "overdue",
        "last_report", "error",
    }  # fmt: skip


def test_a_corrupt_file_is_listed_with_its_error_and_never_written(folder: Path) -> None:
    broken = folder / "broken.json"
    before = (broken.read_bytes(), os.stat(broken).st_mtime_ns)
    names = sorted(p.name for p in folder.iterdir())
    line = next(line for line in portfolio(project_files(folder)) if line.name == "broken")
    assert line.error is not None and "not valid JSON" in line.error
    assert (broken.read_bytes(), os.stat(broken).st_mtime_ns) == before
    assert sorted(p.name for p in folder.iterdir()) == names  # no lock, backup or temp file


def test_a_newer_file_is_listed_with_its_error_and_never_written(folder: Path) -> None:
    newer = _project(folder, "newer", "From the future")
    data = json.loads(newer.read_text())
    data["_meta"]["1"]["schema_version"] = 999
    newer.write_text(json.dumps(data))
    before = (newer.read_bytes(), os.stat(newer).st_mtime_ns)
    line = next(line for line in portfolio(project_files(folder)) if line.name == "newer")
    assert line.error is not None and "newer pmtui" in line.error
    assert (newer.read_bytes(), os.stat(newer).st_mtime_ns) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_listed_with_its_error(folder: Path) -> None:
    secret = _project(folder, "secret", "Secret")
    secret.chmod(0)
    line = next(line for line in portfolio(project_files(folder)) if line.name == "secret")
    assert line.error is not None and "Permission denied" in line.error


def test_archived_projects_show_only_when_asked(folder: Path) -> None:
    shown = portfolio(project_files(folder), show_archived=True)
    moved = next(line for line in shown if line.name == "DC move")
    assert moved.archived
    assert "DC move" not in [line.name for line in portfolio(project_files(folder))]


def test_figures_come_from_the_cache_while_the_file_is_unchanged(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    erp = folder / "erp.json"
    portfolio([erp])
    assert cached(erp) is not None

    def no_work(path: Path) -> None:
        raise AssertionError(f"{path} was worked out again")

    monkeypatch.setattr(model, "work_out", no_work)
    assert portfolio([erp])[0].overdue == 1


def test_a_changed_file_is_never_read_from_the_cache(folder: Path) -> None:
    erp = folder / "erp.json"
    assert portfolio([erp])[0].overdue == 1
    store = Store.open(erp)
    store.update("actions", "A1", {"status": "done"})
    store.close()
    assert cached(erp) is None
    assert portfolio([erp])[0].overdue == 0


def test_the_cache_is_not_trusted_on_another_day(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    erp = folder / "erp.json"
    portfolio([erp])
    monkeypatch.setenv("PMTUI_TODAY", "2026-11-27")
    assert cached(erp) is None


def test_without_working_out_a_missing_figure_is_pending(folder: Path) -> None:
    lines = portfolio(project_files(folder), work_out_missing=False)
    assert lines and all(line.pending for line in lines)


def test_working_out_on_several_cores_gives_the_same_lines(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = [line.to_json() for line in portfolio(project_files(folder), show_archived=True)]
    for path in folder.glob("*.json"):
        model.cache_file(path).unlink(missing_ok=True)
    monkeypatch.setattr(model, "PARALLEL_FROM", 2)
    monkeypatch.setattr(model.os, "cpu_count", lambda: 2)
    shared = [line.to_json() for line in portfolio(project_files(folder), show_archived=True)]
    assert shared == alone


def test_an_older_file_is_read_migrated_in_memory_and_never_written(folder: Path) -> None:
    old = _project(folder, "old", "Old project", status="green")
    data = json.loads(old.read_text())
    data["_meta"]["1"]["schema_version"] = 1  # before status became the manager's override
    old.write_text(json.dumps(data))
    before = (old.read_bytes(), os.stat(old).st_mtime_ns)
    names = sorted(p.name for p in folder.iterdir())
    line = next(line for line in portfolio(project_files(folder)) if line.name == "Old project")
    assert line.error is None and line.rag_override is None  # green, no reason: no override
    assert (old.read_bytes(), os.stat(old).st_mtime_ns) == before
    assert sorted(p.name for p in folder.iterdir()) == names  # no backup folder made
