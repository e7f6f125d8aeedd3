"""Closure and the portfolio driven by keys: archive with a reason, read-only until R
reopens, lessons added through the form; the portfolio lists projects, shows archived ones on
`.`, and enter hands back the chosen project."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.boards.portfolio import PortfolioApp, PortfolioScreen
from pmtui.reports.portfolio import work_out
from pmtui.services.closure import archive_values
from pmtui.store import Store
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text

CLOSURE = "right_square_bracket"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = isolated_env(tmp_path)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
def project(tmp_path: Path) -> Store:
    """One open action: the checklist fails on it."""
    store = Store.create(tmp_path / "p.json", {"name": "Firewall refresh"}, today=TODAY)
    store.add("actions", {"text": "Return the old appliances"})
    return store


def notices(app: object) -> str:
    return "\n".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_closure_board_shows_the_checklist_and_adds_a_lesson(
    project: Store, env: dict[str, str]
) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", CLOSURE)
        await pilot.pause()
        text = str(app.screen.query_one("#checklist").render())
        assert "[ ] No open actions" in text and "Return the old appliances" in text
        assert "[x] Deliverables accepted" in text
        await pilot.press("a", "down")
        await type_text(pilot, "Order the appliances early")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Order the appliances early" in table_text(app, "#table")
    assert [r["text"] for r in reopened(project).records("lessons")] == [
        "Order the appliances early"
    ]


async def test_archive_needs_a_reason_while_items_fail_and_then_is_read_only(
    project: Store, env: dict[str, str]
) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", CLOSURE, "A")
        await pilot.pause()
        await pilot.press("enter")  # no reason typed: as esc, not archived
        await pilot.pause()
        assert not reopened(project).project.get("archived")
        await pilot.press("A")
        await type_text(pilot, "Budget withdrawn")
        await pilot.press("enter")
        await pilot.pause()
        on_disk = reopened(project).project
        assert on_disk["archived"] is True and on_disk["closed_reason"] == "Budget withdrawn"
        assert "Archived on" in str(app.screen.query_one("#closure-state").render())
        assert "archived, read-only" in str(app.screen.query_one("#status").render())
        await pilot.press("a")  # a lesson: refused before any form opens
        await pilot.pause()
        assert "archived, so read-only" in notices(app)
        assert type(app.screen).__name__ == "AreaScreen"  # no form opened
        await pilot.press("R", "y")
        await pilot.pause()
        assert not reopened(project).project.get("archived")


async def test_archive_asks_first_when_every_item_passes(
    project: Store, env: dict[str, str]
) -> None:
    project.update("actions", "A1", {"status": "done"})
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", CLOSURE, "A", "n")
        await pilot.pause()
        assert not reopened(project).project.get("archived")
        await pilot.press("A", "y")
        await pilot.pause()
        assert reopened(project).project["closed_on"] == TODAY.isoformat()


async def test_final_report_key_writes_the_whole_project_report(
    project: Store, env: dict[str, str], tmp_path: Path
) -> None:
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9", CLOSURE, "F")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = (tmp_path / "p-final-report.md").read_text()
    assert written.startswith("# Final report: Firewall refresh")
    assert "the whole project" in written


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "projects"
    folder.mkdir()
    for stem, name in (("erp", "ERP roll-out"), ("dc", "DC move")):
        Store.create(folder / f"{stem}.json", {"name": name}, today=TODAY).close()
    moved = Store.open(folder / "dc.json", today=TODAY)
    moved.update("project", "project", archive_values(TODAY, "done"))
    moved.close()
    (folder / "bad.json").write_text("{")
    return folder


async def test_portfolio_lists_opens_and_shows_archived_on_dot(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = _folder(tmp_path)
    for path in folder.glob("*.json"):
        work_out(path)  # cached, as after a first look
    app = PortfolioApp(folder, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        shown = table_text(app, "#portfolio")
        assert "ERP roll-out" in shown and "cannot read it" in shown
        assert "DC move" not in shown
        await pilot.press("full_stop")
        await pilot.pause()
        assert "DC move (archived)" in table_text(app, "#portfolio")
        await pilot.press("question_mark")
        await pilot.pause()
        helped = {line.description for line in app.screen.lines}  # type: ignore[attr-defined]
        assert {"Open", "Archived", "Reload", "Close"} <= helped
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("G", "enter")  # the last row: ERP roll-out
        await pilot.pause()
    assert app.return_value == str(folder / "erp.json")


async def test_portfolio_works_out_uncached_projects_in_a_worker(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = _folder(tmp_path)
    app = PortfolioApp(folder, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = table_text(app, "#portfolio")
        assert "working out" not in shown and "ERP roll-out" in shown
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None


async def test_ctrl_o_shows_the_portfolio_and_switches_project(
    project: Store, tmp_path: Path, env: dict[str, str]
) -> None:
    folder = Path(env["XDG_DATA_HOME"]) / "pmtui" / "projects"
    folder.mkdir(parents=True)
    Store.create(folder / "other.json", {"name": "Other project"}, today=TODAY).close()
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("3")  # a digit does not switch areas under the portfolio
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert "Other project" in table_text(app, "#portfolio")
        await pilot.press("enter")
        await pilot.pause()
    assert app.next_project == folder / "other.json"
