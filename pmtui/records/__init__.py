"""Every record type of pmtui, declared once; importing this package fills the registry.

A later area adds its tables by writing one module here and one import line below.
"""

from pmtui.records import people, plan, project, resourcing, staffing, vendors

__all__ = ["people", "plan", "project", "resourcing", "staffing", "vendors"]
