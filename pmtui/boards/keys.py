"""One declaration per key: the Binding (key, footer text, tooltip, id) and its palette title.

Declaring both in one call means the key, the footer and the command palette can never
disagree, and every binding gets the stable id that a user's [keymap] remaps.
"""

from __future__ import annotations

from textual.binding import Binding

#: Binding id -> "area: Verb object", read by the command palette. A generic board's
#: titles may hold {board} and {singular}, filled in by the board (see `fill`).
PALETTE_TITLES: dict[str, str] = {}


class _Words(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return {"board": "board", "singular": "record"}.get(key, key)


def fill(text: str, node: object) -> str:
    """Fill {board}/{singular} in a title or tooltip from the node's `palette_words()`."""
    words = getattr(node, "palette_words", None)
    return text.format_map(_Words(words() if callable(words) else {}))


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


def area_bindings(areas: list[tuple[int, str, str]]) -> list[Binding]:
    """The digit keys of the areas: (digit, name, title) each. `alt+digit` is bound too,
    and the app reads ESC followed by a digit (what many terminals send for alt+digit)
    the same way."""
    return [
        command(
            f"{number},alt+{number}",
            f"switch_area('{name}')",
            title,
            f"area: Go to {title}",
            id=f"area-{name}",
            show=False,
        )
        for number, name, title in areas
    ]
