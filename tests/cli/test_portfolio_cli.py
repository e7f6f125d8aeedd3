"""`pmtui portfolio`, `pmtui closure`, `pmtui archive` and `pmtui reopen` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import RunPmtui


def _data_folder(env_home: Path) -> Path:
    return env_home / ".local" / "share" / "pmtui" / "projects"


def _projects(run_pmtui: RunPmtui) -> Path:
    for name in ("erp", "move"):
        assert run_pmtui("new", name, "--name", name.upper()).returncode == 0
    folder = _data_folder(Path(os.environ["HOME"]))
    (folder / "broken.json").write_text("not json at all")
    return folder


def test_portfolio_lists_every_project_and_the_broken_one_with_its_error(
    run_pmtui: RunPmtui,
) -> None:
    folder = _projects(run_pmtui)
    broken = folder / "broken.json"
    before = (broken.read_bytes(), broken.stat().st_mtime_ns)
    done = run_pmtui("portfolio")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Project")
    assert any(line.startswith("broken") and "cannot read it" in line for line in lines)
    assert any(line.startswith("ERP") for line in lines)
    assert (broken.read_bytes(), broken.stat().st_mtime_ns) == before


def test_portfolio_json_follows_the_contract(run_pmtui: RunPmtui) -> None:
    _projects(run_pmtui)
    done = run_pmtui("portfolio", "--json")
    assert done.returncode == 0, done.stderr
    projects = json.loads(done.stdout)["projects"]
    assert [p["name"] for p in projects] == ["broken", "ERP", "MOVE"]
    for entry in projects:
        assert {
            "name", "path", "rag", "next_milestone", "forecast", "spi", "cpi", "overdue",
            "last_report", "error",
        } <= set(entry)  # fmt: skip
    assert projects[0]["error"] and projects[1]["error"] is None


def test_an_archived_project_is_hidden_unless_all(run_pmtui: RunPmtui) -> None:
    _projects(run_pmtui)
    done = run_pmtui("archive", "move")
    assert done.returncode == 0, done.stderr
    assert "read-only until pmtui reopen" in done.stdout
    names = [p["name"] for p in json.loads(run_pmtui("portfolio", "--json").stdout)["projects"]]
    assert "MOVE" not in names
    shown = json.loads(run_pmtui("portfolio", "--json", "--all").stdout)["projects"]
    assert [p["archived"] for p in shown if p["name"] == "MOVE"] == [True]


def test_portfolio_of_another_folder(run_pmtui: RunPmtui, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert run_pmtui("new", str(other / "fw.json"), "--name", "Firewall").returncode == 0
    done = run_pmtui("portfolio", str(other), "--json")
    assert [p["name"] for p in json.loads(done.stdout)["projects"]] == ["Firewall"]
    missing = run_pmtui("portfolio", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "is not a folder" in missing.stderr


def test_archive_refuses_with_failing_items_unless_a_reason_is_given(run_pmtui: RunPmtui) -> None:
    run_pmtui("new", "erp")
    assert run_pmtui("add", "erp", "actions", "text=Hand over").returncode == 0
    refused = run_pmtui("archive", "erp")
    assert refused.returncode == 1
    assert "No open actions: 1" in refused.stderr and "--reason" in refused.stderr
    checklist = json.loads(run_pmtui("closure", "erp", "--json").stdout)
    assert checklist["archived"] is False
    assert [i["count"] for i in checklist["items"] if i["name"] == "No open actions"] == [1]
    done = run_pmtui("archive", "erp", "--reason", "sponsor stopped it")
    assert done.returncode == 0, done.stderr
    shown = json.loads(run_pmtui("show", "erp", "project", "--json").stdout)
    assert shown["project"][0]["closed_reason"] == "sponsor stopped it"


def test_an_archived_project_refuses_add_set_and_done_until_reopened(
    run_pmtui: RunPmtui,
) -> None:
    run_pmtui("new", "erp")
    assert run_pmtui("add", "erp", "actions", "text=Hand over").returncode == 0
    assert run_pmtui("archive", "erp", "--reason", "closing").returncode == 0
    path = _data_folder(Path(os.environ["HOME"])) / "erp.json"
    before = path.read_bytes()
    for args in (
        ("add", "erp", "actions", "text=More"),
        ("set", "erp", "actions", "A1", "text=Changed"),
        ("done", "erp", "A1"),
    ):
        refused = run_pmtui(*args)
        assert refused.returncode == 1, args
        assert "archived" in refused.stderr and "pmtui reopen erp" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert path.read_bytes() == before
    assert run_pmtui("reopen", "erp").returncode == 0
    assert run_pmtui("done", "erp", "A1").returncode == 0
    again = run_pmtui("reopen", "erp")
    assert again.returncode == 1 and "not archived" in again.stderr


def test_a_call_answered_from_the_cache_prints_what_the_full_command_prints(
    run_pmtui: RunPmtui,
) -> None:
    """The second call is answered before the command line is imported (every figure
    cached); its output is the first call's, text and JSON."""
    folder = _projects(run_pmtui)
    (folder / "broken.json").unlink()  # an unreadable file is never cached: no fast path
    first_text, first_json = run_pmtui("portfolio").stdout, run_pmtui("portfolio", "--json").stdout
    from pmtui.reports import portfolio, portfolio_text

    assert all(portfolio.cached(path) is not None for path in folder.glob("*.json"))
    assert run_pmtui("portfolio").stdout == first_text
    assert run_pmtui("portfolio", "--json").stdout == first_json
    assert portfolio_text.answer(["--bogus"]) is None
    probe = (
        "import sys; from pmtui.__main__ import main; main(['portfolio', '--json']); "
        "print('cli' if 'pmtui.cli' in sys.modules else 'fast')"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=dict(os.environ)
    )
    assert done.stdout.splitlines()[-1] == "fast", done.stderr


def test_a_name_with_control_characters_is_printed_escaped(run_pmtui: RunPmtui) -> None:
    assert run_pmtui("new", "evil", "--name", "Evil\x1b[2J name").returncode == 0
    for _ in range(2):  # worked out, then from the cache
        done = run_pmtui("portfolio")
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout and "Evil\\x1b[2J name" in done.stdout


def test_the_final_report_covers_the_whole_project_and_works_when_archived(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    run_pmtui("new", "erp", "--name", "ERP")
    added = run_pmtui("add", "erp", "lessons", "kind=change", "text=Book the bank slot early")
    assert added.returncode == 0, added.stderr
    assert run_pmtui("archive", "erp").returncode == 0  # nothing open: no reason needed
    done = run_pmtui("report", "erp", "--final", "-o", str(tmp_path / "final.md"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "final.md").read_text()
    assert text.startswith("# Final report: ERP")
    assert "the whole project" in text.splitlines()[2]
    closure = text[text.index("## Closure checklist") :]
    assert "| Deliverables accepted | passed | 0 |" in closure
    assert "| Change next time | Book the bank slot early | - |" in closure
    weekly = run_pmtui("report", "erp")
    assert weekly.stdout.startswith("# Status report: ERP") and "first report" in weekly.stdout
