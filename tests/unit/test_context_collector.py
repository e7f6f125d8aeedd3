"""Read models are built with the cycle collector paused (pmtui.context.collector_paused):
off inside, nested or not, and as it was before once the last pause ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest

from pmtui.context import Context, Record, collector_paused


class _Empty:
    def get(self, table: str, key: str) -> Record | None:
        return None

    def records(self, table: str) -> list[Record]:
        return []


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_paused_inside_and_on_again_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was_on = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()


def test_a_read_model_is_built_with_the_collector_paused(collector_on: None) -> None:
    context = Context(_Empty(), date(2026, 12, 7))
    seen = context.model("probe", lambda ctx: gc.isenabled())
    assert seen is False
    assert gc.isenabled()


def test_a_failed_build_still_resumes_the_collector(collector_on: None) -> None:
    context = Context(_Empty(), date(2026, 12, 7))

    def fail(ctx: Context) -> int:
        raise ValueError("no plan")

    with pytest.raises(ValueError):
        context.model("broken", fail)
    assert gc.isenabled()
