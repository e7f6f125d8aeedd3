"""Stakeholder and communication maths: Mendelow's power/interest quadrant, when a recurring
communication is next due, and survey averages with their trend across surveys.

Pure functions of plain values; they never read the store or the clock (today is passed in).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pmtui.domain.recurrence import next_after

#: Power and interest are rated 1-5; a rating at or above this is "high". 3, the middle of
#: the scale, counts as high: a stakeholder of middling power is kept satisfied rather
#: than only monitored (PMBOK 6th ed. 13.1.2.5 draws the grid in halves; Mendelow 1991
#: leaves the cut to judgement, and erring toward attention is the safer side).
HIGH = 3

#: The four quadrants of the power/interest grid, in the order the grid draws them
#: (top row high power: keep satisfied | manage closely; bottom: monitor | keep informed).
MANAGE_CLOSELY = "manage closely"
KEEP_SATISFIED = "keep satisfied"
KEEP_INFORMED = "keep informed"
MONITOR = "monitor"
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)


def quadrant(power: int, interest: int, high: int = HIGH) -> str:
    """Mendelow's strategy for a stakeholder of `power` and `interest` (1-5 each): high
    power and interest: manage closely; high power only: keep satisfied; high interest
    only: keep informed; neither: monitor (minimal effort)."""
    powerful, interested = power >= high, interest >= high
    if powerful and interested:
        return MANAGE_CLOSELY
    if powerful:
        return KEEP_SATISFIED
    if interested:
        return KEEP_INFORMED
    return MONITOR


# ---------------------------------------------------------------- recurring communication


def next_due(rule: str, last_done: date | None, today: date) -> date:
    """When a communication repeating by `rule` (an RRULE of the recurrence grammar,
    pmtui.domain.recurrence, such as `FREQ=WEEKLY;BYDAY=MO`) is next due: the series'
    first date after the day it was last done, the series starting that day (so `weekly`
    means a week after it was last done); today when it was never done (it is due now).
    A rule that never occurs again (COUNT or UNTIL spent) leaves it due the day after."""
    if last_done is None:
        return today
    start = datetime(last_done.year, last_done.month, last_done.day)
    found = next_after(rule, start, "UTC", start)
    if found is None:
        return last_done + timedelta(days=1)
    return found.date()


# ---------------------------------------------------------------- surveys


@dataclass(frozen=True)
class Score:
    """One score given to one question: the value and how many answers it stands for (an
    aggregate row from a survey tool stands for many; a named respondent for one)."""

    question: str
    value: float
    count: int = 1


def averages(scores: Iterable[Score]) -> dict[str, float]:
    """question -> the average score, each row weighted by the answers it stands for."""
    total: dict[str, float] = {}
    counted: dict[str, int] = {}
    for score in scores:
        if score.count <= 0:
            continue
        total[score.question] = total.get(score.question, 0.0) + score.value * score.count
        counted[score.question] = counted.get(score.question, 0) + score.count
    return {question: total[question] / counted[question] for question in total}


@dataclass(frozen=True)
class SurveyAverages:
    """One survey's place in a trend: its key, when it was sent, its averages by question
    text (a question asked again in a later survey has the same text)."""

    survey: str
    sent_on: date | None
    by_text: dict[str, float]


def trends(surveys: Sequence[SurveyAverages]) -> dict[str, list[tuple[str, float]]]:
    """question text -> [(survey, average)] in the order the surveys were sent (unsent
    ones last, then by key); a survey without an answer to the question is left out."""
    ordered = sorted(surveys, key=lambda s: (s.sent_on is None, s.sent_on or date.min, s.survey))
    found: dict[str, list[tuple[str, float]]] = {}
    for survey in ordered:
        for text, average in survey.by_text.items():
            found.setdefault(text, []).append((survey.survey, average))
    return found


def same_question(text: str) -> str:
    """The form under which two question texts count as the same question (spacing and
    case aside)."""
    return " ".join(text.split()).casefold()


__all__ = [
    "HIGH",
    "KEEP_INFORMED",
    "KEEP_SATISFIED",
    "MANAGE_CLOSELY",
    "MONITOR",
    "QUADRANTS",
    "Score",
    "SurveyAverages",
    "averages",
    "next_due",
    "quadrant",
    "same_question",
    "trends",
]
