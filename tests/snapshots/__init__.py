"""Snapshots tests."""
