"""Money: annual budget lines, the actuals ledger (expenses), business options and their flows.

The rules across records (categories from the project's list, one budget line per month and
category, one flow per option and period) and the computed fields Today reads live in
pmtui/services/money.py; the maths in pmtui/domain/evm.py, budget.py and finance.py.
"""

from __future__ import annotations

from pmtui.records.fields import choice_field, today
from pmtui.schema import Agenda, Due, Field, Kind, Record, RecordType, register

#: The category an expense gets when nobody says; an expense left there (and with no task)
#: for more than UNFILED_DAYS is listed on Today.
DEFAULT_CATEGORY = "other"
#: Days an expense may stay without a task or a category other than the default.
UNFILED_DAYS = 7
PERIOD_LENGTHS = ("year", "quarter", "month")


def _over_plan(record: Record) -> bool:
    return bool(record.get("over_plan"))


def _unfiled(record: Record) -> bool:
    return bool(record.get("unfiled"))


BUDGET_LINE_AGENDA = Agenda(
    due=(Due("over plan", "", _over_plan, about="this month's actuals above the plan"),),
    title="{category} over plan in {month}",
    owner="",
    refuse="a budget line is re-planned on the Budget board",
)

EXPENSE_AGENDA = Agenda(
    due=(
        Due(
            "unfiled",
            "",
            _unfiled,
            about=f"older than {UNFILED_DAYS} days, with no task and the default category",
        ),
    ),
    title="file expense: {description}",
    owner="",
    refuse="give the expense a task or a category on the Budget board",
)

BUDGET_LINES = register(
    RecordType(
        table="budget_lines",
        singular="budget line",
        key_prefix="BL",
        label_field="category",
        board="money.budget",
        help="The annual budget: a planned amount per month and expense category.",
        agenda=BUDGET_LINE_AGENDA,
        fields=(
            Field(
                "month",
                Kind.MONTH,
                required=True,
                width=8,
                help="The month planned; its fiscal year follows the project's fiscal-year start.",
            ),
            Field(
                "category",
                Kind.TEXT,
                required=True,
                width=10,
                help="One of the project's expense categories (one line per month and category).",
            ),
            Field(
                "planned",
                Kind.MONEY,
                required=True,
                minimum=0,
                width=11,
                help="The amount planned for the month and category.",
            ),
            Field("note", Kind.TEXT, width=0, help="Where the figure comes from."),
            Field(
                "actual",
                Kind.MONEY,
                computed=True,
                width=11,
                help="Expenses of the category dated in the month (computed).",
            ),
            Field(
                "over_plan",
                Kind.BOOL,
                computed=True,
                width=0,
                help="Whether the current month's actuals are above the plan (computed).",
            ),
        ),
    )
)

EXPENSES = register(
    RecordType(
        table="expenses",
        singular="expense",
        key_prefix="E",
        label_field="description",
        board="money.expenses",
        help="The actuals ledger: what was spent, when, on what and with whom.",
        agenda=EXPENSE_AGENDA,
        fields=(
            Field(
                "date", Kind.DATE, required=True, default=today, width=10, help="When it was spent."
            ),
            Field(
                "amount",
                Kind.MONEY,
                required=True,
                width=11,
                help="The amount in the project currency (negative for a credit note).",
            ),
            Field(
                "category",
                Kind.TEXT,
                default=DEFAULT_CATEGORY,
                width=10,
                help="One of the project's expense categories.",
            ),
            Field(
                "task",
                Kind.REF,
                target="tasks",
                width=14,
                help="The task it pays for (key or title); empty: shown as unallocated.",
            ),
            Field("vendor", Kind.REF, target="vendors", width=12, help="Who was paid."),
            Field("description", Kind.TEXT, required=True, width=22, help="What was bought."),
            Field("reference", Kind.TEXT, width=10, help="Invoice or purchase order number."),
            Field(
                "unfiled",
                Kind.BOOL,
                computed=True,
                width=0,
                help=f"Older than {UNFILED_DAYS} days with neither a task nor a category other "
                f"than {DEFAULT_CATEGORY!r} (computed).",
            ),
        ),
    )
)

BUSINESS_OPTIONS = register(
    RecordType(
        table="business_options",
        singular="business option",
        key_prefix="BO",
        label_field="name",
        board="money.business",
        help="An option of the business case (do nothing, build, buy...) and its discount rate.",
        fields=(
            Field("name", Kind.TEXT, required=True, width=20, help="e.g. Buy SaaS."),
            Field(
                "discount_rate",
                Kind.PERCENT,
                default=8,
                minimum=0,
                maximum=100,
                width=6,
                help="The yearly rate the flows are discounted at, in percent (8 means 8 %).",
            ),
            choice_field(
                "period_length",
                PERIOD_LENGTHS,
                default="year",
                width=7,
                help="How long one period of the cash flows is.",
            ),
            Field("description", Kind.LONG_TEXT, width=0, help="What the option means."),
        ),
    )
)

CASH_FLOWS = register(
    RecordType(
        table="cash_flows",
        singular="cash flow",
        key_prefix="CF",
        label_field="note",
        board="money.business",
        help="One period of an option's costs and benefits; period 0 is now (undiscounted).",
        fields=(
            Field(
                "option",
                Kind.REF,
                target="business_options",
                owner=True,
                required=True,
                width=14,
                help="The business option (key or name).",
            ),
            Field(
                "period",
                Kind.INTEGER,
                required=True,
                minimum=0,
                maximum=600,
                width=6,
                help="0 for now, then 1, 2 ... (one flow per option and period).",
            ),
            Field("cost", Kind.MONEY, default=0, minimum=0, width=11, help="Money out."),
            Field("benefit", Kind.MONEY, default=0, minimum=0, width=11, help="Money in or saved."),
            Field("note", Kind.TEXT, width=20, help="What the figures are."),
        ),
    )
)


__all__ = [
    "BUDGET_LINES",
    "BUSINESS_OPTIONS",
    "CASH_FLOWS",
    "DEFAULT_CATEGORY",
    "EXPENSES",
    "PERIOD_LENGTHS",
    "UNFILED_DAYS",
]
