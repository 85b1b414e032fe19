"""The argument map model: records, the map, reversible operations, events and history."""

from mapping.model.argument_map import ArgumentMap
from mapping.model.events import EVENT_NAMES, MapEvent
from mapping.model.history import History
from mapping.model.operations import (
    AddDocument,
    AddEdge,
    AddNode,
    ChangeDocument,
    ChangeEdge,
    ChangeNode,
    Compound,
    Operation,
    RemoveDocument,
    RemoveEdge,
    RemoveNode,
    SetMapSetting,
    SetTitle,
    describe,
    move_nodes,
)
from mapping.model.records import (
    NODE_KINDS,
    ORIGINS,
    RELATIONS,
    Document,
    Edge,
    Node,
    SourceSpan,
    text_sha256,
)

__all__ = [
    "EVENT_NAMES",
    "NODE_KINDS",
    "ORIGINS",
    "RELATIONS",
    "AddDocument",
    "AddEdge",
    "AddNode",
    "ArgumentMap",
    "ChangeDocument",
    "ChangeEdge",
    "ChangeNode",
    "Compound",
    "Document",
    "Edge",
    "History",
    "MapEvent",
    "Node",
    "Operation",
    "RemoveDocument",
    "RemoveEdge",
    "RemoveNode",
    "SetMapSetting",
    "SetTitle",
    "SourceSpan",
    "describe",
    "move_nodes",
    "text_sha256",
]
