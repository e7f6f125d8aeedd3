"""A throwaway table with a board, declared the way an area declares one: this record
module (its service too: a computed column) and its lines in the area's declaration.
Nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pmtui.areas import Area, board
from pmtui.context import Context
from pmtui.schema import Field, Kind, Record, RecordType, register

GADGETS = register(
    RecordType(
        table="gadgets",
        singular="gadget",
        key_prefix="G",
        board="comms.gadgets",
        help="Test only: things bought by the piece.",
        fields=(
            Field("title", Kind.TEXT, required=True, width=20, help="What it is."),
            Field("price", Kind.MONEY, width=10, help="Price of one."),
            Field("quantity", Kind.INTEGER, width=5, help="How many."),
            Field("total", Kind.MONEY, computed=True, width=10, help="Price times quantity."),
        ),
    )
)


def totals(ctx: Context, records: Sequence[Record]) -> dict[str, dict[str, Any]]:
    """The computed column: price x quantity."""
    return {
        str(r["key"]): {"total": float(r.get("price") or 0) * int(r.get("quantity") or 0)}
        for r in records
    }


COMPUTED = {"gadgets": totals}

#: The lines of the area's declaration: its record module, its service, its board (Comms,
#: where it is added after the area's own boards: Money, where this lived first, and Comms
#: have boards of their own now).
ADDED = Area(
    7,
    "comms",
    "Comms",
    records=("tests.throwaway_area",),
    services=("tests.throwaway_area",),
    boards=(board("gadgets", "Gadgets", table="gadgets"),),
)


def added_to(area: Area) -> Area:
    """`area` with the throwaway table, its service and its board (the last tab) added."""
    return replace(
        area,
        records=area.records + ADDED.records,
        services=area.services + ADDED.services,
        boards=area.boards + ADDED.boards,
    )
