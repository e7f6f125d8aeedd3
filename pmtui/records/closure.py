"""Closing a project: lessons learned (what went well, what to change, who should know).

CONTRACT.md lists no table for them: `lessons` is named as its tables are (snake_case
plural); the project's own `archived`, `closed_on` and `closed_reason` sit on the project
record (pmtui.records.project).
"""

from __future__ import annotations

from pmtui.records.fields import choice_field, today
from pmtui.schema import Field, Kind, RecordType, register

LESSON_KINDS = ("went-well", "change")

LESSONS = register(
    RecordType(
        table="lessons",
        singular="lesson",
        key_prefix="LL",
        label_field="text",
        board="project.closure",
        help="Lessons learned: what went well, what to change next time, and who should know.",
        fields=(
            choice_field(
                "kind",
                LESSON_KINDS,
                default="went-well",
                required=True,
                width=9,
                help="What went well, or what to change next time.",
            ),
            Field("text", Kind.TEXT, required=True, width=40, help="The lesson, in one line."),
            Field(
                "who_should_know",
                Kind.TEXT,
                width=16,
                help="Who should hear it: people, a team or the next project (free text).",
            ),
            Field("noted_on", Kind.DATE, default=today, width=10, help="When it was noted."),
        ),
    )
)
