"""Tests for pmtui.domain.scoring: weighted totals, ranks, TCO, sensitivity, approval."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.domain.scoring import (
    ComparisonResult,
    Quote,
    check_decision,
    competition_ranks,
    score_comparison,
    sensitivity,
    to_json,
)

# Guffey & Loewy car matrix, table 2 (weights 4, 5, 3, 2, 4, 3; scores 1..5).
CAR_CRITERIA = [
    ("Price", 4),
    ("Cargo", 5),
    ("Fuel", 3),
    ("Comfort", 2),
    ("Look", 4),
    ("Quality", 3),
]
CAR_SCORES = {
    "Station wagon": [3, 4, 3, 4, 1, 2],
    "4-door sedan": [4, 2, 5, 3, 1, 4],
    "SUV": [1, 5, 1, 4, 3, 2],
    "Sports car": [1, 1, 1, 1, 5, 4],
}

# MYH Inc. second table (weights as fractions, scores 0..100).
MYH_CRITERIA = [
    ("Supports business objectives", 0.35),
    ("Customer support", 0.22),
    ("Shorter implementation period", 0.18),
    ("Tax incentives", 0.25),
]
MYH_SCORES = {
    "Project 1": [90, 65, 85, 50],
    "Project 2": [80, 70, 60, 60],
    "Project 3": [80, 15, 40, 55],
    "Project 4": [85, 5, 15, 40],
}


def grid(
    criteria: Sequence[tuple[str, float]], rows: Mapping[str, Sequence[float]]
) -> dict[tuple[str, str], float]:
    """Scores keyed (vendor, criterion) from one row of scores per vendor."""
    return {
        (vendor, name): score
        for vendor, row in rows.items()
        for (name, _), score in zip(criteria, row, strict=True)
    }


def totals_by_name(result: ComparisonResult) -> dict[str, float]:
    return {vendor.name: vendor.weighted_total for vendor in result.vendors}


# Two criteria, hand-checked for sensitivity: A = 4*5 + 2*1 = 22 leads B = 4*2 + 2*5 = 18.
SIMPLE_CRITERIA = [("Price", 4.0), ("Support", 2.0)]
SIMPLE_SCORES = grid(SIMPLE_CRITERIA, {"A": [5, 1], "B": [2, 5]})


class TestPublishedExamples:
    """Published weighted-scoring worked examples, reproduced (or corrected)."""

    def test_car_matrix_with_unnormalised_weights_matches_published_totals(self) -> None:
        """Mary Ellen Guffey & Dana Loewy, Business Communication: Process and Product,
        exercise "Buying a Car: Create a Decision Matrix"; worked answer, Table 2 "Weighted
        Matrix", https://tutorsglobe.com/question/then-consider-which-weights-are-probably-most-important-to-51216065.aspx
        Weights 4, 5, 3, 2, 4, 3 (sum 21, not 100), scores 1-5. Printed totals: station
        wagon 59, 4-door sedan 63, SUV 58, sports car 46.
        """
        result = score_comparison(CAR_CRITERIA, list(CAR_SCORES), grid(CAR_CRITERIA, CAR_SCORES))
        assert totals_by_name(result) == {
            "4-door sedan": 63,
            "Station wagon": 59,
            "SUV": 58,
            "Sports car": 46,
        }

    def test_car_matrix_ranks_sedan_first_and_names_it_winner(self) -> None:
        """Guffey & Loewy car matrix (source above): the sedan, 63, ranks first."""
        result = score_comparison(CAR_CRITERIA, list(CAR_SCORES), grid(CAR_CRITERIA, CAR_SCORES))
        assert [(v.name, v.rank) for v in result.vendors] == [
            ("4-door sedan", 1),
            ("Station wagon", 2),
            ("SUV", 3),
            ("Sports car", 4),
        ]
        assert result.winner == "4-door sedan"

    def test_car_matrix_normalises_by_sum_of_weights_times_scale(self) -> None:
        """Guffey & Loewy car matrix (source above): 63 / (21 x 5) = 0.6."""
        result = score_comparison(CAR_CRITERIA, list(CAR_SCORES), grid(CAR_CRITERIA, CAR_SCORES))
        assert result.vendors[0].normalised == pytest.approx(0.6)

    def test_zero_to_ten_scale_with_multiplier_weights_matches_published_totals(self) -> None:
        """data-migration-tools.com, software-selection guide, section "The Solution:
        Weighted Category Scoring", example "The Security-First Company",
        https://data-migration-tools.com/?p=3786 . Weights are multipliers (Security 1.5,
        UX 0.8), scores out of 10. Printed: Vendor A (UX 10, Security 5) 15.5; Vendor B
        (UX 6, Security 10) 19.8, "Vendor B wins".
        """
        criteria = [("UX", 0.8), ("Security", 1.5)]
        scores = grid(criteria, {"Vendor A": [10, 5], "Vendor B": [6, 10]})
        result = score_comparison(criteria, ["Vendor A", "Vendor B"], scores, scale=10)
        assert totals_by_name(result) == pytest.approx({"Vendor A": 15.5, "Vendor B": 19.8})
        assert result.winner == "Vendor B"

    def test_percent_weights_on_hundred_point_scale_match_published_totals(self) -> None:
        """ "Weighted Scoring Model for MYH Inc.", PrimeEssays sample essay (no author given),
        https://samples.primeessays.com/business/weighted-scoring-model.html , first table.
        Weights 10/25/25/15/10/15 %, scores 0-100. Printed: Project 1 79, Project 2 78.5,
        Project 3 55, Project 4 36.5 (all correct).
        """
        criteria = [
            ("Tie to business strategy", 0.10),
            ("Upfront costs", 0.25),
            ("Potential net savings", 0.25),
            ("Realistic technology", 0.15),
            ("In-house expertise", 0.10),
            ("Potential resistance", 0.15),
        ]
        rows = {
            "Project 1": [90, 70, 90, 90, 90, 50],
            "Project 2": [90, 80, 70, 70, 80, 90],
            "Project 3": [90, 20, 50, 60, 60, 90],
            "Project 4": [90, 10, 20, 50, 50, 50],
        }
        result = score_comparison(criteria, list(rows), grid(criteria, rows), scale=100)
        assert totals_by_name(result) == pytest.approx(
            {"Project 1": 79, "Project 2": 78.5, "Project 3": 55, "Project 4": 36.5}
        )

    def test_published_misaddition_is_not_reproduced(self) -> None:
        """Same MYH Inc. page (source above), second table: weights 35/22/18/25 %, Project 1
        scores 90, 65, 85, 50. The page prints 66.1 for Project 1, which would put Project 2
        (69.2) first. The right figure is 31.5 + 14.3 + 15.3 + 12.5 = 73.6, so Project 1
        ranks first. (Its other totals, 69.2, 52.25 and 43.55, are correct.)
        """
        result = score_comparison(
            MYH_CRITERIA, list(MYH_SCORES), grid(MYH_CRITERIA, MYH_SCORES), scale=100
        )
        totals = totals_by_name(result)
        assert totals["Project 1"] == pytest.approx(73.6)
        assert totals["Project 1"] != pytest.approx(66.1)
        assert totals == pytest.approx(
            {"Project 1": 73.6, "Project 2": 69.2, "Project 3": 52.25, "Project 4": 43.55}
        )
        assert result.winner == "Project 1"


class TestRanks:
    """Competition ranking ("1224") and the winner rule."""

    def test_two_equal_leaders_share_rank_one_and_the_next_is_three(self) -> None:
        assert competition_ranks([7.0, 7.0, 3.0]) == [1, 1, 3]

    def test_ranks_follow_input_order_not_sorted_order(self) -> None:
        assert competition_ranks([3.0, 5.0, 5.0, 1.0]) == [3, 1, 1, 4]

    def test_values_differing_only_by_rounding_tie(self) -> None:
        assert competition_ranks([0.1 + 0.2, 0.3, 0.2]) == [1, 1, 3]

    def test_tied_vendors_rank_one_one_three_in_the_comparison(self) -> None:
        criteria = [("Fit", 1.0), ("Cost", 1.0)]
        scores = grid(criteria, {"Beta": [4, 2], "Alpha": [2, 4], "Gamma": [1, 1]})
        result = score_comparison(criteria, ["Beta", "Alpha", "Gamma"], scores)
        assert [(v.name, v.rank) for v in result.vendors] == [
            ("Alpha", 1),
            ("Beta", 1),
            ("Gamma", 3),
        ]

    def test_tie_for_first_leaves_no_winner_and_says_why(self) -> None:
        criteria = [("Fit", 1.0), ("Cost", 1.0)]
        scores = grid(criteria, {"Beta": [4, 2], "Alpha": [2, 4], "Gamma": [1, 1]})
        result = score_comparison(criteria, ["Beta", "Alpha", "Gamma"], scores)
        assert result.winner is None
        assert result.why == {"winner": "Alpha and Beta tie for first"}

    def test_tie_below_first_place_keeps_the_winner(self) -> None:
        criteria = [("Fit", 1.0)]
        scores = grid(criteria, {"A": [5], "B": [3], "C": [3]})
        result = score_comparison(criteria, ["A", "B", "C"], scores)
        assert result.winner == "A"
        assert [v.rank for v in result.vendors] == [1, 2, 2]

    def test_normalised_is_a_fraction_reaching_one_for_full_marks(self) -> None:
        criteria = [("Fit", 3.0), ("Cost", 7.0)]
        scores = grid(criteria, {"Top": [10, 10], "Half": [5, 5]})
        result = score_comparison(criteria, ["Top", "Half"], scores, scale=10)
        assert [v.normalised for v in result.vendors] == [1.0, 0.5]


class TestMissingScores:
    """A missing score counts nothing, is listed, and withholds the winner."""

    def scored(self) -> ComparisonResult:
        criteria = [("Fit", 2.0), ("Cost", 1.0), ("Support", 1.0)]
        scores = {("A", "Fit"): 5.0, ("A", "Cost"): 4.0, ("B", "Cost"): 1.0}
        return score_comparison(criteria, ["A", "B"], scores)

    def test_missing_score_counts_as_zero_in_the_total(self) -> None:
        assert totals_by_name(self.scored()) == {"A": 14.0, "B": 1.0}

    def test_missing_criteria_are_listed_per_vendor_in_criteria_order(self) -> None:
        result = self.scored()
        missing = {v.name: v.missing for v in result.vendors}
        assert missing == {"A": ("Support",), "B": ("Fit", "Support")}

    def test_missing_score_makes_the_comparison_incomplete_without_winner(self) -> None:
        result = self.scored()
        assert result.complete is False
        assert result.winner is None
        assert result.why == {"winner": "scores missing: A (Support); B (Fit, Support)"}

    def test_normalised_keeps_the_full_denominator_when_scores_are_missing(self) -> None:
        result = self.scored()
        assert result.vendors[0].normalised == pytest.approx(14 / 20)


class TestVendorsAndCosts:
    """Who counts as a vendor, TCO over the horizon, value per unit of TCO."""

    def test_vendors_with_a_score_or_quote_join_the_candidates(self) -> None:
        criteria = [("Fit", 1.0)]
        result = score_comparison(
            criteria,
            ["Listed"],
            {("Scored", "Fit"): 3.0},
            quotes=[Quote("Quoted", "Licence", 100.0)],
        )
        assert sorted(v.name for v in result.vendors) == ["Listed", "Quoted", "Scored"]

    def test_tco_is_one_off_plus_recurring_times_horizon_summed_over_quotes(self) -> None:
        quotes = [
            Quote("A", "Implementation", one_off=12_000.0),
            Quote("A", "Subscription", recurring_per_year=3_000.0),
            Quote("A", "Hardware", one_off=500.0, recurring_per_year=100.0),
        ]
        result = score_comparison([("Fit", 1.0)], ["A"], {}, quotes=quotes, horizon_years=3)
        assert result.vendors[0].tco == 12_000 + 3 * 3_000 + 500 + 3 * 100

    def test_value_is_normalised_score_per_unit_of_tco(self) -> None:
        quotes = [Quote("A", "Licence", one_off=2_000.0)]
        result = score_comparison([("Fit", 1.0)], ["A"], {("A", "Fit"): 4.0}, quotes=quotes)
        assert result.vendors[0].value == pytest.approx(0.8 / 2_000)

    def test_no_quotes_leaves_tco_and_value_undefined_with_reason(self) -> None:
        result = score_comparison([("Fit", 1.0)], ["A"], {("A", "Fit"): 4.0})
        vendor = result.vendors[0]
        assert (vendor.tco, vendor.value) == (None, None)
        assert vendor.why == {"tco": "no quotes", "value": "no quotes"}

    def test_zero_tco_leaves_value_undefined_with_reason(self) -> None:
        quotes = [Quote("A", "Open-source edition")]
        result = score_comparison([("Fit", 1.0)], ["A"], {("A", "Fit"): 4.0}, quotes=quotes)
        vendor = result.vendors[0]
        assert (vendor.tco, vendor.value) == (0.0, None)
        assert vendor.why == {"value": "TCO is 0"}

    def test_no_criteria_leaves_normalised_and_winner_undefined(self) -> None:
        result = score_comparison([], ["A"], {})
        assert result.vendors[0].normalised is None
        assert (result.winner, result.why) == (None, {"winner": "no criteria"})


class TestSensitivity:
    """Exact weight at which the leader is overtaken, per criterion."""

    def test_raising_a_weight_flips_at_the_hand_computed_crossing(self) -> None:
        """Support weight w: A = 20 + w, B = 8 + 5w; level at 4w = 12, w = 3 = 1.5 x 2."""
        result = {s.criterion: s for s in sensitivity(SIMPLE_CRITERIA, ["A", "B"], SIMPLE_SCORES)}
        support = result["Support"]
        assert (support.flip_weight, support.flip_ratio, support.overtaker) == (3.0, 1.5, "B")
        assert support.robust is False

    def test_lowering_a_weight_flips_at_the_hand_computed_crossing(self) -> None:
        """Price weight w: A = 2 + 5w, B = 10 + 2w; level at 3w = 8, w = 8/3 = 2/3 x 4."""
        result = {s.criterion: s for s in sensitivity(SIMPLE_CRITERIA, ["A", "B"], SIMPLE_SCORES)}
        price = result["Price"]
        assert price.flip_weight == pytest.approx(8 / 3)
        assert price.flip_ratio == pytest.approx(2 / 3)
        assert price.overtaker == "B"

    def test_nearest_crossing_wins_when_both_directions_flip(self) -> None:
        """X weight w (others fixed): L = 10 + 3w, H = 7 + 5w, D = 11.5 + w. H draws level at
        w = 1.5 (distance 0.5), D at w = 0.75 (distance 0.25): D, lowering, is nearer."""
        criteria = [("X", 1.0), ("Y", 2.0)]
        scores = grid(criteria, {"L": [3, 5], "H": [5, 3.5], "D": [1, 5.75]})
        x = sensitivity(criteria, ["L", "H", "D"], scores, scale=10)[0]
        assert (x.flip_weight, x.flip_ratio, x.overtaker) == (0.75, 0.75, "D")

    def test_of_two_vendors_level_at_the_same_weight_the_faster_gainer_overtakes(self) -> None:
        """X weight w: L = 10 + w, Alpha = 8 + 2w, Zeta = 6 + 3w; both draw level with L at
        w = 2, and past it Zeta (gaining 3 per unit) leads Alpha (gaining 2)."""
        criteria = [("X", 1.0), ("Y", 2.0)]
        scores = grid(criteria, {"L": [1, 5], "Alpha": [2, 4], "Zeta": [3, 3]})
        x = sensitivity(criteria, ["L", "Alpha", "Zeta"], scores, scale=10)[0]
        assert (x.flip_weight, x.overtaker) == (2.0, "Zeta")

    def test_dominant_leader_is_robust(self) -> None:
        criteria = [("Fit", 3.0), ("Cost", 1.0)]
        scores = grid(criteria, {"A": [5, 5], "B": [4, 2]})
        results = sensitivity(criteria, ["A", "B"], scores)
        assert [(s.robust, s.flip_weight, s.overtaker) for s in results] == [
            (True, None, None),
            (True, None, None),
        ]

    def test_crossing_beyond_ten_times_the_weight_is_robust(self) -> None:
        """Cost weight w: A = 30 + w, B = 19 + 2w; level at w = 11, beyond 10 x 1."""
        criteria = [("Fit", 10.0), ("Cost", 1.0)]
        scores = grid(criteria, {"A": [3, 1], "B": [1.9, 2]})
        cost = sensitivity(criteria, ["A", "B"], scores)[1]
        assert cost.robust is True
        assert cost.flip_weight is None

    def test_tie_for_first_has_no_leader_to_overtake(self) -> None:
        criteria = [("Fit", 1.0), ("Cost", 1.0)]
        scores = grid(criteria, {"A": [4, 2], "B": [2, 4]})
        fit = sensitivity(criteria, ["A", "B"], scores)[0]
        assert (fit.robust, fit.flip_weight) == (False, None)
        assert fit.why == "no single leader: A and B tie for first"

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(st.integers(1, 9), min_size=1, max_size=3),
        st.lists(st.lists(st.integers(0, 5), min_size=3, max_size=3), min_size=2, max_size=4),
    )
    def test_flip_weight_agrees_with_evaluating_totals_around_it(
        self, weights: list[int], rows: list[list[int]]
    ) -> None:
        """Checks the analytic answer by evaluating the totals (the test may sample)."""
        criteria = [(f"C{i}", float(w)) for i, w in enumerate(weights)]
        table = {f"V{i}": row[: len(criteria)] for i, row in enumerate(rows)}
        scores = grid(criteria, table)

        def overtakers(index: int, weight: float, leader: str) -> set[str]:
            """Vendors strictly ahead of leader when criterion index weighs weight."""
            moved = [weight if i == index else w for i, (_, w) in enumerate(criteria)]
            totals = {
                v: sum(w * s for w, s in zip(moved, r, strict=True)) for v, r in table.items()
            }
            return {v for v, t in totals.items() if t > totals[leader] + 1e-9}

        for index, entry in enumerate(sensitivity(criteria, list(table), scores)):
            current = criteria[index][1]
            totals_now = {
                v: sum(w * s for (_, w), s in zip(criteria, r, strict=True))
                for v, r in table.items()
            }
            best = max(totals_now.values())
            leaders = [v for v, t in totals_now.items() if t > best - 1e-9]
            if len(leaders) > 1:
                assert entry.why is not None
                continue
            leader = leaders[0]
            samples = [current * k / 40 for k in range(401)]
            if entry.robust:
                assert not any(overtakers(index, w, leader) for w in samples)
                continue
            flip = entry.flip_weight
            assert flip is not None
            step = 1e-6 if flip > current else -1e-6
            past = overtakers(index, flip + step, leader)
            assert entry.overtaker in past
            nearer = [w for w in samples if abs(w - current) < abs(flip - current) - 1e-9]
            assert not any(overtakers(index, w, leader) for w in nearer)


class TestValidation:
    """Bad inputs raise ValueError with a message naming the problem."""

    def test_score_above_the_scale_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"'A' scores 6 on 'Fit'; scores run from 0 to 5"):
            score_comparison([("Fit", 1.0)], ["A"], {("A", "Fit"): 6})

    def test_negative_score_is_refused(self) -> None:
        with pytest.raises(ValueError, match="scores run from 0 to 10"):
            score_comparison([("Fit", 1.0)], ["A"], {("A", "Fit"): -1}, scale=10)

    def test_zero_weight_is_refused(self) -> None:
        with pytest.raises(ValueError, match="'Fit' needs a positive weight"):
            score_comparison([("Fit", 0.0)], ["A"], {})

    def test_negative_weight_is_refused(self) -> None:
        with pytest.raises(ValueError, match="'Fit' needs a positive weight"):
            score_comparison([("Fit", -2.0)], ["A"], {})

    def test_non_positive_scale_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"scale .* must be a positive number"):
            score_comparison([("Fit", 1.0)], ["A"], {}, scale=0)

    def test_score_for_unknown_criterion_is_refused(self) -> None:
        with pytest.raises(ValueError, match="unknown criterion 'Speed'"):
            score_comparison([("Fit", 1.0)], ["A"], {("A", "Speed"): 3})

    def test_repeated_criterion_is_refused(self) -> None:
        with pytest.raises(ValueError, match="'Fit' is listed twice"):
            score_comparison([("Fit", 1.0), ("Fit", 2.0)], ["A"], {})

    def test_negative_cost_is_refused(self) -> None:
        with pytest.raises(ValueError, match="costs cannot be negative"):
            score_comparison([("Fit", 1.0)], ["A"], {}, quotes=[Quote("A", "Rebate", -5.0)])

    def test_non_positive_horizon_is_refused(self) -> None:
        with pytest.raises(ValueError, match="horizon_years must be a positive number"):
            score_comparison([("Fit", 1.0)], ["A"], {}, horizon_years=0)


class TestCheckDecision:
    """The approver's limit must cover the chosen vendor's TCO."""

    def test_tco_within_the_limit_is_accepted(self) -> None:
        assert check_decision(9_999.0, 10_000.0) is None

    def test_tco_equal_to_the_limit_is_accepted(self) -> None:
        assert check_decision(0.1 + 0.2, 0.3) is None

    def test_tco_above_the_limit_is_refused_with_both_amounts(self) -> None:
        assert check_decision(12_500.0, 10_000.0) == (
            "the chosen vendor's TCO 12,500.00 exceeds the approver's limit 10,000.00"
        )

    def test_approver_without_a_limit_is_refused(self) -> None:
        assert check_decision(100.0, None) == "the approver (decided_by) has no approval limit"

    def test_unknown_tco_is_refused(self) -> None:
        assert check_decision(None, 10_000.0) == (
            "the chosen vendor has no quotes, so its TCO is unknown"
        )


class TestJson:
    """to_json gives CONTRACT.md's per-comparison vendors shape, unrounded."""

    def test_json_shape_and_values(self) -> None:
        criteria = [("Fit", 2.0), ("Cost", 1.0)]
        scores = {("A", "Fit"): 5.0, ("A", "Cost"): 1.0, ("B", "Fit"): 1.0}
        quotes = [Quote("A", "Licence", one_off=3.0)]
        data = to_json(score_comparison(criteria, ["A", "B"], scores, quotes=quotes))
        assert data == {
            "criteria": [{"name": "Fit", "weight": 2.0}, {"name": "Cost", "weight": 1.0}],
            "vendors": [
                {
                    "name": "A",
                    "weighted_total": 11.0,
                    "normalised": 11 / 15,
                    "rank": 1,
                    "tco": 3.0,
                    "missing": [],
                    "why": {},
                },
                {
                    "name": "B",
                    "weighted_total": 2.0,
                    "normalised": 2 / 15,
                    "rank": 2,
                    "tco": None,
                    "missing": ["Cost"],
                    "why": {"tco": "no quotes"},
                },
            ],
            "winner": None,
            "complete": False,
            "why": {"winner": "scores missing: B (Cost)"},
        }

    def test_json_serialises_without_infinity_or_nan(self) -> None:
        result = score_comparison([("Fit", 1.0)], ["A"], {}, quotes=[Quote("A", "Free")])
        text = json.dumps(to_json(result), allow_nan=False)
        assert '"tco": 0.0' in text
