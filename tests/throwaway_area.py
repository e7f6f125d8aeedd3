"""A throwaway table with a board, declared the way a new area declares one: this record
module (its service too: a computed column) and one area declaration. Nothing else."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
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


def extended(area: Area) -> Area:
    """The area's declaration with the throwaway table and board added: the record module
    and service in its lists, one more board line. Every area has boards of its own now, so
    the throwaway one joins Comms (its tab comes last) instead of replacing it."""
    return dataclasses.replace(
        area,
        records=(*area.records, "tests.throwaway_area"),
        services=(*area.services, "tests.throwaway_area"),
        boards=(*area.boards, board("gadgets", "Gadgets", table="gadgets")),
    )
