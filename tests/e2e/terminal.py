"""A real terminal for the end-to-end tests: the installed `pmtui` in a tmux session of its
own (a unique server socket), driven with send-keys and read with capture-pane."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

TMUX = shutil.which("tmux")
_SGR = re.compile(r"\x1b\[([\d;]*)m")
#: The greys of the 256-colour palette: the cube's diagonal and the grey ramp.
_GREYS = {16, 59, 102, 145, 188, 231, *range(232, 256)}


def hues(styled: str) -> set[str]:
    """The colours of `styled` (capture-pane -e text) that are not a grey, as SGR codes."""
    found: set[str] = set()
    for match in _SGR.finditer(styled):
        codes = [int(c) for c in match.group(1).split(";") if c]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and codes[i + 1 : i + 2] == [5]:
                if codes[i + 2] not in _GREYS:
                    found.add(f"{code};5;{codes[i + 2]}")
                i += 3
            elif code in (38, 48) and codes[i + 1 : i + 2] == [2]:
                red, green, blue = codes[i + 2 : i + 5]
                if not red == green == blue:
                    found.add(f"{code};2;{red};{green};{blue}")
                i += 5
            else:
                if code in (*range(31, 37), *range(41, 47), *range(91, 97), *range(101, 107)):
                    found.add(str(code))
                i += 1
    return found


class Terminal:
    """`command` running in a COLSxROWS tmux window; every wait polls the screen."""

    def __init__(
        self,
        command: Sequence[str],
        env: Mapping[str, str],
        cwd: Path,
        cols: int = 80,
        rows: int = 24,
    ) -> None:
        assert TMUX is not None
        self.socket = f"pmtui-e2e-{uuid.uuid4().hex[:12]}"
        # tmux sets TERM to its own; the command sets what the test asks for.
        shown = {k: env[k] for k in ("TERM", "NO_COLOR", "COLORTERM") if k in env}
        line = shlex.join(["env", *(f"{k}={v}" for k, v in shown.items()), *command])
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows),
            "-s", "e2e", "-c", str(cwd), line, ";", "set-option", "-g", "remain-on-exit", "on",
            env=env,
        )  # fmt: skip

    def _tmux(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=dict(env) if env is not None else None,
            timeout=30,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        """The window's text now, line by line."""
        return self._tmux("capture-pane", "-p", "-t", "e2e")

    def styled(self) -> str:
        """The window's text now with its colour and attribute codes (SGR)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "e2e")

    def wait_for(self, pattern: str, timeout: float = 20.0, gone: bool = False) -> str:
        """The screen once `pattern` (a regex) is on it (with `gone`: off it)."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if bool(regex.search(text)) != gone:
                return text
            if time.monotonic() > deadline:
                verb = "never left" if gone else "never showed"
                raise AssertionError(f"{pattern!r} {verb} the screen:\n{text}")
            time.sleep(0.05)

    def settle(self, quiet: float = 0.3, timeout: float = 20.0) -> str:
        """The screen once it stayed the same for `quiet` seconds (as a person waits for
        a board to be drawn before typing)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
        return last

    def exit_status(self, timeout: float = 30.0) -> int:
        """The program's exit status once it has ended (the pane stays, remain-on-exit)."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self._tmux(
                "display-message", "-p", "-t", "e2e", "#{pane_dead} #{pane_dead_status}"
            ).split()
            if shown[:1] == ["1"]:
                return int(shown[1]) if len(shown) > 1 else 0
            if time.monotonic() > deadline:
                raise AssertionError(f"the program never ended:\n{self.screen()}")
            time.sleep(0.05)

    def press(self, *keys: str) -> None:
        """Keys by tmux's names (Down, Escape, C-s, ...), one after the other."""
        self._tmux("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        """Text as typed, character by character."""
        self._tmux("send-keys", "-t", "e2e", "-l", text)

    def close(self) -> None:
        """End the session's tmux server and remove its socket (kill-server leaves it)."""
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self._tmux("kill-server")
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)
