"""The Compare board: criteria x vendors, with totals, TCO and sensitivity.

Keys: `s` or `enter` opens the score editor on the cell under the cursor (a number, then
enter); `+` and `-` raise or lower the score by one; `x` clears it; `e` edits score and note.
A digit switches areas here as everywhere. Changing a score of a decided comparison first
asks whether to reopen it: yes clears the decision in the same undoable step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Static

from pmtui import views
from pmtui.boards.base import Board, Chosen, NewRecord
from pmtui.boards.keys import command, record_add, record_delete, record_edit
from pmtui.boards.registry import BoardSpec
from pmtui.boards.vendors.score_editor import ScoreEditor
from pmtui.domain.scoring import ComparisonResult, Sensitivity
from pmtui.screens.confirm import ConfirmModal
from pmtui.screens.record_form import RecordForm
from pmtui.services.comparisons import ComparisonData, load_comparison
from pmtui.store import Store
from pmtui.tables import record_type
from pmtui.widgets.comparison_grid import ComparisonGrid, plain_number
from pmtui.widgets.matrix import Matrix
from pmtui.widgets.sensitivity_panel import SensitivityPanel

DECISION_FIELDS = ("chosen_vendor", "decided_by", "decided_on", "rationale")
#: What reopening a decided comparison clears (the rationale stays, to read again).
REOPEN_FIELDS = ("chosen_vendor", "decided_by", "decided_on")
Cell = tuple[str, str]  # (vendor key, criterion key)


class CompareBoard(Board):
    """One comparison at a time: c cycles, s scores, w weighs, D records the decision."""

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
        command("s,enter", "score", "Score", "vendor: Score the cell", id="compare-score",
                tooltip="Type the cell's score, from 0 to {scale}, then enter."),
        command("plus", "step(1)", "+1", "vendor: Raise the score by one",
                id="compare-score-up", show=False, key_display="+",
                tooltip="Raise the score by one, up to {scale}."),
        command("minus", "step(-1)", "-1", "vendor: Lower the score by one",
                id="compare-score-down", show=False, key_display="-",
                tooltip="Lower the score by one, down to 0."),
        command("w", "weight", "Weight", "vendor: Edit criterion weight", id="compare-weight"),
        record_add("Criterion"),
        command("c", "cycle(1)", "Next", "vendor: Next comparison", id="compare-next"),
        command("D", "decide", "Decide", "vendor: Record decision", id="compare-decide"),
        command("C", "cycle(-1)", "Previous", "vendor: Previous comparison",
                id="compare-previous", show=False),
        record_edit("Note", show=False),
        command("x,delete", "clear_score", "Clear", "vendor: Clear score",
                id="compare-clear", show=False),
        command("r", "edit_criterion", "Criterion", "vendor: Edit criterion",
                id="compare-edit-criterion", show=False),
        record_delete(show=False),
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
        # Open on the comparison left open last time (the app keeps it in state.toml).
        remembered = getattr(self.app, "board_state", None)
        if self.comparison_key is None and callable(remembered):
            self.comparison_key = remembered(self.spec.id).get("comparison")
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
        self.grid.show(self.data, self.result)
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
        else:
            hint.update("s score · +/- step · x clear · e note · w weight · p quote · D decide")

    # ------------------------------------------------------------ moving and choosing

    @on(Matrix.CursorMoved)
    def _moved(self, event: Matrix.CursorMoved) -> None:
        event.stop()
        self._draw_side()
        self.refresh_bindings()

    def show_comparison(self, key: str) -> None:
        """Show the comparison with this key (and remember it for the next session)."""
        self.comparison_key = key
        self.refresh_data()
        remember = getattr(self.app, "remember_board_state", None)
        if callable(remember) and self.comparison_key == key:
            remember(self.spec.id, {"comparison": key})

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

    def chosen(self) -> Chosen | None:
        """The criterion on the cursor's row (what d deletes)."""
        criterion = self.grid.criterion()
        return Chosen("criteria", str(criterion["key"])) if criterion else None

    def new_record(self) -> NewRecord | None:
        """A criterion of the comparison on show."""
        return NewRecord("criteria", {"comparison": self.data.key}) if self.data else None

    def palette_words(self) -> dict[str, str]:
        words = {**super().palette_words(), "board": "vendor", "edited": "score and note"}
        # The scale of the comparison on show: help says "from 0 to 5", never a fixed one.
        return words | ({"scale": plain_number(self.data.scale)} if self.data else {})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("score", "step", "clear_score", "edit"):
            return self.grid.cell_keys() is not None
        if action in ("weight", "edit_criterion"):
            return self.grid.criterion() is not None
        if action == "cycle":
            return len(self._comparisons()) > 1
        if action in ("decide", "candidates", "add_quote", "edit_comparison"):
            return self.data is not None
        return super().check_action(action, parameters)

    # ------------------------------------------------------------ scoring

    def _cell(self) -> tuple[ComparisonData, Cell] | None:
        cell = self.grid.cell_keys()
        if cell is None or self.data is None:
            self.app.notify("No cell to score: a adds a criterion, v the vendors.", timeout=3)
            return None
        return self.data, cell

    def _when_open(self, change: Callable[[bool], None]) -> None:
        """Run `change(reopen)` at once on an open comparison. On a decided one (computed
        status "decided": a vendor is chosen) ask first: yes runs it with reopen=True (the
        decision is cleared in the same step), no changes nothing."""
        data = self.data
        row = views.row(self.store, "comparisons", data.key) if data else None
        if data is None or row is None or row.get("status") != "decided":
            change(False)
            return
        chosen = str(row.get("chosen_vendor"))
        question = (
            f"{data.key} {row.get('title', '')} is decided: "
            f"{data.vendor_names.get(chosen, chosen)}.\n"
            "Reopen it to change the score? The chosen vendor, who and when are cleared "
            "with the score change; u undoes both."
        )
        self.app.push_screen(ConfirmModal(question), lambda yes: change(True) if yes else None)

    def _write(
        self, data: ComparisonData, cell: Cell, values: dict[str, Any] | None, reopen: bool
    ) -> None:
        """Set (`values`) or clear (None) a cell's score; with `reopen`, clear the decision
        in the same undoable step."""
        vendor, criterion = cell
        store = self.store
        shown = "cleared" if values is None else plain_number(float(values.get("score", 0)))
        label = (
            f"{data.vendor_names.get(vendor, vendor)}: "
            f"{data.criterion_names.get(criterion, criterion)} "
            + (shown if values is None or "score" in values else "note")
            + (f" ({data.key} reopened)" if reopen else "")
        )

        def change() -> None:
            with store.transaction(label):
                if reopen:
                    store.update("comparisons", data.key, dict.fromkeys(REOPEN_FIELDS, ""))
                existing = next(
                    (
                        s
                        for s in store.records("scores")
                        if (s.get("vendor"), s.get("criterion")) == cell
                    ),
                    None,
                )
                if existing is not None and values is None:
                    store.delete("scores", str(existing["key"]))
                elif existing is not None and values is not None:
                    store.update("scores", str(existing["key"]), values, base=existing)
                elif values is not None:
                    ids = {"comparison": data.key, "vendor": vendor, "criterion": criterion}
                    store.add("scores", {**ids, **values})

        self.save(change, label)
        self.refresh_data()

    def action_score(self) -> None:
        """The score editor on the cell: a number, then enter."""
        found = self._cell()
        if found is None:
            return
        data, (vendor, criterion) = found
        record = data.scores.get((vendor, criterion))
        current = float(record["score"]) if record else None
        heading = (
            f"Score {data.vendor_names.get(vendor, vendor)} on "
            f"{data.criterion_names.get(criterion, criterion)} "
            f"(0-{plain_number(data.scale)})"
        )

        def edit(reopen: bool) -> None:
            def done(value: float | None) -> None:
                if value is not None and value != current:
                    self._write(data, (vendor, criterion), {"score": value}, reopen)

            self.app.push_screen(ScoreEditor(heading, data.scale, current), done)

        self._when_open(edit)

    def action_step(self, step: int) -> None:
        """Raise or lower the score by one, within the scale; a blank cell counts as 0."""
        found = self._cell()
        if found is None:
            return
        data, cell = found
        record = data.scores.get(cell)
        current = float(record["score"]) if record else None
        value = min(max((current or 0.0) + step, 0.0), data.scale)
        if value == current:
            end = "top" if step > 0 else "bottom"
            self.app.notify(
                f"{plain_number(value)} is the {end} of 0-{plain_number(data.scale)}", timeout=3
            )
            return
        self._when_open(lambda reopen: self._write(data, cell, {"score": value}, reopen))

    def action_clear_score(self) -> None:
        found = self._cell()
        if found is None or found[1] not in found[0].scores:
            return
        data, cell = found
        self._when_open(lambda reopen: self._write(data, cell, None, reopen))

    def action_edit(self) -> None:
        """Score and note of the cell in one form (the note says why); a changed score of a
        decided comparison asks before it is saved."""
        found = self._cell()
        if found is None:
            return
        data, cell = found
        record = data.scores.get(cell)
        rt = record_type("scores")
        fields = [rt.field("score"), rt.field("note")]
        initial = {
            "score": plain_number(float(record["score"])) if record else "",
            "note": str(record.get("note") or "") if record else "",
        }
        ids = {"comparison": data.key, "vendor": cell[0], "criterion": cell[1]}
        key = str(record["key"]) if record else None

        def check(typed: dict[str, str]) -> dict[str, str]:
            return self._errors("scores", {**ids, **typed} if key is None else typed, key)

        def done(typed: dict[str, str] | None) -> None:
            changed = {k: v for k, v in (typed or {}).items() if v != initial[k]}
            if not changed:
                return
            if "score" in changed:
                self._when_open(lambda reopen: self._write(data, cell, changed, reopen))
            else:
                self._write(data, cell, changed, False)

        vendor, criterion = data.vendor_names[cell[0]], data.criterion_names[cell[1]]
        title = f"Score of {vendor} on {criterion}"
        self.app.push_screen(RecordForm(title, fields, initial, check, focus="note"), done)

    # ------------------------------------------------------------ criteria, vendors, decision

    def action_weight(self) -> None:
        criterion = self.grid.criterion()
        if criterion is not None:
            title = f"Weight of {criterion.get('name')}"
            self.edit_record("criteria", str(criterion["key"]), fields=("weight",), title=title)

    def action_edit_criterion(self) -> None:
        criterion = self.grid.criterion()
        if criterion is not None:
            self.edit_record("criteria", str(criterion["key"]), "name")

    def action_candidates(self) -> None:
        if self.data is not None:
            title = f"Vendors compared in {self.data.record.get('title')}"
            self.edit_record("comparisons", self.data.key, fields=("candidates",), title=title)

    def action_add_quote(self) -> None:
        if self.data is not None:
            cell = self.grid.cell_keys()
            prefill = {"comparison": self.data.key}
            if cell is not None:
                prefill["vendor"] = cell[0]
            self.add_record("quotes", prefill)

    def action_new_comparison(self) -> None:
        self.add_record("comparisons")

    def action_edit_comparison(self) -> None:
        if self.data is not None:
            self.edit_record("comparisons", self.data.key, "title")

    def action_decide(self) -> None:
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
