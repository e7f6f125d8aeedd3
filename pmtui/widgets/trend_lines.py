"""Trends as sparklines, each with its name and its figures beside it (two bars alone say
little: the figures say how far it moved)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Sparkline, Static

#: The widest a sparkline gets, in cells (one cell per figure up to this many).
MOST_BARS = 24
#: The figures beside a sparkline read oldest to newest; older ones are cut first.
_ARROW = " → "


@dataclass(frozen=True)
class Trend:
    """One measure over the issued reports, oldest first: its values and how each reads."""

    name: str
    values: tuple[float, ...]
    shown: tuple[str, ...]


def figures_text(shown: Sequence[str], room: int) -> str:
    """The figures oldest to newest, joined by arrows, the oldest left out (with …) when
    they do not fit in `room` cells; the newest is always there."""
    kept = list(shown)
    text = _ARROW.join(kept)
    while len(kept) > 1 and len(text) > room:
        kept.pop(0)
        text = "…" + _ARROW + _ARROW.join(kept)
    return text


class TrendLines(Widget):
    """Up to `rows` trends, one line each: name, sparkline, figures."""

    DEFAULT_CSS = """
    TrendLines { height: auto; padding: 0 1; }
    TrendLines > Horizontal { height: 1; }
    TrendLines .trend-name { width: 16; color: $text-muted; }
    TrendLines Sparkline { width: 2; margin-right: 2; }
    TrendLines .trend-figures { width: 1fr; }
    TrendLines #trend-note { color: $text-muted; }
    """

    def __init__(self, rows: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.trends: tuple[Trend, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="trend-note")
        for index in range(self.rows):
            with Horizontal(id=f"trend-{index}"):
                yield Static("", classes="trend-name")
                yield Sparkline([])
                yield Static("", classes="trend-figures")

    def show(self, trends: Sequence[Trend], note: str = "") -> None:
        """Draw `trends` (the first `rows` of them); `note` is a line above them."""
        self.trends = tuple(trends)[: self.rows]
        noted = self.query_one("#trend-note", Static)
        noted.update(note)
        noted.display = bool(note)
        room = max(10, self.size.width - 16 - MOST_BARS - 4) if self.size.width else 40
        for index in range(self.rows):
            row = self.query_one(f"#trend-{index}", Horizontal)
            if index >= len(self.trends):
                row.display = False
                continue
            trend = self.trends[index]
            row.display = True
            row.query_one(".trend-name", Static).update(trend.name)
            spark = row.query_one(Sparkline)
            spark.data = list(trend.values)
            spark.styles.width = max(1, min(len(trend.values), MOST_BARS))
            figures = row.query_one(".trend-figures", Static)
            figures.update(figures_text(trend.shown, room))

    def lines(self) -> list[str]:
        """Each trend as it reads without colours: name and figures (for tests and help)."""
        return [f"{t.name} {figures_text(t.shown, 200)}" for t in self.trends]


__all__ = ["MOST_BARS", "Trend", "TrendLines", "figures_text"]
