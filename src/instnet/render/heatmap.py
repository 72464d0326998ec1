"""The similarity heatmap of the index: pairwise role-level distances, alike networks adjacent.

Inline SVG written here (no script, no external request): one square per pair,
darker for more alike, with the distance in a ``<title>`` shown on hover; rows
and columns in the leaf order of a hierarchical clustering
(:func:`instnet.diff.nearest.cluster_order`), so blocks of alike machineries
show as dark squares along the diagonal.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from ..diff.nearest import cluster_order, distance_matrix

__all__ = ["heatmap_svg"]

_CELL, _LABEL, _TOP = 18, 190, 185


def _colour(distance: float) -> str:
    """Dark blue for distance 0 fading to near white for 1."""
    t = max(0.0, min(1.0, float(distance)))
    start, end = (16, 60, 120), (247, 250, 253)
    r, g, b = (round(s + (e - s) * t) for s, e in zip(start, end, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap_svg(graphs: Mapping, user: frozenset | set = frozenset()) -> Markup:
    """The heatmap of all networks' role-level distances as an inline ``<svg>``.

    Parameters
    ----------
    graphs : mapping
        Network id -> graph.
    user : set of str
        Ids of the user's networks (not bundled); their labels are drawn in bold.

    Returns
    -------
    markupsafe.Markup
        The ``<svg>`` element (empty markup for fewer than two networks).
    """
    if len(graphs) < 2:
        return Markup("")
    matrix = distance_matrix(graphs)
    order = cluster_order(matrix)
    n = len(order)
    width, height = _LABEL + n * _CELL + 110, _TOP + n * _CELL + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Role-level distances between all networks">'
    ]
    for i, key in enumerate(order):
        weight = ' font-weight="bold"' if key in user else ""
        y = _TOP + i * _CELL + _CELL * 0.7
        x = _LABEL + i * _CELL + _CELL * 0.7
        parts.append(
            f'<text x="{_LABEL - 6}" y="{y:.1f}" text-anchor="end" font-size="11"{weight}>{escape(key)}</text>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{_TOP - 6}" font-size="11" transform="rotate(-60 {x:.1f} {_TOP - 6})"{weight}>'
            f"{escape(key)}</text>"
        )
    values = matrix.loc[order, order].to_numpy(dtype=float)
    names = [str(escape(key)) for key in order]
    colours: dict[float, str] = {}  # a few hundred distinct distances among 40,000 cells of 200 networks
    for i, a in enumerate(names):
        row = f'" y="{_TOP + i * _CELL}" width="{_CELL - 1}" height="{_CELL - 1}" fill="'
        for j, b in enumerate(names):
            d = float(values[i, j])
            if d not in colours:
                colours[d] = _colour(d)
            tip = f"{a} \u2194 {b}: {d:.2f}" if i != j else a
            parts.append(f'<rect x="{_LABEL + j * _CELL}{row}{colours[d]}"><title>{tip}</title></rect>')
    y = _TOP + n * _CELL + 16
    for k, value in enumerate((0.0, 0.25, 0.5, 0.75, 1.0)):
        x = _LABEL + k * 60
        parts.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{_colour(value)}" stroke="#ccc"/>')
        parts.append(f'<text x="{x + 18}" y="{y + 11}" font-size="11">{value:.2f}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
