"""The drafts store: typed but unsaved form content, one 0600 file per user (issue 11)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.store import drafts
from pmtui.store.drafts import Draft


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return tmp_path / "plan.json"


def test_the_drafts_file_is_in_the_state_folder() -> None:
    assert drafts.drafts_file() == paths.state_dir() / "drafts.json"


def test_a_saved_draft_is_taken_back_once(project: Path) -> None:
    kept = drafts.save_draft(project, "people", "P1", {"name": "Chen", "rate": "12OO"})
    assert kept is not None and kept.key == "P1"
    taken = drafts.take_draft(project, "people", "P1")
    assert taken is not None
    assert taken.fields == {"name": "Chen", "rate": "12OO"}
    assert taken.project == str(project.resolve())
    assert taken.saved.endswith("Z")
    assert drafts.take_draft(project, "people", "P1") is None


def test_the_file_is_0600_in_a_0700_folder_and_readable_json(project: Path) -> None:
    drafts.save_draft(project, "risks", None, {"title": "Vendor late"}, now="2026-11-26T10:00:00Z")
    path = drafts.drafts_file()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    data = json.loads(path.read_text())
    assert data["drafts"] == [
        {
            "project": str(project.resolve()),
            "table": "risks",
            "key": "new",
            "fields": {"title": "Vendor late"},
            "saved": "2026-11-26T10:00:00Z",
        }
    ]
    assert not list(path.parent.glob("*.tmp"))


def test_drafts_are_keyed_by_project_table_and_record(tmp_path: Path, project: Path) -> None:
    other = tmp_path / "other.json"
    drafts.save_draft(project, "people", "P1", {"name": "a"}, now="2026-11-26T10:00:00Z")
    drafts.save_draft(project, "people", None, {"name": "b"}, now="2026-11-26T10:01:00Z")
    drafts.save_draft(project, "risks", "P1", {"title": "c"}, now="2026-11-26T10:02:00Z")
    drafts.save_draft(other, "people", "P1", {"name": "d"}, now="2026-11-26T10:03:00Z")
    drafts.save_draft(project, "people", "P1", {"name": "e"}, now="2026-11-26T10:04:00Z")
    mine = drafts.list_drafts(project)
    assert [(d.table, d.key, d.fields) for d in mine] == [
        ("people", "P1", {"name": "e"}),
        ("risks", "P1", {"title": "c"}),
        ("people", "new", {"name": "b"}),
    ]
    assert len(drafts.list_drafts()) == 4
    assert drafts.peek_draft(other, "people", "P1") == Draft(
        str(other.resolve()), "people", "P1", {"name": "d"}, "2026-11-26T10:03:00Z"
    )


def test_a_relative_or_linked_project_path_finds_the_same_draft(
    tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(project)
    drafts.save_draft(link, "people", "P1", {"name": "a"})
    monkeypatch.chdir(tmp_path)
    assert drafts.take_draft("plan.json", "people", "P1") is not None


def test_discard_forgets_a_draft(project: Path) -> None:
    drafts.save_draft(project, "people", "P1", {"name": "a"})
    assert drafts.discard_draft(project, "people", "P1") is True
    assert drafts.discard_draft(project, "people", "P1") is False
    assert drafts.list_drafts() == []


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b"\xff\xfe", b"[]", b'{"drafts": 3}', b""],
)
def test_a_damaged_drafts_file_is_ignored_and_replaced(project: Path, damage: bytes) -> None:
    path = drafts.drafts_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    assert drafts.list_drafts() == []
    assert drafts.take_draft(project, "people", "P1") is None
    assert drafts.save_draft(project, "people", "P1", {"name": "a"}) is not None
    assert [d.fields for d in drafts.list_drafts()] == [{"name": "a"}]


def test_malformed_entries_are_skipped_and_good_ones_kept(project: Path) -> None:
    path = drafts.drafts_file()
    path.parent.mkdir(parents=True)
    good = {"project": "/p.json", "table": "people", "key": "P1", "fields": {"name": "a"}}
    bad = [
        "text",
        {"project": "/p.json", "table": "people", "key": "P2", "fields": {"rate": 3}},
        {"project": "/p.json", "table": "", "key": "P3", "fields": {}},
        {"project": "/p.json", "table": "people", "key": "P4", "fields": []},
    ]
    path.write_text(json.dumps({"drafts": [*bad, good]}))
    assert [d.key for d in drafts.list_drafts()] == ["P1"]


def test_an_unwritable_state_folder_loses_no_form(project: Path) -> None:
    folder = drafts.drafts_file().parent
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        assert drafts.save_draft(project, "people", "P1", {"name": "a"}) is None
    finally:
        folder.chmod(0o700)


def test_only_the_newest_drafts_are_kept(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "MAX_DRAFTS", 3)
    for n in range(5):
        drafts.save_draft(project, "people", f"P{n}", {"name": str(n)}, now=f"2026-11-26T10:0{n}Z")
    assert [d.key for d in drafts.list_drafts()] == ["P4", "P3", "P2"]


def test_the_state_folder_is_made_0700_under_umask_000(project: Path) -> None:
    old = os.umask(0)
    try:
        drafts.save_draft(project, "people", "P1", {"name": "a"})
    finally:
        os.umask(old)
    made = drafts.drafts_file().parent
    while made != Path(os.environ["HOME"]):
        assert made.stat().st_mode & 0o777 == 0o700, made
        made = made.parent
    assert drafts.drafts_file().stat().st_mode & 0o777 == 0o600
