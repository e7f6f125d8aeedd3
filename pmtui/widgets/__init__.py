"""pmtui.widgets: reusable widgets shared by the boards."""

from pmtui.widgets.columns import Column, sort_key
from pmtui.widgets.record_table import RecordTable

__all__ = ["Column", "RecordTable", "sort_key"]
