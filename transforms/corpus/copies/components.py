"""Connected components of the copy graph, as steps a Beam graph can unroll.

The graph's nodes are texts (``Profile.node``), its edges verified copy pairs.
A Beam pipeline cannot loop until convergence, so components come from a
fixed number of rounds of the large-star / small-star operations of Kiveris
et al., "Connected Components in MapReduce and Beyond" (SoCC 2014), each one
GroupByKey, followed by one exact finishing step:

1. ``label(u) = min(N(u) | {u})`` over the final edges;
2. every edge whose two ends got different labels becomes a *residual* edge
   between those labels;
3. the residual edges (none once the rounds have converged to stars, which
   for copy clusters takes two or three rounds) are solved by union-find in one
   place, and ``component(u) = find(label(u))``.

Why this is exact whatever the number of rounds: both star operations keep
the components of the graph (Kiveris et al., lemmas 1-2); ``label(u)`` is
``u`` or a neighbour of ``u``; a residual edge joins labels of two adjacent
nodes, so union-find never joins two components; and every edge's ends end up
with the same ``find``, so every component gets one id: its smallest node.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

Edge = tuple[int, int]


def large_star(node: int, neighbours: Iterable[int]) -> Iterator[Edge]:
    """Link every larger neighbour of ``node`` to the smallest node of its neighbourhood."""
    around = set(neighbours)
    smallest = min(around | {node})
    for v in sorted(around):
        if v > node:
            yield v, smallest


def small_star(node: int, smaller: Iterable[int]) -> Iterator[Edge]:
    """Link ``node`` and its smaller neighbours to the smallest of them."""
    around = set(smaller) | {node}
    smallest = min(around)
    for v in sorted(around):
        if v != smallest:
            yield v, smallest


def both_ways(edge: Edge) -> Iterator[Edge]:
    """An undirected edge as two directed ones, for grouping by either end."""
    a, b = edge
    yield a, b
    yield b, a


def larger_first(edge: Edge) -> Edge:
    """An undirected edge keyed by its larger end, as small-star wants it."""
    a, b = edge
    return (a, b) if a > b else (b, a)


def label(node: int, neighbours: Iterable[int]) -> int:
    """The provisional component id of ``node``: the smallest of it and its neighbours."""
    return min(set(neighbours) | {node})


class UnionFind:
    """Disjoint sets over ints whose representative is always the set's smallest member."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self._parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self._parent[hi] = lo

    def roots(self) -> dict[int, int]:
        """Every node seen, mapped to its set's smallest member."""
        return {x: self.find(x) for x in list(self._parent)}


def resolve_residual(edges: Iterable[Edge]) -> dict[int, int]:
    """Union-find over the residual edges: label -> component id, for labels that move."""
    sets = UnionFind()
    for a, b in edges:
        sets.union(a, b)
    return {x: root for x, root in sets.roots().items() if x != root}


def components(edges: Iterable[Edge]) -> dict[int, int]:
    """Reference: node -> smallest node of its component, for every node on an edge."""
    sets = UnionFind()
    nodes = set()
    for a, b in edges:
        sets.union(a, b)
        nodes.update((a, b))
    return {x: sets.find(x) for x in nodes}
