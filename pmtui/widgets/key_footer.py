"""The footer: the keys of the focused board, one line, the palette key on the right."""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyFooter(Widget):
    """The screen's shown bindings drawn as one line of text, the way `Footer(compact=True)` looks.

    Textual's Footer mounts a widget per key and restyles each one as it mounts: about
    40 ms of the first frame for a board's seven keys, and it shows nothing until the
    bindings settle. One line of text is drawn with the first frame and costs next to
    nothing (BENCHMARKS.md, first frame). Keys are for the keyboard: nothing here is
    clickable.
    """

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    #: The text and styles last drawn: a bindings update that changes neither (a cursor
    #: move refreshes the bindings) redraws nothing, sparing a line of output per key.
    _drawn: object = None

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self._drawn != _looks(self.line()):
            self.refresh()

    def render(self) -> Content:
        line = self.line()
        self._drawn = _looks(line)
        keys, palette = line
        width = self.size.width
        if palette.cell_length and width:
            room = max(0, width - palette.cell_length)
            keys = keys.truncate(room).pad_right(room - min(room, keys.cell_length))
        return Content.assemble(keys, palette)

    def line(self) -> tuple[Content, Content]:
        """The shown keys (one per action, in binding order) and the palette key."""
        app = self.app
        seen: set[str] = set()
        parts: list[Content | tuple[str, str] | str] = []
        active = self.screen.active_bindings
        palette = Content("")
        shown = active.get(app.COMMAND_PALETTE_BINDING)
        if shown is not None and app.ENABLE_COMMAND_PALETTE:
            palette = Content.assemble(
                ("▏", "$foreground 20%"),
                (app.get_key_display(shown.binding), "bold $footer-key-foreground"),
                " ",
                (f"{shown.binding.description} ", "$footer-description-foreground"),
            )
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if key == app.COMMAND_PALETTE_BINDING or not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            dim = "" if enabled else " dim"
            parts.append((app.get_key_display(binding), f"bold $footer-key-foreground{dim}"))
            parts.append((f" {binding.description} ", f"$footer-description-foreground{dim}"))
        return Content.assemble(*parts), palette


def _looks(line: tuple[Content, ...]) -> list[tuple[str, list[object]]]:
    """What a line looks like: its text and styles (Content compares text only)."""
    return [(part.plain, list(part.spans)) for part in line]
