"""Scoring a network against the six models: the scores, their verdicts and :func:`classify`."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .signatures import _SIGNATURES

__all__ = ["MODELS", "PRESENT", "TOP_MARGIN", "Classification", "ModelScore", "classify", "verdicts"]

#: The six models of the typology, in the slides' order, with a short label.
MODELS: dict[str, str] = {
    "technocrat-group": "Elite technocrat group under the top leader",
    "councils": "National councils or committees",
    "super-ministry": "Super-ministry for industrial policy",
    "hub-institution": "Sector hub institution",
    "strong-leader": "Strong leader without institutionalization",
    "fragmented": "Fragmented machinery",
}

#: A model is *top* when its score is at least the highest score minus this.
TOP_MARGIN = 0.05
#: A model is *present* when its score reaches this (and it is not top).
PRESENT = 0.5


@dataclass(frozen=True)
class ModelScore:
    """One model's score in [0, 1], the evidence for it and the nodes carrying it.

    ``actors`` are the ids of the nodes the score is built around (every one
    of them when several tie); they are the only part of a result that
    depends on node ids.
    """

    model: str
    score: float
    evidence: tuple[str, ...]
    actors: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return MODELS[self.model]


@dataclass(frozen=True)
class Classification:
    """The six model scores of one network.

    ``network`` is the network's id, kept for display only: no score reads it.
    """

    scores: tuple[ModelScore, ...]
    network: str | None = None

    def __getitem__(self, key: str) -> ModelScore:
        for s in self.scores:
            if s.model == key:
                return s
        raise KeyError(key)

    def score(self, key: str) -> float:
        """The score of model ``key``."""
        return self[key].score

    @property
    def top(self) -> list[str]:
        """Models whose score is within ``TOP_MARGIN`` of the highest (empty if all are 0)."""
        return [m for m, v in verdicts(self).items() if v == "top"]

    @property
    def best(self) -> str:
        """The model with the highest score (the first in MODELS order on an exact tie)."""
        return max(self.scores, key=lambda s: s.score).model

    def to_dict(self) -> dict:
        """Plain data: network, top models and, per model, score, verdict, evidence, actors."""
        v = verdicts(self)
        return {
            "network": self.network,
            "top": self.top,
            "models": {
                s.model: {
                    "label": s.label,
                    "score": s.score,
                    "verdict": v[s.model],
                    "evidence": list(s.evidence),
                    "actors": list(s.actors),
                }
                for s in self.scores
            },
        }

    def to_frame(self):
        """A DataFrame indexed by model: label, score, verdict, evidence, actors."""
        import pandas as pd

        v = verdicts(self)
        rows = [
            {
                "model": s.model,
                "label": s.label,
                "score": s.score,
                "verdict": v[s.model],
                "evidence": "; ".join(s.evidence),
                "actors": ", ".join(s.actors),
            }
            for s in self.scores
        ]
        return pd.DataFrame(rows).set_index("model")


def verdicts(c: Classification) -> dict[str, str]:
    """The verdict on each model: ``top``, ``present`` or ``absent``.

    ``top``: the score is positive and within ``TOP_MARGIN`` (0.05) of the
    highest score; ``present``: not top but at least ``PRESENT`` (0.5);
    ``absent``: the rest. :func:`robustness` counts how often each verdict
    survives a perturbation of the network.
    """
    best = max((s.score for s in c.scores), default=0.0)
    out = {}
    for s in c.scores:
        if best > 0 and s.score >= best - TOP_MARGIN - 1e-12:
            out[s.model] = "top"
        elif s.score >= PRESENT:
            out[s.model] = "present"
        else:
            out[s.model] = "absent"
    return out


def classify(G: nx.DiGraph) -> Classification:
    """Score a network against the six models of policy coordination.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as :func:`instnet.load.load_network` returns it. Only node
        ``kind`` and ``role``, edge ``relation`` and the graph are read.

    Returns
    -------
    Classification
        One :class:`ModelScore` per model of :data:`MODELS` (score in
        [0, 1], rounded to 6 decimals; evidence in words; the nodes that
        carry it). The models are not mutually exclusive. See each
        signature's docstring (``_technocrat_group`` ... ``_fragmented``) for
        the structure it looks for and the slide text behind it.

    Examples
    --------
    A leader, a planning body above the two ministries:

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("pm", {"kind": "head_of_government"}),
    ...                   ("plan", {"kind": "planning_agency"}),
    ...                   ("a", {"kind": "ministry"}), ("b", {"kind": "ministry"})])
    >>> G.add_edges_from([("pm", "plan", {"relation": "directs"}),
    ...                   ("plan", "a", {"relation": "plans_for"}),
    ...                   ("plan", "b", {"relation": "plans_for"})])
    >>> c = classify(G)
    >>> c.best, c.score("technocrat-group")
    ('technocrat-group', 1.0)
    >>> c["technocrat-group"].evidence[0]
    'one planning agency steers (directs or plans for) 2 of the 2 ministries'
    """
    scores = []
    for key, fn in _SIGNATURES.items():
        score, evidence, actors = fn(G)
        score = round(min(1.0, max(0.0, float(score))), 6)
        scores.append(ModelScore(key, score, tuple(evidence), tuple(actors)))
    return Classification(tuple(scores), G.graph.get("id"))
