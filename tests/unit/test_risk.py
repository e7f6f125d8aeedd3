"""Risk scoring against the published PMBOK probability-impact matrix, levels, settings."""

from __future__ import annotations

import pytest

from pmtui.domain.risk import RiskMatrix, check_matrix_settings, matrix_of, parse_values

#: PMBOK Guide, 4th ed. (PMI 2008), Figure 11-10 "Probability and Impact Matrix" (threats;
#: the same cells as the 3rd ed.'s matrix): rows are probability 0.90 down to 0.10, columns
#: impact 0.05, 0.10, 0.20, 0.40, 0.80; each cell as printed in the Guide.
PMBOK_FIGURE_11_10 = {
    0.9: (0.05, 0.09, 0.18, 0.36, 0.72),
    0.7: (0.04, 0.07, 0.14, 0.28, 0.56),
    0.5: (0.03, 0.05, 0.10, 0.20, 0.40),
    0.3: (0.02, 0.03, 0.06, 0.12, 0.24),
    0.1: (0.01, 0.01, 0.02, 0.04, 0.08),
}
PROBABILITY_RATING = {0.1: 1, 0.3: 2, 0.5: 3, 0.7: 4, 0.9: 5}


class TestPmbokMatrix:
    """The default matrix reproduces PMBOK's figure cell for cell."""

    @pytest.mark.parametrize("probability", sorted(PMBOK_FIGURE_11_10))
    def test_each_row_matches_the_published_figure(self, probability: float) -> None:
        matrix = RiskMatrix()
        row = tuple(matrix.score(PROBABILITY_RATING[probability], impact) for impact in range(1, 6))
        assert row == PMBOK_FIGURE_11_10[probability]

    def test_half_up_rounding_where_binary_round_fails(self) -> None:
        # 0.7 x 0.05 = 0.035 is 0.034999... in binary floats: round() gives 0.03.
        assert round(0.7 * 0.05, 2) == 0.03
        assert RiskMatrix().score(4, 1) == 0.04

    def test_score_exact_is_the_unrounded_product(self) -> None:
        assert RiskMatrix().exact(4, 1) == pytest.approx(0.035)
        assert RiskMatrix().exact(4, 3) == pytest.approx(0.14)

    def test_levels_follow_the_thresholds(self) -> None:
        matrix = RiskMatrix()
        assert [matrix.cell_level(4, i) for i in range(1, 6)] == [
            "low",
            "medium",
            "medium",
            "high",
            "high",
        ]

    def test_a_rating_outside_1_to_5_is_refused(self) -> None:
        with pytest.raises(ValueError, match="probability 6 is not a rating from 1 to 5"):
            RiskMatrix().score(6, 1)


class TestProjectSettings:
    """The project chooses its values, thresholds, or the plain 1-25 product."""

    def test_product_scale_scores_the_ratings(self) -> None:
        matrix = matrix_of({"risk_scale": "product"})
        assert (matrix.score(4, 3), matrix.level(12), matrix.level(4)) == (12.0, "high", "low")

    def test_own_values_and_thresholds(self) -> None:
        matrix = matrix_of(
            {"risk_impact_values": "0.1 0.2 0.3 0.4 0.5", "risk_medium": 0.1, "risk_high": 0.3}
        )
        assert (matrix.score(5, 5), matrix.level(0.45), matrix.level(0.09)) == (
            0.45,
            "high",
            "low",
        )

    def test_values_must_increase(self) -> None:
        with pytest.raises(ValueError, match="values must increase"):
            parse_values("0.1, 0.3, 0.2, 0.7, 0.9")

    def test_bad_settings_are_named(self) -> None:
        problems = check_matrix_settings({"risk_probability_values": "0.1 0.2", "risk_high": 1})
        assert problems == {
            "risk_probability_values": "give five values, one per rating 1-5 (got 2)"
        }
        assert check_matrix_settings({"risk_medium": 0.3, "risk_high": 0.2}) == {
            "risk_high": "0.2 is not above the medium threshold 0.3"
        }
