"""RecordTable: keys move the cursor, filter and sort; only visible lines are drawn."""

from __future__ import annotations

from collections.abc import Sequence

from pytest import MonkeyPatch
from textual.app import App, ComposeResult

from pmtui.widgets import Column, RecordTable
from pmtui.widgets.record_table import sort_key

COLUMNS = (Column("name", "Name", 12), Column("amount", "Amount", 10, align="right"))
Rows = list[tuple[str, Sequence[str]]]


def numbered_rows(count: int) -> Rows:
    return [(f"R{n}", (f"Row {n}", f"{n * 10:,}.00")) for n in range(1, count + 1)]


class TableApp(App[None]):
    """A bare app holding one focused RecordTable; records the messages it posts."""

    def __init__(self, rows: Rows, columns: Sequence[Column] = COLUMNS) -> None:
        super().__init__()
        self.rows = rows
        self.columns = columns
        self.highlighted: list[str | None] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield RecordTable()

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.set_data(self.columns, self.rows)
        table.focus()

    def on_record_table_row_highlighted(self, message: RecordTable.RowHighlighted) -> None:
        self.highlighted.append(message.row_key)

    def on_record_table_row_selected(self, message: RecordTable.RowSelected) -> None:
        self.selected.append(message.row_key)


def screen_lines(table: RecordTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_j_highlights_the_next_row() -> None:
    app = TableApp(numbered_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        assert app.query_one(RecordTable).cursor_row_key == "R3"
        assert app.highlighted[-1] == "R3"


async def test_k_highlights_the_previous_row() -> None:
    app = TableApp(numbered_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "k")
        assert app.highlighted[-1] == "R2"


async def test_shift_g_goes_to_the_last_row_and_g_back_to_the_first() -> None:
    app = TableApp(numbered_rows(50))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("G")
        assert app.highlighted[-1] == "R50"
        await pilot.press("g")
        assert app.highlighted[-1] == "R1"


async def test_enter_selects_the_row_under_the_cursor() -> None:
    app = TableApp(numbered_rows(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        assert app.selected == ["R2"]


async def test_pagedown_moves_the_cursor_one_screen_of_rows() -> None:
    app = TableApp(numbered_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pagedown")
        # 24 lines less the header: 23 rows per page.
        assert app.query_one(RecordTable).cursor_row_key == "R24"


async def test_ctrl_d_moves_the_cursor_half_a_screen() -> None:
    app = TableApp(numbered_rows(100))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+d")
        assert app.query_one(RecordTable).cursor_row_key == "R12"


async def test_filter_text_narrows_rows_case_insensitively() -> None:
    app = TableApp(numbered_rows(200))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        table.filter_text = "ROW 15"
        await pilot.pause()
        # Row 15 and Row 150..159.
        assert table.row_count == 11


async def test_filter_that_matches_nothing_says_so() -> None:
    app = TableApp(numbered_rows(20))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        table.filter_text = "zzz"
        await pilot.pause()
        assert table.cursor_row_key is None
        assert "No rows match “zzz”" in screen_lines(table)[1]


async def test_s_sorts_numbers_numerically() -> None:
    rows: Rows = [("A", ("a", "1,000.00")), ("B", ("b", "900.00")), ("C", ("c", "95.5"))]
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s")  # first the name column, then the amount column
        lines = screen_lines(app.query_one(RecordTable))
        amounts = [line.split()[1] for line in lines[1:4]]
        assert amounts == ["95.5", "900.00", "1,000.00"]


async def test_shift_s_reverses_the_sort_and_keeps_empty_cells_last() -> None:
    rows: Rows = [("A", ("a", "")), ("B", ("b", "2")), ("C", ("c", "10"))]
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s", "S")
        names = [line.split()[0] for line in screen_lines(app.query_one(RecordTable))[1:4]]
        assert names == ["c", "b", "a"]


async def test_header_marks_the_sorted_column_and_its_direction() -> None:
    app = TableApp(numbered_rows(3))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.press("s")
        assert "Name ▲" in screen_lines(table)[0]
        await pilot.press("S")
        assert "Name ▼" in screen_lines(table)[0]


async def test_sorting_keeps_the_cursor_on_its_row() -> None:
    app = TableApp(numbered_rows(30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "s", "s", "S")
        assert app.query_one(RecordTable).cursor_row_key == "R3"


async def test_ten_thousand_rows_show_the_header_and_first_rows() -> None:
    app = TableApp(numbered_rows(10_000))
    async with app.run_test(size=(80, 24)):
        lines = screen_lines(app.query_one(RecordTable))
        assert lines[0].split() == ["Name", "Amount"]
        assert lines[1].split() == ["Row", "1", "10.00"]
        assert lines[23].split() == ["Row", "23", "230.00"]


async def test_moving_to_the_last_row_scrolls_it_into_view_under_the_header() -> None:
    app = TableApp(numbered_rows(10_000))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("G")
        lines = screen_lines(app.query_one(RecordTable))
        assert lines[0].split() == ["Name", "Amount"]
        assert lines[-1].split() == ["Row", "10000", "100,000.00"]


async def test_reload_keeps_the_cursor_on_the_same_row_key() -> None:
    app = TableApp(numbered_rows(10))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.press("j", "j", "j")
        table.set_data(COLUMNS, [("NEW", ("New row", "1")), *numbered_rows(10)])
        assert table.cursor_row_key == "R4"


async def test_reload_without_the_cursor_row_keeps_the_index() -> None:
    app = TableApp(numbered_rows(10))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        await pilot.press("j", "j", "j")
        table.set_data(COLUMNS, [row for row in numbered_rows(10) if row[0] != "R4"])
        assert table.cursor_row_key == "R5"


async def test_move_to_key_reports_whether_the_row_is_shown() -> None:
    app = TableApp(numbered_rows(10))
    async with app.run_test(size=(80, 24)):
        table = app.query_one(RecordTable)
        assert (table.move_to_key("R7"), table.cursor_row_key) == (True, "R7")
        assert (table.move_to_key("missing"), table.cursor_row_key) == (False, "R7")


async def test_columns_shrink_to_fit_the_screen_widest_first() -> None:
    columns = [Column("a", "Alpha", 10), Column("b", "Beta", 60), Column("c", "Gamma", 30)]
    app = TableApp([("A", ("x", "y", "z"))], columns)
    async with app.run_test(size=(80, 24)):
        header = screen_lines(app.query_one(RecordTable))[0]
        assert "Alpha" in header and "Gamma" in header
        assert len(header.rstrip()) <= 80


async def test_long_cells_are_cut_with_an_ellipsis_only_when_the_width_runs_out() -> None:
    app = TableApp([("A", ("A name far too long", "1"))])
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        assert screen_lines(table)[1].startswith(" A name far too long      1 ")
        await pilot.resize_terminal(20, 10)
        await pilot.pause()
        # The text column takes what the fixed "Amount" column leaves: 20 - 6 - 3 gaps.
        assert screen_lines(table)[1] == " A name far…      1 "


async def test_l_scrolls_wide_tables_one_column_right() -> None:
    """Twelve columns cannot all fit at 80 cells even at the minimum width: l scrolls."""
    columns = [Column(f"c{n}", f"Col{n}", 10) for n in range(12)]
    app = TableApp([("A", tuple(f"2026-12-{n + 10}" for n in range(12)))], columns)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert screen_lines(app.query_one(RecordTable))[0].split()[0] == "Col1"


async def test_cursor_is_reverse_video_when_no_color_is_set(monkeypatch: MonkeyPatch) -> None:
    """With NO_COLOR, colours may be stripped, so the cursor must not rely on them."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = TableApp(numbered_rows(3))
    async with app.run_test(size=(80, 24)):
        cursor_line = app.query_one(RecordTable).render_line(1)
        assert all(segment.style and segment.style.reverse for segment in cursor_line)


async def test_cell_colour_comes_from_the_column_style_function() -> None:
    def rag(text: str) -> str | None:
        return "record-table--bad" if text == "late" else None

    columns = [Column("name", "Name", 10), Column("state", "State", 6, style_of=rag)]
    app = TableApp([("A", ("a", "ok")), ("B", ("b", "late"))], columns)
    async with app.run_test(size=(80, 24)):
        table = app.query_one(RecordTable)
        bad = table.get_component_rich_style("record-table--bad", partial=True).color
        late_segment = next(s for s in table.render_line(2) if s.text.strip() == "late")
        assert late_segment.style is not None and late_segment.style.color == bad


def test_sort_key_reads_thousands_separators_currency_and_percent() -> None:
    texts = ["1,000.00", "900.00", "$1,200", "12%", "(50.00)", "-3"]
    assert sorted(texts, key=sort_key) == ["(50.00)", "-3", "12%", "900.00", "1,000.00", "$1,200"]


def test_sort_key_puts_numbers_before_text_and_orders_iso_dates() -> None:
    texts = ["2026-03-01", "beta", "2025-12-31", "7", "Alpha"]
    assert sorted(texts, key=sort_key) == ["7", "2025-12-31", "2026-03-01", "Alpha", "beta"]
