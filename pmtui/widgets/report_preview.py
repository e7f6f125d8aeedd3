"""The status report as the reader will see it: Markdown, scrolled by keys alone."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

#: The token a whole table becomes (see TableParser).
TABLE_TOKEN = "pmtui_table"


def _cell_text(inline: Token) -> str:
    """An inline token's text as read (escapes and entities resolved, markup dropped)."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def collapse_tables(tokens: Sequence[Token]) -> list[Token]:
    """`tokens` with each table's run of tokens (table_open ... table_close) replaced by
    one TABLE_TOKEN whose meta holds its header and rows as plain text."""
    collapsed: list[Token] = []
    table: Token | None = None
    row: list[str] = []
    for token in tokens:
        if table is None and token.type != "table_open":
            collapsed.append(token)
        elif token.type == "table_open":
            table = Token(TABLE_TOKEN, "", 0, map=token.map, meta={"header": [], "rows": []})
        elif table is None:
            continue
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(_cell_text(token))
        elif token.type == "tr_close":
            if not table.meta["header"]:
                table.meta["header"] = row
            else:
                table.meta["rows"].append(row)
        elif token.type == "table_close":
            collapsed.append(table)
            table = None
    return collapsed


class TableParser(MarkdownIt):
    """The gfm-like parser Textual's Markdown uses, each table collapsed into one token.

    Textual's Markdown makes a widget of every cell (and of each row while parsing) and
    lays them out as a grid: a 10k-record project's report (100-odd table rows) held the
    UI thread for over a second. One block per table, drawn as text, takes a fraction of
    that; and this parsing runs off the UI thread (Markdown.update runs the parser in an
    executor)."""

    def __init__(self) -> None:
        super().__init__("gfm-like")

    def parse(self, src: str, env: Any = None) -> list[Token]:
        return collapse_tables(super().parse(src, env))


def _fit(natural: list[int], room: int, least: int = 8) -> list[int]:
    """Column widths that fit `room` cells: the widest narrowed first, none below `least`
    (or its natural width, when that is less)."""
    widths = list(natural)
    floor = [min(n, least) for n in natural]
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floor[i])
        if widths[widest] <= floor[widest]:
            break  # as narrow as it goes: the table is wider than the room
        widths[widest] -= 1
    return widths


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A table in box lines, fitted to `width` cells: long cells wrap within their column;
    rows are ruled apart when one of them wraps."""
    count = max([len(header), *(len(r) for r in rows)], default=0)
    if not count:
        return []
    cells = [list(header) + [""] * (count - len(header))]
    cells += [list(r) + [""] * (count - len(r)) for r in rows]
    natural = [max(cell_len(row[i]) for row in cells) for i in range(count)]
    widths = _fit(natural, max(count, width - 3 * count - 1))

    def wrapped(row: Sequence[str]) -> list[list[str]]:
        return [
            textwrap.wrap(text, max(1, widths[i]), break_long_words=True) or [""]
            for i, text in enumerate(row)
        ]

    def rule(left: str, middle: str, right: str) -> str:
        return left + middle.join("─" * (w + 2) for w in widths) + right

    def drawn(parts: list[list[str]]) -> list[str]:
        lines = []
        for line in range(max(len(p) for p in parts)):
            shown = [p[line] if line < len(p) else "" for p in parts]
            padded = (f" {t}{' ' * (widths[i] - cell_len(t))} " for i, t in enumerate(shown))
            lines.append("│" + "│".join(padded) + "│")
        return lines

    body = [wrapped(row) for row in cells[1:]]
    ruled = any(len(part) > 1 for parts in body for part in parts)
    lines = [rule("┌", "┬", "┐"), *drawn(wrapped(cells[0])), rule("├", "┼", "┤")]
    for index, parts in enumerate(body):
        if ruled and index:
            lines.append(rule("├", "┼", "┤"))
        lines += drawn(parts)
    lines.append(rule("└", "┴", "┘"))
    return lines


class ReportTable(MarkdownBlock):
    """A Markdown table drawn as one block of box lines, fitted to its width (the header
    in bold)."""

    DEFAULT_CSS = """
    ReportTable { width: 1fr; height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, markdown: Markdown, token: Token) -> None:
        super().__init__(markdown, token)
        self.header: list[str] = list(token.meta.get("header", []))
        self.rows: list[list[str]] = list(token.meta.get("rows", []))
        self._drawn: tuple[int, list[str]] | None = None

    def lines(self, width: int) -> list[str]:
        """The table drawn `width` cells wide (kept for the last width asked)."""
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, table_lines(self.header, self.rows, width))
        return self._drawn[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        lines = self.lines(self.content_size.width)
        if not lines:
            return Content("")
        header_end = next(i for i, line in enumerate(lines) if line.startswith("├"))
        text = Content("\n".join(lines))
        start = len(lines[0]) + 1
        end = sum(len(line) + 1 for line in lines[:header_end]) - 1
        return text.stylize("bold", start, end)


class ReportMarkdown(Markdown):
    """Textual's Markdown widget, its tables one block each (TableParser, ReportTable)."""

    def __init__(self, *, id: str | None = None) -> None:
        # Links are for the reader of the written file: no browser opens from a jump host.
        super().__init__(id=id, parser_factory=TableParser, open_links=False)

    def unhandled_token(self, token: Token) -> MarkdownBlock | None:
        if token.type == TABLE_TOKEN:
            return ReportTable(self, token)
        return super().unhandled_token(token)


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
        yield ReportMarkdown(id="preview-markdown")

    def show(self, text: str) -> AwaitComplete:
        """Show `text` (Markdown), keeping the scroll position where the document allows."""
        return self.query_one(ReportMarkdown).update(text)

    @property
    def text(self) -> str:
        """The Markdown on show."""
        return self.query_one(ReportMarkdown).source


__all__ = [
    "ReportMarkdown",
    "ReportPreview",
    "ReportTable",
    "TableParser",
    "collapse_tables",
    "table_lines",
]
