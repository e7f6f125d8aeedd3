"""A component's colour laid over a cell's own style, as the theme means it."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def tone(widget: Widget, component: str) -> Style:
    """The component's colour and text style to add to a cell's style (its background
    kept). A colour with alpha (`$text-muted` is "auto 60%") is blended over the widget's
    background, as Textual does for a whole style: its partial style drops the alpha, which
    drew muted text pure white, brighter than the text it should sit behind."""
    partial = widget.get_component_rich_style(component, partial=True)
    if partial.color is None:
        return partial
    return partial + Style(color=widget.get_component_rich_style(component).color)
