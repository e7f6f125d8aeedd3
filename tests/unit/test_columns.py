"""How a table shares its width: fixed columns get what they need, text columns the rest."""

from __future__ import annotations

from pmtui.widgets.columns import MIN_TEXT_COLUMN, Column, cells_width, share_widths

KEY, DATE = Column("key", "Key", 4), Column("date", "Date", 10)
TITLE, NOTE = Column("title", "Title", 22), Column("note", "Note", 40)


def test_everything_fits_so_every_column_gets_what_it_needs() -> None:
    assert share_widths([KEY, TITLE, DATE], [3, 30, 10], 80, 1) == [3, 30, 10]


def test_the_text_column_takes_what_the_fixed_ones_leave() -> None:
    # 40 cells: 3 + 10 fixed, 4 gaps, so the title gets 23 of the 30 it wants.
    assert share_widths([KEY, TITLE, DATE], [3, 30, 10], 40, 1) == [3, 23, 10]


def test_the_widest_text_column_is_cut_first() -> None:
    widths = share_widths([KEY, TITLE, NOTE], [3, 20, 60], 60, 1)
    assert widths == [3, 20, 33]
    widths = share_widths([KEY, TITLE, NOTE], [3, 20, 60], 40, 1)
    assert widths == [3, 17, 16]  # the cell left over goes to the first


def test_no_text_column_is_cut_below_the_minimum_and_fixed_ones_never() -> None:
    widths = share_widths([KEY, TITLE, DATE, DATE], [3, 30, 10, 10], 30, 1)
    assert widths == [3, MIN_TEXT_COLUMN, 10, 10]  # wider than 30: the table scrolls


def test_not_laid_out_yet_every_column_gets_what_it_needs() -> None:
    assert share_widths([KEY, TITLE], [3, 300], 0, 1) == [3, 300]


def test_a_column_says_whether_it_holds_text() -> None:
    assert TITLE.is_text and not DATE.is_text and not KEY.is_text
    assert not Column("n", "Amount", 20, "right").is_text
    assert Column("s", "Status", 8, text=True).is_text


def test_cells_width_counts_wide_characters_twice() -> None:
    assert cells_width(["abc", "日本"]) == 4
    assert cells_width([]) == 0


def test_a_column_cut_last_keeps_its_room_while_the_others_can_give_theirs() -> None:
    # An action's text (41 cells) and its owner's name (19): at 60 cells the owner gives
    # way first, down to the minimum; the text is cut only when that is not enough.
    text, owner = Column("text", "Text", 30, cut_last=True), Column("owner", "Owner", 14)
    assert share_widths([text, owner, DATE], [41, 19, 10], 70, 1) == [41, 15, 10]
    assert share_widths([text, owner, DATE], [41, 19, 10], 60, 1) == [36, MIN_TEXT_COLUMN, 10]
    # Without it the widest is cut first, the text to the owner's width.
    plain = Column("text", "Text", 30)
    assert share_widths([plain, owner, DATE], [41, 19, 10], 60, 1) == [27, 19, 10]
