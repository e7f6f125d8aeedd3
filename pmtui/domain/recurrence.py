"""Typed recurrences: a small grammar people write, turned into RFC 5545 RRULEs and back,
and a series expanded in its own time zone.

The grammar (case-insensitive; `,` or `and` between days; `every N` counts any unit):

    daily                           FREQ=DAILY
    every 3 days                    FREQ=DAILY;INTERVAL=3
    every weekday                   FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    weekly                          FREQ=WEEKLY            (on the first occurrence's day)
    weekly on mon                   FREQ=WEEKLY;BYDAY=MO
    every 2 weeks on tue, thu       FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH
    monthly                         FREQ=MONTHLY           (on the first occurrence's date)
    monthly on the 15th             FREQ=MONTHLY;BYMONTHDAY=15
    monthly on the last day         FREQ=MONTHLY;BYMONTHDAY=-1
    monthly on the 1st fri          FREQ=MONTHLY;BYDAY=1FR
    monthly on the last fri         FREQ=MONTHLY;BYDAY=-1FR
    first working day of the month  FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1
    last working day of the month   FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1
    quarterly                       FREQ=MONTHLY;INTERVAL=3
    yearly                          FREQ=YEARLY
    FREQ=...                        any RFC 5545 RRULE, kept as written (keys in order)

Other spellings read too: `every tue` (weekly), `every other tue`, `every other week`
(every 2), `weekdays`, `weekly mon`, `every 2 weeks tue`, `biweekly`, `fortnightly`,
`annually`, `mon, wed`. `describe` gives the grammar's text for a rule, or
the RRULE itself when the grammar has no words for it; `parse(describe(r)) == r`.

Expansion (pmtui.domain.series, re-exported here) runs python-dateutil's rrule on LOCAL
wall-clock times and attaches the zone afterwards, so a 09:00 Monday stand-up stays at
09:00 when daylight saving changes (its UTC offset moves instead). Pure: no store, no clock.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import datetime

from pmtui.domain.series import Scheduled, expand, localize, next_after, schedule, zone_of

__all__ = [
    "RecurrenceError",
    "Scheduled",
    "describe",
    "expand",
    "localize",
    "next_after",
    "parse",
    "schedule",
    "zone_of",
]


class RecurrenceError(ValueError):
    """Text that is not a recurrence; the message says what to write."""


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CODE_OF = dict(zip(_DAY_NAMES, DAY_CODES, strict=True))
_NAME_OF = dict(zip(DAY_CODES, _DAY_NAMES, strict=True))
_FULL_NAMES = {
    name[:3]: name
    for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
}
WORKING_DAYS = "MO,TU,WE,TH,FR"
_UNIT_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_FREQ_UNIT = {freq: unit for unit, freq in _UNIT_FREQ.items()}
_ADVERB = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
_ALIASES = {
    "weekdays": "every weekday",
    "every working day": "every weekday",
    "biweekly": "every 2 weeks",
    "fortnightly": "every 2 weeks",
    "annually": "yearly",
    "every day": "daily",
    "every week": "weekly",
    "every month": "monthly",
    "every year": "yearly",
}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
#: RRULE parts in the order the canonical string writes them.
_ORDER = (
    "FREQ",
    "INTERVAL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "COUNT",
    "UNTIL",
    "WKST",
)

HELP = (
    "write daily, every weekday, weekly on mon, every 2 weeks on tue, monthly on the 1st fri, "
    "or FREQ=..."
)


def _fail(text: str, why: str = "") -> RecurrenceError:
    shown = text if len(text) <= 60 else text[:59] + "…"
    return RecurrenceError(f"{shown!r} is not a recurrence{why}: {HELP}")


# ---------------------------------------------------------------- RRULE text


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, equals, value = item.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise ValueError(item)
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def _join(parts: Mapping[str, str]) -> str:
    known = [name for name in _ORDER if name in parts]
    rest = sorted(name for name in parts if name not in _ORDER)
    return ";".join(f"{name}={parts[name]}" for name in (*known, *rest))


def _canonical_raw(text: str) -> str:
    body = text.split(":", 1)[1] if text.upper().startswith("RRULE:") else text
    try:
        parts = _parts(body)
    except ValueError:
        raise _fail(text) from None
    if parts.get("INTERVAL") == "1":
        del parts["INTERVAL"]
    if "BYDAY" in parts:
        parts["BYDAY"] = ",".join(_day_code(code) for code in parts["BYDAY"].split(","))
    rule = _join(parts)
    _check(rule, text)
    return rule


def _day_code(code: str) -> str:
    match = re.fullmatch(r"([+-]?\d{1,2})?([A-Z]{2})", code.strip())
    if not match:
        return code.strip()
    number = match.group(1)
    return f"{int(number)}{match.group(2)}" if number else match.group(2)


def _check(rule: str, text: str) -> None:
    from dateutil.rrule import rrulestr

    try:
        rrulestr("RRULE:" + rule, dtstart=datetime(2000, 1, 3, 9, 0))
    except (ValueError, TypeError, KeyError, IndexError):
        raise _fail(text) from None


# ---------------------------------------------------------------- the grammar


def _days(text: str) -> list[str]:
    """'tue, thu' / 'tue and thu' -> ['TU', 'TH'] in week order; ValueError otherwise."""
    words = [w for w in re.split(r"[,\s]+|\band\b", text) if w]
    if not words:
        raise ValueError(text)
    codes = set()
    for word in words:
        name = word[:3]
        if name not in _CODE_OF or not _FULL_NAMES[name].startswith(word):
            raise ValueError(word)
        codes.add(_CODE_OF[name])
    return [code for code in DAY_CODES if code in codes]


def _ordinal(word: str) -> int:
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    match = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", word)
    if not match:
        raise ValueError(word)
    return int(match.group(1))


def _suffix(number: int) -> str:
    if number == -1:
        return "last"
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _monthly_on(text: str) -> dict[str, str]:
    """'the 1st fri' / 'the 1st and 3rd tue' / 'the 15th' / 'the last day' -> RRULE parts."""
    words = [w for w in re.split(r"[,\s]+", text.removeprefix("the ").strip()) if w]
    words = [w for w in words if w not in ("and", "the")]
    if not words:
        raise ValueError(text)
    last = words[-1]
    if last[:3] in _CODE_OF and not last[0].isdigit():
        code = _days(last)[0]
        numbers = [_ordinal(w) for w in words[:-1]]
        if not numbers or any(not (-1 <= n <= 5 and n != 0) for n in numbers):
            raise ValueError(text)
        return {"BYDAY": ",".join(f"{n}{code}" for n in sorted(set(numbers), key=_by_order))}
    if last == "day":
        words = words[:-1]
    numbers = [_ordinal(w) for w in words]
    if not numbers or any(not (n == -1 or 1 <= n <= 31) for n in numbers):
        raise ValueError(text)
    return {"BYMONTHDAY": ",".join(str(n) for n in sorted(set(numbers), key=_by_order))}


def _by_order(number: int) -> int:
    return 99 if number < 0 else number


def _grammar(text: str) -> dict[str, str]:
    """The grammar's words -> RRULE parts; ValueError when they are not the grammar."""
    text = _ALIASES.get(text, text)
    # "every other week" is every 2 weeks; "every tue" and "every other tue" are weekly.
    text = re.sub(r"^every other (day|week|month|year)\b", r"every 2 \1s", text)
    days_only = re.fullmatch(r"every (other )?([a-z, ]+)", text)
    if days_only and not re.fullmatch(r"(day|week|month|year)s?|weekday", days_only.group(2)):
        with contextlib.suppress(ValueError):
            _days(days_only.group(2))
            head = "every 2 weeks" if days_only.group(1) else "weekly"
            text = f"{head} on {days_only.group(2)}"
    working = re.fullmatch(r"(first|last) working day of (the|every) month", text)
    if working:
        position = "1" if working.group(1) == "first" else "-1"
        return {"FREQ": "MONTHLY", "BYDAY": WORKING_DAYS, "BYSETPOS": position}
    if text == "every weekday":
        return {"FREQ": "WEEKLY", "BYDAY": WORKING_DAYS}
    head, _, on = re.sub(r"\s+", " ", text).partition(" on ")
    every = re.fullmatch(r"every (\d+) (day|week|month|year)s?(?: (.+))?", head)
    old_days = ""
    if every:
        parts = {"FREQ": _UNIT_FREQ[every.group(2)]}
        if int(every.group(1)) < 1:
            raise ValueError(text)
        if int(every.group(1)) > 1:
            parts["INTERVAL"] = str(int(every.group(1)))
        old_days = every.group(3) or ""
    else:
        word, _, old_days = head.partition(" ")
        if word == "quarterly":
            parts = {"FREQ": "MONTHLY", "INTERVAL": "3"}
        elif word in _ADVERB.values():
            parts = {"FREQ": next(f for f, a in _ADVERB.items() if a == word)}
        else:  # 'mon, wed': weekly on those days
            return {"FREQ": "WEEKLY", "BYDAY": ",".join(_days(text))}
    if old_days and on:
        raise ValueError(text)
    on = on or old_days
    if not on:
        return parts
    if parts["FREQ"] == "WEEKLY":
        parts["BYDAY"] = ",".join(_days(on))
    elif parts["FREQ"] == "MONTHLY":
        parts.update(_monthly_on(on))
    else:
        raise ValueError(text)
    return parts


