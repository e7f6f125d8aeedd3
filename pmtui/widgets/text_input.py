"""The one text input of pmtui: Textual's Input, not blinking when headless (tests, snapshots)."""

from __future__ import annotations

from textual.widgets import Input


class TextInput(Input):
    """An Input whose cursor stays still in headless runs, so screenshots are deterministic."""

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.cursor_blink = False
