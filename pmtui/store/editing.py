"""Editing records: parse input, stage changes in a transaction, keep references whole."""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from pmtui.domain.calendar import WorkCalendar
from pmtui.kinds import WEEKDAY_NAMES, FieldError, ParseContext, parse_value
from pmtui.schema import Field, Kind, RecordType, record_type, referrers
from pmtui.store.changes import Change, ChangeSet, Record
from pmtui.store.errors import ConflictError, InUse, NotFound, RecordInvalid

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def ref_keys(f: Field, value: Any) -> list[str]:
    """The keys a reference field's value points at (links carry a type and lag too)."""
    if value is None:
        return []
    if f.kind == Kind.REF:
        return [str(value)]
    if f.kind == Kind.LINKS:
        return [str(item).split()[0] for item in value if str(item).strip()]
    return [str(item) for item in value]


def rename_reference(f: Field, value: Any, old: str, new: str) -> Any:
    """A reference field's value with `old` replaced by `new`."""
    if f.kind == Kind.REF:
        return new if value == old else value
    if f.kind == Kind.LINKS:
        out = []
        for item in value:
            head, _, tail = str(item).partition(" ")
            out.append((new if head == old else head) + (" " + tail if tail else ""))
        return out
    return [new if item == old else item for item in value]


class _After:
    """The project as this session sees it with one record added or replaced: what the
    rules across records check a record against before it is staged."""

    def __init__(self, editing: Editing, table: str, replaces: str | None, record: Record) -> None:
        self.editing = editing
        self.table = table
        self.replaces = replaces
        self.record = record

    def get(self, table: str, key: str) -> Record | None:
        if table == self.table:
            if key == self.record.get("key"):
                return dict(self.record)
            if key == self.replaces:
                return None
        return self.editing.get(table, key)

    def records(self, table: str) -> list[Record]:
        rows = self.editing.records(table)
        if table != self.table:
            return rows
        if self.replaces is None:
            return [*rows, dict(self.record)]
        return [dict(self.record) if r.get("key") == self.replaces else r for r in rows]


