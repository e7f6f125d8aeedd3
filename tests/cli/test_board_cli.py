"""The command line's side of the daily-use boards: warnings on stderr for a change that
overloads someone, export refusals, `pmtui` alone, what `demo` says, and the help."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui import paths
from pmtui.cli import common, main
from pmtui.state import save_state
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


# --- pmtui alone, pmtui demo ----------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the app would have opened (the app itself is not started)."""
    paths_opened: list[Path] = []

    def fake_open_app(path: Path, hint: str = "") -> int:
        paths_opened.append(path)
        return 0

    monkeypatch.setattr(common, "open_app", fake_open_app)
    return paths_opened


def new_project(name: str) -> Path:
    assert main(["new", name, "--start", "2026-12-01"]) == 0
    return paths.projects_dir() / f"{name}.json"


def test_alone_with_no_projects_names_new_and_demo(
    opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "pmtui new" in out and "pmtui demo" in out and opened == []


def test_alone_opens_the_one_project(opened: list[Path]) -> None:
    only = new_project("alpha")
    assert main([]) == 0
    assert opened == [only]


def test_alone_with_several_opens_the_portfolio(
    opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """CONTRACT: with several projects and none to prefer, `pmtui` opens the portfolio."""
    new_project("alpha")
    new_project("beta")
    portfolios: list[Path] = []
    monkeypatch.setattr(common, "open_portfolio", lambda folder: portfolios.append(folder) or 0)
    assert main([]) == 0
    assert portfolios == [paths.projects_dir()]
    assert opened == []


def test_alone_opens_the_last_project_opened(opened: list[Path]) -> None:
    new_project("alpha")
    beta = new_project("beta")
    save_state(paths.state_file(), {"last_project": str(beta)})
    assert main([]) == 0
    assert opened == [beta]


def test_a_last_project_that_is_gone_is_passed_over(opened: list[Path], tmp_path: Path) -> None:
    only = new_project("alpha")
    save_state(paths.state_file(), {"last_project": str(tmp_path / "gone.json")})
    assert main([]) == 0
    assert opened == [only]


def test_the_default_project_comes_before_the_last_one(opened: list[Path]) -> None:
    alpha = new_project("alpha")
    beta = new_project("beta")
    save_state(paths.state_file(), {"last_project": str(beta)})
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('default_project = "alpha"\n', encoding="utf-8")
    assert main([]) == 0
    assert opened == [alpha.resolve()] or opened == [alpha]


def test_demo_says_what_it_built_before_opening_the_app(
    opened: list[Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "check-in.json"
    assert main(["demo", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"built the demo project at {target}" in out
    assert "12 people" in out and "7 milestones" in out and " records" in out
    assert opened == [target]
    assert main(["demo", str(target)]) == 0
    again = capsys.readouterr().out
    assert f"opening the demo project at {target}" in again


def test_help_documents_pmtui_today_date_order_and_pmtui_alone(run_pmtui: RunPmtui) -> None:
    shown = " ".join(run_pmtui("--help").stdout.split())  # argparse wraps the epilog
    assert "PMTUI_TODAY=YYYY-MM-DD" in shown
    assert 'date_order = "dmy"' in shown and "24.12." in shown
    assert "default_project" in shown and "last project opened" in shown


def test_readme_documents_pmtui_today_and_date_order() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "PMTUI_TODAY=YYYY-MM-DD" in readme
    assert 'date_order = "dmy"' in readme and "`pmtui` alone" in readme


def test_a_warning_check_that_fails_leaves_the_saved_change_a_success(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pmtui.services import overloads

    def broken(*_: object) -> list[object]:
        raise RuntimeError("boom")

    # The command line loads the check when a change is saved (start-up time).
    monkeypatch.setattr(overloads, "change_overloads", broken)
    assert main(["set", str(demo_path), "assignments", "AS57", "allocation=100"]) == 0
    assert capsys.readouterr().err == ""
    assert '"allocation": 100' in demo_path.read_text(encoding="utf-8")
