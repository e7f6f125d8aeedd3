"""Test data for each kind: random typed text that the kind's parser accepts."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from pmtui.schema import Field

if TYPE_CHECKING:  # only the type: random loads with the generator that makes an instance
    from random import Random

#: (field, random source, keys references may use by table, row number 1..n) -> typed text;
#: '' when nothing fits (a reference with no keys to choose from).
Sampler = Callable[[Field, "Random", Mapping[str, list[str]], int], str]

_WORDS = (
    "alpha", "budget", "cloud", "data", "ledger", "vendor", "rollout", "server", "network",
    "migration", "invoice", "report", "portal", "backup", "license", "audit", "sprint", "design",
)  # fmt: skip
_FIRST = ("Ann", "Ben", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jana")
_LAST = ("Lee", "Meyer", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka")
_RECURRENCES = (
    "daily", "every weekday", "weekly on mon", "every 2 weeks on tue, thu", "monthly",
    "monthly on the 1st fri", "monthly on the 15th", "last working day of the month",
    "quarterly",
)  # fmt: skip
_DATE_WORDS = ("today", "tomorrow", "+3d", "+2w", "+5wd", "next fri", "eom", "eoq")


def _bounds(f: Field, low: float, high: float) -> tuple[float, float]:
    lower = f.minimum if f.minimum is not None else low
    upper = f.maximum if f.maximum is not None else max(high, lower)
    return lower, upper


def _words(rng: Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _iso_date(rng: Random) -> str:
    return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _number(f: Field, rng: Random, low: float, high: float, whole: bool) -> str:
    lower, upper = _bounds(f, low, high)
    if whole:
        return str(rng.randint(int(-(-lower // 1)), int(upper)))
    value = round(rng.uniform(lower, upper), 1)
    return str(min(max(value, lower), upper))


def _keys(f: Field, rng: Random, refs: Mapping[str, list[str]]) -> list[str]:
    keys = refs.get(f.target or "", [])
    return rng.sample(keys, rng.randint(1, min(3, len(keys)))) if keys else []


def person_name(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {index}"


def paragraph(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return f"{_words(rng, 6).capitalize()}.\n{_words(rng, 4).capitalize()}."


def email(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return f"user{index}.{rng.randint(1, 999)}@example.com"


def url(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return f"https://example.com/{rng.choice(_WORDS)}/{index}"


def date(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(_DATE_WORDS) if rng.random() < 0.3 else _iso_date(rng)


def dates(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return "; ".join(_iso_date(rng) for _ in range(rng.randint(1, 3)))


def datetime(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return f"{_iso_date(rng)} {rng.randint(7, 18):02d}:{rng.choice(('00', '15', '30'))}"


def money(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    lower, upper = _bounds(f, 0, 250_000)
    fewest, most = max(1, math.ceil(lower / 1000)), math.floor(upper / 1000)
    if fewest <= most and rng.random() < 0.3:
        return f"{rng.randint(fewest, most)}k"
    value = round(rng.uniform(lower, upper), 2)
    return f"{value:,.2f}" if rng.random() < 0.5 else f"{value:.2f}"


def number(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return _number(f, rng, 0, 100, whole=False)


def integer(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return _number(f, rng, 0, 100, whole=True)


def percent(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return _number(f, rng, 0, 100, whole=True) + rng.choice(("", "%"))


def rating(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return _number(f, rng, 1, 5, whole=True)


def duration(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice((str(rng.randint(1, 20)), f"{rng.randint(1, 9)}.5d", "2w"))


def length(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(("15m", "30m", "45m", "1h", "1h30", "90", "2h"))


def choice(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(f.choices)


def ref(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return "; ".join(_keys(f, rng, refs)[:1])


def any_record(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    tables = sorted(table for table, keys in refs.items() if keys and table != "project")
    if not tables:
        return ""
    table = rng.choice(tables)
    return f"{table}:{rng.choice(refs[table])}"


def many_refs(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return "; ".join(_keys(f, rng, refs)[:3])


def links(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    keys = _keys(f, rng, refs)
    return "; ".join(k if i == 0 else f"{k} SS+{rng.randint(0, 3)}" for i, k in enumerate(keys))


def yes_no(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(("yes", "no"))


def recurrence(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(_RECURRENCES)


def tags(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return ", ".join(sorted(set(rng.sample(_WORDS, rng.randint(1, 3)))))


def weekdays(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    return rng.choice(("sat, sun", "sun", "fri, sat"))