def parse(text: str) -> str:
    """Typed recurrence -> its canonical RRULE (no `RRULE:` prefix); RecurrenceError with a
    message saying what to write. Empty text is not a recurrence (a one-off meeting stores
    nothing)."""
    stripped = " ".join(str(text).split())
    lowered = stripped.lower()
    if lowered.startswith(("freq=", "rrule:")):
        return _canonical_raw(stripped)
    try:
        parts = _grammar(lowered)
    except (ValueError, KeyError, IndexError):
        raise _fail(stripped) from None
    rule = _join(parts)
    _check(rule, stripped)
    return rule


def describe(rule: str) -> str:
    """A canonical RRULE in the grammar's words; the RRULE itself when they have none.
    parse(describe(rule)) == rule for every rule `parse` returns."""
    try:
        parts = _parts(rule)
    except ValueError:
        return rule
    words = _words(dict(parts))
    if words is None:
        return rule
    try:
        return words if parse(words) == rule else rule
    except RecurrenceError:
        return rule


def _words(parts: dict[str, str]) -> str | None:
    freq = parts.pop("FREQ", "")
    interval = int(parts.pop("INTERVAL", "1") or 1)
    if freq == "MONTHLY" and parts == {"BYDAY": WORKING_DAYS, "BYSETPOS": "1"} and interval == 1:
        return "first working day of the month"
    if freq == "MONTHLY" and parts == {"BYDAY": WORKING_DAYS, "BYSETPOS": "-1"} and interval == 1:
        return "last working day of the month"
    if freq == "WEEKLY" and interval == 1 and parts == {"BYDAY": WORKING_DAYS}:
        return "every weekday"
    if freq not in _ADVERB:
        return None
    if interval == 1:
        head = _ADVERB[freq]
    elif freq == "MONTHLY" and interval == 3:
        head = "quarterly"
    else:
        head = f"every {interval} {_FREQ_UNIT[freq]}s"
    if not parts:
        return head
    if freq == "WEEKLY" and set(parts) == {"BYDAY"}:
        codes = parts["BYDAY"].split(",")
        if any(code not in _NAME_OF for code in codes):
            return None
        return f"{head} on {', '.join(_NAME_OF[code] for code in codes)}"
    if freq == "MONTHLY" and set(parts) == {"BYMONTHDAY"}:
        numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
        said = " and ".join(_suffix(n) for n in numbers)
        return f"{head} on the {said}{' day' if numbers[-1] == -1 else ''}"
    if freq == "MONTHLY" and set(parts) == {"BYDAY"}:
        found = [re.fullmatch(r"(-?\d)([A-Z]{2})", code) for code in parts["BYDAY"].split(",")]
        if not all(found) or len({m.group(2) for m in found if m}) != 1:
            return None
        numbers = [int(m.group(1)) for m in found if m]
        code = found[0].group(2) if found[0] else ""
        return f"{head} on the {' and '.join(_suffix(n) for n in numbers)} {_NAME_OF[code]}"
    return None
