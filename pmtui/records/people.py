"""People on the project: who they are, their capacity, rate and authority."""

from __future__ import annotations

from typing import Any

from pmtui.records.fields import person_field
from pmtui.schema import Field, Kind, RecordType, register


def _person_check(record: dict[str, Any]) -> dict[str, str]:
    if record.get("manager") and record.get("manager") == record.get("key"):
        return {"manager": "a person cannot be their own manager"}
    return {}


PEOPLE = register(
    RecordType(
        table="people",
        singular="person",
        key_prefix="P",
        label_field="name",
        board="people.team",
        help="Everyone who works on, decides for, or supplies the project.",
        check=_person_check,
        fields=(
            Field("name", Kind.TEXT, required=True, width=20, help="Full name."),
            Field("role", Kind.TEXT, width=16, help="Role on the project."),
            Field("email", Kind.EMAIL, width=22, help="E-mail address."),
            Field(
                "capacity_hours",
                Kind.NUMBER,
                default=40,
                minimum=0,
                maximum=168,
                width=6,
                label="Capacity",
                help="Hours a week available to the project.",
            ),
            Field(
                "rate",
                Kind.MONEY,
                minimum=0,
                width=9,
                help="Cost per hour, in the project currency.",
            ),
            person_field(
                "manager", width=0, help="The person this person reports to (key or name)."
            ),
            Field(
                "approval_limit",
                Kind.MONEY,
                minimum=0,
                width=0,
                help="The largest change or purchase this person may approve.",
            ),
            Field("skills", Kind.TAGS, width=18, help="Skills, comma-separated."),
        ),
    )
)
