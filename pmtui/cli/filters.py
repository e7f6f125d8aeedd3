"""`pmtui show` filters, sort and limit: `field=value` (equality on the typed value, the way
`add` and `set` read it; references matched by key, name or a unique word prefix),
`field~text` (contains, case- and accent-insensitive, references by name too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pmtui.cli.common import UserError
from pmtui.kinds import FieldError, parse_value, to_text
from pmtui.schema import LIST_KINDS, NUMERIC_KINDS, Field, Kind, Record, RecordType
from pmtui.store import Store
from pmtui.store.parsing import fold
from pmtui.store.references import ref_keys
from pmtui.tables import did_you_mean, load_all, record_type

_WORD = re.compile(r"^(?P<field>[A-Za-z_][A-Za-z0-9_]*)(?P<op>[=~])(?P<text>.*)$", re.DOTALL)


@dataclass(frozen=True)
class Filter:
    """One filter word: the field, whether it is `~` (contains), and what is wanted."""

    field: Field
    contains: bool
    text: str
    wanted: Any = None


def parse_filters(store: Store, rt: RecordType, words: Sequence[str]) -> list[Filter]:
    """The filter words of `show`; UserError naming the word that cannot be read."""
    filters = []
    for word in words:
        found = _WORD.match(word)
        if found is None:
            raise UserError(f"{word!r} is not a filter: use field=value or field~text")
        name, text = found["field"], found["text"]
        if not rt.has_field(name):
            hint = did_you_mean(name, [f.name for f in rt.fields])
            raise UserError(f"{rt.table} has no field {name!r}{hint}")
        f = rt.field(name)
        if found["op"] == "~" or not text.strip():
            filters.append(Filter(f, found["op"] == "~", text))
            continue
        try:
            wanted = _typed(store, f, text)
        except FieldError as error:
            raise UserError(f"{rt.table}: {name}: {error}") from None
        filters.append(Filter(f, False, text, wanted))
    return filters


def _typed(store: Store, f: Field, text: str) -> Any:
    if f.target is not None:  # one reference, even in a list field: what it points at
        return store.resolve(f.target, text.strip())
    if f.kind in LIST_KINDS:
        return text.strip()  # one item of the list
    return parse_value(f, text, store.context())


def select(
    store: Store,
    rt: RecordType,
    records: list[Record],
    filters: Sequence[Filter],
    sort: str | None = None,
    descending: bool = False,
    limit: int | None = None,
) -> list[Record]:
    """The records that pass every filter, sorted by `sort` (empty last), at most `limit`."""
    names: dict[str | None, dict[str, str]] = {
        f.target: _names(store, f.target) for f in rt.fields if f.target
    }
    for f in rt.fields:  # a reference to any record: the tables its values name
        if f.kind == Kind.RECORD and any(flt.field == f and flt.contains for flt in filters):
            for table in {str(r.get(f.name)).partition(":")[0] for r in records if r.get(f.name)}:
                if table in load_all() and table not in names:
                    names[table] = _names(store, table)
    kept = [r for r in records if all(_passes(r, flt, names) for flt in filters)]
    if sort is not None:
        if not rt.has_field(sort):
            hint = did_you_mean(sort, [f.name for f in rt.fields])
            raise UserError(f"cannot sort by {sort!r}: {rt.table} has no such field{hint}")
        f = rt.field(sort)
        present = [r for r in kept if r.get(sort) not in (None, "", [])]
        empty = [r for r in kept if r.get(sort) in (None, "", [])]
        present.sort(key=lambda r: _order(f, r.get(sort)), reverse=descending)
        kept = present + empty
    if limit is not None:
        if limit < 0:
            raise UserError(f"--limit must be 0 or more, got {limit}")
        kept = kept[:limit]
    return kept


def _names(store: Store, table: str) -> dict[str, str]:
    label = record_type(table).label_field
    return {str(r["key"]): str(r.get(label) or "") for r in store.records(table)}


def _passes(record: Record, flt: Filter, names: dict[str | None, dict[str, str]]) -> bool:
    f, value = flt.field, record.get(flt.field.name)
    if flt.contains:
        shown = to_text(f, value)
        if f.target is not None:
            found = names.get(f.target, {})
            shown += " " + " ".join(found.get(k, "") for k in ref_keys(f, value))
        elif f.kind == Kind.RECORD and value:
            table, _, key = str(value).partition(":")
            shown += " " + names.get(table, {}).get(key, "")
        return fold(flt.text) in fold(shown)
    if not flt.text.strip():
        return value in (None, "", [])
    if f.target is not None:
        return flt.wanted in ref_keys(f, value)
    if f.kind in LIST_KINDS:
        return fold(flt.wanted) in [fold(str(item)) for item in value or []]
    if isinstance(value, str) and isinstance(flt.wanted, str):
        return fold(value) == fold(flt.wanted)
    return bool(value == flt.wanted)


def _order(f: Field, value: Any) -> tuple[int, Any]:
    if f.kind in NUMERIC_KINDS and isinstance(value, int | float):
        return (0, value)
    return (1, fold(to_text(f, value)))
