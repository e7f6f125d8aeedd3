"""End to end in a real terminal: the installed `pmtui` in tmux, walked through a manager's
morning as a new user would do it, on the demo project, checking the screen and the file.

Once with TERM=xterm at 80x24, once with NO_COLOR=1, once at 120x40. Every area with a
board of a table gets a record added through its form (the areas come from
pmtui.areas, so areas added later are walked too). Today's items are picked by their text
(the line above the footer shows the chosen one whole), never by position. The walks of
Comms, Reports and Project > Closure are in tests/e2e/walks.py.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmtui import areas
from pmtui.generate import generate_rows
from pmtui.tables import record_type
from tests.e2e import walks
from tests.e2e.session import (
    TODAY,
    Session,
    by_field,
    by_key,
    choose,
    read,
    records,
    retype,
    wait_for_notice,
)
from tests.e2e.terminal import TMUX, hues
from tests.environment import isolated_env

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
]

#: Terminals the walk runs in: (id, extra environment, columns, rows, the whole walk). The
#: other two skip what the first proves of the app rather than of the terminal (a form on
#: every area, the approval, the score, the comms plan, the report's file), to keep CI's
#: share near a minute; they still open a meeting and turn its minutes into an action.
TERMINALS = [
    ("xterm-80x24", {"TERM": "xterm"}, 80, 24, True),
    ("no-color-80x24", {"TERM": "xterm-256color", "NO_COLOR": "1"}, 80, 24, False),
    ("xterm-256color-120x40", {"TERM": "xterm-256color"}, 120, 40, False),
]


@pytest.fixture(params=TERMINALS, ids=[t[0] for t in TERMINALS])
def session(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Session]:
    _, extra, cols, rows, whole = request.param
    opened = Session(tmp_path, extra, cols, rows, whole)
    try:
        yield opened
    finally:
        opened.terminal.close()


def test_a_morning_in_the_app(session: Session) -> None:
    term, path = session.terminal, session.path
    # Open and read Today: what is overdue, oldest first, with the strip above. The
    # stand-up of 2026-11-16 has no minutes yet: it is the oldest.
    screen = term.wait_for(r"Overdue · 15", timeout=30)
    screen = term.wait_for(r"next milestone in \d+ days")
    assert "ERP Roll-out (S/4HANA)" in screen
    overdue = screen.split("Overdue · 15\n", 1)[1].splitlines()
    assert overdue[0].split()[:5] == ["meeting", "minutes", "of", "Weekly", "stand-up"]
    assert re.search(r"^ action +Chase the bank for the IBAN.* 6 days late", screen, re.MULTILINE)
    assert re.search(r"^ comms entry +Steering committee status.* 9 days late", screen, re.M)
    assert "Traceback" not in screen
    # NO_COLOR: greys and attributes only (overdue, RAG and the strip read without colour);
    # else the same screen has colours, so the check can fail.
    colours = hues(term.styled())
    assert not colours if "NO_COLOR" in session.env else colours, sorted(colours)

    # Done on the minutes item explains where minutes are written and changes nothing.
    before = read(path)
    choose(term, "minutes of Weekly stand-up 2026-11-16")
    term.press("x")
    wait_for_notice(term, "minutes are written on the Meetings board: open the occurrence")
    assert "Overdue · 15" in term.screen()
    assert read(path) == before

    # Done on an overdue action: it leaves the list and the file says so.
    choose(term, "action Chase the bank for the IBAN validation list")
    term.press("x")
    term.wait_for(r"Overdue · 14")
    session.until(lambda: by_key(path, "actions", "A1")["status"] == "done")
    assert by_key(path, "actions", "A1")["done_on"] == TODAY
    assert not re.search(r"^ action +Chase the bank", term.screen(), re.MULTILINE)

    # Snooze another overdue action to Friday (tomorrow): its due date moves to 2026-11-27.
    snoozed = "Send the rejected IBAN list to the bank"
    choose(term, f"action {snoozed}")
    before = read(path)
    term.press("s")
    term.wait_for(r"Snooze action: ")
    term.settle()
    term.type("fri")
    term.press("Enter")
    term.wait_for(r"Snooze action: ", gone=True)
    session.until(lambda: read(path)["actions"] != before["actions"])
    term.wait_for(r"Send the rejected IBAN.*days late", gone=True)
    moved = [
        (table, record.get("key"))
        for table, rows in read(path).items()
        if isinstance(rows, dict) and not table.startswith("_")
        for doc, record in rows.items()
        if isinstance(record, dict) and record != before.get(table, {}).get(doc)
    ]
    assert moved == [("actions", by_field(path, "actions", "text", snoozed)["key"])]
    assert by_field(path, "actions", "text", snoozed)["due"] == "2026-11-27"

    # Add a record on a board of every area with one.
    for area_ in areas.AREAS if session.whole else ():
        add_on_area(session, area_)

    # Raise a risk: the form of the Risks board; the register shows it by score.
    term.press("6")
    term.wait_for(r"Risks")
    term.settle()
    term.press("a")
    term.wait_for(r"Add risk")
    term.settle()
    term.type("Key user burnout")
    term.press("Enter")
    term.type("4")  # probability
    term.press("Enter")
    term.type("5")  # impact
    term.press("C-s")
    term.wait_for(r"Add risk", gone=True)
    session.until(lambda: any(r["title"] == "Key user burnout" for r in records(path, "risks")))
    risk = next(r for r in records(path, "risks") if r["title"] == "Key user burnout")
    assert (risk["probability"], risk["impact"]) == (4, 5)
    term.wait_for(r"R\d+ +Key user burnout")  # its row in the register (not the message)

    # Undo takes the risk back out, on screen and in the file.
    term.press("u")
    term.wait_for(r"R\d+ +Key user burnout", gone=True)
    session.until(lambda: all(r["title"] != "Key user burnout" for r in records(path, "risks")))

    if session.whole:
        approve_a_change(session)
        score_a_vendor(session)
    # The areas merged later: Comms, Reports, Project > Closure (the whole walk at 80x24;
    # the others draw the meeting (minutes beside its agenda from 120 columns) and the
    # checklist in their terminal).
    walks.minutes_to_an_action(session)
    if session.whole:
        walks.comms_entry_done(session)
        walks.write_the_status_report(session)
    walks.the_closure_checklist(session)

    # Search everything and jump to what was found.
    term.press("C-f")
    term.wait_for(r"search everything")
    term.settle()
    term.type("IBAN")
    term.wait_for(r"\d+ found")
    term.settle()
    term.press("Down", "Enter")
    term.wait_for(r"\d+ found · ", gone=True)
    # The first match (an action) chosen on its own board, the Actions board.
    screen = term.wait_for(r"Chase the bank for the IBAN")
    assert re.search(r"Today\s*│\s*Actions", screen)

    term.settle()
    term.press("q")
    assert term.exit_status() == 0
    assert "Traceback" not in term.screen()


def test_the_status_report(tmp_path: Path) -> None:
    """The status report from the shell, as the infrastructure lead runs it: the JSON says
    today, the Markdown file has the report's sections (the app's `w` writes the same)."""
    env = {**os.environ, **isolated_env(tmp_path / "env"), "PMTUI_TODAY": TODAY}
    path = tmp_path / "demo.json"
    subprocess.run(
        [sys.executable, "-m", "pmtui", "demo", str(path), "--no-open"],
        env=env,
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [sys.executable, "-m", "pmtui", "report", str(path), "--json"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["as_of"] == TODAY
    written = tmp_path / "status.md"
    done = subprocess.run(
        [sys.executable, "-m", "pmtui", "report", str(path), "-o", str(written)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    text = written.read_text()
    assert text.startswith("# Status report: ERP Roll-out (S/4HANA)\n")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == list(walks.SECTIONS)


def approve_a_change(session: Session) -> None:
    """On the Changes board (Control), filtered to it: within the manager's limit."""
    term, path = session.terminal, session.path
    term.press("]", "]", "]")
    term.wait_for(r"Extra mock load")
    term.settle()
    term.press("/")
    term.wait_for(r"filter: ")
    term.type("mock load")
    term.wait_for(r"mock load\n")
    term.press("Enter")
    term.settle()
    term.press("A")
    term.wait_for(r"Approve CH2\?")
    term.settle()
    term.type("Needed for a safe cutover")
    term.press("Enter")
    term.wait_for(r"Approve CH2\?", gone=True)
    session.until(lambda: by_key(path, "changes", "CH2")["status"] != "under review")
    change = by_key(path, "changes", "CH2")
    assert change["status"] == "approved"
    assert change["rationale"] == "Needed for a safe cutover"


