"""Helpers for driving the app in tests: an isolated environment, typing, reading the screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from pmtui.app import PmtuiApp
from pmtui.config import Config
from pmtui.store import Store
from pmtui.widgets.record_table import RecordTable
from tests.environment import TODAY, isolated_env

__all__ = ["TODAY", "isolated_env"]


def make_app(
    store: Store,
    env: dict[str, str],
    config: Config | None = None,
    *,
    start_area: str | None = "project",
    pinned: bool = False,
    save_in_worker: bool = False,
) -> PmtuiApp:
    """The app on `store`, with the fixed theme and no user config. It opens on the project
    settings (the area tests start from, whatever the app's default becomes; None for the
    default); `pinned` draws every area on the bar as if it had boards, so a new area's
    boards change no snapshot."""
    return PmtuiApp(
        store,
        config or Config(),
        env=env,
        start_area=start_area,
        dim_empty_areas=not pinned,
        save_in_worker=save_in_worker,
    )


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key, as a person does."""
    await pilot.press(*["space" if c == " " else c for c in text])


def table_text(app: PmtuiApp, selector: str = "RecordTable") -> str:
    """Every line of the (first) record table on show, as drawn."""
    table = app.screen.query(selector).first(RecordTable)
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


def reopened(store: Store) -> Store:
    """The project as another session reads it from disk."""
    return Store.open(store.path, today=TODAY)


def demo_store(folder: Path) -> Store:
    """The demo project (every area's records), built for TODAY in `folder`."""
    from pmtui.demo import build_demo, demo_project

    path = folder / "demo.json"
    Store.create(path, demo_project(TODAY), today=TODAY).close()
    store = Store.open(path, today=TODAY)
    build_demo(store)
    return store
