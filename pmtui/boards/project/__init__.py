"""The Project area's boards."""
