"""The second line: the nine areas on their digit keys, and the tabs of the current area."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static


class AreaBar(Static):
    """'1Today 2Plan ... 9Project' with the current area highlighted (fits 80 columns)."""

    DEFAULT_CSS = """
    AreaBar { height: 1; background: $panel; padding: 0 0 0 1; }
    """


class BoardTabs(Static):
    """The boards of the current area; [ and ] switch between them."""

    DEFAULT_CSS = """
    BoardTabs { height: 1; padding: 0 1; color: $text-muted; }
    """

    def show(self, titles: list[str], current: int) -> None:
        """Highlight tab number `current`."""
        self.update(tabs_line(titles, current))


#: One area on the bar: (digit, name, title, whether it has boards yet).
AreaEntry = tuple[int, str, str, bool]


def areas_line(current: str, areas: Sequence[AreaEntry]) -> Content:
    """'1Today 2Plan ...' with `current` highlighted and areas without boards dimmed
    (given to the bar when composed)."""
    parts: list[tuple[str, str] | str] = []
    for number, name, title, has_boards in areas:
        if parts:
            parts.append(" ")
        style = "reverse bold" if name == current else ""
        parts.append((str(number), f"$accent {style}".strip()))
        parts.append((title, style or ("" if has_boards else "$text-muted")))
    return Content.assemble(*parts)


def tabs_line(titles: list[str], current: int) -> Content:
    """The tab titles with number `current` highlighted (given to the tabs when composed)."""
    parts: list[tuple[str, str] | str] = []
    for index, title in enumerate(titles):
        if parts:
            parts.append(" │ ")
        parts.append((title, "bold $foreground underline" if index == current else ""))
    if len(titles) > 1:
        parts.append(("    [ ] switch", "$text-muted"))
    return Content.assemble(*parts)
