"""The grid of one vendor comparison: criteria x vendors, then totals, score %, rank and TCO."""

from __future__ import annotations

from typing import Any

from pmtui.domain.scoring import ComparisonResult
from pmtui.services.comparisons import ComparisonData
from pmtui.widgets.matrix import Matrix, MatrixCell, MatrixColumn

_WEIGHT_WIDTH = 6


def plain_number(value: float) -> str:
    """12, 12.5, 0.25: no trailing zeros, at most two decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def short_money(value: float | None, width: int) -> str:
    """A cost that fits a narrow column: 96,000 then 412.5k then 1.3M; – when unknown."""
    if value is None:
        return "–"
    for text in (f"{value:,.0f}", f"{value / 1e3:,.1f}k", f"{value / 1e6:,.1f}M"):
        if len(text) <= width:
            return text
    return f"{value / 1e6:,.0f}M"


class ComparisonGrid(Matrix):
    """Shows what it is given: a comparison's records and its scored result."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: ComparisonData | None = None
        self.result: ComparisonResult | None = None

    def show(self, data: ComparisonData | None, result: ComparisonResult | None) -> None:
        """Draw a comparison and its scored result."""
        self.data, self.result = data, result
        self._draw()

    def on_resize(self) -> None:
        super().on_resize()
        self._draw()

    # ------------------------------------------------------------ where the cursor is

    def cell_keys(self) -> tuple[str, str] | None:
        """(vendor key, criterion key) under the cursor."""
        at, data = self.cursor, self.data
        if data is None or at is None:
            return None
        vendors = list(data.vendor_names)
        if at[0] >= len(data.criteria) or at[1] >= len(vendors):
            return None
        return vendors[at[1]], str(data.criteria[at[0]]["key"])

    def criterion(self) -> dict[str, Any] | None:
        """The criterion on the cursor's row (the first while there are no vendors)."""
        if self.data is None or not self.data.criteria:
            return None
        at = self.cursor
        return self.data.criteria[min(at[0] if at else 0, len(self.data.criteria) - 1)]

    def move_to_keys(self, vendor: str | None, criterion: str | None) -> None:
        """Put the cursor on a vendor's column and a criterion's row (None: stay)."""
        if self.data is None:
            return
        rows = [str(c["key"]) for c in self.data.criteria]
        columns = list(self.data.vendor_names)
        at = self.cursor or (0, 0)
        self.move_to(
            rows.index(criterion) if criterion in rows else at[0],
            columns.index(vendor) if vendor in columns else at[1],
        )

    # ------------------------------------------------------------ drawing

    def _widths(self, data: ComparisonData) -> tuple[int, int]:
        """(criterion, vendor) widths: names in full where there is room, criteria cut to
        12 cells first, then vendors down to 5."""
        vendors = list(data.vendor_names.values())
        criteria = list(data.criterion_names.values())
        room = (self.size.width or 56) - _WEIGHT_WIDTH - 2
        vendor = max(5, min(12, max((len(n) for n in vendors), default=5)))
        criterion = max(9, min(24, max((len(n) for n in criteria), default=9)))
        criterion = max(12, min(criterion, room - len(vendors) * (vendor + 1)))
        if vendors and criterion + len(vendors) * (vendor + 1) > room:
            vendor = max(5, (room - criterion) // len(vendors) - 1)
        return criterion, vendor

    def _score(self, data: ComparisonData, vendor: str, criterion: str) -> MatrixCell:
        record = data.scores.get((vendor, criterion))
        if record is None:
            return MatrixCell("·", "muted")
        return MatrixCell(plain_number(float(record["score"])))

    def _draw(self) -> None:
        data, result = self.data, self.result
        if data is None:
            self.set_data([], [], [])
            return
        criterion_width, width = self._widths(data)
        vendors = data.vendor_names
        frozen = [
            MatrixColumn("Criterion", criterion_width, "left"),
            MatrixColumn("Weight", _WEIGHT_WIDTH),
        ]
        body = [
            [
                MatrixCell(data.criterion_names[str(c["key"])]),
                MatrixCell(plain_number(float(c["weight"]))),
                *(self._score(data, vendor, str(c["key"])) for vendor in vendors),
            ]
            for c in data.criteria
        ]
        summary: list[list[MatrixCell]] = []
        if result is not None:
            by_name = {v.name: v for v in result.vendors}
            found = [by_name[name] for name in vendors.values()]
            tied = sum(1 for v in found if v.rank == 1) > 1
            rows = {
                "Weighted": [MatrixCell(plain_number(v.weighted_total)) for v in found],
                "Score %": [
                    MatrixCell("–" if v.normalised is None else f"{v.normalised * 100:.1f}%")
                    for v in found
                ],
                "Rank": [
                    MatrixCell(
                        ("=" if tied and v.rank == 1 else "")
                        + str(v.rank)
                        + (" ★" if v.name == result.winner else ""),
                        "good" if v.rank == 1 else "",
                    )
                    for v in found
                ],
                f"TCO {plain_number(data.horizon_years)}y": [
                    MatrixCell(short_money(v.tco, width)) for v in found
                ],
            }
            summary = [[MatrixCell(label), MatrixCell(""), *cells] for label, cells in rows.items()]
        columns = [MatrixColumn(name, width) for name in vendors.values()]
        self.set_data(frozen, columns, body, summary)
