"""Parsing input into records: the parse context, references by name, validation, new keys."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.kinds import FieldError, ParseContext, parse_value, project_calendar
from pmtui.kinds.escapes import quoted
from pmtui.schema import RecordType
from pmtui.store.changes import Record
from pmtui.store.errors import RecordInvalid
from pmtui.tables import record_type, rules_touched

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


#: A table's keys (lowercased -> key), names (folded -> keys) and (key, name) pairs.
Lookup = tuple[dict[str, str], dict[str, list[str]], list[tuple[str, str]]]


def fold(text: str) -> str:
    """Text as references compare it: case and accents dropped, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def word_prefix_matches(wanted: str, named: Sequence[tuple[str, str]]) -> list[str]:
    """Keys of the names that have a word starting with `wanted` (folded), or that start
    with it ("chen w" finds Chen Wei)."""
    if not wanted:
        return []
    found = []
    for key, name in named:
        folded = fold(name)
        if folded.startswith(wanted) or any(w.startswith(wanted) for w in folded.split()):
            found.append(key)
    return found


class _After:
    """The project as this session sees it with one record added or replaced: what the
    rules across records check a record against before it is staged."""

    def __init__(self, parsing: Parsing, table: str, replaces: str | None, record: Record) -> None:
        self.parsing = parsing
        self.table = table
        self.replaces = replaces
        self.record = record

    def get(self, table: str, key: str) -> Record | None:
        if table == self.table:
            if key == self.record.get("key"):
                return dict(self.record)
            if key == self.replaces:
                return None
        return self.parsing.get(table, key)

    def records(self, table: str) -> list[Record]:
        rows = self.parsing.records(table)
        if table != self.table:
            return rows
        if self.replaces is None:
            return [*rows, dict(self.record)]
        return [dict(self.record) if r.get("key") == self.replaces else r for r in rows]


