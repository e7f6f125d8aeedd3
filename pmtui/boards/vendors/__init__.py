"""The Vendors area's boards."""
