"""Read models and rules across records: plain data in, plain data out, no Textual, no store.

They read through the context the store hands out (pmtui.context.Context), which builds each
read model once per revision of the file.
"""
