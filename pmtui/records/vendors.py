"""Vendors and their comparison: directory, comparisons, weighted criteria, scores and quotes.

This module declares the tables and their rules within one record. The rules across records
live in pmtui/services/vendor_rules.py; one comparison's records are gathered for the scoring
domain by pmtui/services/comparisons.py.
"""

from __future__ import annotations

from datetime import date

from pmtui.records.fields import (
    choice_field,
    date_range,
    notes_field,
    person_field,
    status_field,
)
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

#: Days ahead a contract's notice date needs the manager (Today lists it, the Vendors board
#: marks it).
NOTICE_LEAD_DAYS = 60
#: Years a comparison's TCO covers unless it says otherwise.
DEFAULT_HORIZON_YEARS = 3
VENDOR_STATUSES = ("candidate", "shortlisted", "selected", "rejected", "contracted")
_CONTRACT = date_range(
    ("contract_start", "contract_end"),
    ("Contract start.", "Contract end."),
    named="the contract start",
    labels=("Start", "End"),
    width=10,
)


# ---------------------------------------------------------------- rules within one record


def vendor_check(record: Record) -> dict[str, str]:
    """A vendor's contract dates in order: start, notice by, end."""
    end, notice = record.get("contract_end"), record.get("renewal_notice")
    errors = _CONTRACT.check(record)
    if notice and end and notice > end:
        errors["renewal_notice"] = f"{notice} is after the contract end {end}"
    return errors


def comparison_check(record: Record) -> dict[str, str]:
    """A positive horizon; a chosen vendor needs who decided and when."""
    errors: dict[str, str] = {}
    horizon = record.get("horizon_years")
    if horizon is not None and horizon <= 0:
        errors["horizon_years"] = "must be more than 0 years"
    if record.get("chosen_vendor"):
        for name in ("decided_by", "decided_on"):
            if not record.get(name):
                errors[name] = "is required once a vendor is chosen"
    return errors


def criterion_check(record: Record) -> dict[str, str]:
    """A positive weight."""
    weight = record.get("weight")
    if weight is not None and weight <= 0:
        return {"weight": "must be more than 0 (any positive number; weights need not sum to 100)"}
    return {}


def notice_days_left(record: Record, today: date) -> int | None:
    """Days from `today` to the vendor's notice date while it needs the manager: within
    NOTICE_LEAD_DAYS ahead, or passed (negative) while the contract still runs; else None."""
    try:
        notice = date.fromisoformat(str(record.get("renewal_notice") or ""))
    except ValueError:
        return None
    left = (notice - today).days
    if left > NOTICE_LEAD_DAYS:
        return None
    if left < 0:
        try:
            end = date.fromisoformat(str(record.get("contract_end") or ""))
        except ValueError:
            return left  # no end given: the contract runs on
        return left if end >= today else None
    return left


def quote_check(record: Record) -> dict[str, str]:
    """A one-off cost, a recurring one, or both."""
    if record.get("one_off") is None and record.get("recurring_per_year") is None:
        return {"one_off": "give a one-off cost, a recurring cost per year, or both"}
    return {}


# ---------------------------------------------------------------- agenda (Today)

#: Days ahead Today lists a contract's notice date and end.
NOTICE_DAYS = 60


def _under_contract(record: Record) -> bool:
    return record.get("status") not in ("rejected", "candidate")


VENDOR_AGENDA = Agenda(
    due=(
        Due(
            "notice",
            "renewal_notice",
            _under_contract,
            about="neither candidate nor rejected",
            ahead=NOTICE_DAYS,
        ),
        Due(
            "contract end",
            "contract_end",
            _under_contract,
            about="neither candidate nor rejected",
            ahead=NOTICE_DAYS,
            overdue=False,
        ),
    ),
    owner="",
    refuse="a contract is renewed or ended on the vendor's board",
)


# ---------------------------------------------------------------- declarations

VENDORS = register(
    RecordType(
        table="vendors",
        singular="vendor",
        key_prefix="V",
        label_field="name",
        board="vendors.directory",
        help="Suppliers and consultants: who they are, where they stand, their contract dates.",
        check=vendor_check,
        agenda=VENDOR_AGENDA,
        fields=(
            Field("name", Kind.TEXT, required=True, width=18, help="The vendor's name (unique)."),
            Field("category", Kind.TEXT, width=12, help="What they supply, e.g. software."),
            Field("contact", Kind.TEXT, width=0, help="Who to call: name, e-mail, phone."),
            Field("website", Kind.URL, width=0, help="The vendor's web site."),
            status_field(VENDOR_STATUSES, "candidate", width=11, help="Where the vendor stands."),
            *_CONTRACT.fields,
            Field(
                "renewal_notice",
                Kind.DATE,
                label="Notice by",
                width=10,
                help=f"The last day to give notice or renew; Today lists it {NOTICE_LEAD_DAYS} "
                "days ahead.",
            ),
            notes_field(),
        ),
    )
)

