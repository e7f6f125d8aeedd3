"""Ui tests."""
