"""Today's first frame drawn from the cache before the project file is parsed (issue 23):
the same list, detail line and keys as a parsed project shows; keys pressed before the
parse act on the parsed project; a file that changed, or that cannot be read, never gets a
preview."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmtui import app as app_module
from pmtui.app import PmtuiApp, first_frame
from pmtui.boards.area import AreaScreen
from pmtui.boards.today import today as today_board
from pmtui.cli.today import today_of
from pmtui.config import Config
from pmtui.reports.first_frame import Preview, preview
from pmtui.store import Store
from pmtui.widgets.agenda_list import AgendaList
from pmtui.widgets.detail_line import DetailLine
from pmtui.widgets.key_footer import KeyFooter
from pmtui.widgets.status_bar import StatusBar
from pmtui.widgets.today_strip import TodayStrip
from tests.today_seed import seed
from tests.ui.test_app_signals import _drain, _read_until
from tests.uihelpers import isolated_env, make_app, table_text

#: The real app in a real terminal, as big (the size gates at 0), telling whether it drew
#: Today from the cache before parsing the file.
LAUNCH = """
import sys
from pathlib import Path
from pmtui import app
from pmtui.boards.today import today
app.RAG_SYNC_BELOW = today.SYNC_BELOW = 0
chosen = app.first_frame
def first_frame(store):
    found = chosen(store)
    Path(sys.argv[2]).write_text(f"{found is not None} {store.loaded}")
    return found
app.first_frame = first_frame
sys.exit(app.run(Path(sys.argv[1])))
"""


@pytest.fixture
def cached(store: Store) -> Path:
    """The seeded project, its Today cached by `pmtui today PROJECT`."""
    seed(store)
    today_of(store.path, None)
    return store.path


@pytest.fixture
def unparsed(cached: Path) -> Iterator[Store]:
    """The project opened as the app opens it: read and held, not parsed."""
    opened = Store.open(cached, parse_later=True)
    yield opened
    opened.close()


@pytest.fixture
def parse_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse after the first frame does not come (only a read of the project parses
    it): what a key pressed before it meets."""
    monkeypatch.setattr(PmtuiApp, "_load_project", lambda self: None)


def _app(store: Store, tmp_path: Path, shown: Preview | None) -> PmtuiApp:
    return PmtuiApp(store, Config(), env=isolated_env(tmp_path), preview=shown)


def _seen(app: PmtuiApp) -> dict[str, Any]:
    """What the first frame shows that does not wait for the schedule."""
    screen = app.screen
    assert isinstance(screen, AreaScreen)
    keys, _palette = screen.query_one(KeyFooter).line()
    return {
        "list": list(screen.query_one("#today-list", AgendaList).lines()),
        "cursor": screen.query_one("#today-list", AgendaList).cursor_key,
        "detail": list(screen.query_one(DetailLine).parts),
        "keys": keys.plain,
        "areas": str(screen.query_one("#areas").render()),
    }


