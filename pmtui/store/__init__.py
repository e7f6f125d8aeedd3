"""The project store: the only package that imports TinyDB."""

from pmtui.store.atomic import exit_on_signals
from pmtui.store.changes import Change, ChangeSet
from pmtui.store.errors import (
    ConflictError,
    InUse,
    NotFound,
    ProjectError,
    RecordInvalid,
    SaveError,
    StoreError,
)
from pmtui.store.store import Store

__all__ = [
    "Change",
    "ChangeSet",
    "ConflictError",
    "InUse",
    "NotFound",
    "ProjectError",
    "RecordInvalid",
    "SaveError",
    "Store",
    "StoreError",
    "exit_on_signals",
]
