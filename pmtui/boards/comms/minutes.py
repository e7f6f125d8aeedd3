"""The minutes of a meeting's occurrence as an open editor: what is saved, what is typed
since, the line under the cursor as an action's or decision's text, and the lines marked
as decisions."""

from __future__ import annotations

import re

from textual.widgets import TextArea

#: A minutes line's bullet or label, left out of the action or decision made from it.
_LEAD = re.compile(r"^\s*(?:[-*•>]+\s*|\d+[.)]\s+)?(?:(?:action|todo|decision|decided)\s*:\s*)?",
                   re.IGNORECASE)  # fmt: skip
#: How a minutes line says it is a decision (closing the occurrence logs those lines).
DECISION = "Decision: "
_DECIDED = re.compile(r"^\s*(?:[-*•>]+\s*)?(?:decision|decided)\s*:", re.IGNORECASE)


def line_text(line: str) -> str:
    """A minutes line as an action's or decision's text: no bullet, no 'Action:' label."""
    return _LEAD.sub("", line, count=1).strip()


class MinutesEditor(TextArea):
    """Minutes being written: every key typed here is text (digits too); esc leaves."""

    #: The command palette lists the editor's keys as "minutes: Cursor up".
    PALETTE_GROUP = "minutes"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id,
            soft_wrap=True,
            compact=True,  # the pane's caption shows where the focus is
            placeholder="What was said, decided and agreed (w writes here).",
        )
        #: The minutes as saved; the editor differs from them while unsaved.
        self.saved = ""

    @property
    def unsaved(self) -> bool:
        """Whether what is typed differs from what is saved."""
        return self.text != self.saved

    def start(self, saved: str, typed: str | None = None) -> None:
        """Show minutes saved as `saved` (`typed`: unsaved text brought back instead)."""
        self.saved = saved
        self.load_text(saved if typed is None else typed)

    def current_line(self) -> str:
        """The line under the cursor as an action's or decision's text ("" when blank)."""
        row, _ = self.cursor_location
        return line_text(self.document.get_line(row))

    def mark_decision(self) -> None:
        """Mark the line under the cursor `Decision:` (unless it says so already)."""
        row, _ = self.cursor_location
        line = self.document.get_line(row)
        if not _DECIDED.match(line):
            self.replace(f"{DECISION}{line_text(line)}", (row, 0), (row, len(line)))

    def decision_lines(self) -> list[str]:
        """The text of every line marked as a decision, in order."""
        lines = (line for line in self.text.splitlines() if _DECIDED.match(line))
        return [text for line in lines if (text := line_text(line))]
