"""Table columns without Textual: the Column declaration, how cells sort, fit and share a width."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len, set_cell_size

MIN_COLUMN = 6  # fitting to the screen never narrows a column below this
_CONTROL_TO_SPACE = {code: " " for code in [*range(32), 127]}
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


def fit_widths(widths: Sequence[int], available: int, gap: int) -> list[int]:
    """Column widths that fit `available` cells (with `gap` cells around each column),
    narrowing the widest first, never below MIN_COLUMN; unchanged when available is 0."""
    fitted = list(widths)
    excess = sum(fitted) + gap * (len(fitted) + 1) - available
    while available and excess > 0:
        widest = max(range(len(fitted)), key=fitted.__getitem__)
        if fitted[widest] <= MIN_COLUMN:
            break
        fitted[widest] -= 1
        excess -= 1
    return fitted
