"""The argument map: documents, nodes and edges, with the invariants every map keeps.

Changes go through operations (:mod:`mapping.model.operations`), which validate first and then call
the private primitives here, so a failed change leaves the map exactly as it was. networkx is
imported only when something asks for :attr:`ArgumentMap.graph`, because it costs a noticeable part
of the application's start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from mapping.errors import ModelError
from mapping.model.events import EventSource, Listener, MapEvent
from mapping.model.records import Document, Edge, Node, check_edge, check_node

if TYPE_CHECKING:
    import networkx as nx

    from mapping.model.operations import Operation


def _insert_at(table: dict[str, Any], key: str, value: Any, index: int | None) -> None:
    """Put ``key`` at ``index`` so that undoing a removal restores the original order."""
    if index is None or index >= len(table):
        table[key] = value
        return
    items = list(table.items())
    items.insert(index, (key, value))
    table.clear()
    table.update(items)


def _index_of(table: dict[str, Any], key: str) -> int:
    for position, candidate in enumerate(table):
        if candidate == key:
            return position
    raise KeyError(key)


class ArgumentMap:
    """Documents, nodes and edges of one debate, with events for every change."""

    def __init__(self, title: str = "") -> None:
        self._title = title
        self._documents: dict[str, Document] = {}
        self._nodes: dict[str, Node] = {}
        self._edges: dict[str, Edge] = {}
        self._out: dict[str, dict[str, None]] = {}
        self._in: dict[str, dict[str, None]] = {}
        self._settings: dict[str, Any] = {}
        self._graph: nx.MultiDiGraph | None = None
        self._counters: dict[str, int] = {}
        self._events = EventSource()

    # ----------------------------------------------------------------- reading
    @property
    def title(self) -> str:
        return self._title

    @property
    def nodes(self) -> Mapping[str, Node]:
        return MappingProxyType(self._nodes)

    @property
    def edges(self) -> Mapping[str, Edge]:
        return MappingProxyType(self._edges)

    @property
    def documents(self) -> Mapping[str, Document]:
        return MappingProxyType(self._documents)

    @property
    def settings(self) -> Mapping[str, Any]:
        """Extra top-level file data (presentation steps, layout choices); change via SetMapSetting."""
        return MappingProxyType(self._settings)

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise ModelError(f"there is no node {node_id!r}") from None

    def edge(self, edge_id: str) -> Edge:
        try:
            return self._edges[edge_id]
        except KeyError:
            raise ModelError(f"there is no edge {edge_id!r}") from None

    def document(self, document_id: str) -> Document:
        try:
            return self._documents[document_id]
        except KeyError:
            raise ModelError(f"there is no document {document_id!r}") from None

    def out_edges(self, node_id: str) -> list[Edge]:
        """Edges that start at ``node_id`` (what it supports or attacks)."""
        return [self._edges[e] for e in self._out.get(node_id, ())]

    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges that end at ``node_id`` (its supporters and attackers)."""
        return [self._edges[e] for e in self._in.get(node_id, ())]

    def nodes_citing(self, document_id: str) -> list[Node]:
        """Nodes with at least one source span in ``document_id``."""
        return [
            n for n in self._nodes.values() if any(s.document == document_id for s in n.sources)
        ]

    def has_id(self, item_id: str) -> bool:
        return item_id in self._nodes or item_id in self._edges

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The map as a networkx multigraph (edge keys are edge ids); read it, never change it."""
        if self._graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            for node in self._nodes.values():
                graph.add_node(node.id, kind=node.kind)
            for edge in self._edges.values():
                graph.add_edge(edge.source, edge.target, key=edge.id, relation=edge.relation)
            self._graph = graph
        return self._graph

    def new_id(self, prefix: str = "n") -> str:
        """An id no node or edge has yet, such as ``n12``."""
        count = self._counters.get(prefix, 0)
        while True:
            count += 1
            candidate = f"{prefix}{count}"
            if not self.has_id(candidate) and candidate not in self._documents:
                self._counters[prefix] = count
                return candidate

    def __len__(self) -> int:
        return len(self._nodes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self._title == other._title
            and self._documents == other._documents
            and self._nodes == other._nodes
            and self._edges == other._edges
            and self._settings == other._settings
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<ArgumentMap {self._title!r}: {len(self._documents)} documents, "
            f"{len(self._nodes)} nodes, {len(self._edges)} edges>"
        )

    # ------------------------------------------------------------------ events
    def subscribe(
        self, callback: Listener, names: Iterable[str] | None = None
    ) -> Callable[[], None]:
        """Follow the map's changes; see :data:`mapping.model.events.EVENT_NAMES`."""
        return self._events.subscribe(callback, names)

    # -------------------------------------------------------------- operations
    def execute(self, operation: Operation) -> Operation:
        """Apply ``operation`` (all or nothing) and return it, e.g. for a history."""
        operation.apply(self)
        return operation

    def add_node(self, id: str | None = None, **fields: Any) -> Node:
        from mapping.model.operations import AddNode

        node = Node(id=id or self.new_id("n"), **fields)
        self.execute(AddNode(node))
        return node

    def add_edge(self, source: str, target: str, relation: str = "support", **fields: Any) -> Edge:
        from mapping.model.operations import AddEdge

        edge_id = fields.pop("id", None) or self.new_id("e")
        edge = Edge(id=edge_id, source=source, target=target, relation=relation, **fields)
        self.execute(AddEdge(edge))
        return edge

    def add_document(self, document: Document) -> Document:
        from mapping.model.operations import AddDocument

        self.execute(AddDocument(document))
        return document

    def remove_node(self, node_id: str) -> None:
        from mapping.model.operations import RemoveNode

        self.execute(RemoveNode(node_id))

    def remove_edge(self, edge_id: str) -> None:
        from mapping.model.operations import RemoveEdge

        self.execute(RemoveEdge(edge_id))

    def change_node(self, node_id: str, **changes: Any) -> Node:
        from mapping.model.operations import ChangeNode

        self.execute(ChangeNode(node_id, **changes))
        return self._nodes[node_id]

    def change_edge(self, edge_id: str, **changes: Any) -> Edge:
        from mapping.model.operations import ChangeEdge

        self.execute(ChangeEdge(edge_id, **changes))
        return self._edges[edge_id]

    # -------------------------------------------------------------- validation
    def check_node(self, node: Node, *, replacing: bool = False) -> None:
        """Raise ModelError if ``node`` cannot be added (or replace its namesake)."""
        try:
            check_node(node)
        except ValueError as error:
            raise ModelError(str(error)) from None
        if replacing:
            if node.id not in self._nodes:
                raise ModelError(f"there is no node {node.id!r}")
        elif self.has_id(node.id):
            raise ModelError(f"id {node.id!r} is already used by another node or edge")
        for span in node.sources:
            self.check_span(span, owner=f"node {node.id!r}")

    def check_span(self, span: Any, owner: str = "span") -> None:
        document = self._documents.get(span.document)
        if document is None:
            raise ModelError(f"{owner}: source document {span.document!r} is not in the map")
        if document.text is not None and span.end > len(document.text):
            raise ModelError(
                f"{owner}: span end {span.end} is past the end of document {span.document!r} "
                f"({len(document.text):,} characters)"
            )

    def check_edge(self, edge: Edge, *, replacing: bool = False) -> None:
        """Raise ModelError if ``edge`` cannot be added (or replace its namesake)."""
        try:
            check_edge(edge)
        except ValueError as error:
            raise ModelError(str(error)) from None
        if replacing:
            old = self._edges.get(edge.id)
            if old is None:
                raise ModelError(f"there is no edge {edge.id!r}")
            if (old.source, old.target) != (edge.source, edge.target):
                raise ModelError(f"edge {edge.id!r}: reconnecting an edge means removing it first")
        elif self.has_id(edge.id):
            raise ModelError(f"id {edge.id!r} is already used by another node or edge")
        for end in (edge.source, edge.target):
            if end not in self._nodes:
                raise ModelError(f"edge {edge.id!r}: node {end!r} does not exist")

    def check_document(self, document: Document, *, replacing: bool = False) -> None:
        if not isinstance(document.id, str) or not document.id:
            raise ModelError("a document needs a non-empty string id")
        if document.text is not None and not isinstance(document.text, str):
            raise ModelError(f"document {document.id!r}: text must be a string")
        if replacing:
            if document.id not in self._documents:
                raise ModelError(f"there is no document {document.id!r}")
            if document.text is not None:
                for node in self.nodes_citing(document.id):
                    for span in node.sources:
                        if span.document == document.id and span.end > len(document.text):
                            raise ModelError(
                                f"document {document.id!r}: node {node.id!r} cites characters "
                                f"up to {span.end}, past the new text's end ({len(document.text):,})"
                            )
        elif document.id in self._documents:
            raise ModelError(f"document id {document.id!r} is already used")

    # -------------------------------------------------------------- primitives
    # Called only by operations, after validation; each emits exactly one event.
    def _insert_node(self, node: Node, index: int | None = None) -> None:
        _insert_at(self._nodes, node.id, node, index)
        self._out.setdefault(node.id, {})
        self._in.setdefault(node.id, {})
        if self._graph is not None:
            self._graph.add_node(node.id, kind=node.kind)
        self._events.emit(MapEvent("node_added", node.id, None, node))

    def _delete_node(self, node_id: str) -> int:
        if self._out.get(node_id) or self._in.get(node_id):
            raise ModelError(f"node {node_id!r} still has edges")
        index = _index_of(self._nodes, node_id)
        node = self._nodes.pop(node_id)
        self._out.pop(node_id, None)
        self._in.pop(node_id, None)
        if self._graph is not None:
            self._graph.remove_node(node_id)
        self._events.emit(MapEvent("node_removed", node_id, node, None))
        return index

    def _replace_node(self, node: Node) -> None:
        old = self._nodes[node.id]
        self._nodes[node.id] = node
        if self._graph is not None and old.kind != node.kind:
            self._graph.nodes[node.id]["kind"] = node.kind
        self._events.emit(MapEvent("node_changed", node.id, old, node))

    def _insert_edge(self, edge: Edge, index: int | None = None) -> None:
        _insert_at(self._edges, edge.id, edge, index)
        self._out[edge.source][edge.id] = None
        self._in[edge.target][edge.id] = None
        if self._graph is not None:
            self._graph.add_edge(edge.source, edge.target, key=edge.id, relation=edge.relation)
        self._events.emit(MapEvent("edge_added", edge.id, None, edge))

    def _delete_edge(self, edge_id: str) -> int:
        index = _index_of(self._edges, edge_id)
        edge = self._edges.pop(edge_id)
        del self._out[edge.source][edge_id]
        del self._in[edge.target][edge_id]
        if self._graph is not None:
            self._graph.remove_edge(edge.source, edge.target, key=edge_id)
        self._events.emit(MapEvent("edge_removed", edge_id, edge, None))
        return index

    def _replace_edge(self, edge: Edge) -> None:
        old = self._edges[edge.id]
        self._edges[edge.id] = edge
        if self._graph is not None and old.relation != edge.relation:
            self._graph.edges[edge.source, edge.target, edge.id]["relation"] = edge.relation
        self._events.emit(MapEvent("edge_changed", edge.id, old, edge))

    def _insert_document(self, document: Document, index: int | None = None) -> None:
        _insert_at(self._documents, document.id, document, index)
        self._events.emit(MapEvent("document_added", document.id, None, document))

    def _delete_document(self, document_id: str) -> int:
        if self.nodes_citing(document_id):
            raise ModelError(f"document {document_id!r} is still cited by nodes")
        index = _index_of(self._documents, document_id)
        document = self._documents.pop(document_id)
        self._events.emit(MapEvent("document_removed", document_id, document, None))
        return index

    def _replace_document(self, document: Document) -> None:
        old = self._documents[document.id]
        self._documents[document.id] = document
        self._events.emit(MapEvent("document_changed", document.id, old, document))

    def _set_title(self, title: str) -> None:
        old, self._title = self._title, title
        self._events.emit(MapEvent("title_changed", "", old, title))

    def _set_setting(self, key: str, value: Any) -> None:
        _missing = object()
        old = self._settings.get(key, _missing)
        if value is _DELETE:
            self._settings.pop(key, None)
        else:
            self._settings[key] = value
        self._events.emit(
            MapEvent(
                "setting_changed",
                key,
                None if old is _missing else old,
                None if value is _DELETE else value,
            )
        )


class _Delete:
    def __repr__(self) -> str:
        return "<delete>"


_DELETE: Any = _Delete()
"""Marker for a setting that is absent, so undo can remove a setting it added."""
