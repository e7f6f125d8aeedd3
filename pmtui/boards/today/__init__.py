"""The Today area: the daily check-in (Today) and the action items (Actions)."""
