"""The Reports area: the status report's preview, summary, issue and write; the history."""
