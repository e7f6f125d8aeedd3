"""Read models are built once per revision, and only when something reads them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmtui import views
from pmtui.cli.main import main
from pmtui.planning import baseline, rules
from pmtui.planning import plan as plan_module
from pmtui.store import Store


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """How many plans and forecasts have been worked out."""
    counts = {"plan": 0, "forecast": 0}
    real_plan, real_forecast = baseline.plan_of, plan_module.forecast  # shared_plan's

    def plan_of(*args: Any, **kwargs: Any) -> Any:
        counts["plan"] += 1
        return real_plan(*args, **kwargs)

    def forecast(*args: Any, **kwargs: Any) -> Any:
        counts["forecast"] += 1
        return real_forecast(*args, **kwargs)

    monkeypatch.setattr(baseline, "plan_of", plan_of)
    monkeypatch.setattr(plan_module, "forecast", forecast)
    yield counts


@pytest.fixture
def planned(store: Store) -> Store:
    with store.transaction("seed"):
        store.add("tasks", {"title": "Phase"})
        store.add("tasks", {"title": "Design", "duration": "3", "parent": "T1"})
        store.add("tasks", {"title": "Build", "duration": "5", "predecessors": "T2"})
        store.add("milestones", {"title": "Done", "due": "2026-12-01", "tasks": "T3"})
    return store


def test_one_plan_per_revision_however_many_readers(planned: Store, builds: dict[str, int]) -> None:
    tasks = views.rows(planned, "tasks")
    views.rows(planned, "milestones")
    views.row(planned, "tasks", "T2")
    rules.plan_model(planned.read_context())
    views.rows(planned, "tasks")
    assert builds == {"plan": 1, "forecast": 1}
    assert tasks[0]["duration"] == 3  # the summary's rolled-up duration
    planned.update("tasks", "T2", {"duration": "4"})
    assert views.rows(planned, "tasks")[0]["duration"] == 4
    views.rows(planned, "milestones")
    assert builds == {"plan": 2, "forecast": 2}


def test_rows_asked_for_some_fields_skip_the_forecast_until_it_is_read(
    planned: Store, builds: dict[str, int]
) -> None:
    shown = views.rows(planned, "tasks", fields={"title", "start", "finish"})
    assert [r["finish"] for r in shown] == ["2026-11-04", "2026-11-04", "2026-11-11"]
    assert builds == {"plan": 1, "forecast": 0}
    full = views.rows(planned, "tasks")
    assert full[2]["forecast_finish"] == "2026-12-07"
    assert builds == {"plan": 1, "forecast": 1}


def test_show_tasks_prints_without_working_out_the_forecast(
    planned: Store, builds: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(planned.path)
    planned.close()
    assert main(["show", path, "tasks"]) == 0
    printed = capsys.readouterr().out
    assert "Build" in printed and "2026-11-11" in printed
    assert builds == {"plan": 1, "forecast": 0}
    assert main(["show", path, "tasks", "--json"]) == 0
    assert '"forecast_finish": "2026-12-07"' in capsys.readouterr().out
    assert builds == {"plan": 2, "forecast": 1}


def test_show_of_a_singleton_still_prints_every_field(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(project_path), "project"]) == 0
    assert "Test project" in capsys.readouterr().out
