"""Control: the RAID log (risks, assumptions, issues, dependencies).

This module declares the tables, their rules within one record and their agenda (Today). A
risk's score and level are computed from the project's matrix (pmtui.domain.risk) by
pmtui.services.control. The decision log and change requests: pmtui.records.decisions.
"""

from __future__ import annotations

from pmtui.domain.risk import LEVELS
from pmtui.records.fields import (
    choice_field,
    notes_field,
    owner_field,
    person_field,
    status_field,
    today,
)
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

RISK_KINDS = ("threat", "opportunity")
THREAT_STRATEGIES = ("avoid", "mitigate", "transfer", "accept", "escalate")
OPPORTUNITY_STRATEGIES = ("exploit", "enhance", "share", "accept")
STRATEGIES = (*THREAT_STRATEGIES, "exploit", "enhance", "share")
RISK_STATUSES = ("open", "monitoring", "closed", "occurred")
#: A risk in one of these is still watched: its review date brings it to Today.
LIVE_RISK = ("open", "monitoring")
SEVERITIES = ("low", "medium", "high", "critical")
ISSUE_STATUSES = ("open", "in progress", "escalated", "resolved", "closed")
OPEN_ISSUE = ("open", "in progress", "escalated")
ASSUMPTION_STATUSES = ("unvalidated", "valid", "invalid")
DEPENDENCY_STATUSES = ("waiting", "confirmed", "delivered", "cancelled")
OPEN_DEPENDENCY = ("waiting", "confirmed")


# ---------------------------------------------------------------- rules within one record


def risk_check(record: Record) -> dict[str, str]:
    """A strategy fits the risk's kind: threats are avoided, mitigated...; opportunities
    exploited, enhanced..."""
    strategy = record.get("strategy")
    kind = record.get("kind") or "threat"
    allowed = THREAT_STRATEGIES if kind == "threat" else OPPORTUNITY_STRATEGIES
    if strategy and strategy not in allowed:
        return {"strategy": f"{strategy} is not a strategy for a {kind}; one of: "
                f"{', '.join(allowed)}"}  # fmt: skip
    return {}


def issue_check(record: Record) -> dict[str, str]:
    """A resolved or closed issue says how it was resolved."""
    if record.get("status") in ("resolved", "closed") and not record.get("resolution"):
        return {"resolution": f"is required once the issue is {record['status']}"}
    return {}


# ---------------------------------------------------------------- agenda (Today)


def _live_risk(record: Record) -> bool:
    return (record.get("status") or "open") in LIVE_RISK


def _open_issue(record: Record) -> bool:
    return (record.get("status") or "open") in OPEN_ISSUE


def _critical_issue(record: Record) -> bool:
    return _open_issue(record) and record.get("severity") == "critical"


RISK_AGENDA = Agenda(
    due=(Due("review", "review_date", _live_risk, about="open or monitoring"),),
    refuse="a risk is reviewed on the Risks board: set its next review date (or snooze it)",
    snooze="review_date",
)
ISSUE_AGENDA = Agenda(
    due=(
        Due("due", "due", _open_issue, about="open, in progress or escalated"),
        # Critical issues are on Today whatever their due date says.
        Due("critical", "", _critical_issue, about="critical and not resolved"),
    ),
    refuse="an issue is resolved with its resolution: open it on the Issues board (v)",
    snooze="due",
)
ASSUMPTION_AGENDA = Agenda(
    due=(
        Due(
            "validate",
            "validate_by",
            lambda r: (r.get("status") or "unvalidated") == "unvalidated",
            about="unvalidated",
        ),
    ),
    refuse="an assumption turns out valid or invalid: set its status on the RAID board",
    snooze="validate_by",
    board="control.raid",
)
DEPENDENCY_AGENDA = Agenda(
    due=(
        Due(
            "needed",
            "needed_by",
            lambda r: (r.get("status") or "waiting") in OPEN_DEPENDENCY,
            about="waiting or confirmed",
        ),
    ),
    done=(("status", "delivered"),),
    snooze="needed_by",
    board="control.raid",
)
# ---------------------------------------------------------------- declarations


def _rating(name: str, help: str, **options: object) -> Field:
    return Field(name, Kind.RATING, minimum=1, maximum=5, help=help, **options)  # type: ignore[arg-type]


