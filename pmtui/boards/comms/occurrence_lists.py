"""The open occurrence's agenda and actions lists: the agenda's caption (time set aside
against the meeting's length) and the lists' columns, their text taking the room there is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pmtui.boards.table import columns_for
from pmtui.schema import Kind, Record
from pmtui.tables import record_type
from pmtui.widgets.record_table import Column


def agenda_caption(items: list[Record], meeting: Record) -> str:
    """'Agenda · 3 items, 25 of 30 min · a adds one': the time the items set aside against
    the meeting's length, said plainly when they take more."""
    if not items:
        return "Agenda · empty · a adds an item"
    allowed = sum(int(item.get("minutes_allowed") or 0) for item in items)
    length = int(meeting.get("length") or 0)
    count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    over = f", {allowed - length} min over" if length and allowed > length else ""
    of = f", {allowed} of {length} min{over}" if length else f", {allowed} min"
    return f"Agenda · {count}{of} · a adds one"


def list_columns(table: str, left_out: Sequence[str]) -> tuple[list[Column], list[int]]:
    """A table's declared columns without `left_out`, and where the kept ones were; its
    text (an agenda item's topic, an action's text) takes the room there is, names and
    places giving way first (pmtui.widgets.columns.share_widths)."""
    rt = record_type(table)
    declared = columns_for(rt)
    kept = [i for i, c in enumerate(declared) if c.key not in left_out]
    shown = [declared[i] for i in kept]
    names = {f.name for f in rt.fields if f.kind == Kind.REF}  # an owner: a name, cut if need be
    return [
        replace(c, cut_last=c.key == rt.label_field, text=True if c.key in names else c.text)
        for c in shown
    ], kept
