"""The line under a board that shows the chosen record whole: its name, people, notes."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget


class DetailLine(Widget):
    """One line: the record's name in bold, then "Label: text" parts, cut at the width.

    It redraws only when what it shows changes, and never changes the layout: a cursor
    move costs this one line beside the two table rows."""

    DEFAULT_CSS = """
    DetailLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[tuple[str, str], ...] = ()

    @property
    def parts(self) -> tuple[tuple[str, str], ...]:
        """What the line shows: (label, text) pairs, the name first with label ""."""
        return self._parts

    @property
    def text(self) -> str:
        """The line as plain text."""
        return self._content().plain

    def show(self, parts: Sequence[tuple[str, str]]) -> None:
        """Show these (label, text) pairs; nothing is redrawn when they are what is shown."""
        shown = tuple(parts)
        if shown != self._parts:
            self._parts = shown
            self.refresh()

    def _content(self) -> Content:
        pieces: list[Content | str | tuple[str, str]] = []
        for label, text in self._parts:
            if pieces:
                pieces.append((" · ", "dim"))
            if label:
                pieces += [(f"{label}: ", "dim"), text]
            else:
                pieces.append((text, "bold"))
        return Content.assemble(*pieces)

    def render(self) -> Content:
        return self._content()
