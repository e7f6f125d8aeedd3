"""Comms: surveys of stakeholders, their questions, and the scores given.

A response is stored as one row per score (question, respondent, score; the question names
its survey), so that a CSV of responses has one score per line and imports and exports like
any other table, and a score can never point at a survey its question is not in; the
Needs & surveys board records a whole response (every question of a survey) in one form.
A question asked again in a later survey has the same text: that makes a trend
(pmtui.domain.comms.trends).
"""

from __future__ import annotations

from pmtui.records.fields import date_range
from pmtui.schema import Agenda, Due, Field, Kind, RecordType, register

SURVEY_DATES = date_range(
    ("sent_on", "closes_on"),
    ("When it went out; trends order surveys by it.", "When answers stop; Today lists it."),
    named="the day it was sent",
    labels=("Sent", "Closes"),
    width=10,
)

SURVEY_AGENDA = Agenda(
    due=(Due("closing", "closes_on", about="still open for answers", overdue=False),),
    owner="",
    refuse="a survey closes on its date: nothing to mark done",
    snooze="closes_on",
    board="comms.needs",
)

SURVEYS = register(
    RecordType(
        table="surveys",
        singular="survey",
        key_prefix="SV",
        board="comms.needs",
        help="Surveys of stakeholders (satisfaction, readiness...); the same question asked "
        "in successive surveys shows a trend.",
        check=SURVEY_DATES.check,
        agenda=SURVEY_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="e.g. Key user pulse Q1."),
            Field(
                "audience",
                Kind.TEXT,
                width=14,
                help="Who was asked, e.g. Key users, Steering committee.",
            ),
            *SURVEY_DATES.fields,
        ),
    )
)

QUESTIONS = register(
    RecordType(
        table="survey_questions",
        singular="survey question",
        key_prefix="SQ",
        label_field="text",
        board="comms.needs",
        help="A survey's questions, each scored 1 to its scale; ask the same text again in a "
        "later survey to see its trend.",
        fields=(
            Field(
                "survey",
                Kind.REF,
                target="surveys",
                required=True,
                owner=True,
                width=16,
                help="The survey that asks it.",
            ),
            Field(
                "text",
                Kind.TEXT,
                required=True,
                width=30,
                help="e.g. I know what changes for me at go-live.",
            ),
            Field(
                "scale",
                Kind.INTEGER,
                default=5,
                minimum=2,
                maximum=10,
                width=5,
                help="The highest score (1 is the lowest); 5 by default.",
            ),
        ),
    )
)

RESPONSES = register(
    RecordType(
        table="survey_responses",
        singular="survey score",
        key_prefix="SR",
        label_field="key",
        board="comms.needs",
        help="The scores given: one row per respondent and question, so a CSV holds one "
        "score per line and imports like any table; the question names the survey, so a "
        "score cannot disagree with it. A row without a respondent is an aggregate (a "
        "survey tool's average) standing for `count` answers; averages weigh it so.",
        fields=(
            Field(
                "question",
                Kind.REF,
                target="survey_questions",
                required=True,
                owner=True,
                width=24,
                help="The question scored; its survey is the one answered.",
            ),
            Field(
                "respondent",
                Kind.REF,
                target="stakeholders",
                width=14,
                help="The stakeholder who answered; empty for an aggregate.",
            ),
            Field(
                "score",
                Kind.NUMBER,
                required=True,
                minimum=1,
                maximum=10,
                width=5,
                help="The score, 1 to the question's scale (an aggregate may be a fraction).",
            ),
            Field(
                "count",
                Kind.INTEGER,
                default=1,
                minimum=1,
                width=0,
                help="How many answers the row stands for: 1 for a respondent, the number "
                "averaged for an aggregate.",
            ),
        ),
    )
)

__all__ = ["QUESTIONS", "RESPONSES", "SURVEYS"]
