"""A report or export killed (kill -9) while writing its file leaves a temp beside it; the
next write of that file removes it, and only the temps of writers that no longer run
(found by tests/faults: `report --issue -o s.md` killed in its write left `.s.md.*.tmp`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pmtui.transfer import write_export


def a_dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_writing_a_report_again_removes_what_a_killed_writer_of_it_left_and_nothing_else(
    tmp_path: Path,
) -> None:
    dead = tmp_path / f".s.md.{a_dead_pid()}.k2j4x8qa.tmp"
    running = tmp_path / f".s.md.{os.getpid()}.p0q9w8e7.tmp"  # a writer at work now
    other_form = tmp_path / ".s.md.abc123.tmp"  # not ours to judge
    other_file = tmp_path / f".t.md.{a_dead_pid()}.k2j4x8qa.tmp"
    for temp in (dead, running, other_form, other_file):
        temp.write_text("half a report")
    write_export(tmp_path / "s.md", "# Status\n", private=False)
    assert (tmp_path / "s.md").read_text() == "# Status\n"
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert left == sorted(p.name for p in (running, other_form, other_file))
