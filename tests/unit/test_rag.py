"""RAG by explicit rules (pmtui.domain.rag): each threshold on both sides, the worst of four,
and the manager's override. "Below" means strictly less: exactly 0.95 is green."""

from __future__ import annotations

import pytest

from pmtui.domain.rag import (
    SCOPE_RED_EVENTS,
    Rag,
    Rating,
    Thresholds,
    cost_rating,
    finish_rating,
    index_rating,
    override_of,
    risk_rating,
    schedule_rating,
    scope_rating,
    shown,
    worst,
)

DEFAULT = Thresholds()


class TestIndices:
    """SPI and CPI against amber 0.95 and red 0.85 (the project's spi_amber / spi_red)."""

    @pytest.mark.parametrize(
        ("value", "colour"),
        [
            (1.2, "green"),
            (0.95, "green"),  # exactly at amber: not below it
            (0.9499, "amber"),
            (0.85, "amber"),  # exactly at red: amber
            (0.8499, "red"),
            (0.0, "red"),
        ],
    )
    def test_spi_at_each_threshold(self, value: float, colour: str) -> None:
        assert index_rating("SPI", value, DEFAULT).colour == colour

    def test_cpi_uses_the_same_thresholds_and_says_which_it_crossed(self) -> None:
        rating = cost_rating(0.8, DEFAULT)
        assert rating == Rating("red", "CPI 0.80 is below 0.85")

    def test_project_thresholds_replace_the_defaults(self) -> None:
        own = Thresholds.of({"spi_amber": 0.9, "spi_red": 0.8})
        assert index_rating("SPI", 0.92, own).colour == "green"
        assert index_rating("SPI", 0.85, own).colour == "amber"
        assert index_rating("SPI", 0.79, own).colour == "red"

    def test_an_undefined_cpi_has_no_colour_and_says_why(self) -> None:
        rating = cost_rating(None, DEFAULT)
        assert rating.colour is None and "no CPI" in rating.reason

    def test_a_value_just_under_the_threshold_never_reads_as_the_threshold(self) -> None:
        assert shown(0.948, 0.95) == "0.948"
        assert index_rating("SPI", 0.948, DEFAULT).reason == "SPI 0.948 is below 0.95"
        assert shown(0.93, 0.95) == "0.93"


class TestFinish:
    """The critical path's finish against the target: late > 0 wd amber; red beyond
    schedule_red_days (10) or schedule_red_percent (10 %) of the working days left."""

    def test_on_or_before_the_target_is_green(self) -> None:
        assert finish_rating(0, 100, DEFAULT).colour == "green"
        assert "3 working days early" in finish_rating(-3, 100, DEFAULT).reason

    def test_one_day_late_with_plenty_left_is_amber(self) -> None:
        assert finish_rating(1, 200, DEFAULT) == Rating(
            "amber", "the critical path finishes 1 working day after the target finish"
        )

    def test_exactly_ten_days_late_is_amber_eleven_is_red(self) -> None:
        assert finish_rating(10, 200, DEFAULT).colour == "amber"
        assert finish_rating(11, 200, DEFAULT).colour == "red"

    def test_more_than_ten_percent_of_the_time_left_is_red(self) -> None:
        # 50 working days left: 10 % is 5; 5 late is amber, 6 late red.
        assert finish_rating(5, 50, DEFAULT).colour == "amber"
        red = finish_rating(6, 50, DEFAULT)
        assert red.colour == "red" and "10 % of the 50 working days left" in red.reason

    def test_the_percent_is_a_setting(self) -> None:
        own = Thresholds.of({"schedule_red_percent": 20})
        assert finish_rating(6, 50, own).colour == "amber"

    def test_late_after_the_target_date_passed_is_red(self) -> None:
        assert finish_rating(1, 0, DEFAULT).colour == "red"

    def test_schedule_is_the_worse_of_spi_and_finish_with_both_reasons(self) -> None:
        rating = schedule_rating(0.9, 12, 200, DEFAULT)
        assert rating.colour == "red"
        assert rating.reason.startswith("the critical path finishes 12 working days")
        assert rating.reason.endswith("SPI 0.90 is below 0.95")

    def test_schedule_without_anything_to_judge_has_no_colour(self) -> None:
        assert schedule_rating(None, None, None, DEFAULT).colour is None


class TestScopeAndRisk:
    """Scope from approved scope changes and rejected deliverables since the last report;
    risk from high risks open and past their review."""

    def test_no_scope_event_is_green(self) -> None:
        assert scope_rating([], []).colour == "green"

    def test_one_or_two_events_are_amber_three_red(self) -> None:
        assert scope_rating(["Add VAT report"], []).colour == "amber"
        assert scope_rating(["A"], ["Blueprint"]).colour == "amber"
        assert SCOPE_RED_EVENTS == 3
        red = scope_rating(["A", "B"], ["Blueprint"])
        assert red.colour == "red"
        assert red.reason == (
            "2 approved scope changes (A, B) and 1 rejected deliverable (Blueprint) "
            "since the last report"
        )

    def test_a_high_risk_open_is_amber_past_its_review_red(self) -> None:
        assert risk_rating([], []).colour == "green"
        assert risk_rating(["Key users"], []).colour == "amber"
        assert risk_rating(["Key users"], ["Key users"]) == Rating(
            "red", "1 high risk (Key users) open past its review date"
        )


def _rag(**colours: str | None) -> Rag:
    def rating(name: str) -> Rating:
        return Rating(colours.get(name, "green"), f"{name} reason")

    return Rag(rating("schedule"), rating("cost"), rating("scope"), rating("risk"))


class TestOverall:
    """Overall is the worst of the four unless the manager overrides it."""

    def test_overall_is_the_worst_of_four(self) -> None:
        assert _rag().overall == "green"
        assert _rag(scope="amber").overall == "amber"
        assert _rag(scope="amber", cost="red").overall == "red"
        assert _rag(cost=None).overall == "green"  # not rated does not count
        assert worst([None, None]) is None

    def test_the_reason_names_the_worst_dimensions(self) -> None:
        assert (
            _rag(scope="red", risk="red").overall_reason() == "the worst of the four: scope, risk"
        )

    def test_an_override_wins_and_keeps_the_computed_colour_beside_it(self) -> None:
        rag = Rag(*_rag(risk="red").ratings.values(), override="amber", override_reason="Agreed")
        assert rag.overall == "amber" and rag.computed == "red"
        assert rag.to_json() == {
            "schedule": "green",
            "cost": "green",
            "scope": "green",
            "risk": "red",
            "overall": "amber",
            "override": "amber",
            "computed": "red",
        }
        assert rag.reasons()["overall"] == "set by the manager: Agreed (computed: red)"
        assert rag.reasons()["override"] == "Agreed"
        assert rag.shown() == "amber (set by the manager; computed red)"
        assert _rag(risk="red").shown() == "red"

    def test_an_empty_status_is_no_override(self) -> None:
        assert override_of(None, "old reason") == (None, "")
        assert override_of("", "") == (None, "")
        assert override_of("red", "Bank slot lost") == ("red", "Bank slot lost")
