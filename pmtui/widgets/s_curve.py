"""An S-curve of cumulative PV, EV and AC over time, drawn in the theme's colours."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

#: Drawing order: a later series covers an earlier one where they meet.
SERIES = (("pv", "·", "PV planned"), ("ac", "×", "AC spent"), ("ev", "•", "EV earned"))


@dataclass(frozen=True)
class CurvePoint:
    """One day's cumulative values (None: not known, after the as-of date)."""

    label: str
    pv: float
    ev: float | None
    ac: float | None


class SCurve(Widget):
    """Columns are days (sampled to fit), rows are amounts from 0 to the highest value."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "s-curve--pv",
        "s-curve--ev",
        "s-curve--ac",
        "s-curve--axis",
    }
    DEFAULT_CSS = """
    SCurve {
        height: 1fr;
        min-height: 5;
        & > .s-curve--pv { color: $primary; }
        & > .s-curve--ev { color: $success; text-style: bold; }
        & > .s-curve--ac { color: $warning; text-style: bold; }
        & > .s-curve--axis { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[CurvePoint] = []
        self.marker = -1

    def show(self, points: Sequence[CurvePoint], marker: int = -1) -> None:
        """Draw `points`; `marker` is the index of the as-of day (a vertical line)."""
        self.points = list(points)
        self.marker = marker
        self.refresh()

    def render(self) -> Text:
        width, height = max(10, self.size.width - 1), max(3, self.size.height - 2)
        if not self.points:
            return Text("No budgets or dates to draw yet.", style=self._style("axis"))
        count = len(self.points)
        columns = [self.points[min(count - 1, i * count // width)] for i in range(width)]
        at_marker = (self.marker * width // count) if self.marker >= 0 else -1
        top = max(max(p.pv, p.ev or 0.0, p.ac or 0.0) for p in self.points) or 1.0
        grid = [[" "] * width for _ in range(height)]
        styles: list[list[str]] = [["axis"] * width for _ in range(height)]
        for column in range(width):
            if column == at_marker:
                for row in range(height):
                    grid[row][column] = "│"
        for name, mark, _ in SERIES:
            for column, point in enumerate(columns):
                value = getattr(point, name)
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                row = height - 1 - round(value / top * (height - 1))
                grid[row][column], styles[row][column] = mark, name
        text = Text()
        for row in range(height):
            for column in range(width):
                text.append(grid[row][column], self._style(styles[row][column]))
            text.append("\n")
        first, last = self.points[0].label, self.points[-1].label
        text.append(f"{first}{last:>{max(1, width - len(first))}}\n", self._style("axis"))
        for name, mark, about in SERIES:
            text.append(f"{mark} {about}  ", self._style(name))
        text.append("│ as-of date", self._style("axis"))
        return text

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"s-curve--{name}")
