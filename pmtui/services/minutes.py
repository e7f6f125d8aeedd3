"""An occurrence's minutes as Markdown: the meeting, its date and time, attendees, agenda,
the minutes themselves, decisions taken in it and the actions raised, with owner and due."""

from __future__ import annotations

from datetime import date

from pmtui.domain import recurrence
from pmtui.schema import Reader, Record, record_labels
from pmtui.services.meetings import MeetingError, parse_local, zone_name


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell (one line, no column break)."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def _line(text: object) -> str:
    return " ".join(str(text or "").split())


def _as_typed(text: object) -> str:
    """The minutes with their lines kept: a line followed by another ends in a Markdown
    hard break (two spaces, which every renderer reads), else a forge or mail client runs
    the lines of a stand-up's notes into one paragraph."""
    lines = [line.rstrip() for line in str(text or "").strip().splitlines()]
    kept = [
        f"{line}  " if line and index + 1 < len(lines) and lines[index + 1] else line
        for index, line in enumerate(lines)
    ]
    return "\n".join(kept)


def occurrence_on(reader: Reader, meeting_key: str, day: date | None, today: date) -> str:
    """The key of the meeting's stored occurrence that met on `day` (its start, where it
    moved to); with no day, the latest one up to `today` that was not cancelled.
    MeetingError saying so when there is none (an occurrence is stored once something
    happens to it: an agenda, minutes, a move or a cancellation)."""
    meeting = reader.get("meetings", meeting_key) or {}
    title = _line(meeting.get("title") or meeting_key)
    rows = [r for r in reader.records("occurrences") if r.get("meeting") == meeting_key]

    def met(row: Record) -> date:
        return parse_local(row.get("start") or row["scheduled"]).date()

    if day is not None:
        found = [r for r in rows if met(r) == day]
        if not found:
            raise MeetingError(
                f"{title} has nothing recorded on {day.isoformat()} (no agenda, minutes, "
                "move or cancellation)"
            )
        return str(found[0]["key"])
    past = [r for r in rows if met(r) <= today and r.get("status") != "cancelled"]
    if not past:
        raise MeetingError(f"{title} has no occurrence recorded up to {today.isoformat()}")
    return str(max(past, key=met)["key"])


def minutes_markdown(reader: Reader, occurrence_key: str) -> str:
    """The minutes of occurrence `occurrence_key` as a Markdown document; MeetingError when
    there is no such occurrence."""
    row = reader.get("occurrences", occurrence_key)
    if row is None:
        raise MeetingError(f"no occurrence {occurrence_key!r}")
    meeting = reader.get("meetings", str(row.get("meeting") or "")) or {}
    project = next(iter(reader.records("project")), {})
    names = record_labels(reader.records("people"), "name")
    zone = zone_name(meeting, project)
    start = recurrence.localize(
        parse_local(row.get("start") or row["scheduled"]), recurrence.zone_of(zone)
    )
    title = _line(meeting.get("title") or row.get("meeting"))
    out = [f"# {title}, {start:%Y-%m-%d}", ""]
    length = int(meeting.get("length") or 30)
    out.append(f"- **When:** {start:%a %Y-%m-%d %H:%M} ({zone}), {length} minutes")
    if str(row.get("start") or "") not in ("", str(row.get("scheduled"))):
        out.append(f"- **Moved from:** {str(row['scheduled']).replace('T', ' ')}")
    if meeting.get("location"):
        out.append(f"- **Where:** {_line(meeting['location'])}")
    out.append(f"- **Status:** {row.get('status') or 'planned'}")
    attendees = [names.get(str(k), str(k)) for k in meeting.get("attendees") or []]
    out.append(f"- **Attendees:** {', '.join(_line(a) for a in attendees) or 'none listed'}")
    out += ["", "## Agenda", ""]
    items = sorted(
        (i for i in reader.records("agenda_items") if i.get("occurrence") == occurrence_key),
        key=lambda i: (i.get("order") is None, i.get("order") or 0, str(i.get("key"))),
    )
    for number, item in enumerate(items, start=1):
        owner = names.get(str(item.get("owner")), "") if item.get("owner") else ""
        allowed = f", {item['minutes_allowed']} min" if item.get("minutes_allowed") else ""
        said = f" ({owner}{allowed})" if owner else (f" ({allowed[2:]})" if allowed else "")
        out.append(f"{number}. {_line(item.get('text'))}{said}")
    if not items:
        out.append("No agenda.")
    out += ["", "## Minutes", "", _as_typed(row.get("minutes")) or "No minutes yet.", ""]
    link = f"occurrences:{occurrence_key}"
    decisions = [d for d in reader.records("decisions") if d.get("link") == link]
    out += ["## Decisions", ""]
    out += [_decision(d, names) for d in decisions] or ["None recorded."]
    actions = [a for a in reader.records("actions") if a.get("source") == link]
    out += ["", "## Actions", ""]
    if actions:
        out += ["| Action | Owner | Due | Status |", "|---|---|---|---|"]
        out += [_action(a, names) for a in actions]
    else:
        out.append("None raised.")
    return "\n".join(out) + "\n"


def _decision(decision: Record, names: dict[str, str]) -> str:
    by = names.get(str(decision.get("made_by")), "") if decision.get("made_by") else ""
    return f"- {_line(decision.get('decision'))}{f' ({by})' if by else ''}"


def _action(action: Record, names: dict[str, str]) -> str:
    owner = names.get(str(action.get("owner")), str(action.get("owner") or ""))
    cells = (action.get("text"), owner, action.get("due"), action.get("status") or "open")
    return "| " + " | ".join(_cell(c) for c in cells) + " |"
