"""Cursor moves redraw only what changes (a row, a cell of the detail line, a line of a
grid) and the frames go out with only the colour changes (pmtui.widgets.terminal_output):
the screen a terminal holds after the moves must be exactly the one a whole redraw draws,
colours included. The whole redraw: the terminal resized and given its size back, which
draws every widget again from its data."""

from __future__ import annotations

import time
from pathlib import Path

import pyte
import pytest

from tests.e2e.session import Session, go
from tests.e2e.terminal import TMUX, Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
]

#: (area digit, what its board shows, the moves): Today's list, the WBS (a table and its
#: detail line), the Allocation grid (cells, its week header, its caption and detail table).
CASES = [
    ("1", r"Overdue · \d+", ["Down", "Down", "Down", "Up", "Down", "Down"]),
    ("2", r"Key +Task", ["Down", "Down", "Down", "Down", "Up", "Down", "Down"]),
    ("3", r"week of", ["Down", "Right", "Right", "Down", "Left", "Up", "Down", "Down"]),
]


COLUMNS = 80


def styled_screen(term: Terminal) -> list[tuple[object, ...]]:
    """The screen once it stopped changing, cell by cell as it looks: the character, its
    colours and attributes (a space's foreground only where an attribute draws on it: it
    shows nowhere else, and the frames leave it as it was)."""
    term.settle(0.3)
    time.sleep(0.1)
    # -N: every cell to the line's end, its trailing spaces and their colours too.
    shown = term._tmux("capture-pane", "-p", "-e", "-N", "-t", "e2e")
    lines = shown.rstrip("\n").split("\n")
    screen = pyte.Screen(COLUMNS, len(lines))
    pyte.Stream(screen).feed("\r\n".join(lines))
    cells = (screen.buffer[y][x] for y in range(screen.lines) for x in range(COLUMNS))
    return [
        (c.data, c.bg, c.bold, c.italics, c.underscore, c.strikethrough, c.reverse)
        + ((c.fg,) if c.data != " " or c.underscore or c.strikethrough or c.reverse else ())
        for c in cells
    ]


def redraw_whole(term: Terminal) -> None:
    """Every widget drawn again from its data: the terminal made wider and taller, then
    given its size back (switching screens repaints from what the widgets drew last)."""
    for cols, rows in ((COLUMNS + 20, 30), (COLUMNS, 24)):
        term._tmux("resize-window", "-t", "e2e", "-x", str(cols), "-y", str(rows))
        term.settle(0.3)


@pytest.mark.parametrize("colours", ["xterm-256color", "xterm"])
def test_moves_leave_the_screen_a_whole_redraw_draws(tmp_path: Path, colours: str) -> None:
    session = Session(tmp_path, {"TERM": colours}, COLUMNS, 24, whole=False)
    term = session.terminal
    try:
        term.wait_for(r"Overdue · \d+", timeout=30)
        for digit, shows, moves in CASES:
            go(term, digit, shows)
            before = styled_screen(term)
            for key in moves:
                term.press(key)
                term.settle(0.15)
            moved = styled_screen(term)
            assert moved != before, f"the moves on area {digit} changed nothing"
            redraw_whole(term)
            term.wait_for(shows)
            assert styled_screen(term) == moved, f"area {digit} after its moves"
    finally:
        term.close()
