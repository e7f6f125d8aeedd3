"""`pmtui today`, `done`, `snooze` and quick `add`: text, JSON, the cache, one-line errors."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmtui import __version__, agenda, paths, todaycache
from pmtui.cli import main, today
from pmtui.store import Store
from tests.cli.test_cli import assert_one_line_error
from tests.conftest import RunPmtui

# Today is Thursday 2026-11-26 (tests/environment.py).


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()


def _seed(path: Path) -> None:
    store = Store.open(path)
    try:
        store.add("people", {"key": "P1", "name": "Chen Wei"})
        store.add("people", {"key": "P2", "name": "Elena Rossi"})
        store.add(
            "actions", {"key": "A1", "text": "Chase SAP quote", "owner": "P1", "due": "2026-11-20"}
        )
        store.add("actions", {"key": "A2", "text": "Book the steering room", "due": "2026-11-26"})
        store.add("actions", {"key": "A3", "text": "Send minutes", "due": "2026-11-30"})
        store.add(
            "notes",
            {
                "key": "N1",
                "person": "P2",
                "kind": "concern",
                "text": "SECRET late every day",
                "follow_up": "2026-11-25",
            },
        )
        store.add(
            "deliverables",
            {
                "key": "D1",
                "title": "Blueprint",
                "status": "submitted",
                "submitted_on": "2026-11-24",
            },
        )
    finally:
        store.close()


@pytest.fixture
def seeded(project_path: Path) -> Path:
    _seed(project_path)
    return project_path


def test_today_text_fits_80_columns_in_groups(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today", str(seeded)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Test project: today Thu 2026-11-26"
    assert all(len(line) <= 80 for line in lines)
    assert [line for line in lines if line and not line.startswith("  ")][1:] == [
        "Overdue (3)",
        "Due today (1)",
        "Coming up (1)",
    ]
    assert lines[3].split() == [
        "6",
        "days",
        "late",
        "A1",
        "action",
        "Chase",
        "SAP",
        "quote",
        "Chen",
        "Wei",
    ]
    assert "N1     note follow-up       follow up with Elena Rossi" in out
    assert "SECRET" not in out


def test_today_json_is_the_contract_shape(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", str(seeded), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-11-26"
    assert [(i["group"], i["key"], i["days_overdue"]) for i in data["items"]] == [
        ("overdue", "A1", 6),
        ("overdue", "D1", 2),
        ("overdue", "N1", 1),
        ("today", "A2", 0),
        ("upcoming", "A3", -4),
    ]
    assert set(data["items"][0]) == {
        "group",
        "table",
        "key",
        "kind",
        "title",
        "owner",
        "due",
        "days_overdue",
        "board",
    }
    assert data["items"][0]["owner"] == "P1"  # JSON keeps keys
    assert "SECRET" not in json.dumps(data)
    with opened(seeded) as store:
        assert data == json.loads(json.dumps(agenda.today_json(store)))


def test_days_widens_the_window(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", str(seeded), "--days", "2", "--json"]) == 0
    assert "A3" not in [i["key"] for i in json.loads(capsys.readouterr().out)["items"]]


def test_a_quiet_day_says_so_and_shows_what_comes(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with opened(project_path) as store:
        store.add("actions", {"key": "A1", "text": "Renew certificates", "due": "2026-12-20"})
    assert main(["today", str(project_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "Nothing due in the next 7 days.",
        "Coming next:",
        "  in 24 days   A1     action               Renew certificates",
    ]


# ---------------------------------------------------------------- the cache


def _cache_files() -> list[Path]:
    folder = paths.cache_dir() / "today"
    return sorted(folder.glob("*.cache")) if folder.is_dir() else []


def test_the_cache_is_private_and_used_while_the_file_is_unchanged(
    seeded: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["today", str(seeded), "--json"]) == 0
    first = capsys.readouterr().out
    (cache,) = _cache_files()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    header = cache.read_text().splitlines()[0].split("\t")
    assert header[1:2] + header[3:6] == [__version__, "", "2026-11-26", ""]

    def no_work(path: Path, days: int | None) -> dict[str, object]:
        raise AssertionError("worked out again although nothing changed")

    monkeypatch.setattr(today, "_work_out", no_work)
    assert main(["today", str(seeded), "--json"]) == 0
    assert capsys.readouterr().out == first


@pytest.mark.parametrize("what", ["days", "date", "version", "deleted", "damaged"])
def test_the_cache_is_never_trusted_when_anything_differs(
    seeded: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    assert main(["today", str(seeded)]) == 0
    capsys.readouterr()
    (cache,) = _cache_files()
    args = ["today", str(seeded), "--json"]
    if what == "days":
        args += ["--days", "1"]
    elif what == "date":
        monkeypatch.setenv("PMTUI_TODAY", "2026-11-27")
    elif what == "version":
        monkeypatch.setattr(todaycache, "__version__", "99.0")
    elif what == "deleted":
        cache.unlink()
    else:
        cache.write_bytes(cache.read_bytes()[:-20])
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    expected_as_of = "2026-11-27" if what == "date" else "2026-11-26"
    assert data["as_of"] == expected_as_of
    keys = [i["key"] for i in data["items"]]
    assert keys[:1] == ["A1"] and ("A3" in keys) == (what != "days")


def test_another_sessions_edit_refreshes_the_cache(seeded: Path, run_pmtui: RunPmtui) -> None:
    before = run_pmtui("today", str(seeded), "--json")
    assert before.returncode == 0, before.stderr
    other = Store.open(seeded)  # another session, as the app would hold it
    try:
        other.add(
            "actions", {"key": "A9", "text": "New from the other session", "due": "2026-11-26"}
        )
        other.update("actions", "A1", {"status": "done"})
    finally:
        other.close()
    after = run_pmtui("today", str(seeded), "--json")
    keys = [i["key"] for i in json.loads(after.stdout)["items"]]
    assert "A9" in keys and "A1" not in keys


# ---------------------------------------------------------------- --all


def test_all_projects_grouped_by_project(run_pmtui: RunPmtui) -> None:
    folder = paths.projects_dir()
    for name in ("alpha", "beta"):
        assert run_pmtui("new", name).returncode == 0
    _seed(folder / "alpha.json")
    (folder / "broken.json").write_text("{")
    result = run_pmtui("today", "--all", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-26"
    assert [(p["project"], len(p["items"]), "error" in p) for p in data["projects"]] == [
        ("alpha", 5, False),
        ("beta", 0, False),
        ("broken", 0, True),
    ]
    text = run_pmtui("today", "--all").stdout
    assert "alpha: today Thu 2026-11-26" in text and "beta: today Thu 2026-11-26" in text
    assert "broken: cannot read it" in text


def test_without_a_project_the_only_one_or_a_clear_line(run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("today"))
    assert (
        line == "pmtui: which project? pmtui today PROJECT, or --all for every project (pmtui list)"
    )
    assert run_pmtui("new", "alpha").returncode == 0
    _seed(paths.projects_dir() / "alpha.json")
    result = run_pmtui("today")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("alpha: today Thu 2026-11-26\n")
    assert run_pmtui("new", "beta").returncode == 0
    assert "which project?" in assert_one_line_error(run_pmtui("today"))


# ---------------------------------------------------------------- done, snooze, add


def test_done_closes_several_as_one_undo_step(seeded: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("done", str(seeded), "A1", "actions/A2", "actions/A1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "done: action A1: Chase SAP quote",
        "done: action A2: Book the steering room",
    ]
    with opened(seeded) as store:
        assert [(r["key"], r["status"], r.get("done_on")) for r in store.records("actions")] == [
            ("A1", "done", "2026-11-26"),
            ("A2", "done", "2026-11-26"),
            ("A3", "open", None),
        ]
    assert run_pmtui("undo", str(seeded)).returncode == 0
    with opened(seeded) as store:
        assert [r["status"] for r in store.records("actions")] == ["open", "open", "open"]


def test_done_of_a_private_follow_up_shows_no_text(seeded: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("done", str(seeded), "N1")
    assert result.stdout == "done: note N1: follow up with Elena Rossi\n"


def test_done_never_decides_and_changes_nothing(seeded: Path, run_pmtui: RunPmtui) -> None:
    before = seeded.read_bytes()
    line = assert_one_line_error(run_pmtui("done", str(seeded), "A1", "D1"))
    assert line == (
        "pmtui: deliverable D1: accepting or rejecting a deliverable is a decision: "
        "open it on its board"
    )
    assert seeded.read_bytes() == before  # A1 was not closed either
    line = assert_one_line_error(run_pmtui("done", str(seeded), "ZZ9"))
    assert "no record with key 'ZZ9'" in line


def test_snooze_takes_date_words(seeded: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("snooze", str(seeded), "A1", "next", "week")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "snoozed: action A1 to Mon 2026-11-30: Chase SAP quote\n"
    before = seeded.read_bytes()
    line = assert_one_line_error(run_pmtui("snooze", str(seeded), "A1", "someday"))
    assert "'someday'" in line
    line = assert_one_line_error(run_pmtui("snooze", str(seeded), "D1", "fri"))
    assert "a deliverable cannot be snoozed" in line
    assert seeded.read_bytes() == before


def test_add_takes_a_quick_add_line(seeded: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("add", str(seeded), "actions", "Chase licence quote @elena fri")
    assert (result.returncode, result.stdout) == (0, "A4\n")
    with opened(seeded) as store:
        assert store.require("actions", "A4") == {
            "key": "A4",
            "text": "Chase licence quote",
            "owner": "P2",
            "due": "2026-11-27",
            "status": "open",
        }
    line = assert_one_line_error(run_pmtui("add", str(seeded), "actions", "Ask @nobody fri"))
    assert "no person 'nobody' in people" in line


def test_today_never_imports_textual_and_answers_from_the_cache_alone(
    seeded: Path, isolated_env: dict[str, str]
) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pmtui.cli import main; main(['today', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'textual loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(seeded)], capture_output=True, text=True, env=isolated_env
    )
    assert result.returncode == 0, result.stderr
    # The file has not changed: the entry point prints the cached answer without importing
    # the command line, the store or the schedule.
    code = (
        "import sys; from pmtui.__main__ import main; status = main(['today', sys.argv[1]]); "
        "loaded = sorted(m for m in sys.modules if m.startswith('pmtui'));"
        "assert loaded == ['pmtui', 'pmtui.__main__', 'pmtui.clock', 'pmtui.paths', "
        "'pmtui.todaycache'], loaded; sys.exit(status)"
    )
    fast = subprocess.run(
        [sys.executable, "-c", code, str(seeded)], capture_output=True, text=True, env=isolated_env
    )
    assert fast.returncode == 0, fast.stderr
    assert fast.stdout == result.stdout
    assert os.environ.get("PMTUI_TODAY") == "2026-11-26"


def test_the_fast_path_prints_what_the_full_command_prints(
    seeded: Path, run_pmtui: RunPmtui
) -> None:
    for args in (["today", str(seeded)], ["today", str(seeded), "--json", "--days", "3"]):
        cold = run_pmtui(*args)
        warm = run_pmtui(*args)
        assert (cold.returncode, warm.returncode) == (0, 0)
        assert warm.stdout == cold.stdout and cold.stdout


def test_control_characters_in_records_are_shown_escaped(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    with opened(project_path) as store:
        store.add("actions", {"key": "A1", "text": "Evil \x1b[2J title", "due": "2026-11-26"})
    for _ in range(2):  # worked out, then from the cache
        result = run_pmtui("today", str(project_path))
        assert "\x1b" not in result.stdout
        assert "Evil \\x1b[2J title" in result.stdout
    data = json.loads(run_pmtui("today", str(project_path), "--json").stdout)
    assert data["items"][0]["title"] == "Evil \x1b[2J title"  # JSON to a pipe is the data


def test_today_columns_stay_aligned_with_a_long_kind(run_pmtui: RunPmtui, tmp_path: Path) -> None:
    # A kind longer than its column ("budget line over plan") pushed every later column of
    # its line right; it is cut instead, so titles start in one column on every line.
    path = tmp_path / "demo.json"
    assert run_pmtui("demo", str(path), "--no-open").returncode == 0
    out = run_pmtui("today", str(path)).stdout
    items = [line for line in out.splitlines() if line.startswith("  ") and len(line) > 43]
    assert any("budget line over pl…" in line for line in items), out
    assert all(line[42] == " " and line[43] != " " for line in items), out
