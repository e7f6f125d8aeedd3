"""The demo project open in a real terminal, its file, and the moves a person makes on it
(wait for the file, pick a row by its text, retype a lost key)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.terminal import Terminal
from tests.environment import isolated_env

#: A Thursday: "fri" is tomorrow.
TODAY = "2026-11-26"


def read(path: Path) -> dict[str, Any]:
    """The project file as JSON: table -> {doc id: record}."""
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def records(path: Path, table: str) -> list[dict[str, Any]]:
    return list(read(path).get(table, {}).values())


def by_key(path: Path, table: str, key: str) -> dict[str, Any]:
    return next(r for r in records(path, table) if r.get("key") == key)


def by_field(path: Path, table: str, name: str, value: Any) -> dict[str, Any]:
    """The one record of `table` whose `name` is `value`."""
    found = [r for r in records(path, table) if r.get(name) == value]
    assert len(found) == 1, (table, name, value, found)
    return found[0]


class Session:
    """The app on the demo project in a terminal, and its file."""

    def __init__(
        self, folder: Path, extra: dict[str, str], cols: int, rows: int, whole: bool
    ) -> None:
        #: Whether to walk every flow (else the ones that show how the terminal draws).
        self.whole = whole
        self.folder = folder
        # The developer's own NO_COLOR or TERM must not choose the terminal under test.
        inherited = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
        self.env = {**inherited, **isolated_env(folder / "env"), "PMTUI_TODAY": TODAY, **extra}
        self.path = folder / "demo.json"
        subprocess.run(
            [sys.executable, "-m", "pmtui", "demo", str(self.path), "--no-open"],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.terminal = Terminal(
            [sys.executable, "-m", "pmtui", str(self.path)], self.env, folder, cols, rows
        )

    def until(self, check: Callable[[], bool], timeout: float = 20.0) -> None:
        """Wait until `check()` holds (a save runs in a worker: the file follows the screen)."""
        deadline = time.monotonic() + timeout
        while not check():
            assert time.monotonic() < deadline, f"the file never changed:\n{self.terminal.screen()}"
            time.sleep(0.05)


def detail(screen: str) -> str:
    """The line above the footer: the chosen row shown whole."""
    return screen.rstrip("\n").splitlines()[-2]


def choose(term: Terminal, text: str, limit: int = 40) -> str:
    """Move the cursor down until the chosen row (the line above the footer, which shows it
    whole) reads `text`, as a person reads the row before pressing a key on it."""
    screen = term.settle()
    for _ in range(limit):
        if text in detail(screen):
            return screen
        before = detail(screen)
        term.press("Down")
        deadline = time.monotonic() + 10
        while detail(screen := term.screen()) == before:
            assert time.monotonic() < deadline, f"the cursor never moved:\n{screen}"
            time.sleep(0.05)
    raise AssertionError(f"no row reads {text!r}:\n{screen}")


def retype(term: Terminal, text: str, shown: str) -> None:
    """Clear the focused line and type `text` until `shown` is on screen. Under load a key
    sent as a modal mounts was seen lost once in 5 runs (the line stayed empty); a person
    looks and types again, and so does this (at most 3 times)."""
    for attempt in range(3):
        term.press("C-u")
        term.type(text)
        try:
            term.wait_for(shown, timeout=3 if attempt < 2 else 10)
            return
        except AssertionError:
            if attempt == 2:
                raise


def go(term: Terminal, digit: str, shows: str) -> str:
    """The area of `digit`, on its board that shows `shows` (a regex): an area opens on the
    board last used, so `]` steps through its boards (each drawn, then read) until it is
    there."""
    regex = re.compile(shows)
    term.press(digit)
    for _ in range(8):
        screen = term.settle()
        if regex.search(screen):
            return screen
        term.press("]")
    return term.wait_for(shows, timeout=10)


def notices(screen: str) -> str:
    """The notifications on `screen` (drawn top right behind a `▌`) as one line of text,
    however the terminal's width wrapped them."""
    return " ".join(line.split("▌", 1)[1].strip() for line in screen.splitlines() if "▌" in line)


def wait_for_notice(term: Terminal, text: str, timeout: float = 20.0) -> str:
    """The screen once a notification says `text`."""
    deadline = time.monotonic() + timeout
    while text not in notices(screen := term.screen()):
        assert time.monotonic() < deadline, f"{text!r} was never said:\n{screen}"
        time.sleep(0.05)
    return screen
