"""The Plan area's boards."""
