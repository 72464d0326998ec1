"""Gould-Fernandez brokerage: who brokers between which groups, in five roles."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from ._prepare import _prepare

__all__ = ["BROKERAGE_ROLES", "brokerage"]

BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _groups(G, group_by):
    if group_by is None:
        return dict.fromkeys(G, None)
    values = {v: d.get(group_by) for v, d in G.nodes(data=True)}
    missing = [v for v, g in values.items() if g is None or (isinstance(g, float) and math.isnan(g))]
    if missing and len(missing) == len(values):
        known = sorted({k for _, d in G.nodes(data=True) for k in d})
        raise ValueError(
            f"no node has the attribute {group_by!r} used to form brokerage groups; "
            f"node attributes present: {', '.join(map(str, known)) or 'none'}"
        )
    if missing:
        shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5 else "")
        raise ValueError(
            f"{len(missing)} node(s) have no value for the brokerage group attribute "
            f"{group_by!r}: {shown}; give every node a value or group by another attribute"
        )
    return values


def brokerage(G: nx.Graph, group_by: str | None = "kind") -> pd.DataFrame:
    """Gould-Fernandez brokerage role counts of every node.

    Node ``j`` brokers the ordered pair ``(i, k)`` of distinct nodes when
    ``i -> j -> k`` and there is no tie ``i -> k``. Each such open two-path is
    one role, given the groups of ``i``, ``j`` and ``k``:

    ========================  ===========================================
    coordinator               all three in one group (A -> A -> A)
    itinerant (consultant)    ``i`` and ``k`` in one group, ``j`` in another (A -> B -> A)
    representative            ``j`` in ``i``'s group, ``k`` elsewhere (A -> A -> B)
    gatekeeper                ``j`` in ``k``'s group, ``i`` elsewhere (A -> B -> B)
    liaison                   three different groups (A -> B -> C)
    ========================  ===========================================

    ``brokerage`` is the total of the five. Counts are raw (as R sna's
    ``brokerage()$raw.nli``), not z-scores. In an undirected graph every tie
    runs both ways, so each open two-path ``i - j - k`` is counted for both
    ordered pairs ``(i, k)`` and ``(k, i)`` and the representative and
    gatekeeper counts coincide.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    group_by : str or None, default "kind"
        Node attribute that defines the groups (``kind``, ``role`` or any
        extra column). ``None`` puts every node in one group, so every broker
        is a coordinator and only the total is informative.

    Returns
    -------
    pandas.DataFrame
        Indexed by node, with integer columns ``coordinator``, ``itinerant``,
        ``representative``, ``gatekeeper``, ``liaison`` and ``brokerage``.

    Raises
    ------
    ValueError
        If some node has no value (absent or None) for ``group_by``; the
        message names the attribute and the nodes.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19, 89-126.
    .. [2] Butts, C. T. sna: Tools for Social Network Analysis (R package),
       ``brokerage()``.

    Examples
    --------
    A ministry relays the planning agency's instructions to a firm:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("plan", "ind"), ("ind", "firm")])
    >>> nx.set_node_attributes(G, {"plan": "gov", "ind": "gov", "firm": "business"}, "kind")
    >>> brokerage(G).loc["ind"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 0, 'liaison': 0, 'brokerage': 1}
    """
    G = _prepare(G)
    groups = _groups(G, group_by)
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    directed = G.is_directed()
    for j in G:
        preds = G.predecessors(j) if directed else G.neighbors(j)
        succs = list(G.successors(j) if directed else G.neighbors(j))
        gj = groups[j]
        row = counts[j]
        for i in preds:
            gi = groups[i]
            for k in succs:
                if k == i or G.has_edge(i, k):
                    continue
                gk = groups[k]
                if gi == gj == gk:
                    row["coordinator"] += 1
                elif gi == gk:
                    row["itinerant"] += 1
                elif gi == gj:
                    row["representative"] += 1
                elif gj == gk:
                    row["gatekeeper"] += 1
                else:
                    row["liaison"] += 1
    # one block of counts in node order, made into a frame once (from a dict, reindexed and summed by pandas it
    # took a third of the brokerage scores)
    nodes = list(G)
    table = np.array([[counts[v][r] for r in BROKERAGE_ROLES] for v in nodes], dtype=np.int64)
    table = table.reshape(len(nodes), len(BROKERAGE_ROLES))
    table = np.column_stack([table, table.sum(axis=1)])
    return pd.DataFrame(table, index=pd.Index(nodes, name="id"), columns=[*BROKERAGE_ROLES, "brokerage"])
