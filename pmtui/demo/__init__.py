"""pmtui.demo."""
