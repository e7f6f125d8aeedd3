"""Write docs/FORMAT.md, the project file format, from the schema: python -m pmtui.formatdoc."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pmtui.kinds import KINDS, ParseContext, bounds, to_text
from pmtui.schema import Field, Kind, RecordType
from pmtui.store import journal
from pmtui.store.encoding import IncrementalEncoder
from pmtui.store.files import ProjectFiles
from pmtui.store.migrations import SCHEMA_VERSION
from pmtui.tables import load_all

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "FORMAT.md"

_SENTINEL = date(2000, 1, 3)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _default(f: Field) -> str:
    if f.default is None:
        return ""
    if callable(f.default):
        value = f.default(ParseContext(today=_SENTINEL))
        return "today" if value == _SENTINEL.isoformat() else "set when added"
    return f"`{to_text(f, f.default)}`"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _values(f: Field) -> str:
    parts = []
    if f.choices:
        parts.append(", ".join(f"`{choice}`" for choice in f.choices))
    if f.kind in (Kind.REF, Kind.REFS, Kind.LINKS):
        parts.append(
            f"→ {f.target}"
            + (" (owner: deleted with it)" if f.owner else "")
            + (" (part of it: deleted with it when asked)" if f.part_of else "")
        )
    if f.kind == Kind.RECORD:
        parts.append("→ any table")
    if f.minimum is not None and f.maximum is not None:
        parts.append(f"{_number(f.minimum)} to {_number(f.maximum)}")
    elif f.minimum is not None:
        parts.append(f"≥ {_number(f.minimum)}")
    elif f.maximum is not None:
        parts.append(f"≤ {_number(f.maximum)}")
    return "; ".join(parts)


def _kind(f: Field) -> str:
    return f"{f.kind.value}" + (" (computed)" if f.computed else "")


def _agenda_note(rt: RecordType) -> str:
    """What the table's agenda declares, in words: when its records are on Today."""
    agenda = rt.agenda
    assert agenda is not None
    reasons = []
    for due in agenda.due:
        when = f"by `{due.date}`" if due.date else "without a date (as today)"
        when += " (empty: today)" if due.date and due.undated else ""
        when += " until it passes" if due.date and not due.overdue else ""
        ahead = f", {due.ahead} days ahead" if due.ahead is not None else ""
        about = f" ({due.about})" if due.about else ""
        reasons.append(f"*{due.kind}*{about} {when}{ahead}")
    parts = [f"**On Today** (`pmtui today`): {'; '.join(reasons)}."]
    if agenda.done:
        sets = ", ".join(f"`{name}` = `{value}`" for name, value in agenda.done)
        on = f" and `{agenda.done_on}` = today" if agenda.done_on else ""
        parts.append(f"`pmtui done` sets {sets}{on}.")
    elif agenda.done_on:
        parts.append(f"`pmtui done` sets `{agenda.done_on}` = today.")
    if agenda.snooze:
        parts.append(f"`pmtui snooze` moves `{agenda.snooze}`.")
    if agenda.private or rt.private:
        parts.append(f'Today shows only "{agenda.title or rt.singular}", never the text.')
    return " ".join(parts)


