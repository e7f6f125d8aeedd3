"""Keeping references whole: rename them with a key, refuse or cascade deletes, check at commit."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.context import Context
from pmtui.schema import Field, Kind
from pmtui.store.changes import Change, Record
from pmtui.store.errors import ConflictError, InUse, RecordInvalid
from pmtui.tables import record_type, referrers


@dataclass(frozen=True)
class Deletion:
    """What deleting a record would do (References.deletion)."""

    #: (table, key) of every record that would go: the record first.
    doomed: list[tuple[str, str]]
    #: Its parts (a summary task's subtasks, a milestone's deliverables), found through
    #: part_of references, whether or not they would go.
    children: list[tuple[str, str]]
    #: (table, key, field) of each record left behind that refers to one that would go.
    blockers: list[tuple[str, str, str]]


def ref_keys(f: Field, value: Any, table: str | None = None) -> list[str]:
    """The keys a reference field's value points at (links carry a type and lag too); of
    a reference to any record (`table:key`), the key when it is of `table`."""
    if value is None:
        return []
    if f.kind == Kind.RECORD:
        target, _, key = str(value).partition(":")
        return [key] if table is None or target == table else []
    if f.kind == Kind.REF:
        return [str(value)]
    if f.kind == Kind.LINKS:
        return [str(item).split()[0] for item in value if str(item).strip()]
    return [str(item) for item in value]


def ref_targets(f: Field, value: Any, own_table: str) -> list[tuple[str, str]]:
    """(table, key) of every record a reference field's value points at (`own_table`: the
    table of the record holding it, for references to the same table)."""
    if f.kind == Kind.RECORD:
        if value is None:
            return []
        target, _, key = str(value).partition(":")
        return [(target, key)]
    return [(f.target or own_table, key) for key in ref_keys(f, value)]


def rename_reference(f: Field, value: Any, old: str, new: str, table: str = "") -> Any:
    """A reference field's value with `old` (a key of `table`) replaced by `new`."""
    if f.kind == Kind.RECORD:
        return f"{table}:{new}" if value == f"{table}:{old}" else value
    if f.kind == Kind.REF:
        return new if value == old else value
    if f.kind == Kind.LINKS:
        out = []
        for item in value:
            head, _, tail = str(item).partition(" ")
            out.append((new if head == old else head) + (" " + tail if tail else ""))
        return out
    return [new if item == old else item for item in value]


class References:
    """The Store's integrity half: references follow renames, deletes cascade or are refused,
    and a landed change set is checked for references and rules across records."""

    if TYPE_CHECKING:

        @property
        def today(self) -> date: ...

        def get(self, table: str, key: str) -> Record | None: ...

        def require(self, table: str, key: str) -> Record: ...

        def records(self, table: str) -> list[Record]: ...

        def stored(self, table: str, key: str) -> Record | None: ...

        def stored_records(self, table: str) -> list[Record]: ...

        def transaction(self, label: str) -> contextlib.AbstractContextManager[None]: ...

        def stage(self, change: Change) -> None: ...

        def forget_caches(self) -> None: ...

    def _rename_references(self, table: str, old: str, new: str) -> None:
        for rt, f in referrers(table):
            for record in self.records(rt.table):
                value = record.get(f.name)
                if old in ref_keys(f, value, table):
                    changed = dict(record)
                    changed[f.name] = rename_reference(f, value, old, new, table)
                    self.stage(Change(rt.table, record, changed))

    def deletion(self, table: str, key: str, *, with_children: bool = False) -> Deletion:
        """What deleting a record would do, worked out before anything is staged: the
        records that go (it, the records it owns, and with `with_children` its parts, each
        with theirs), its parts, and who else refers to one of them (which refuses it)."""
        self.require(table, key)
        doomed: list[tuple[str, str]] = []
        children: list[tuple[str, str]] = []
        users: list[tuple[str, str, str]] = []

        def collect(at: tuple[str, str], child: bool) -> None:
            if at in doomed:
                return  # owned twice (a score by its criterion and its comparison)
            doomed.append(at)
            if child:
                children.append(at)
            for rt, f in referrers(at[0]):
                for other in self.records(rt.table):
                    if at[1] in ref_keys(f, other.get(f.name), at[0]):
                        found = (rt.table, str(other["key"]))
                        if f.owner:
                            collect(found, False)
                        elif f.part_of and at == (table, key):
                            if with_children:
                                collect(found, True)
                            else:
                                children.append(found)
                        elif f.part_of and with_children:
                            collect(found, True)
                        if found != at:
                            users.append((*found, f.name))

        collect((table, key), False)
        blockers = [u for u in users if u[:2] not in doomed]
        return Deletion(doomed, children, list(dict.fromkeys(blockers)))

    def delete(
        self, table: str, key: str, label: str | None = None, *, with_children: bool = False
    ) -> None:
        """Delete a record and the records it owns (with `with_children`, also its parts: a
        summary task's subtasks, a milestone's deliverables) as one step; InUse, naming
        them, if any other record refers to one of those."""
        with self.transaction(label or f"delete {table} {key}"):
            plan = self.deletion(table, key, with_children=with_children)
            if plan.blockers:
                users = [f"{t} {k} ({f})" for t, k, f in plan.blockers]
                shown = ", ".join(users[:8])
                if len(users) > 8:
                    shown += f" and {len(users) - 8} more"
                raise InUse(
                    f"cannot delete {table} {key}: referred to by {shown}; "
                    "change or delete those first"
                )
            for at in reversed(plan.doomed):
                record = self.get(*at)
                if record is not None:
                    self.stage(Change(at[0], record, None))

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
        context = Context(self, self.today)  # one for every table: read models are shared
        for table, records in by_table.items():
            rules = record_type(table).rules
            assert rules is not None
            found = rules(context, records)
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
                before = set(ref_targets(f, (change.before or {}).get(f.name), change.table))
                for target, ref in ref_targets(f, change.after.get(f.name), change.table):
                    if (target, ref) not in before and self.stored(target, ref) is None:
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
                    hit = keys.intersection(ref_keys(f, record.get(f.name), table))
                    if hit:
                        raise ConflictError(
                            f"{rt.table} {record['key']} now refers to {table} "
                            f"{', '.join(sorted(hit))}; it was not deleted"
                        )
