"""Confirm a decision on a change request: what will happen, a rationale, and (approving)
whether to apply the schedule impact, add the cost to its budget category and save a new
baseline. It only answers, never acts."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static


class Decided(NamedTuple):
    """The answer: the rationale typed, and the options ticked."""

    rationale: str
    apply_schedule: bool = False
    new_baseline: bool = False
    #: Who decides, as typed (a name or key); "" when the modal does not ask.
    decider: str = ""
    apply_cost: bool = False


class DecisionModal(ModalScreen[Decided | None]):
    """A question with a rationale box; enter confirms, esc answers None. A rejection needs
    a rationale (enter with none says so and stays)."""

    DEFAULT_CSS = """
    DecisionModal { align: center middle; }
    DecisionModal > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    DecisionModal #decision-title { text-style: bold; color: $primary; }
    DecisionModal #decision-message { color: $error; }
    DecisionModal .keys { color: $text-muted; }
    DecisionModal Checkbox { border: none; padding: 0; height: 1; }
    """
    KEYS_IN_ORDER = True
    #: No focus until on_mount puts it on the box: keys typed meanwhile wait for it
    #: (ProjectFileApp), where Textual's first focusable widget swallowed them.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="decision-cancel", tooltip="Decide nothing."),
        Binding("ctrl+s", "confirm", "Confirm", id="decision-confirm", tooltip="Decide so."),
    ]

    def __init__(
        self,
        title: str,
        lines: list[str],
        *,
        rationale_required: bool = False,
        schedule: str = "",
        baseline: bool = False,
        decider: str = "",
        cost: str = "",
    ) -> None:
        super().__init__()
        self.decision_title = title
        self.lines = lines
        self.rationale_required = rationale_required
        #: The schedule option's text ("" : not offered), and whether to offer a baseline.
        self.schedule = schedule
        self.baseline = baseline
        #: The decider proposed (a name), editable; "": not asked.
        self.decider = decider
        #: The cost option's text ("": not offered).
        self.cost = cost

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.decision_title, id="decision-title")
            yield Static("\n".join(self.lines), id="decision-lines")
            yield Static("", id="decision-message")
            placeholder = "rationale (required)" if self.rationale_required else "rationale"
            yield Input(placeholder=placeholder, id="decision-rationale", compact=True)
            if self.decider:
                yield Input(self.decider, placeholder="decider", id="decision-decider",
                            compact=True, tooltip="Who decides (a name or key).")  # fmt: skip
            if self.schedule:
                yield Checkbox(self.schedule, id="decision-schedule", compact=True)
            if self.cost:
                yield Checkbox(self.cost, id="decision-cost", compact=True)
            if self.baseline:
                yield Checkbox("Save a new baseline", id="decision-baseline", compact=True)
            tab = " · tab decider and options, space ticks" if self.decider else ""
            yield Static(f"enter or ctrl+s confirm · esc cancel{tab}", classes="keys")

    def on_mount(self) -> None:
        self.query_one("#decision-rationale", Input).focus()

    def _ticked(self, name: str) -> bool:
        found = self.query(f"#{name}")
        return bool(found) and bool(found.first(Checkbox).value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.confirm()

    def action_confirm(self) -> None:
        self.confirm()

    def confirm(self) -> None:
        """Answer with what is typed and ticked (refused without a required rationale)."""
        text = self.query_one("#decision-rationale", Input).value.strip()
        if self.rationale_required and not text:
            self.query_one("#decision-message", Static).update("Say why (a rationale).")
            return
        deciders = self.query("#decision-decider")
        decider = deciders.first(Input).value.strip() if deciders else ""
        schedule, baseline = self._ticked("decision-schedule"), self._ticked("decision-baseline")
        cost = self._ticked("decision-cost")
        self.dismiss(Decided(text, schedule, baseline, decider, cost))

    def action_cancel(self) -> None:
        self.dismiss(None)
