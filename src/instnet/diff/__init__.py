"""Compare two networks: by identity (one country, two eras) and by role (any two).

Two eras of one country share institution ids (MITI and METI are both
``miti``), so their diff says which institutions and ties were added, removed,
changed or rewired. Two countries share no institutions, only functional
roles (``model.ROLES``) and node kinds, so every diff also compares the two
networks at the level of roles and kinds: composition, who-ties-to-whom
matrices, which institution plays each role, graph measures side by side and
distances whose meaning is spelled out in :data:`DISTANCE_MEANINGS`.

Pure: graphs in, a :class:`Diff` (DataFrames and plain values) out.

Modules: ``compute`` (:func:`diff`), ``result`` (:class:`Diff`,
:class:`Distance` and what each distance means), ``identity`` (matching
by id), ``groups`` (roles and kinds: tie matrices, composition, alignment),
``measures`` (each network's numbers side by side), ``ged`` (kind-aware
graph edit distance), ``sentences`` and ``formatting`` (the diff as text),
``values`` (JSON-ready values).
"""

from ..callable_package import make_callable
from .compute import diff
from .formatting import FORMATS, format_diff
from .ged import kind_aware_ged
from .groups import NO_ROLE, profile_distance, tie_matrix
from .result import DISTANCE_MEANINGS, Diff, Distance
from .sentences import short_label, summary_sentences

__all__ = [
    "DISTANCE_MEANINGS",
    "FORMATS",
    "NO_ROLE",
    "Diff",
    "Distance",
    "diff",
    "format_diff",
    "kind_aware_ged",
    "profile_distance",
    "short_label",
    "summary_sentences",
    "tie_matrix",
]


make_callable(__name__, diff)
