"""Table columns without Textual: the Column declaration, how cells sort, fit and share a width.

How a table shares the width it has: a fixed column (a key, a date, a number, a status)
gets what its longest cell or its label needs, never less; the text columns (titles, names,
notes) take what is left, up to their longest cell, the widest cut first and none below
MIN_TEXT_COLUMN. Only when even that does not fit does the table scroll sideways.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len, set_cell_size

MIN_COLUMN = 6  # fitting to the screen never narrows a column below this
#: A left-aligned column declared at least this wide holds text (a title, a name, a note)
#: unless it says otherwise; narrower ones (keys, dates, statuses) and numbers are fixed.
TEXT_COLUMN_FROM = 12
#: Sharing the width never cuts a text column below this (or its longest cell, if shorter).
MIN_TEXT_COLUMN = 10
_CONTROL_TO_SPACE = {code: " " for code in [*range(32), *range(127, 160)]}  # C0, DEL, C1
_NUMBER_NOISE = re.compile(r"[,_\s$€£¥₹%]")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


@dataclass(frozen=True)
class Column:
    """One column: which cell it shows, its label, its width in cells and its alignment."""

    key: str
    label: str
    width: int
    align: Literal["left", "right"] = "left"
    # Names a component class of the table (e.g. "record-table--bad") for a cell's text.
    style_of: Callable[[str], str | None] | None = None
    #: Whether the column holds text that may be cut to share the width (None: a
    #: left-aligned column declared TEXT_COLUMN_FROM cells or wider does).
    text: bool | None = None
    #: A text column cut only once the other text columns are down to their minimum (a
    #: record's title beside names and places): it takes the room there is.
    cut_last: bool = False

    @property
    def is_text(self) -> bool:
        """Whether sharing the width may cut this column (else it gets what it needs)."""
        if self.text is not None:
            return self.text
        return self.align == "left" and self.width >= TEXT_COLUMN_FROM


def sort_key(text: str) -> tuple[int, float, str]:
    """Order numbers (with separators, %, currency, accounting brackets) before other text."""
    cleaned = _NUMBER_NOISE.sub("", text).replace("−", "-")
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = "-" + cleaned[1:-1]
    if _NUMBER.fullmatch(cleaned):
        return (0, float(cleaned), "")
    # ISO dates order correctly as text, so they need no parsing here.
    return (1, 0.0, text.casefold())


def fit_cell(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """Pad or truncate (with an ellipsis) one cell's text to exactly `width` cells."""
    text = text.translate(_CONTROL_TO_SPACE)
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding


def cells_width(texts: Iterable[str]) -> int:
    """The widest of `texts` in terminal cells (0 for none)."""
    return max(
        (len(text) if text.isascii() else cell_len(text.translate(_CONTROL_TO_SPACE)))
        for text in itertools.chain(texts, [""])
    )


def share_widths(
    columns: Sequence[Column], needed: Sequence[int], available: int, gap: int
) -> list[int]:
    """Column widths for `available` cells (with `gap` cells around each column): fixed
    columns get what they need (`needed`: the longest cell or label); text columns share
    what is left, up to what they need, the widest cut first, none below MIN_TEXT_COLUMN;
    a column `cut_last` keeps its room until the other text columns are down to theirs.
    With `available` 0 (not laid out yet) every column gets what it needs."""
    widths = [max(1, n) for n in needed]
    text = [i for i, column in enumerate(columns) if column.is_text]
    if not available or not text:
        return widths
    fixed = sum(w for i, w in enumerate(widths) if i not in text)
    room = available - fixed - gap * (len(widths) + 1)
    wanted = [widths[i] for i in text]
    if sum(wanted) <= room:
        return widths
    last = [i for i in text if columns[i].cut_last]
    first = [i for i in text if not columns[i].cut_last]
    if last and first:  # the others give way first, down to their minimum
        floors = sum(min(widths[i], MIN_TEXT_COLUMN) for i in first)
        kept = min(sum(widths[i] for i in last), max(0, room - floors))
        groups = [(last, kept), (first, room - kept)]
    else:
        groups = [(text, room)]
    for group, share in groups:
        for i, width in zip(group, _shared([widths[i] for i in group], share), strict=True):
            widths[i] = width
    return widths


def _shared(wanted: list[int], room: int) -> list[int]:
    """Widths for text columns wanting `wanted` in `room` cells: the widest cut first, none
    below MIN_TEXT_COLUMN (or what it wants, if less); a cell left over to the first."""
    if sum(wanted) <= room:
        return list(wanted)
    floors = [min(w, MIN_TEXT_COLUMN) for w in wanted]

    def capped(cap: int) -> list[int]:
        return [min(w, max(cap, f)) for w, f in zip(wanted, floors, strict=True)]

    # The highest cap with every text column cut to it (not below its floor) fitting the
    # room: the widest are cut first. Found by halving, as a note may be very long.
    low, high = 0, max(wanted)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(capped(middle)) <= room else (low, middle - 1)
    cap = low
    shared = capped(cap)
    spare = room - sum(shared)
    for index, width in enumerate(shared):
        extra = 1 if spare > 0 and width < wanted[index] and width >= cap else 0
        spare -= extra
        shared[index] = width + extra
    return shared
