"""The Comms area's read models, computed fields and rules across records (pmtui.tables
attaches RULES and COMPUTED): a stakeholder's quadrant, a plan entry's next due date, a
need delivered once its deliverable is accepted, and survey averages with their trends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pmtui.changes import Writer
from pmtui.context import Context
from pmtui.domain.comms import (
    QUADRANTS,
    Score,
    SurveyAverages,
    averages,
    next_due,
    quadrant,
    same_question,
    trends,
)
from pmtui.records.stakeholders import DECISION_DAYS
from pmtui.schema import Reader, Record

Errors = dict[int, dict[str, str]]


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- stakeholders


@dataclass(frozen=True)
class Placed:
    """A stakeholder on the power/interest grid."""

    key: str
    name: str
    power: int
    interest: int
    quadrant: str


def placed(record: Record) -> Placed | None:
    """A stakeholder with both ratings, placed in its quadrant; None without them."""
    power, interest = record.get("power"), record.get("interest")
    if not isinstance(power, int) or not isinstance(interest, int):
        return None
    name = str(record.get("name") or record["key"])
    return Placed(str(record["key"]), name, power, interest, quadrant(power, interest))


def grid(reader: Reader) -> dict[str, list[Placed]]:
    """quadrant -> its stakeholders, most powerful and interested first (then by name)."""
    found: dict[str, list[Placed]] = {name: [] for name in QUADRANTS}
    for record in reader.records("stakeholders"):
        if (where := placed(record)) is not None:
            found[where.quadrant].append(where)
    for names in found.values():
        names.sort(key=lambda p: (-(p.power + p.interest), p.name.casefold(), p.key))
    return found


def stakeholder_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: each rated stakeholder's quadrant."""
    return {
        where.key: {"quadrant": where.quadrant}
        for record in records
        if (where := placed(record)) is not None
    }


# ---------------------------------------------------------------- the communication plan


def entry_next_due(record: Record, today: date) -> date | None:
    """When a plan entry is next due (None when its frequency cannot be read)."""
    rule = record.get("frequency")
    if not rule:
        return None
    try:
        return next_due(str(rule), _date(record.get("last_done")), today)
    except (ValueError, TypeError):
        return None


def comm_plan_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: each entry's next due date."""
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        due = entry_next_due(record, ctx.today)
        out[str(record["key"])] = {"next_due": due.isoformat() if due else None}
    return out


# ---------------------------------------------------------------- needs


def _accepted_deliverables(reader: Reader) -> set[str]:
    return {str(d["key"]) for d in reader.records("deliverables") if d.get("status") == "accepted"}


