"""What `?` lists: every binding of the screen on show, one line per thing a user can do."""

from __future__ import annotations

import re
from typing import Any

from textual.app import App
from textual.screen import Screen

from pmtui.boards.area import AreaScreen
from pmtui.boards.base import Board
from pmtui.boards.keys import fill
from pmtui.screens.help import HelpLine


def help_lines(app: App[Any], screen: Screen[Any]) -> list[HelpLine]:
    """The screen's active bindings, focused widget first, grouped by where they apply."""
    lines: dict[tuple[int, str, str], HelpLine] = {}
    for key, active in screen.active_bindings.items():  # focused widget first
        binding, node = active.binding, active.node
        shown = binding.key_display or app.get_key_display(binding) or key
        # One line per thing a user can do: keys that do the same (ten digits that
        # switch areas, say) share it, and a key shown once is not repeated.
        where = (id(node), binding.description, binding.tooltip)
        if where in lines:
            keys = lines[where].keys
            shown = keys if shown in keys.split(", ") else f"{keys}, {shown}"
        tooltip = fill(binding.tooltip, node)
        lines[where] = HelpLine(_help_group(node), shown, binding.description, tooltip)
    return list(lines.values())


def _help_group(node: object) -> str:
    if isinstance(node, Board):
        return f"{node.spec.title} board"
    if isinstance(node, AreaScreen):
        return "This area"
    if isinstance(node, App):
        return "Everywhere"
    # A widget's keys (moving in a grid, a table) are grouped under words, never its class
    # name: ComparisonGrid reads "Comparison grid", RecordTable "Table".
    name = type(node).__name__.replace("Record", "")
    return re.sub(r"(?<=[a-z])([A-Z])", lambda m: " " + m.group(1).lower(), name)
