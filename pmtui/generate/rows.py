"""Test data from the schema: rows of typed text that the parsers accept, for any table."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Mapping

from pmtui.changes import Writer
from pmtui.kinds import KINDS
from pmtui.schema import Field
from pmtui.tables import record_type

Row = dict[str, str]
#: Makes a random row obey its table's rules within a record (RecordType.check), e.g.
#: finish after start.
RowFixer = Callable[[Row, random.Random], None]
#: Makes a random row obey its table's rules across records (RecordType.rules), e.g. one
#: score per vendor and criterion; it is also given the keys references may use and the
#: row's number (1..n), so rows can differ by construction.
RefFixer = Callable[[Row, random.Random, Mapping[str, list[str]], int], None]


def value_for(f: Field, rng: random.Random, refs: Mapping[str, list[str]], index: int) -> str:
    """Typed text for field `f` that its parser accepts ('' when nothing fits, e.g. no refs)."""
    if f.choices:  # any kind with choices (a text field may have them too)
        return rng.choice(f.choices)
    return KINDS[f.kind].sample(f, rng, refs, index)


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


#: Gives generated records a history as users would make it (e.g. changes moved through
#: their workflow), after every table is filled; inside the generator's transaction.
History = Callable[[Writer, random.Random], None]


def histories() -> tuple[list[History], set[str]]:
    """Every area's HISTORY (optional in its test_data module), and the tables only those
    make (MADE_BY_HISTORY: no random rows of their own)."""
    from pmtui import areas

    found: list[History] = []
    made: set[str] = set()
    for area in areas.AREAS:
        if area.test_data:
            module = importlib.import_module(area.test_data)
            if hasattr(module, "HISTORY"):
                found.append(module.HISTORY)
                made.update(getattr(module, "MADE_BY_HISTORY", ()))
    return found, made
