"""Symbolic links planted at every sidecar path (issue 23): the lock, the activity log,
the undo journal, the backups folder, today's backup, temp file names, the drafts file and
its lock, state.toml and the Today cache, each pointing at a victim file (or at nothing,
where a create would follow it). Every command that writes runs past them: the victim is
never written, truncated or created."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pmtui import paths, todaycache
from pmtui.state import save_state
from pmtui.store import drafts
from tests.environment import TODAY
from tests.faults.harness import Command, copy_project, one_of_each, tree
from tests.faults.runner import Runner

VICTIM = b"export PATH=/usr/bin\n"

#: Where a link is planted beside the project NAME (a path relative to its folder).
SIDECARS: dict[str, Callable[[str], str]] = {
    "lock file": lambda name: f".{name}.lock",
    "activity log": lambda name: f".{name}.log",
    "undo journal": lambda name: f".{name}.undo",
    "backups folder": lambda name: f".{name}.backups",
    "today's backup": lambda name: f".{name}.backups/{name[:-5]}.{TODAY.isoformat()}.json",
    "a temp file's name": lambda name: f".{name}.planted.tmp",
    "a journal temp file's name": lambda name: f"..{name}.undo.planted.tmp",
}


@pytest.fixture
def victims(tmp_path: Path) -> Path:
    """A folder elsewhere holding the victim file (think ~/.bashrc)."""
    folder = tmp_path / "victims"
    folder.mkdir()
    (folder / "bashrc").write_bytes(VICTIM)
    return folder


def plant(folder: Path, relative: str, target: Path) -> Path:
    """Replace whatever is at `relative` with a link to `target`."""
    link = folder / relative
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    else:
        link.unlink(missing_ok=True)
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(target)
    return link


@pytest.mark.parametrize(
    "both", [pytest.param(False, id="fast"), pytest.param(True, id="slow", marks=pytest.mark.slow)]
)
def test_links_at_every_sidecar_are_never_followed_by_any_writing_command(
    runner: Runner,
    template: Path,
    writers: list[Command],
    victims: Path,
    tmp_path: Path,
    both: bool,
) -> None:
    """Each command past a link at each sidecar: to a file or dangling, in turn (both in
    the slow run)."""
    wrong = []
    trial = 0
    for command in one_of_each(writers):
        for sidecar, where in SIDECARS.items():
            kinds = (False, True) if both else ((trial + len(command.label)) % 2 == 0,)
            for dangling in kinds:
                trial += 1
                folder = copy_project(template, tmp_path / str(trial))
                for words in command.prep:
                    assert runner.run(command.filled(folder, words), folder).code == 0
                target = victims / ("nothing-here" if dangling else "bashrc")
                if sidecar == "backups folder":
                    target = victims
                link = plant(folder, where(command.target(folder).name), target)
                before = tree(victims)
                done = runner.run(command.filled(folder), folder)
                kind = "dangling" if dangling else "to a file"
                said = f"{command.label} past a link at its {sidecar} ({kind})"
                if tree(victims) != before:
                    wrong.append(f"{said} wrote the victim")
                if not link.is_symlink() and "temp" not in sidecar:
                    wrong.append(f"{said} replaced the link")
                if done.code not in (0, 1) or (done.code == 1 and not done.one_line_error):
                    wrong.append(f"{said}: exit {done.code}, {done.err!r}")
                shutil.rmtree(folder)
    assert not wrong, "\n".join(wrong)
    assert (victims / "bashrc").read_bytes() == VICTIM


WRITTEN = ("lock file", "activity log", "undo journal")


@pytest.mark.parametrize(
    ("label", "sidecar"),
    [
        *(("add people", s) for s in (*WRITTEN, "today's backup")),
        *(("undo", s) for s in WRITTEN),
        *(("redo", s) for s in WRITTEN),
        *(("demo", s) for s in WRITTEN),  # a new demo has no backup to keep
    ],
)
def test_a_link_at_a_sidecar_a_command_writes_is_refused_naming_it(
    runner: Runner,
    template: Path,
    writers: list[Command],
    victims: Path,
    tmp_path: Path,
    sidecar: str,
    label: str,
) -> None:
    [command] = [c for c in writers if c.label == label]
    folder = copy_project(template, tmp_path / "folder")
    for words in command.prep:
        assert runner.run(command.filled(folder, words), folder).code == 0
    link = plant(folder, SIDECARS[sidecar](command.target(folder).name), victims / "bashrc")
    done = runner.run(command.filled(folder), folder)
    assert done.code == 1 and done.one_line_error, done.err
    assert f"refusing {link}: it is a symbolic link" in done.err
    assert (victims / "bashrc").read_bytes() == VICTIM


def test_a_link_at_state_toml_is_replaced_never_written_through(victims: Path) -> None:
    state = paths.state_file()
    state.parent.mkdir(parents=True)
    state.symlink_to(victims / "bashrc")
    save_state(state, {"theme": "pmtui-16"})
    assert (victims / "bashrc").read_bytes() == VICTIM
    assert not state.is_symlink() and "pmtui-16" in state.read_text()


@pytest.mark.parametrize("planted", ["drafts.json", ".drafts.json.lock"])
def test_a_link_at_the_drafts_file_or_its_lock_is_never_written_through(
    victims: Path, planted: str
) -> None:
    link = drafts.drafts_file().with_name(planted)
    link.parent.mkdir(parents=True)
    link.symlink_to(victims / "bashrc")
    drafts.save_draft(Path("plan.json"), "people", None, {"name": "Chen"})
    assert (victims / "bashrc").read_bytes() == VICTIM
    assert sorted(p.name for p in victims.iterdir()) == ["bashrc"]


def test_a_link_at_the_today_cache_is_never_written_through(
    runner: Runner, template: Path, victims: Path, tmp_path: Path, fault_env: dict[str, str]
) -> None:
    folder = copy_project(template, tmp_path / "today")
    project = folder / "plan.json"
    # The runner's cache folder (its own isolated environment), the file named as pmtui names it.
    cache = paths.cache_dir(fault_env) / "today" / todaycache.cache_file(project).name
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.unlink(missing_ok=True)
    cache.symlink_to(victims / "bashrc")
    for _ in range(2):  # once working it out, once reading the cache
        done = runner.run(["today", str(project)], folder)
        assert done.code == 0, done.err
        assert "Chase the SAP licence quote" in done.out
    assert (victims / "bashrc").read_bytes() == VICTIM
