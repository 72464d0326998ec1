"""What a diff holds: the :class:`Diff` of two networks, its distances and what they mean, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .sentences import summary_sentences
from .values import _matrix, _plain, _records

__all__ = ["DISTANCE_MEANINGS", "Diff", "Distance"]

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
    "role_level": (
        "Role-level distance: each network reduced to one node per functional role (institutions "
        "without a role grouped by kind) and its ties between roles to patterns (source role, target "
        "role, axis: vertical, horizontal or other); the mean of the Jaccard distances of the two role "
        "sets and of the two pattern sets. 0 = the same roles tied in the same ways, however finely each "
        "role is coded (a map and its hand-collapsed sketch); 1 = nothing in common. Symmetric. Ranks "
        "nearest cases (instnet nearest)."
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
        return {
            "name": self.name,
            "value": self.value,
            "exact": self.exact,
            "detail": self.detail,
            "meaning": self.meaning,
        }


@dataclass
class Diff:
    """Everything :func:`diff` found, as plain values and DataFrames.

    Attributes
    ----------
    a, b : dict
        Of each network: ``nodes``, ``ties`` (as listed: a symmetric tie once),
        ``top_hub`` (``id, label, ties, share`` of the institution with the most
        ties; None without ties), ``vertical_share`` and ``horizontal_share``
        (None without ties): the figures of :func:`instnet.metrics.tie_figures`,
        where the conventions are stated; ``id``, ``title``,
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
        None for the non-numeric ``top_hub``). The rows are those of
        :func:`instnet.metrics.graph_table`, documented there (nodes, ties,
        arcs, density, Freeman centralizations, Krackhardt's hierarchy
        measures, top hub, vertical / horizontal / other shares...), except
        ``directed``; ``top_hub`` is shown by label.
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
    grain : dict
        :func:`instnet.diff.grain.compare_grain` of the two networks: how finely
        each is coded, and a ``warning`` when they differ a lot.
    level : {"institution", "role"}
        ``role`` when both networks were first reduced to one node per role
        (:func:`instnet.diff.roles.reduce_to_roles`).
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
    grain: dict = field(default_factory=dict)
    level: str = "institution"

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
            "grain": _plain(self.grain),
            "level": self.level,
            "sentences": summary_sentences(self),
        }
