"""pmtui.widgets: reusable widgets shared by the boards."""

from pmtui.widgets.record_table import Column, RecordTable

__all__ = ["Column", "RecordTable"]
