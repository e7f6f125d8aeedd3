"""pmtui.screens."""
