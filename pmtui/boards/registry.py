"""The areas and their boards as the app shows them, derived from pmtui.areas."""

from __future__ import annotations

from pmtui.areas import AREAS, Area, BoardSpec, area

#: Every board of every area, in area then tab order.
BOARDS: list[BoardSpec] = [spec for declared in AREAS for spec in declared.boards]


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
