"""File safety (issue 11): export never overwrites the project or its sidecars, the demo
rebuilds only its own file, sidecars never follow links, group-shared projects stay shared,
private records can be purged, and folders pmtui makes are private."""

from __future__ import annotations

import json
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
