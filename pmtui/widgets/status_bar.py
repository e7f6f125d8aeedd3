"""The top line: project name, overall RAG status, and whether the last change is saved."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

RAG_STYLES = {"green": "$rag-green", "amber": "$rag-amber", "red": "$rag-red"}


class StatusBar(Static):
    """Shows a `status_line`; the area screen updates it after every change."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """


def rag_words(override: str, computed: str | None) -> tuple[str, str]:
    """(the colour the status is, its words): the manager's override beside the colour the
    rules compute when the two differ ("amber (computed red)"); the computed colour alone
    without an override; ("", "status…") while neither is known (a big project's first
    frame). Words, so the status reads without colours (NO_COLOR) too."""
    if override and computed and computed != override:
        return override, f"{override} (computed {computed})"
    if override:
        return override, override
    if computed:
        return computed, computed
    return "", "status…"


def status_line(
    name: str,
    status: str,
    save_state: str,
    today: date,
    computed: str | None = None,
    width: int = 78,
) -> Content:
    """The status line's text: given to the bar when composed, so the first frame has it.
    `status` is the manager's override (empty: none), `computed` the rules' colour (None:
    not worked out yet). The project's name is cut (…) so that the status, the save state
    and the date fit `width` cells."""
    colour, words = rag_words(status, computed)
    rag = RAG_STYLES.get(colour, "$text-muted")
    state_style = "$error" if save_state in ("conflict", "not saved") else "$text-muted"
    rest = len(f"  ● {words}   {save_state}   ") + len("Mon 2026-12-07")
    room = max(12, min(40, width - rest))
    shown = name if len(name) <= room else name[: room - 1] + "…"
    return Content.assemble(
        (shown, "bold"),
        "  ",
        ("●", rag),
        f" {words}",
        "   ",
        (save_state, state_style),
        "   ",
        (today.strftime("%a %Y-%m-%d"), "$text-muted"),
    )
