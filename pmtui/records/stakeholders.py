"""Comms: the stakeholder register, the communication plan and customer needs.

A stakeholder's quadrant (Mendelow's power/interest grid, pmtui.domain.comms), a plan
entry's next due date and a need's delivery follow from other records; pmtui.services.comms
computes them. Surveys: pmtui.records.surveys.
"""

from __future__ import annotations

from pmtui.domain.comms import QUADRANTS
from pmtui.records.fields import choice_field, owner_field, status_field, today
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

ATTITUDES = ("champion", "supporter", "neutral", "critic", "blocker")
CHANNELS = ("email", "meeting", "report", "chat", "other")
PRIORITIES = ("must", "should", "could", "won't")
NEED_STATUSES = ("new", "accepted", "planned", "delivered", "rejected")
#: Days a new need may wait for a decision before Today lists it.
DECISION_DAYS = 7


def _rating(name: str, help: str) -> Field:
    return Field(name, Kind.RATING, minimum=1, maximum=5, required=True, width=2, help=help)


# ---------------------------------------------------------------- rules within one record


def comm_plan_check(record: Record) -> dict[str, str]:
    """An entry says whom it informs: stakeholders, a group, or both."""
    if not record.get("audience") and not str(record.get("group") or "").strip():
        return {"audience": "name stakeholders, or a group in `group` (e.g. Steering committee)"}
    return {}


# ---------------------------------------------------------------- agenda (Today)


def _awaits_decision(record: Record) -> bool:
    waiting = record.get("waiting_days")
    return record.get("status") == "new" and isinstance(waiting, int) and waiting > DECISION_DAYS


COMM_PLAN_AGENDA = Agenda(
    due=(Due("send", "next_due", about="by its frequency, from when it was last done"),),
    done_on="last_done",
    board="comms.plan",
)
NEEDS_AGENDA = Agenda(
    due=(
        Due(
            "decide",
            "decide_by",
            _awaits_decision,
            about=f"new for more than {DECISION_DAYS} days (awaiting a decision)",
        ),
    ),
    title="decide: {statement}",
    owner="",
    refuse="a need is accepted, planned or rejected: set its status on the Needs board",
    board="comms.needs",
)

# ---------------------------------------------------------------- declarations

STAKEHOLDERS = register(
    RecordType(
        table="stakeholders",
        singular="stakeholder",
        key_prefix="S",
        label_field="name",
        board="comms.stakeholders",
        help="People and groups the project affects or who affect it: how much power and "
        "interest they have, where they stand, and what they need to hear.",
        fields=(
            Field("name", Kind.TEXT, required=True, width=18, help="e.g. Works council."),
            # Out of the default columns so the quadrant reads whole at 80 columns.
            Field("organisation", Kind.TEXT, width=0, help="e.g. Finance, Hausbank AG."),
            Field("role", Kind.TEXT, width=12, help="e.g. CFO, key user lead."),
            _rating("power", "How much they can affect the project, 1 (little) to 5 (decisive)."),
            _rating("interest", "How much the project affects them, 1 (little) to 5 (deeply)."),
            choice_field(
                "quadrant",
                QUADRANTS,
                computed=True,
                width=15,
                help="Mendelow's power/interest grid, 3 and above counting as high (computed).",
            ),
            choice_field(
                "attitude",
                ATTITUDES,
                default="neutral",
                width=9,
                help="Where they stand on the project.",
            ),
            Field(
                "communication_needs",
                Kind.LONG_TEXT,
                width=0,
                help="What they need to hear, how and how often.",
            ),
            Field("contact", Kind.TEXT, width=0, help="e-mail, phone or assistant."),
        ),
    )
)

COMM_PLAN = register(
    RecordType(
        table="comm_plan",
        singular="comms entry",
        key_prefix="CP",
        label_field="information",
        board="comms.plan",
        help="The communication plan: what goes to whom, by which channel, how often; each "
        "entry comes due on Today by its frequency and is marked done with x.",
        check=comm_plan_check,
        agenda=COMM_PLAN_AGENDA,
        fields=(
            Field(
                "information",
                Kind.TEXT,
                required=True,
                width=22,
                help="What is communicated, e.g. Status report.",
            ),
            Field(
                "audience",
                Kind.REFS,
                target="stakeholders",
                width=14,
                help="The stakeholders it goes to (keys or names, separated by ;).",
            ),
            Field(
                "group",
                Kind.TEXT,
                width=0,
                help="A group it goes to, named by text (e.g. All key users), with or "
                "instead of stakeholders.",
            ),
            choice_field("channel", CHANNELS, default="email", width=7, help="How it goes."),
            Field(
                "frequency",
                Kind.RECURRENCE,
                required=True,
                width=12,
                label="Every",
                help="How often: weekly fri, every 2 weeks, monthly ...",
            ),
            owner_field("Who sends or holds it."),
            Field(
                "last_done",
                Kind.DATE,
                width=10,
                label="Last done",
                help="When it last went out (x on Today or the board sets today).",
            ),
            Field(
                "next_due",
                Kind.DATE,
                computed=True,
                width=10,
                label="Next due",
                help="The frequency's first date after the last done; today when never "
                "done (computed).",
            ),
            Field(
                "note",
                Kind.TEXT,
                width=0,
                help="A note on the last time it went out (x asks for one).",
            ),
        ),
    )
)

NEEDS = register(
    RecordType(
        table="needs",
        singular="need",
        key_prefix="ND",
        label_field="statement",
        board="comms.needs",
        help="What customers and stakeholders need from the project, how much, and what "
        "became of it; a need is delivered once its deliverable is accepted.",
        agenda=NEEDS_AGENDA,
        shown_computed=("status",),
        fields=(
            Field(
                "statement",
                Kind.TEXT,
                required=True,
                width=26,
                help="e.g. Month-end close in 3 days.",
            ),
            Field(
                "stakeholder",
                Kind.REF,
                target="stakeholders",
                width=14,
                help="Whose need it is.",
            ),
            choice_field(
                "priority", PRIORITIES, default="should", width=6, help="MoSCoW priority."
            ),
            status_field(
                NEED_STATUSES,
                "new",
                width=9,
                help="What became of it; shown delivered once its deliverable is accepted.",
            ),
            Field(
                "raised_on",
                Kind.DATE,
                default=today,
                width=0,
                label="Raised",
                help="When it was heard; a new need waits a week for a decision.",
            ),
            Field(
                "deliverable",
                Kind.REF,
                target="deliverables",
                width=0,
                help="The deliverable that meets it.",
            ),
            Field("task", Kind.REF, target="tasks", width=0, help="The task that meets it."),
            Field(
                "decide_by",
                Kind.DATE,
                computed=True,
                width=0,
                help="A week after it was raised, while new (computed).",
            ),
            Field(
                "waiting_days",
                Kind.INTEGER,
                computed=True,
                width=0,
                help="Days since it was raised, while new (computed).",
            ),
        ),
    )
)

__all__ = [
    "ATTITUDES",
    "CHANNELS",
    "COMM_PLAN",
    "DECISION_DAYS",
    "NEEDS",
    "NEED_STATUSES",
    "PRIORITIES",
    "STAKEHOLDERS",
]
