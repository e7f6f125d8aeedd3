"""A record table whose load cells take the theme's over- and under-allocation colours."""

from __future__ import annotations

from typing import ClassVar

from pmtui.domain.allocation import FULL_FROM, FULL_UP_TO, WeekLoad, shown_percent
from pmtui.widgets.record_table import RecordTable


def load_text(week: WeekLoad) -> str:
    """A week's load for people: '138 %', or 'off' when nothing is available."""
    shown = shown_percent(week.load, week.band)
    if shown is None:
        return "off!" if week.spans else "off"
    return f"{shown} %"


def load_style(text: str) -> str | None:
    """The component class for a cell written by `load_text` (its number decides the band)."""
    if text.startswith("off"):
        return "record-table--over" if text.endswith("!") else "record-table--muted"
    number = int(text.split()[0])
    if number > FULL_UP_TO * 100:
        return "record-table--over"
    if number < FULL_FROM * 100:
        return "record-table--under"
    return None


class LoadTable(RecordTable):
    """RecordTable plus two cell styles: $over-allocation and $under-allocation."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *RecordTable.COMPONENT_CLASSES,
        "record-table--over",
        "record-table--under",
    }
    DEFAULT_CSS = """
    LoadTable {
        & > .record-table--over { color: $over-allocation; text-style: bold; }
        & > .record-table--under { color: $under-allocation; }
        &:nocolor > .record-table--over { text-style: bold reverse; }
    }
    """
