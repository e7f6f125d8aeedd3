"""The Compare board: criteria x vendors, scored by typing digits, with totals, TCO and sensitivity.

Keys: a digit scores the cell under the cursor. On a 0-10 scale `1` waits a moment
(TWO_DIGIT_SECONDS) for a `0` that makes it 10; any other key, or the wait running out,
keeps the 1. Digits here score; alt+digit still switches areas.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.markup import escape
from textual.timer import Timer
from textual.widgets import Static

from pmtui.boards.base import Board
from pmtui.boards.keys import command
from pmtui.boards.registry import BoardSpec
from pmtui.domain.scoring import ComparisonResult, Sensitivity
from pmtui.services.comparisons import ComparisonData, load_comparison
from pmtui.store import Store
from pmtui.widgets.comparison_grid import ComparisonGrid, plain_number
from pmtui.widgets.matrix import Matrix
from pmtui.widgets.sensitivity_panel import SensitivityPanel

#: How long a `1` on a 0-10 scale waits for a `0` (to make 10).
TWO_DIGIT_SECONDS = 1.0
DECISION_FIELDS = ("chosen_vendor", "decided_by", "decided_on", "rationale")


def _digit_binding(digit: int) -> BindingType:
    return command(
        str(digit),
        f"score({digit})",
        "Score",
        f"vendor: Score {digit}",
        id=f"compare-score-{digit}",
        show=digit == 0,
        key_display="0-9",
        tooltip="Score the cell under the cursor (on a 0-10 scale, 1 then 0 is 10).",
    )


class CompareBoard(Board):
    """One comparison at a time: c cycles, digits score, w weighs, D records the decision."""

    DEFAULT_CSS = """
    CompareBoard { layout: vertical; }
    CompareBoard #compare-title { height: 1; padding: 0 1; background: $panel; }
    CompareBoard #compare-body { height: 1fr; }
    CompareBoard #grid { width: 1fr; }
    CompareBoard #compare-side {
        width: 24; height: 1fr; padding: 0 1; border-left: solid $panel-lighten-2;
    }
    CompareBoard #compare-hint { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(_digit_binding(digit) for digit in range(10)),
        command("w", "weight", "Weight", "vendor: Edit criterion weight", id="compare-weight"),
        command("a", "add_criterion", "Criterion", "vendor: Add criterion", id="compare-add"),
        command("c", "cycle(1)", "Next", "vendor: Next comparison", id="compare-next"),
        command("D", "decide", "Decide", "vendor: Record decision", id="compare-decide"),
        command("C", "cycle(-1)", "Previous", "vendor: Previous comparison",
                id="compare-previous", show=False),
        command("e,enter", "edit_score", "Note", "vendor: Edit score and note",
                id="compare-edit-score", show=False),
        command("x,delete", "clear_score", "Clear", "vendor: Clear score",
                id="compare-clear", show=False),
        command("r", "edit_criterion", "Criterion", "vendor: Edit criterion",
                id="compare-edit-criterion", show=False),
        command("d", "delete_criterion", "Delete", "vendor: Delete criterion",
                id="compare-delete-criterion", show=False),
        command("v", "candidates", "Vendors", "vendor: Choose vendors compared",
                id="compare-candidates", show=False),
        command("p", "add_quote", "Quote", "vendor: Add quote", id="compare-quote", show=False),
        command("n", "new_comparison", "New", "vendor: New comparison",
                id="compare-new", show=False),
        command("E", "edit_comparison", "Edit", "vendor: Edit comparison",
                id="compare-edit", show=False),
    ]  # fmt: skip

    def __init__(self, store: Store, spec: BoardSpec) -> None:
        super().__init__(store, spec)
        self.comparison_key: str | None = None
        self.data: ComparisonData | None = None
        self.result: ComparisonResult | None = None
        self.sensitivities: list[Sensitivity] = []
        self.problem = ""
        self._pending: tuple[str, str] | None = None  # (vendor, criterion) whose 1 may become 10
        self._pending_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="compare-title")
        with Horizontal(id="compare-body"):
            yield ComparisonGrid(id="grid")
            yield SensitivityPanel("", id="compare-side")
        yield Static("", id="compare-hint")

    @property
    def grid(self) -> ComparisonGrid:
        """The criteria x vendors grid."""
        return self.query_one("#grid", ComparisonGrid)

    def on_mount(self) -> None:
        self.refresh_data()
        self.grid.focus()

    # ------------------------------------------------------------ reading

    def _comparisons(self) -> list[dict[str, Any]]:
        return self.store.records("comparisons")

    def refresh_data(self) -> None:
        keys = [str(c["key"]) for c in self._comparisons()]
        if self.comparison_key not in keys:
            self.comparison_key = keys[0] if keys else None
        record = self.store.get("comparisons", self.comparison_key) if self.comparison_key else None
        self.data = load_comparison(self.store, record) if record else None
        self.result, self.sensitivities, self.problem = None, [], ""
        if self.data is not None:
            try:
                self.result = self.data.result()
                self.sensitivities = self.data.sensitivity()
            except ValueError as error:  # a hand-edited file may break the domain's rules
                self.problem = str(error)
        self._draw_title(keys)
        self.grid.show(self.data, self.result, self._pending)
        self._draw_side()
        self.refresh_bindings()

    def _draw_title(self, keys: list[str]) -> None:
        title = self.query_one("#compare-title", Static)
        if self.data is None:
            title.update("No comparisons yet")
            return
        record = self.data.record
        status = "decided" if record.get("chosen_vendor") else "open"
        title.update(
            f"{escape(str(record.get('title', '')))}  [dim]{self.data.key} · "
            f"{keys.index(self.data.key) + 1}/{len(keys)} · {status} · "
            f"scores 0-{plain_number(self.data.scale)} · "
            f"TCO {plain_number(self.data.horizon_years)} y"
            f"{' · c next' if len(keys) > 1 else ''}[/]"
        )

    def _draw_side(self) -> None:
        criterion = self.grid.criterion()
        approver = ""
        if self.data is not None and self.data.record.get("decided_by"):
            by = str(self.data.record["decided_by"])
            approver = str((self.store.get("people", by) or {}).get("name", by))
        self.query_one(SensitivityPanel).show(
            self.data,
            self.result,
            self.sensitivities,
            str(criterion["key"]) if criterion else None,
            escape(approver),
            self.problem,
        )
        hint = self.query_one("#compare-hint", Static)
        if self.data is None:
            hint.update("n new comparison · ? every key")
        elif not self.data.criteria:
            hint.update("a adds a criterion · v chooses the vendors")
        elif not self.data.vendors:
            hint.update("v chooses the vendors compared · p adds a quote")
        elif self.data.scale >= 10:
            hint.update("0-9 score (1 then 0 = 10) · x clear · e note · w weight · D decide")
        else:
            hint.update("0-9 score · x clear · e note · w weight · p quote · D decide")

    # ------------------------------------------------------------ moving and choosing

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._flush_pending()
        self._draw_side()
        self.refresh_bindings()

    def show_comparison(self, key: str) -> None:
        """Show the comparison with this key."""
        self._flush_pending()
        self.comparison_key = key
        self.refresh_data()

    def action_cycle(self, step: int) -> None:
        keys = [str(c["key"]) for c in self._comparisons()]
        if keys:
            at = keys.index(self.comparison_key) if self.comparison_key in keys else 0
            self.show_comparison(keys[(at + step) % len(keys)])
            self.grid.move_to(0, 0)

    def focus_record(self, table: str, key: str) -> bool:
        record = self.store.get(table, key)
        if record is None or table not in ("comparisons", "criteria", "scores"):
            return False
        if table == "scores":
            criterion = self.store.get("criteria", str(record.get("criterion"))) or {}
            self.show_comparison(str(criterion.get("comparison")))
            self.grid.move_to_keys(str(record.get("vendor")), str(record.get("criterion")))
        elif table == "criteria":
            self.show_comparison(str(record.get("comparison")))
            self.grid.move_to_keys(None, key)
        else:
            self.show_comparison(key)
        self.grid.focus()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "score":
            return True  # with no cell, a digit must not fall through and switch areas
        if action in ("clear_score", "edit_score"):
            return self.grid.cell_keys() is not None
        if action in ("weight", "edit_criterion", "delete_criterion"):
            return self.grid.criterion() is not None
        if action == "cycle":
            return len(self._comparisons()) > 1
        if action in ("add_criterion", "decide", "candidates", "add_quote", "edit_comparison"):
            return self.data is not None
        return True

    # ------------------------------------------------------------ scoring

    def action_score(self, digit: int) -> None:
        cell = self.grid.cell_keys()
        if cell is None or self.data is None:
            self.app.notify("No cell to score: a adds a criterion, v the vendors.", timeout=3)
            return
        pending = self._pending
        self._stop_waiting()
        if pending == cell and digit == 0:
            self._save_score(*cell, 10)
            return
        if pending is not None:
            self._save_score(*pending, 1)
        if digit == 1 and self.data.scale >= 10:
            self._pending = cell
            self._pending_timer = self.set_timer(TWO_DIGIT_SECONDS, self._flush_pending)
            self.grid.show(self.data, self.result, self._pending)
            return
        self._save_score(*cell, digit)

    def _stop_waiting(self) -> None:
        self._pending = None
        if self._pending_timer is not None:
            self._pending_timer.stop()
            self._pending_timer = None

    def _flush_pending(self) -> None:
        """Keep a `1` that waited for a second digit."""
        pending = self._pending
        self._stop_waiting()
        if pending is not None:
            self._save_score(*pending, 1)

    def _save_score(self, vendor: str, criterion: str, value: float) -> None:
        data = self.data
        if data is None:
            return
        existing = data.scores.get((vendor, criterion))
        label = (
            f"{data.vendor_names.get(vendor, vendor)}: "
            f"{data.criterion_names.get(criterion, criterion)} {plain_number(value)}"
        )
        if existing is not None:
            self.save(
                lambda: self.store.update("scores", str(existing["key"]), {"score": value}), label
            )
        else:
            values = {"comparison": data.key, "vendor": vendor, "criterion": criterion}
            self.save(lambda: self.store.add("scores", {**values, "score": value}), label)
        self.refresh_data()

    def action_clear_score(self) -> None:
        self._flush_pending()
        cell = self.grid.cell_keys()
        record = self.data.scores.get(cell) if self.data and cell else None
        if record is not None:
            self.save(lambda: self.store.delete("scores", str(record["key"])), "Score cleared")
            self.refresh_data()

    def action_edit_score(self) -> None:
        self._flush_pending()
        cell = self.grid.cell_keys()
        record = self.data.scores.get(cell) if self.data and cell else None
        if record is None:
            self.app.notify("Type a score first (a digit), then e adds why.", timeout=3)
            return
        self.edit_record("scores", str(record["key"]), "note", fields=("score", "note"))

    # ------------------------------------------------------------ criteria, vendors, decision

    def action_weight(self) -> None:
        self._flush_pending()
        criterion = self.grid.criterion()
        if criterion is not None:
            title = f"Weight of {criterion.get('name')}"
            self.edit_record("criteria", str(criterion["key"]), fields=("weight",), title=title)

    def action_add_criterion(self) -> None:
        self._flush_pending()
        if self.data is not None:
            self.add_record("criteria", {"comparison": self.data.key})

    def action_edit_criterion(self) -> None:
        self._flush_pending()
        criterion = self.grid.criterion()
        if criterion is not None:
            self.edit_record("criteria", str(criterion["key"]), "name")

    def action_delete_criterion(self) -> None:
        self._flush_pending()
        criterion = self.grid.criterion()
        if criterion is not None:
            self.delete_record("criteria", str(criterion["key"]))

    def action_candidates(self) -> None:
        self._flush_pending()
        if self.data is not None:
            title = f"Vendors compared in {self.data.record.get('title')}"
            self.edit_record("comparisons", self.data.key, fields=("candidates",), title=title)

    def action_add_quote(self) -> None:
        self._flush_pending()
        if self.data is not None:
            cell = self.grid.cell_keys()
            prefill = {"comparison": self.data.key}
            if cell is not None:
                prefill["vendor"] = cell[0]
            self.add_record("quotes", prefill)

    def action_new_comparison(self) -> None:
        self._flush_pending()
        self.add_record("comparisons")

    def action_edit_comparison(self) -> None:
        self._flush_pending()
        if self.data is not None:
            self.edit_record("comparisons", self.data.key, "title")

    def action_decide(self) -> None:
        self._flush_pending()
        data = self.data
        if data is None:
            return
        record, prefill = data.record, {}
        if not record.get("chosen_vendor") and self.result and self.result.winner:
            # The name reads better; the key where the name is not unique ("Acme (V3)").
            key = {name: key for key, name in data.vendor_names.items()}[self.result.winner]
            vendor = self.store.get("vendors", key) or {}
            name = str(vendor.get("name", ""))
            prefill["chosen_vendor"] = name if name == self.result.winner else key
        if not record.get("decided_on"):
            prefill["decided_on"] = "today"
        manager = str(self.store.project.get("manager") or "")
        if not record.get("decided_by") and manager:
            prefill["decided_by"] = manager
        title = f"Decision: {record.get('title')} (chosen vendor empty = reopen)"
        self.edit_record(
            "comparisons", data.key, "chosen_vendor", fields=DECISION_FIELDS,
            prefill=prefill, title=title,
        )  # fmt: skip
