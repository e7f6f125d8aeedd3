"""The declaration helpers: choice help lists the choices, people refs, notes, date pairs."""

from __future__ import annotations

from datetime import date

from pmtui.kinds import ParseContext
from pmtui.records.fields import (
    choice_field,
    date_range,
    notes_field,
    owner_field,
    person_field,
    status_field,
    today,
)
from pmtui.schema import Kind
from pmtui.tables import load_all, record_type


def test_a_choice_fields_help_ends_with_its_choices() -> None:
    f = choice_field("kind", ("a", "b"), help="What it is.", default="a", width=4)
    assert (f.kind, f.choices, f.default, f.width) == (Kind.CHOICE, ("a", "b"), "a", 4)
    assert f.help == "What it is. One of: a, b."
    assert choice_field("kind", ("a", "b")).help == "One of: a, b."


def test_a_status_field_is_called_status() -> None:
    f = status_field(("open", "done"), "open", width=6, help="Where it stands.")
    assert (f.name, f.default, f.width) == ("status", "open", 6)
    assert f.help == "Where it stands. One of: open, done."


def test_every_declared_choice_field_lists_its_choices_the_same_way() -> None:
    for rt in load_all().values():
        for f in rt.fields:
            if f.kind == Kind.CHOICE:
                assert f.help.endswith(f"One of: {', '.join(f.choices)}."), (rt.table, f.name)


def test_people_owner_and_notes_fields() -> None:
    owner = owner_field()
    assert (owner.name, owner.kind, owner.target, owner.width) == ("owner", Kind.REF, "people", 10)
    assert owner.help == "Who is accountable."
    manager = person_field("manager", width=0, help="Boss.")
    assert (manager.kind, manager.target, manager.width) == (Kind.REF, "people", 0)
    notes = notes_field()
    assert (notes.name, notes.kind, notes.width) == ("notes", Kind.LONG_TEXT, 0)


def test_today_is_the_contexts_today() -> None:
    assert today(ParseContext(today=date(2026, 11, 26))) == "2026-11-26"


def test_a_date_range_shares_its_options_and_checks_the_order() -> None:
    pair = date_range(
        ("go", "back"), ("Out.", "In."), named="the day out", labels=("Go", ""), width=7
    )
    go, back = pair.fields
    assert (go.name, go.kind, go.label, go.help, go.width) == ("go", Kind.DATE, "Go", "Out.", 7)
    assert (back.name, back.title, back.help, back.width) == ("back", "Back", "In.", 7)
    record = {"go": "2026-12-10", "back": "2026-12-01"}
    assert pair.check(record) == {"back": "2026-12-01 is before the day out 2026-12-10"}
    assert pair.check({"go": "2026-12-01", "back": "2026-12-01"}) == {}


def test_the_tables_check_their_date_pairs() -> None:
    leave = record_type("leave")
    assert leave.check is not None
    assert leave.check({"from": "2026-12-10", "to": "2026-12-01"}) == {
        "to": "2026-12-01 is before the first day away, 2026-12-10"
    }
    vendors = record_type("vendors")
    assert vendors.check is not None
    assert vendors.check({"contract_start": "2027-01-01", "contract_end": "2026-01-01"}) == {
        "contract_end": "2026-01-01 is before the contract start 2027-01-01"
    }
    assert vendors.field("contract_start").label == "Start"
