"""Action items: who does what by when, and where it came from (a meeting, a risk...).

Closed with `done` (status done, done_on today) from Today, the Actions board or
`pmtui done`; added from one quick-add line (`pmtui.domain.quickadd`).
"""

from __future__ import annotations

from pmtui.records.fields import owner_field, status_field
from pmtui.schema import Agenda, Due, Field, Kind, RecordType, register

ACTION_STATUSES = ("open", "done", "dropped")

ACTION_AGENDA = Agenda(
    due=(
        Due(
            "action",
            "due",
            lambda r: (r.get("status") or "open") == "open",
            about="open",
            undated=True,
        ),
    ),
    done=(("status", "done"),),
    done_on="done_on",
    snooze="due",
)

ACTIONS = register(
    RecordType(
        table="actions",
        singular="action",
        key_prefix="A",
        label_field="text",
        board="today.actions",
        help="Action items: what someone does by when, and the record it came from.",
        agenda=ACTION_AGENDA,
        fields=(
            Field("text", Kind.TEXT, required=True, width=30, help="What is to be done."),
            owner_field("Who does it (key, or a unique part of the name)."),
            Field("due", Kind.DATE, width=10, help="By when (fri, +3d, next week...)."),
            Field(
                "source",
                Kind.RECORD,
                width=14,
                help="The record it came from, as table:key (occurrences:O12, risks:R3).",
            ),
            status_field(ACTION_STATUSES, "open", width=7, help="Where the action stands."),
            Field("done_on", Kind.DATE, width=0, help="When it was done."),
        ),
    )
)