def table_section(rt: RecordType) -> list[str]:
    """One table: its help, its properties and a row per field."""
    if rt.singleton:
        notes = ["The table holds exactly one record."]
    else:
        notes = [f"Keys are generated as `{rt.key_prefix}1`, `{rt.key_prefix}2`, ..."]
        notes.append(f"References may name a record by its `{rt.label_field}`.")
    if rt.private:
        notes.append(
            "**Private**: never exported or shown without `--include-private`; "
            "its values are redacted in the activity log."
        )
    if rt.agenda is not None:
        notes.append(_agenda_note(rt))
    lines = [f"### {rt.table}", "", rt.help, "", " ".join(notes), ""]
    lines += [
        "| Field | Label | Kind | Required | Default | Values | Help |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in rt.fields:
        cells = [
            f"`{f.name}`",
            f.title,
            _kind(f),
            "yes" if f.required else "",
            _default(f),
            _values(f),
            f.help,
        ]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return [*lines, ""]


def _example() -> list[str]:
    sample = {
        "_meta": {
            "1": {"change": "3f9c2a7b1d04", "revision": 12, "schema_version": SCHEMA_VERSION}
        },
        "people": {"1": {"key": "P1", "name": "Ann Lee", "rate": 95.5, "skills": ["SQL", "SAP"]}},
    }
    text = IncrementalEncoder().encode(sample)  # as a save writes it: with its text_sha256
    return ["```json", *text.decode().rstrip("\n").split("\n"), "```"]


def _sidecars() -> list[str]:
    files = ProjectFiles.for_path(Path("/projects/plan.json"))
    rows = [
        (files.lock.name, "empty; held with `flock` around every read-modify-write"),
        (
            files.activity.name,
            "activity log: one JSON line per saved change (time, user, label, table, key, "
            "changed fields and their new values); values of private tables are replaced by "
            f"`[redacted]`; a value longer than {journal.LOG_VALUE_CHARS} characters is cut to "
            f"{journal.LOG_VALUE_CHARS} followed by `{journal.CUT_MARK}` and its field listed in "
            f"the item's `cut`. Past {journal.LOG_MAX_BYTES // 1_000_000} MB only entries older "
            f"than {journal.LOG_KEEP_DAYS} days are dropped",
        ),
        (
            files.journal.name,
            "undo journal: one JSON line per saved change with the full records before and "
            "after, so `pmtui undo` can reverse it from any session: `id`, `label`, `user`, "
            "`changes`, the `revision` it produced, its `parent` (the `change` the file held "
            "before), `first` on the file's first change, `undoes`/`redoes` on undo and redo "
            "steps. Written before the file is renamed into place; an entry whose save never "
            "landed is never used, and a torn last line is skipped. Past "
            f"{journal.JOURNAL_MAX_BYTES // 1_000_000} MB the oldest entries are dropped until "
            f"the rest fits in {journal.JOURNAL_MAX_BYTES // 2_000_000} MB; the newest "
            f"{journal.JOURNAL_MIN_KEEP} always stay, whatever their size (a whole import is "
            "one entry)",
        ),
        (
            files.backups.name + "/",
            "daily backups `plan.YYYY-MM-DD.json` (the file as it was before the day's first "
            "save; `backups_kept` of them), copies kept by `pmtui restore` and `pmtui demo "
            "--fresh` (`plan.YYYY-MM-DD.N.json`), and `plan.schema-vN.json` before a migration",
        ),
    ]
    lines = [
        "| File | What it holds |",
        "|---|---|",
        *(f"| `{name}` | {_cell(what)} |" for name, what in rows),
    ]
    return [
        "For a project `plan.json`, these files live beside it in the same folder, all "
        "created with mode 0600 (folders 0700):",
        "",
        *lines,
        "",
    ]


def generate() -> str:
    """The whole of docs/FORMAT.md."""
    registry = load_all()
    types = sorted(registry.values(), key=lambda rt: (not rt.singleton, rt.table))
    lines = [
        "# The pmtui project file",
        "",
        "<!-- Generated from the schema by `python -m pmtui.formatdoc --write`; "
        "do not edit by hand. -->",
        "",
        "## Layout",
        "",
        "One project is one JSON file in TinyDB's layout: an object of tables, each an object "
        'of records by an internal document id: `{"table": {"doc_id": record}}`. Document ids '
        "never show; records are found by their `key`, unique in the table. Tables whose name "
        "starts with `_` are internal and never exported.",
        "",
        f"- `_meta` holds one record with `schema_version` (this pmtui writes version "
        f"{SCHEMA_VERSION}). An older file is migrated when opened, after a copy is kept in "
        "the backups folder; a newer one is refused. It also holds `revision`, the number of "
        "saves (0 when the file is created), and `change`, the id of the change that made the "
        "file as it is: the undo journal is checked against them, so `pmtui undo` only "
        "reverses a change the file shows. `project_id` names the project for its life "
        "(copies and backups share it): a session that finds another project's file put "
        "where its own was refuses to save into it. `text_sha256` is the SHA-256 of the "
        "file's bytes "
        "after the `_meta` table: while it matches, a session takes the text of the records "
        "it does not change from the file instead of encoding them again (a file edited by "
        "hand no longer matches and is simply encoded in full). A file `pmtui demo` built "
        "also holds "
        '`built_by: "pmtui demo"`: only such a file is rebuilt by `pmtui demo --fresh`.',
        "- The file is written atomically (temporary file, fsync, rename), with sorted keys "
        "and indentation so that it diffs well in git, with mode 0600.",
        "- A field that is absent is empty: records never store `null` or `[]`.",
        "- Dates are ISO strings (`2026-12-01`); date-times `2026-12-01T14:30`; months `2027-03`.",
        "- Money is a JSON number rounded to two decimals (`1200.5` is 1,200.50) in the "
        "project's `currency`.",
        "- Percents are stored in percent units: `8` means 8 %.",
        "- Durations and lags are working days of the project calendar.",
        f"- Bounds: dates from {bounds.FIRST_DATE} to {bounds.LAST_DATE}; durations from 0 to "
        f"{bounds.MOST_DAYS} working days and lags within ±{bounds.MOST_DAYS}; percents from 0 "
        f"to 100; money and other numbers within ±{bounds.MOST_NUMBER:g}; the weekends leave "
        "at least one working day. Input beyond them is refused; a value beyond them in a "
        "hand-edited file is shown and exported as it is, and can be corrected.",
        "- List fields (references, links, tags, dates, weekdays) are JSON lists.",
        "- A reference stores the key of the record it points at; renaming a key updates "
        "every reference to it.",
        "",
        "For example:",
        "",
        *_example(),
        "",
        "In CSV and JSON exports, list fields are written in their typed text syntax "
        "(`A; B SS+2`, `a, b`) and empty fields as `null` (JSON) or an empty cell (CSV); "
        "computed fields are exported and ignored on import.",
        "",
        "CSV exports are meant for spreadsheets, which run a cell starting with `=`, `+`, "
        "`-`, `@`, a tab or a carriage return as a formula (CSV injection, OWASP). So a text "
        "cell starting with one of them, after any number of `'`, is written with one more "
        "`'` in front (`=1+2` becomes `'=1+2`; `'=x` becomes `''=x`); number fields never "
        "are (`-500` stays a number). `pmtui export --raw` writes the cells as they are. "
        "Import takes one `'` off a text cell that starts with `'` and then, after any "
        "further `'`, one of those characters, so it reads back exactly what export wrote; "
        "a text cell such as `'quoted` is imported as it is. (A file written with `--raw` "
        "or by hand whose text itself starts with `'=` loses that `'` on import.)",
        "",
        "## Files beside the project",
        "",
        *_sidecars(),
        "## Kinds of field",
        "",
        "| Kind | Typed as | Stored as |",
        "|---|---|---|",
        *(
            f"| {kind.value}{' (list)' if spec.listed else ''} | {_cell(spec.syntax)} | "
            f"{_cell(spec.stored)} |"
            for kind, spec in KINDS.items()
        ),
        "",
        "## Tables",
        "",
        ", ".join(f"[{rt.table}](#{rt.table})" for rt in types),
        "",
    ]
    for rt in types:
        lines += table_section(rt)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the document, or write it to docs/FORMAT.md with --write."""
    parser = argparse.ArgumentParser(prog="python -m pmtui.formatdoc", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write {DOC_PATH}")
    args = parser.parse_args(argv)
    text = generate()
    if args.write:
        DOC_PATH.parent.mkdir(exist_ok=True)
        DOC_PATH.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
