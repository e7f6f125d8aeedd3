"""The Money tables in the store: rules, computed fields, Today's items, read models."""

from __future__ import annotations

import pytest

from pmtui.agenda import today_items
from pmtui.services.money import budget_of, business_case_of, evm_of
from pmtui.store import RecordInvalid, Store


def errors_of(call: object) -> dict[str, str]:
    """The field messages of a RecordInvalid raised by `call()`."""
    with pytest.raises(RecordInvalid) as raised:
        call()  # type: ignore[operator]
    return raised.value.errors


@pytest.fixture
def books(store: Store) -> Store:
    """Two tasks (10 working days each, in sequence), a plan line and some expenses."""
    store.add("tasks", {"title": "Build", "duration": "10", "budget": "10000",
                        "percent_complete": "50"})  # fmt: skip
    store.add("tasks", {"title": "Test", "duration": "10", "budget": "5000",
                        "predecessors": "T1"})  # fmt: skip
    store.add("budget_lines", {"month": "2026-11", "category": "labour", "planned": "5000"})
    store.add("expenses", {"date": "2026-11-10", "amount": "4000", "category": "labour",
                           "task": "T1", "description": "Sprint 1"})  # fmt: skip
    store.add("expenses", {"date": "2026-11-18", "amount": "2000", "description": "Pizza"})
    return store


def test_a_category_outside_the_project_list_is_refused(store: Store) -> None:
    errors = errors_of(
        lambda: store.add("expenses", {"amount": "1", "category": "fun", "description": "x"})
    )
    assert errors["category"].startswith("'fun' is not one of the project's categories: labour")


def test_removing_a_category_still_in_use_is_refused_naming_its_users(books: Store) -> None:
    """Found by tests/faults: the category was checked only from the line's side, so a
    project edit could drop one still used; undoing the delete of such a line then failed."""
    errors = errors_of(
        lambda: books.update("project", "project", {"expense_categories": "software, other"})
    )
    assert errors["expense_categories"] == (
        "'labour' is still used by budget line BL1, expense E1; change those first"
    )
    books.update("project", "project", {"expense_categories": "labour, other"})
    assert books.project["expense_categories"] == ["labour", "other"]


def test_one_budget_line_per_month_and_category(books: Store) -> None:
    errors = errors_of(
        lambda: books.add(
            "budget_lines", {"month": "nov 2026", "category": "labour", "planned": "5"}
        )
    )
    assert errors == {"category": "2026-11 already has a line for labour (BL1); change that one"}


def test_a_month_over_plan_and_an_unfiled_expense_are_on_today(books: Store) -> None:
    assert books.today.isoformat() == "2026-11-26"
    assert not [i for i in today_items(books) if i.table == "budget_lines"]  # 4000 of 5000
    books.add("expenses", {"date": "2026-11-25", "amount": "1500", "category": "labour",
                           "description": "Contractor"})  # fmt: skip
    items = {(item.table, item.kind): item.title for item in today_items(books)}
    assert items[("budget_lines", "over plan")] == "labour over plan in Nov 2026"
    assert items[("expenses", "unfiled")] == "file expense: Pizza"
    assert ("expenses", "unfiled") in items and len(
        [i for i in today_items(books) if i.table == "expenses"]
    ) == 1  # the contractor is a week old at most; Sprint 1 has a task


def test_earned_value_from_the_plan_and_the_ledger(books: Store) -> None:
    value = evm_of(books.read_context())
    figures = value.figures
    assert figures.bac == 15000
    assert figures.ev == 5000
    assert figures.ac == 6000 and figures.unallocated == 2000
    # Start Mon 2026-11-02; Build runs 11-02..11-13, Test 11-16..11-27: on Thursday 11-26
    # Build is all planned, Test 9 of its 10 days.
    assert figures.pv == 14500
    assert figures.spi == pytest.approx(5000 / 14500)
    assert figures.cpi == pytest.approx(5000 / 6000)
    assert value.planned_from == "current schedule"


