"""The Comms area: stakeholders, the communication plan, needs and surveys."""