RISKS = register(
    RecordType(
        table="risks",
        singular="risk",
        key_prefix="R",
        board="control.risks",
        help="Uncertain events that would hurt (threats) or help (opportunities) the project.",
        check=risk_check,
        agenda=RISK_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Key user unavailable."),
            _rating(
                "probability",
                "How likely, 1 (rare) to 5 (almost certain).",
                label="P",
                required=True,
                width=2,
            ),
            _rating(
                "impact",
                "How much it would matter, 1 (minor) to 5 (severe).",
                label="I",
                required=True,
                width=2,
            ),
            Field(
                "score",
                Kind.NUMBER,
                computed=True,
                width=5,
                help="The matrix cell: probability x impact values, rounded half-up to 2 "
                "decimals as PMBOK prints it (or the 1-25 product), computed.",
            ),
            Field(
                "score_exact",
                Kind.NUMBER,
                computed=True,
                width=0,
                help="The unrounded product of the values (computed).",
            ),
            choice_field(
                "level",
                LEVELS,
                computed=True,
                width=6,
                help="By the project's thresholds (computed).",
            ),
            choice_field(
                "kind", RISK_KINDS, default="threat", width=0, help="A threat or an opportunity."
            ),
            choice_field(
                "strategy",
                STRATEGIES,
                width=8,
                help="The response: threats avoid, mitigate, transfer, accept or "
                "escalate; opportunities exploit, enhance, share or accept.",
            ),
            owner_field("Who watches it and carries out the response."),
            status_field(RISK_STATUSES, "open", width=7, help="Where the risk stands."),
            Field(
                "review_date",
                Kind.DATE,
                label="Review",
                width=10,
                help="When to look at it again; Today lists it from then.",
            ),
            Field("category", Kind.TEXT, width=0, help="e.g. technical, people, vendor."),
            Field("description", Kind.LONG_TEXT, width=0, help="What could happen."),
            Field("cause", Kind.LONG_TEXT, width=0, help="Why it could happen."),
            Field("trigger", Kind.TEXT, width=0, help="The sign that it is happening."),
            Field("response_plan", Kind.LONG_TEXT, width=0, help="What will be done about it."),
            _rating(
                "residual_probability",
                "Probability once the response works.",
                label="Residual P",
                width=0,
            ),
            _rating(
                "residual_impact", "Impact once the response works.", label="Residual I", width=0
            ),
            Field(
                "issue",
                Kind.REF,
                target="issues",
                width=0,
                help="The issue it became when it occurred.",
            ),
        ),
    )
)

ISSUES = register(
    RecordType(
        table="issues",
        singular="issue",
        key_prefix="I",
        board="control.issues",
        help="Problems happening now, who deals with them, and how they were resolved.",
        check=issue_check,
        agenda=ISSUE_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="e.g. Interface IDoc errors."),
            choice_field(
                "severity",
                SEVERITIES,
                default="medium",
                width=8,
                help="How bad it is; critical ones are always on Today.",
            ),
            owner_field("Who resolves it."),
            status_field(ISSUE_STATUSES, "open", width=9, help="Where the issue stands."),
            Field("due", Kind.DATE, width=10, help="When it must be resolved by."),
            Field(
                "raised_on",
                Kind.DATE,
                default=today,
                width=10,
                label="Raised",
                help="When it was raised; its age counts from here.",
            ),
            person_field("raised_by", width=0, help="Who raised it."),
            Field("description", Kind.LONG_TEXT, width=0, help="What is happening."),
            Field(
                "resolution",
                Kind.LONG_TEXT,
                width=0,
                help="How it was resolved (required once resolved or closed).",
            ),
            Field(
                "related_risk",
                Kind.REF,
                target="risks",
                width=0,
                help="The risk that occurred, when it was foreseen.",
            ),
        ),
    )
)

ASSUMPTIONS = register(
    RecordType(
        table="assumptions",
        singular="assumption",
        key_prefix="ASM",
        label_field="statement",
        board="control.raid",
        help="What the plan takes for granted, and when to check that it holds.",
        agenda=ASSUMPTION_AGENDA,
        fields=(
            Field(
                "statement",
                Kind.TEXT,
                required=True,
                width=30,
                help="e.g. Key users are free 50 % in UAT.",
            ),
            owner_field("Who checks it."),
            Field(
                "validate_by",
                Kind.DATE,
                label="Validate by",
                width=10,
                help="When it must be checked; Today lists it.",
            ),
            status_field(ASSUMPTION_STATUSES, "unvalidated", width=11, help="Whether it holds."),
            notes_field(),
        ),
    )
)

DEPENDENCIES = register(
    RecordType(
        table="dependencies",
        singular="dependency",
        key_prefix="DEP",
        label_field="what",
        board="control.raid",
        help="What the project needs from outside it, from whom, and by when.",
        agenda=DEPENDENCY_AGENDA,
        fields=(
            Field(
                "what", Kind.TEXT, required=True, width=24, help="e.g. Production firewall rules."
            ),
            Field(
                "on_whom",
                Kind.TEXT,
                label="From",
                width=14,
                help="The team, vendor or project that delivers it.",
            ),
            owner_field("Who chases it."),
            Field(
                "needed_by",
                Kind.DATE,
                label="Needed by",
                width=10,
                help="When the project needs it; Today lists it.",
            ),
            status_field(DEPENDENCY_STATUSES, "waiting", width=9, help="Where it stands."),
            notes_field(),
        ),
    )
)

__all__ = [
    "ASSUMPTIONS",
    "DEPENDENCIES",
    "ISSUES",
    "OPEN_DEPENDENCY",
    "OPEN_ISSUE",
    "RISKS",
    "SEVERITIES",
]
