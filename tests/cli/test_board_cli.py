"""The command line's side of the daily-use boards: warnings on stderr for a change that
overloads someone, export refusals, `pmtui` alone, what `demo` says, and the help."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunPmtui

WARNING = "pmtui: warning: "


@pytest.fixture
def demo_path(tmp_path: Path, run_pmtui: RunPmtui) -> Path:
    path = tmp_path / "demo.json"
    result = run_pmtui("demo", str(path), "--no-open")
    assert result.returncode == 0, result.stderr
    return path


def test_adding_work_past_capacity_saves_with_a_warning_line(
    demo_path: Path, run_pmtui: RunPmtui
) -> None:
    result = run_pmtui(
        "add", str(demo_path), "assignments", "person=chen", "task=T14", "allocation=60",
        "start=2026-11-23", "finish=2026-11-27",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("AS")
    assert result.stderr == WARNING + "Chen Wei is over capacity: 210 % in the week of 11-23\n"


def test_leave_over_assigned_work_is_a_warning_line(demo_path: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui(
        "add", str(demo_path), "leave", "person=P11", "from=2026-11-30", "to=2026-12-04"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == WARNING + "Chen Wei is away all the week of 11-30 with work assigned\n"


def test_set_warns_too_and_a_harmless_change_is_silent(
    demo_path: Path, run_pmtui: RunPmtui
) -> None:
    result = run_pmtui("set", str(demo_path), "assignments", "AS57", "allocation=100")
    assert result.returncode == 0, result.stderr
    assert result.stderr == WARNING + "Chen Wei is over capacity: 170 % in the week of 11-23\n"
    result = run_pmtui("set", str(demo_path), "assignments", "AS57", "allocation=10")
    assert (result.returncode, result.stderr) == (0, "")


def test_export_to_an_md_file_without_a_table_is_refused(
    demo_path: Path, run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    result = run_pmtui("export", str(demo_path), "-o", "status.md")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("pmtui: status.md: ") and "--table comparisons" in line
    assert "--format json" in line and "Traceback" not in result.stderr
    assert not (tmp_path / "status.md").exists()


def test_export_to_a_file_of_any_other_unknown_suffix_is_refused(
    demo_path: Path, run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    result = run_pmtui("export", str(demo_path), "--table", "vendors", "-o", "vendors.xlsx")
    assert (result.returncode, len(result.stderr.splitlines())) == (1, 1)
    assert not (tmp_path / "vendors.xlsx").exists()


def test_an_explicit_format_writes_whatever_the_suffix(
    demo_path: Path, run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    result = run_pmtui("export", str(demo_path), "-o", "status.md", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "status.md").read_text(encoding="utf-8").startswith("{")
    result = run_pmtui("export", str(demo_path), "--table", "comparisons", "-o", "cmp.md")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cmp.md").read_text(encoding="utf-8").startswith("#")
