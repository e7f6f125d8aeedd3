"""`pmtui risks` and `pmtui changes`, and the generic commands on the control tables,
run as a user runs them (subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunPmtui
from tests.environment import TODAY


def test_a_risk_added_with_the_generic_command_is_scored(
    run_pmtui: RunPmtui, project_path: Path
) -> None:
    added = run_pmtui("add", str(project_path), "risks", "title=Key user leaves",
                      "probability=4", "impact=3")  # fmt: skip
    assert added.returncode == 0, added.stderr
    data = json.loads(run_pmtui("risks", str(project_path), "--json").stdout)
    assert data["matrix"] == {
        "probability_values": [0.1, 0.3, 0.5, 0.7, 0.9],
        "impact_values": [0.05, 0.1, 0.2, 0.4, 0.8],
        "thresholds": {"medium": 0.05, "high": 0.18},
        "scale": "pmbok",
    }
    [risk] = data["risks"]
    assert (risk["key"], risk["score"], risk["level"]) == ("R1", 0.14, "medium")
    assert abs(risk["score_exact"] - 0.14) < 1e-12
    text = run_pmtui("risks", str(project_path)).stdout
    assert "R1   Key user leaves  4  3   0.14  medium" in text
    shown = run_pmtui("show", str(project_path), "risks", "key=R1").stdout
    assert "0.14" in shown and "medium" in shown


def test_a_bad_rating_is_one_line_and_leaves_the_file(
    run_pmtui: RunPmtui, project_path: Path
) -> None:
    before = project_path.read_bytes()
    result = run_pmtui("add", str(project_path), "risks", "title=x", "probability=7", "impact=1")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "probability" in result.stderr
    assert project_path.read_bytes() == before


def test_a_status_edit_on_a_change_is_refused(run_pmtui: RunPmtui, project_path: Path) -> None:
    run_pmtui("add", str(project_path), "changes", "title=VAT report", "cost_impact=500")
    before = project_path.read_bytes()
    result = run_pmtui("set", str(project_path), "changes", "CH1", "status=approved")
    assert result.returncode == 1
    assert "is proposed by its history" in result.stderr
    assert project_path.read_bytes() == before


def test_changes_json_carries_each_history(run_pmtui: RunPmtui, tmp_path: Path) -> None:
    demo = tmp_path / "demo.json"
    assert run_pmtui("demo", "--no-open", str(demo)).returncode == 0
    data = json.loads(run_pmtui("changes", str(demo), "--json").stdout)
    statuses = {c["status"] for c in data["changes"]}
    assert statuses == {"proposed", "under review", "escalated", "approved", "rejected",
                        "implemented", "withdrawn"}  # fmt: skip
    implemented = next(c for c in data["changes"] if c["status"] == "implemented")
    assert [(h["from"], h["to"]) for h in implemented["history"]] == [
        ("proposed", "under review"), ("under review", "approved"),
        ("approved", "implemented")]  # fmt: skip
    assert set(implemented) == {
        "key",
        "title",
        "status",
        "requested_by",
        "cost_impact",
        "schedule_impact",
        "decided_by",
        "decided_on",
        "history",
    }
    assert set(implemented["history"][0]) == {"at", "by", "from", "to", "why"}
    risks = json.loads(run_pmtui("risks", str(demo), "--json").stdout)["risks"]
    assert len(risks) >= 15
    assert len({(r["probability"], r["impact"]) for r in risks}) >= 12
    assert any(r["review_date"] < TODAY.isoformat() and r["status"] == "open" for r in risks)
