"""The kinds table: every kind has a complete spec; each sample parses and round-trips."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest

from pmtui import schema
from pmtui.kinds import (
    KINDS,
    LIST_KINDS,
    NUMERIC_KINDS,
    SEARCHABLE_KINDS,
    ParseContext,
    export_value,
    parse_value,
    to_display,
    to_text,
)
from pmtui.schema import Field, Kind

TODAY = date(2026, 11, 26)
KEYS = {"people": ["P1", "P2", "P3"], "tasks": ["T1", "T2", "T3"]}


def _resolve(table: str, text: str) -> str:
    assert text in KEYS[table], (table, text)
    return text


CTX = ParseContext(today=TODAY, resolve=_resolve)


def field_of(kind: Kind) -> Field:
    """A field of `kind` with what its kind needs: choices, a target, a range."""
    options: dict[str, Any] = {}
    if kind == Kind.CHOICE:
        options["choices"] = ("planned", "in progress", "done")
    if kind in (Kind.REF, Kind.REFS):
        options["target"] = "people"
    if kind == Kind.LINKS:
        options["target"] = "tasks"
    return Field("f", kind, **options)


def test_every_kind_has_a_complete_spec() -> None:
    assert set(KINDS) == set(Kind)
    for kind, spec in KINDS.items():
        assert callable(spec.parse) and callable(spec.sample) and callable(spec.text), kind
        assert spec.syntax.strip() and spec.stored.strip(), kind


def test_the_schema_flags_are_the_tables() -> None:
    """The schema's copies (it sits below the kinds) say what the table says."""
    assert schema.LIST_KINDS == LIST_KINDS
    assert schema.NUMERIC_KINDS == NUMERIC_KINDS
    assert Kind.TAGS in LIST_KINDS and Kind.MONEY in NUMERIC_KINDS
    assert Kind.TEXT in SEARCHABLE_KINDS and Kind.DATE not in SEARCHABLE_KINDS


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_each_kinds_sample_parses_and_round_trips(kind: Kind) -> None:
    f = field_of(kind)
    rng = random.Random(kind.value)
    for index in range(1, 31):
        typed = KINDS[kind].sample(f, rng, KEYS, index)
        assert typed, kind
        value = parse_value(f, typed, CTX)
        assert value is not None, typed
        assert parse_value(f, to_text(f, value), CTX) == value, typed
        assert to_display(f, value), typed


def test_list_kinds_export_as_their_typed_text_and_others_as_stored() -> None:
    assert export_value(field_of(Kind.TAGS), ["a", "b"]) == "a, b"
    assert export_value(field_of(Kind.REFS), ["P1", "P2"]) == "P1; P2"
    assert export_value(field_of(Kind.MONEY), 1200.5) == 1200.5
    assert export_value(field_of(Kind.TEXT), "") is None


def test_a_kind_without_a_hint_leaves_the_form_to_the_fields_help() -> None:
    assert KINDS[Kind.DATE].hint.startswith("2026-12-01")
    assert KINDS[Kind.TEXT].hint == ""
