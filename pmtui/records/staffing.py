"""Who works on what: leave, assignments (allocation and RACI) and private performance notes.

The reading of these records for the boards lives in pmtui/services/staffing.py.
"""

from __future__ import annotations

from typing import Any

from pmtui.records.fields import choice_field, date_range, person_field, today
from pmtui.schema import Agenda, Due, Field, Kind, RecordType, register

Record = dict[str, Any]

#: The things an assignment can be for: field name -> table.
TARGETS = {"task": "tasks", "milestone": "milestones", "deliverable": "deliverables"}
NOTE_KINDS = ("praise", "concern", "goal", "one-to-one", "feedback given")
#: The RACI letters, in the order the RACI board cycles them (as pmtui.domain.allocation).
RESPONSIBILITIES = ("R", "A", "C", "I")


# ---------------------------------------------------------------- rules within one record


_AWAY = date_range(
    ("from", "to"),
    ("The first day away.", "The last day away."),
    named="the first day away,",
    required=True,
    width=10,
)
_ASSIGNED = date_range(
    ("start", "finish"),
    (
        "First day; empty means the task's planned start.",
        "Last day; empty means the task's planned finish.",
    ),
    width=10,
)


def _assignment_check(record: Record) -> dict[str, str]:
    chosen = [name for name in TARGETS if record.get(name)]
    if not chosen:
        return {"task": "give the task, milestone or deliverable the person is assigned to"}
    if len(chosen) > 1:
        return {chosen[1]: f"an assignment is for one thing; {chosen[0]} is already given"}
    return _ASSIGNED.check(record)


# ---------------------------------------------------------------- agenda (Today)

#: Leave shows while it is ahead (within the due-soon window), never once it has begun.
LEAVE_AGENDA = Agenda(
    due=(Due("leave", "from", overdue=False),),
    title="{person} away {from} to {to}",
    owner="person",
)
#: A note's follow-up: its text is private, so Today reads "follow up with NAME" only.
NOTE_AGENDA = Agenda(
    due=(Due("follow-up", "follow_up", lambda r: not r.get("follow_up_done"), about="not done"),),
    title="follow up with {person}",
    owner="",
    done=(("follow_up_done", True),),
    snooze="follow_up",
    private=True,
)


# ---------------------------------------------------------------- declarations

LEAVE = register(
    RecordType(
        table="leave",
        singular="leave",
        key_prefix="LV",
        label_field="note",
        board="people.leave",
        help="Days a person is away; they lower what the person has available that week.",
        agenda=LEAVE_AGENDA,
        check=_AWAY.check,
        fields=(
            person_field(
                "person", owner=True, required=True, width=18, help="Who is away (key or name)."
            ),
            *_AWAY.fields,
            Field("note", Kind.TEXT, width=30, help="e.g. holiday, training, parental leave."),
        ),
    )
)

ASSIGNMENTS = register(
    RecordType(
        table="assignments",
        singular="assignment",
        key_prefix="AS",
        label_field="person",
        board="people.allocation",
        help="A person on one task, milestone or deliverable: a share of their capacity over "
        "some dates, and their RACI letter.",
        check=_assignment_check,
        fields=(
            person_field("person", required=True, width=14, help="Who is assigned (key or name)."),
            Field("task", Kind.REF, target="tasks", width=6, help="The task (key or title)."),
            Field(
                "milestone",
                Kind.REF,
                target="milestones",
                width=6,
                help="Or the milestone (key or title).",
            ),
            Field(
                "deliverable",
                Kind.REF,
                target="deliverables",
                width=6,
                help="Or the deliverable (key or title).",
            ),
            Field(
                "allocation",
                Kind.PERCENT,
                minimum=0,
                maximum=100,
                width=6,
                label="Alloc",
                help="Share of the person's weekly capacity (0-100); empty for a RACI role "
                "without hours.",
            ),
            *_ASSIGNED.fields,
            choice_field(
                "responsibility",
                RESPONSIBILITIES,
                width=4,
                label="RACI",
                help="R does the work, A answers for it (one per item), C is consulted, "
                "I is informed.",
            ),
        ),
    )
)

NOTES = register(
    RecordType(
        table="notes",
        singular="note",
        key_prefix="N",
        label_field="kind",
        private=True,
        board="people.notes",
        agenda=NOTE_AGENDA,
        help="Performance notes about a person: HR data, never in reports, exported only "
        "with --include-private, their text kept out of the activity log.",
        fields=(
            person_field(
                "person", required=True, width=14, help="Who the note is about (key or name)."
            ),
            Field(
                "date",
                Kind.DATE,
                required=True,
                default=today,
                width=10,
                help="When it happened.",
            ),
            choice_field("kind", NOTE_KINDS, required=True, default="one-to-one", width=9),
            Field("text", Kind.LONG_TEXT, required=True, width=34, help="What was said or seen."),
            Field("tags", Kind.TAGS, width=0, help="Tags, comma-separated."),
            Field(
                "follow_up",
                Kind.DATE,
                width=10,
                help="When to follow up; Today lists it as 'follow up with NAME'.",
            ),
            Field(
                "follow_up_done",
                Kind.BOOL,
                default=False,
                width=4,
                label="Done",
                help="Whether the follow-up happened.",
            ),
        ),
    )
)
