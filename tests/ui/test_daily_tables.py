"""Issue 14, "Show the whole text" and "Lists, filters": tables share the terminal's width,
a detail line shows the chosen record whole, filters and cursors stay where the user left them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pmtui.app import PmtuiApp
from tests.uihelpers import demo_store, isolated_env, make_app, table_text

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture
def demo(tmp_path: Path) -> PmtuiApp:
    return make_app(demo_store(tmp_path), isolated_env(tmp_path))


def _lines(app: PmtuiApp, selector: str = "RecordTable") -> list[str]:
    return table_text(app, selector).splitlines()


class TestColumnsShareTheWidth:
    async def test_wbs_titles_are_whole_at_120_columns(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(120, 40)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            text = table_text(demo)
            for title in ("System integrator onboarding", "Data cleansing (vendor IBANs)"):
                assert title in text

    async def test_the_title_column_takes_what_the_fixed_columns_leave_at_80(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            lines = _lines(demo)
            assert "Project charter and plan" in "\n".join(lines)
            # The header still shows every column, dates uncut.
            assert lines[0].split() == [
                "Key", "Task", "Dur", "Start", "Finish", "Budget", "%", "Float"
            ]  # fmt: skip
            row = next(line for line in lines if "T3 " in line)
            assert "System integrator onboar…" in row  # 24 of 28 letters; 17 before
            assert len(DATE.findall(row)) == 2

    async def test_a_resize_shares_the_width_again(self, demo: PmtuiApp) -> None:
        async with demo.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            assert "System integrator onboarding" not in table_text(demo)
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert "System integrator onboarding" in table_text(demo)

    async def test_at_60_columns_the_key_columns_show_and_dates_are_not_cut(
        self, demo: PmtuiApp
    ) -> None:
        async with demo.run_test(size=(60, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            lines = _lines(demo)
            assert lines[0].split()[:5] == ["Key", "Task", "Dur", "Start", "Finish"]
            for line in lines[1:]:
                if line.strip():
                    assert len(DATE.findall(line)) == 2, line
            assert all(len(line) <= 60 for line in lines)
