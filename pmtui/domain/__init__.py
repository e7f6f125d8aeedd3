"""pmtui.domain."""
