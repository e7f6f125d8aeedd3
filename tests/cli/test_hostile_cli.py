"""Hostile input at the command line (issue 12): record text never reaches a terminal raw,
CSV cells are not formulas, refused input and files leave one line and the project as it was.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.conftest import RunPmtui

#: OSC 52 (writes the clipboard), a title change, clear screen, C1 CSI, cursor report.
HOSTILE = "A\x1b]52;c;cHduZWQ=\x07B\x1b]0;owned\x07\x1b[2J\u009b6n\x1b[6nZ"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    store = Store.create(path, {"name": "Hostile", "start": "2026-11-02"})
    store.add("tasks", {"title": HOSTILE, "duration": "3", "notes": "x\x1b[2Jy"})
    store.close()
    return path


def _on_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run pmtui with its standard output on a pseudo-terminal; what the terminal got."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "pmtui", *args],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
    )
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        received += chunk
    process.wait(timeout=60)
    os.close(controller)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return received.decode()


# ---------------------------------------------------------------- item 1: terminal escapes


def test_show_prints_control_characters_visibly(run_pmtui: RunPmtui, hostile_project: Path) -> None:
    result = run_pmtui("show", str(hostile_project), "tasks")
    assert result.returncode == 0, result.stderr
    assert not RAW_CONTROL.search(result.stdout), repr(result.stdout)
    assert r"A\x1b]52;c;cHduZWQ=\x07" in result.stdout


def test_schedule_text_prints_control_characters_visibly(
    run_pmtui: RunPmtui, hostile_project: Path
) -> None:
    result = run_pmtui("schedule", str(hostile_project))
    assert result.returncode == 0, result.stderr
    assert not RAW_CONTROL.search(result.stdout), repr(result.stdout)
    assert r"\x1b]52" in result.stdout


def test_data_piped_or_written_keeps_the_text_unchanged(
    run_pmtui: RunPmtui, hostile_project: Path, tmp_path: Path
) -> None:
    piped = run_pmtui("export", str(hostile_project), "--table", "tasks", "--format", "csv")
    assert piped.returncode == 0, piped.stderr
    assert HOSTILE in piped.stdout
    written = run_pmtui("export", str(hostile_project), "-o", str(tmp_path / "out.json"))
    assert written.returncode == 0, written.stderr
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["tasks"][0]["title"] == HOSTILE
    shown = run_pmtui("show", str(hostile_project), "tasks", "--json")
    assert json.loads(shown.stdout)["tasks"][0]["title"] == HOSTILE


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--table", "tasks", "--format", "csv"],
        ["export", "--table", "tasks"],
        ["show", "tasks", "--json"],
        ["show", "tasks"],
    ],
    ids=" ".join,
)
def test_data_printed_to_a_terminal_is_escaped(
    args: list[str], hostile_project: Path, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    command, *rest = args
    received = _on_a_terminal([command, str(hostile_project), *rest], isolated_env, tmp_path)
    # the terminal turns \n into \r\n; nothing else raw may arrive
    assert not RAW_CONTROL.search(received.replace("\r\n", "\n")), repr(received)
    assert "\\x1b" in received or "\\\\u001b" in received or "\\u001b" in received


def test_error_messages_quote_input_escaped_and_cut(
    run_pmtui: RunPmtui, hostile_project: Path
) -> None:
    before = hostile_project.read_bytes()
    for args in (
        ["set", str(hostile_project), "tasks", "\x1b]0;owned\x07" + "k" * 200, "duration=2"],
        ["set", str(hostile_project), "tasks", "T1", "duration=\x1b[6n" + "9" * 200],
        ["add", str(hostile_project), "tasks", "title=x", "status=\x1b[2J"],
    ):
        result = run_pmtui(*args)
        assert result.returncode == 1, result.stderr
        line = result.stderr.strip()
        assert "\n" not in line and "Traceback" not in line
        assert not RAW_CONTROL.search(line), repr(line)
        assert len(line) < 200, line
        assert "\\x1b" in line
    assert hostile_project.read_bytes() == before


def test_a_refused_import_quotes_the_file_escaped(
    run_pmtui: RunPmtui, hostile_project: Path, tmp_path: Path
) -> None:
    before = hostile_project.read_bytes()
    bad = tmp_path / "tasks.csv"
    bad.write_text("title,duration\nok,\x1b]52;c;cHduZWQ=\x07\n")
    result = run_pmtui("import", str(hostile_project), str(bad))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line.startswith("pmtui: tasks.csv: row 2, column duration: '\\x1b]52;")
    assert not RAW_CONTROL.search(line), repr(line)
    assert hostile_project.read_bytes() == before


# ---------------------------------------------------------------- item 2: CSV formulas


def test_csv_export_guards_formulas_unless_raw(run_pmtui: RunPmtui, project_path: Path) -> None:
    added = run_pmtui("add", str(project_path), "tasks", "title==HYPERLINK(1)", "order=-500")
    assert added.returncode == 0, added.stderr
    guarded = run_pmtui("export", str(project_path), "--table", "tasks", "--format", "csv")
    assert "\nT1,'=HYPERLINK(1),,1," in guarded.stdout
    assert ",-500," in guarded.stdout
    raw = run_pmtui("export", str(project_path), "--table", "tasks", "--format", "csv", "--raw")
    assert "\nT1,=HYPERLINK(1),,1," in raw.stdout


# ---------------------------------------------------------------- item 6: project settings


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("currency=euro", "currency: 'euro' is not an ISO 4217 currency code"),
        ("time_zone=Mars/Base", "time_zone: 'Mars/Base' is not a time zone"),
        ("time_zone=Europe", "time_zone: 'Europe' is not a time zone"),
        ("time_zone=" + "x" * 300, "time_zone: 'xxxxxxxx"),
        ("time_zone=../../etc/passwd", "is not a time zone"),
        ("spi_red=0.99", "spi_red: 0.99 is above the amber threshold 0.95"),
        ("weekends=sat,sun,mon,tue,wed,thu,fri", "leaves no working day in the week"),
        ("start=9999-12-31", "(1900-01-01..2200-12-31)"),
    ],
)
def test_project_settings_are_validated(
    run_pmtui: RunPmtui, project_path: Path, setting: str, message: str
) -> None:
    before = project_path.read_bytes()
    result = run_pmtui("set", str(project_path), "project", setting)
    assert result.returncode == 1, result.stdout
    line = result.stderr.strip()
    assert message in line and "\n" not in line and len(line) < 200, line
    assert project_path.read_bytes() == before


def test_valid_settings_are_taken(run_pmtui: RunPmtui, project_path: Path) -> None:
    result = run_pmtui(
        "set", str(project_path), "project", "currency=USD", "time_zone=Europe/Berlin",
        "spi_red=0.9",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_an_import_cannot_set_a_bad_setting(
    run_pmtui: RunPmtui, project_path: Path, tmp_path: Path
) -> None:
    before = project_path.read_bytes()
    data = tmp_path / "settings.json"
    data.write_text(json.dumps({"project": [{"currency": "euro"}]}))
    result = run_pmtui("import", str(project_path), str(data))
    assert result.returncode == 1
    assert "settings.json: project record 1, field currency: 'euro' is not" in result.stderr
    assert project_path.read_bytes() == before


# ---------------------------------------------------------------- item 5: imports and files

HOSTILE_IMPORTS = [
    ('{"tasks": [{"title": "a", "duration": 1e999}]}', "tasks.json"),
    ('{"tasks": [{"title": "a", "duration": NaN}]}', "NaN"),
    ('{"tasks": [{"title": "a", "duration": ' + "9" * 5000 + "}]}", "4300 digits"),
    ('{"tasks": [{"title": "a", "duration": ' + "1" * 400 + "}]}", "field duration"),
    ('{"tasks": [{"title": "a", "predecessors": [1, 2]}]}', "field predecessors"),
    ('{"tasks": [{"title": "a", "notes": ' + "[" * 100000 + "]" * 100000 + "}]}", "tasks.json"),
    ('{"tasks": [{"title": "\\ud800"}]}', "field title"),
    ('{"tasks": [{"title": {"a": 1}}]}', "field title: is an object"),
    ('{"tasks": [{"title": "a", "title": "b"}]}', "names 'title' twice"),
    ('{"tasks": [{"title": "a", "duration": 99999999}]}', "outside 0-5000"),
    ('{"tasks": [{"title": "a", "start_no_earlier_than": "9999-12-31"}]}', "1900-01-01"),
]


@pytest.mark.parametrize(("text", "message"), HOSTILE_IMPORTS, ids=lambda v: v[:40])
def test_hostile_imports_are_one_line_and_change_nothing(
    run_pmtui: RunPmtui, project_path: Path, tmp_path: Path, text: str, message: str
) -> None:
    before = project_path.read_bytes()
    source = tmp_path / "tasks.json"
    source.write_text(text)
    result = run_pmtui("import", str(project_path), str(source))
    assert result.returncode == 1, result.stdout
    line = result.stderr.strip()
    assert "Traceback" not in line and "\n" not in line and len(line) < 200, line
    assert line.startswith("pmtui: tasks.json") and message in line, line
    assert project_path.read_bytes() == before


def _project_text(**tables: dict[str, dict[str, object]]) -> str:
    data: dict[str, object] = {"_meta": {"1": {"schema_version": 1}}}
    data.update(tables)
    return json.dumps(data)


BAD_FILES = [
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "name": NaN}}}',
     "NaN"),
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "name": "a", '
     '"name": "b"}}}', "names 'name' twice"),
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "name": "a"}}, '
     '"project": {"1": {"key": "PRJ1", "name": "b"}}}', "names 'project' twice"),
    ('{"_meta": {"1": {"schema_version": 1}}}', "holds no project record"),
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "name": "a"}}, '
     '"tasks": {"1": {"key": "T1", "title": "x"}, "2": {"key": "T1", "title": "y"}}}',
     "has the key 'T1' twice in table 'tasks'"),
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "name": "a"}}, '
     '"tasks": {"1": {"title": "x"}}}', "a record without a key"),
    ('{"_meta": {"1": {"schema_version": 1}}, "project": {"1": {"key": "PRJ1", "n": '
     + "[" * 100000 + "]" * 100000 + "}}}", "nested too deeply"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD_FILES, ids=lambda v: v[-50:])
def test_bad_project_files_are_refused_unchanged_without_a_lock(
    run_pmtui: RunPmtui, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    before = path.read_bytes()
    for args in (["show", str(path), "tasks"], ["set", str(path), "project", "name=fixed"]):
        result = run_pmtui(*args)
        assert result.returncode == 1, result.stdout
        line = result.stderr.strip()
        assert "Traceback" not in line and "\n" not in line, line
        assert message in line, line
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]  # no .lock left


# ---------------------------------------------------------------- item 4: stored bad values


def test_a_stored_value_beyond_bounds_is_shown_exported_and_fixable(
    run_pmtui: RunPmtui, project_path: Path, tmp_path: Path
) -> None:
    assert run_pmtui("add", str(project_path), "tasks", "title=A", "duration=3").returncode == 0
    data = json.loads(project_path.read_text())
    data["tasks"]["1"].update(duration=99999999, start_no_earlier_than="9999-12-31")
    project_path.write_text(json.dumps(data, indent=1, sort_keys=True))
    shown = run_pmtui("show", str(project_path), "tasks")
    assert shown.returncode == 0, shown.stderr
    assert "9999999" in shown.stdout  # the column cuts it
    exported = run_pmtui("export", str(project_path), "-o", str(tmp_path / "rescued.json"))
    assert exported.returncode == 0, exported.stderr
    rescued = json.loads((tmp_path / "rescued.json").read_text())["tasks"][0]
    assert rescued["duration"] == 99999999
    assert rescued["start_no_earlier_than"] == "9999-12-31"
    fixed = run_pmtui(
        "set", str(project_path), "tasks", "T1", "duration=3", "start_no_earlier_than="
    )
    assert fixed.returncode == 0, fixed.stderr
    assert "2026-" in run_pmtui("show", str(project_path), "tasks").stdout
