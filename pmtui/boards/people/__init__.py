"""The People area's boards."""
