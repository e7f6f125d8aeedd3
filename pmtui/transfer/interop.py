"""Which plan reader a file needs, and the import of a plan file as one call."""

from __future__ import annotations

from pathlib import Path

from pmtui.store import Store
from pmtui.transfer.plans import PlanFile, PlanImport, apply_plan
from pmtui.transfer.reading import ImportProblem
from pmtui.transfer.xmlsafe import read_xml

#: File suffixes read as plans of other tools.
PLAN_SUFFIXES = (".gan", ".xml")


def plan_kind(path: Path) -> str | None:
    """'plan' for a file that a plan reader takes (by its suffix), else None."""
    return "plan" if path.suffix.lower() in PLAN_SUFFIXES else None


def read_plan(path: Path) -> PlanFile:
    """Read a GanttProject or MS Project XML file, whichever it is (by its root element)."""
    from pmtui.transfer import gantt, mspdi

    doc = read_xml(path)
    if gantt.is_gantt(doc):
        return gantt.GanttReader(doc, path.name).read()
    if mspdi.is_mspdi(doc):
        return mspdi.MSPDIReader(doc, path.name).read()
    raise ImportProblem(
        path.name,
        f"is XML but neither a GanttProject plan (<project>) nor MS Project XML "
        f'(<Project xmlns="{mspdi.NAMESPACE}">); its root is <{doc.root.tag}>',
    )


def import_plan(store: Store, path: Path, *, replace: bool = False) -> PlanImport:
    """Read a plan file and bring it in as one change, or change nothing."""
    return apply_plan(store, read_plan(path), replace=replace)
