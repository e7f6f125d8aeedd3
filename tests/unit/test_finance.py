"""The business case's maths against published worked examples (pmtui.domain.finance)."""

from __future__ import annotations

import pytest

from pmtui.domain.finance import (
    irr,
    npv,
    option_case,
    payback,
    per_period_rate,
    roi,
    sign_changes,
)


def test_npv_office_building_of_brealey_myers() -> None:
    """Brealey, Myers & Allen, Principles of Corporate Finance, ch. 2: a building costing
    $700,000 sells for $800,000 in a year; at 7 % its PV is $747,664 and its NPV $47,664."""
    value = npv(0.07, [-700_000, 800_000])
    assert round(value) == 47_664
    assert round(value + 700_000) == 747_664


def test_npv_does_not_discount_period_zero() -> None:
    assert npv(0.5, [-100]) == -100


def test_irr_of_brealey_myers_two_year_project() -> None:
    """Brealey, Myers & Allen, ch. 5: C0 = -4,000, C1 = +2,000, C2 = +4,000 has an IRR of
    28.08 % (CONTRACT's example `irr 0.281`)."""
    found = irr([-4000, 2000, 4000], near=0.10)
    assert found.value is not None
    assert round(found.value * 100, 2) == 28.08
    assert found.why == ""
    assert abs(npv(found.value, [-4000, 2000, 4000])) < 1e-6


def test_irr_with_two_sign_changes_finds_both_roots_and_chooses_the_nearest() -> None:
    """Brealey, Myers & Allen, ch. 5 ("multiple rates of return"): -1,600, +10,000, -10,000
    has NPV zero at both 25 % and 400 %."""
    flows = [-1600, 10_000, -10_000]
    near_low = irr(flows, near=0.10)
    assert [round(root, 6) for root in near_low.roots] == [0.25, 4.0]
    assert near_low.value == pytest.approx(0.25)
    assert "several rates make NPV zero (25 %, 400 %)" in near_low.why
    assert irr(flows, near=3.0).value == pytest.approx(4.0)
    assert abs(npv(near_low.value or 0, flows)) < 1e-6


def test_irr_without_a_sign_change_is_none_with_a_reason() -> None:
    found = irr([-100, -50, -10])
    assert found.value is None
    assert found.why == "the flows never change sign, so no rate makes NPV zero"
    assert sign_changes([-100, 0, 50, -1]) == 2


def test_roi_and_no_cost() -> None:
    """ROI = (benefit - cost) / cost: Investopedia's example, $1,000 invested returning
    $1,200... a net gain of $200 is a 20 % ROI."""
    assert roi(1200, 1000) == pytest.approx(0.2)
    assert roi(50, 0) is None


def test_payback_interpolates_within_the_period() -> None:
    """CFI's payback period example: $1m invested, $250,000 a year back... pays back in
    4 years; with $300,000 a year in 3.33 years (interpolated)."""
    assert payback([-1_000_000] + [250_000] * 6) == pytest.approx(4.0)
    assert payback([-1_000_000] + [300_000] * 6) == pytest.approx(3 + 100_000 / 300_000)


def test_flows_that_never_pay_back() -> None:
    case = option_case(0.08, [1000, 100, 100], [0, 300, 300])
    assert case.payback is None
    assert case.discounted_payback is None
    assert case.why["payback"] == "the cumulative flows never get back to zero"
    assert case.roi == pytest.approx((600 - 1200) / 1200)


def test_discounted_payback_is_later_than_simple_payback() -> None:
    case = option_case(0.10, [1000, 0, 0, 0], [0, 500, 500, 500])
    assert case.payback == pytest.approx(2.0)
    # Discounted at 10 %: 454.55, 413.22 (867.77 by the end of year 2), 375.66 in year 3.
    owed = 1000 - 500 / 1.1 - 500 / 1.21
    assert case.discounted_payback == pytest.approx(2 + owed / (500 / 1.331))
    assert case.npv == pytest.approx(-1000 + 500 / 1.1 + 500 / 1.21 + 500 / 1.331)
    assert case.total_cost == 1000 and case.total_benefit == 1500


def test_quarterly_rate_compounds_to_the_yearly_rate() -> None:
    assert (1 + per_period_rate(0.08, 4)) ** 4 == pytest.approx(1.08)