def need_columns(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """Computed: a need whose deliverable is accepted shows as delivered; a new need its
    decide-by date (a week after it was raised) and the days it has waited."""
    accepted = _accepted_deliverables(ctx) if records else set()
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        values: dict[str, Any] = {}
        status = record.get("status") or "new"
        if record.get("deliverable") in accepted and status != "rejected":
            values["status"] = status = "delivered"
        raised = _date(record.get("raised_on"))
        if status == "new" and raised is not None:
            values["decide_by"] = (raised + timedelta(days=DECISION_DAYS)).isoformat()
            values["waiting_days"] = (ctx.today - raised).days
        if values:
            out[str(record["key"])] = values
    return out


def need_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A need linked to a deliverable is delivered when that deliverable is accepted, not
    before: marking it delivered earlier is refused."""
    if not any(r.get("status") == "delivered" and r.get("deliverable") for r in records):
        return {}
    accepted = _accepted_deliverables(ctx)
    errors: Errors = {}
    for index, record in enumerate(records):
        linked = record.get("deliverable")
        if record.get("status") == "delivered" and linked and linked not in accepted:
            title = (ctx.get("deliverables", str(linked)) or {}).get("title") or linked
            errors[index] = {
                "status": f"is delivered once deliverable {title} is accepted; it is not yet"
            }
    return errors


# ---------------------------------------------------------------- surveys


@dataclass(frozen=True)
class QuestionResult:
    """One question of one survey: its text, scale, average score and answers counted,
    and its averages across the surveys that asked the same text, in the order sent."""

    key: str
    text: str
    scale: int
    average: float | None
    answers: int
    trend: tuple[float, ...]


@dataclass(frozen=True)
class SurveyResult:
    """A survey with its questions' results, and how many respondents answered."""

    key: str
    title: str
    sent_on: str | None
    closes_on: str | None
    respondents: int
    questions: tuple[QuestionResult, ...]


def survey_results(reader: Reader) -> list[SurveyResult]:
    """Every survey in the order sent, each question with its average and trend."""
    surveys = reader.records("surveys")
    questions = reader.records("survey_questions")
    survey_of = {str(q["key"]): str(q.get("survey")) for q in questions}
    scores: dict[str, list[Score]] = {}
    respondents: dict[str, set[str]] = {}
    for row in reader.records("survey_responses"):
        question, value = str(row.get("question")), row.get("score")
        asked_in = survey_of.get(question)
        if not isinstance(value, int | float) or asked_in is None:
            continue
        count = row["count"] if isinstance(row.get("count"), int) else 1
        scores.setdefault(asked_in, []).append(Score(question, float(value), count))
        if row.get("respondent"):
            respondents.setdefault(asked_in, set()).add(str(row["respondent"]))
    by_survey = {asked_in: averages(found) for asked_in, found in scores.items()}
    answered: dict[str, int] = {}
    for found in scores.values():
        for score in found:
            answered[score.question] = answered.get(score.question, 0) + score.count
    text_of = {str(q["key"]): same_question(str(q.get("text") or "")) for q in questions}
    series = trends(
        [
            SurveyAverages(
                str(s["key"]),
                _date(s.get("sent_on")),
                {text_of[q]: mean for q, mean in by_survey.get(str(s["key"]), {}).items()},
            )
            for s in surveys
        ]
    )
    ordered = sorted(
        surveys, key=lambda s: (not s.get("sent_on"), str(s.get("sent_on") or ""), str(s["key"]))
    )
    place = {str(s["key"]): n for n, s in enumerate(ordered)}
    results = []
    for survey in ordered:
        key = str(survey["key"])
        rows = []
        for asked in (q for q in questions if q.get("survey") == key):
            qkey = str(asked["key"])
            # The trend as far as this survey: later surveys are not yet part of its story.
            upto = [mean for s, mean in series.get(text_of[qkey], []) if place[s] <= place[key]]
            rows.append(
                QuestionResult(
                    qkey,
                    str(asked.get("text") or ""),
                    int(asked.get("scale") or 5),
                    by_survey.get(key, {}).get(qkey),
                    answered.get(qkey, 0),
                    tuple(upto),
                )
            )
        sent = _date(survey.get("sent_on"))
        results.append(
            SurveyResult(
                key,
                str(survey.get("title") or key),
                sent.isoformat() if sent else None,
                str(survey["closes_on"]) if survey.get("closes_on") else None,
                len(respondents.get(key, set())),
                tuple(rows),
            )
        )
    return results


def response_rules(ctx: Context, records: Sequence[Record]) -> Errors:
    """A score lies within its question's scale; a respondent scores a question once."""
    questions = {str(q["key"]): q for q in ctx.records("survey_questions")}
    seen: dict[tuple[str, str], list[str]] = {}
    for other in ctx.records("survey_responses"):
        if other.get("respondent"):
            pair = (str(other["question"]), str(other["respondent"]))
            seen.setdefault(pair, []).append(str(other.get("key")))
    errors: Errors = {}
    for index, record in enumerate(records):
        question = questions.get(str(record.get("question")))
        if question is None:
            continue
        scale = int(question.get("scale") or 5)
        score = record.get("score")
        if isinstance(score, int | float) and not 1 <= score <= scale:
            errors[index] = {"score": f"{score:g} is outside the question's scale 1-{scale}"}
            continue
        respondent = record.get("respondent")
        if respondent:
            pair = (str(question["key"]), str(respondent))
            if [k for k in seen.get(pair, []) if k != str(record.get("key"))]:
                who = (ctx.get("stakeholders", str(respondent)) or {}).get("name") or respondent
                errors[index] = {
                    "respondent": f"{who} scored “{question.get('text')}” in this survey already"
                }
    return errors


RULES = {"needs": need_rules, "survey_responses": response_rules}
RULES_WATCH = {
    "needs": ("status", "deliverable"),
    "survey_responses": ("question", "respondent", "score"),
}


def ask_again(store: Writer, earlier: str, survey: str) -> list[Record]:
    """Ask survey `survey` the questions of survey `earlier` again (text and scale, in
    their order), those it does not ask yet, as one undo step: a pulse survey's trend
    follows a question by its text, so retyping it by hand would break the trend."""
    later = store.require("surveys", survey)
    questions = store.records("survey_questions")
    asked = {str(q.get("text")) for q in questions if q.get("survey") == survey}
    repeated = [
        q for q in questions if q.get("survey") == earlier and str(q.get("text")) not in asked
    ]
    if not repeated:
        return []
    with store.transaction(f"ask again in {later.get('title') or survey}"):
        added = []
        for question in repeated:
            fields = {"survey": survey, "text": str(question["text"])}
            if question.get("scale"):
                fields["scale"] = str(question["scale"])
            added.append(store.add("survey_questions", fields))
        return added


COMPUTED = {
    "stakeholders": stakeholder_columns,
    "comm_plan": comm_plan_columns,
    "needs": need_columns,
}
