"""References by CONTRACT's rule: a key, a name, or a prefix of any word of the name, case-
and accent-insensitive, when unique; several matches are listed by name and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui.store import RecordInvalid, Store
from pmtui.store.parsing import fold, word_prefix_matches
from tests.uihelpers import TODAY


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.create(tmp_path / "p.json", {"name": "ERP", "start": "2026-09-01"}, today=TODAY)
    for name in ("Chen Wei", "Markus Brandt", "Anna Berg", "Ann Lee", "José Álvarez"):
        s.add("people", {"name": name})
    return s


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("P1", "P1"),
        ("p2", "P2"),
        ("Chen Wei", "P1"),
        ("chen", "P1"),  # a prefix of the first word
        ("wei", "P1"),  # of any word
        ("Chen W", "P1"),  # of the name
        ("markus", "P2"),
        ("BRANDT", "P2"),
        ("jose", "P5"),  # accents dropped both ways
        ("álv", "P5"),
        ("Ann Lee", "P4"),  # a whole name beats the prefix "Ann" of Anna
    ],
)
def test_a_unique_key_name_or_word_prefix_finds_the_person(
    store: Store, typed: str, key: str
) -> None:
    note = store.add("notes", {"person": typed, "text": "ok"})
    assert note["person"] == key


def test_an_ambiguous_prefix_lists_the_candidates_by_name_and_key(store: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        store.add("notes", {"person": "ann", "text": "x"})
    assert refused.value.errors["person"] == "'ann' matches 2 people: Anna Berg (P3), Ann Lee (P4)"
    assert store.records("notes") == []


def test_no_match_says_so(store: Store) -> None:
    with pytest.raises(RecordInvalid) as refused:
        store.add("notes", {"person": "zed", "text": "x"})
    assert "no person 'zed'" in refused.value.errors["person"]


def test_fold_and_prefix_helpers() -> None:
    assert fold("  José  ÁLVAREZ ") == "jose alvarez"
    named = [("P1", "Chen Wei"), ("P2", "Wei Chen"), ("P3", "Weiss")]
    assert word_prefix_matches("wei", named) == ["P1", "P2", "P3"]
    assert word_prefix_matches("weis", named) == ["P3"]
    assert word_prefix_matches("", named) == []
