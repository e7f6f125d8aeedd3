"""pmtui.cli."""
