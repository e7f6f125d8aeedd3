"""`pmtui report`, run as a user runs it (subprocess): Markdown by default, -o picks the
format by suffix, --json in CONTRACT's shape, --as-of says where figures come from, --issue
is the only way it writes; bad input is one line and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.conftest import RunPmtui
from tests.report_seed import SECRET, seed


@pytest.fixture
def seeded_path(project_path: Path) -> Path:
    store = Store.open(project_path)
    seed(store)
    store.close()
    return project_path


def test_this_weeks_report_into_a_markdown_file_in_one_command(
    run_pmtui: RunPmtui, seeded_path: Path, tmp_path: Path
) -> None:
    before = seeded_path.read_bytes()
    result = run_pmtui("report", str(seeded_path), "-o", "status.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote status.md\n" and result.stderr == ""
    text = (tmp_path / "status.md").read_text()
    assert text.startswith("# Status report: Payroll")
    assert "| Overall | Red | the worst of the four: cost, risk |" in text
    assert "## Trends" in text and SECRET not in text
    assert seeded_path.read_bytes() == before  # only reads


def test_markdown_is_the_default_on_standard_output(run_pmtui: RunPmtui, seeded_path: Path) -> None:
    result = run_pmtui("report", str(seeded_path))
    assert result.returncode == 0, result.stderr
    assert "## Decisions needed" in result.stdout


def test_html_by_suffix_is_one_document(
    run_pmtui: RunPmtui, seeded_path: Path, tmp_path: Path
) -> None:
    assert run_pmtui("report", str(seeded_path), "-o", "status.html").returncode == 0
    text = (tmp_path / "status.html").read_text()
    assert text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert "<h2>Budget and earned value</h2>" in text


def test_json_shape(run_pmtui: RunPmtui, seeded_path: Path) -> None:
    result = run_pmtui("report", str(seeded_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"as_of", "rag", "reasons", "milestones", "accomplishments", "next_steps", "risks",
            "issues", "decisions_needed", "money", "trends", "source"} <= set(data)  # fmt: skip
    assert set(data["rag"]) >= {"schedule", "cost", "scope", "risk", "overall", "override"}
    assert set(data["milestones"]) == {"done", "next", "slipping"}
    assert {"bac", "ac", "spi", "cpi", "budget_used"} <= set(data["money"])
    assert data["money"]["cpi"] == pytest.approx(0.8) and data["source"] == "file"
    assert [t["date"] for t in data["trends"]] == ["2026-11-19"]


def test_issue_saves_a_snapshot_and_says_so(run_pmtui: RunPmtui, seeded_path: Path) -> None:
    result = run_pmtui("report", str(seeded_path), "--issue", "--json")
    assert result.returncode == 0, result.stderr
    assert "issued the report of 2026-11-26 as snapshot RS2" in result.stderr
    assert [t["date"] for t in json.loads(result.stdout)["trends"]] == ["2026-11-19", "2026-11-26"]
    shown = run_pmtui("show", str(seeded_path), "report_snapshots", "--json")
    assert len(json.loads(shown.stdout)["report_snapshots"]) == 2


def test_as_of_says_where_the_figures_come_from(run_pmtui: RunPmtui, seeded_path: Path) -> None:
    issued = run_pmtui("report", str(seeded_path), "--as-of", "2026-11-19")
    assert issued.returncode == 0, issued.stderr
    assert issued.stderr == "pmtui: RAG and figures from the report issued on 2026-11-19\n"
    assert "| Overall | Green | not recorded (as issued on 2026-11-19) |" in issued.stdout
    other = run_pmtui("report", str(seeded_path), "--as-of", "2026-11-24", "--json")
    assert json.loads(other.stdout)["source"] == "file"
    assert json.loads(other.stdout)["notes"] == [
        "no report was issued on 2026-11-24: figures computed from the file as it is now"
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "status.txt"], 1, ".txt names no report format"),
        (["--as-of", "someday"], 1, "--as-of:"),
        (["--as-of", "2026-12-25"], 1, "is after today"),
        (["--json", "--format", "md"], 2, "choose one"),
        (["--format", "pdf"], 2, "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    run_pmtui: RunPmtui,
    seeded_path: Path,
    tmp_path: Path,
    args: list[str],
    code: int,
    message: str,
) -> None:
    before = seeded_path.read_bytes()
    result = run_pmtui("report", str(seeded_path), *args)
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1
    assert seeded_path.read_bytes() == before
    assert not (tmp_path / "status.txt").exists()


def test_the_demo_has_two_issued_reports_so_trends_show(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.json"
    assert run_pmtui("demo", "--no-open", str(demo)).returncode == 0
    data = json.loads(run_pmtui("report", str(demo), "--json").stdout)
    assert [t["date"] for t in data["trends"]] == ["2026-11-12", "2026-11-19"]
    assert data["trends"][0]["spi"] != data["trends"][1]["spi"]
    assert data["summary"].startswith("Realisation is on track")
    assert data["since"] == "2026-11-19"


def test_clearing_the_override_goes_back_to_the_computed_colour(
    run_pmtui: RunPmtui, seeded_path: Path
) -> None:
    run_pmtui("set", str(seeded_path), "project", "project", "status=amber", "status_reason=OK")
    assert json.loads(run_pmtui("report", str(seeded_path), "--json").stdout)["rag"][
        "overall"] == "amber"  # fmt: skip
    cleared = run_pmtui("set", str(seeded_path), "project", "project", "status=")
    assert cleared.returncode == 0, cleared.stderr
    rag = json.loads(run_pmtui("report", str(seeded_path), "--json").stdout)["rag"]
    assert (rag["overall"], rag["override"]) == ("red", None)
