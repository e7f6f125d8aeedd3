"""Vendors and their comparison: directory, comparisons, weighted criteria, scores and quotes.

This module declares the tables (and test data that obeys their rules). The rules live in
vendor_rules.py; one comparison's records are gathered for the scoring domain by
pmtui/comparisons.py.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from pmtui.generate import FIXERS, REF_FIXERS
from pmtui.records.vendor_rules import (
    comparison_check,
    comparison_rules,
    comparison_status,
    criterion_check,
    criterion_rules,
    quote_check,
    score_rules,
    vendor_check,
    vendor_rules,
)
from pmtui.schema import Field, Kind, RecordType, register

#: Years a comparison's TCO covers unless it says otherwise.
DEFAULT_HORIZON_YEARS = 3
VENDOR_STATUSES = ("candidate", "shortlisted", "selected", "rejected", "contracted")


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
        rules=vendor_rules,
        fields=(
            Field("name", Kind.TEXT, required=True, width=18, help="The vendor's name (unique)."),
            Field("category", Kind.TEXT, width=12, help="What they supply, e.g. software."),
            Field("contact", Kind.TEXT, width=0, help="Who to call: name, e-mail, phone."),
            Field("website", Kind.URL, width=0, help="The vendor's web site."),
            Field(
                "status",
                Kind.CHOICE,
                choices=VENDOR_STATUSES,
                default="candidate",
                width=11,
                help="Where the vendor stands: " + ", ".join(VENDOR_STATUSES) + ".",
            ),
            Field("contract_start", Kind.DATE, label="Start", width=10, help="Contract start."),
            Field("contract_end", Kind.DATE, label="End", width=10, help="Contract end."),
            Field(
                "renewal_notice",
                Kind.DATE,
                label="Notice by",
                width=10,
                help="The last day to give notice or renew; Today lists it 60 days ahead.",
            ),
            Field("notes", Kind.LONG_TEXT, width=0, help="Anything worth remembering."),
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
        rules=comparison_rules,
        compute=comparison_status,
        fields=(
            Field("title", Kind.TEXT, required=True, width=22, help="e.g. Ticketing platform."),
            Field("question", Kind.LONG_TEXT, width=0, help="The question the decision answers."),
            Field(
                "status",
                Kind.CHOICE,
                choices=("open", "decided"),
                computed=True,
                width=8,
                help="open until a vendor is chosen, then decided (computed).",
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
            Field(
                "decided_by",
                Kind.REF,
                target="people",
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
        rules=criterion_rules,
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
        rules=score_rules,
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


# ---------------------------------------------------------------- test data that obeys the rules


def _fix_vendor(row: dict[str, str], rng: random.Random) -> None:
    # Random start and notice dates are all in 2026 or near today: an end in 2030 follows both.
    if "contract_end" in row:
        row["contract_end"] = "2030-12-31"


def _fix_comparison(row: dict[str, str], rng: random.Random) -> None:
    # A random decision would need an approver whose limit covers a TCO not yet quoted.
    for name in ("chosen_vendor", "decided_by", "decided_on"):
        row.pop(name, None)
    if "horizon_years" in row:
        row["horizon_years"] = str(rng.randint(1, 10))


def _fix_criterion(row: dict[str, str], rng: random.Random) -> None:
    row["weight"] = str(rng.randint(1, 100))


def _fix_score(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, Sequence[str]], index: int
) -> None:
    vendors, criteria = refs.get("vendors", []), refs.get("criteria", [])
    if vendors and criteria:
        # Row n gets the n-th (vendor, criterion) pair: one score per pair, by construction.
        row["vendor"] = vendors[(index - 1) % len(vendors)]
        row["criterion"] = criteria[(index - 1) // len(vendors) % len(criteria)]
    row.pop("comparison", None)  # the criterion's comparison is the score's
    row["score"] = rng.choice(("0", "0.5", "1"))  # within every scale (1 to 10)


def _fix_quote(row: dict[str, str], rng: random.Random) -> None:
    if "one_off" not in row and "recurring_per_year" not in row:
        row["one_off"] = str(rng.randint(0, 100_000))


FIXERS.update(
    vendors=_fix_vendor, comparisons=_fix_comparison, criteria=_fix_criterion, quotes=_fix_quote
)
REF_FIXERS["scores"] = _fix_score


__all__ = [
    "COMPARISONS",
    "CRITERIA",
    "DEFAULT_HORIZON_YEARS",
    "QUOTES",
    "SCORES",
    "VENDORS",
    "VENDOR_STATUSES",
]
