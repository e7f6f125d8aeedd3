"""One declaration per key: the Binding (key, footer text, tooltip, id) and its palette title.

Declaring both in one call means the key, the footer and the command palette can never
disagree, and every binding gets the stable id that a user's [keymap] remaps.

The verbs every board shares (add, edit, delete, filter, back) are declared here once, each
with one id (`record-add`, ...), so one keymap line moves a verb on every board. A board
lists the ones it has where its footer shows them; the base Board does the work.
"""

from __future__ import annotations

from textual.binding import Binding

#: Binding id -> "area: Verb object", read by the command palette. A board's titles may
#: hold {board} (its palette group), {new} (what a adds), {edited} and {deleted} (what e
#: and d act on) and {back} (where esc goes), filled in by the board (see `fill`).
PALETTE_TITLES: dict[str, str] = {}

#: What a word says when the node offers none (README's list of ids shows these).
_DEFAULT_WORDS = {
    "board": "board",
    "new": "record",
    "edited": "record",
    "deleted": "record",
    "back": "the list",
}


class _Words(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _DEFAULT_WORDS.get(key, key)


def fill(text: str, node: object) -> str:
    """Fill {board}, {new}, {edited}, {deleted} and {back} in a title or tooltip from the
    node's `palette_words()`."""
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


# ---------------------------------------------------------------- the verbs boards share


def record_add(footer: str = "Add", *, show: bool = True) -> Binding:
    """`a`: add a record (the board's `new_record()` says which, prefilled)."""
    return command("a", "add", footer, "{board}: Add {new}", id="record-add", show=show)


def record_edit(footer: str = "Edit", *, show: bool = True) -> Binding:
    """`e`: edit the chosen record (the board's `chosen()`)."""
    return command("e", "edit", footer, "{board}: Edit {edited}", id="record-edit", show=show)


def record_delete(footer: str = "Delete", *, show: bool = True) -> Binding:
    """`d`: delete the chosen record, after asking (undoable)."""
    title = "{board}: Delete {deleted}"
    return command("d", "delete", footer, title, id="record-delete", show=show)


def list_filter() -> Binding:
    """`/`: narrow the list in focus (the board's `filter_target()`)."""
    title = "{board}: Filter list"
    return command("slash", "filter", "Filter", title, id="list-filter", key_display="/")


#: The filter line's own esc (pmtui.widgets.list_filter) has this id and tooltip too.
CLEAR_FILTER_TOOLTIP = "Clear the filter and go back to the list."


def list_filter_clear() -> Binding:
    """`esc`: clear the filter (also from the list, once the filter was kept with enter)."""
    return command(
        "escape",
        "clear_filter",
        "Clear filter",
        "{board}: Clear filter",
        id="list-filter-clear",
        tooltip=CLEAR_FILTER_TOOLTIP,
        show=False,
    )


def view_back(*, show: bool = False) -> Binding:
    """`esc`: back from a detail view to what it was opened from."""
    return command("escape", "back", "Back", "{board}: Back to {back}", id="view-back", show=show)


def _esc_digit_key(number: int) -> str:
    """The key Textual reports when a terminal sends alt+digit as ESC then the digit (as
    tmux and xterm do): its table maps those bytes to the character macOS types for
    option+digit (ESC 2 arrives as '™', key "trade_mark_sign")."""
    try:
        from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
        from textual.keys import _character_to_key
    except ImportError:  # a Textual without the table reads ESC-digit as esc, then digit
        return ""
    character = ANSI_SEQUENCES_KEYS.get(f"\x1b{number}")
    return _character_to_key(character) if isinstance(character, str) else ""


def area_bindings(areas: list[tuple[int, str, str]]) -> list[Binding]:
    """The digit keys of the areas: (digit, name, title) each. `alt+digit` is bound too,
    and so is ESC followed by the digit (what tmux and xterm send for alt+digit)."""
    return [
        command(
            ",".join(filter(None, (str(number), f"alt+{number}", _esc_digit_key(number)))),
            f"switch_area('{name}')",
            title,
            f"area: Go to {title}",
            id=f"area-{name}",
            show=False,
            key_display=str(number),
        )
        for number, name, title in areas
    ]
