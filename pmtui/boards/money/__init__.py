"""The Money area's boards."""
