"""pmtui.widgets."""
