"""The project store: the only package that imports TinyDB."""

from pmtui.store.changes import Change, ChangeSet
from pmtui.store.errors import (
    ConflictError,
    FirstChange,
    InUse,
    NotFound,
    ProjectError,
    RecordInvalid,
    SaveError,
    StoreError,
    UndoRefused,
)
from pmtui.store.signals import exit_on_signals, hung_up_code
from pmtui.store.store import Store

__all__ = [
    "Change",
    "ChangeSet",
    "ConflictError",
    "FirstChange",
    "InUse",
    "NotFound",
    "ProjectError",
    "RecordInvalid",
    "SaveError",
    "Store",
    "StoreError",
    "UndoRefused",
    "exit_on_signals",
    "hung_up_code",
]
