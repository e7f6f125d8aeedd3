"""The demo project: each area adds its realistic records, with dates relative to today.

An area names its builder in its declaration (pmtui.areas: `demo`, and the areas whose demo
records it refers to in `demo_needs`); builders run inside one transaction, so the demo is
one write.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date

from pmtui import areas
from pmtui.areas import Area, area
from pmtui.demo.base import demo_project
from pmtui.store import Store

Builder = Callable[[Store, date], None]


def builders() -> list[Builder]:
    """Every area's demo builder, each after the builders of the areas it needs."""
    order: list[Area] = []

    def visit(declared: Area) -> None:
        if declared in order:
            return
        for name in declared.demo_needs:
            visit(area(name))
        order.append(declared)

    for declared in areas.AREAS:
        visit(declared)
    found: list[Builder] = []
    for declared in order:
        if declared.demo:
            module, _, name = declared.demo.partition(":")
            found.append(getattr(importlib.import_module(module), name))
    return found


def build_demo(store: Store) -> None:
    """Fill `store` with the demo records of every area, as one saved step."""
    today = store.today
    with store.transaction("build demo"):
        for builder in builders():
            builder(store, today)


__all__ = ["Builder", "build_demo", "builders", "demo_project"]
