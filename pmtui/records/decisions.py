"""Control: the decision log, and change requests with every step of their history.

This module declares the tables, their rule within one record and the agenda of changes
(Today: those awaiting a decision, for whoever decides). The workflow that moves a change
lives in pmtui.services.changes; the rule that a change's status is where its history ends
in pmtui.services.control.
"""

from __future__ import annotations

from pmtui.domain.risk import AWAITING, CHANGE_STATUSES, OPEN_CHANGE_STATUSES
from pmtui.records.fields import choice_field, person_field, status_field, today
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

DECISION_SOURCES = ("meeting", "change", "vendor comparison", "other")
#: Changes waiting for someone to decide (Today lists them for the decider).
AWAITING_DECISION = AWAITING


def change_check(record: Record) -> dict[str, str]:
    """A change's schedule impact names the task it extends."""
    if record.get("schedule_impact") and not record.get("task"):
        return {"task": "name the task the schedule impact extends"}
    return {}


CHANGE_AGENDA = Agenda(
    due=(
        Due(
            "decision",
            "",
            lambda r: r.get("status") in AWAITING_DECISION,
            about="under review or escalated",
        ),
    ),
    owner="decided_by",
    refuse="approving or rejecting a change is a decision: open it (enter), then A or R",
    decide="decide",
)


DECISIONS = register(
    RecordType(
        table="decisions",
        singular="decision",
        key_prefix="DEC",
        label_field="decision",
        board="control.decisions",
        help="The project's decision log: what was decided, by whom, why, and where.",
        fields=(
            Field(
                "date",
                Kind.DATE,
                default=today,
                required=True,
                width=10,
                help="When it was decided.",
            ),
            Field("decision", Kind.TEXT, required=True, width=30, help="What was decided."),
            person_field("made_by", label="By", width=12, help="Who decided."),
            choice_field(
                "source", DECISION_SOURCES, default="other", width=8, help="Where it was decided."
            ),
            Field(
                "link",
                Kind.RECORD,
                width=0,
                help="The record it came from, as table:key (changes:CH3, comparisons:CMP1, "
                "occurrences:O12 for a meeting).",
            ),
            Field("rationale", Kind.LONG_TEXT, width=0, help="Why."),
        ),
    )
)

CHANGES = register(
    RecordType(
        table="changes",
        singular="change",
        key_prefix="CH",
        board="control.changes",
        help="Change requests: what is asked, its impact, and the decision, with history.",
        check=change_check,
        agenda=CHANGE_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Add VAT report."),
            status_field(
                CHANGE_STATUSES,
                "proposed",
                width=9,
                help="Moves only through the workflow (Changes board), each step "
                "kept in change_events.",
            ),
            Field(
                "cost_impact",
                Kind.MONEY,
                label="Cost",
                width=9,
                help="Extra cost, in the project currency.",
            ),
            Field(
                "schedule_impact",
                Kind.NUMBER,
                label="Days",
                width=4,
                help="Working days the change adds to its task.",
            ),
            Field(
                "task",
                Kind.REF,
                target="tasks",
                width=0,
                help="The task the schedule impact extends.",
            ),
            Field(
                "budget_category",
                Kind.TEXT,
                width=0,
                help="The expense category the cost falls in.",
            ),
            Field("scope_impact", Kind.LONG_TEXT, width=0, help="What it adds or removes."),
            person_field("requested_by", label="Asked by", width=0, help="Who asked for it."),
            Field("date", Kind.DATE, default=today, width=0, help="When it was asked for."),
            person_field(
                "decided_by",
                label="Decider",
                width=12,
                help="Who decides (the project manager unless chosen), then who did.",
            ),
            Field("decided_on", Kind.DATE, width=0, help="When it was decided."),
            Field("description", Kind.LONG_TEXT, width=0, help="What is asked."),
            Field("reason", Kind.LONG_TEXT, width=0, help="Why it is asked."),
            Field("rationale", Kind.LONG_TEXT, width=0, help="Why it was decided so."),
        ),
    )
)

CHANGE_EVENTS = register(
    RecordType(
        table="change_events",
        singular="change event",
        key_prefix="CE",
        label_field="why",
        board="control.changes",
        help="Every step of every change request: who moved it, when, from where to where, why.",
        fields=(
            Field(
                "change",
                Kind.REF,
                target="changes",
                owner=True,
                required=True,
                width=6,
                help="The change request.",
            ),
            Field("at", Kind.DATE, default=today, required=True, width=10, help="When."),
            person_field("by", width=12, help="Who moved it."),
            choice_field(
                "from_status",
                CHANGE_STATUSES,
                label="From",
                width=9,
                help="The status before (empty when it was raised).",
            ),
            choice_field(
                "to_status",
                CHANGE_STATUSES,
                label="To",
                required=True,
                width=9,
                help="The status after.",
            ),
            Field("why", Kind.TEXT, width=30, help="Why."),
        ),
    )
)

__all__ = [
    "AWAITING_DECISION",
    "CHANGES",
    "CHANGE_EVENTS",
    "DECISIONS",
    "OPEN_CHANGE_STATUSES",
]
