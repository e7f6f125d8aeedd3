"""The top line: project name, overall RAG status, and whether the last change is saved."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

_RAG = {"green": "$rag-green", "amber": "$rag-amber", "red": "$rag-red"}


class StatusBar(Static):
    """Shows what it is given; the app updates it after every change."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def show(self, name: str, status: str, save_state: str, today: date) -> None:
        """Redraw with the project name, RAG status and save state (saved/saving/conflict)."""
        rag = _RAG.get(status, "$text-muted")
        state_style = "$error" if save_state in ("conflict", "not saved") else "$text-muted"
        self.update(
            Content.assemble(
                (name[:40], "bold"),
                "  ",
                ("●", rag),
                f" {status or 'no status'}",
                "   ",
                (save_state, state_style),
                "   ",
                (today.strftime("%a %Y-%m-%d"), "$text-muted"),
            )
        )
