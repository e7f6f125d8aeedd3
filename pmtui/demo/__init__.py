"""The demo project: each area adds its realistic records, with dates relative to today.

A later area writes `pmtui/demo/<area>.py` with `add_demo(store, today)` and adds one line
to BUILDERS; builders run in order inside one transaction, so the demo is one write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pmtui.demo import base, people, plan, vendors
from pmtui.demo.base import demo_project
from pmtui.store import Store

Builder = Callable[[Store, date], None]

BUILDERS: list[Builder] = [
    base.add_demo,
    plan.add_demo,
    vendors.add_demo,
    people.add_demo,
]


def build_demo(store: Store) -> None:
    """Fill `store` with the demo records of every area, as one saved step."""
    today = store.today
    with store.transaction("build demo"):
        for builder in BUILDERS:
            builder(store, today)


__all__ = ["BUILDERS", "Builder", "build_demo", "demo_project"]
