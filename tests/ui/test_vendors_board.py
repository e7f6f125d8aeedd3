"""The Vendors area driven by keys only: directory, Compare grid, weights, decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pmtui.app import PmtuiApp
from pmtui.boards.area import AreaScreen
from pmtui.boards.vendors.compare import CompareBoard
from pmtui.boards.vendors.score_editor import ScoreEditor
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.help import HelpModal
from pmtui.screens.record_form import RecordForm
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix
from tests.uihelpers import TODAY, isolated_env, make_app, reopened, table_text, type_text

#: (criterion, weight) and each vendor's scores, in criteria order. Bolt leads 310 to
#: Acme's 300; Acme scores 2 more on Price, so Price at 35 (30 + 10 / 2) draws them level.
CRITERIA = (("Price", 30), ("SLA", 20), ("Fit", 20), ("UX", 10))
SCORES = {"Acme": (5, 2, 4, 3), "Bolt": (3, 5, 4, 4), "Core": (2, 3, 3, 5)}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def blank(tmp_path: Path) -> Store:
    """A project with two approvers and nothing in the Vendors area."""
    store = Store.create(
        tmp_path / "p.json", {"name": "ERP Roll-out", "start": "2026-09-01"}, today=TODAY
    )
    store.add("people", {"name": "Ann Lee", "approval_limit": "50k"})
    store.add("people", {"name": "Ben Okafor", "approval_limit": "10k"})
    return store


@pytest.fixture
def scored(blank: Store) -> Store:
    """The 3 x 4 comparison, fully scored, with a quote for Acme."""
    for name in SCORES:
        blank.add("vendors", {"name": name})
    blank.add("comparisons", {"title": "Service desk", "candidates": "; ".join(SCORES)})
    for name, weight in CRITERIA:
        blank.add("criteria", {"comparison": "CMP1", "name": name, "weight": str(weight)})
    for vendor, scores in SCORES.items():
        for (criterion, _), score in zip(CRITERIA, scores, strict=True):
            blank.add("scores", {"vendor": vendor, "criterion": criterion, "score": str(score)})
    blank.add("quotes", {"vendor": "Acme", "comparison": "CMP1", "item": "Licences",
                         "one_off": "6000", "recurring_per_year": "12000"})  # fmt: skip
    return blank


def grid_text(app: PmtuiApp) -> str:
    """Every line of the comparison grid, as drawn."""
    grid = app.screen.query_one(Matrix)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def grid_line(app: PmtuiApp, label: str) -> list[str]:
    """The words of the grid line that starts with `label`."""
    for line in grid_text(app).splitlines():
        if line.strip().startswith(label):
            return line.split()
    raise AssertionError(f"no line {label!r} in\n{grid_text(app)}")


def side_text(app: PmtuiApp) -> str:
    """The sensitivity panel beside the grid."""
    return " ".join(str(app.screen.query_one("#compare-side").render()).split())


async def open_compare(pilot: Pilot[None]) -> None:
    """Go to Vendors, then its Compare tab."""
    await pilot.press("4", "right_square_bracket")
    await pilot.pause()


async def fill(pilot: Pilot[None], field: str, text: str) -> None:
    """Focus a form field, clear it and type."""
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    form.query_one(f"#field-{field}", Input).focus()
    await pilot.press("ctrl+u")
    await type_text(pilot, text)


class TestCompareByKeys:
    """Set up a 3 x 4 comparison, score it, flip the winner by a weight, record the decision."""

    async def test_the_whole_selection_by_keyboard(self, blank: Store, env: dict[str, str]) -> None:
        app = make_app(blank, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4")
            for name in SCORES:  # the directory: a, the name (the first field), save
                await pilot.press("a")
                await type_text(pilot, name)
                await pilot.press("ctrl+s")
            await pilot.press("right_square_bracket", "n")
            await type_text(pilot, "Service desk")
            await pilot.press("down", "down", "down", "down")  # question, scale, horizon
            await type_text(pilot, "Acme; Bolt; Core")
            await pilot.press("ctrl+s")
            for name, weight in CRITERIA:  # comparison is filled in; name, then weight
                await pilot.press("a", "down")
                await type_text(pilot, name)
                await pilot.press("down", "ctrl+u", *str(weight), "ctrl+s")
            for column, scores in enumerate(SCORES.values()):
                await pilot.press("g", *["l"] * column)
                for score in scores:
                    await pilot.press("s", str(score), "enter", "j")
            await pilot.pause()
            assert grid_line(app, "Weighted")[1:] == ["300", "310", "230"]
            assert "1 ★" in " ".join(grid_line(app, "Rank"))
            await pilot.press("g", "w", "ctrl+u", "4", "0", "enter")  # Price 30 -> 40
            await pilot.pause()
            assert grid_line(app, "Weighted")[1:] == ["350", "340", "250"]
            await pilot.press("h", "h", "p", "down", "down")  # a quote for Acme: its item
            await type_text(pilot, "Licences")
            await pilot.press("down", *"6000", "down", *"12000", "ctrl+s")
            await pilot.press("D", "down")  # the winner and today are proposed
            await type_text(pilot, "Ann Lee")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert "Decided: Acme" in side_text(app)
        saved = reopened(blank)
        assert saved.require("comparisons", "CMP1") | {"candidates": None} == {
            "key": "CMP1",
            "title": "Service desk",
            "scale": 5,
            "horizon_years": 3,
            "candidates": None,
            "chosen_vendor": "V1",
            "decided_by": "P1",
            "decided_on": TODAY.isoformat(),
        }
        assert len(saved.records("scores")) == 12


class TestCompareGrid:
    """The grid: s (or enter) scores a cell, + and - step it, totals and ranks follow at
    once, sensitivity beside it; a digit switches areas here as everywhere."""

    async def test_s_scores_the_cell_and_the_totals_follow(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("j", "l", "s")  # Bolt's SLA 5 -> 0
            editor = app.screen
            assert isinstance(editor, ScoreEditor)
            assert editor.query_one(Input).value == "5"  # selected: typing replaces it
            await pilot.press("0", "enter")
            await pilot.pause()
            assert grid_line(app, "Weighted")[1:] == ["300", "210", "230"]
        assert reopened(scored).require("scores", "SC6")["score"] == 0

    async def test_a_digit_switches_area_and_changes_no_score(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        before = reopened(scored).records("scores")
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("2")
            await pilot.pause()
            assert app.current_mode == "plan"
            await pilot.press("4")
            await pilot.pause()
            assert grid_line(app, "Price")[2:5] == ["5", "3", "2"]
        assert reopened(scored).records("scores") == before

    async def test_help_lists_the_score_keys(self, scored: Store, env: dict[str, str]) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("question_mark")
            help_screen = app.screen
            assert isinstance(help_screen, HelpModal)
            keys = {line.description: line.keys for line in help_screen.lines}
        assert (keys["Score"], keys["+1"], keys["-1"]) == ("s, ⏎", "+", "-")

    async def test_plus_and_minus_step_the_score_within_the_scale(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("j", "plus", "plus")  # Acme's SLA 2 -> 4
            await pilot.press("l", "plus")  # Bolt's SLA is 5, the top: nothing changes
            await pilot.press("minus")  # 5 -> 4
            await pilot.pause()
            messages = [n.message for n in app._notifications]
        assert any("5 is the top of 0-5" in m for m in messages)
        saved = reopened(scored)
        assert [saved.require("scores", key)["score"] for key in ("SC2", "SC6")] == [4, 4]

    async def test_ten_on_a_ten_point_scale(self, scored: Store, env: dict[str, str]) -> None:
        scored.update("comparisons", "CMP1", {"scale": "10"})
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("enter", "1", "0", "enter")
            await pilot.pause()
        assert reopened(scored).require("scores", "SC1")["score"] == 10

    async def test_a_score_above_the_scale_is_refused_with_the_reason(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("s", "7", "enter")
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, ScoreEditor)  # stays open with the reason
            assert "7 is outside 0-5" in str(editor.query_one("#score-error").render())
            await pilot.press("escape")
            assert isinstance(app.screen, AreaScreen)
        assert reopened(scored).require("scores", "SC1")["score"] == 5

    async def test_a_decided_comparison_asks_before_a_score_changes(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        scored.update(
            "comparisons", "CMP1", {"chosen_vendor": "Acme", "decided_by": "Ann Lee",
                                    "decided_on": "2026-11-20"},
        )  # fmt: skip
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("minus")
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("n")  # no: nothing changes
            await pilot.pause()
            assert reopened(scored).require("scores", "SC1")["score"] == 5
            await pilot.press("s")
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("y", "3", "enter")  # reopen, then score
            await pilot.pause()
        saved = reopened(scored)
        assert saved.require("scores", "SC1")["score"] == 3
        assert saved.require("comparisons", "CMP1").get("chosen_vendor") in (None, "")
        assert saved.require("comparisons", "CMP1")["title"] == "Service desk"

    async def test_x_clears_a_score_and_the_vendor_has_no_winner(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("x")
            await pilot.pause()
            assert grid_line(app, "Price")[2] == "·"
            assert "No winner yet: 1 scores missing" in side_text(app)

    async def test_the_sensitivity_of_the_selected_criterion_shows_beside_the_grid(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            assert "Price weight 30 Acme draws level at 35 (+17 %); heavier, it leads." in (
                side_text(app)
            )
            await pilot.press("j")
            # Acme scores 3 less on SLA: 20 - 10 / 3 = 16.67 draws level; lighter, Acme leads.
            assert side_text(app).startswith("SLA weight 20 Acme draws level at 16.67 (-17 %)")

    async def test_c_cycles_through_the_comparisons(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        scored.add("comparisons", {"title": "Backup tool"})
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("c")
            await pilot.pause()
            title = str(app.screen.query_one("#compare-title").render())
            board = app.screen.query_one(CompareBoard)
            assert (title.startswith("Backup tool"), board.comparison_key) == (True, "CMP2")

    async def test_w_edits_the_weight_of_the_row_and_the_winner_flips(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("w")
            assert isinstance(app.screen, RecordForm)
            await pilot.press("ctrl+u", "3", "6", "enter")
            await pilot.pause()
            assert grid_line(app, "Rank")[1:3] == ["1", "★"]
        assert reopened(scored).require("criteria", "CR1")["weight"] == 36


class TestDecisionModal:
    """D opens the one record form on the decision's fields; the store decides."""

    async def test_an_approver_below_the_tco_is_refused_under_the_field(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        scored.update("criteria", "CR1", {"weight": "40"})  # Acme wins
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("D")
            await fill(pilot, "decided_by", "Ben Okafor")
            await pilot.press("ctrl+s")
            form = app.screen
            assert isinstance(form, RecordForm)
            error = str(form.query_one("#error-decided_by").render())
        assert "TCO 42,000.00 exceeds the approver's limit 10,000.00" in error
        assert "chosen_vendor" not in reopened(scored).require("comparisons", "CMP1")

    async def test_the_form_proposes_the_winner_and_today(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        scored.update("criteria", "CR1", {"weight": "40"})
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("D")
            form = app.screen
            assert isinstance(form, RecordForm)
            assert form.values() == {
                "chosen_vendor": "Acme",
                "decided_by": "",
                "decided_on": "today",
                "rationale": "",
            }


class TestDirectory:
    """The Vendors tab lists the directory with status and contract dates."""

    async def test_vendors_show_with_status_and_contract_end(
        self, blank: Store, env: dict[str, str]
    ) -> None:
        blank.add("vendors", {"name": "Kofax", "status": "contracted",
                              "contract_end": "2027-02-09"})  # fmt: skip
        app = make_app(blank, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            row = table_text(app).splitlines()[1].split()
        assert row[:3] + row[-1:] == ["V1", "Kofax", "contracted", "2027-02-09"]

    async def test_quotes_show_vendor_and_comparison_by_name(
        self, scored: Store, env: dict[str, str]
    ) -> None:
        app = make_app(scored, env)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_compare(pilot)
            await pilot.press("right_square_bracket")
            await pilot.pause()
            row = table_text(app, "#vendors-quotes RecordTable").splitlines()[1].split()
        assert row[:5] == ["Q1", "Acme", "Service", "desk", "Licences"]
