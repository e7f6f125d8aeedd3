"""The demo's action items: what the manager promised or chased this week, from the
steering committee, a slipping milestone, a vendor's renewal, a submitted deliverable, a
candidate and a task. Dates are relative to today, so that on any day some are overdue,
some due today and some coming up; one is done and one dropped."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.store import Store

#: (text, owner, days from today (None: no due date), source as table:name, status)
ACTIONS: tuple[tuple[str, str, int | None, str, str], ...] = (
    ("Chase the bank for the IBAN validation list", "Samuel Okafor", -6,
     "milestones:Vendor master cleansed", "open"),
    ("Agree the re-run date for the cleansing report", "Tomasz Kowalski", -2,
     "deliverables:Vendor master cleansing report", "open"),
    ("Review the FI/CO configuration before sign-off", "Aylin Demir", 0,
     "deliverables:Configured system", "open"),
    ("Ask Kofax for the renewal quote", "Priya Nair", 0, "vendors:Kofax", "open"),
    ("Send the steering committee the build re-plan", "Markus Brandt", None,
     "milestones:Build complete", "open"),
    ("Book the interview room for Jana Novak", "Sophie Martin", 1, "candidates:Jana Novak",
     "open"),
    ("Get the bank's sign-off on the interface specs", "Chen Wei", 3,
     "tasks:Bank and CRM interfaces", "open"),
    ("Confirm the UAT key users with the process owners", "Lukas Becker", 5,
     "tasks:User acceptance test", "open"),
    ("Share the charter with the new controller", "Markus Brandt", -9,
     "deliverables:Project charter", "done"),
    ("Compare HaloITSM's second offer", "Priya Nair", -4, "vendors:HaloITSM", "dropped"),
)  # fmt: skip


def add_demo(store: Store, today: date) -> None:
    """Add the demo's action items (inside the demo's one transaction)."""
    for text, owner, offset, source, status in ACTIONS:
        values = {"text": text, "owner": owner, "source": source, "status": status}
        if offset is not None:
            values["due"] = (today + timedelta(days=offset)).isoformat()
        if status == "done":
            values["done_on"] = (today - timedelta(days=8)).isoformat()
        store.add("actions", values)
