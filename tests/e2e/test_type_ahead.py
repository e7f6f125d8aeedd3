"""Keys typed in one burst with the key that opens a form land in the form, in order.

A person who knows the keys types `a` and the title without waiting for the form to be
drawn (a slow link delivers them together anyway). Textual handed the keys after `a` to
the board's table before `a` was handled; once the form was up they came back to the app
unhandled and were dropped, and keys that reached the form before its first box had the
focus were dropped too: the title stayed empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.session import Session, go, read
from tests.e2e.terminal import TMUX

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
]


def test_a_title_typed_with_the_add_key_is_the_titles(tmp_path: Path) -> None:
    session = Session(tmp_path, {"TERM": "xterm-256color"}, 80, 24, whole=False)
    term = session.terminal
    try:
        term.wait_for(r"Overdue · \d+", timeout=30)
        go(term, "2", r"Key +Task")
        before = len(read(session.path)["tasks"])
        term.type("aData migration dry run")  # one write: the burst a slow link delivers
        screen = term.wait_for(r"Add task")
        screen = term.wait_for(r"Title \*\s+Data migration dry run", timeout=10)
        term.press("C-s")
        term.wait_for(r"Data migration dry run", timeout=10)
        session.until(lambda: len(read(session.path)["tasks"]) == before + 1)
        titles = [task["title"] for task in read(session.path)["tasks"].values()]
        assert "Data migration dry run" in titles, screen
    finally:
        term.close()


def test_a_quick_action_typed_with_its_key_is_added_whole(tmp_path: Path) -> None:
    # Today's `a` opens a one-line prompt; the line typed in the same burst, then enter.
    session = Session(tmp_path, {"TERM": "xterm-256color"}, 80, 24, whole=False)
    term = session.terminal
    try:
        term.wait_for(r"Overdue · \d+", timeout=30)
        term.settle()
        before = len(read(session.path)["actions"])
        term.type("aCall the bank about the IBAN list")
        term.press("Enter")
        session.until(lambda: len(read(session.path)["actions"]) == before + 1)
        texts = [action["text"] for action in read(session.path)["actions"].values()]
        assert "Call the bank about the IBAN list" in texts, term.screen()
    finally:
        term.close()
