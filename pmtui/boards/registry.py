"""The areas and their boards as the app shows them, derived from pmtui.areas.

AREAS and BOARDS are live views of the declaration (read each time they are iterated), so
every reader sees the same areas, also when a test declares a throwaway one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from pmtui import areas
from pmtui.areas import Area, BoardSpec


class _Areas(Sequence[Area]):
    """Every area, in digit order."""

    @overload
    def __getitem__(self, index: int) -> Area: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Area]: ...

    def __getitem__(self, index: int | slice) -> Area | Sequence[Area]:
        return areas.AREAS[index]

    def __len__(self) -> int:
        return len(areas.AREAS)


class _Boards(Sequence[BoardSpec]):
    """Every board of every area, in area then tab order."""

    @overload
    def __getitem__(self, index: int) -> BoardSpec: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[BoardSpec]: ...

    def __getitem__(self, index: int | slice) -> BoardSpec | Sequence[BoardSpec]:
        return [spec for declared in areas.AREAS for spec in declared.boards][index]

    def __len__(self) -> int:
        return sum(len(declared.boards) for declared in areas.AREAS)


AREAS: Sequence[Area] = _Areas()
BOARDS: Sequence[BoardSpec] = _Boards()


def area(name: str) -> Area:
    """The area called `name`; KeyError naming the areas."""
    return areas.area(name)


def boards_of(area_name: str) -> list[BoardSpec]:
    """The boards of an area, in tab order."""
    return list(area(area_name).boards)


def board_by_id(board_id: str) -> BoardSpec | None:
    """The board with id 'area.name', if any."""
    return next((b for b in BOARDS if b.id == board_id), None)


def area_title(area_name: str) -> str:
    """The title of an area ('Plan')."""
    return area(area_name).title


__all__ = ["AREAS", "BOARDS", "Area", "BoardSpec", "area", "area_title", "board_by_id", "boards_of"]
