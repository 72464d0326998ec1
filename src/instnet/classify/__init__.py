"""Which model of policy coordination does a network's structure resemble?

The GRIPS slides "Diverse Models of Policy Coordination and the Role of
Economic Technocrats" name several models: "1. Elite technocrat group under
PM/President to design policies as nation's brain 2. National Councils or
Committees ... 3. Super-ministry (for IP) 4. Sector/issue-specific institute
acting as a hub", add "Strong Leader Without Institutionalization", and
contrast them with the "US (fragmented machinery)". "These approaches are not
mutually exclusive", so :func:`classify` gives each model its own score in
[0, 1], with the structural evidence behind it in words.

Scores read only the structure: node ``kind`` and ``role``, edge
``relation`` (and its axis in :data:`instnet.model.RELATIONS`) and the graph.
They never read the network id, its metadata, node ids, labels or
descriptions, so renaming every node or reordering the rows of the files
cannot change the result (only the ``actors`` lists, which name the nodes
that carry each model, follow the renaming). Every score is a function of
counts, so no iteration order enters it; where a choice between nodes is
made (the best candidate for a model) ties are kept together.

The signatures (each private ``_<model>`` function quotes the slides behind
it and gives the formula):

=================  ============================================================
technocrat-group   one planning body steers the ministries ("A planning body
                   above all ministries; the latter are implementing bodies"),
                   with authority from the top leader
councils           several councils, tied to the top leader, with ministries
                   as members ("Up to several"; "Ministers and officials
                   participate in policy making as members")
super-ministry     one ministry (with bureaus of its own) tied to business and
                   to much of the network through many kinds of tie ("One
                   ministry with broad authority", "multiple tasks")
hub-institution    a hub institution tied to government, business and
                   knowledge ("linking local and FDI firms, MOI ... and
                   universities")
strong-leader      the leader tied directly to most actors of every kind, with
                   no horizontal tie bypassing them ("works bilaterally ...
                   without horizontal coordination")
fragmented         nobody reaches most actors; ministries tied to nothing but
                   their principals, or answering to independent principals
                   ("US (fragmented machinery): Depts. ..., Congress, White
                   House")
=================  ============================================================

A model's *verdict* (:func:`verdicts`) is ``top`` when its score is positive
and within ``TOP_MARGIN`` (0.05) of the highest, ``present`` when it is not
top but reaches ``PRESENT`` (0.5), ``absent`` otherwise.

:func:`robustness` recomputes the scores over random removals of edges and
over stated-only edges; :func:`nearest_archetype` finds the closest of the
idealized networks; :func:`format_classification` prints the result.

Modules: ``classes`` (what class of actor a node is), ``signatures`` (the
six signatures) with ``evidence`` (their words), ``scoring``
(:func:`classify`, :func:`verdicts`), ``perturbation`` (:func:`robustness`),
``archetypes`` (:func:`nearest_archetype`) and ``report`` (the text formats).
"""

from ..callable_package import make_callable
from .archetypes import ARCHETYPE_PREFIX, archetype_distance, bundled_archetypes, nearest_archetype, role_profile
from .perturbation import CENTRALIZATIONS, Robustness, robustness
from .report import FORMATS, classify_text, format_classification
from .scoring import MODELS, PRESENT, TOP_MARGIN, Classification, ModelScore, classify, verdicts

__all__ = [
    "ARCHETYPE_PREFIX",
    "CENTRALIZATIONS",
    "FORMATS",
    "MODELS",
    "PRESENT",
    "TOP_MARGIN",
    "Classification",
    "ModelScore",
    "Robustness",
    "archetype_distance",
    "bundled_archetypes",
    "classify",
    "classify_text",
    "format_classification",
    "nearest_archetype",
    "robustness",
    "role_profile",
    "verdicts",
]


make_callable(__name__, classify)
