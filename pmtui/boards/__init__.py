"""Boards: the board base, the generic table board, the area screen, the registry of areas
and boards, the shared key declarations and the palette provider; one sub-package per area.

Nothing here is imported by the package itself, so `import pmtui.boards.plan.wbs` loads only
what that board needs (start-up time).
"""
