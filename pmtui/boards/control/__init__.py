"""The Control area's boards: risks with a heat map, issues, RAID, changes, decisions."""