COMPARISONS = register(
    RecordType(
        table="comparisons",
        singular="comparison",
        key_prefix="CMP",
        board="vendors.compare",
        help="One vendor decision: candidates scored on weighted criteria, and the choice made.",
        check=comparison_check,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Ticketing platform."),
            Field("question", Kind.LONG_TEXT, width=0, help="The question the decision answers."),
            choice_field(
                "status",
                ("open", "decided"),
                computed=True,
                width=8,
                help="Open until a vendor is chosen, then decided (computed).",
            ),
            Field(
                "scale",
                Kind.INTEGER,
                default=5,
                minimum=1,
                maximum=10,
                width=5,
                help="The highest score: scores run 0..scale (5 by default, up to 10).",
            ),
            Field(
                "horizon_years",
                Kind.NUMBER,
                label="Horizon (years)",
                default=DEFAULT_HORIZON_YEARS,
                width=7,
                help="Years of recurring costs counted in the total cost of ownership.",
            ),
            Field(
                "candidates",
                Kind.REFS,
                target="vendors",
                width=0,
                help="The vendors compared (keys or names); scored or quoted vendors join them.",
            ),
            Field(
                "chosen_vendor",
                Kind.REF,
                target="vendors",
                label="Chosen",
                width=14,
                help="The vendor chosen; setting it records the decision.",
            ),
            Field("rationale", Kind.LONG_TEXT, width=0, help="Why this vendor."),
            person_field(
                "decided_by",
                width=0,
                help="Who approved it; their approval limit must cover the chosen vendor's TCO.",
            ),
            Field("decided_on", Kind.DATE, width=10, help="When the decision was taken."),
        ),
    )
)

CRITERIA = register(
    RecordType(
        table="criteria",
        singular="criterion",
        key_prefix="CR",
        label_field="name",
        board="vendors.compare",
        help="What vendors are scored on in a comparison, and how much each criterion weighs.",
        check=criterion_check,
        fields=(
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                required=True,
                width=6,
                help="The comparison (key or title).",
            ),
            Field("name", Kind.TEXT, required=True, width=20, help="e.g. Support SLA (unique)."),
            Field(
                "weight",
                Kind.NUMBER,
                required=True,
                default=10,
                minimum=0,
                width=6,
                help="Any positive number; weights need not sum to 100.",
            ),
            Field("description", Kind.LONG_TEXT, width=30, help="What a high score means."),
        ),
    )
)

SCORES = register(
    RecordType(
        table="scores",
        singular="score",
        key_prefix="SC",
        label_field="note",
        board="vendors.compare",
        help="One vendor's score on one criterion of a comparison, and why.",
        fields=(
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                width=6,
                help="The comparison (key or title); when empty, the criterion's.",
            ),
            Field(
                "vendor",
                Kind.REF,
                target="vendors",
                required=True,
                width=14,
                help="The vendor scored (key or name).",
            ),
            Field(
                "criterion",
                Kind.REF,
                target="criteria",
                owner=True,
                required=True,
                width=14,
                help="The criterion (key, or name when unique); one score per vendor each.",
            ),
            Field(
                "score",
                Kind.NUMBER,
                required=True,
                minimum=0,
                maximum=10,
                width=5,
                help="0 up to the comparison's scale.",
            ),
            Field("note", Kind.TEXT, width=30, help="Why this score."),
        ),
    )
)

QUOTES = register(
    RecordType(
        table="quotes",
        singular="quote",
        key_prefix="Q",
        label_field="item",
        board="vendors.quotes",
        help="Priced lines of a vendor's offer; they make up its total cost of ownership.",
        check=quote_check,
        fields=(
            Field(
                "vendor",
                Kind.REF,
                target="vendors",
                required=True,
                width=14,
                help="The vendor quoting (key or name).",
            ),
            Field(
                "comparison",
                Kind.REF,
                target="comparisons",
                owner=True,
                required=True,
                width=14,
                help="The comparison the quote prices (key or title).",
            ),
            Field("item", Kind.TEXT, required=True, width=20, help="e.g. Licences, 50 agents."),
            Field(
                "one_off",
                Kind.MONEY,
                minimum=0,
                label="One-off",
                width=11,
                help="Cost paid once (set-up, migration).",
            ),
            Field(
                "recurring_per_year",
                Kind.MONEY,
                minimum=0,
                label="Per year",
                width=11,
                help="Cost paid every year (licences, support).",
            ),
        ),
    )
)


__all__ = [
    "COMPARISONS",
    "CRITERIA",
    "DEFAULT_HORIZON_YEARS",
    "QUOTES",
    "SCORES",
    "VENDORS",
    "VENDOR_STATUSES",
]
