"""Test data from the schema: rows of typed text that the parsers accept, for any table."""

from __future__ import annotations

import importlib
import math
import random
from collections.abc import Callable, Mapping

from pmtui.schema import Field, Kind
from pmtui.tables import record_type

Row = dict[str, str]
#: Makes a random row obey its table's rules within a record (RecordType.check), e.g.
#: finish after start.
RowFixer = Callable[[Row, random.Random], None]
#: Makes a random row obey its table's rules across records (RecordType.rules), e.g. one
#: score per vendor and criterion; it is also given the keys references may use and the
#: row's number (1..n), so rows can differ by construction.
RefFixer = Callable[[Row, random.Random, Mapping[str, list[str]], int], None]

_WORDS = (
    "alpha", "budget", "cloud", "data", "ledger", "vendor", "rollout", "server", "network",
    "migration", "invoice", "report", "portal", "backup", "license", "audit", "sprint", "design",
)  # fmt: skip
_FIRST = ("Ann", "Ben", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jana")
_LAST = ("Lee", "Meyer", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka")
_RECURRENCES = ("daily", "weekdays", "weekly mon", "weekly tue, thu", "every 2 weeks", "monthly")
_DATE_WORDS = ("today", "tomorrow", "+3d", "+2w", "+5wd", "next fri", "eom", "eoq")


def _bounds(f: Field, low: float, high: float) -> tuple[float, float]:
    lower = f.minimum if f.minimum is not None else low
    upper = f.maximum if f.maximum is not None else max(high, lower)
    return lower, upper


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _iso_date(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _money(f: Field, rng: random.Random) -> str:
    lower, upper = _bounds(f, 0, 250_000)
    fewest, most = max(1, math.ceil(lower / 1000)), math.floor(upper / 1000)
    if fewest <= most and rng.random() < 0.3:
        return f"{rng.randint(fewest, most)}k"
    value = round(rng.uniform(lower, upper), 2)
    return f"{value:,.2f}" if rng.random() < 0.5 else f"{value:.2f}"


def _number(f: Field, rng: random.Random, low: float, high: float, whole: bool) -> str:
    lower, upper = _bounds(f, low, high)
    if whole:
        return str(rng.randint(int(-(-lower // 1)), int(upper)))
    value = round(rng.uniform(lower, upper), 1)
    return str(min(max(value, lower), upper))


def _refs(f: Field, rng: random.Random, refs: Mapping[str, list[str]]) -> list[str]:
    keys = refs.get(f.target or "", [])
    return rng.sample(keys, rng.randint(1, min(3, len(keys)))) if keys else []


def value_for(f: Field, rng: random.Random, refs: Mapping[str, list[str]], index: int) -> str:
    """Typed text for field `f` that its parser accepts ('' when nothing fits, e.g. no refs)."""
    kind = f.kind
    if f.choices:
        return rng.choice(f.choices)
    if kind == Kind.TEXT:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {index}"
    if kind == Kind.LONG_TEXT:
        return f"{_words(rng, 6).capitalize()}.\n{_words(rng, 4).capitalize()}."
    if kind == Kind.EMAIL:
        return f"user{index}.{rng.randint(1, 999)}@example.com"
    if kind == Kind.URL:
        return f"https://example.com/{rng.choice(_WORDS)}/{index}"
    if kind == Kind.DATE:
        return rng.choice(_DATE_WORDS) if rng.random() < 0.3 else _iso_date(rng)
    if kind == Kind.DATES:
        return "; ".join(_iso_date(rng) for _ in range(rng.randint(1, 3)))
    if kind == Kind.DATETIME:
        return f"{_iso_date(rng)} {rng.randint(7, 18):02d}:{rng.choice(('00', '15', '30'))}"
    if kind == Kind.MONEY:
        return _money(f, rng)
    if kind == Kind.NUMBER:
        return _number(f, rng, 0, 100, whole=False)
    if kind == Kind.INTEGER:
        return _number(f, rng, 0, 100, whole=True)
    if kind == Kind.PERCENT:
        return _number(f, rng, 0, 100, whole=True) + rng.choice(("", "%"))
    if kind == Kind.RATING:
        return _number(f, rng, 1, 5, whole=True)
    if kind == Kind.DURATION:
        return rng.choice((str(rng.randint(1, 20)), f"{rng.randint(1, 9)}.5d", "2w"))
    if kind in (Kind.REF, Kind.REFS):
        return "; ".join(_refs(f, rng, refs)[: 1 if kind == Kind.REF else 3])
    if kind == Kind.LINKS:
        keys = _refs(f, rng, refs)
        return "; ".join(k if i == 0 else f"{k} SS+{rng.randint(0, 3)}" for i, k in enumerate(keys))
    if kind == Kind.BOOL:
        return rng.choice(("yes", "no"))
    if kind == Kind.RECURRENCE:
        return rng.choice(_RECURRENCES)
    if kind == Kind.TAGS:
        return ", ".join(sorted(set(rng.sample(_WORDS, rng.randint(1, 3)))))
    if kind == Kind.WEEKDAYS:
        return rng.choice(("sat, sun", "sun", "fri, sat"))
    raise ValueError(f"no generator for kind {kind}")


def generate_rows(
    table: str, n: int, rng: random.Random, refs: Mapping[str, list[str]]
) -> list[Row]:
    """`n` rows of typed text for `table`, valid by construction.

    Keys are left out (the store generates them). Required fields are always filled,
    optional ones about two times in three. `refs` maps a table to keys that references
    may use; a reference with no keys to choose from is left empty.
    """
    rt = record_type(table)
    row_fixers, ref_fixers = fixers()
    rows: list[Row] = []
    for index in range(1, n + 1):
        row: Row = {}
        for f in rt.input_fields:
            if f.name == "key" or not (f.required or rng.random() < 0.67):
                continue
            value = value_for(f, rng, refs, index)
            if value:
                row[f.name] = value
        fixer = row_fixers.get(table)
        if fixer is not None:
            fixer(row, rng)
        ref_fixer = ref_fixers.get(table)
        if ref_fixer is not None:
            ref_fixer(row, rng, refs, index)
        rows.append(row)
    return rows


def fixers() -> tuple[dict[str, RowFixer], dict[str, RefFixer]]:
    """Every area's fixers (the module its declaration names as test_data)."""
    from pmtui import areas

    row_fixers: dict[str, RowFixer] = {}
    ref_fixers: dict[str, RefFixer] = {}
    for area in areas.AREAS:
        if area.test_data:
            module = importlib.import_module(area.test_data)
            row_fixers.update(module.FIXERS)
            ref_fixers.update(module.REF_FIXERS)
    return row_fixers, ref_fixers
