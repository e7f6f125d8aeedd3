"""The squeezed frame draws the same screen as Textual's, in fewer bytes.

Both streams are fed to a VT100 emulator (pyte) and compared cell by cell: character,
foreground, background and every attribute pyte models."""

from __future__ import annotations

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st
from pyte.screens import Char

from pmtui.widgets.terminal_output import squeeze

COLS, ROWS = 40, 40
#: Moves land on the first lines: a frame of 30 pieces never reaches the bottom line, where
#: a newline would scroll, which Textual never writes in application mode.
MOVE_ROWS = 6
ATTRIBUTES = ("1", "3", "4", "5", "7", "9")  # the ones pyte draws (and turns off: 22-29)
COLOURS = ("", "31", "97", "38;5;16", "38;5;253", "38;2;10;20;30")
BACKGROUNDS = ("", "42", "100", "48;5;16", "48;5;23", "48;2;1;2;3")


def screen_of(*frames: str) -> pyte.Screen:
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.Stream(screen)
    for frame in frames:
        stream.feed(frame)
    return screen


def cells(screen: pyte.Screen) -> list[tuple[object, ...]]:
    """Every cell as it looks: a space's foreground shows only under an attribute that
    draws on it (underline, strike-through, reverse)."""
    return [
        (
            y,
            x,
            c.data,
            c.fg if c.data != " " or marks(c) else "-",
            c.bg,
            c.bold,
            c.italics,
            c.underscore,
            c.strikethrough,
            c.reverse,
            c.blink,
        )
        for y in range(ROWS)
        for x, c in sorted(screen.buffer[y].items())
    ]


def marks(cell: Char) -> bool:
    return bool(cell.underscore or cell.strikethrough or cell.reverse)


def styled(text: str, codes: list[str]) -> str:
    """A run of text as Textual writes it: the whole style, the text, a reset."""
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text


