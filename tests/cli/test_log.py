"""`pmtui log`: the activity log as CONTRACT shapes it (newest first, private redacted)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunPmtui


def test_log_lists_changes_newest_first_with_private_values_redacted(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    assert run_pmtui("add", project, "people", "name=Chen Wei").returncode == 0
    assert run_pmtui("add", project, "tasks", "title=Data migration", "duration=5").returncode == 0
    assert run_pmtui("set", project, "tasks", "T1", "duration=7").returncode == 0
    note = run_pmtui("add", project, "notes", "person=chen", "text=late twice", "kind=concern")
    assert note.returncode == 0, note.stderr

    result = run_pmtui("log", project, "--json")
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert [(c["action"], c["table"], c["key"]) for c in changes[:4]] == [
        ("add", "notes", "N1"),
        ("edit", "tasks", "T1"),
        ("add", "tasks", "T1"),
        ("add", "people", "P1"),
    ]
    assert set(changes[0]) == {"at", "user", "table", "key", "title", "action", "fields"}
    assert changes[0]["title"] == "[redacted]"
    assert "late twice" not in result.stdout
    assert changes[1]["title"] == "Data migration"
    assert changes[1]["fields"] == {"duration": 7}

    text = run_pmtui("log", project, "--limit", "2").stdout.splitlines()
    assert len(text) == 2
    assert text[1].endswith("duration=7") and "late twice" not in text[0]

    later = run_pmtui("log", project, "--since", "2100-01-01")
    assert later.stdout.startswith("no changes since ")
    bad = run_pmtui("log", project, "--since", "someday")
    assert bad.returncode == 1 and bad.stderr.startswith("pmtui: --since: 'someday'")
