"""docs/FORMAT.md is generated from the schema and must stay in step with it."""

from __future__ import annotations

import pytest

from pmtui.formatdoc import DOC_PATH, generate, main
from pmtui.kinds import KINDS
from pmtui.schema import Kind
from pmtui.tables import load_all


def test_format_md_matches_the_schema() -> None:
    written = DOC_PATH.read_text(encoding="utf-8")
    assert written == generate(), "docs/FORMAT.md is stale: run python -m pmtui.formatdoc --write"


def test_every_kind_has_its_syntax_documented() -> None:
    kinds = generate().split("\n## Kinds of field\n", 1)[1].split("\n## ", 1)[0]
    for kind in Kind:
        assert f"| {kind.value} " in kinds, kind
        assert " ".join(KINDS[kind].syntax.split()) in kinds, kind


def test_every_table_and_field_is_documented() -> None:
    text = generate()
    for rt in load_all().values():
        section = text.split(f"\n### {rt.table}\n", 1)[1].split("\n### ", 1)[0]
        assert rt.help in section
        for f in rt.fields:
            assert f"| `{f.name}` |" in section, f"{rt.table}.{f.name}"


def test_private_tables_are_marked_private() -> None:
    text = generate()
    private = [rt.table for rt in load_all().values() if rt.private]
    for table in private:
        section = text.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0]
        assert "**Private**" in section


def test_the_module_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out == generate()