class Parsing:
    """The Store's input half: typed text in, a checked record (or every problem) out."""

    # The Store sets these up (Editing.__init__ the caches).
    date_order: str
    _lookup: dict[str, Lookup]
    _counters: dict[str, int]
    _context: ParseContext | None

    if TYPE_CHECKING:

        @property
        def project(self) -> Record: ...

        @property
        def today(self) -> date: ...

        def get(self, table: str, key: str) -> Record | None: ...

        def require(self, table: str, key: str) -> Record: ...

        def records(self, table: str) -> list[Record]: ...

        def stored_records(self, table: str) -> list[Record]: ...

    def context(self) -> ParseContext:
        """Today, the project calendar and the reference resolver, for parsing input."""
        if self._context is None:
            project = self.project
            self._context = ParseContext(
                today=self.today,
                calendar=project_calendar(project),
                date_order=self.date_order,
                fiscal_start_month=int(project.get("fiscal_year_start") or 1),
                resolve=self.resolve,
            )
        return self._context

    def _lookups(self, table: str) -> Lookup:
        found = self._lookup.get(table)
        if found is None:
            label = record_type(table).label_field
            keys: dict[str, str] = {}
            labels: dict[str, list[str]] = {}
            named: list[tuple[str, str]] = []
            for record in self.records(table):
                key = str(record["key"])
                keys[key.lower()] = key
                if record.get(label):
                    labels.setdefault(fold(str(record[label])), []).append(key)
                    named.append((key, str(record[label])))
            found = self._lookup[table] = (keys, labels, named)
        return found

    def matches(self, table: str, text: str) -> list[str]:
        """The keys a reference typed as `text` may mean, by CONTRACT's rule: the record of
        that key, else those of that name, else those with a word starting with it."""
        if self.get(table, text) is not None:
            return [text]
        keys, labels, named = self._lookups(table)
        if (key := keys.get(text.strip().lower())) is not None:
            return [key]
        wanted = fold(text)
        return list(labels.get(wanted) or word_prefix_matches(wanted, named))

    def resolve(self, table: str, text: str) -> str:
        """A reference typed as a key, a name/title, or a prefix of any word of the name
        (case- and accent-insensitive), when that is unique -> the key; FieldError naming
        the candidates if several match, or saying there is none."""
        matches = self.matches(table, text)
        if len(matches) == 1:
            return matches[0]
        singular = record_type(table).singular
        if matches:
            names = dict(self._lookups(table)[2])
            listed = ", ".join(f"{names.get(k, k)} ({k})" for k in matches[:6])
            more = f" and {len(matches) - 6} more" if len(matches) > 6 else ""
            raise FieldError(f"{quoted(text)} matches {len(matches)} {table}: {listed}{more}")
        raise FieldError(f"no {singular} {quoted(text)} in {table}")

    def _parse_fields(
        self, rt: RecordType, raw: Mapping[str, object]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        ctx = self.context()
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, value in raw.items():
            if not rt.has_field(name):
                errors[name] = f"{rt.table} has no field {name!r}"
                continue
            f = rt.field(name)
            if f.computed:
                errors[name] = "is computed; it cannot be set"
                continue
            try:
                values[name] = parse_value(f, value, ctx)
            except FieldError as error:
                errors[name] = str(error)
        return values, errors

    def _finish(
        self,
        rt: RecordType,
        record: Record,
        errors: dict[str, str],
        replaces: str | None = None,
        rules: bool = True,
        before: Record | None = None,
    ) -> Record:
        for f in rt.fields:
            if f.required and record.get(f.name) in (None, "", []) and f.name not in errors:
                errors[f.name] = "is required"
        if not errors and rt.check is not None:
            errors.update(rt.check(record))
        if (
            not errors
            and rules
            and rt.rules is not None
            # An edit that touches no field the rules watch cannot break them (RULES_WATCH).
            and (before is None or rules_touched(rt.table, before, record))
        ):
            after = Context(_After(self, rt.table, replaces, record), self.today)
            errors.update(rt.rules(after, [record]).get(0, {}))
        if errors:
            raise RecordInvalid(errors, rt.table, str(record.get("key") or ""))
        return {k: v for k, v in record.items() if v is not None and v != []}

    def parse_new(
        self,
        table: str,
        raw: Mapping[str, object],
        *,
        replaces: str | None = None,
        rules: bool = True,
    ) -> Record:
        """Validate input for a new record, filling defaults; RecordInvalid lists every problem.

        `replaces` is the key of a placeholder staged for this record (an import stages
        one per new row first, so other rows can refer to it): the record takes its place.
        `rules=False` leaves the rules across records to the commit, which checks them once
        for the whole change set (a rule may read a whole table: per row of a 10k-row
        import that would be quadratic).
        """
        rt = record_type(table)
        values, errors = self._parse_fields(rt, raw)
        ctx = self.context()
        for f in rt.input_fields:
            if values.get(f.name) is None and f.default is not None:
                values[f.name] = f.default(ctx) if callable(f.default) else copy.deepcopy(f.default)
        if replaces is not None:
            values.setdefault("key", replaces)
        key = values.get("key")
        if key and key != replaces and self.get(table, str(key)) is not None:
            errors["key"] = f"{key} is taken in {table}"
        return self._finish(rt, values, errors, replaces, rules)

    def validate(
        self,
        table: str,
        raw: Mapping[str, object],
        key: str | None = None,
        *,
        rules: bool = True,
    ) -> Record:
        """Check input as add (key None) or edit would, without staging anything
        (`rules=False`: as in parse_new)."""
        if key is None:
            return self.parse_new(table, raw, rules=rules)
        rt = record_type(table)
        values, errors = self._parse_fields(rt, raw)
        before = self.require(table, key)
        merged = {**before, **values}
        new_key = str(merged.get("key") or "")
        if not new_key:
            errors["key"] = "is required"
        elif new_key != key and self.get(table, new_key) is not None:
            errors["key"] = f"{new_key} is taken in {table}"
        return self._finish(rt, merged, errors, replaces=key, rules=rules, before=before)

    # ------------------------------------------------------------ keys

    def next_key(self, table: str) -> str:
        """The next free generated key: the prefix and one more than the highest number."""
        rt = record_type(table)
        if table not in self._counters:
            self._counters[table] = self._highest(rt, (str(r["key"]) for r in self.records(table)))
        return f"{rt.key_prefix}{self._counters[table] + 1}"

    def free_key(self, table: str, claimed: set[str] | None) -> str:
        """A generated key free both in the file and among `claimed` (used at commit)."""
        rt = record_type(table)
        stored = (str(r["key"]) for r in self.stored_records(table))
        highest = max(self._highest(rt, stored), self._highest(rt, iter(claimed or ())))
        return f"{rt.key_prefix}{highest + 1}"

    @staticmethod
    def _highest(rt: RecordType, keys: Iterator[str]) -> int:
        highest = 0
        for key in keys:
            match = _NUMBERED.match(key)
            if match and match.group(1) == rt.key_prefix:
                highest = max(highest, int(match.group(2)))
        return highest
