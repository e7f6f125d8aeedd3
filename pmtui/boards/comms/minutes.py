"""The minutes of a meeting's occurrence as an open editor: what is saved, what is typed
since (kept in the drafts store the forms use until it is saved, so a crash, a dropped link
or quitting loses nothing), the line under the cursor as an action's or decision's text,
and the lines marked as decisions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from textual.timer import Timer
from textual.widgets import TextArea

from pmtui.store.drafts import discard_draft, peek_draft, save_draft

#: A minutes line's bullet or label, left out of the action or decision made from it.
_LEAD = re.compile(r"^\s*(?:[-*•>]+\s*|\d+[.)]\s+)?(?:(?:action|todo|decision|decided)\s*:\s*)?",
                   re.IGNORECASE)  # fmt: skip
#: How a minutes line says it is a decision (closing the occurrence logs those lines).
DECISION = "Decision: "
_DECIDED = re.compile(r"^\s*(?:[-*•>]+\s*)?(?:decision|decided)\s*:", re.IGNORECASE)


#: Seconds after the last key before unsaved minutes are kept as a draft.
DRAFT_AFTER = 1.0


class DraftOf(NamedTuple):
    """Where unsaved minutes are kept: the project file, the drafts file, the table and
    the occurrence's key (pmtui.store.drafts)."""

    project: Path
    drafts: Path
    table: str
    key: str


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
        #: Where what is typed is kept until saved (None: nowhere).
        self.draft: DraftOf | None = None
        self._timer: Timer | None = None

    @property
    def unsaved(self) -> bool:
        """Whether what is typed differs from what is saved."""
        return self.text != self.saved

    def start(self, saved: str, draft: DraftOf | None = None) -> bool:
        """Show minutes saved as `saved`, or what a draft kept of them unsaved; whether a
        draft was brought back."""
        self.saved = saved
        self.draft = draft
        kept = (
            peek_draft(draft.project, draft.table, draft.key, path=draft.drafts) if draft else None
        )
        typed = kept.fields.get("minutes") if kept is not None else None
        brought = typed is not None and typed != saved
        self.load_text(typed if typed is not None and brought else saved)
        self.move_cursor(self.document.end)  # w goes on writing where they end
        return brought

    def saved_as(self, text: str) -> None:
        """The minutes were saved as `text` (their draft is forgotten)."""
        self.saved = text
        self.keep_draft()

    def keep_draft(self) -> None:
        """Keep what is typed and not saved as the draft (nothing unsaved: forget it)."""
        if self._timer is not None:
            self._timer.stop()
        if (draft := self.draft) is None:
            return
        if self.unsaved:
            fields = {"minutes": self.text}
            save_draft(draft.project, draft.table, draft.key, fields, path=draft.drafts)
        else:
            discard_draft(draft.project, draft.table, draft.key, path=draft.drafts)

    def on_text_area_changed(self) -> None:
        # A second after the typing stops, what is typed is kept.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_AFTER, self.keep_draft)

    def on_unmount(self) -> None:
        # The app is ending with minutes unsaved: they stay as a draft.
        if self.unsaved:
            self.keep_draft()

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
