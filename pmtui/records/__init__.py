"""pmtui.records."""
