"""The top line: project name, overall RAG status, and whether the last change is saved."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

_RAG = {"green": "$rag-green", "amber": "$rag-amber", "red": "$rag-red"}


class StatusBar(Static):
    """Shows a `status_line`; the area screen updates it after every change."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """


def status_line(name: str, status: str, save_state: str, today: date) -> Content:
    """The status line's text: given to the bar when composed, so the first frame has it."""
    rag = _RAG.get(status, "$text-muted")
    state_style = "$error" if save_state in ("conflict", "not saved") else "$text-muted"
    return Content.assemble(
        (name[:40], "bold"),
        "  ",
        ("●", rag),
        f" {status or 'no status'}",
        "   ",
        (save_state, state_style),
        "   ",
        (today.strftime("%a %Y-%m-%d"), "$text-muted"),
    )
