"""The Comms area's boards: meetings and their occurrences."""
