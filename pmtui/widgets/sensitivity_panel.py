"""Beside the comparison grid: how far the selected weight may move, and the decision."""

from __future__ import annotations

from textual.widgets import Static

from pmtui.domain.scoring import SENSITIVITY_FACTOR, ComparisonResult, Sensitivity
from pmtui.services.comparisons import ComparisonData
from pmtui.widgets.comparison_grid import plain_number


def sensitivity_lines(weight: float, found: Sensitivity | None) -> list[str]:
    """Where the leader changes as one criterion's weight moves, in short lines."""
    if found is None:
        return []
    if found.why:
        return [found.why]
    if found.robust or found.flip_weight is None or found.flip_ratio is None:
        top = plain_number(weight * SENSITIVITY_FACTOR)
        return ["No weight from 0", f"to {top} changes", "the leader."]
    change = (found.flip_ratio - 1) * 100
    way = "heavier" if found.flip_ratio > 1 else "lighter"
    return [
        f"{found.overtaker} draws level",
        f"at {plain_number(found.flip_weight)} ({change:+.0f} %);",
        f"{way}, it leads.",
    ]


def decision_lines(
    data: ComparisonData, result: ComparisonResult | None, approver: str
) -> list[str]:
    """The decision taken, or the winner to decide on, or why there is none yet."""
    chosen = data.record.get("chosen_vendor")
    if chosen:
        return [
            f"Decided: [b]{data.vendor_names.get(str(chosen), str(chosen))}[/]",
            f"by {approver}",
            f"on {data.record.get('decided_on', '?')}",
        ]
    if result is None:
        return []
    if result.winner:
        return [f"Winner: [b]{result.winner}[/]", "D records the decision"]
    missing = sum(len(v.missing) for v in result.vendors)
    return ["No winner yet:", f"{missing} scores missing" if missing else result.why["winner"]]


class SensitivityPanel(Static):
    """Shows what it is given: one criterion's sensitivity, then the decision's state."""

    def show(
        self,
        data: ComparisonData | None,
        result: ComparisonResult | None,
        sensitivities: list[Sensitivity],
        criterion: str | None,
        approver: str = "",
        problem: str = "",
    ) -> None:
        """Redraw for the criterion with key `criterion` (None: no criteria yet)."""
        if data is None:
            self.update("n starts a comparison:\ncriteria, weights,\nvendors, scores.")
            return
        if problem:
            self.update(f"[b]Cannot score:[/]\n{problem}")
            return
        lines = ["[b]Sensitivity[/]", "(no criteria yet)"]
        record = next((c for c in data.criteria if str(c["key"]) == criterion), None)
        if record is not None:
            name = data.criterion_names[str(record["key"])]
            weight = float(record["weight"])
            found = next((s for s in sensitivities if s.criterion == name), None)
            lines = [f"[b]{name}[/]", f"weight {plain_number(weight)}"]
            lines += sensitivity_lines(weight, found)
        self.update("\n".join([*lines, "", *decision_lines(data, result, approver)]))
