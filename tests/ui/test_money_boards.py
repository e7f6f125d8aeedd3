"""The Money boards driven by keys only, on the demo project: plan a budget cell, add an
expense and see the variance and CPI move, compare two business options as the rate moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from pmtui.app import PmtuiApp
from pmtui.services.money import business_case_of, evm_of
from pmtui.store import Store
from pmtui.widgets.matrix import Matrix
from tests.uihelpers import TODAY, demo_store, isolated_env, make_app, type_text

BUDGET = ("5",)
EARNED = ("5", "right_square_bracket", "right_square_bracket")
BUSINESS = ("5", "left_square_bracket")
CASE = "#case-grid"
THIS_MONTH = f"{TODAY.year:04d}-{TODAY.month:02d}"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return demo_store(tmp_path)


@pytest.fixture
def app(store: Store, tmp_path: Path) -> PmtuiApp:
    return make_app(store, isolated_env(tmp_path))


def grid_text(app: PmtuiApp, selector: str = "#budget-grid") -> str:
    grid = app.screen.query_one(selector, Matrix)
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def line_with(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip().startswith(start))


def labour_plan(store: Store) -> float:
    return next(
        float(r["planned"])
        for r in store.records("budget_lines")
        if r["month"] == THIS_MONTH and r["category"] == "labour"
    )


async def test_enter_plans_this_months_labour_and_the_variance_follows(
    app: PmtuiApp, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*BUDGET)
        await pilot.pause()
        before = grid_text(app)
        assert "Nov 26" in before.splitlines()[0]  # it opens on this month
        years = str(app.screen.query_one("#budget-years", Static).render())
        assert years.startswith("Years: FY2027 ") and " · FY2028 0/" in years
        await pilot.press("enter")
        await type_text(pilot, "120k")
        await pilot.press("enter")
        await pilot.pause()
        assert labour_plan(store) == 120_000
        after = grid_text(app)
        assert line_with(after, "labour").split()[2] == "120,000"
        actual = float(line_with(after, "act").split()[1].replace(",", ""))
        assert line_with(after, "var").split()[1] == f"{120_000 - actual:,.0f}"
        await pilot.press("5")  # a digit outside the prompt still switches areas
        assert labour_plan(store) == 120_000


async def test_a_typed_expense_moves_the_variance_and_cpi(app: PmtuiApp, store: Store) -> None:
    cpi_before = evm_of(store.read_context()).figures.cpi
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*BUDGET)
        await pilot.pause()
        travel_before = line_with(grid_text(app).split("travel", 1)[1], "var").split()[1]
        await pilot.press("a")
        await type_text(pilot, "9000 travel Steering committee trip")
        await pilot.press("enter")
        await pilot.pause()
        added = store.records("expenses")[-1]
        assert (added["amount"], added["category"], added["date"]) == (
            9000,
            "travel",
            TODAY.isoformat(),
        )
        travel_after = line_with(grid_text(app).split("travel", 1)[1], "var").split()[1]
        assert float(travel_after.replace(",", "")) == float(travel_before.replace(",", "")) - 9000
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        figures = str(app.screen.query_one("#evm-figures", Static).render())
        cpi_after = evm_of(store.read_context()).figures.cpi
        assert cpi_before is not None and cpi_after is not None and cpi_after < cpi_before
        assert f"CPI  {cpi_after:>12.2f}" in figures


async def test_two_options_side_by_side_and_the_rate_moves_npv(app: PmtuiApp, store: Store) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*BUSINESS)
        await pilot.pause()
        text = grid_text(app, CASE)
        assert "S/4HANA on-premise" in text and "S/4HANA RISE (cloud)" in text
        npv = line_with(text, "NPV").split()[1:]
        assert npv == ["-2,021,697", "742,839", "553,787"]
        await pilot.press("l", "plus", "plus")
        await pilot.pause()
        on_premise = business_case_of(store.read_context())[1]
        assert on_premise.record["discount_rate"] == 10
        moved = line_with(grid_text(app, CASE), "NPV").split()[1:]
        assert moved[1] == f"{on_premise.case.npv:,.0f}" and moved[1] != npv[1]
        assert moved[2] == npv[2]  # the other option keeps its rate
        rates = line_with(grid_text(app, CASE), "Rate").split()[1:]
        assert rates == ["8.0", "%", "10.0", "%", "8.0", "%"]


async def test_the_total_column_reconciles_the_budget_lines_with_bac(
    app: PmtuiApp, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*BUDGET)
        await pilot.press("end", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l")
        await pilot.pause()
        caption = str(app.screen.query_one("#budget-caption", Static).render())
        lines = sum(float(r["planned"]) for r in store.records("budget_lines"))
        assert caption == (
            f"All budget lines {lines:,.0f} against the tasks' BAC 970,000: "
            f"difference {lines - 970_000:,.0f}"
        )


async def test_enter_on_a_flow_edits_it_in_place_and_npv_follows(
    app: PmtuiApp, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*BUSINESS)
        await pilot.press("l", "l")  # S/4HANA RISE (cloud)
        await pilot.press(*["j"] * 10)  # the figures, P0 cost, P0 benefit, P1 cost
        await pilot.press("enter")
        await type_text(pilot, "250k")
        await pilot.press("enter")
        await pilot.pause()
        cloud = business_case_of(store.read_context())[2]
        assert cloud.costs[1] == 250_000
        flow = next(
            r for r in store.records("cash_flows") if r["option"] == "BO3" and r["period"] == 1
        )
        assert flow["cost"] == 250_000
        assert line_with(grid_text(app, CASE), "NPV").split()[3] == f"{cloud.case.npv:,.0f}"
        assert line_with(grid_text(app, CASE), "P1 cost").split()[4] == "250,000"
