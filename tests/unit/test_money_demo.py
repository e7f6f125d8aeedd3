"""The demo's money: what issue 17 asks of it, on any day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmtui.agenda import today_items
from pmtui.services.money import budget_of, business_case_of, evm_of
from pmtui.store import Store


@pytest.mark.parametrize("day", ["2026-11-26", "2027-03-31", "2027-07-04"])
def test_the_demo_holds_a_year_of_budget_a_ledger_and_three_options(
    tmp_path: Path, day: str
) -> None:
    from pmtui.demo import build_demo, demo_project

    today = date.fromisoformat(day)
    path = tmp_path / "demo.json"
    Store.create(path, demo_project(today), today=today).close()
    store = Store.open(path, today=today)
    build_demo(store)
    ctx = store.read_context()
    year = budget_of(ctx)
    assert len({line["month"] for line in store.records("budget_lines")}) == 12
    assert year.totals.plan_total > 0 and year.totals.actual_total > 0
    assert len(store.records("expenses")) >= 40
    assert store.records("baselines")
    figures = evm_of(ctx).figures
    assert figures.spi is not None and figures.spi < 1
    assert figures.cpi is not None and 0.8 < figures.cpi < 0.95
    assert figures.unallocated > 0
    assert len(business_case_of(ctx)) == 3
    kinds = {(item.table, item.kind) for item in today_items(store)}
    assert ("expenses", "unfiled") in kinds
    assert ("budget_lines", "over plan") in kinds
    store.close()
