"""Every record type of pmtui, declared once, one module per area (or part of one).

pmtui.tables imports the modules each area in pmtui.areas names; this package imports none
of them itself, so a new table is its module plus one name in its area's declaration.
"""
