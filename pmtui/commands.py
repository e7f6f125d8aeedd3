"""One declaration per key: the Binding (key, footer text, tooltip, id) and its palette title.

Declaring both in one call means the key, the footer and the command palette can never
disagree, and every binding gets the stable id that a user's [keymap] remaps.
"""

from __future__ import annotations

from textual.binding import Binding

#: Binding id -> "area: Verb object", read by the command palette.
PALETTE_TITLES: dict[str, str] = {}


def command(
    key: str,
    action: str,
    footer: str,
    palette: str,
    *,
    id: str,
    tooltip: str = "",
    show: bool = True,
    priority: bool = False,
    key_display: str | None = None,
) -> Binding:
    """A Binding whose palette entry is `palette` ("people: Add person")."""
    PALETTE_TITLES[id] = palette
    return Binding(
        key,
        action,
        footer,
        show=show,
        id=id,
        tooltip=tooltip or palette.split(": ", 1)[-1] + ".",
        priority=priority,
        key_display=key_display,
    )
