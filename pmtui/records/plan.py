"""The Plan area's tables: the WBS (tasks), baselines, milestones and deliverables sign-off.

Their rules across records (no cycles; acceptance needs every criterion met) and computed
fields are in pmtui.planning.rules, beside the plan they read.
"""

from __future__ import annotations

from pmtui.records.fields import (
    date_range,
    notes_field,
    owner_field,
    person_field,
    status_field,
    today,
)
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

Errors = dict[int, dict[str, str]]

TASK_STATUSES = ("not started", "in progress", "done")
MILESTONE_STATUSES = ("planned", "in progress", "at risk", "done")
DELIVERABLE_STATUSES = ("draft", "submitted", "accepted", "rejected")


# ---------------------------------------------------------------- declarations


ACTUAL_DATES = date_range(
    ("actual_start", "actual_finish"),
    ("The day work really began.", "The day work really ended."),
    named="the actual start",
    width=0,
)


def task_check(record: Record) -> dict[str, str]:
    """Actual dates in order."""
    return ACTUAL_DATES.check(record)


_COMPUTED_TASK_FIELDS = (
    Field("wbs", Kind.TEXT, label="WBS", computed=True, width=0, help="Outline number, e.g. 2.3."),
    Field("start", Kind.DATE, computed=True, width=10, help="Planned start (the network plan)."),
    Field("finish", Kind.DATE, computed=True, width=10, help="Planned finish (the network plan)."),
    Field(
        "total_float",
        Kind.DURATION,
        label="Float",
        computed=True,
        width=5,
        help="Working days the task can slip without moving the project finish.",
    ),
    Field(
        "free_float",
        Kind.DURATION,
        computed=True,
        width=0,
        help="Working days the task can slip without moving any successor.",
    ),
    Field(
        "critical",
        Kind.BOOL,
        computed=True,
        width=0,
        help="On the critical path (no float).",
    ),
    Field(
        "total_budget",
        Kind.MONEY,
        computed=True,
        width=0,
        help="The budget, for a summary the sum of its tasks' budgets.",
    ),
    Field(
        "total_percent",
        Kind.PERCENT,
        label="Total % complete",
        computed=True,
        width=0,
        help="Percent complete, for a summary weighted by its tasks' durations.",
    ),
    Field(
        "forecast_start",
        Kind.DATE,
        computed=True,
        width=0,
        help="Start forecast from progress and actual dates as of today.",
    ),
    Field(
        "forecast_finish",
        Kind.DATE,
        computed=True,
        width=0,
        help="Finish forecast from progress and actual dates as of today.",
    ),
    Field(
        "planned_percent",
        Kind.PERCENT,
        label="Planned %",
        computed=True,
        width=0,
        help="The share of a task's planned working days elapsed before today (empty for "
        "summaries and 0-day milestones); below it, Today lists the task as behind plan.",
    ),
)


# ---------------------------------------------------------------- agenda (Today)


def _open_task(record: Record) -> bool:
    return record.get("status") != "done"


def _critical_open(record: Record) -> bool:
    return bool(record.get("critical")) and _open_task(record)


def _critical_unstarted(record: Record) -> bool:
    started = record.get("actual_start") or record.get("percent_complete")
    unstarted = (record.get("status") or "not started") == "not started" and not started
    return bool(record.get("critical")) and unstarted


def _behind_plan(record: Record) -> bool:
    planned = record.get("planned_percent")
    done = record.get("percent_complete") or 0
    return planned is not None and _open_task(record) and done < planned


TASK_AGENDA = Agenda(
    due=(
        Due("finishing", "finish", _critical_open, about="critical, not done"),
        Due("starting", "start", _critical_unstarted, about="critical, not started"),
        Due("behind plan", "", _behind_plan, about="% complete below the planned %"),
    ),
    done=(("status", "done"), ("percent_complete", 100)),
    done_on="actual_finish",
    snooze="",
)


def _milestone_open(record: Record) -> bool:
    return record.get("status") != "done"


def _slipping(record: Record) -> bool:
    return _milestone_open(record) and (record.get("slip") or 0) > 0


MILESTONE_AGENDA = Agenda(
    due=(
        Due("due", "due", _milestone_open, about="not done"),
        Due("slipping", "", _slipping, about="forecast after the due date"),
    ),
    done=(("status", "done"),),
)

DELIVERABLE_AGENDA = Agenda(
    due=(
        Due(
            "decision",
            "submitted_on",
            lambda r: r.get("status") == "submitted",
            about="submitted",
            undated=True,
        ),
    ),
    refuse="accepting or rejecting a deliverable is a decision: open it on its board",
)

TASKS = register(
    RecordType(
        table="tasks",
        singular="task",
        key_prefix="T",
        board="plan.wbs",
        help="The work breakdown: tasks under summary tasks, linked into a schedule.",
        check=task_check,
        # A summary's duration, percent and status roll up from its tasks wherever shown.
        shown_computed=("duration", "percent_complete", "status"),
        agenda=TASK_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="What the task delivers."),
            Field(
                "parent",
                Kind.REF,
                target="tasks",
                part_of=True,
                width=6,
                help="The summary task this task belongs to (key or title); empty at the top.",
            ),
            Field(
                "duration",
                Kind.DURATION,
                default=1,
                width=5,
                help="Working days; 0 makes a milestone. A summary's comes from its tasks.",
            ),
            Field(
                "predecessors",
                Kind.LINKS,
                target="tasks",
                width=12,
                help="Tasks this one waits for: A; B SS+2; C FF-1.5 (FS by default; lag in "
                "working days, may be negative or fractional).",
            ),
            Field(
                "start_no_earlier_than",
                Kind.DATE,
                width=0,
                help="A date the task cannot start before (a constraint).",
            ),
            owner_field(),
            Field("budget", Kind.MONEY, minimum=0, width=10, help="Planned cost."),
            Field(
                "percent_complete",
                Kind.PERCENT,
                label="% complete",
                minimum=0,
                maximum=100,
                width=5,
                help="How much of the work is done (0-100).",
            ),
            status_field(TASK_STATUSES, "not started", width=11, help="Where the task stands."),
            *ACTUAL_DATES.fields,
            notes_field(),
            Field(
                "order",
                Kind.NUMBER,
                width=0,
                help="Position among the tasks of the same parent, lower first (K and J on the "
                "WBS board set it); tasks without one come last, in the order added.",
            ),
            *_COMPUTED_TASK_FIELDS,
        ),
    )
)

