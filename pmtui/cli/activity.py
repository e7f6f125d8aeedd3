"""`pmtui log`: what changed, by whom and when, from the project's activity log (values of
private tables are redacted there already; long values are cut)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from pmtui.cli.common import Commands, UserError, open_store, print_json
from pmtui.kinds import FieldError
from pmtui.kinds.escapes import visible
from pmtui.schema import Field, Kind
from pmtui.store import Store, journal
from pmtui.store.files import ProjectFiles
from pmtui.tables import record_type

#: The commands `register` adds (main builds only the one being run).
COMMANDS = ("log",)
_SINCE = Field("since", Kind.DATE)


def register(commands: Commands) -> None:
    """Add `log`."""
    parser = commands.add_parser(
        "log",
        help="what changed, by whom and when",
        description="The project's activity log, newest first: when, who, what (private "
        "values redacted).",
    )
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument(
        "--since", metavar="DATE", help="only changes on or after DATE (2026-12-01, mon, -7d)"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="only the newest N changes")
    parser.add_argument("--json", action="store_true", help="print the entries as JSON")
    parser.set_defaults(run=run_log)


def run_log(args: argparse.Namespace) -> int:
    """Print the activity log of PROJECT."""
    from pmtui.kinds import parse_value

    with open_store(args.project) as store:
        since = None
        if args.since:
            try:
                since = str(parse_value(_SINCE, args.since, store.context()))
            except FieldError as error:
                raise UserError(f"--since: {error}") from None
        entries = journal.read_activity(ProjectFiles.for_path(store.path).activity)
        titles = _titles(store, entries)
    entries.reverse()  # newest first
    if since is not None:
        entries = [e for e in entries if (_day(e) or "") >= since]
    if args.limit is not None:
        if args.limit < 0:
            raise UserError(f"--limit must be 0 or more, got {args.limit}")
        entries = entries[: args.limit]
    if args.json:
        print_json({"changes": [_flat(e, c, titles) for e in entries for c in _changes(e)]})
        return 0
    if not entries:
        print("no changes" + (f" since {since}" if since else ""))
        return 0
    for entry in entries:
        print(_line(entry))
    return 0


def _changes(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in entry.get("changes") or [] if isinstance(c, dict)]


def _titles(store: Store, entries: list[dict[str, Any]]) -> dict[tuple[str, str], str | None]:
    """(table, key) -> the record's name or title now (a deleted one: as logged; a private
    table's: redacted)."""
    found: dict[tuple[str, str], str | None] = {}
    for entry in entries:
        for change in _changes(entry):
            table, key = str(change.get("table")), str(change.get("key"))
            try:
                rt = record_type(table)
            except KeyError:
                found[(table, key)] = None
                continue
            if rt.private:
                found[(table, key)] = journal.REDACTED
                continue
            record = store.get(table, key) or {}
            logged = (change.get("fields") or {}).get(rt.label_field)
            title = record.get(rt.label_field) or logged or found.get((table, key))
            found[(table, key)] = str(title) if title else None
    return found


def _flat(
    entry: dict[str, Any], change: dict[str, Any], titles: dict[tuple[str, str], str | None]
) -> dict[str, Any]:
    """One change as CONTRACT's `log` shape has it."""
    table, key = str(change.get("table")), str(change.get("key"))
    return {
        "at": entry.get("time"),
        "user": entry.get("user"),
        "table": table,
        "key": key,
        "title": titles.get((table, key)),
        "action": change.get("op"),
        "fields": change.get("fields") or {},
    }


def _day(entry: dict[str, Any]) -> str | None:
    stamp = _when(entry)
    return stamp.date().isoformat() if stamp else None


def _when(entry: dict[str, Any]) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(str(entry.get("time", "")).replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _line(entry: dict[str, Any]) -> str:
    """'2026-12-06 09:14  anna  Saved task T4: duration=6 (+2 more)' in local time."""
    stamp = _when(entry)
    shown = stamp.astimezone().strftime("%Y-%m-%d %H:%M") if stamp else "????-??-?? ??:??"
    changes = entry.get("changes") or []
    details = [_change(c, len(changes) > 1) for c in changes[:2] if isinstance(c, dict)]
    more = len(changes) - len(details) + int(entry.get("more") or 0)
    tail = (": " + "; ".join(details) if details else "") + (f" (+{more} more)" if more else "")
    return visible(
        f"{shown}  {entry.get('user', '?')}  {entry.get('label', '')}{tail}", lines=False
    )


def _change(change: dict[str, Any], named: bool) -> str:
    """'duration=7', or with `named` (one of several) 'edit tasks T4 duration=7'."""
    fields = change.get("fields") or {}
    words = [f"{name}={_value(value)}" for name, value in list(fields.items())[:3] if name != "key"]
    head = f"{change.get('op', '?')} {change.get('table', '?')} {change.get('key', '?')}"
    return " ".join([head] * named + [", ".join(words)]).strip()


def _value(value: Any) -> str:
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"
