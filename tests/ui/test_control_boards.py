"""The Control area driven by keys only: raise and score a risk, filter the register by a
heat-map cell, turn a risk into an issue, approve a change within the limit, see one beyond
it escalated, and illegal moves refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.screens.decision import DecisionModal
from pmtui.services.changes import move
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Store:
    """Ann (the manager, limit 50k) reports to Ben (limit 200k); two risks; two changes
    under review, one within Ann's limit and one beyond it."""
    store = Store.create(
        tmp_path / "p.json",
        {"name": "ERP Roll-out", "start": "2026-09-01", "manager": "Ann Lee"},
        today=TODAY,
    )
    store.add("people", {"key": "BEN", "name": "Ben Okafor", "approval_limit": "200k"})
    store.add("people", {"key": "ANN", "name": "Ann Lee", "approval_limit": "50k",
                         "manager": "BEN"})  # fmt: skip
    store.add("risks", {"title": "Key user leaves", "probability": "2", "impact": "2"})
    store.add("risks", {"title": "Bank slot slips", "probability": "5", "impact": "5"})
    store.add("changes", {"key": "CH1", "title": "VAT report", "cost_impact": "8000"})
    store.add("changes", {"key": "CH2", "title": "Second DC", "cost_impact": "90000"})
    store.add("changes", {"key": "CH3", "title": "New logo", "cost_impact": "100"})
    for key in ("CH1", "CH2"):
        move(store, key, "under review", by="ANN")
    return store


def heat_text(app: PmtuiApp) -> str:
    """The heat map as drawn."""
    heat = app.screen.query_one("#heat", Matrix)
    return "\n".join(heat.render_line(y).text for y in range(heat.size.height))


def heat_row(app: PmtuiApp, probability: int) -> list[str]:
    """The cells of the map's row for a probability rating."""
    for line in heat_text(app).splitlines():
        if line.strip().startswith(f"P{probability}"):
            return line.split()[1:]
    raise AssertionError(heat_text(app))


def notices(app: PmtuiApp) -> str:
    """Every notification shown so far, one per line."""
    return "\n".join(str(n.message) for n in app._notifications)


async def changes_board(pilot: Pilot[None]) -> None:
    """Control, then the Changes tab (two tabs back from Risks)."""
    await pilot.press("6", "left_square_bracket", "left_square_bracket")
    await pilot.pause()


