"""A save is not refused because another session removed the lock file while this one
looked at it (issue 23). Found by tests/faults/test_sessions (a Today `done` against a
`set` of the same action, 1 round in 200): check_sidecars looked twice, exists() then
is_file(), and a lock file removed in between (every session removes it as it closes)
read as "refusing .plan.json.lock: it is not a regular file; remove it". With a process
creating and removing the lock meanwhile, 963 of 48,497 checks were refused that way."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pmtui.store import Store
from pmtui.store.files import ProjectFiles


@pytest.mark.parametrize("looks", [1, 2, 3])
def test_a_lock_file_removed_between_two_looks_is_no_reason_to_refuse_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, looks: int
) -> None:
    """The other session removes the lock just after this one's `looks`-th look at it
    (os.stat or os.lstat, whichever the check uses)."""
    path = tmp_path / "plan.json"
    Store.create(path, {"name": "Race"}, today=date(2026, 12, 7)).close()
    files = ProjectFiles.for_path(path)
    files.lock.write_text("")
    seen = 0

    def vanishing(look: Callable[..., Any]) -> Callable[..., Any]:
        def looking(target: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal seen
            found = look(target, *args, **kwargs)  # raises once it is gone
            if os.fspath(target) == str(files.lock):
                seen += 1
                if seen == looks:
                    os.unlink(files.lock)
            return found

        return looking

    monkeypatch.setattr(os, "stat", vanishing(os.stat))
    monkeypatch.setattr(os, "lstat", vanishing(os.lstat))
    files.check_sidecars()  # was: SaveError "... .plan.json.lock: it is not a regular file"
    monkeypatch.undo()
    assert seen >= 1, "the check looked at the lock file"
