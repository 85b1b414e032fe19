"""Where arrows meet a box: ends on the same side of a box spread out along it (ports).

Aimed at box centres, twenty arrows into one position all end at nearly one point and their
heads pile up. Instead each end is given a *port* on the side of the box that faces the node at
its other end. An end's natural place is where the line between the two centres leaves the
box (all that a single arrow needs); ends that share a side keep the order of their natural
places, so arrows do not cross near the box, and are pushed apart to :data:`SPACING` (less when
the side is short, down to :data:`MIN_SPACING`), staying :data:`CORNER_MARGIN` clear of the
corners. When even that does not fit, neighbours share points, still in order.

Plain floats in box coordinates (origin at the box's centre, y down); no Qt, so this is cheap to
call on every mouse move and easy to test.

>>> side_of(0.0, 300.0, 100.0, 30.0)
(2, 0.0)
>>> spread([0.0, 0.0, 0.0], 200.0)
[-18.0, 0.0, 18.0]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

TOP, RIGHT, BOTTOM, LEFT = 0, 1, 2, 3
"""The sides of a box; an end's offset runs along x on TOP/BOTTOM and along y on LEFT/RIGHT."""

CORNER_MARGIN = 12.0
"""Ports keep this far from a corner (at most a quarter of a short side): clear of rounded
corners, a note's fold and a question's points, and an attack bar (18 wide) stays on its side."""
SPACING = 18.0
"""Preferred distance between neighbouring ports: an attack bar's width."""
MIN_SPACING = 7.0
"""Closer than this, ports share points instead (an arrowhead is 10 wide)."""


def side_of(dx: float, dy: float, half_width: float, half_height: float) -> tuple[int, float]:
    """The side through which the ray from the centre toward ``(dx, dy)`` leaves the box, and
    where along that side (its natural offset from the side's middle).

    ``(dx, dy)`` must not be ``(0, 0)``.
    """
    if abs(dy) * half_width >= abs(dx) * half_height:
        return (BOTTOM if dy > 0 else TOP), dx * half_height / abs(dy)
    return (RIGHT if dx > 0 else LEFT), dy * half_width / abs(dx)


