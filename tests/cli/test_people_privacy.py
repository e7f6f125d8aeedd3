"""Performance notes are HR data: out of exports and `show` unless --include-private (and
then written 0600), their text redacted from the activity log, never in what Today shows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.services.staffing import follow_ups
from pmtui.store import Store
from pmtui.store.files import ProjectFiles
from tests.conftest import RunPmtui
from tests.uihelpers import TODAY

SECRET = "Struggles with the bank interface; stays late"


@pytest.fixture
def noted(project_path: Path) -> Iterator[Path]:
    """The test project with one person and one performance note about them."""
    store = Store.open(project_path, today=TODAY)
    store.add("people", {"name": "Chen Wei", "role": "Developer"})
    store.add(
        "notes",
        {"person": "Chen Wei", "kind": "concern", "text": SECRET, "follow_up": "2026-11-20"},
    )
    store.close()
    yield project_path


def test_the_notes_table_is_private() -> None:
    from pmtui.tables import record_type

    assert record_type("notes").private


def test_export_leaves_the_notes_out_and_says_so(
    noted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(noted)]) == 0
    captured = capsys.readouterr()
    exported = json.loads(captured.out)
    assert "notes" not in exported
    assert exported["people"][0]["name"] == "Chen Wei"
    assert SECRET not in captured.out
    assert "left out notes (private)" in captured.err


def test_a_csv_export_of_every_table_writes_no_notes_file(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    assert main(["export", str(noted), "--format", "csv", "-o", str(folder)]) == 0
    assert (folder / "people.csv").exists()
    assert not (folder / "notes.csv").exists()
    assert "left out notes (private)" in capsys.readouterr().err


def test_exporting_the_notes_table_by_name_is_refused(
    noted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(noted), "--table", "notes"]) == 1
    assert "--include-private" in capsys.readouterr().err


def test_with_include_private_the_notes_leave_in_a_0600_file(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.json"
    assert main(["export", str(noted), "--include-private", "-o", str(target)]) == 0
    assert json.loads(target.read_text())["notes"][0]["text"] == SECRET
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_csv_of_the_notes_is_written_0600(noted: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.csv"
    args = ["export", str(noted), "--table", "notes", "--include-private", "-o", str(target)]
    assert main(args) == 0
    [row] = list(csv.DictReader(io.StringIO(target.read_text())))
    assert (row["kind"], row["text"]) == ("concern", SECRET)
    assert target.stat().st_mode & 0o777 == 0o600


def test_show_refuses_the_notes_without_the_flag(
    noted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(noted), "notes"]) == 1
    captured = capsys.readouterr()
    assert "notes holds private records; add --include-private" in captured.err
    assert SECRET not in captured.out + captured.err


def test_show_with_the_flag_prints_the_notes(
    noted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(noted), "notes", "--json", "--include-private"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"][0]["text"] == SECRET


def test_the_real_command_line_keeps_notes_out_by_default(noted: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("export", str(noted))
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout
    assert "left out notes (private)" in result.stderr


def test_the_activity_log_redacts_the_notes_text(noted: Path) -> None:
    log = ProjectFiles.for_path(noted).activity
    text = log.read_text(encoding="utf-8")
    entries = [json.loads(line) for line in text.splitlines()]
    [added] = [c for e in entries for c in e["changes"] if c["table"] == "notes"]
    assert added["fields"]["text"] == "[redacted]"
    assert added["fields"]["kind"] == "[redacted]"
    assert SECRET not in text
    assert log.stat().st_mode & 0o777 == 0o600


def test_an_edited_note_stays_redacted_in_the_log(noted: Path) -> None:
    store = Store.open(noted, today=TODAY)
    store.update("notes", "N1", {"text": "Pairing helps; better this week"})
    store.close()
    text = ProjectFiles.for_path(noted).activity.read_text(encoding="utf-8")
    assert "Pairing helps" not in text
    assert SECRET not in text


def test_the_project_file_holding_notes_is_0600(noted: Path) -> None:
    assert noted.stat().st_mode & 0o777 == 0o600


def test_what_today_will_show_names_the_person_not_the_note(noted: Path) -> None:
    store = Store.open(noted, today=TODAY)
    [item] = follow_ups(store, TODAY)
    store.close()
    assert item.title == "follow up with Chen Wei"
    assert SECRET not in repr(item)


def test_the_undo_journal_that_holds_them_is_0600(noted: Path) -> None:
    assert ProjectFiles.for_path(noted).journal.stat().st_mode & 0o777 == 0o600