class TestRisksByKeys:
    """Raise a risk, see it in its cell, filter by the cell, turn it into an issue."""

    async def test_raise_a_risk_and_see_it_in_its_cell(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("6", "a")
            await type_text(pilot, "Vendor strike")
            await pilot.press("enter", "4", "enter", "3", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert heat_row(app, 4) == ["·", "·", "1", "·", "·"]
            assert "Vendor strike" in table_text(app)
        risk = reopened(project).require("risks", "R3")
        assert (risk["probability"], risk["impact"]) == (4, 3)

    async def test_enter_on_a_cell_filters_the_register(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("6", "m", "down", "down", "down", "right", "enter")  # P2 I2
            await pilot.pause()
            shown = table_text(app)
            assert "Key user leaves" in shown and "Bank slot slips" not in shown
            await pilot.press("escape")
            await pilot.pause()
            assert "Bank slot slips" in table_text(app)

    async def test_a_risk_becomes_an_issue(self, project: Store, env: dict[str, str]) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("6", "i")  # the top risk by score: Bank slot slips
            await pilot.pause()
            assert "R2 occurred: issue I1 opened" in notices(app)
            await pilot.press("i")
            await pilot.pause()
            assert "R2 already became issue I1" in notices(app)
        saved = reopened(project)
        assert saved.require("issues", "I1")["related_risk"] == "R2"
        assert saved.require("risks", "R2")["issue"] == "I1"


class TestChangesByKeys:
    """Approve within the limit, escalate beyond it, refuse what the workflow forbids."""

    async def test_approve_a_change_within_the_limit(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await changes_board(pilot)
            await pilot.press("A")  # CH1 heads the queue (under review)
            await pilot.pause()
            assert isinstance(app.screen, DecisionModal)
            await pilot.press("enter")
            await pilot.pause()
            assert "CH1 approved by Ann Lee" in notices(app)
        saved = reopened(project)
        assert saved.require("changes", "CH1")["status"] == "approved"
        assert [d["link"] for d in saved.records("decisions")] == ["changes:CH1"]

    async def test_beyond_the_limit_is_escalated(self, project: Store, env: dict[str, str]) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await changes_board(pilot)
            await pilot.press("j", "A")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert "escalated to Ben Okafor" in notices(app)
        change = reopened(project).require("changes", "CH2")
        assert (change["status"], change["decided_by"]) == ("escalated", "BEN")

    async def test_illegal_moves_are_refused_with_a_message(
        self, project: Store, env: dict[str, str]
    ) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await changes_board(pilot)
            await pilot.press("j", "j", "A")  # CH3 is only proposed
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert "CH3 is proposed: put it under review (v) before deciding" in notices(app)
            await pilot.press("I")
            await pilot.pause()
            assert "CH3: a change that is proposed cannot become implemented" in notices(app)
        assert reopened(project).require("changes", "CH3")["status"] == "proposed"

    async def test_a_rejection_needs_a_rationale(self, project: Store, env: dict[str, str]) -> None:
        app = make_app(project, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await changes_board(pilot)
            await pilot.press("R", "enter")
            await pilot.pause()
            assert isinstance(app.screen, DecisionModal)
            await type_text(pilot, "Out of scope")
            await pilot.press("enter")
            await pilot.pause()
        saved = reopened(project)
        assert saved.require("changes", "CH1")["rationale"] == "Out of scope"
        assert saved.require("changes", "CH1")["status"] == "rejected"


async def test_opening_a_risk_from_today_shows_it_past_a_cell_filter(
    project: Store, env: dict[str, str]
) -> None:
    """A risk opened from Today is shown even when the register is filtered to another cell."""
    from pmtui.boards.today.today import TodayBoard

    project.update("risks", "R2", {"review_date": TODAY.isoformat()})
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "m", "down", "down", "down", "right", "enter")  # P2 I2: R1 only
        await pilot.press("1")
        await pilot.pause()
        today = app.screen.query_one(TodayBoard)
        for _ in range(10):
            if today.item is not None and today.item.key == "R2":
                break
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        shown = table_text(app)
        assert "Bank slot slips" in shown
        assert app.screen.query_one("#table").cursor_row_key == "R2"


async def test_the_decider_is_chosen_when_deciding(project: Store, env: dict[str, str]) -> None:
    """Ben, chosen in the modal instead of the manager, approves what is beyond Ann's limit."""
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await changes_board(pilot)
        await pilot.press("j", "A", "tab", "ctrl+u")
        await type_text(pilot, "ben")
        await pilot.press("enter")
        await pilot.pause()
        assert "CH2 approved by Ben Okafor" in notices(app)
    change = reopened(project).require("changes", "CH2")
    assert (change["status"], change["decided_by"]) == ("approved", "BEN")


def test_a_decider_is_found_by_key_name_or_unique_word_prefix(project: Store) -> None:
    from pmtui.services.changes import find_person

    assert [find_person(project, t) for t in ("ben", "Ann Lee", "oka", "zz", "")] == [
        "BEN", "ANN", "BEN", None, None]  # fmt: skip


async def test_x_on_a_change_on_today_opens_the_choice_and_never_decides_by_itself(
    project: Store, env: dict[str, str]
) -> None:
    """Issue 16: `x` on a change on Today opens the approve/reject choice on its board;
    only the manager's answer decides (esc leaves the change as it was)."""
    from pmtui.boards.today.today import TodayBoard
    from pmtui.screens.choice import ChoiceModal

    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        today = app.screen.query_one(TodayBoard)
        for _ in range(10):
            if today.item is not None and today.item.key == "CH1":
                break
            await pilot.press("j")
        assert today.item is not None and today.item.key == "CH1"
        await pilot.press("x")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert "VAT report" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert project.require("changes", "CH1")["status"] == "under review"
        await pilot.press("D")  # the same choice on the Changes board, where x opened it
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DecisionModal)
        await pilot.press("enter")
        await pilot.pause()
        assert "CH1 approved by Ann Lee" in notices(app)
    assert reopened(project).require("changes", "CH1")["status"] == "approved"


async def test_approving_can_add_the_cost_to_the_budget_by_keys(
    project: Store, env: dict[str, str]
) -> None:
    project.update("changes", "CH1", {"budget_category": "services"})
    app = make_app(project, env)
    async with app.run_test(size=(80, 24)) as pilot:
        await changes_board(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, DecisionModal)
        assert "Add 8,000.00 to this month's services budget" in str(
            app.screen.query_one("#decision-cost").label
        )
        await pilot.press("tab", "tab", "space", "ctrl+s")  # rationale, decider, the cost
        await pilot.pause()
    month = TODAY.strftime("%Y-%m")
    lines = reopened(project).records("budget_lines")
    assert [(r["month"], r["category"], r["planned"]) for r in lines] == [(month, "services", 8000)]