class Editing:
    """The editing half of the Store: a transaction stages changes that commit as one step."""

    date_order: str

    def __init__(self) -> None:
        # One change per record, under the record's identity: (table, its key in the file),
        # or (table, "+n") for a record added in this transaction ("+" is never in a key).
        self._pending: dict[tuple[str, str], Change] = {}
        # (table, key the record has now) -> its identity, for every staged record that exists.
        self._current: dict[tuple[str, str], tuple[str, str]] = {}
        self._added = 0
        self._depth = 0
        self._lookup: dict[str, tuple[dict[str, str], dict[str, list[str]]]] = {}
        self._counters: dict[str, int] = {}
        self._order: dict[str, list[Record]] = {}
        self._context: ParseContext | None = None

    # The Store provides these.
    def stored(self, table: str, key: str) -> Record | None:
        raise NotImplementedError

    def stored_records(self, table: str) -> list[Record]:
        raise NotImplementedError

    def commit(self, changes: list[Change], label: str, **extra: Any) -> ChangeSet | None:
        raise NotImplementedError

    def refresh(self) -> bool:
        raise NotImplementedError

    def _push_undo(self, change_set: ChangeSet | None) -> None:
        raise NotImplementedError

    @property
    def project(self) -> Record:
        raise NotImplementedError

    @property
    def today(self) -> date:
        raise NotImplementedError

    def forget_caches(self) -> None:
        """Drop everything derived from the data (after a reload or a commit)."""
        self._lookup.clear()
        self._counters.clear()
        self._order.clear()
        self._context = None

    # ------------------------------------------------------------ reading with pending changes

    def get(self, table: str, key: str) -> Record | None:
        """The record as this session sees it (staged changes included); a copy."""
        identity = self._current.get((table, key))
        if identity is not None:
            after = self._pending[identity].after
            return dict(after) if after is not None else None
        if (table, key) in self._pending:
            return None  # the file's record of that key was renamed or deleted meanwhile
        record = self.stored(table, key)
        return dict(record) if record is not None else None

    def require(self, table: str, key: str) -> Record:
        """The record, or NotFound naming the table and key."""
        record = self.get(table, key)
        if record is None:
            raise NotFound(f"no {record_type(table).singular} with key {key!r} in {table}")
        return record

    def records(self, table: str) -> list[Record]:
        """Every record of `table` in order, staged changes included; copies."""
        if not self._pending:
            cached = self._order.get(table)
            if cached is None:
                cached = self._order[table] = self.stored_records(table)
            return [dict(r) for r in cached]
        out: list[Record] = []
        for record in self.stored_records(table):
            staged = self._pending.get((table, str(record["key"])))
            if staged is None:
                out.append(dict(record))
            elif staged.after is not None:
                out.append(dict(staged.after))
        for (pending_table, _), change in self._pending.items():
            if pending_table == table and change.before is None and change.after is not None:
                out.append(dict(change.after))
        return out

    # ------------------------------------------------------------ parsing

    def context(self) -> ParseContext:
        """Today, the project calendar and the reference resolver, for parsing input."""
        if self._context is None:
            project = self.project
            weekends = [WEEKDAY_NAMES.index(d) for d in project.get("weekends", ["sat", "sun"])]
            calendar = WorkCalendar.from_settings(
                str(project.get("calendar") or "workdays"),
                weekends=weekends,
                holidays=list(project.get("holidays") or []),
            )
            self._context = ParseContext(
                today=self.today,
                calendar=calendar,
                date_order=self.date_order,
                fiscal_start_month=int(project.get("fiscal_year_start") or 1),
                resolve=self.resolve,
            )
        return self._context

    def _lookups(self, table: str) -> tuple[dict[str, str], dict[str, list[str]]]:
        found = self._lookup.get(table)
        if found is None:
            label = record_type(table).label_field
            keys: dict[str, str] = {}
            labels: dict[str, list[str]] = {}
            for record in self.records(table):
                keys[str(record["key"]).lower()] = str(record["key"])
                if record.get(label):
                    labels.setdefault(str(record[label]).strip().lower(), []).append(
                        str(record["key"])
                    )
            found = self._lookup[table] = (keys, labels)
        return found

    def resolve(self, table: str, text: str) -> str:
        """A reference typed as a key or a unique name/title -> the key; FieldError if not."""
        if self.get(table, text) is not None:
            return text
        keys, labels = self._lookups(table)
        lowered = text.strip().lower()
        if lowered in keys:
            return keys[lowered]
        matches = labels.get(lowered, [])
        if len(matches) == 1:
            return matches[0]
        singular = record_type(table).singular
        if matches:
            raise FieldError(
                f"{text!r} matches {len(matches)} {table}: {', '.join(matches)}; use the key"
            )
        raise FieldError(f"no {singular} {text!r} in {table}")

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
    ) -> Record:
        for f in rt.fields:
            if f.required and record.get(f.name) in (None, "", []) and f.name not in errors:
                errors[f.name] = "is required"
        if not errors and rt.check is not None:
            errors.update(rt.check(record))
        if not errors and rules and rt.rules is not None:
            errors.update(rt.rules(_After(self, rt.table, replaces, record), [record]).get(0, {}))
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
        merged = {**self.require(table, key), **values}
        new_key = str(merged.get("key") or "")
        if not new_key:
            errors["key"] = "is required"
        elif new_key != key and self.get(table, new_key) is not None:
            errors["key"] = f"{new_key} is taken in {table}"
        return self._finish(rt, merged, errors, replaces=key, rules=rules)

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

    # ------------------------------------------------------------ staging

    @contextlib.contextmanager
    def transaction(self, label: str) -> Iterator[None]:
        """Group every change made inside into one saved, undoable step (one write)."""
        outermost = self._depth == 0
        if outermost:
            self.refresh()
        self._depth += 1
        try:
            yield
        except BaseException:
            if outermost:
                self._discard()
            raise
        finally:
            self._depth -= 1
        if outermost:
            changes = list(self._pending.values())
            self._discard()
            self._push_undo(self.commit(changes, label))

    def _discard(self) -> None:
        self._pending.clear()
        self._current.clear()
        self.forget_caches()

    def stage(self, change: Change) -> None:
        """Add a change to the open transaction, merged with earlier ones to the same record."""
        if self._depth == 0:
            raise RuntimeError("stage() needs an open transaction")
        table = change.table
        if change.before is None:
            staged = self._current.get((table, change.key))
            identity = staged or (table, change.key)
            previous = self._pending.get(identity)
            if staged is not None and previous is not None:
                # Staged again under a key it already has (an import's placeholder, then
                # the full record): the later one wins.
                change = Change(
                    table, previous.before, change.after, previous.doc_id, previous.generated_key
                )
            elif previous is not None and previous.after is None:
                # Re-adding a key deleted in this transaction replaces that record.
                change = Change(table, previous.before, change.after, previous.doc_id)
            else:
                self._added += 1
                identity = (table, f"+{self._added}")
        else:
            identity = self._current.pop((table, change.original_key), (table, change.original_key))
            previous = self._pending.get(identity)
            if previous is not None:
                change = Change(
                    table, previous.before, change.after, previous.doc_id, previous.generated_key
                )
        if change.before is None and change.after is None:
            self._pending.pop(identity, None)  # added, then deleted: nothing happened
        else:
            self._pending[identity] = change
        if change.after is not None:
            self._current[(table, change.key)] = identity
        self._lookup.pop(table, None)
        self._order.pop(table, None)
        if change.after is not None and table in self._counters:
            rt = record_type(table)
            self._counters[table] = max(
                self._counters[table], self._highest(rt, iter([change.key]))
            )

    def add(self, table: str, raw: Mapping[str, object], label: str | None = None) -> Record:
        """Add a record from typed input; returns it with its key. The rules across records
        are checked once, when the change set commits (validate checks them beforehand)."""
        with self.transaction(label or f"add {record_type(table).singular}"):
            record = self.parse_new(table, raw, rules=False)
            generated = not raw.get("key")
            if generated:
                record["key"] = self.next_key(table)
            self.stage(Change(table, None, record, generated_key=generated))
        return record

    def update(
        self,
        table: str,
        key: str,
        raw: Mapping[str, object],
        *,
        base: Mapping[str, Any] | None = None,
        label: str | None = None,
    ) -> Record:
        """Edit fields of a record. `base` is the record as the user saw it when editing began:
        a field someone else changed since then is a conflict, not a silent overwrite.
        The rules across records are checked once, when the change set commits."""
        with self.transaction(label or f"edit {table} {key}"):
            current = self.require(table, key)
            merged = self.validate(table, raw, key, rules=False)
            before = dict(base) if base is not None else current
            after = {**before, **{f: merged.get(f) for f in raw}}
            after = {k: v for k, v in after.items() if v is not None and v != []}
            self.stage(Change(table, before, after))
            new_key = str(after["key"])
            if new_key != key:
                self._rename_references(table, key, new_key)
        return self.require(table, str(after["key"]))

    def _rename_references(self, table: str, old: str, new: str) -> None:
        for rt, f in referrers(table):
            for record in self.records(rt.table):
                value = record.get(f.name)
                if old in ref_keys(f, value):
                    changed = dict(record)
                    changed[f.name] = rename_reference(f, value, old, new)
                    self.stage(Change(rt.table, record, changed))

    def delete(self, table: str, key: str, label: str | None = None) -> None:
        """Delete a record and the child records it owns; InUse if others refer to it."""
        with self.transaction(label or f"delete {table} {key}"):
            self._delete(table, key)

    def _delete(self, table: str, key: str) -> None:
        record = self.require(table, key)
        owned: list[tuple[str, str]] = []
        users: list[str] = []
        for rt, f in referrers(table):
            for other in self.records(rt.table):
                if key in ref_keys(f, other.get(f.name)) and not (
                    rt.table == table and other["key"] == key
                ):
                    if f.owner:
                        owned.append((rt.table, str(other["key"])))
                    else:
                        users.append(f"{rt.table} {other['key']} ({f.name})")
        if users:
            shown = ", ".join(users[:8]) + (f" and {len(users) - 8} more" if len(users) > 8 else "")
            raise InUse(
                f"cannot delete {table} {key}: referred to by {shown}; change or delete those first"
            )
        for child_table, child_key in owned:
            # A child owned twice (a score by its criterion and its comparison) goes once.
            if self.get(child_table, child_key) is not None:
                self._delete(child_table, child_key)
        self.stage(Change(table, record, None))

    def check_rules(self, landed: list[Change]) -> None:
        """After changes land: every record they added or changed obeys its rules across
        records (RecordType.rules), now that rows of one import and other sessions' saves
        are all in; RecordInvalid names the first record that does not."""
        by_table: dict[str, list[Record]] = {}
        for change in landed:
            if change.after is not None and record_type(change.table).rules is not None:
                by_table.setdefault(change.table, []).append(change.after)
        if not by_table:
            return
        self.forget_caches()  # the rules must read the data as these changes left it
        for table, records in by_table.items():
            rules = record_type(table).rules
            assert rules is not None
            found = rules(self, records)
            if found:
                first = min(found)
                raise RecordInvalid(found[first], table, str(records[first].get("key") or ""))

    def check_references(self, landed: list[Change]) -> None:
        """After changes land: references they set resolve; nothing points at a deleted key."""
        for change in landed:
            if change.after is None:
                continue
            rt = record_type(change.table)
            for f in rt.references():
                target = f.target or change.table
                before = set(ref_keys(f, (change.before or {}).get(f.name)))
                for ref in ref_keys(f, change.after.get(f.name)):
                    if ref not in before and self.stored(target, ref) is None:
                        raise ConflictError(
                            f"{change.table} {change.key}: {f.name} refers to {ref}, which "
                            f"another session deleted; nothing was saved"
                        )
        deleted: dict[str, set[str]] = {}
        for change in landed:
            gone = change.after is None or change.key != change.original_key
            # A key renamed away may be taken by another record of the same set (A->C, B->A).
            if gone and self.stored(change.table, change.original_key) is None:
                deleted.setdefault(change.table, set()).add(change.original_key)
        for table, keys in deleted.items():
            for rt, f in referrers(table):
                for record in self.stored_records(rt.table):
                    hit = keys.intersection(ref_keys(f, record.get(f.name)))
                    if hit:
                        raise ConflictError(
                            f"{rt.table} {record['key']} now refers to {table} "
                            f"{', '.join(sorted(hit))}; it was not deleted"
                        )