styles = st.builds(
    lambda attributes, fg, bg: [*sorted(attributes, key=int), *(c for c in (fg, bg) if c)],
    st.sets(st.sampled_from(ATTRIBUTES)),
    st.sampled_from(COLOURS),
    st.sampled_from(BACKGROUNDS),
)
runs = st.builds(styled, st.text(alphabet="ab xy…─", min_size=0, max_size=6), styles)
moves = st.builds(
    lambda y, x: f"\x1b[{y};{x}H", st.integers(1, MOVE_ROWS), st.integers(1, COLS - 8)
)
pieces = st.lists(st.one_of(runs, runs, runs, moves, st.just("\n")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_the_screen_is_the_same_cell_for_cell(parts: list[str]) -> None:
    frame = "\x1b[1;1H" + "".join(parts)
    squeezed = squeeze(frame)
    assert len(squeezed) <= len(frame)
    # The same cells, and the same state after: the next frame (unstyled text) draws alike.
    after = f"\x1b[{ROWS};1Hzz"
    assert cells(screen_of(squeezed, after)) == cells(screen_of(frame, after))
    assert screen_of(squeezed).cursor.x == screen_of(frame).cursor.x


# One cursor move on the WBS of a 10k project, as Textual 8.2.8 wrote it (2026-12-07).
WBS_MOVE = (
    "\x1b[7;1H\x1b[38;5;253;48;5;16m T1152     Ann Rossi 1152       2d 2027-11-10 2027-11-11"
    "   129,952   0  399d   \x1b[0m\x1b[7;80H\x1b[38;5;253;48;5;16m \x1b[0m\n"
    "\x1b[8;1H\x1b[1;38;5;16;48;5;68m T1169     Emil Lee 1169        3d 2027-11-09 2027-11-11"
    "             0  402d   \x1b[0m\x1b[8;80H\x1b[38;5;253;48;5;16m \x1b[0m\n"
    "\x1b[23;1H\x1b[48;5;23m \x1b[0m\x1b[1;38;5;253;48;5;23mEmil Lee 1169\x1b[0m\x1b[48;5;23m"
    + " " * 65
    + "\x1b[0m\x1b[48;5;23m \x1b[0m\x1b[1;2H"
)


def test_a_real_cursor_move_keeps_its_screen_in_fewer_bytes() -> None:
    squeezed = squeeze(WBS_MOVE)
    wide = pyte.Screen(80, 24)
    narrow = pyte.Screen(80, 24)
    pyte.Stream(wide).feed(WBS_MOVE)
    pyte.Stream(narrow).feed(squeezed)
    assert [dict(wide.buffer[y]) for y in range(24)] == [dict(narrow.buffer[y]) for y in range(24)]
    # The repeated style after each row's move to its last cell, the resets between runs
    # and the newlines before absolute moves are gone.
    assert len(squeezed.encode()) <= len(WBS_MOVE.encode()) - 60
    assert "\n" not in squeezed
    assert squeezed.count("\x1b[0m") == 1 and squeezed.endswith("\x1b[0m")  # reset once, last
    assert "\x1b[7;80H \x1b[8;1H" in squeezed  # the scrollbar cell in the row's own style


def test_only_what_changes_is_sent() -> None:
    # Same background, a new foreground: one code, no reset.
    frame = "\x1b[38;5;247;48;5;23mOn: \x1b[0m\x1b[38;5;253;48;5;23mIssues\x1b[0m"
    assert squeeze(frame) == "\x1b[38;5;247;48;5;23mOn: \x1b[38;5;253mIssues\x1b[0m"
    # Bold off and a colour back to the default: 22 and 39, not a reset and a whole style.
    frame = "\x1b[1;38;5;253;48;5;23mName\x1b[0m\x1b[48;5;23m   \x1b[0m"
    assert squeeze(frame) == "\x1b[1;38;5;253;48;5;23mName\x1b[22;39m   \x1b[0m"
    # Dim off would turn bold off too (22 does both): a reset and bold, as short.
    frame = "\x1b[1;2mab\x1b[0m\x1b[1mcd\x1b[0m"
    assert squeeze(frame) == "\x1b[1;2mab\x1b[0;1mcd\x1b[0m"


def test_spaces_keep_the_colour_they_cannot_show() -> None:
    # A grid's cells in one colour and the gaps between them in another: the gaps are
    # spaces, so the colour changes only where text shows it.
    frame = "\x1b[31m 10%\x1b[0m\x1b[32m \x1b[0m\x1b[31m 20%\x1b[0m"
    assert squeeze(frame) == "\x1b[31m 10%  20%\x1b[0m"
    # Underlined, a space shows its colour: it is kept.
    frame = "\x1b[4;31mab\x1b[0m\x1b[4;32m \x1b[0m"
    assert squeeze(frame) == "\x1b[4;31mab\x1b[32m \x1b[0m"


def test_a_move_straight_after_a_move_is_dropped() -> None:
    # A row's last piece cut to nothing leaves its move alone before the next row's.
    frame = "\x1b[7;1H\x1b[31mrow\x1b[0m\x1b[7;80H\x1b[8;1H\x1b[31mnext\x1b[0m"
    assert squeeze(frame) == "\x1b[7;1H\x1b[31mrow\x1b[8;1Hnext\x1b[0m"


def test_what_it_does_not_understand_is_left_alone() -> None:
    for frame in (
        "\x1b[4:3mcurly\x1b[0m",  # a sub-parameter
        "\x1b[38;5mbad\x1b[0m",  # a colour without its number
        "text then a cut escape \x1b[",
        "\x1b[73mnot an attribute\x1b[0m",
    ):
        assert squeeze(frame) == frame


def test_a_string_sequence_is_kept_whole() -> None:
    # A query string (DCS) is never cut by a colour change, even one waiting to be sent.
    query = "\x1bP+q544e\x1b\\"
    frame = f"\x1b[31m\x1b[0m{query}\x1b[32mgo\x1b[0m"
    assert squeeze(frame) == f"{query}\x1b[32mgo\x1b[0m"
    assert squeeze("\x1bP+q544e") == "\x1bP+q544e"  # cut short: left alone


def test_other_sequences_keep_their_place_and_style() -> None:
    link = "\x1b]8;id=1;https://example.org\x1b\\"
    frame = f"\x1b[?2026h\x1b[31mred\x1b[0m{link}\x1b[32mgreen\x1b[0m\x1b]8;;\x1b\\\x1b[?2026l"
    squeezed = squeeze(frame)
    assert squeezed.startswith("\x1b[?2026h") and squeezed.endswith("\x1b[?2026l")
    assert link in squeezed
    assert cells(screen_of(squeezed)) == cells(screen_of(frame))
