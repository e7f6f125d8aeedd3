"""People x weeks, each cell a week's load coloured by its band ($over-allocation,
$under-allocation); the grid only draws what it is given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pmtui.domain.allocation import OFF, OVER, UNDER, WeekLoad, shown_percent
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn

_TONES = {OVER: "over", UNDER: "under", OFF: "muted"}
NAME_WIDTH = 16
WEEK_WIDTH = 5


def load_cell(week: WeekLoad) -> MatrixCell:
    """'138%' in the over colour, '40%' in the under colour, 'off' when nothing is available."""
    shown = shown_percent(week.load, week.band)
    text = "off" if shown is None else f"{shown}%"
    return MatrixCell(text, _TONES.get(week.band, ""))


class LoadGrid(Matrix):
    """Rows are people, columns are weeks (their Monday, mm-dd); the cursor picks a cell."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *Matrix.COMPONENT_CLASSES,
        "matrix--over",
        "matrix--under",
    }
    DEFAULT_CSS = """
    LoadGrid {
        & > .matrix--over { color: $over-allocation; text-style: bold; }
        & > .matrix--under { color: $under-allocation; }
        &:nocolor > .matrix--over { text-style: bold reverse; }
    }
    """

    def show(
        self, names: Sequence[str], weeks: Sequence[str], loads: Sequence[Sequence[WeekLoad]]
    ) -> None:
        """Draw one row per name, one column per week label."""
        frozen = [MatrixColumn("Person", NAME_WIDTH, "left")]
        columns = [MatrixColumn(label, WEEK_WIDTH) for label in weeks]
        body = [
            [MatrixCell(name), *(load_cell(week) for week in row)]
            for name, row in zip(names, loads, strict=True)
        ]
        self.set_data(frozen, columns, body)
