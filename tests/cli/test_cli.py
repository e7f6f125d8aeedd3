"""The `pmtui` command line: each command's happy path, exit codes, one-line errors, JSON shapes.

Most tests run the real entry point in a subprocess (`python -m pmtui`) with the isolated
environment; a few call `main()` in-process where they must replace a part (the app, a
test-only private table).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from pmtui import paths
from pmtui.cli import common, main
from pmtui.cli.render import render_table
from pmtui.schema import REGISTRY, Field, Kind, RecordType, register
from pmtui.store import Store
from pmtui.store.files import ProjectFiles
from pmtui.tables import load_all, record_type
from tests.conftest import RunPmtui

COMMANDS = (
    "new",
    "demo",
    "list",
    "show",
    "add",
    "set",
    "undo",
    "redo",
    "import",
    "export",
    "restore",
)


def assert_one_line_error(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pmtui: ")
    return lines[0]


def project_file(name: str) -> Path:
    return paths.projects_dir() / f"{name}.json"


@pytest.fixture
def secrets_table() -> Iterator[RecordType]:
    """A private table registered for one test only (no real private table exists yet)."""
    load_all()
    rt = register(
        RecordType(
            table="secrets",
            singular="secret",
            key_prefix="S",
            label_field="text",
            private=True,
            help="Test-only private records.",
            fields=(Field("text", Kind.TEXT, required=True),),
        )
    )
    yield rt
    REGISTRY.pop("secrets")


# --- the entry point ----------------------------------------------------------------------


def test_version_prints_the_package_version(run_pmtui: RunPmtui) -> None:
    result = run_pmtui("--version")
    assert (result.returncode, result.stdout.strip()) == (0, "pmtui 0.1.0")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert f"usage: pmtui {command}" in capsys.readouterr().out


def test_usage_errors_exit_2(run_pmtui: RunPmtui) -> None:
    missing = run_pmtui("show", "plan")
    assert missing.returncode == 2
    assert "required: TABLE" in missing.stderr
    assert run_pmtui("new", "x", "--calendar", "lunar").returncode == 2


def test_field_without_equals_is_a_usage_error(project_path: Path, run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("add", str(project_path), "people", "Ann"), status=2)
    assert "'Ann' is not field=value" in line


def test_unknown_command_word_with_more_words_is_a_usage_error(run_pmtui: RunPmtui) -> None:
    result = run_pmtui("shwo", "plan", "people")
    assert result.returncode == 2
    assert "'shwo' is not a command" in result.stderr


def test_opening_a_missing_project_is_a_user_error(run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("nosuch"))
    assert "no project at" in line and "nosuch.json" in line


def test_open_app_without_the_app_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pmtui.app", None)
    with pytest.raises(common.UserError, match="the app is not built yet; use --no-open"):
        common.open_app(tmp_path / "plan.json")


# --- new, list, demo -----------------------------------------------------------------------


def test_new_creates_a_named_project_in_the_data_folder(run_pmtui: RunPmtui) -> None:
    created = run_pmtui("new", "alpha", "--start", "2026-12-01", "--calendar", "all-days")
    assert created.returncode == 0, created.stderr
    assert str(project_file("alpha")) in created.stdout
    shown = json.loads(run_pmtui("show", "alpha", "project", "--json").stdout)
    project = shown["project"][0]
    assert (project["name"], project["start"], project["calendar"]) == (
        "alpha",
        "2026-12-01",
        "all-days",
    )


def test_new_refuses_an_existing_file(project_path: Path, run_pmtui: RunPmtui) -> None:
    before = project_path.read_bytes()
    line = assert_one_line_error(run_pmtui("new", str(project_path)))
    assert "already exists" in line
    assert project_path.read_bytes() == before


def test_new_with_a_bad_start_date_is_one_line(run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("new", "beta", "--start", "2026-02-30"))
    assert "start" in line
    assert not project_file("beta").exists()


def test_list_shows_every_project_as_text_and_json(run_pmtui: RunPmtui) -> None:
    run_pmtui("new", "alpha", "--name", "Alpha roll-out")
    run_pmtui("new", "beta")
    text = run_pmtui("list").stdout.splitlines()
    assert [line.split()[0] for line in text] == ["alpha", "beta"]
    listed = json.loads(run_pmtui("list", "--json").stdout)["projects"]
    assert [(p["name"], p["project"], p["path"]) for p in listed] == [
        ("alpha", "Alpha roll-out", str(project_file("alpha"))),
        ("beta", "beta", str(project_file("beta"))),
    ]
    assert datetime.fromisoformat(listed[0]["modified"]).tzinfo is not None


def test_list_without_projects_says_how_to_make_one(run_pmtui: RunPmtui) -> None:
    result = run_pmtui("list")
    assert result.returncode == 0
    assert "pmtui demo" in result.stdout


def test_demo_builds_the_project_in_one_saved_step(run_pmtui: RunPmtui) -> None:
    result = run_pmtui("demo", "--no-open")
    assert result.returncode == 0, result.stderr
    files = ProjectFiles.for_path(project_file("demo"))
    journal = [json.loads(line) for line in files.journal.read_text().splitlines()]
    assert [entry["label"] for entry in journal] == ["build demo"]
    shown = json.loads(run_pmtui("show", "demo", "people", "--json").stdout)["people"]
    assert len(shown) >= 10
    limits = {p["role"]: p["approval_limit"] for p in shown}
    assert (limits["Sponsor (CFO)"], limits["Project manager"]) == (500_000, 50_000)


def test_demo_fresh_rebuilds_after_keeping_the_old_file(run_pmtui: RunPmtui) -> None:
    run_pmtui("demo", "--no-open")
    run_pmtui("set", "demo", "project", "code=CHANGED")
    old = project_file("demo").read_bytes()
    result = run_pmtui("demo", "--no-open", "--fresh")
    assert result.returncode == 0, result.stderr
    kept = ProjectFiles.for_path(project_file("demo")).backups / "demo.2026-11-26.1.json"
    assert kept.read_bytes() == old
    project = json.loads(run_pmtui("show", "demo", "project", "--json").stdout)["project"][0]
    assert project["code"] == "ERP-S4"


def test_demo_opens_the_app_unless_no_open(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[Path] = []

    def fake_open_app(path: Path, hint: str = "") -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr(common, "open_app", fake_open_app)
    assert main(["demo"]) == 0
    assert main(["demo", "--no-open"]) == 0
    assert opened == [project_file("demo").resolve()]


# --- show, add, set, undo -------------------------------------------------------------------


def test_add_prints_the_new_key_and_resolves_names(project_path: Path, run_pmtui: RunPmtui) -> None:
    plan = str(project_path)
    first = run_pmtui("add", plan, "people", "name=Ann Lee", "rate=1,200.50", "skills=sql, sap")
    second = run_pmtui("add", plan, "people", "Name=Bo Chen", "manager=ann lee")
    assert (first.stdout, second.stdout) == ("P1\n", "P2\n")
    people = json.loads(run_pmtui("show", plan, "people", "--json").stdout)["people"]
    assert people[1]["manager"] == "P1"
    assert (people[0]["rate"], people[0]["skills"]) == (1200.5, "sql, sap")


def test_show_json_has_every_field_with_null_for_empty(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    run_pmtui("add", str(project_path), "people", "name=Ann")
    shown = json.loads(run_pmtui("show", str(project_path), "people", "--json").stdout)
    assert list(shown) == ["people"]
    assert shown["people"][0] == {
        "key": "P1",
        "name": "Ann",
        "role": None,
        "email": None,
        "capacity_hours": 40,
        "rate": None,
        "manager": None,
        "approval_limit": None,
        "skills": None,
    }


def test_show_prints_a_table_of_the_schema_columns(project_path: Path, run_pmtui: RunPmtui) -> None:
    run_pmtui("add", str(project_path), "people", "name=Ann Lee", "rate=95")
    lines = run_pmtui("show", str(project_path), "people").stdout.splitlines()
    assert lines[0].split() == ["Key", "Name", "Role", "Email", "Capacity", "Rate", "Skills"]
    assert lines[2].split() == ["P1", "Ann", "Lee", "40", "95.00"]


def test_show_project_lists_its_fields(project_path: Path, run_pmtui: RunPmtui) -> None:
    lines = run_pmtui("show", str(project_path), "project").stdout.splitlines()
    assert "Name:" in lines[1] and lines[1].endswith("Test project")


def test_render_table_cuts_lines_to_the_width() -> None:
    people = record_type("people")
    record = {"key": "P1", "name": "A very long name indeed, longer than its column", "rate": 1.0}
    lines = render_table(people, [record], width=30)
    assert all(len(line) <= 30 for line in lines)
    assert lines[2].startswith("P1   A very long name in…")  # the column is 20 wide
    assert len(lines[2]) == 30 and lines[2].endswith("…")


def test_add_with_a_bad_value_names_table_field_and_reason(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    line = assert_one_line_error(
        run_pmtui("add", str(project_path), "people", "name=A", "rate=abc")
    )
    assert line == "pmtui: people: rate: 'abc' is not an amount (write 1200, 1,200.50 or 40k)"


def test_add_to_an_unknown_table_or_field_is_one_line(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    table = assert_one_line_error(run_pmtui("add", str(project_path), "peple", "name=A"))
    assert "no table 'peple' (did you mean 'people'?); tables:" in table
    field = assert_one_line_error(run_pmtui("add", str(project_path), "people", "nmae=A"))
    assert field.startswith("pmtui: people: 'nmae': no such field")


def test_set_changes_fields_by_key_or_name(project_path: Path, run_pmtui: RunPmtui) -> None:
    plan = str(project_path)
    run_pmtui("add", plan, "people", "name=Ann Lee")
    assert run_pmtui("set", plan, "people", "P1", "rate=40k").stdout == "P1\n"
    assert run_pmtui("set", plan, "people", "Ann Lee", "role=Architect").returncode == 0
    person = json.loads(run_pmtui("show", plan, "people", "--json").stdout)["people"][0]
    assert (person["rate"], person["role"]) == (40_000, "Architect")


def test_set_project_needs_no_key(project_path: Path, run_pmtui: RunPmtui) -> None:
    result = run_pmtui("set", str(project_path), "project", "code=ERP", "fiscal year start=4")
    assert result.returncode == 0, result.stderr
    project = json.loads(run_pmtui("show", str(project_path), "project", "--json").stdout)
    assert (project["project"][0]["code"], project["project"][0]["fiscal_year_start"]) == (
        "ERP",
        4,
    )


def test_set_on_a_missing_record_is_one_line(project_path: Path, run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("set", str(project_path), "people", "P9", "rate=1"))
    assert line == "pmtui: no person 'P9' in people"


def test_undo_reverts_the_last_saved_change_then_says_nothing(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    plan = str(project_path)
    run_pmtui("add", plan, "people", "name=Ann")
    run_pmtui("add", plan, "people", "name=Bo")
    assert run_pmtui("undo", plan).stdout == "undone: add person\n"
    people = json.loads(run_pmtui("show", plan, "people", "--json").stdout)["people"]
    assert [p["name"] for p in people] == ["Ann"]
    # The project's first change is undone only with --yes; then there is nothing left.
    assert run_pmtui("undo", plan, "--yes").stdout == "undone: add person\n"
    assert json.loads(run_pmtui("show", plan, "people", "--json").stdout) == {"people": []}
    assert assert_one_line_error(run_pmtui("undo", plan)) == "pmtui: nothing to undo"


def test_a_file_that_is_not_a_project_is_one_line(tmp_path: Path, run_pmtui: RunPmtui) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    line = assert_one_line_error(run_pmtui("show", str(broken), "people"))
    assert "is not valid JSON at line 1" in line


# --- import and export ------------------------------------------------------------------------


def public_tables() -> list[str]:
    """Every table an export writes without --include-private (each area adds its own)."""
    return sorted(name for name, rt in load_all().items() if not rt.private)


def test_export_csv_to_stdout_and_json_to_a_file(project_path: Path, run_pmtui: RunPmtui) -> None:
    plan = str(project_path)
    run_pmtui("add", plan, "people", "name=Ann", "skills=a, b")
    csv_text = run_pmtui("export", plan, "--table", "people", "--format", "csv").stdout
    assert csv_text.splitlines()[1] == 'P1,Ann,,,40,,,,"a, b"'
    result = run_pmtui("export", plan, "-o", "out.json")
    assert result.returncode == 0, result.stderr
    data = json.loads((project_path.parent / "out.json").read_text())
    assert sorted(data) == public_tables()
    assert data["people"][0]["skills"] == "a, b"


def test_export_csv_of_every_table_needs_a_folder(project_path: Path, run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("export", str(project_path), "--format", "csv"))
    assert "add --table TABLE" in line
    folder = project_path.parent / "out"
    folder.mkdir()
    assert (
        run_pmtui("export", str(project_path), "--format", "csv", "-o", str(folder)).returncode == 0
    )
    assert sorted(p.name for p in folder.iterdir()) == [f"{t}.csv" for t in public_tables()]


def test_import_then_undo_as_one_step(project_path: Path, run_pmtui: RunPmtui) -> None:
    source = project_path.parent / "people.csv"
    source.write_text("name,rate\nAnn,10\nBo,20\n")
    result = run_pmtui("import", str(project_path), str(source))
    assert result.stdout == "imported people.csv: people: 2 added, 0 updated, 0 deleted\n"
    undone = run_pmtui("undo", str(project_path), "--yes")  # the project's first change
    assert undone.stdout == "undone: import people.csv\n"


def test_import_with_a_bad_row_reports_row_and_column(
    project_path: Path, run_pmtui: RunPmtui
) -> None:
    source = project_path.parent / "team.csv"
    source.write_text("name,rate\nAnn,10\nBo,lots\n")
    line = assert_one_line_error(
        run_pmtui("import", str(project_path), str(source), "--table", "people")
    )
    assert line == (
        "pmtui: team.csv: row 3, column rate: 'lots' is not an amount (write 1200, 1,200.50 or 40k)"
    )


# --- restore ----------------------------------------------------------------------------------


def test_restore_lists_backups_then_restores_one(project_path: Path, run_pmtui: RunPmtui) -> None:
    plan = str(project_path)
    original = project_path.read_bytes()
    run_pmtui("add", plan, "people", "name=Ann")  # the day's first save keeps a backup
    listed = json.loads(run_pmtui("restore", plan, "--json").stdout)["backups"]
    assert [(b["name"], b["date"]) for b in listed] == [("plan.2026-11-26.json", "2026-11-26")]
    assert run_pmtui("restore", plan).stdout.startswith("plan.2026-11-26.json  saved ")
    changed = project_path.read_bytes()
    result = run_pmtui("restore", plan, "2026-11-26")
    assert result.returncode == 0, result.stderr
    assert project_path.read_bytes() == original
    assert (project_path.stat().st_mode & 0o777) == 0o600
    kept = ProjectFiles.for_path(project_path).backups / "plan.2026-11-26.1.json"
    assert kept.read_bytes() == changed


def test_restore_of_an_unknown_backup_is_one_line(project_path: Path, run_pmtui: RunPmtui) -> None:
    line = assert_one_line_error(run_pmtui("restore", str(project_path), "2001-01-01"))
    assert "no backup '2001-01-01'" in line


# --- private tables (generic mechanism, test-only table, in-process) ---------------------------


def test_show_refuses_a_private_table_without_the_flag(
    secrets_table: RecordType, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(project_path)
    store.add("secrets", {"text": "under review"})
    store.close()
    assert main(["show", str(project_path), "secrets"]) == 1
    assert "add --include-private" in capsys.readouterr().err
    assert main(["show", str(project_path), "secrets", "--json", "--include-private"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "secrets": [{"key": "S1", "text": "under review"}]
    }


def test_export_leaves_private_tables_out_and_says_so(
    secrets_table: RecordType, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(project_path)]) == 0
    captured = capsys.readouterr()
    assert "secrets" not in json.loads(captured.out)
    left_out = captured.err.split("left out ", 1)[1].split(" (private)")[0].split(", ")
    assert "secrets" in left_out
    target = project_path.parent / "all.json"
    assert main(["export", str(project_path), "--include-private", "-o", str(target)]) == 0
    assert "secrets" in json.loads(target.read_text())
    assert (target.stat().st_mode & 0o777) == 0o600


def test_the_export_formats_the_parser_offers_are_the_ones_transfer_writes() -> None:
    from pmtui import transfer
    from pmtui.cli import exchange

    assert exchange.FORMATS == transfer.FORMATS


def _parser_commands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def test_each_module_lists_exactly_the_commands_it_registers() -> None:
    cli_main = sys.modules["pmtui.cli.main"]
    for module in cli_main.command_modules():
        for name in module.COMMANDS:
            # Building the parser of one command registers its module's commands only.
            assert _parser_commands(cli_main.build_parser(name)) == set(module.COMMANDS)
    assert _parser_commands(cli_main.build_parser()) == cli_main.command_names()


def test_a_command_parsed_alone_still_refuses_bad_arguments(run_pmtui: RunPmtui) -> None:
    result = run_pmtui("demo", "--no-such-flag")
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-flag" in result.stderr


def test_references_take_a_unique_prefix_of_any_word_and_list_the_ambiguous(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    # CONTRACT, Keys and references: key, name, or a prefix of any word when unique.
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    for name in ("Chen Wei", "Markus Brandt", "Mateo Garcia"):
        assert run_pmtui("add", project, "people", f"name={name}").returncode == 0
    added = run_pmtui("add", project, "notes", "person=chen", "text=late again")
    assert added.returncode == 0, added.stderr
    before = Path(project).read_bytes()
    line = assert_one_line_error(run_pmtui("add", project, "notes", "person=ma", "text=x"))
    assert line == (
        "pmtui: notes: person: 'ma' matches 2 people: Markus Brandt (P2), Mateo Garcia (P3)"
    )
    assert Path(project).read_bytes() == before


def test_a_mistyped_command_or_table_suggests_the_nearest(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    line = assert_one_line_error(run_pmtui("exprot"))
    assert line == "pmtui: 'exprot' is not a command nor a project (did you mean 'export'?)"
    usage = run_pmtui("shwo", project)
    assert usage.returncode == 2
    assert usage.stderr.strip().endswith("'shwo' is not a command (did you mean 'show'?)")
    line = assert_one_line_error(run_pmtui("show", project, "peple"))
    assert line.startswith("pmtui: no table 'peple' (did you mean 'people'?); tables: ")


def test_show_filters_sorts_and_limits(run_pmtui: RunPmtui, tmp_path: Path) -> None:
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    for name in ("Chen Wei", "Markus Brandt"):
        assert run_pmtui("add", project, "people", f"name={name}").returncode == 0
    for title, owner, status, budget in [
        ("Data migration", "chen", "done", "500"),
        ("Cutover rehearsal", "markus", "in progress", "1500"),
        ("Migrate archives", "Chen Wei", "not started", ""),
        ("Training", "markus", "done", "900"),
    ]:
        added = run_pmtui("add", project, "tasks", f"title={title}", f"owner={owner}",
                          f"status={status}", f"budget={budget}")  # fmt: skip
        assert added.returncode == 0, added.stderr

    def titles(*words: str) -> list[str]:
        result = run_pmtui("show", project, "tasks", "--json", *words)
        assert result.returncode == 0, result.stderr
        return [r["title"] for r in json.loads(result.stdout)["tasks"]]

    assert titles("owner=chen") == ["Data migration", "Migrate archives"]
    assert titles("owner=chen", "status=done") == ["Data migration"]
    assert titles("title~MIGR") == ["Data migration", "Migrate archives"]
    assert titles("owner~brandt") == ["Cutover rehearsal", "Training"]  # references by name
    assert titles("budget=1.5k") == ["Cutover rehearsal"]  # typed as add reads it
    assert titles("--sort", "budget") == [
        "Data migration", "Training", "Cutover rehearsal", "Migrate archives"]  # fmt: skip
    assert titles("--sort", "budget", "--desc", "--limit", "2") == [
        "Cutover rehearsal", "Training"]  # fmt: skip
    assert titles("budget=") == ["Migrate archives"]  # empty
    text = run_pmtui("show", project, "tasks", "status=done")
    assert "Training" in text.stdout and "Cutover" not in text.stdout
    line = assert_one_line_error(run_pmtui("show", project, "tasks", "stauts=done"))
    assert line == "pmtui: tasks has no field 'stauts' (did you mean 'status'?)"
    line = assert_one_line_error(run_pmtui("show", project, "tasks", "owner=zed"))
    assert "no person 'zed'" in line


def test_show_names_references_with_the_key_only_where_names_repeat(
    run_pmtui: RunPmtui, tmp_path: Path
) -> None:
    # CONTRACT: text output and screens show references by name; JSON and CSV keep keys.
    project = str(tmp_path / "p.json")
    assert run_pmtui("new", project).returncode == 0
    for name in ("Chen Wei", "Ann Lee", "Ann Lee"):
        assert run_pmtui("add", project, "people", f"name={name}").returncode == 0
    for title, owner in (("Data migration", "P1"), ("Cutover", "P2"), ("Training", "P3")):
        assert (
            run_pmtui("add", project, "tasks", f"title={title}", f"owner={owner}").returncode == 0
        )
    text = run_pmtui("show", project, "tasks").stdout
    rows = {line.split()[1]: line for line in text.splitlines()[2:]}
    assert "Chen Wei" in rows["Data"]
    assert "Ann Lee (P2)" in rows["Cutover"] and "Ann Lee (P3)" in rows["Training"]
    data = json.loads(run_pmtui("show", project, "tasks", "--json").stdout)
    assert [t["owner"] for t in data["tasks"]] == ["P1", "P2", "P3"]


def test_show_gives_a_wide_terminal_to_the_title_and_cuts_only_on_a_terminal() -> None:
    rt = record_type("tasks")
    title = "Migrate the vendor master data with cleansed IBANs"
    records = [{"key": "T1", "title": title, "duration": 5, "status": "not started"}]
    narrow = render_table(rt, records, 80)
    wide = render_table(rt, records, 160)
    piped = render_table(rt, records, None)
    assert title not in narrow[2] and len(narrow[2]) <= 80
    assert title in wide[2] and len(wide[2]) <= 160
    assert title in piped[2]
