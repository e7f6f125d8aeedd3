"""pmtui.reports."""
