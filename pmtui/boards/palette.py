"""ctrl+p: every area, board and action the current screen allows, as 'area: Verb object'."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pmtui.boards import registry
from pmtui.boards.keys import PALETTE_TITLES, fill
from pmtui.boards.registry import AREAS, BOARDS


class PaletteEntry(NamedTuple):
    """A palette line: its title, help, what runs, and the action (for tests and dedup)."""

    title: str
    help: str
    callback: Callable[[], object]
    action: str


def _group(node: object) -> str:
    declared = getattr(node, "PALETTE_GROUP", None)  # a widget may name its own group
    if isinstance(declared, str):
        return declared
    name = type(node).__name__
    groups = {
        "PmtuiApp": "app",
        "AreaScreen": "board",
        "RecordTable": "table",
        "ReportPreview": "report",
    }
    return groups.get(name, name.removesuffix("Board").lower() or "board")


def action_entries(provider: Provider) -> list[PaletteEntry]:
    """One entry per enabled binding of the screen the palette serves, then areas and boards."""
    app = provider.app
    entries: list[PaletteEntry] = []
    seen: set[tuple[int, str]] = set()
    active = sorted(
        provider.screen.active_bindings.values(),
        key=lambda item: (item.binding.id or "") not in PALETTE_TITLES,
    )
    go_to_area = {f"switch_area('{a.name}')" for a in AREAS}
    for item in active:
        binding = item.binding
        if not item.enabled or (id(item.node), binding.action) in seen:
            continue
        if binding.action in go_to_area:
            continue  # listed below, once each, with both of its keys
        seen.add((id(item.node), binding.action))
        title = fill(PALETTE_TITLES.get(binding.id or "", ""), item.node) or (
            f"{_group(item.node)}: {binding.description}"
        )
        keys = binding.key_display or binding.key
        callback = partial(app.run_action, binding.action, item.node)
        tooltip = fill(binding.tooltip, item.node)
        entries.append(PaletteEntry(title, f"{keys} · {tooltip}", callback, binding.action))
    for declared in AREAS:
        action = f"switch_area('{declared.name}')"  # one of go_to_area
        entries.append(
            PaletteEntry(
                f"area: Go to {declared.title}",
                f"{declared.number} or alt+{declared.number}",
                partial(app.run_action, action),
                action,
            )
        )
    for spec in BOARDS:
        area_title = registry.area_title(spec.area)
        action = f"open_board('{spec.id}')"
        entries.append(
            PaletteEntry(
                f"board: Open {area_title} › {spec.title}",
                spec.id,
                partial(app.run_action, action),
                action,
            )
        )
    return entries


class PmtuiCommands(Provider):
    """The palette's pmtui commands, built fresh each time from what check_action allows."""

    async def discover(self) -> Hits:
        for title, help_text, callback, _ in action_entries(self):
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, _ in action_entries(self):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
