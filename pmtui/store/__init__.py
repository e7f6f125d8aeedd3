"""pmtui.store."""