def spread(naturals: Sequence[float], length: float) -> list[float]:
    """Offsets along a side of ``length`` for ends whose natural offsets are ``naturals``
    (sorted ascending); the result is ascending too, as close to ``naturals`` as spacing allows.

    >>> spread([-500.0], 100.0)  # a single end aims at its node, but clear of the corner
    [-38.0]
    >>> spread([0.0] * 5, 40.0)  # too short a side: neighbours share points, in order
    [-10.0, -10.0, 0.0, 0.0, 10.0]
    """
    n = len(naturals)
    if n == 0:
        return []
    margin = min(CORNER_MARGIN, length / 4)
    lo, hi = -length / 2 + margin, length / 2 - margin
    if n == 1:
        return [min(max(naturals[0], lo), hi)]
    room = hi - lo
    gap = min(SPACING, room / (n - 1))
    if gap >= MIN_SPACING:
        # Least squares under "each at least `gap` after the one before": subtracting i·gap
        # turns it into a non-decreasing fit (pool adjacent violators), then into bounds.
        shifted = _non_decreasing([x - i * gap for i, x in enumerate(naturals)])
        last = hi - (n - 1) * gap
        return [max(min(max(z, lo), last), lo) + i * gap for i, z in enumerate(shifted)]
    slots = int(room // MIN_SPACING) + 1
    if slots == 1:
        return [(lo + hi) / 2] * n
    step = room / (slots - 1)
    return [lo + (i * slots // n) * step for i in range(n)]


def untangle(offsets: Sequence[float], targets: Sequence[tuple[float, float]]) -> list[int]:
    """Which target each of the ``offsets`` (ascending) should serve so that no two arrows
    cross: the order of the indices into ``targets``, starting from the given one.

    The side is the x axis and ``targets`` lie beyond it (``v > 0``): ``(u, v)`` is the other
    node's centre in that frame. Ends sorted by their natural places seldom cross, but a near
    node and a far one at nearly the same angle can once the ports are pushed apart; swapping
    neighbours that cross (a few passes of bubble sort) straightens them out.

    >>> untangle([0.0, 10.0], [(100.0, 50.0), (0.0, 300.0)])  # the first would cross the second
    [1, 0]
    """
    order = list(range(len(targets)))
    for _ in range(len(order)):
        swapped = False
        for i in range(len(order) - 1):
            a, b = targets[order[i]], targets[order[i + 1]]
            if offsets[i] != offsets[i + 1] and _crosses(offsets[i], a, offsets[i + 1], b):
                order[i], order[i + 1] = order[i + 1], order[i]
                swapped = True
        if not swapped:
            break
    return order


def _crosses(p: float, a: tuple[float, float], q: float, b: tuple[float, float]) -> bool:
    """Whether the segment from ``(p, 0)`` to ``a`` crosses the one from ``(q, 0)`` to ``b``."""

    def turn(ox: float, oy: float, x1: float, y1: float, x2: float, y2: float) -> float:
        return (x1 - ox) * (y2 - oy) - (y1 - oy) * (x2 - ox)

    d1 = turn(p, 0.0, a[0], a[1], q, 0.0)
    d2 = turn(p, 0.0, a[0], a[1], b[0], b[1])
    d3 = turn(q, 0.0, b[0], b[1], p, 0.0)
    d4 = turn(q, 0.0, b[0], b[1], a[0], a[1])
    return d1 * d2 < 0 and d3 * d4 < 0


TAIL, POINTED, BAR = 0, 1, 2
"""What an arrow has at a port: its start (only the line), a pointed head, or an attack's bar."""
_LINE_HALF = 1.0
"""Half a line's width, with a little air."""
_POINTED_HALF_NEAR_TIP = 1.5
"""Half a pointed head's width as deep as a bar reaches (3.5 of its 12 long)."""
_UNEVEN = 0.6
"""Beside a head of another shape, a head takes at most this share of the distance: more than
half, as the other is narrow where this one is wide, but with a visible gap."""


def head_room(offsets: Sequence[float], shapes: Sequence[int]) -> list[float]:
    """How wide (half) the head at each port may be before it runs into a neighbour's.

    A bar is flat and sits at the very tip, so beside a pointed head (narrow there) or a line it
    may reach almost to it, and beside another bar half way. A pointed head is widest away from
    the tip, where a neighbour has only its line, unless that neighbour is pointed too.

    >>> head_room([0.0, 10.0, 20.0], [POINTED, BAR, POINTED])
    [6.0, 6.0, 6.0]
    >>> head_room([0.0, 10.0], [BAR, BAR])
    [5.0, 5.0]
    """
    rooms = []
    last = len(offsets) - 1
    for k, shape in enumerate(shapes):
        room = math.inf
        if shape != TAIL:
            for j in (k - 1, k + 1):
                if 0 <= j <= last:
                    distance = abs(offsets[j] - offsets[k])
                    other = shapes[j]
                    if other == shape:
                        room = min(room, distance / 2)
                    elif shape == BAR and other == POINTED:
                        room = min(room, distance - _POINTED_HALF_NEAR_TIP, _UNEVEN * distance)
                    else:
                        room = min(room, distance - _LINE_HALF, _UNEVEN * distance)
        rooms.append(room)
    return rooms


def _non_decreasing(values: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` in least squares (pool adjacent
    violators: a value below the mean of the block before it joins that block)."""
    sums: list[float] = []
    counts: list[int] = []
    for value in values:
        total, count = value, 1
        while sums and sums[-1] * count > total * counts[-1]:
            total += sums.pop()
            count += counts.pop()
        sums.append(total)
        counts.append(count)
    result: list[float] = []
    for total, count in zip(sums, counts, strict=True):
        result.extend([total / count] * count)
    return result
