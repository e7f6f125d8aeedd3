"""One typed line to a new item: `Chase SAP licence quote @chen fri`.

Pure: the text, the owner as typed after `@` (the store resolves it as any reference: a
key, or a unique prefix of any word of a name), and a trailing date word (`fri`, `+3d`,
`next week`, `in 3 days`, `dec 1`, `2026-12-11`) read by pmtui.domain.dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmtui.domain.calendar import WorkCalendar

#: The longest date phrase looked for at the end of the line ("in 3 days", "next fri").
_LONGEST = 3
_OWNER = re.compile(r"(?<!\S)@(\S+)")
#: Words that lead into a date ("meet on fri", "report by eow"): left out of the text.
_LEADING = frozenset({"by", "on", "due", "until", "before"})


class QuickAddError(ValueError):
    """A line that does not make an item; the message is shown as it is."""


@dataclass(frozen=True)
class QuickAdd:
    """What a quick-add line says."""

    text: str
    #: The word after `@`, as typed (None: no owner given).
    owner: str | None
    #: The trailing date (None: none given).
    due: date | None


def parse_quick_add(
    line: str,
    today: date,
    *,
    calendar: WorkCalendar | None = None,
    date_order: str = "mdy",
    fiscal_start_month: int = 1,
) -> QuickAdd:
    """Split a quick-add line into its text, `@owner` and trailing date word(s).

    The owner may stand anywhere in the line; the date must end it, and is the longest of
    the last one to three words that reads as a date (a lone number is text: "order 2"); a
    word leading into it ("by", "on", "due") is dropped from the text.
    """
    # The date reader loads with the first quick add: `pmtui today` imports this module
    # (through pmtui.agenda) and never reads a date.
    from pmtui.domain.dates import DateParseError, parse_date

    owners = _OWNER.findall(line)
    if len(owners) > 1:
        shown = ", ".join(f"@{name}" for name in owners)
        raise QuickAddError(f"one owner per item: the line names {shown}")
    words = _OWNER.sub(" ", line).split()
    due: date | None = None
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase.isdigit() or words[-size].lower() in _LEADING:
            continue
        try:
            due = parse_date(
                phrase,
                today,
                calendar=calendar,
                date_order=date_order,
                fiscal_start_month=fiscal_start_month,
            )
        except DateParseError:
            continue
        words = words[:-size]
        if len(words) > 1 and words[-1].lower() in _LEADING:
            words = words[:-1]
        break
    text = " ".join(words)
    if not text:
        raise QuickAddError("say what is to be done: e.g. Chase SAP licence quote @chen fri")
    return QuickAdd(text, owners[0] if owners else None, due)
