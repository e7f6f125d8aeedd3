"""The Comms area's demo: the meetings (pmtui.demo.meetings), then stakeholders, the
communication plan, needs and surveys (pmtui.demo.stakeholders)."""

from __future__ import annotations

from datetime import date

from pmtui.demo import meetings, stakeholders
from pmtui.store import Store


def add_demo(store: Store, today: date) -> None:
    """Add the meetings, then the stakeholder records."""
    meetings.add_demo(store, today)
    stakeholders.add_demo(store, today)
