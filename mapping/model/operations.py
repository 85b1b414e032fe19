"""Reversible changes to an argument map.

Each operation validates before it touches the map, remembers what it replaced, and can be
reverted exactly. The command line and scripts execute them directly; the Qt editor wraps each in
a QUndoCommand; :class:`mapping.model.history.History` keeps an undo history without Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from mapping.errors import ModelError
from mapping.model.argument_map import _DELETE, ArgumentMap
from mapping.model.records import Document, Edge, Node, updated

_KIND_NAMES = {"position": "Position", "claim": "Claim", "question": "Question", "note": "Note"}
_RELATION_NAMES = {"support": "Support", "attack": "Attack", "rephrase": "Rephrase"}


def describe(verb: str, nodes: Iterable[Node]) -> str:
    """A menu-ready step name such as ``Move 3 Claims`` or ``Delete 2 Items``."""
    kinds = Counter(node.kind for node in nodes)
    total = sum(kinds.values())
    if len(kinds) == 1:
        (kind,) = kinds
        noun = _KIND_NAMES.get(kind, "Node")
    else:
        noun = "Item"
    if total == 1:
        return f"{verb} {noun}"
    return f"{verb} {total} {noun}s"


class Operation:
    """A change that can be applied and reverted; ``description`` names it in an Undo menu."""

    description = "Change"

    def apply(self, argument_map: ArgumentMap) -> None:
        raise NotImplementedError

    def revert(self, argument_map: ArgumentMap) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description!r}>"


class Compound(Operation):
    """Several operations as one step: all of them apply, or none does."""

    def __init__(self, children: Sequence[Operation], description: str = "Change") -> None:
        self.children = list(children)
        self.description = description

    def apply(self, argument_map: ArgumentMap) -> None:
        done: list[Operation] = []
        try:
            for child in self.children:
                child.apply(argument_map)
                done.append(child)
        except Exception:
            for child in reversed(done):
                child.revert(argument_map)
            raise

    def revert(self, argument_map: ArgumentMap) -> None:
        for child in reversed(self.children):
            child.revert(argument_map)


class AddNode(Operation):
    def __init__(self, node: Node, index: int | None = None) -> None:
        self.node = node
        self.index = index
        self.description = describe("Add", [node])

    def apply(self, argument_map: ArgumentMap) -> None:
        argument_map.check_node(self.node)
        argument_map._insert_node(self.node, self.index)

    def revert(self, argument_map: ArgumentMap) -> None:
        argument_map._delete_node(self.node.id)


class _DetachNode(Operation):
    """Removes a node that has no edges left, remembering where it stood."""

    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.node: Node | None = None
        self.index: int | None = None

    def apply(self, argument_map: ArgumentMap) -> None:
        self.node = argument_map.node(self.node_id)
        self.index = argument_map._delete_node(self.node_id)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.node is not None
        argument_map._insert_node(self.node, self.index)


class RemoveNode(Compound):
    """Removes a node together with every edge that touches it."""

    def __init__(self, node_id: str) -> None:
        super().__init__([], "Delete")
        self.node_id = node_id

    def apply(self, argument_map: ArgumentMap) -> None:
        node = argument_map.node(self.node_id)
        edges = {
            e.id: None for e in argument_map.in_edges(node.id) + argument_map.out_edges(node.id)
        }
        self.children = [RemoveEdge(edge_id) for edge_id in edges] + [_DetachNode(node.id)]
        self.description = describe("Delete", [node])
        super().apply(argument_map)


class ChangeNode(Operation):
    """Sets fields of a node (``ChangeNode("n1", x=10.0, y=5.0)`` moves it)."""

    def __init__(self, node_id: str, **changes: Any) -> None:
        self.node_id = node_id
        self.changes = changes
        self.old: Node | None = None
        self.description = "Move" if set(changes) <= {"x", "y"} else "Edit"

    def apply(self, argument_map: ArgumentMap) -> None:
        old = argument_map.node(self.node_id)
        if "id" in self.changes:
            raise ModelError("a node's id cannot change")
        try:
            new = updated(old, self.changes)
        except TypeError as error:
            raise ModelError(f"node {self.node_id!r}: {error}") from None
        argument_map.check_node(new, replacing=True)
        self.old = old
        self.description = describe("Move" if set(self.changes) <= {"x", "y"} else "Edit", [old])
        argument_map._replace_node(new)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.old is not None
        argument_map._replace_node(self.old)


class AddEdge(Operation):
    def __init__(self, edge: Edge, index: int | None = None) -> None:
        self.edge = edge
        self.index = index
        self.description = f"Add {_RELATION_NAMES.get(edge.relation, 'Relation')}"

    def apply(self, argument_map: ArgumentMap) -> None:
        argument_map.check_edge(self.edge)
        argument_map._insert_edge(self.edge, self.index)

    def revert(self, argument_map: ArgumentMap) -> None:
        argument_map._delete_edge(self.edge.id)


class RemoveEdge(Operation):
    def __init__(self, edge_id: str) -> None:
        self.edge_id = edge_id
        self.edge: Edge | None = None
        self.index: int | None = None
        self.description = "Delete Relation"

    def apply(self, argument_map: ArgumentMap) -> None:
        self.edge = argument_map.edge(self.edge_id)
        self.description = f"Delete {_RELATION_NAMES.get(self.edge.relation, 'Relation')}"
        self.index = argument_map._delete_edge(self.edge_id)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.edge is not None
        argument_map._insert_edge(self.edge, self.index)


class ChangeEdge(Operation):
    """Sets fields of an edge; its ends cannot change (remove and add instead)."""

    def __init__(self, edge_id: str, **changes: Any) -> None:
        self.edge_id = edge_id
        self.changes = changes
        self.old: Edge | None = None
        self.description = "Edit Relation"

    def apply(self, argument_map: ArgumentMap) -> None:
        old = argument_map.edge(self.edge_id)
        if "id" in self.changes:
            raise ModelError("an edge's id cannot change")
        try:
            new = updated(old, self.changes)
        except TypeError as error:
            raise ModelError(f"edge {self.edge_id!r}: {error}") from None
        argument_map.check_edge(new, replacing=True)
        self.old = old
        if set(self.changes) == {"relation"}:
            self.description = f"Make {_RELATION_NAMES.get(new.relation, 'Relation')}"
        argument_map._replace_edge(new)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.old is not None
        argument_map._replace_edge(self.old)


class AddDocument(Operation):
    description = "Add Document"

    def __init__(self, document: Document, index: int | None = None) -> None:
        self.document = document
        self.index = index

    def apply(self, argument_map: ArgumentMap) -> None:
        argument_map.check_document(self.document)
        argument_map._insert_document(self.document, self.index)

    def revert(self, argument_map: ArgumentMap) -> None:
        argument_map._delete_document(self.document.id)


class _DetachDocument(Operation):
    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        self.document: Document | None = None
        self.index: int | None = None

    def apply(self, argument_map: ArgumentMap) -> None:
        self.document = argument_map.document(self.document_id)
        self.index = argument_map._delete_document(self.document_id)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.document is not None
        argument_map._insert_document(self.document, self.index)


class RemoveDocument(Compound):
    """Removes a document; nodes keep their text but lose the spans that pointed into it."""

    def __init__(self, document_id: str) -> None:
        super().__init__([], "Remove Document")
        self.document_id = document_id

    def apply(self, argument_map: ArgumentMap) -> None:
        argument_map.document(self.document_id)
        self.children = [
            ChangeNode(
                node.id,
                sources=tuple(s for s in node.sources if s.document != self.document_id),
            )
            for node in argument_map.nodes_citing(self.document_id)
        ]
        self.children.append(_DetachDocument(self.document_id))
        super().apply(argument_map)


class ChangeDocument(Operation):
    """Sets fields of a document, e.g. embeds its text once the user opens the file."""

    description = "Edit Document"

    def __init__(self, document_id: str, **changes: Any) -> None:
        self.document_id = document_id
        self.changes = changes
        self.old: Document | None = None

    def apply(self, argument_map: ArgumentMap) -> None:
        old = argument_map.document(self.document_id)
        if "id" in self.changes:
            raise ModelError("a document's id cannot change")
        try:
            new = updated(old, self.changes)
        except TypeError as error:
            raise ModelError(f"document {self.document_id!r}: {error}") from None
        argument_map.check_document(new, replacing=True)
        self.old = old
        argument_map._replace_document(new)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.old is not None
        argument_map._replace_document(self.old)


class SetTitle(Operation):
    description = "Rename Map"

    def __init__(self, title: str) -> None:
        self.title = title
        self.old: str | None = None

    def apply(self, argument_map: ArgumentMap) -> None:
        if not isinstance(self.title, str):
            raise ModelError("a map's title must be text")
        self.old = argument_map.title
        argument_map._set_title(self.title)

    def revert(self, argument_map: ArgumentMap) -> None:
        assert self.old is not None
        argument_map._set_title(self.old)


class SetMapSetting(Operation):
    """Stores JSON-ready data at the top level of the map file (``value=None`` removes the key)."""

    def __init__(self, key: str, value: Any, description: str = "Change Settings") -> None:
        self.key = key
        self.value = value
        self.description = description
        self.old: Any = _DELETE

    def apply(self, argument_map: ArgumentMap) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise ModelError("a setting needs a name")
        self.old = argument_map.settings.get(self.key, _DELETE)
        argument_map._set_setting(self.key, _DELETE if self.value is None else self.value)

    def revert(self, argument_map: ArgumentMap) -> None:
        argument_map._set_setting(self.key, self.old)


def move_nodes(
    positions: dict[str, tuple[float, float]], description: str | None = None
) -> Compound:
    """One undoable step that puts several nodes at new places (a drag, a layout)."""
    children = [
        ChangeNode(node_id, x=float(x), y=float(y)) for node_id, (x, y) in positions.items()
    ]
    return Compound(children, description or f"Move {len(children)} Items")
