"""The demo's money: a fiscal year of budget lines, an invoice ledger that runs about 12 %
over the earned value (CPI below 1), one category over plan this month, an expense nobody
filed, and three business options for the roll-out."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.services.money import evm_inputs
from pmtui.store import Store

#: Monthly plan per category while the project runs; software has its licence month.
MONTHLY_PLAN = {"labour": 84_000, "services": 26_000, "software": 6_000, "hardware": 4_000,
                "travel": 1_500}  # fmt: skip
LICENCE_PLAN = 48_000
#: How much the invoices exceed the value earned: about 12 % over budget.
OVERRUN = 1.12
#: Task -> (category, vendor name or None, what the invoices are for).
TASK_SPEND: dict[str, tuple[str, str | None, str]] = {
    "T2": ("labour", None, "Charter and plan workshops"),
    "T3": ("services", "S/4 Partners", "Integrator onboarding"),
    "T6": ("services", "S/4 Partners", "Fit-to-standard workshops FI/CO"),
    "T7": ("services", "S/4 Partners", "Fit-to-standard workshops MM/SD"),
    "T8": ("labour", None, "Integration design"),
    "T9": ("labour", None, "Data migration strategy"),
    "T12": ("labour", None, "FI/CO configuration"),
    "T13": ("services", "S/4 Partners", "MM/SD configuration"),
    "T14": ("labour", None, "Bank and CRM interfaces"),
    "T15": ("services", "S/4 Partners", "Custom developments"),
    "T16": ("software", "Kofax", "Mock load tooling licences"),
    "T17": ("labour", None, "Vendor IBAN cleansing"),
    "T21": ("labour", None, "Test plan and scripts"),
}
#: (days ago, amount, category, description, reference): spent on no task.
UNALLOCATED = (
    (70, 1_840.0, "travel", "Kick-off travel, Munich", "TR-0911"),
    (40, 2_310.0, "travel", "Blueprint workshops travel", "TR-1014"),
    (22, 3_900.0, "hardware", "Laptops for key users", "PO-4471"),
    (3, 2_950.0, "travel", "Go-live rehearsal travel, Hamburg", "TR-1204"),
    (12, 460.0, "other", "Catering, steering committee", ""),
)
#: (name, rate %, description, [(period, cost, benefit, note)]) in thousands.
OPTIONS: tuple[tuple[str, float, str, list[tuple[int, float, float, str]]], ...] = (
    ("Keep the legacy ERP", 8, "Extend support of the old system; no migration.",
     [(0, 0, 0, "nothing now"), (1, 420, 0, "extended support"), (2, 460, 0, "extended support"),
      (3, 510, 0, "extended support"), (4, 560, 0, "extended support"),
      (5, 620, 0, "extended support")]),
    ("S/4HANA on-premise", 8, "Own hardware, S/4 Partners integrates; this project.",
     [(0, 970, 0, "roll-out (BAC)"), (1, 180, 520, "run costs; savings"),
      (2, 180, 610, "run costs; savings"), (3, 190, 640, "run costs; savings"),
      (4, 190, 660, "run costs; savings"), (5, 200, 680, "run costs; savings")]),
    ("S/4HANA RISE (cloud)", 8, "Subscription; smaller roll-out, higher yearly fee.",
     [(0, 640, 0, "roll-out"), (1, 310, 520, "subscription; savings"),
      (2, 310, 610, "subscription; savings"), (3, 320, 640, "subscription; savings"),
      (4, 320, 660, "subscription; savings"), (5, 330, 680, "subscription; savings")]),
)  # fmt: skip


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months(first: date, count: int) -> list[str]:
    found = []
    year, month = first.year, first.month
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def add_demo(store: Store, today: date) -> None:
    """Twelve months of budget lines, 40+ expenses, three business options."""
    ctx = store.read_context()
    project_start = date.fromisoformat(str(ctx.project.get("start") or today.isoformat()))
    this_month = _month(today)
    # Twelve months from the project's first: the roll-out and its hypercare, across the
    # fiscal years they fall in (the Budget board switches between them).
    for month in _months(project_start, 12):
        for category, amount in MONTHLY_PLAN.items():
            planned = amount
            if category == "software" and month == _month(project_start + timedelta(days=60)):
                planned = LICENCE_PLAN
            if category == "travel" and month == this_month:
                planned = 1_000  # the rehearsal trip below passes it: Today says so
            store.add("budget_lines", {"month": month, "category": category,
                                       "planned": str(planned)})  # fmt: skip
    tasks, _ = evm_inputs(ctx)
    vendors = {str(v.get("name")): str(v["key"]) for v in store.records("vendors")}
    number = 1000
    for task in tasks:
        if task.key not in TASK_SPEND or not task.percent_complete or not task.budget:
            continue
        category, vendor, what = TASK_SPEND[task.key]
        spent = task.budget * task.percent_complete / 100 * OVERRUN
        first = task.actual_start or task.planned_start
        last = min(today - timedelta(days=1), task.actual_finish or today)
        invoices = 4 if spent > 40_000 else 3 if spent > 15_000 else 2
        span = max(1, (last - first).days)
        for index in range(invoices):
            number += 7
            day = first + timedelta(days=span * (index + 1) // invoices)
            row = {
                "date": min(day, today).isoformat(),
                "amount": f"{spent / invoices:.2f}",
                "category": category,
                "task": task.key,
                "description": f"{what}, part {index + 1} of {invoices}",
                "reference": f"INV-{number}",
            }
            if vendor and vendor in vendors:
                row["vendor"] = vendors[vendor]
            store.add("expenses", row)
    for days_ago, paid, category, description, reference in UNALLOCATED:
        store.add("expenses", {"date": (today - timedelta(days=days_ago)).isoformat(),
                               "amount": str(paid), "category": category,
                               "description": description,
                               "reference": reference})  # fmt: skip
    for name, rate, description, flows in OPTIONS:
        option = store.add(
            "business_options",
            {"name": name, "discount_rate": str(rate), "description": description},
        )
        for period, cost, benefit, note in flows:
            store.add("cash_flows", {"option": option["key"], "period": str(period),
                                     "cost": str(cost * 1000), "benefit": str(benefit * 1000),
                                     "note": note})  # fmt: skip
