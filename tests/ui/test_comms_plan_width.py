"""The comms plan shows who sends each entry and by which channel where the terminal has
room for them; at 80 columns they give way to the entry's information (detail line, form)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.uihelpers import demo_store, isolated_env, make_app, table_text


@pytest.mark.parametrize(("size", "roomy"), [((80, 24), False), ((120, 40), True)])
async def test_owner_and_channel_where_there_is_room(
    tmp_path: Path, size: tuple[int, int], roomy: bool
) -> None:
    app = make_app(demo_store(tmp_path), isolated_env(tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.press("7", "]", "]")
        await pilot.pause()
        shown = table_text(app, "#comms-plan #table")
        header = shown.splitlines()[0].split()
        assert ("Owner" in header, "Channel" in header) == (roomy, roomy), header
        row = next(line for line in shown.splitlines() if "Works council br" in line)
        assert ("Sophie Martin" in row) == roomy, row
        if not roomy:  # the information stays readable at 80 columns
            assert "Key user newslet" in shown
