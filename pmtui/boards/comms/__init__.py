"""The Comms area's boards: meetings and their occurrences, stakeholders, the communication
plan, needs and surveys."""