BASELINES = register(
    RecordType(
        table="baselines",
        singular="baseline",
        key_prefix="BL",
        label_field="name",
        board="plan.wbs",
        help="Named, dated snapshots of the plan; variance compares the plan with one of them.",
        fields=(
            Field("name", Kind.TEXT, required=True, width=24, help="e.g. Approved plan."),
            Field(
                "date",
                Kind.DATE,
                required=True,
                default=today,
                width=10,
                help="When the snapshot was taken; the latest is compared by default.",
            ),
            Field("note", Kind.LONG_TEXT, width=30, help="Why it was taken."),
        ),
    )
)

BASELINE_TASKS = register(
    RecordType(
        table="baseline_tasks",
        singular="baseline task",
        key_prefix="BT",
        label_field="task",
        board="plan.wbs",
        help="One task as a baseline saw it: its dates, duration and budget.",
        fields=(
            Field(
                "baseline",
                Kind.REF,
                target="baselines",
                owner=True,
                required=True,
                width=6,
                help="The baseline this row belongs to.",
            ),
            Field(
                "task",
                Kind.TEXT,
                required=True,
                width=6,
                help="The task's key when the baseline was taken (tasks deleted since "
                "keep their rows).",
            ),
            Field("start", Kind.DATE, width=10, help="Planned start then."),
            Field("finish", Kind.DATE, width=10, help="Planned finish then."),
            Field("duration", Kind.DURATION, width=5, help="Duration then (working days)."),
            Field("budget", Kind.MONEY, width=10, help="Budget then."),
        ),
    )
)

MILESTONES = register(
    RecordType(
        table="milestones",
        singular="milestone",
        key_prefix="M",
        board="plan.milestones",
        help="Dates the project commits to, forecast from their linked tasks.",
        agenda=MILESTONE_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="e.g. Blueprint signed off."),
            Field("due", Kind.DATE, required=True, width=10, help="The committed date."),
            Field(
                "baseline_due",
                Kind.DATE,
                width=10,
                help="The date the last baseline showed; saving a baseline sets it.",
            ),
            owner_field(),
            status_field(
                MILESTONE_STATUSES, "planned", width=11, help="Where the milestone stands."
            ),
            Field(
                "tasks",
                Kind.REFS,
                target="tasks",
                width=12,
                help="Tasks whose finish the milestone waits for; its forecast is the latest.",
            ),
            notes_field(),
            Field(
                "planned",
                Kind.DATE,
                computed=True,
                width=0,
                help="The latest planned finish of its linked tasks (the network plan).",
            ),
            Field(
                "forecast",
                Kind.DATE,
                computed=True,
                width=10,
                help="The latest forecast finish of its linked tasks, from progress as of today.",
            ),
            Field(
                "slip",
                Kind.INTEGER,
                computed=True,
                width=5,
                help="Working days the forecast lies after the baseline due (else the due "
                "date); negative when ahead.",
            ),
        ),
    )
)

DELIVERABLES = register(
    RecordType(
        table="deliverables",
        singular="deliverable",
        key_prefix="D",
        board="plan.milestones",
        help="What a milestone hands over, signed off against acceptance criteria.",
        agenda=DELIVERABLE_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="e.g. Business blueprint."),
            Field(
                "milestone",
                Kind.REF,
                target="milestones",
                part_of=True,
                width=6,
                help="The milestone it belongs to.",
            ),
            owner_field("Who produces it."),
            status_field(
                DELIVERABLE_STATUSES,
                "draft",
                width=9,
                help="Sign-off; accepted only when every acceptance criterion is met.",
            ),
            Field("submitted_on", Kind.DATE, width=10, help="When it was handed over."),
            person_field("decided_by", width=10, help="Who accepted or rejected it."),
            Field("decided_on", Kind.DATE, width=10, help="When it was accepted or rejected."),
            Field(
                "reviewer_comment",
                Kind.LONG_TEXT,
                width=0,
                help="Why it was accepted or rejected.",
            ),
        ),
    )
)

ACCEPTANCE_CRITERIA = register(
    RecordType(
        table="acceptance_criteria",
        singular="acceptance criterion",
        key_prefix="AC",
        label_field="text",
        board="plan.milestones",
        help="The checklist a deliverable is accepted against.",
        fields=(
            Field(
                "deliverable",
                Kind.REF,
                target="deliverables",
                owner=True,
                required=True,
                width=6,
                help="The deliverable it belongs to.",
            ),
            Field("text", Kind.TEXT, required=True, width=40, help="What must be true."),
            Field("met", Kind.BOOL, default=False, width=4, help="Whether it is met."),
        ),
    )
)
