"""ctrl+p: every area, board and action the current screen allows, as 'area: Verb object'."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pmtui.commands import PALETTE_TITLES
from pmtui.screens.registry import AREAS, BOARDS


def action_entries(provider: Provider) -> list[tuple[str, str, Callable[[], object]]]:
    """(title, help, callback) for each enabled binding of the screen the palette serves."""
    app = provider.app
    entries: list[tuple[str, str, Callable[[], object]]] = []
    seen: set[str] = set()
    for _key, active in provider.screen.active_bindings.items():
        binding = active.binding
        if not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        title = PALETTE_TITLES.get(binding.id or "")
        if title is None:
            group = type(active.node).__name__.replace("Record", "").lower()
            title = f"{group}: {binding.description}"
        keys = binding.key_display or binding.key
        callback = partial(app.run_action, binding.action, active.node)
        entries.append((title, f"{keys} · {binding.tooltip}", callback))
    for number, (mode, area_title) in AREAS.items():
        entries.append(
            (
                f"area: Go to {area_title}",
                f"{number} or alt+{number}",
                partial(app.run_action, f"switch_area('{mode}')"),
            )
        )
    for spec in BOARDS:
        area_title = dict(AREAS.values())[spec.area]
        entries.append(
            (
                f"board: Open {area_title} › {spec.title}",
                spec.id,
                partial(app.run_action, f"open_board('{spec.id}')"),
            )
        )
    return entries


class PmtuiCommands(Provider):
    """The palette's pmtui commands, built fresh each time from what check_action allows."""

    async def discover(self) -> Hits:
        for title, help_text, callback in action_entries(self):
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in action_entries(self):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
