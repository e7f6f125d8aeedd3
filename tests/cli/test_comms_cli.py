"""The Comms tables through the generic commands (add, show, today, done), run as a user
runs them (subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunPmtui
from tests.environment import TODAY


def test_a_stakeholder_added_is_shown_with_its_quadrant(
    run_pmtui: RunPmtui, project_path: Path
) -> None:
    added = run_pmtui("add", str(project_path), "stakeholders", "name=Group CIO", "power=5",
                      "interest=1", "attitude=supporter")  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = json.loads(run_pmtui("show", str(project_path), "stakeholders", "--json").stdout)
    [cio] = shown["stakeholders"] if isinstance(shown, dict) else shown
    assert (cio["key"], cio["power"], cio["interest"], cio["quadrant"]) == (
        "S1",
        5,
        1,
        "keep satisfied",
    )
    text = run_pmtui("show", str(project_path), "stakeholders").stdout
    assert "Group CIO" in text and "keep satisfied" in text


def test_a_bad_power_is_one_line_and_leaves_the_file(
    run_pmtui: RunPmtui, project_path: Path
) -> None:
    before = project_path.read_bytes()
    result = run_pmtui("add", str(project_path), "stakeholders", "name=X", "power=9",
                       "interest=1")  # fmt: skip
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "power" in result.stderr
    assert project_path.read_bytes() == before


def test_today_lists_the_overdue_comms_entry_and_done_moves_it(
    run_pmtui: RunPmtui, project_path: Path
) -> None:
    assert TODAY.isoformat() == "2026-11-26"
    added = run_pmtui("add", str(project_path), "comm_plan", "information=Status e-mail",
                      "group=Project team", "frequency=weekly", "last_done=2026-11-09")  # fmt: skip
    assert added.returncode == 0, added.stderr
    data = json.loads(run_pmtui("today", str(project_path), "--json").stdout)
    [item] = [i for i in data["items"] if i["table"] == "comm_plan"]
    assert item == {
        "group": "overdue", "table": "comm_plan", "key": "CP1", "kind": "send",
        "title": "Status e-mail", "owner": None, "due": "2026-11-16", "days_overdue": 10,
        "board": "comms.plan",
    }  # fmt: skip
    text = run_pmtui("today", str(project_path)).stdout
    assert "CP1" in text and "Status e-mail" in text and "10 days late" in text
    done = run_pmtui("done", str(project_path), "CP1")
    assert done.returncode == 0, done.stderr
    data = json.loads(run_pmtui("today", str(project_path), "--json").stdout)
    [item] = [i for i in data["items"] if i["table"] == "comm_plan"]
    assert (item["group"], item["due"]) == ("upcoming", "2026-12-03")
    again = run_pmtui("done", str(project_path), "CP1")
    assert again.returncode == 1 and "done already" in again.stderr
