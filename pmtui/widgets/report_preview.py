"""The status report as the reader will see it: Markdown, scrolled by keys alone."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class ReportPreview(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A Markdown document in a scrolling box; `show` replaces the document."""

    DEFAULT_CSS = """
    ReportPreview { height: 1fr; background: $surface; scrollbar-size-vertical: 1; }
    ReportPreview > Markdown { margin: 0 1; padding: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", show=False, id="preview-down",
                tooltip="Scroll the report down a line."),
        Binding("k,up", "scroll_up", "Up", show=False, id="preview-up",
                tooltip="Scroll the report up a line."),
        Binding("pagedown,space,ctrl+d", "page_down", "Page down", show=False,
                id="preview-page-down", tooltip="Scroll the report down a screen."),
        Binding("pageup,ctrl+u", "page_up", "Page up", show=False, id="preview-page-up",
                tooltip="Scroll the report up a screen."),
        Binding("g,home", "scroll_home", "Top", show=False, id="preview-top",
                tooltip="Go to the top of the report."),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="preview-bottom",
                tooltip="Go to the end of the report."),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        # Links are for the reader of the written file: no browser opens from a jump host.
        yield Markdown(id="preview-markdown", open_links=False)

    def show(self, text: str) -> AwaitComplete:
        """Show `text` (Markdown), keeping the scroll position where the document allows."""
        return self.query_one(Markdown).update(text)

    @property
    def text(self) -> str:
        """The Markdown on show."""
        return self.query_one(Markdown).source


__all__ = ["ReportPreview"]
