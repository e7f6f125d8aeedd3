"""A hang-up whose exit Python swallows still ends the command, quietly (issue 23).

Found by tests/faults: a SIGHUP landing while the import system ran its module-lock
callback (a weakref callback, during a lazy import) raised the handler's SystemExit where
Python cannot raise; it printed "Exception ignored in: <function _get_module_lock.<locals>
.cb> ... SystemExit: 129" and the command went on to exit 0. Here a weakref callback of our
own is where the signal lands, every time.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from pmtui.store import Store

# Installs the CLI's handlers, lets a hang-up land inside a weakref callback, then runs
# `pmtui ARGV` as the `pmtui` script does.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, weakref
    from pmtui.cli.main import main
    from pmtui.store import exit_on_signals

    exit_on_signals()

    class Held:
        pass

    def callback(ref):
        os.kill(os.getpid(), signal.SIGHUP)
        sum(range(3))  # the handler runs here, inside the callback

    held = Held()
    ref = weakref.ref(held, callback)
    del held  # the callback runs, the signal with it
    raise SystemExit(main(sys.argv[1:]))
    """
)


def run(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "swallowed.py"
    script.write_text(SCRIPT)
    return subprocess.run(
        [sys.executable, str(script), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def project(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    store = Store.create(path, {"name": "Hang-up"}, today=date(2026, 12, 7))
    store.add("people", {"name": "Ana Silva"})
    store.close()
    return path


def test_a_swallowed_hang_up_ends_a_writing_command_before_its_save_without_a_traceback(
    tmp_path: Path,
) -> None:
    path = project(tmp_path)
    before = path.read_bytes()
    done = run(tmp_path, "add", str(path), "people", "name=After the hang-up")
    assert done.returncode == 128 + signal.SIGHUP, done
    assert done.stderr == "", "no 'Exception ignored', no traceback"
    assert path.read_bytes() == before, "the save it had not begun never happens"
    assert not (tmp_path / ".plan.json.lock").exists()


def test_a_swallowed_hang_up_ends_a_reading_command_with_the_hang_ups_exit_code(
    tmp_path: Path,
) -> None:
    path = project(tmp_path)
    shown = run(tmp_path, "show", str(path), "people", "--json")
    assert shown.returncode == 128 + signal.SIGHUP, shown
    assert shown.stderr == ""
    assert [r["name"] for r in json.loads(shown.stdout)["people"]] == ["Ana Silva"], "all of it"
