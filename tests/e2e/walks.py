"""The walks over the areas merged after the first e2e tests (issue 23): Comms (a meeting's
minutes and an action from them, a comms plan entry done), Reports (the status report
written to a file) and Project > Closure (the checklist), each checked on the screen and
in the project file."""

from __future__ import annotations

import re

from tests.e2e.session import TODAY, Session, by_field, by_key, choose, go, records, retype

#: Issue statuses the checklist counts as open (pmtui/services/closure.py's docstring).
OPEN_ISSUE = ("open", "in progress", "escalated")

#: The stand-up occurrence opened (the demo's MTG1 is weekly on Mondays at 09:00).
STAND_UP = "2026-12-07T09:00"
MINUTES_LINE = "Chen to book the cutover rehearsal room"
#: The status report's sections, in order (README, Reports).
SECTIONS = (
    "Summary", "Status", "Milestones", "Accomplishments", "Next steps", "Risks", "Issues",
    "Decisions needed", "Budget and earned value", "Trends",
)  # fmt: skip


def minutes_to_an_action(session: Session) -> None:
    """Meetings (Comms): open next week's stand-up, write a minutes line, turn it into an
    action for Chen Wei due Friday (ctrl+t), leave (which saves the minutes)."""
    term, path = session.terminal, session.path
    go(term, "7", r"Upcoming occurrences")
    choose(term, "Weekly stand-up · When: Mon 2026-12-07 09:00")
    term.press("Enter")
    term.wait_for(r"Weekly stand-up on Mon 2026-12-07 09:00 · planned")
    term.wait_for(r"Actions · none yet")
    term.settle()
    term.press("w")
    term.settle()
    term.type(MINUTES_LINE)
    term.wait_for(MINUTES_LINE)
    term.press("C-t")
    term.wait_for(r"Action from the minutes")
    term.settle()
    # The form opens on the owner (the text is the minutes line); tab takes the name.
    assert re.search(rf"Text \*\s+{MINUTES_LINE}", term.screen())
    retype(term, "Chen", r"Chen Wei +tab takes it")
    term.press("Tab")
    term.wait_for(r"Owner +Chen Wei")
    term.press("Enter")
    retype(term, "fri", r"Due +fri")
    term.press("C-s")
    term.wait_for(r"Action from the minutes", gone=True)
    screen = term.wait_for(r"Actions · 1 open of 1")
    # Its row (from 120 columns the minutes sit beside the lists, which cut the text).
    assert re.search(rf"{MINUTES_LINE[:30]}.*? Chen Wei +2026-11-27 +open", screen), screen
    term.press("Escape")  # out of the minutes
    term.settle()
    term.press("Escape")  # back to the occurrences, saving the minutes
    term.wait_for(r"Upcoming occurrences")
    # The list says the occurrence has minutes and one open action.
    term.wait_for(r"Mon 2026-12-07 09:00 Weekly stand-up .* planned +yes +1\n")

    stand_up = by_field(path, "meetings", "title", "Weekly stand-up")
    session.until(lambda: any(
        o.get("start") == STAND_UP and MINUTES_LINE in o.get("minutes", "")
        for o in records(path, "occurrences")
    ))  # fmt: skip
    occurrence = by_field(path, "occurrences", "start", STAND_UP)
    assert occurrence["meeting"] == stand_up["key"]
    assert occurrence["minutes"] == MINUTES_LINE
    action = by_field(path, "actions", "text", MINUTES_LINE)
    chen = by_field(path, "people", "name", "Chen Wei")
    assert action["owner"] == chen["key"]
    assert action["due"] == "2026-11-27"
    assert action["status"] == "open"
    assert action["source"] == f"occurrences:{occurrence['key']}"


def comms_entry_done(session: Session) -> None:
    """Comms plan (Comms): the overdue steering committee report done today with a note;
    its next due date moves on a month and it leaves the top of the list."""
    term, path = session.terminal, session.path
    screen = go(term, "7", r"Steering committ.*! 9 days late")
    assert "Next due" in screen
    choose(term, "Steering committee status report · Owner: Markus Brandt")
    term.press("x")
    term.wait_for(r"Done today: Steering committee status report")
    term.settle()
    retype(term, "Sent with the re-plan", r"Sent with the re-plan")
    term.press("Enter")
    term.wait_for(r"Steering committ.*! 9 days late", gone=True)
    term.wait_for(r"Steering committ.* 2026-12-26 +in 30 days")
    session.until(lambda: by_key(path, "comm_plan", "CP1").get("last_done") == TODAY)
    entry = by_key(path, "comm_plan", "CP1")
    assert entry["note"] == "Sent with the re-plan"


def write_the_status_report(session: Session) -> None:
    """Report (Reports): `w` proposes status-DATE.md in the folder pmtui started from;
    enter writes it; the file has the report's sections and today's work."""
    term = session.terminal
    go(term, "8", r"Status report as of 2026-11-26")
    term.settle()
    term.press("w")
    term.wait_for(r"Write the status report to")
    term.wait_for(r"status-2026-11-26\.md")
    term.settle()
    term.press("Enter")
    term.wait_for(r"Report written")
    written = session.folder / "status-2026-11-26.md"
    session.until(written.exists)
    text = written.read_text()
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == list(SECTIONS)
    assert text.startswith("# Status report: ERP Roll-out (S/4HANA)\n")
    assert "As of 2026-11-26 · since the last report on 2026-11-19" in text
    # What the walk did this morning is in it: the action done is an accomplishment.
    assert "- Completed action Chase the bank for the IBAN validation list" in text


def the_closure_checklist(session: Session) -> None:
    """Closure (Project): the checklist's counts are the file's (the open actions include
    the one raised in the stand-up and leave out the one done on Today)."""
    term, path = session.terminal, session.path
    screen = go(term, "9", r"Open: \d+ of 6 items to clear before closing")
    open_actions = sum(1 for a in records(path, "actions") if a.get("status") == "open")
    open_issues = [i for i in records(path, "issues") if i.get("status") in OPEN_ISSUE]
    assert re.search(rf"\[ \] No open actions +{open_actions} ", screen), screen
    assert re.search(rf"\[ \] No open issues +{len(open_issues)} ", screen), screen
    for item in ("Deliverables accepted", "Contracts ended", "No open risks", "Budget reconciled"):
        assert f"[ ] {item}" in screen
    assert "Lessons learned" in screen
    assert not records(path, "project")[0].get("archived")  # looking archives nothing
