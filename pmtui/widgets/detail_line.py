"""The line under a board that shows the chosen record whole: its name, people, notes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
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
        """Show these (label, text) pairs. Only the cells that change are redrawn: from the
        first that differs to the end of the longer line (a short name after a short name
        costs its own cells, not the whole width); nothing when they are what is shown."""
        shown = tuple(parts)
        if shown == self._parts:
            return
        before, self._parts = _cells(self._parts), shown
        after, width = _cells(shown), self.size.width
        if not width:
            self.refresh()
            return
        first = next(
            (n for n, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
            min(len(before), len(after)),
        )
        # A line longer than the width ends in an ellipsis at the last cell or the one
        # before (a wide character): those two are redrawn whenever anything after changed.
        first = max(0, min(first, width - 2))
        end = min(max(len(before), len(after)), width)
        if end > first:
            self.refresh(Region(first, 0, end - first, 1))

    def _content(self) -> Content:
        return Content.assemble(*_runs(self._parts))

    def render(self) -> Content:
        return self._content()


def _runs(parts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The line as (text, style) runs: the name bold, "Label: " and the separators dim."""
    runs: list[tuple[str, str]] = []
    for label, text in parts:
        if runs:
            runs.append((" · ", "dim"))
        if label:
            runs += [(f"{label}: ", "dim"), (text, "")]
        else:
            runs.append((text, "bold"))
    return runs


def _cells(parts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The line cell by cell, (character, style); a wide character fills two cells."""
    cells: list[tuple[str, str]] = []
    for text, style in _runs(parts):
        for character in text:
            cells += [(character, style)] * cell_len(character)
    return cells
