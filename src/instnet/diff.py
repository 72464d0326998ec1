"""Compare two networks: by identity (one country, two eras) and by role (any two).

Two eras of one country share institution ids (MITI and METI are both
``miti``), so their diff says which institutions and ties were added, removed,
changed or rewired. Two countries share no institutions, only functional
roles (``model.ROLES``) and node kinds, so every diff also compares the two
networks at the level of roles and kinds: composition, who-ties-to-whom
matrices, which institution plays each role, graph measures side by side and
distances whose meaning is spelled out in :data:`DISTANCE_MEANINGS`.

Pure: graphs in, a :class:`Diff` (DataFrames and plain values) out.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from .model import NODE_KINDS, RELATIONS, ROLES

__all__ = [
    "NO_ROLE",
    "DISTANCE_MEANINGS",
    "Distance",
    "Diff",
    "diff",
    "tie_matrix",
    "profile_distance",
    "kind_aware_ged",
    "summary_sentences",
    "short_label",
    "format_diff",
]

NO_ROLE = "(no role)"
"""The role bucket of institutions that have no ``role``."""

NODE_ATTRIBUTES = ("label", "kind", "role", "start", "end", "description", "cite", "quote", "basis", "external")
EDGE_ATTRIBUTES = ("relation", "start", "end", "description", "cite", "quote", "basis", "external")
STRUCTURAL = ("label", "kind", "role", "relation", "start", "end")
"""Attributes shown in the text formats; the others (texts, citations) only in JSON."""

DISTANCE_MEANINGS = {
    "role_ties": (
        "Role-level tie profile distance: each network's ties are counted by "
        "(source role, target role) and turned into shares of all its ties; the distance "
        "is half the sum of the absolute differences of those shares (total variation). "
        "It is the share of ties that would have to move to another pair of roles to give "
        "both networks the same profile. 0 = the same profile whatever the institutions are "
        "called and however many ties there are; 1 = no pair of roles in common. Symmetric."
    ),
    "kind_ties": (
        "Kind-level tie profile distance: the same as the role-level one, with ties counted "
        "by (source kind, target kind). 0 = same profile, 1 = no pair of kinds in common. Symmetric."
    ),
    "role_composition": (
        "Role composition distance: total variation between the shares of institutions in each "
        "role (institutions without a role form their own bucket). 0 = the same mix of roles, "
        "1 = no role in common. Symmetric."
    ),
    "node_jaccard": (
        "Institution turnover (shared ids only): 1 - |common ids| / |all ids|. 0 = the same "
        "institutions, 1 = none in common. Symmetric."
    ),
    "edge_jaccard": (
        "Tie turnover (shared ids only): 1 - |common ties| / |all ties|, a tie being an ordered "
        "pair of ids (either order for a symmetric relation), whatever its relation. 0 = the same "
        "ties, 1 = none in common. Symmetric."
    ),
    "graph_edit": (
        "Kind-aware graph edit distance: the cheapest sequence of edits turning one network into "
        "the other, with institutions matched by kind and role, not by name. Costs: deleting or "
        "inserting an institution or a tie 1; substituting an institution 0 if kind and role "
        "agree, 0.5 if one of them does, 1 otherwise; substituting a tie 0 for the same relation, "
        "0.5 for the same axis (vertical, horizontal, other), 1 otherwise. Normalized by the cost "
        "of deleting one network and inserting the other (so in [0, 1]). Symmetric when exact; "
        "under the time bound it may be an upper bound only (see 'exact')."
    ),
}
"""What each distance in :attr:`Diff.distances` measures."""

@dataclass(frozen=True)
class Distance:
    """One structural distance between the two networks.

    ``value`` is ``None`` when it could not be computed (``detail`` says why);
    ``exact`` is False when the value is only an upper bound.
    """

    name: str
    value: float | None
    meaning: str
    exact: bool = True
    detail: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "value": self.value, "exact": self.exact, "detail": self.detail, "meaning": self.meaning}


@dataclass
class Diff:
    """Everything :func:`diff` found, as plain values and DataFrames.

    Attributes
    ----------
    a, b : dict
        Of each network: ``nodes``, ``ties`` (as listed: a symmetric tie once),
        ``top_hub`` (``id, label, ties, share`` of the institution with the most
        ties, ties broken by id; None without ties), ``vertical_share`` and
        ``horizontal_share`` (of the ties as listed; None without ties), ``id``, ``title``,
        ``country``, ``era``, ``start``, ``end``.
    mode : {"identity", "role"}
        ``identity`` when institution ids are matched (two eras of one country);
        ``role`` when only roles and kinds are compared. The identity tables are
        empty in ``role`` mode.
    nodes_added, nodes_removed : DataFrame
        Institutions only in B / only in A: ``id, label, kind, role, ties``
        (ties: number of ties in the network that has it), sorted by id.
    nodes_changed : DataFrame
        ``id, attribute, a, b`` for every attribute of a shared institution that differs.
    edges_added, edges_removed : DataFrame
        Ties only in B / only in A: ``source, target, relation``.
    edges_changed : DataFrame
        ``source, target, attribute, a, b`` for every attribute of a shared tie that differs.
    shared_nodes : DataFrame
        One row per shared institution: ``id, label_a, label_b, ties_a, ties_b,
        ties_kept, kept, gained, lost`` (the last three: neighbour ids, sorted);
        ``ties_kept`` counts A's ties that B still has between the same two ids.
    rewired : DataFrame
        The rows of ``shared_nodes`` whose neighbour sets differ.
    measures : DataFrame
        Graph measures, index ``measure``, columns ``a, b, change`` (``b - a``;
        None for the non-numeric ``top_hub``). The rows are ``nodes``,
        ``ties`` (as listed) and then those of
        :func:`instnet.metrics.graph_table`, documented there (density,
        Freeman centralizations, Krackhardt's hierarchy measures, top hub,
        vertical / horizontal / other shares...), except ``directed``; note
        that its ``edges`` counts arcs, a symmetric tie (``cooperates_with``)
        counting 2, and that ``top_hub`` is shown by label.
    kinds, roles : DataFrame
        Composition by node kind / role: ``a_nodes, b_nodes, a_node_share,
        b_node_share, a_ties, b_ties, a_tie_share, b_tie_share`` (ties touching
        at least one institution of the group, and their share of all ties).
    kind_matrix, role_matrix : dict
        ``{"a": DataFrame, "b": DataFrame, "change": DataFrame}``: ties counted by
        (source group, target group), rows = source; ``change = b - a``.
    alignment : DataFrame
        Index role; ``a``, ``b``: the labels of the institutions in that role
        (``"; "``-joined, most ties first), ``a_ids``, ``b_ids``: their ids.
    distances : list of Distance
    """

    a: dict
    b: dict
    mode: str
    nodes_added: pd.DataFrame
    nodes_removed: pd.DataFrame
    nodes_changed: pd.DataFrame
    edges_added: pd.DataFrame
    edges_removed: pd.DataFrame
    edges_changed: pd.DataFrame
    shared_nodes: pd.DataFrame
    rewired: pd.DataFrame
    measures: pd.DataFrame
    kinds: pd.DataFrame
    roles: pd.DataFrame
    kind_matrix: dict
    role_matrix: dict
    alignment: pd.DataFrame
    distances: list = field(default_factory=list)

    def distance(self, name: str) -> Distance | None:
        """The distance called ``name``, or None."""
        return next((d for d in self.distances if d.name == name), None)

    def to_dict(self) -> dict:
        """A JSON-ready dict (only str, int, float, bool, None, lists and dicts)."""
        return {
            "a": _plain(self.a),
            "b": _plain(self.b),
            "mode": self.mode,
            "nodes_added": _records(self.nodes_added),
            "nodes_removed": _records(self.nodes_removed),
            "nodes_changed": _records(self.nodes_changed),
            "edges_added": _records(self.edges_added),
            "edges_removed": _records(self.edges_removed),
            "edges_changed": _records(self.edges_changed),
            "rewired": _records(self.rewired),
            "measures": _records(self.measures.reset_index()),
            "kinds": _records(self.kinds.reset_index()),
            "roles": _records(self.roles.reset_index()),
            "kind_matrix": {k: _matrix(m) for k, m in self.kind_matrix.items()},
            "role_matrix": {k: _matrix(m) for k, m in self.role_matrix.items()},
            "alignment": _records(self.alignment.reset_index()),
            "distances": [d.to_dict() for d in self.distances],
            "sentences": summary_sentences(self),
        }


# ---------------------------------------------------------------- plain values


def _plain(value):
    """Turn numpy / pandas scalars and containers into JSON-ready Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_plain(v) for v in items]
    if value is None or isinstance(value, (str, bool)):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, dict)):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return round(value, 6)
    if isinstance(value, (int, str, bool)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _rows(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of the stored values (row Series would turn a row of text and None into NaN)."""
    return df.to_dict(orient="records")


def _indexed(df: pd.DataFrame) -> list[tuple]:
    """(index, row dict) pairs, values as stored."""
    return list(zip(df.index, df.to_dict(orient="records")))


def _records(df: pd.DataFrame) -> list[dict]:
    return [{str(k): _plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _matrix(df: pd.DataFrame) -> dict:
    return {"rows": [str(i) for i in df.index], "columns": [str(c) for c in df.columns],
            "values": [[_plain(v) for v in row] for row in df.to_numpy().tolist()]}


# ---------------------------------------------------------------- groups and keys


def _vocab_order(vocab: dict, extra_last: tuple = ()) -> dict:
    order = {key: i for i, key in enumerate(vocab)}
    for j, key in enumerate(extra_last):
        order[key] = len(vocab) + 1 + j
    return order


_KIND_ORDER = _vocab_order(NODE_KINDS)
_ROLE_ORDER = _vocab_order(ROLES, (NO_ROLE,))


def _group(G: nx.DiGraph, node, by: str) -> str:
    value = G.nodes[node].get(by)
    if by == "role":
        return value if value else NO_ROLE
    return value if value else "other"


def _sorted_groups(groups, by: str) -> list[str]:
    order = _ROLE_ORDER if by == "role" else _KIND_ORDER
    return sorted(set(groups), key=lambda g: (order.get(g, len(order) + 10), g))


def _symmetric(relation) -> bool:
    rel = RELATIONS.get(relation)
    return bool(rel and rel.symmetric)


def _edge_key(u, v, relation) -> tuple:
    """Canonical key of a tie: (u, v), or the sorted pair for a symmetric relation."""
    if _symmetric(relation):
        a, b = sorted((u, v), key=str)
        return (a, b)
    return (u, v)


def _edge_keys(G: nx.DiGraph) -> dict[tuple, tuple]:
    """Canonical key -> (u, v) as stored in G."""
    return {_edge_key(u, v, d.get("relation")): (u, v) for u, v, d in G.edges(data=True)}


def _label(G: nx.DiGraph, node) -> str:
    return str(G.nodes[node].get("label") or node)


def _top_hub(G: nx.DiGraph) -> dict | None:
    """The institution with the most ties as listed (ties broken by id), and its share of all ties."""
    m = G.number_of_edges()
    if not m:
        return None
    hub = min(G, key=lambda n: (-G.degree(n), str(n)))
    return {"id": str(hub), "label": _label(G, hub), "ties": G.degree(hub), "share": round(G.degree(hub) / m, 6)}


def _info(G: nx.DiGraph) -> dict:
    g = G.graph
    m = G.number_of_edges()
    axes = [_axis(d.get("relation")) for _, _, d in G.edges(data=True)]
    return {
        "nodes": G.number_of_nodes(),
        "ties": m,
        "top_hub": _top_hub(G),
        "vertical_share": round(axes.count("vertical") / m, 6) if m else None,
        "horizontal_share": round(axes.count("horizontal") / m, 6) if m else None,
        "id": str(g.get("id") or "A"),
        "title": g.get("title") or "",
        "country": g.get("country") or "",
        "era": g.get("era") or "",
        "start": g.get("start"),
        "end": g.get("end"),
    }


# ---------------------------------------------------------------- role and kind tables


def tie_matrix(G: nx.DiGraph, by: str = "role", groups: list[str] | None = None) -> pd.DataFrame:
    """Ties counted by (source group, target group), groups being roles or kinds.

    A tie ``u -> v`` adds one to row ``group(u)``, column ``group(v)``: at the
    level of roles this says who coordinates whom. A symmetric tie
    (``cooperates_with``, written once in either direction) is counted once, in
    the cell whose row comes first in the vocabulary order, so the way it was
    written does not matter. Institutions without a role count as
    :data:`NO_ROLE`.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as built by ``instnet.load.load_network``.
    by : {"role", "kind"}
        The node attribute that defines the groups.
    groups : list of str, optional
        Row and column labels, in order (default: the groups present in ``G``,
        in vocabulary order). Pass the union of two networks' groups to get
        matrices that can be subtracted.

    Returns
    -------
    pandas.DataFrame
        Integer counts; index = source group, columns = target group.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("pm", kind="head_of_government", role="top_leader")
    >>> G.add_node("epb", kind="planning_agency", role="pilot_agency")
    >>> G.add_node("mci", kind="ministry", role="industrial_ministry")
    >>> G.add_edge("pm", "epb", relation="directs")
    >>> G.add_edge("epb", "mci", relation="plans_for")
    >>> tie_matrix(G).loc["top_leader", "pilot_agency"]
    np.int64(1)
    >>> int(tie_matrix(G, by="kind").to_numpy().sum())
    2
    """
    if by not in ("role", "kind"):
        raise ValueError(f"by must be 'role' or 'kind', not {by!r}")
    if groups is None:
        groups = _sorted_groups((_group(G, n, by) for n in G), by)
    order = {g: i for i, g in enumerate(groups)}
    M = pd.DataFrame(0, index=pd.Index(groups, name="source"), columns=pd.Index(groups, name="target"), dtype="int64")
    for u, v, d in G.edges(data=True):
        gu, gv = _group(G, u, by), _group(G, v, by)
        if _symmetric(d.get("relation")) and order.get(gv, 0) < order.get(gu, 0):
            gu, gv = gv, gu
        M.loc[gu, gv] += 1
    return M


def profile_distance(A: pd.DataFrame | pd.Series, B: pd.DataFrame | pd.Series) -> float:
    """Total variation distance between two count tables turned into shares.

    Each table is divided by its total, the two are aligned on their labels
    (missing cells count 0) and the distance is half the sum of absolute
    differences: the share of mass that must move to make them equal. It lies
    in [0, 1], is symmetric and obeys the triangle inequality; it is 0 for
    proportional tables and 1 for tables with no cell in common. Two empty
    tables are at distance 0, an empty and a non-empty one at distance 1.

    Examples
    --------
    >>> a = pd.Series({"x": 2, "y": 2})
    >>> profile_distance(a, a * 3)
    0.0
    >>> profile_distance(a, pd.Series({"x": 1, "z": 1}))
    0.5
    """
    sa, sb = float(A.to_numpy().sum()), float(B.to_numpy().sum())
    if sa == 0 and sb == 0:
        return 0.0
    if sa == 0 or sb == 0:
        return 1.0
    if isinstance(A, pd.DataFrame):
        A, B = A.stack(), B.stack()
    pa, pb = (A / sa).astype(float), (B / sb).astype(float)
    pa, pb = pa.align(pb, fill_value=0.0)
    return round(float((pa - pb).abs().sum()) / 2, 12)


def _composition(A: nx.DiGraph, B: nx.DiGraph, by: str) -> pd.DataFrame:
    groups = _sorted_groups([_group(A, n, by) for n in A] + [_group(B, n, by) for n in B], by)
    table = pd.DataFrame(index=pd.Index(groups, name=by))
    for tag, G in (("a", A), ("b", B)):
        nodes = pd.Series([_group(G, n, by) for n in G], dtype="object").value_counts()
        ties = pd.Series(0, index=groups, dtype="int64")
        for u, v in G.edges():
            for g in {_group(G, u, by), _group(G, v, by)}:
                ties[g] += 1
        n, m = G.number_of_nodes(), G.number_of_edges()
        table[f"{tag}_nodes"] = [int(nodes.get(g, 0)) for g in groups]
        table[f"{tag}_node_share"] = [round(nodes.get(g, 0) / n, 4) if n else 0.0 for g in groups]
        table[f"{tag}_ties"] = [int(ties[g]) for g in groups]
        table[f"{tag}_tie_share"] = [round(ties[g] / m, 4) if m else 0.0 for g in groups]
    cols = [f"{t}_{c}" for c in ("nodes", "node_share", "ties", "tie_share") for t in ("a", "b")]
    return table[cols]


def _matrices(A: nx.DiGraph, B: nx.DiGraph, by: str) -> dict:
    groups = _sorted_groups([_group(A, n, by) for n in A] + [_group(B, n, by) for n in B], by)
    ma, mb = tie_matrix(A, by, groups), tie_matrix(B, by, groups)
    return {"a": ma, "b": mb, "change": mb - ma}


def _holders(G: nx.DiGraph, role: str) -> list:
    nodes = [n for n in G if _group(G, n, "role") == role]
    return sorted(nodes, key=lambda n: (-G.degree(n), _label(G, n)))


def _alignment(A: nx.DiGraph, B: nx.DiGraph) -> pd.DataFrame:
    roles = _sorted_groups([_group(A, n, "role") for n in A] + [_group(B, n, "role") for n in B], "role")
    rows = []
    for role in roles:
        ha, hb = _holders(A, role), _holders(B, role)
        rows.append({
            "role": role,
            "a": "; ".join(_label(A, n) for n in ha),
            "b": "; ".join(_label(B, n) for n in hb),
            "a_ids": [str(n) for n in ha],
            "b_ids": [str(n) for n in hb],
        })
    return pd.DataFrame(rows, columns=["role", "a", "b", "a_ids", "b_ids"], dtype=object).set_index("role")


# ---------------------------------------------------------------- measures


def _graph_measures(G: nx.DiGraph) -> pd.Series:
    from .metrics import graph_table

    table = graph_table(G).drop(labels=["directed"], errors="ignore")
    hub = table.get("top_hub")
    if hub is not None and hub in G:
        table["top_hub"] = _label(G, hub)
    listed = pd.Series({"ties": G.number_of_edges()}, dtype=object)
    return pd.concat([table.iloc[:1], listed, table.iloc[1:]])


def _numeric(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) or (hasattr(value, "dtype") and value.dtype.kind in "iu")


def _measures(A: nx.DiGraph, B: nx.DiGraph) -> pd.DataFrame:
    sa, sb = _graph_measures(A), _graph_measures(B)
    names = list(sa.index) + [k for k in sb.index if k not in sa.index]
    rows = []
    for name in names:
        va, vb = sa.get(name), sb.get(name)
        xa, xb = _numeric(va), _numeric(vb)
        change = round(xb - xa, 6) if xa is not None and xb is not None else None
        if change is not None and _is_int(va) and _is_int(vb):
            change = int(change)
        rows.append({"measure": name, "a": _plain(va), "b": _plain(vb), "change": change})
    return pd.DataFrame(rows, columns=["measure", "a", "b", "change"], dtype=object).set_index("measure")


# ---------------------------------------------------------------- identity diff


def _node_rows(G: nx.DiGraph, nodes) -> pd.DataFrame:
    rows = [{"id": str(n), "label": _label(G, n), "kind": G.nodes[n].get("kind"), "role": G.nodes[n].get("role"),
             "ties": G.degree(n)} for n in nodes]
    return pd.DataFrame(rows, columns=["id", "label", "kind", "role", "ties"], dtype=object)


def _edge_rows(G: nx.DiGraph, pairs) -> pd.DataFrame:
    rows = [{"source": str(u), "target": str(v), "relation": G.edges[u, v].get("relation")} for u, v in pairs]
    return pd.DataFrame(rows, columns=["source", "target", "relation"], dtype=object)


def _attribute_changes(da: dict, db: dict, first: tuple) -> list[tuple]:
    names = list(first) + sorted((set(da) | set(db)) - set(first))
    return [(k, da.get(k), db.get(k)) for k in names if da.get(k) != db.get(k)]


def _identity(A: nx.DiGraph, B: nx.DiGraph) -> dict:
    ids_a, ids_b = set(A), set(B)
    key = str
    added = sorted(ids_b - ids_a, key=key)
    removed = sorted(ids_a - ids_b, key=key)
    shared = sorted(ids_a & ids_b, key=key)
    changed = [
        {"id": str(n), "attribute": k, "a": _plain(va), "b": _plain(vb)}
        for n in shared
        for k, va, vb in _attribute_changes(A.nodes[n], B.nodes[n], NODE_ATTRIBUTES)
    ]
    ka, kb = _edge_keys(A), _edge_keys(B)
    edge_order = lambda k: (str(k[0]), str(k[1]))  # noqa: E731
    e_added = [kb[k] for k in sorted(set(kb) - set(ka), key=edge_order)]
    e_removed = [ka[k] for k in sorted(set(ka) - set(kb), key=edge_order)]
    e_changed = []
    for k in sorted(set(ka) & set(kb), key=edge_order):
        (ua, va), (ub, vb) = ka[k], kb[k]
        for attr, x, y in _attribute_changes(A.edges[ua, va], B.edges[ub, vb], EDGE_ATTRIBUTES):
            e_changed.append({"source": str(ub), "target": str(vb), "attribute": attr, "a": _plain(x), "b": _plain(y)})
    rows = []
    for n in shared:
        na = set(A.predecessors(n)) | set(A.successors(n))
        nb = set(B.predecessors(n)) | set(B.successors(n))
        incident_a = [k for k in ka if n in k]
        rows.append({
            "id": str(n),
            "label_a": _label(A, n),
            "label_b": _label(B, n),
            "ties_a": len(incident_a),
            "ties_b": sum(1 for k in kb if n in k),
            "ties_kept": sum(1 for k in incident_a if k in kb),
            "kept": sorted((str(x) for x in na & nb)),
            "gained": sorted((str(x) for x in nb - na)),
            "lost": sorted((str(x) for x in na - nb)),
        })
    cols = ["id", "label_a", "label_b", "ties_a", "ties_b", "ties_kept", "kept", "gained", "lost"]
    shared_df = pd.DataFrame(rows, columns=cols, dtype=object)
    rewired = shared_df[[bool(g or lo) for g, lo in zip(shared_df["gained"], shared_df["lost"])]].reset_index(drop=True)
    union_nodes = len(ids_a | ids_b)
    union_edges = len(set(ka) | set(kb))
    distances = [
        Distance("node_jaccard", round(1 - len(shared) / union_nodes, 6) if union_nodes else 0.0, DISTANCE_MEANINGS["node_jaccard"]),
        Distance("edge_jaccard", round(1 - len(set(ka) & set(kb)) / union_edges, 6) if union_edges else 0.0, DISTANCE_MEANINGS["edge_jaccard"]),
    ]
    return {
        "nodes_added": _node_rows(B, added),
        "nodes_removed": _node_rows(A, removed),
        "nodes_changed": pd.DataFrame(changed, columns=["id", "attribute", "a", "b"], dtype=object),
        "edges_added": _edge_rows(B, e_added),
        "edges_removed": _edge_rows(A, e_removed),
        "edges_changed": pd.DataFrame(e_changed, columns=["source", "target", "attribute", "a", "b"], dtype=object),
        "shared_nodes": shared_df,
        "rewired": rewired,
        "distances": distances,
    }


def _empty_identity() -> dict:
    out = _identity(nx.DiGraph(), nx.DiGraph())
    out["distances"] = []
    return out


# ---------------------------------------------------------------- graph edit distance


def _node_cost(x: dict, y: dict) -> float:
    same = (x.get("kind") == y.get("kind")) + ((x.get("role") or NO_ROLE) == (y.get("role") or NO_ROLE))
    return {2: 0.0, 1: 0.5, 0: 1.0}[same]


def _axis(relation) -> str:
    return RELATIONS[relation].axis if relation in RELATIONS else "other"


def _edge_cost(x: dict, y: dict) -> float:
    if x.get("relation") == y.get("relation"):
        return 0.0
    return 0.5 if _axis(x.get("relation")) == _axis(y.get("relation")) else 1.0


def kind_aware_ged(A: nx.DiGraph, B: nx.DiGraph, timeout: float = 2.0) -> Distance:
    """Graph edit distance with kind- and role-aware costs, under a time bound.

    Institutions are matched by what they are (kind, role), never by name; see
    ``DISTANCE_MEANINGS["graph_edit"]`` for the costs. The search is networkx's
    exact ``graph_edit_distance``; if it has not finished after ``timeout``
    seconds the best edit path found so far is reported, with ``exact=False``:
    an upper bound. The value is normalized by ``|V_A|+|E_A|+|V_B|+|E_B|``
    (deleting A and inserting B), so it lies in [0, 1]; ``detail`` gives the
    raw cost. The time bound makes non-exact results vary between runs.

    Parameters
    ----------
    A, B : networkx.DiGraph
    timeout : float
        Seconds allowed for the search.

    Returns
    -------
    Distance
        ``name="graph_edit"``.

    References
    ----------
    Abu-Aisheh, Raveaux, Ramel and Martineau, "An exact graph edit distance
    algorithm for solving pattern recognition problems", ICPRAM 2015.

    Examples
    --------
    >>> A = nx.DiGraph()
    >>> A.add_node("pm", kind="head_of_government", role="top_leader")
    >>> A.add_node("epb", kind="planning_agency", role="pilot_agency")
    >>> A.add_edge("pm", "epb", relation="directs")
    >>> B = nx.relabel_nodes(A, {"pm": "president", "epb": "bappenas"})
    >>> d = kind_aware_ged(A, B)
    >>> d.value, d.exact
    (0.0, True)
    """
    total = A.number_of_nodes() + A.number_of_edges() + B.number_of_nodes() + B.number_of_edges()
    meaning = DISTANCE_MEANINGS["graph_edit"]
    if total == 0:
        return Distance("graph_edit", 0.0, meaning, True, "raw cost 0 (two empty networks)")
    started = time.monotonic()
    cost = nx.graph_edit_distance(
        A,
        B,
        node_subst_cost=_node_cost,
        node_del_cost=lambda x: 1.0,
        node_ins_cost=lambda x: 1.0,
        edge_subst_cost=_edge_cost,
        edge_del_cost=lambda x: 1.0,
        edge_ins_cost=lambda x: 1.0,
        timeout=timeout,
    )
    elapsed = time.monotonic() - started
    exact = elapsed < timeout
    if cost is None:
        return Distance("graph_edit", None, meaning, False, f"no edit path found within {timeout:g} s")
    kind = "exact" if exact else f"upper bound (search stopped after {timeout:g} s)"
    return Distance("graph_edit", round(cost / total, 6), meaning, exact, f"raw cost {cost:g} of at most {total}; {kind}")


# ---------------------------------------------------------------- diff


def diff(A: nx.DiGraph, B: nx.DiGraph, match: str = "auto", ged_timeout: float | None = None) -> Diff:
    """Compare network A (before, or reference) with network B.

    Parameters
    ----------
    A, B : networkx.DiGraph
        Networks as built by ``instnet.load.load_network``.
    match : {"auto", "identity", "role"}
        ``identity`` matches institutions by id (and fills the added / removed
        / changed / rewired tables); ``role`` compares roles and kinds only.
        ``auto`` (default) uses identity when both networks name the same,
        non-empty country, since ids are only kept across eras of one country.
    ged_timeout : float, optional
        If given, also compute :func:`kind_aware_ged` with this time bound (in
        seconds). Off by default: a search cut by the clock is not reproducible.

    Returns
    -------
    Diff

    Raises
    ------
    ValueError
        For an unknown ``match``.

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> A.add_node("plan", label="Plan board", kind="planning_agency", role="pilot_agency")
    >>> A.add_edge("pm", "plan", relation="directs")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> B.add_node("council", label="Council", kind="council", role="consensus_forum")
    >>> B.add_edge("pm", "council", relation="chairs")
    >>> d = diff(A, B)
    >>> d.mode, list(d.nodes_added["id"]), d.rewired.loc[0, "gained"]
    ('identity', ['council'], ['council'])
    >>> int(d.role_matrix["change"].loc["top_leader", "consensus_forum"])
    1
    """
    if match not in ("auto", "identity", "role"):
        raise ValueError(f"match must be 'auto', 'identity' or 'role', not {match!r}")
    info_a, info_b = _info(A), _info(B)
    if match == "auto":
        same = info_a["country"] and info_a["country"].casefold() == info_b["country"].casefold()
        match = "identity" if same else "role"
    ident = _identity(A, B) if match == "identity" else _empty_identity()
    distances = [
        Distance("role_ties", profile_distance(*_pair(_matrices(A, B, "role"))), DISTANCE_MEANINGS["role_ties"]),
        Distance("kind_ties", profile_distance(*_pair(_matrices(A, B, "kind"))), DISTANCE_MEANINGS["kind_ties"]),
        Distance("role_composition", profile_distance(_role_counts(A), _role_counts(B)), DISTANCE_MEANINGS["role_composition"]),
        *ident.pop("distances"),
    ]
    if ged_timeout is not None:
        distances.append(kind_aware_ged(A, B, ged_timeout))
    return Diff(
        a=info_a,
        b=info_b,
        mode=match,
        measures=_measures(A, B),
        kinds=_composition(A, B, "kind"),
        roles=_composition(A, B, "role"),
        kind_matrix=_matrices(A, B, "kind"),
        role_matrix=_matrices(A, B, "role"),
        alignment=_alignment(A, B),
        distances=distances,
        **ident,
    )


def _pair(matrices: dict) -> tuple:
    return matrices["a"], matrices["b"]


def _role_counts(G: nx.DiGraph) -> pd.Series:
    return pd.Series([_group(G, n, "role") for n in G], dtype="object").value_counts()


# ---------------------------------------------------------------- sentences

_KEY_ROLES = ("top_leader", "pilot_agency", "industrial_ministry", "macro_agency", "sector_hub", "consensus_forum")
_PLURALS = {"private_sector": "private-sector actors", "civil_society": "civil-society actors"}


def _role_name(role: str, plural: bool = False) -> str:
    if role == NO_ROLE:
        return "institutions without a role" if plural else "institution without a role"
    if plural and role in _PLURALS:
        return _PLURALS[role]
    name = ROLES[role].label if role in ROLES else str(role)
    name = name[:1].lower() + name[1:]
    if not plural:
        return name
    return name[:-1] + "ies" if name.endswith("y") else name + "s"


def _share(x) -> str:
    return f"{float(x):.2f}"


def _join(items: list[str], limit: int = 5) -> str:
    items = [str(i) for i in items]
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _moves(a: float, b: float, unit: str, id_a: str, id_b: str) -> str:
    """'rises from 0.33 in A to 0.36 in B' (on the shown precision)."""
    fa, fb = _share(a), _share(b)
    if fa == fb:
        return f"stays at {fa}{unit} in {id_a} and {id_b}"
    verb = "rises" if fb > fa else "falls"
    return f"{verb} from {fa}{unit} in {id_a} to {fb}{unit} in {id_b}"


def _change(a: float, b: float) -> str:
    """'rises from 0.26 to 0.31', 'falls from ...' or 'stays at ...' (on the shown precision)."""
    fa, fb = _share(a), _share(b)
    if fa == fb:
        return f"stays at {fa}"
    return f"{'rises' if fb > fa else 'falls'} from {fa} to {fb}"


def _holder_labels(d: Diff, role: str, side: str) -> list[str]:
    if role not in d.alignment.index:
        return []
    text = d.alignment.loc[role, side]
    return text.split("; ") if text else []


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z&.\-]{1,11})\)\s*$")


def short_label(label: str) -> str:
    """The abbreviation a label ends with, else the whole label.

    Used where a renamed institution is shown as "old / new".

    Examples
    --------
    >>> short_label("Ministry of International Trade & Industry (MITI)")
    'MITI'
    >>> short_label("Research institute (KDI, etc.)")
    'Research institute (KDI, etc.)'
    """
    match = _ABBREVIATION.search(label)
    if match and sum(c.isupper() for c in match.group(1)) >= 2:
        return match.group(1)
    return label


def _shared_label(row) -> str:
    """Label of a shared institution: 'old / new' (abbreviated when possible) if it was renamed."""
    a, b = row["label_a"], row["label_b"]
    return a if a == b else f"{short_label(a)} / {short_label(b)}"


def _identity_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    def by_ties(frame):
        rows = sorted(zip(frame["ties"], frame["label"]), key=lambda t: (-int(t[0]), t[1]))
        return [label for _, label in rows]

    added, removed = by_ties(d.nodes_added), by_ties(d.nodes_removed)
    out.append(
        f"{_count(len(d.shared_nodes), 'institution')} {'appears' if len(d.shared_nodes) == 1 else 'appear'} in both; "
        f"{B} adds {_count(len(added), 'institution')}" + (f" ({_join(added)})" if added else "")
        + f" and drops {len(removed)}" + (f" ({_join(removed)})" if removed else "") + "."
    )
    renamed = d.nodes_changed[d.nodes_changed["attribute"] == "label"]
    if len(renamed):
        out.append(f"Renamed in {B}: " + "; ".join(f"{r['a']} \u2192 {r['b']}" for r in _rows(renamed)) + ".")
    shared = d.shared_nodes.set_index("id")
    for attr, fmt in (("kind", lambda k: NODE_KINDS[k].label.lower() if k in NODE_KINDS else str(k)), ("role", _role_name)):
        for r in _rows(d.nodes_changed[d.nodes_changed["attribute"] == attr]):
            va = fmt(r["a"]) if r["a"] else "none"
            vb = fmt(r["b"]) if r["b"] else "none"
            out.append(f"{_shared_label(shared.loc[r['id']])} changes {attr} from {va} to {vb}.")
    edges_a = int(d.a["ties"])
    common = edges_a - len(d.edges_removed)
    sentence = (f"Of the {_count(edges_a, 'tie')} of {A}, {common or 'none'} "
                f"{'remains' if common == 1 else 'remain'} in {B} and {len(d.edges_removed)} "
                f"{'is' if len(d.edges_removed) == 1 else 'are'} dropped; {len(d.edges_added)} "
                f"{'is' if len(d.edges_added) == 1 else 'are'} new")
    rel = d.edges_changed[d.edges_changed["attribute"] == "relation"]
    if len(rel):
        examples = [
            f"{_shared_label(shared.loc[r['source']])} \u2192 {_shared_label(shared.loc[r['target']])}: "
            f"{_relation_label(r['a'])} becomes {_relation_label(r['b'])}"
            for r in _rows(rel.head(3))
        ]
        sentence += (f"; {len(rel)} remaining {'tie changes' if len(rel) == 1 else 'ties change'} relation "
                     f"({'; '.join(examples)})")
    out.append(sentence + ".")
    out += _key_node_sentences(d, A, B)
    return out


def _relation_label(key) -> str:
    return RELATIONS[key].label if key in RELATIONS else str(key)


def _key_node_sentences(d: Diff, A: str, B: str, limit: int = 3) -> list[str]:
    """How the most important shared institutions kept, gained and lost ties."""
    if d.shared_nodes.empty:
        return []
    rank = {}
    for role_index, role in enumerate(_KEY_ROLES):
        for side in ("a_ids", "b_ids"):
            if role in d.alignment.index:
                for n in d.alignment.loc[role, side]:
                    rank.setdefault(n, role_index)
    rows = d.shared_nodes.copy()
    rows["rank"] = [rank.get(n, len(_KEY_ROLES)) for n in rows["id"]]
    rows["size"] = rows["ties_a"] + rows["ties_b"]
    rows = rows[(rows["ties_a"] > 0) | (rows["ties_b"] > 0)]
    rows = rows.sort_values(["rank", "size", "id"], ascending=[True, False, True], kind="stable").head(limit)
    labels_a = {r["id"]: r["label"] for r in _rows(d.nodes_removed)}
    labels_b = {r["id"]: r["label"] for r in _rows(d.nodes_added)}
    for r in _rows(d.shared_nodes):
        labels_a[r["id"]] = labels_b[r["id"]] = _shared_label(r)
    out = []
    for r in _rows(rows):
        name = _shared_label(r)
        ties_a, ties_b, kept = int(r["ties_a"]), int(r["ties_b"]), int(r["ties_kept"])
        if ties_a == 0:
            text = f"{name} has no tie in {A} and {_count(ties_b, 'tie')} in {B}"
        elif not r["gained"] and not r["lost"] and kept == ties_a == ties_b:
            text = f"{name} keeps all {_count(ties_a, 'tie')}"
        else:
            if kept == 0 and ties_a == 1:
                text = f"{name} does not keep its only tie from {A}"
            elif kept == 0:
                text = f"{name} keeps none of its {ties_a} ties from {A}"
            else:
                text = f"{name} keeps {kept} of its {_count(ties_a, 'tie')} from {A}"
            if r["gained"]:
                text += f", gains ties with {_join([labels_b.get(n, n) for n in r['gained']])}"
            if r["lost"]:
                lost = r["lost"]
                text += (f"{' and' if r['gained'] else ' and'} loses {'its tie' if len(lost) == 1 else 'its ties'} "
                         f"with {_join([labels_a.get(n, n) for n in lost])}")
        out.append(text + ".")
    return out


def _role_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    roles = d.roles
    real = [r for r in roles.index if r != NO_ROLE]
    only_a = [r for r in real if roles.loc[r, "a_nodes"] and not roles.loc[r, "b_nodes"]]
    only_b = [r for r in real if roles.loc[r, "b_nodes"] and not roles.loc[r, "a_nodes"]]
    both = [r for r in real if roles.loc[r, "a_nodes"] and roles.loc[r, "b_nodes"]]
    for side, other, ids, own in (("a", B, only_a, A), ("b", A, only_b, B)):
        if ids:
            parts = [f"{_role_name(r)} ({_join(_holder_labels(d, r, side), 3)})" for r in ids]
            out.append(f"Roles found in {own} only: {_join(parts, 8)}; {other} has no institution in "
                       f"{'this role' if len(ids) == 1 else 'these roles'}.")
    for r in both:
        na, nb = int(roles.loc[r, "a_nodes"]), int(roles.loc[r, "b_nodes"])
        if na != nb:
            out.append(
                f"{B} has {nb} {_role_name(r, nb != 1)} ({_join(_holder_labels(d, r, 'b'), 4)}) "
                f"against {na} in {A} ({_join(_holder_labels(d, r, 'a'), 4)})."
            )
    if d.mode == "role" and both:
        pairs = [f"{_role_name(r)}: {_join(_holder_labels(d, r, 'a'), 3)} \u2194 {_join(_holder_labels(d, r, 'b'), 3)}"
                 for r in both]
        out.append(f"Matched by role ({A} \u2194 {B}): " + "; ".join(pairs) + ".")
    return out


def _tie_share_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    roles = d.roles
    ea, eb = d.a["ties"], d.b["ties"]
    if "top_leader" in roles.index and roles.loc["top_leader", "a_nodes"] and roles.loc["top_leader", "b_nodes"] and ea and eb:
        r = roles.loc["top_leader"]
        la, lb = _join(_holder_labels(d, "top_leader", "a"), 2), _join(_holder_labels(d, "top_leader", "b"), 2)
        fa, fb = _share(r["a_tie_share"]), _share(r["b_tie_share"])
        trend = "rises" if fb > fa else "falls" if fb < fa else "stays the same"
        if trend == "stays the same":
            out.append(f"The top leader's share of ties is {fa} in both {A} ({la}: {int(r['a_ties'])} of {ea} ties) "
                       f"and {B} ({lb}: {int(r['b_ties'])} of {eb}).")
        else:
            out.append(f"The top leader's share of ties {trend} from {fa} in {A} ({la}: {int(r['a_ties'])} of {ea} ties) "
                       f"to {fb} in {B} ({lb}: {int(r['b_ties'])} of {eb}).")
    changes = []
    for role in roles.index:
        if role in ("top_leader", NO_ROLE):
            continue
        r = roles.loc[role]
        if r["a_nodes"] and r["b_nodes"]:
            delta = float(r["b_tie_share"]) - float(r["a_tie_share"])
            if abs(delta) >= 0.15:
                changes.append((-abs(delta), role))
    for _, role in sorted(changes)[:2]:
        r = roles.loc[role]
        out.append(f"The share of ties touching {_role_name(role, True)} "
                   f"{_moves(r['a_tie_share'], r['b_tie_share'], '', A, B)}.")
    return out


def _matrix_sentences(d: Diff, A: str, B: str, limit: int = 3) -> list[str]:
    ma, mb = d.role_matrix["a"], d.role_matrix["b"]
    ta, tb = int(ma.to_numpy().sum()), int(mb.to_numpy().sum())
    if not ta or not tb:
        return []
    shift = (mb / tb - ma / ta).stack()
    cells = sorted(((-abs(v), s, t) for (s, t), v in shift.items() if abs(v) >= 0.1 and NO_ROLE not in (s, t)),
                   key=lambda c: (round(c[0], 9), _ROLE_ORDER.get(c[1], 99), _ROLE_ORDER.get(c[2], 99)))[:limit]
    if not cells:
        return []
    parts = [f"{_role_name(s)} \u2192 {_role_name(t)}: {ma.loc[s, t]} of {ta} ties in {A}, {mb.loc[s, t]} of {tb} in {B}"
             for _, s, t in cells]
    return ["The largest shifts in who ties to whom, at role level: " + "; ".join(parts) + "."]


def _measure_sentences(d: Diff, A: str, B: str) -> list[str]:
    m = d.measures
    out = []

    def num(name):
        if name not in m.index:
            return None
        xa, xb = _numeric(m.loc[name, "a"]), _numeric(m.loc[name, "b"])
        return None if xa is None or xb is None else (xa, xb)

    v = (d.a["vertical_share"], d.b["vertical_share"])
    h = (d.a["horizontal_share"], d.b["horizontal_share"])
    if None not in v + h:
        out.append(f"Vertical (authority) ties make up {_share(v[0])} of all ties in {A} and {_share(v[1])} in {B}; "
                   f"horizontal (coordination) ties {_share(h[0])} and {_share(h[1])}.")
    parts = []
    for name, label in (("centralization_degree", "Freeman degree centralization"),
                        ("centralization_betweenness_undirected", "betweenness centralization (undirected)"),
                        ("hierarchy", "Krackhardt hierarchy")):
        pair = num(name)
        if pair:
            parts.append(f"{label} {_change(pair[0], pair[1])}")
    if parts:
        out.append(f"From {A} to {B}, " + "; ".join(parts) + ".")
    ha, hb = d.a.get("top_hub"), d.b.get("top_hub")
    if ha and hb:
        if d.mode == "identity" and ha["id"] == hb["id"]:
            name = ha["label"] if ha["label"] == hb["label"] else f"{short_label(ha['label'])} / {short_label(hb['label'])}"
            out.append(f"{name} has the most ties in both: {ha['ties']} of {d.a['ties']} in {A} "
                       f"({_share(ha['share'])}), {hb['ties']} of {d.b['ties']} in {B} ({_share(hb['share'])}).")
        else:
            out.append(f"The institution with the most ties is {ha['label']} in {A} ({ha['ties']} of {d.a['ties']}, "
                       f"{_share(ha['share'])}) and {hb['label']} in {B} ({hb['ties']} of {d.b['ties']}, "
                       f"{_share(hb['share'])}).")
    return out


def _distance_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    role = d.distance("role_ties")
    if role is not None and role.value is not None:
        pct = round(role.value * 100)
        if role.value == 0:
            out.append(f"At role level the two networks have the same tie profile (distance 0): the same share of "
                       f"ties runs between each pair of roles.")
        else:
            out.append(f"Role-level tie profile distance: {role.value:.2f} (0 = same pattern of who ties to whom, "
                       f"1 = nothing in common); {pct}% of ties would have to move to another pair of roles "
                       f"to make the two profiles the same.")
    turnover = d.distance("edge_jaccard")
    if turnover is not None and turnover.value is not None:
        out.append(f"Tie turnover is {turnover.value:.2f}: {round(turnover.value * 100)}% of the ties of the two "
                   f"networks together appear in only one of them.")
    ged = d.distance("graph_edit")
    if ged is not None and ged.value is not None:
        out.append(f"Kind-aware graph edit distance: {ged.value:.2f} ({'exact' if ged.exact else 'an upper bound'}; "
                   f"{ged.detail}).")
    return out


def summary_sentences(d: Diff) -> list[str]:
    """Plain-language sentences generated from the numbers of a diff.

    The sentences name the networks by id and institutions by their labels
    (``"old / new"`` when a shared institution was renamed). In order: size;
    for shared ids, institutions and ties added, dropped, renamed or
    rewired; the top leader's share of ties and other large changes in the
    share of ties per role; roles found in one network only and differing
    numbers of role holders (and, across countries, who plays each role);
    the largest shifts of the role-level tie matrix; axis shares,
    centralization and hierarchy; and the distances.

    Parameters
    ----------
    d : Diff

    Returns
    -------
    list of str

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> A.add_node("plan", label="Plan board", kind="planning_agency", role="pilot_agency")
    >>> A.add_node("ind", label="Industry", kind="ministry", role="industrial_ministry")
    >>> A.add_edges_from([("pm", "plan"), ("plan", "ind")], relation="directs")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> B.add_edge("pm", "ind", relation="directs")
    >>> summary_sentences(diff(A, B))[0]
    'x-1990 has 3 institutions and 2 ties; x-2000 has 3 and 3.'
    """
    A, B = d.a["id"], d.b["id"]
    if A == B:
        A, B = f"{A} (A)", f"{B} (B)"
    out = [f"{A} has {_count(d.a['nodes'], 'institution')} and {_count(d.a['ties'], 'tie')}; "
           f"{B} has {d.b['nodes']} and {d.b['ties']}."]
    if d.mode == "identity":
        out += _identity_sentences(d, A, B)
    out += _tie_share_sentences(d, A, B)
    out += _role_sentences(d, A, B)
    out += _matrix_sentences(d, A, B)
    out += _measure_sentences(d, A, B)
    out += _distance_sentences(d, A, B)
    return out


# ---------------------------------------------------------------- text formats

FORMATS = ("table", "markdown", "json")


def _cell(value, digits: int = 3) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v, digits) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "n/a"
        return f"{value:.{digits}f}"
    if hasattr(value, "item"):
        return _cell(value.item(), digits)
    return " ".join(str(value).split())


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    """Escape text for a Markdown cell or line so it renders literally (no HTML, links or emphasis)."""
    return text.translate(_MD_SPECIAL)


def _render_table(headers: list[str], rows: list[list], fmt: str) -> list[str]:
    cells = [[_cell(v) for v in row] for row in rows]
    if fmt == "markdown":
        if not cells:
            return ["(none)"]
        lines = ["| " + " | ".join(_md(h) for h in headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells]
        return lines
    if not cells:
        return ["  (none)"]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = lambda row: "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]


def _section(title: str, fmt: str) -> list[str]:
    return ["", f"## {_md(title)}", ""] if fmt == "markdown" else ["", title, "=" * len(title)]


def _long_matrix(mats: dict) -> list[list]:
    rows = []
    for s in mats["a"].index:
        for t in mats["a"].columns:
            a, b = int(mats["a"].loc[s, t]), int(mats["b"].loc[s, t])
            if a or b:
                rows.append([s, t, a, b, b - a])
    return rows


def format_diff(d: Diff, fmt: str = "table") -> str:
    """The diff as text, for ``instnet diff A B --format FMT``.

    Parameters
    ----------
    d : Diff
    fmt : {"table", "markdown", "json"}
        ``table``: plain text with aligned columns; ``markdown``: headings and
        pipe tables, every cell escaped so it renders literally; ``json``:
        ``d.to_dict()``, indented (every table, full matrices, attribute
        changes of every kind, sentences and distance meanings). The text
        formats list only structural attribute changes (label, kind, role,
        relation, years) and the non-zero cells of the tie matrices.

    Returns
    -------
    str
        Ends with a newline.

    Raises
    ------
    ValueError
        For an unknown format.

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> print(format_diff(diff(A, B), "table").splitlines()[0])
    x-1990 -> x-2000: institutions matched by id
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(d.to_dict(), indent=2, ensure_ascii=False) + "\n"
    A, B = d.a["id"], d.b["id"]
    if A == B:
        A, B = f"{A} (A)", f"{B} (B)"
    how = "institutions matched by id" if d.mode == "identity" else "compared by functional role and kind"
    md = fmt == "markdown"
    head = f"{A} -> {B}: {how}"
    out = [f"# {_md(head)}" if md else head]
    for tag, info in (("A", d.a), ("B", d.b)):
        years = "-".join(str(y) for y in (info["start"], info["end"]) if y is not None)
        text = f"{tag}: {info['id']} - {info['title']}" + (f" ({info['country']}, {years})" if info["country"] else "")
        out.append(("- " + _md(text)) if md else text)
    out += _section("Summary", fmt)
    out += [("- " + _md(s)) if md else f"- {s}" for s in summary_sentences(d)]

    def table(title, headers, rows):
        out.extend(_section(title, fmt))
        out.extend(_render_table(headers, rows, fmt))

    def note(text):
        out.append(("\n" + _md(text)) if md else "  " + text)

    if d.mode == "identity":
        table(f"Institutions added (only in {B})", ["id", "label", "kind", "role", "ties"], d.nodes_added.values.tolist())
        table(f"Institutions removed (only in {A})", ["id", "label", "kind", "role", "ties"], d.nodes_removed.values.tolist())
        changed = d.nodes_changed[d.nodes_changed["attribute"].isin(STRUCTURAL)]
        table("Institutions changed", ["id", "attribute", A, B], changed.values.tolist())
        table(f"Ties added (only in {B})", ["source", "target", "relation"], d.edges_added.values.tolist())
        table(f"Ties removed (only in {A})", ["source", "target", "relation"], d.edges_removed.values.tolist())
        changed = d.edges_changed[d.edges_changed["attribute"].isin(STRUCTURAL)]
        table("Ties changed", ["source", "target", "attribute", A, B], changed.values.tolist())
        other = len(d.nodes_changed) + len(d.edges_changed) - len(changed) - int(d.nodes_changed["attribute"].isin(STRUCTURAL).sum())
        if other:
            note(f"{other} other attribute changes (descriptions, quotes, citations): see --format json.")
        rows = [[r["id"], _shared_label(r), r["ties_a"], r["ties_b"], r["ties_kept"], r["gained"], r["lost"]]
                for r in _rows(d.rewired)]
        table("Rewired institutions (neighbours gained and lost)",
              ["id", "label", f"ties {A}", f"ties {B}", "ties kept", "gained", "lost"], rows)
    rows = [[name, r["a"], r["b"], r["change"]] for name, r in _indexed(d.measures)]
    table("Graph measures", ["measure", A, B, "change"], rows)
    note("ties: as listed; edges and the *_share rows count arcs, as instnet.metrics does "
         "(a symmetric tie, listed once, counts 2).")
    for title, frame in (("Composition by role", d.roles), ("Composition by kind", d.kinds)):
        rows = [[g, *r] for g, r in zip(frame.index, frame.itertuples(index=False))]
        table(title, [frame.index.name, f"n {A}", f"n {B}", f"share {A}", f"share {B}",
                      f"ties {A}", f"ties {B}", f"tie share {A}", f"tie share {B}"], rows)
    rows = [[role, r["a"], r["b"]] for role, r in _indexed(d.alignment)]
    table("Role alignment (who plays each role)", ["role", A, B], rows)
    table("Ties between roles (source role -> target role; non-zero cells)",
          ["source role", "target role", A, B, "change"], _long_matrix(d.role_matrix))
    table("Ties between kinds (source kind -> target kind; non-zero cells)",
          ["source kind", "target kind", A, B, "change"], _long_matrix(d.kind_matrix))
    table("Distances", ["distance", "value", "exact", "detail"],
          [[x.name, x.value, x.exact, x.detail] for x in d.distances])
    out.extend(_section("What the distances mean", fmt))
    for x in d.distances:
        out.append(f"- {_md(x.name)}: {_md(x.meaning)}" if md else f"- {x.name}: {x.meaning}")
    return "\n".join(out) + "\n"