def score_a_vendor(session: Session) -> None:
    """On Compare (Vendors): the open comparison, the chosen cell, a new score."""
    term, path = session.terminal, session.path
    term.press("4", "]")
    screen = term.wait_for(r"Criterion")
    if "Test automation tool" not in screen:
        term.press("c")
        term.wait_for(r"Test automation tool")
    scores_before = {r["key"]: r.get("score") for r in records(path, "scores")}
    term.press("s")
    term.wait_for(r"Score \S+ on")
    term.settle()
    retype(term, "6", r"█ 6 ")
    term.press("Enter")
    term.wait_for(r"Score \S+ on", gone=True)

    def changed_scores() -> list[dict[str, Any]]:
        return [r for r in records(path, "scores") if scores_before.get(r["key"], -1) != r["score"]]

    session.until(lambda: bool(changed_scores()))
    changed = changed_scores()
    assert [r.get("score") for r in changed] == [6]


def add_on_area(session: Session, area_: areas.Area) -> None:
    """Add a record through the form on the area's first board of a table (skipped for an
    area without one): required fields typed, the rest left to their defaults."""
    placed = [
        (index, board)
        for index, board in enumerate(area_.boards)
        if board.table and not record_type(board.table).singleton
    ]
    if not placed:
        return
    index, board = placed[0]
    term, path = session.terminal, session.path
    term.press(str(area_.number))
    term.wait_for(rf"\b{board.title}\b")
    for _ in range(index):
        term.press("]")
    term.settle()
    rt = record_type(board.table)
    before = len(records(path, board.table))
    term.press("a")
    term.wait_for(rf"Add {rt.singular}")
    term.settle()
    row = _required_row(path, board.table)
    fields = [f for f in rt.input_fields if f.name != "key"]
    last = max((i for i, f in enumerate(fields) if f.name in row), default=-1)
    for f in fields[: last + 1]:
        if f.name in row:
            term.type(row[f.name])
        term.press("Enter")
    term.press("C-s")
    term.wait_for(rf"Add {rt.singular}", gone=True)
    session.until(lambda: len(records(path, board.table)) == before + 1)


def _required_row(path: Path, table: str) -> dict[str, str]:
    """Typed text for the required fields of `table` without a default, valid in the demo
    (none where each has one: the form's defaults are saved as they are)."""
    refs = {t: [str(r["key"]) for r in rows.values()] for t, rows in read(path).items()
            if isinstance(rows, dict) and not t.startswith("_")}  # fmt: skip
    rt = record_type(table)
    if not any(f.required and f.default is None for f in rt.input_fields if f.name != "key"):
        return {}  # every required field has a default (a snapshot's date: today)
    for seed in range(20):
        row = generate_rows(table, 1, random.Random(seed), refs)[0]
        wanted = {
            f.name: row[f.name]
            for f in rt.input_fields
            if f.required and f.default is None and f.name in row and f.name != "key"
        }
        if wanted and all(wanted.values()):
            return wanted
    raise AssertionError(f"no row of {table} to type")
