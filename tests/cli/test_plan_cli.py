"""`pmtui schedule`, `pmtui baseline` and the plan's rules through `add`, `set` and `import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.conftest import RunPmtui

TASKS = [
    ("A", "Design", "3", ""),
    ("B", "Build", "5", "A"),
    ("C", "Docs", "2", "A SS+1"),
    ("D", "Test", "2", "B; C"),
]


@pytest.fixture
def plan(project_path: Path) -> Path:
    """Four linked tasks in plan.json (project start Mon 2026-11-02)."""
    store = Store.open(project_path)
    with store.transaction("plan"):
        for key, title, duration, predecessors in TASKS:
            store.add(
                "tasks",
                {"key": key, "title": title, "duration": duration, "predecessors": predecessors},
            )
    store.close()
    return project_path


def test_schedule_json_lists_every_task_with_its_network_times(
    plan: Path, run_pmtui: RunPmtui
) -> None:
    done = run_pmtui("schedule", str(plan), "--json")
    data = json.loads(done.stdout)
    tasks = {t["key"]: t for t in data["tasks"]}
    assert (done.returncode, data["project"]) == (
        0,
        {"start": "2026-11-02", "finish": "2026-11-13", "duration": 10.0},
    )
    assert (tasks["C"]["es"], tasks["C"]["total_float"], tasks["C"]["critical"]) == (
        1.0,
        5.0,
        False,
    )
    assert (tasks["D"]["start"], tasks["D"]["finish"], tasks["D"]["critical"]) == (
        "2026-11-12",
        "2026-11-13",
        True,
    )


def test_schedule_prints_a_table_with_the_critical_tasks_starred(
    plan: Path, run_pmtui: RunPmtui
) -> None:
    done = run_pmtui("schedule", str(plan))
    starred = [line.split()[1] for line in done.stdout.splitlines()[2:] if line.endswith("*")]
    assert (done.returncode, starred) == (0, ["A", "B", "D"])


def test_set_percent_complete_is_saved(plan: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("set", str(plan), "tasks", "B", "percent_complete=60")
    assert (done.returncode, Store.open(plan).require("tasks", "B")["percent_complete"]) == (0, 60)


def test_set_closing_a_cycle_fails_naming_the_keys_and_saves_nothing(
    plan: Path, run_pmtui: RunPmtui
) -> None:
    done = run_pmtui("set", str(plan), "tasks", "A", "predecessors=D FF-1.5")
    assert (done.returncode, done.stderr.strip()) == (
        1,
        "pmtui: tasks A: predecessors: cycle: A -> B -> D -> A",
    )
    assert "predecessors" not in Store.open(plan).require("tasks", "A")


def test_add_with_an_unknown_predecessor_fails(plan: Path, run_pmtui: RunPmtui) -> None:
    done = run_pmtui("add", str(plan), "tasks", "title=Go-live", "predecessors=D; Z")
    assert (done.returncode, "no task 'Z'" in done.stderr) == (1, True)


def test_an_import_closing_a_cycle_is_rejected_naming_the_row(
    plan: Path, run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text("key,title,predecessors\nA,Design,E\nE,Extra,D\n", encoding="utf-8")
    done = run_pmtui("import", str(plan), str(source))
    assert (done.returncode, "cycle: A -> B -> D -> E -> A" in done.stderr) == (1, True)
    assert Store.open(plan).get("tasks", "E") is None


class TestBaseline:
    """Save, list and compare baselines from the shell."""

    def test_save_prints_the_new_key_and_list_shows_it(
        self, plan: Path, run_pmtui: RunPmtui
    ) -> None:
        saved = run_pmtui("baseline", str(plan), "save", "Approved", "--date", "2026-11-02")
        listed = run_pmtui("baseline", str(plan), "list", "--json")
        assert (saved.stdout.strip(), json.loads(listed.stdout)) == (
            "BL1",
            {
                "baselines": [
                    {
                        "key": "BL1",
                        "name": "Approved",
                        "date": "2026-11-02",
                        "note": None,
                        "tasks": 4,
                    }
                ]
            },
        )

    def test_compare_shows_the_slip_in_working_days(self, plan: Path, run_pmtui: RunPmtui) -> None:
        run_pmtui("baseline", str(plan), "save", "Approved")
        run_pmtui("set", str(plan), "tasks", "B", "duration=7")
        done = run_pmtui("baseline", str(plan), "compare", "--json")
        slips = {t["key"]: t["finish_slip"] for t in json.loads(done.stdout)["tasks"]}
        assert slips == {"A": 0.0, "B": 2.0, "C": 0.0, "D": 2.0}

    def test_save_without_a_name_is_a_usage_error(self, plan: Path, run_pmtui: RunPmtui) -> None:
        done = run_pmtui("baseline", str(plan), "save")
        assert (done.returncode, "give the new baseline a name" in done.stderr) == (2, True)

    def test_compare_without_baselines_says_how_to_save_one(
        self, plan: Path, run_pmtui: RunPmtui
    ) -> None:
        done = run_pmtui("baseline", str(plan), "compare")
        assert (done.returncode, done.stderr.strip()) == (
            1,
            "pmtui: no baselines yet (pmtui baseline PROJECT save NAME saves one)",
        )
