"""Force-directed positions: seeded Fruchterman-Reingold per component, oriented, de-overlapped and packed."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from .hierarchy import vertical_edges
from .nodes import boxes

__all__ = ["force"]


def _force_component(n: int, edges: np.ndarray, seed: int) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, numpy only, seeded.

    Repulsion is exact up to 400 nodes; above, each node feels a seeded
    random sample of 96 others (scaled up), which keeps a 5,000-node graph
    near one second.
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    iterations = 200 if n <= 100 else 120 if n <= 400 else 50
    temperature = 0.1
    cool = temperature / (iterations + 1)
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    sample = 96
    rows = np.arange(n)[:, None]
    for _ in range(iterations):
        if n <= 400:
            delta = pos[:, None, :] - pos[None, :, :]
            dist2 = np.einsum("ijk,ijk->ij", delta, delta)
            np.fill_diagonal(dist2, np.inf)
            dist2 = np.maximum(dist2, 1e-6)
            disp = np.einsum("ijk,ij->ik", delta, k * k / dist2)
        else:
            idx = rng.integers(0, n, size=(n, sample))
            dx = pos[:, 0:1] - pos[idx, 0]
            dy = pos[:, 1:2] - pos[idx, 1]
            weight = (k * k * (n - 1) / sample) / np.maximum(dx * dx + dy * dy, 1e-6)
            weight[idx == rows] = 0.0
            disp = np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1)
        if len(u):
            d = pos[u] - pos[v]
            dist = np.sqrt(np.einsum("ij,ij->i", d, d))
            f = d * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(u, weights=f[:, axis], minlength=n)
                disp[:, axis] += np.bincount(v, weights=f[:, axis], minlength=n)
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return pos


def _separate(pts: np.ndarray, half, above, below, rounds: int = 80) -> np.ndarray:
    """Push apart nodes whose boxes (shape plus label) overlap, along the cheaper axis."""
    pts = pts.copy()
    n = len(pts)
    if n < 2 or n > 400:
        return pts
    tie = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)
    for _ in range(rounds):
        dx = pts[:, 0][:, None] - pts[:, 0][None, :]
        dy = pts[:, 1][:, None] - pts[:, 1][None, :]
        ox = half[:, None] + half[None, :] - np.abs(dx)
        top = np.maximum(pts[:, 1][:, None] - above[:, None], pts[:, 1][None, :] - above[None, :])
        bottom = np.minimum(pts[:, 1][:, None] + below[:, None], pts[:, 1][None, :] + below[None, :])
        oy = bottom - top
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        along_x = hit & (ox <= oy)
        along_y = hit & (oy < ox)
        pts[:, 0] += 0.5 * np.where(along_x, sx * (ox / 2 + 1), 0.0).sum(axis=1)
        pts[:, 1] += 0.5 * np.where(along_y, sy * (oy / 2 + 1), 0.0).sum(axis=1)
    return pts


def _orient(pts: np.ndarray, vertical: list) -> np.ndarray:
    """Rotate a component so that its authority ties point down on average.

    A component without authority ties is turned so that its long axis lies
    horizontally, to fit a screen that is wider than tall.
    """
    if not vertical:
        if len(pts) < 3:
            return pts
        centred = pts - pts.mean(axis=0)
        xx, yy = (centred[:, 0] ** 2).sum(), (centred[:, 1] ** 2).sum()
        xy = (centred[:, 0] * centred[:, 1]).sum()
        angle = 0.5 * math.atan2(2 * xy, xx - yy)  # long axis, exact for 2x2
        c, s = math.cos(angle), math.sin(angle)
        return pts @ np.array([[c, -s], [s, c]])
    a = np.array([i for i, _ in vertical])
    b = np.array([j for _, j in vertical])
    d = pts[b] - pts[a]
    lengths = np.maximum(np.sqrt((d**2).sum(axis=1)), 1e-9)
    mean = (d / lengths[:, None]).mean(axis=0)
    if float(np.hypot(*mean)) < 1e-6:
        return pts
    turn = math.atan2(1.0, 0.0) - math.atan2(mean[1], mean[0])
    c, s = math.cos(turn), math.sin(turn)
    return pts @ np.array([[c, s], [-s, c]])


def force(G, order, sizes_px, labels) -> dict:
    """Force-directed positions per connected component, packed in rows.

    Arguments and result as for :func:`~instnet.layout.layered.layered`.
    """
    index = {n: i for i, n in enumerate(order)}
    U = nx.Graph()
    U.add_nodes_from(range(len(order)))
    U.add_edges_from((index[a], index[b]) for a, b in G.edges() if a != b)
    components = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    comp_of = {g: ci for ci, comp in enumerate(components) for g in comp}
    ties: list[list] = [[] for _ in components]
    for a, b in U.edges():
        ties[comp_of[a]].append((a, b))
    authority: list[list] = [[] for _ in components]
    for a, b in vertical_edges(G):
        authority[comp_of[index[a]]].append((index[a], index[b]))
    placed = []
    for ci, comp in enumerate(components):
        local = {g: i for i, g in enumerate(comp)}
        sub = np.array([(local[a], local[b]) for a, b in ties[ci]], dtype=int).reshape(-1, 2)
        if len(comp) == 1:
            pts = np.zeros((1, 2))
        elif len(comp) == 2:
            pts = np.array([[-0.5, 0.0], [0.5, 0.0]])
        else:
            pts = _force_component(len(comp), sub, seed=len(comp))
        pts = pts - pts.mean(axis=0)
        pts = _orient(pts, [(local[a], local[b]) for a, b in authority[ci]])
        if len(comp) > 1:
            # Scale to a typical tie length, then push overlapping labels apart.
            lengths = np.sqrt(((pts[sub[:, 0]] - pts[sub[:, 1]]) ** 2).sum(axis=1))
            typical = float(np.median(lengths)) if len(lengths) else 1.0
            target = 160.0 if len(comp) <= 12 else 130.0 if len(comp) <= 60 else 110.0
            scale = target / max(typical, 1e-9)
            # ... but give every node at least a label's room: in a random or
            # dense graph ties are long compared with the gaps between nodes.
            spread = math.sqrt(float((pts**2).sum(axis=1).mean())) or 1.0
            room = 120.0 * math.sqrt(len(comp) / math.pi) / math.sqrt(2)
            pts = pts * max(scale, room / spread)
            half, above, below = boxes([sizes_px[order[g]] for g in comp], [labels[order[g]] for g in comp])
            pts = _separate(pts, half, above, below)
        placed.append((comp, pts))

    # Shelf packing: components left to right, wrapping at a target width.
    def extent(comp, pts):
        half, above, below = boxes([sizes_px[order[g]] for g in comp], [labels[order[g]] for g in comp])
        lo = np.array([(pts[:, 0] - half).min(), (pts[:, 1] - above).min()]) - 24
        hi = np.array([(pts[:, 0] + half).max(), (pts[:, 1] + below).max()]) + 24
        return lo, hi

    extents = [extent(c, p) for c, p in placed]
    area = sum(float((hi - lo).prod()) for lo, hi in extents)
    widest = max((float(hi[0] - lo[0]) for lo, hi in extents), default=0.0)
    limit = max(widest, math.sqrt(area) * 1.6)
    positions: dict = {}
    cx = cy = shelf = 0.0
    for (comp, pts), (lo, hi) in zip(placed, extents, strict=False):
        w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
        if cx > 0 and cx + w > limit:
            cx, cy, shelf = 0.0, cy + shelf, 0.0
        offset = np.array([cx, cy]) - lo
        for g, p in zip(comp, pts + offset, strict=False):
            positions[order[g]] = (float(p[0]), float(p[1]))
        cx += w
        shelf = max(shelf, h)
    return positions
