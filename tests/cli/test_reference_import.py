"""Import matches references as forms and the CLI do (CONTRACT, Keys and references): a
unique key, name or word prefix is taken; several matches are listed and nothing is written."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import assert_one_line_error
from tests.conftest import RunPmtui


def test_import_takes_a_unique_prefix_and_lists_the_ambiguous(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    for name in ("Chen Wei", "Chen Li", "Markus Brandt"):
        assert run_pmtui("add", project, "people", f"name={name}").returncode == 0
    rows = tmp_path / "m.csv"
    rows.write_text("title,owner,due\nGo-live,brandt,2027-01-04\n")
    imported = run_pmtui("import", "--table", "milestones", project, str(rows))
    assert imported.returncode == 0, imported.stderr
    shown = run_pmtui("show", project, "milestones", "--json")
    assert '"owner": "P3"' in shown.stdout
    before = Path(project).read_bytes()
    rows.write_text("title,owner,due\nCutover,chen,2027-01-11\n")
    line = assert_one_line_error(run_pmtui("import", "--table", "milestones", project, str(rows)))
    assert line.endswith("column owner: 'chen' matches 2 people: Chen Wei (P1), Chen Li (P2)")
    assert Path(project).read_bytes() == before