def test_budget_year_reads_the_ledger(books: Store) -> None:
    year = budget_of(books.read_context())
    assert year.fiscal_year == 2026
    labour = year.categories[0]
    assert labour.category == "labour"
    assert labour.plan[10] == 5000 and labour.actual[10] == 4000
    assert labour.variance[10] == 1000
    assert year.bac == 15000


def test_business_case_reads_options_and_flows(store: Store) -> None:
    store.add("business_options", {"name": "Build", "discount_rate": "10"})
    for period, cost, benefit in ((0, 4000, 0), (1, 0, 2000), (2, 0, 4000)):
        store.add("cash_flows", {"option": "Build", "period": str(period), "cost": str(cost),
                                 "benefit": str(benefit)})  # fmt: skip
    (option,) = business_case_of(store.read_context())
    data = option.to_json()
    assert data["option"] == "Build" and data["rate"] == pytest.approx(0.10)
    assert round(data["irr"] * 100, 2) == 28.08
    assert data["npv"] == pytest.approx(-4000 + 2000 / 1.1 + 4000 / 1.21)


def test_pv_takes_the_latest_baselines_dates(books: Store) -> None:
    from pmtui.planning.baseline import save_baseline

    save_baseline(books, "Approved")
    # Build now takes 20 days: the current schedule moves Test out, the baseline does not.
    books.update("tasks", "T1", {"duration": "20"})
    value = evm_of(books.read_context())
    assert value.planned_from == "baseline Approved"
    assert value.figures.pv == 14500


def test_a_past_as_of_date_says_percent_complete_is_todays(books: Store) -> None:
    from datetime import date

    value = evm_of(books.read_context(), date(2026, 11, 12))
    assert value.figures.ac == 4000
    assert value.figures.pv == 9000  # Build: 9 of its 10 days
    assert "no history of percent complete" in value.figures.why["ev"]


def test_the_glance_on_today_carries_budget_used_spi_and_cpi(books: Store) -> None:
    from pmtui.services.glance import glance
    from pmtui.widgets.today_strip import strip_lines

    seen = glance(books.read_context())
    assert seen.budget_used == pytest.approx(6000 / 15000)
    assert seen.spi == pytest.approx(5000 / 14500)
    assert seen.cpi == pytest.approx(5000 / 6000)
    first = strip_lines(seen, None).plain.splitlines()[0]
    assert first.endswith("SPI 0.34 CPI 0.83 budget 40% used")
    assert "target" not in first  # the target's date makes room for the money on 80 columns


def test_the_strip_colours_spi_and_cpi_by_the_projects_thresholds(books: Store) -> None:
    # SPI 0.34 is below red (0.85): error; CPI 0.83 too. With the thresholds lowered to
    # amber 0.9 / red 0.5, CPI is amber (warning) and SPI still red.
    from pmtui.services.glance import glance
    from pmtui.widgets.today_strip import strip_lines

    def style_of(text: str, seen: object) -> str:
        content = strip_lines(seen, None)  # type: ignore[arg-type]
        start = content.plain.index(text)
        return " ".join(str(s.style) for s in content.spans if s.start <= start < s.end)

    seen = glance(books.read_context())
    assert "$error" in style_of("0.34", seen) and "$error" in style_of("0.83", seen)
    books.update("project", str(books.project["key"]), {"spi_amber": "0.9", "spi_red": "0.5"})
    seen = glance(books.read_context())
    assert "$error" in style_of("0.34", seen)
    assert "$warning" in style_of("0.83", seen)


def test_the_glance_leaves_money_out_without_budgets(store: Store) -> None:
    from pmtui.services.glance import glance

    store.add("tasks", {"title": "Build", "duration": "10"})
    seen = glance(store.read_context())
    assert (seen.spi, seen.cpi, seen.budget_used) == (None, None, None)
