"""`pmtui evm`, `pmtui business-case` and `pmtui budget`, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmtui.store import Store
from tests.conftest import RunPmtui


@pytest.fixture
def books(project_path: Path) -> Path:
    """Two tasks (Build half done), a budget line, two expenses, two business options."""
    store = Store.open(project_path)
    store.add("tasks", {"title": "Build", "duration": "10", "budget": "10000",
                        "percent_complete": "50"})  # fmt: skip
    store.add("tasks", {"title": "Test", "duration": "10", "budget": "5000",
                        "predecessors": "T1"})  # fmt: skip
    store.add("budget_lines", {"month": "2026-11", "category": "labour", "planned": "5000"})
    store.add("expenses", {"date": "2026-11-10", "amount": "4000", "category": "labour",
                           "task": "T1", "description": "Sprint 1"})  # fmt: skip
    store.add("expenses", {"date": "2026-11-18", "amount": "2000", "description": "Pizza"})
    store.add("business_options", {"name": "Build", "discount_rate": "10"})
    store.add("business_options", {"name": "Mine", "discount_rate": "10"})
    flows = [("Build", 0, 4000, 0), ("Build", 1, 0, 2000), ("Build", 2, 0, 4000),
             ("Mine", 0, 1600, 0), ("Mine", 1, 0, 10000), ("Mine", 2, 10000, 0)]  # fmt: skip
    for option, period, cost, benefit in flows:
        store.add("cash_flows", {"option": option, "period": str(period), "cost": str(cost),
                                 "benefit": str(benefit)})  # fmt: skip
    store.close()
    return project_path


def test_evm_json_has_the_contract_shape(run_pmtui: RunPmtui, books: Path) -> None:
    done = run_pmtui("evm", str(books), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"as_of", "bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac",
                         "eac_formulas", "etc", "vac", "tcpi_bac", "tcpi_eac", "why"}  # fmt: skip
    assert set(data["eac_formulas"]) == {
        "bac_over_cpi", "ac_plus_remaining", "ac_plus_remaining_over_cpi_spi"
    }  # fmt: skip
    assert data["as_of"] == "2026-11-26"
    assert (data["bac"], data["pv"], data["ev"], data["ac"]) == (15000, 14500, 5000, 6000)
    assert data["cpi"] == pytest.approx(5000 / 6000)


def test_evm_as_of_a_past_date_and_in_text(run_pmtui: RunPmtui, books: Path) -> None:
    done = run_pmtui("evm", str(books), "--as-of", "2026-11-12")
    assert done.returncode == 0, done.stderr
    assert "Earned value as of 2026-11-12 (EUR; planned: current schedule)" in done.stdout
    assert "  PV    9,000.00  planned value" in done.stdout
    # CPI 5000/4000; the plan had earned 5000 by the end of 11-06: 4 working days before.
    assert "  20 % under budget, 4 days behind" in done.stdout
    assert "ev: pmtui keeps no history of percent complete" in done.stdout


def test_evm_refuses_a_bad_date_in_one_line(run_pmtui: RunPmtui, books: Path) -> None:
    before = books.read_bytes()
    done = run_pmtui("evm", str(books), "--as-of", "someday")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "pmtui: --as-of: 'someday' is not a date: try 2026-12-01, 12/1, fri, +3d, eom"
    ]
    assert books.read_bytes() == before


def test_business_case_json_and_text(run_pmtui: RunPmtui, books: Path) -> None:
    done = run_pmtui("business-case", str(books), "--json")
    assert done.returncode == 0, done.stderr
    build, mine = json.loads(done.stdout)["options"]
    assert set(build) >= {"key", "option", "rate", "npv", "irr", "roi", "payback",
                          "discounted_payback", "total_cost", "total_benefit", "why"}  # fmt: skip
    assert build["option"] == "Build" and build["rate"] == pytest.approx(0.1)
    assert round(build["irr"], 4) == 0.2808
    assert build["payback"] == pytest.approx(1.5)
    assert mine["irr"] == pytest.approx(0.25)
    assert "several rates make NPV zero (25 %, 400 %)" in mine["why"]["irr"]
    text = run_pmtui("business-case", str(books)).stdout
    assert text.splitlines()[0].split() == ["Option", "Rate", "NPV", "EUR", "IRR", "ROI",
                                            "Payback", "Disc."]  # fmt: skip
    assert "1,123.97" in text  # -4000 + 2000/1.1 + 4000/1.21


def test_budget_json_and_a_year_given(run_pmtui: RunPmtui, books: Path) -> None:
    done = run_pmtui("budget", str(books), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["fiscal_year"] == 2026 and data["months"][10] == "2026-11"
    labour = data["categories"][0]
    assert labour["category"] == "labour"
    assert (labour["plan"][10], labour["actual"][10], labour["variance"][10]) == (5000, 4000, 1000)
    assert data["totals"]["bac"] == 15000
    other = run_pmtui("budget", str(books), "--year", "2027", "--json")
    assert json.loads(other.stdout)["months"][0] == "2027-01"
    text = run_pmtui("budget", str(books)).stdout
    assert text.splitlines()[0] == "Budget FY2026 (2026-01 to 2026-12, EUR)"
