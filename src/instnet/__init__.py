"""instnet: map, measure and compare how governments coordinate economic policy.

The public API is re-exported here; see each module for details.
"""

from .errors import InstnetError, InvalidNetwork, NetworkNotFound, OutputError
from .load import bundled_ids, check_network, load_all, load_network, resolve, tables
from .model import NODE_KINDS, RELATIONS, ROLES, Problem

__all__ = [
    "InstnetError",
    "InvalidNetwork",
    "NetworkNotFound",
    "OutputError",
    "NODE_KINDS",
    "RELATIONS",
    "ROLES",
    "Problem",
    "bundled_ids",
    "check_network",
    "load_all",
    "load_network",
    "resolve",
    "tables",
]
