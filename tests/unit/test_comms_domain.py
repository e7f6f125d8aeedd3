"""Comms maths: Mendelow's power/interest quadrants, when a recurring communication is next
due, and survey averages with trends across surveys."""

from __future__ import annotations

from datetime import date

import pytest

from pmtui.domain.comms import (
    Score,
    SurveyAverages,
    averages,
    next_due,
    quadrant,
    same_question,
    trends,
)


class TestQuadrant:
    """Mendelow (1991), 'Stakeholder mapping', Proc. 2nd Int. Conf. on Information Systems,
    and PMBOK Guide 6th ed. 13.1.2.5 (Data representation: power/interest grid): high power
    and high interest -> manage closely; high power, low interest -> keep satisfied; low
    power, high interest -> keep informed; low and low -> monitor. On the 1-5 ratings, 3 and
    above counts as high."""

    @pytest.mark.parametrize(
        ("power", "interest", "expected"),
        [
            (5, 5, "manage closely"),
            (3, 3, "manage closely"),
            (5, 2, "keep satisfied"),
            (3, 1, "keep satisfied"),
            (2, 5, "keep informed"),
            (1, 3, "keep informed"),
            (2, 2, "monitor"),
            (1, 1, "monitor"),
        ],
    )
    def test_each_corner_of_the_grid(self, power: int, interest: int, expected: str) -> None:
        assert quadrant(power, interest) == expected

    def test_the_threshold_can_be_raised(self) -> None:
        assert quadrant(3, 3, high=4) == "monitor"


class TestNextDue:
    """The frequency's first date after the day it was last done."""

    def test_weekly_counts_from_the_last_time(self) -> None:
        assert next_due("FREQ=WEEKLY", date(2026, 12, 2), date(2026, 12, 7)) == date(2026, 12, 9)

    def test_weekly_on_a_weekday_goes_to_the_next_one(self) -> None:
        # Done on Wednesday 2 December 2026; the next Friday is the 4th.
        rule = "FREQ=WEEKLY;BYDAY=FR"
        assert next_due(rule, date(2026, 12, 2), date(2026, 12, 7)) == date(2026, 12, 4)

    def test_done_on_its_day_moves_to_the_following_one(self) -> None:
        rule = "FREQ=WEEKLY;BYDAY=FR"
        assert next_due(rule, date(2026, 12, 4), date(2026, 12, 7)) == date(2026, 12, 11)

    def test_monthly_and_every_two_weeks(self) -> None:
        assert next_due("FREQ=MONTHLY", date(2026, 10, 28), date(2026, 12, 7)) == date(2026, 11, 28)
        assert next_due("FREQ=WEEKLY;INTERVAL=2", date(2026, 12, 1), date(2026, 12, 7)) == (
            date(2026, 12, 15)
        )

    def test_never_done_is_due_today(self) -> None:
        assert next_due("FREQ=MONTHLY", None, date(2026, 12, 7)) == date(2026, 12, 7)


class TestSurveys:
    """Averages weight an aggregate by the answers it stands for; trends follow sent dates."""

    def test_average_of_named_scores(self) -> None:
        found = averages([Score("Q1", 4), Score("Q1", 3), Score("Q2", 5)])
        assert found == {"Q1": 3.5, "Q2": 5.0}

    def test_an_aggregate_weighs_as_its_answers(self) -> None:
        # 18 answers averaging 3.0 and one answer of 5: (54 + 5) / 19.
        found = averages([Score("Q1", 3.0, 18), Score("Q1", 5)])
        assert found["Q1"] == pytest.approx(59 / 19)

    def test_trend_in_order_sent_whatever_the_input_order(self) -> None:
        later = SurveyAverages("SV2", date(2026, 11, 1), {"know": 3.4, "trust": 3.0})
        earlier = SurveyAverages("SV1", date(2026, 9, 1), {"know": 2.6})
        assert trends([later, earlier]) == {
            "know": [("SV1", 2.6), ("SV2", 3.4)],
            "trust": [("SV2", 3.0)],
        }

    def test_same_question_ignores_case_and_spacing(self) -> None:
        assert same_question("I  know what changes ") == same_question("i know what changes")
