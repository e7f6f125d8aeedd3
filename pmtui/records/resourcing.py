"""Getting people and means: open roles and their candidates, and resource requests with the
history of what was said or offered."""

from __future__ import annotations

from typing import Any

from pmtui.records.fields import choice_field, notes_field, person_field, status_field, today
from pmtui.schema import Agenda, Due, Field, Kind, RecordType, register

Record = dict[str, Any]

ROLE_STATUSES = ("open", "on hold", "filled", "cancelled")
CANDIDATE_STAGES = ("sourced", "screening", "interview", "offer", "hired", "rejected")
REQUEST_KINDS = ("people", "skills", "equipment", "budget")
REQUEST_STATUSES = (
    "drafted",
    "requested",
    "negotiating",
    "granted",
    "partly granted",
    "denied",
)
#: Where a request goes: field name -> what it names.
REQUEST_SOURCES = ("from_person", "from_vendor", "from_other")


def _request_check(record: Record) -> dict[str, str]:
    given = [name for name in REQUEST_SOURCES if record.get(name)]
    if len(given) > 1:
        return {given[1]: f"a request goes to one party; {given[0]} is already given"}
    return {}


#: Requests still waiting for an answer.
WAITING_REQUESTS = ("drafted", "requested", "negotiating")

ROLE_AGENDA = Agenda(
    due=(
        Due(
            "role needed",
            "needed_by",
            lambda r: r.get("status") == "open",
            about="open",
            undated=True,
        ),
    ),
    owner="",
    done=(("status", "filled"),),
    snooze="needed_by",
)
CANDIDATE_AGENDA = Agenda(
    due=(
        Due(
            "next step",
            "next_step_date",
            lambda r: r.get("stage") not in ("hired", "rejected"),
            about="not hired or rejected",
        ),
    ),
    title="{name}: {next_step}",
    owner="",
    refuse="a candidate moves on by stage: open it on its board",
    snooze="next_step_date",
)
REQUEST_AGENDA = Agenda(
    due=(
        Due(
            "request",
            "needed_by",
            lambda r: r.get("status") in WAITING_REQUESTS,
            about="drafted, requested or negotiating",
            undated=True,
        ),
    ),
    owner="from_person",
    refuse="a request is granted or denied by whoever was asked: open it on its board",
    snooze="needed_by",
)


OPEN_ROLES = register(
    RecordType(
        table="open_roles",
        singular="open role",
        key_prefix="OR",
        board="people.staffing",
        help="Roles the project still has to fill.",
        agenda=ROLE_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. ABAP developer."),
            Field("skills", Kind.TAGS, width=18, help="Skills wanted, comma-separated."),
            Field("needed_by", Kind.DATE, width=10, help="When the person must start."),
            Field(
                "allocation",
                Kind.PERCENT,
                minimum=0,
                maximum=100,
                default=100,
                width=5,
                label="Alloc",
                help="Share of a full week the role needs (0-100).",
            ),
            status_field(ROLE_STATUSES, "open", width=9, help="Where the role stands."),
        ),
    )
)

CANDIDATES = register(
    RecordType(
        table="candidates",
        singular="candidate",
        key_prefix="CA",
        label_field="name",
        board="people.staffing",
        help="People being considered for an open role, stage by stage.",
        agenda=CANDIDATE_AGENDA,
        fields=(
            Field("name", Kind.TEXT, required=True, width=18, help="Full name."),
            Field(
                "role",
                Kind.REF,
                target="open_roles",
                width=6,
                help="The open role (key or title).",
            ),
            choice_field("stage", CANDIDATE_STAGES, default="sourced", width=9),
            Field("next_step", Kind.TEXT, width=18, help="What happens next, e.g. tech interview."),
            Field("next_step_date", Kind.DATE, width=10, label="Next on", help="When."),
            notes_field("Impressions, salary talk, references."),
        ),
    )
)

RESOURCE_REQUESTS = register(
    RecordType(
        table="resource_requests",
        singular="resource request",
        key_prefix="RR",
        board="people.staffing",
        help="What the project asked for (people, skills, equipment, budget), from whom, "
        "and how it stands.",
        check=_request_check,
        agenda=REQUEST_AGENDA,
        fields=(
            Field("title", Kind.TEXT, required=True, width=24, help="What is asked for."),
            choice_field("kind", REQUEST_KINDS, default="people", width=9),
            person_field(
                "from_person", width=0, help="Asked of a person on the project (key or name)..."
            ),
            Field(
                "from_vendor",
                Kind.REF,
                target="vendors",
                width=0,
                help="...or of a vendor (key or name)...",
            ),
            Field(
                "from_other",
                Kind.TEXT,
                width=0,
                help="...or of anyone else, e.g. a stakeholder, by name.",
            ),
            Field("needed_by", Kind.DATE, width=10, help="When it is needed."),
            status_field(REQUEST_STATUSES, "drafted", width=11, help="Where the request stands."),
            Field("amount", Kind.MONEY, minimum=0, width=0, help="For a budget request."),
            Field("details", Kind.LONG_TEXT, width=0, help="Why it is needed, what exactly."),
        ),
    )
)

REQUEST_EVENTS = register(
    RecordType(
        table="request_events",
        singular="request event",
        key_prefix="RE",
        label_field="text",
        board="people.staffing",
        help="The history of a resource request: what was said or offered, and when.",
        fields=(
            Field(
                "request",
                Kind.REF,
                target="resource_requests",
                owner=True,
                required=True,
                width=6,
                help="The request (key or title).",
            ),
            Field(
                "date",
                Kind.DATE,
                required=True,
                default=today,
                width=10,
                help="When.",
            ),
            Field("text", Kind.TEXT, required=True, width=50, help="What was said or offered."),
        ),
    )
)
