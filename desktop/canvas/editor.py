"""What a user can do to a map on the canvas, as calls that build model operations.

The view turns mouse and keys into these calls; menus, tests and scripts call them directly. Each
call pushes exactly one operation through :meth:`MapSession.push`, so it is one undo step, and
the scene follows the model's events. Nothing here touches an item's data.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Iterable, Iterator, Sequence

import shiboken6
from PySide6.QtCore import QMimeData, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication

from desktop.canvas.items import EdgeItem, NodeItem, node_size
from desktop.canvas.scene import MapScene
from desktop.session import MapSession
from mapping.errors import MappingError
from mapping.model import (
    AddDocument,
    AddEdge,
    AddNode,
    ArgumentMap,
    ChangeNode,
    Compound,
    Document,
    Edge,
    Node,
    Operation,
    RemoveEdge,
    RemoveNode,
    describe,
    move_nodes,
)

FRAGMENT_MIME = "application/x-debatemap-fragment+json"
"""Clipboard type for nodes and edges copied from a map (a small .debatemap document)."""
GRID = 20.0
PASTE_OFFSET = 30.0
EDGE_CLEARANCE = 12.0
"""How close to a relation's line a pasted box may come: more than half an attack's bar and
half a grid step, since snapping to the grid may move a node that much after the search."""
EDGE_DETOUR = 400.0
"""How much farther a paste may go to keep off relation lines than to keep off nodes."""
CHILD_GAP = 60.0
SIBLING_GAP = 30.0


class MapEditor(QObject):
    """Editing commands over one session and its scene; keeps their selections in step."""

    editLabelRequested = Signal(str)
    """A new node wants its label typed (the view opens its in-place editor)."""
    message = Signal(str)
    """A short note for the status bar (e.g. why a connection was refused)."""
    selectionSet = Signal()
    """The selection was set from outside the canvas (a panel, find, a command): show it."""

    def __init__(self, session: MapSession, scene: MapScene, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.scene = scene
        self.snap_to_grid = False
        self._syncing = False
        # A node just created with its label editor open: the label typed there joins the
        # creation step (finish_label_edit).
        self._unnamed: str | None = None
        scene.selectionChanged.connect(self._on_scene_selection_changed)
        session.selectionChanged.connect(self._on_session_selection_changed)

    @property
    def map(self) -> ArgumentMap:
        return self.session.map

    def push(self, operation: Operation, *, merge_key: str | None = None) -> Operation | None:
        """Push ``operation``; report a refused one on the status bar instead of raising."""
        try:
            return self.session.push(operation, merge_key=merge_key)
        except MappingError as error:
            self.message.emit(str(error))
            return None

    # ----------------------------------------------------------------- selection
    def _on_scene_selection_changed(self) -> None:
        # A scene destroyed without detach() (a window deleted unclosed) still emits on its way out.
        if self._syncing or not shiboken6.isValid(self.scene):
            return
        chosen = set(self.scene.selected_ids())
        ordered = [i for i in self.session.selection if i in chosen]
        ordered += sorted(chosen.difference(ordered), key=self._reading_order)
        self._syncing = True
        try:
            self.session.select(ordered)
        finally:
            self._syncing = False

    def _on_session_selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.scene.select_ids(self.session.selection)
        finally:
            self._syncing = False
        self.selectionSet.emit()

    def _reading_order(self, item_id: str) -> tuple[float, float]:
        node = self.map.nodes.get(item_id)
        return (node.y, node.x) if node else (float("inf"), 0.0)

    def select(self, ids: Iterable[str]) -> None:
        self.session.select(ids)

    def select_all(self) -> None:
        self.session.select([*self.map.nodes, *self.map.edges])

    def selected_node_ids(self) -> list[str]:
        return [n.id for n in self.session.selected_nodes()]

    # ------------------------------------------------------------------ creating
    def snapped(self, x: float, y: float) -> tuple[float, float]:
        if not self.snap_to_grid:
            return float(x), float(y)
        return round(x / GRID) * GRID, round(y / GRID) * GRID

    def add_node(
        self,
        x: float,
        y: float,
        kind: str = "claim",
        label: str = "",
        *,
        select: bool = True,
        edit: bool = False,
        **fields,
    ) -> Node | None:
        """Create a node centred at ``(x, y)`` as one step; optionally start typing its label."""
        x, y = self.snapped(x, y)
        node = Node(id=self.map.new_id("n"), kind=kind, label=label, x=x, y=y, **fields)
        if self.push(AddNode(node), merge_key=_label_key(node.id) if edit else None) is None:
            return None
        if select:
            self.select([node.id])
        if edit:
            self._edit_new_label(node.id)
        return node

    def _edit_new_label(self, node_id: str) -> None:
        self._unnamed = node_id
        self.editLabelRequested.emit(node_id)

    def connect_nodes(self, source: str, target: str, relation: str = "support") -> Edge | None:
        """Draw an edge ``source → target``; an identical edge is not added twice."""
        for edge in self.map.out_edges(source):
            if edge.target == target and edge.relation == relation:
                self.message.emit("These claims are already connected that way.")
                return None
        edge = Edge(id=self.map.new_id("e"), source=source, target=target, relation=relation)
        if self.push(AddEdge(edge)) is None:
            return None
        return edge

    def _add_connected(self, relation: str, *, child: bool) -> Node | None:
        """A new claim under the selected node (child) or beside it (sibling), as one step."""
        nodes = self.session.selected_nodes()
        if not nodes:
            return None
        anchor = nodes[-1]
        item = self.scene.node_item(anchor.id)
        height = item.box.height() if item else 60.0
        width = item.box.width() if item else 160.0
        new_id = self.map.new_id("n")
        if child:
            existing = [
                self.map.node(e.source) for e in self.map.in_edges(anchor.id)
            ]  # place right of the existing children
            x = max((n.x for n in existing), default=anchor.x - width - SIBLING_GAP)
            x = x + width + SIBLING_GAP if existing else anchor.x
            y = anchor.y + height / 2 + CHILD_GAP + 40.0
            x, y = self._free_spot(x, y, width, height)
            node = Node(id=new_id, kind="claim", x=x, y=y)
            edge = Edge(self.map.new_id("e"), new_id, anchor.id, relation=relation)
            name = "Add Objection" if relation == "attack" else "Add Supporting Claim"
            operation: Operation = Compound([AddNode(node), AddEdge(edge)], name)
        else:
            x, y = self._free_spot(anchor.x + width + SIBLING_GAP, anchor.y, width, height)
            kind = anchor.kind
            node = Node(id=new_id, kind=kind, x=x, y=y, speaker=anchor.speaker)
            parents = self.map.out_edges(anchor.id)
            children: list[Operation] = [AddNode(node)]
            if parents:
                parent = parents[0]
                children.append(
                    AddEdge(
                        Edge(self.map.new_id("e"), new_id, parent.target, relation=parent.relation)
                    )
                )
            operation = Compound(children, describe("Add", [node]))
        if self.push(operation, merge_key=_label_key(new_id)) is None:
            return None
        self.select([new_id])
        self._edit_new_label(new_id)
        return self.map.node(new_id)

    def _free_spot(self, x: float, y: float, width: float, height: float) -> tuple[float, float]:
        """``(x, y)``, or the first place to its right where a box this size touches no node
        and, unless that is much farther, no relation's line."""
        box = QRectF(x - width / 2, y - height / 2, width, height)
        steps = [(i * (width + SIBLING_GAP), 0.0) for i in range(200)]
        dx, dy = self._free_offset([box], steps, avoid_edges=True) or steps[-1]
        return x + dx, y + dy

    def _free_offset(
        self,
        boxes: Sequence[QRectF],
        offsets: Sequence[tuple[float, float]],
        avoid_edges: bool = False,
    ) -> tuple[float, float] | None:
        """The first of ``offsets`` that moves all ``boxes`` (a group, in scene coordinates)
        clear of every node's box by half a sibling gap; None if none of them does.

        Hidden nodes count too: they come back in the same place. The group keeps its shape,
        and its boxes may straddle a node that sits in a hole of the group.

        With ``avoid_edges`` the boxes should not sit on a relation's line either: the first
        offset clear of nodes and lines wins if it is at most ``EDGE_DETOUR`` farther than the
        first offset clear of nodes (``offsets`` go nearest first), else that one does: a paste
        lands on a line rather than far away. A line may pass between the group's boxes.
        """
        if not boxes or not offsets:
            return None
        margin = SIBLING_GAP / 2
        grown = [
            (b.left() - margin, b.top() - margin, b.right() + margin, b.bottom() + margin)
            for b in boxes
        ]
        xs = [dx for dx, _ in offsets]
        ys = [dy for _, dy in offsets]
        reach = QRectF(
            QPointF(min(g[0] for g in grown) + min(xs), min(g[1] for g in grown) + min(ys)),
            QPointF(max(g[2] for g in grown) + max(xs), max(g[3] for g in grown) + max(ys)),
        )
        # The scene's own index finds the shown items near by; hidden ones come back in place.
        near = self.scene.items(reach, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        near += [item for item in map(self._item, self.scene.hidden_ids()) if item is not None]
        nodes = [
            (r.left(), r.top(), r.right(), r.bottom())
            for r in (i.scene_box() for i in near if isinstance(i, NodeItem))
            if r.intersects(reach)
        ]
        blocked = _OffsetBlocks(grown, nodes, (min(xs), min(ys), max(xs), max(ys)))
        lines: _SegmentIndex | None = None  # built when a spot clear of nodes turns up
        fallback: tuple[float, float] | None = None
        limit = math.inf
        for dx, dy in offsets:
            if fallback is not None and math.hypot(dx, dy) > limit:
                break
            if blocked.blocked(dx, dy):
                continue
            if not avoid_edges:
                return dx, dy
            if lines is None:
                lines = _SegmentIndex(_edge_segments(near, reach))
            if not any(lines.hits(b.translated(dx, dy), EDGE_CLEARANCE) for b in boxes):
                return dx, dy
            if fallback is None:
                fallback = (dx, dy)
                limit = math.hypot(dx, dy) + EDGE_DETOUR
        return fallback

    def _item(self, item_id: str) -> NodeItem | EdgeItem | None:
        return self.scene.node_item(item_id) or self.scene.edge_item(item_id)

    def add_supporting_claim(self) -> Node | None:
        return self._add_connected("support", child=True)

    def add_objection(self) -> Node | None:
        return self._add_connected("attack", child=True)

    def add_sibling(self) -> Node | None:
        return self._add_connected("support", child=False)

    # -------------------------------------------------------------------- moving
    def move_nodes(
        self,
        positions: dict[str, tuple[float, float]],
        verb: str = "Move",
        named: Iterable[str] | None = None,
    ) -> None:
        """Put nodes at new centres as one step named like "Move 3 Claims".

        The name counts the nodes that moved, or ``named`` when given: Align and Distribute
        name the whole selection they arranged, even the boxes that were already in place.
        """
        changed = {
            node_id: (float(x), float(y))
            for node_id, (x, y) in positions.items()
            if node_id in self.map.nodes
            and (self.map.node(node_id).x, self.map.node(node_id).y) != (float(x), float(y))
        }
        if not changed:
            return
        counted = changed if named is None else [i for i in named if i in self.map.nodes]
        name = describe(verb, [self.map.node(i) for i in counted])
        self.push(move_nodes(changed, name))

    def set_label(self, node_id: str, label: str) -> None:
        if node_id in self.map.nodes and self.map.node(node_id).label != label:
            operation = ChangeNode(node_id, label=label)
            self.push(operation)

    def finish_label_edit(self, node_id: str, label: str | None) -> None:
        """The in-place label editor closed with ``label`` typed (None: cancelled with Esc).

        The first label typed into a node just created joins its creation step, so one Undo
        takes away the new claim with its label and Redo brings both back; any later edit of
        the label is a step of its own.
        """
        first = self._unnamed == node_id
        if first:
            self._unnamed = None
        if label is None or node_id not in self.map.nodes or self.map.node(node_id).label == label:
            return
        self.push(
            ChangeNode(node_id, label=label), merge_key=_label_key(node_id) if first else None
        )

    # ------------------------------------------------------------------ deleting
    def delete(self, ids: Iterable[str] | None = None) -> None:
        """Delete the given (or selected) nodes and edges as one step."""
        ids = list(self.session.selection if ids is None else ids)
        nodes = [self.map.nodes[i] for i in ids if i in self.map.nodes]
        node_ids = {n.id for n in nodes}
        edges = [
            self.map.edges[i]
            for i in ids
            if i in self.map.edges
            and self.map.edges[i].source not in node_ids
            and self.map.edges[i].target not in node_ids
        ]
        if not nodes and not edges:
            return
        children: list[Operation] = [RemoveEdge(e.id) for e in edges]
        children += [RemoveNode(n.id) for n in nodes]
        if nodes:
            name = describe("Delete", nodes)
        else:
            relations = {e.relation for e in edges}
            noun = relations.pop().capitalize() if len(relations) == 1 else "Relation"
            name = f"Delete {noun}" if len(edges) == 1 else f"Delete {len(edges)} {noun}s"
        self.push(Compound(children, name))

    # ----------------------------------------------------------------- clipboard
    def fragment(self, ids: Iterable[str] | None = None) -> ArgumentMap:
        """The selected nodes, the edges among them and the documents they cite, as a map."""
        from mapping.formats.debatemap import map_from_dict, map_to_dict

        ids = list(self.session.selection if ids is None else ids)
        nodes = [self.map.nodes[i] for i in ids if i in self.map.nodes]
        node_ids = {n.id for n in nodes}
        documents = {s.document for n in nodes for s in n.sources}
        fragment = ArgumentMap(self.map.title)
        for document in self.map.documents.values():
            if document.id in documents:
                fragment.execute(AddDocument(document))
        for node in nodes:
            fragment.execute(AddNode(node))
        for edge in self.map.edges.values():
            if edge.source in node_ids and edge.target in node_ids:
                fragment.execute(AddEdge(edge))
        return map_from_dict(map_to_dict(fragment))

    def copy(self, ids: Iterable[str] | None = None) -> QMimeData | None:
        """Put the selection on the clipboard: as a map fragment, and labels as plain text."""
        from mapping.formats.debatemap import map_to_dict

        fragment = self.fragment(ids)
        if not fragment.nodes:
            return None
        mime = QMimeData()
        mime.setData(FRAGMENT_MIME, json.dumps(map_to_dict(fragment)).encode("utf-8"))
        mime.setText("\n".join(n.label or n.text for n in fragment.nodes.values()))
        QGuiApplication.clipboard().setMimeData(mime)
        return mime

    def cut(self) -> None:
        if self.copy() is not None:
            self.delete()

    def can_paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and (mime.hasFormat(FRAGMENT_MIME) or mime.hasText())

    def paste(self, at: QPointF | None = None) -> list[str]:
        """Paste a copied fragment (or lines of plain text as claims); returns the new node ids."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return []
        if mime.hasFormat(FRAGMENT_MIME):
            from mapping.formats.debatemap import map_from_dict

            try:
                data = json.loads(bytes(mime.data(FRAGMENT_MIME).data()).decode("utf-8"))
                fragment = map_from_dict(data, "clipboard")
            except (ValueError, MappingError) as error:
                self.message.emit(f"Cannot paste: {error}")
                return []
            return self.insert_fragment(fragment, at, "Paste")
        if mime.hasText():
            lines = [line.strip() for line in mime.text().splitlines() if line.strip()]
            fragment = ArgumentMap()
            for index, line in enumerate(lines[:200]):
                fragment.add_node(id=f"t{index}", label=line[:500], y=index * 70.0)
            return self.insert_fragment(fragment, at, "Paste")
        return []

    def duplicate(self) -> list[str]:
        fragment = self.fragment()
        if not fragment.nodes:
            return []
        return self.insert_fragment(fragment, None, "Duplicate")

    def insert_fragment(
        self, fragment: ArgumentMap, at: QPointF | None = None, verb: str = "Paste"
    ) -> list[str]:
        """Add a copy of ``fragment`` with fresh ids as one step and select it."""
        if not fragment.nodes:
            return []
        children: list[Operation] = []
        document_ids: dict[str, str] = {}
        for document in fragment.documents.values():
            match = self._matching_document(document)
            if match is None:
                new_id = document.id
                if new_id in self.map.documents:
                    new_id = self.map.new_id("d")
                    while any(
                        new_id == c.document.id for c in children if isinstance(c, AddDocument)
                    ):
                        new_id = self.map.new_id("d")
                children.append(AddDocument(_with_id(document, new_id)))
                match = new_id
            document_ids[document.id] = match
        dx, dy = self._paste_offset(fragment, at)
        node_ids: dict[str, str] = {}
        new_nodes: list[Node] = []
        for node in fragment.nodes.values():
            node_ids[node.id] = self.map.new_id("n")
            sources = tuple(
                type(s)(document_ids[s.document], s.start, s.end)
                for s in node.sources
                if s.document in document_ids
            )
            x, y = self.snapped(node.x + dx, node.y + dy)
            new = _replace(node, id=node_ids[node.id], x=x, y=y, sources=sources)
            new_nodes.append(new)
            children.append(AddNode(new))
        for edge in fragment.edges.values():
            children.append(
                AddEdge(
                    _replace(
                        edge,
                        id=self.map.new_id("e"),
                        source=node_ids[edge.source],
                        target=node_ids[edge.target],
                    )
                )
            )
        if self.push(Compound(children, describe(verb, new_nodes))) is None:
            return []
        ids = [n.id for n in new_nodes]
        self.select(ids)
        return ids

    def _paste_offset(self, fragment: ArgumentMap, at: QPointF | None) -> tuple[float, float]:
        """How far to move ``fragment``'s nodes so that none lands on a node of the map.

        The group starts a small step down and right of where it was copied from (like
        draw.io), or centred on ``at``; if any box would then touch a node, the whole group
        moves to the nearest free place, keeping its shape. So a second paste never stacks
        on the first.
        """
        nodes = list(fragment.nodes.values())
        xs = [n.x for n in nodes]
        ys = [n.y for n in nodes]
        if at is None:
            dx = dy = PASTE_OFFSET
        else:
            dx = at.x() - (min(xs) + max(xs)) / 2
            dy = at.y() - (min(ys) + max(ys)) / 2
        boxes = []
        for node in nodes:
            width, height = node_size(node, self.scene.theme)
            boxes.append(QRectF(node.x + dx - width / 2, node.y + dy - height / 2, width, height))
        free = self._free_offset(boxes, _nearest_offsets(), avoid_edges=True)
        if free is None:  # nothing free nearby: below the whole map
            bottom = max((i.scene_box().bottom() for i in self.scene.node_items()), default=0.0)
            top = min(b.top() for b in boxes)
            free = (0.0, max(0.0, bottom + CHILD_GAP - top))
        return dx + free[0], dy + free[1]

    def _matching_document(self, document: Document) -> str | None:
        for mine in self.map.documents.values():
            if document.sha256 and mine.sha256 == document.sha256:
                return mine.id
            if not document.sha256 and mine.id == document.id and mine.name == document.name:
                return mine.id
        return None

    # ----------------------------------------------------------- align, distribute
    def _boxes(self, ids: Sequence[str]) -> list[tuple[str, float, float, float, float]]:
        """(id, x, y, half width, half height) of the given nodes."""
        boxes = []
        for node_id in ids:
            item = self.scene.node_item(node_id)
            node = self.map.nodes.get(node_id)
            if item is None or node is None:
                continue
            boxes.append((node_id, node.x, node.y, item.box.width() / 2, item.box.height() / 2))
        return boxes

    def align(self, how: str, ids: Sequence[str] | None = None) -> None:
        """Line up nodes: ``left``, ``hcenter``, ``right``, ``top``, ``vcenter`` or ``bottom``."""
        boxes = self._boxes(self.selected_node_ids() if ids is None else ids)
        if len(boxes) < 2:
            return
        positions: dict[str, tuple[float, float]] = {}
        if how == "left":
            edge = min(x - hw for _, x, _, hw, _ in boxes)
            positions = {i: (edge + hw, y) for i, _, y, hw, _ in boxes}
        elif how == "right":
            edge = max(x + hw for _, x, _, hw, _ in boxes)
            positions = {i: (edge - hw, y) for i, _, y, hw, _ in boxes}
        elif how == "hcenter":
            middle = sum(x for _, x, *_ in boxes) / len(boxes)
            positions = {i: (middle, y) for i, _, y, _, _ in boxes}
        elif how == "top":
            edge = min(y - hh for _, _, y, _, hh in boxes)
            positions = {i: (x, edge + hh) for i, x, _, _, hh in boxes}
        elif how == "bottom":
            edge = max(y + hh for _, _, y, _, hh in boxes)
            positions = {i: (x, edge - hh) for i, x, _, _, hh in boxes}
        elif how == "vcenter":
            middle = sum(y for _, _, y, *_ in boxes) / len(boxes)
            positions = {i: (x, middle) for i, x, _, _, _ in boxes}
        else:
            raise ValueError(f"unknown alignment {how!r}")
        self.move_nodes(positions, "Align", named=positions)

    def distribute(self, axis: str, ids: Sequence[str] | None = None) -> None:
        """Space nodes evenly (equal gaps) along ``horizontal`` or ``vertical``."""
        boxes = self._boxes(self.selected_node_ids() if ids is None else ids)
        if len(boxes) < 3:
            return
        horizontal = axis == "horizontal"
        boxes.sort(key=lambda b: b[1] if horizontal else b[2])
        size = [2 * (b[3] if horizontal else b[4]) for b in boxes]
        centre = [b[1] if horizontal else b[2] for b in boxes]
        start = centre[0] - size[0] / 2
        end = centre[-1] + size[-1] / 2
        gap = (end - start - sum(size)) / (len(boxes) - 1)
        positions = {}
        cursor = start
        for box, extent in zip(boxes, size, strict=True):
            middle = cursor + extent / 2
            positions[box[0]] = (middle, box[2]) if horizontal else (box[1], middle)
            cursor += extent + gap
        for box in (boxes[0], boxes[-1]):  # the ends stay put exactly (no rounding drift)
            positions[box[0]] = (box[1], box[2])
        self.move_nodes(positions, "Distribute", named=positions)

    # ------------------------------------------------------------------ navigate
    def neighbour(self, node_id: str, direction: str) -> str | None:
        """The node reached from ``node_id`` by an arrow key, following edges like Rationale.

        ``up`` goes to what the node supports or attacks, ``down`` to its first supporter or
        objector, ``left``/``right`` to the previous/next sibling; without such an edge, to the
        nearest node in that direction.
        """
        node = self.map.nodes.get(node_id)
        if node is None:
            return None
        by_x = lambda i: (self.map.node(i).x, self.map.node(i).y)  # noqa: E731
        if direction == "up":
            targets = [e.target for e in self.map.out_edges(node_id)]
            if targets:
                return min(targets, key=lambda i: abs(self.map.node(i).x - node.x))
        elif direction == "down":
            sources = sorted({e.source for e in self.map.in_edges(node_id)}, key=by_x)
            if sources:
                return min(sources, key=lambda i: abs(self.map.node(i).x - node.x))
        else:
            parents = [e.target for e in self.map.out_edges(node_id)]
            if parents:
                siblings = sorted({e.source for e in self.map.in_edges(parents[0])}, key=by_x)
                index = siblings.index(node_id)
                step = -1 if direction == "left" else 1
                if 0 <= index + step < len(siblings):
                    return siblings[index + step]
        return self._nearest(node, direction)

    def _nearest(self, node: Node, direction: str) -> str | None:
        best, best_score = None, float("inf")
        for other in self.map.nodes.values():
            if other.id == node.id:
                continue
            dx, dy = other.x - node.x, other.y - node.y
            ahead = {"up": -dy, "down": dy, "left": -dx, "right": dx}[direction]
            side = abs(dx) if direction in ("up", "down") else abs(dy)
            if ahead <= 1.0:
                continue
            score = ahead + 2.0 * side
            if score < best_score:
                best, best_score = other.id, score
        return best

    def navigate(self, direction: str) -> str | None:
        nodes = self.session.selected_nodes()
        if not nodes:
            first = next(iter(self.map.nodes), None)
            if first:
                self.select([first])
            return first
        target = self.neighbour(nodes[-1].id, direction)
        if target:
            self.select([target])
        return target

    # ---------------------------------------------------------------------- find
    def find(self, text: str) -> list[str]:
        """Ids of nodes whose label, text, speaker or tags contain ``text``, in reading order."""
        needle = text.casefold().strip()
        if not needle:
            return []
        found = [
            n.id
            for n in self.map.nodes.values()
            if needle in n.label.casefold()
            or needle in n.text.casefold()
            or needle in n.speaker.casefold()
            or any(needle in tag.casefold() for tag in n.tags)
        ]
        return sorted(found, key=self._reading_order)

    # -------------------------------------------------------------------- layout
    def auto_layout(self, engine: str = "auto") -> str | None:
        """Lay the map out with :mod:`mapping.layout` as one step; None when it is unavailable."""
        try:
            from mapping.layout import layout_map
        except ImportError:
            self.message.emit("Automatic layout is not available in this installation.")
            return None
        sizes = {n.id: node_size(n, self.scene.theme) for n in self.map.nodes.values()}
        try:
            result = layout_map(self.map, sizes, engine=engine)
        except MappingError as error:
            self.message.emit(str(error))
            return None
        positions = {
            node_id: position
            for node_id, position in result.positions.items()
            if node_id in self.map.nodes and not self.map.node(node_id).pinned
        }
        self.move_nodes_named(positions, "Auto Layout")
        return result.engine

    def move_nodes_named(self, positions: dict[str, tuple[float, float]], name: str) -> None:
        changed = {
            i: (float(x), float(y))
            for i, (x, y) in positions.items()
            if (self.map.node(i).x, self.map.node(i).y) != (float(x), float(y))
        }
        if changed:
            self.push(move_nodes(changed, name))

    def node_items(self, ids: Iterable[str]) -> list[NodeItem]:
        return [item for item in map(self.scene.node_item, ids) if item is not None]


def _label_key(node_id: str) -> str:
    """The merge key that joins a new node's creation and its first label into one step."""
    return f"first-label:{node_id}"


class _OffsetBlocks:
    """The offsets that would put a box of the group on (or within the margin of) a node.

    For one box and one node they are an open rectangle of offsets; the rectangles sit in
    buckets of a coarse grid over offset space, so asking about an offset is one lookup and a
    few comparisons, however many boxes the group has (thousands of offsets per paste).
    """

    CELL = 100.0

    def __init__(
        self,
        boxes: Sequence[tuple[float, float, float, float]],
        nodes: Sequence[tuple[float, float, float, float]],
        extent: tuple[float, float, float, float],
    ) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        low_x, low_y, high_x, high_y = extent  # the offsets that will be asked about
        size = self.CELL
        nodes = sorted(nodes, key=lambda n: n[1])
        tops = [n[1] for n in nodes]
        tallest = max((n[3] - n[1] for n in nodes), default=0.0)
        for b_left, b_top, b_right, b_bottom in boxes:
            # only the nodes that some offset's dy can bring level with this box
            first = bisect.bisect_left(tops, b_top + low_y - tallest)
            last = bisect.bisect_right(tops, b_bottom + high_y)
            for n_left, n_top, n_right, n_bottom in nodes[first:last]:
                # box + (dx, dy) overlaps the node exactly for dx, dy strictly inside these
                x0, x1 = n_left - b_right, n_right - b_left
                y0, y1 = n_top - b_bottom, n_bottom - b_top
                if x1 <= low_x or x0 >= high_x or y1 <= low_y or y0 >= high_y:
                    continue
                block = (x0, y0, x1, y1)
                for i in range(
                    math.floor(max(x0, low_x) / size), math.floor(min(x1, high_x) / size) + 1
                ):
                    for j in range(
                        math.floor(max(y0, low_y) / size), math.floor(min(y1, high_y) / size) + 1
                    ):
                        self._cells.setdefault((i, j), []).append(block)

    def blocked(self, dx: float, dy: float) -> bool:
        size = self.CELL
        for x0, y0, x1, y1 in self._cells.get((math.floor(dx / size), math.floor(dy / size)), ()):
            if x0 < dx < x1 and y0 < dy < y1:
                return True
        return False


def _edge_segments(
    items: Iterable[object], reach: QRectF
) -> Iterator[tuple[float, float, float, float]]:
    """The drawn lines of the relations among ``items`` whose extent meets ``reach``."""
    left, top, right, bottom = reach.left(), reach.top(), reach.right(), reach.bottom()
    for item in items:
        if not isinstance(item, EdgeItem):
            continue
        line = item.segment()
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        if (
            min(x1, x2) <= right
            and max(x1, x2) >= left
            and min(y1, y2) <= bottom
            and (max(y1, y2) >= top)
        ):
            yield x1, y1, x2, y2


class _SegmentIndex:
    """Line segments bucketed on the same coarse grid, to ask whether a rectangle meets any.

    Plain floats, not QLineF: the question is asked for thousands of offsets per paste.
    """

    CELL = 200.0

    def __init__(self, segments: Iterable[tuple[float, float, float, float]]) -> None:
        from mapping.layout.crossings import segment_enters_box  # not needed before a paste

        self._enters = segment_enters_box
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        size = self.CELL
        for segment in segments:
            x1, y1, x2, y2 = segment
            for i in range(math.floor(min(x1, x2) / size), math.floor(max(x1, x2) / size) + 1):
                for j in range(math.floor(min(y1, y2) / size), math.floor(max(y1, y2) / size) + 1):
                    # only the cells the segment passes through, not its whole bounding box
                    cell = (i * size, j * size, (i + 1) * size, (j + 1) * size)
                    if self._enters((x1, y1), (x2, y2), cell, closed=True):
                        self._cells.setdefault((i, j), []).append(segment)

    def hits(self, rect: QRectF, clearance: float = 0.0) -> bool:
        """Whether any segment passes through ``rect`` grown by ``clearance`` on every side."""
        left, top = rect.left() - clearance, rect.top() - clearance
        right, bottom = rect.right() + clearance, rect.bottom() + clearance
        box = (left, top, right, bottom)
        size = self.CELL
        seen: set[int] = set()
        for i in range(math.floor(left / size), math.floor(right / size) + 1):
            for j in range(math.floor(top / size), math.floor(bottom / size) + 1):
                for segment in self._cells.get((i, j), ()):
                    if id(segment) in seen:
                        continue
                    seen.add(id(segment))
                    x1, y1, x2, y2 = segment
                    if self._enters((x1, y1), (x2, y2), box, closed=True):
                        return True
        return False


@functools.cache
def _nearest_offsets(reach: float = 1500.0, step: float = GRID) -> tuple[tuple[float, float], ...]:
    """Grid offsets within ``reach``, nearest first; at equal distance sideways before down,
    right before left (an argument map grows its siblings sideways)."""
    count = int(reach / step)
    offsets = [
        (i * step, j * step)
        for i in range(-count, count + 1)
        for j in range(-count, count + 1)
        if (i * i + j * j) * step * step <= reach * reach
    ]
    return tuple(sorted(offsets, key=lambda o: (o[0] ** 2 + o[1] ** 2, abs(o[1]), -o[0], -o[1])))


def _replace(record, **changes):
    from dataclasses import replace

    return replace(record, **changes)


def _with_id(document: Document, new_id: str) -> Document:
    return _replace(document, id=new_id)