class TestTheFirstFrame:
    async def test_today_is_drawn_from_the_cache_with_nothing_parsed(
        self, unparsed: Store, tmp_path: Path, parse_waits: None
    ) -> None:
        shown = preview(unparsed)
        assert shown is not None
        app = _app(unparsed, tmp_path, shown)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            seen = _seen(app)
            status = str(app.screen.query_one(StatusBar).render())
            strip = str(app.screen.query_one(TodayStrip).render())
            assert not unparsed.loaded  # the frame above read nothing of the project
        assert status.startswith("Test project  ● status…   saved   Thu 2026-11-26")
        assert "finish: working it out…" in strip
        assert "next milestone" in strip
        assert seen["cursor"] == "actions/A1"
        assert "Chase SAP quote" in "\n".join(seen["list"])
        assert "Done" in seen["keys"] and "Snooze" in seen["keys"]

    async def test_it_shows_what_the_parsed_project_shows(
        self, cached: Path, unparsed: Store, tmp_path: Path, parse_waits: None
    ) -> None:
        app = _app(unparsed, tmp_path, preview(unparsed))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            early = _seen(app)
            assert not unparsed.loaded
        parsed = Store.open(cached)
        try:
            later = make_app(parsed, isolated_env(tmp_path), start_area=None)
            async with later.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert _seen(later) == early
        finally:
            parsed.close()
        assert early["detail"][0] == ("", "action Chase SAP quote")

    async def test_the_project_is_parsed_right_after_it(
        self, unparsed: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        looked_up: list[Store] = []
        monkeypatch.setattr(today_board, "cached_answer", looked_up.append)
        app = _app(unparsed, tmp_path, preview(unparsed))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert unparsed.loaded
            assert app.preview is None
            seen = _seen(app)
        assert seen["cursor"] == "actions/A1"
        assert "Chase SAP quote" in "\n".join(seen["list"])
        assert looked_up == []  # the first frame's answer, not the cache read again


class TestKeysBeforeTheParse:
    async def test_x_closes_the_item_in_the_file(
        self, cached: Path, unparsed: Store, tmp_path: Path, parse_waits: None
    ) -> None:
        app = _app(unparsed, tmp_path, preview(unparsed))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("x")
            await pilot.pause()
            assert app.screen.query_one("#today-list", AgendaList).cursor_key != "actions/A1"
        saved = json.loads(cached.read_bytes())["actions"]
        assert {a["key"]: a["status"] for a in saved.values()}["A1"] == "done"

    async def test_2_shows_the_plan_with_its_rows(
        self, unparsed: Store, tmp_path: Path, parse_waits: None
    ) -> None:
        app = _app(unparsed, tmp_path, preview(unparsed))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            assert app.current_mode == "plan"
            rows = table_text(app)
            status = str(app.screen.query_one(StatusBar).render())
        assert "Design" in rows and "Kick-off" in rows
        assert unparsed.loaded
        assert status.startswith("Test project  ● ")

    async def test_q_quits_without_reading_or_writing_the_project(
        self, cached: Path, unparsed: Store, tmp_path: Path, parse_waits: None
    ) -> None:
        before = cached.read_bytes()
        app = _app(unparsed, tmp_path, preview(unparsed))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("q")
            await pilot.pause()
        assert app.finish_writes() is None
        assert not unparsed.loaded
        assert cached.read_bytes() == before


class TestNoPreview:
    def test_a_file_changed_since_the_cache_gets_none(self, store: Store, cached: Path) -> None:
        store.update("actions", "A1", {"text": "Chase the Oracle quote"})
        reopened = Store.open(cached, parse_later=True)
        try:
            assert preview(reopened) is None
        finally:
            reopened.close()

    def test_a_small_project_is_parsed_first(self, unparsed: Store) -> None:
        assert preview(unparsed) is not None
        assert first_frame(unparsed) is None  # 2 tasks: parsing takes little

    def test_a_big_enough_one_is_not(
        self, unparsed: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(app_module, "RAG_SYNC_BELOW", 1)
        monkeypatch.setattr("pmtui.boards.today.today.SYNC_BELOW", 1)
        assert first_frame(unparsed) is not None
        assert not unparsed.loaded

    def test_a_file_that_cannot_be_read_is_refused_before_the_app_starts(
        self, cached: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        damaged = cached.read_bytes().replace(b'"actions"', b'"actions" 1', 1)
        cached.write_bytes(damaged)
        assert app_module.run(cached) == 1
        assert "is not valid JSON at line" in capsys.readouterr().out
        assert cached.read_bytes() == damaged


class TestInARealTerminal:
    def test_x_typed_as_the_app_starts_closes_the_item_in_the_file(
        self, cached: Path, tmp_path: Path
    ) -> None:
        said = tmp_path / "preview.txt"
        env = {**os.environ, "TERM": "xterm-256color"}  # the cache `today_of` wrote
        pid, fd = pty.fork()
        if pid == 0:  # the child: the real app in a real pseudo-terminal
            os.execvpe(sys.executable, [sys.executable, "-c", LAUNCH, str(cached), str(said)], env)
        try:
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.write(fd, b"x")  # before the first frame: Textual reads it once it starts
            _read_until(fd, b"Done: action Chase SAP quote", 20)
            _drain(fd, 0.3)
            os.write(fd, b"q")
            deadline = time.monotonic() + 10
            done = 0
            while time.monotonic() < deadline and not done:
                done, _status = os.waitpid(pid, os.WNOHANG)
                _drain(fd, 0.05)
            assert done, "the app did not quit"
        finally:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            os.close(fd)
        assert said.read_text() == "True False"  # drawn from the cache, nothing parsed
        saved = json.loads(cached.read_bytes())["actions"]
        assert {a["key"]: a["status"] for a in saved.values()}["A1"] == "done"
