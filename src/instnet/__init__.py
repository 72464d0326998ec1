"""instnet: map, measure and compare how governments coordinate economic policy.

The public API is re-exported here and imported on first use, so that
``instnet --help`` does not pay for networkx and pandas.
"""

from importlib import import_module

_EXPORTS = {
    "InstnetError": "errors",
    "InvalidNetwork": "errors",
    "NetworkNotFound": "errors",
    "OutputError": "errors",
    "NODE_KINDS": "model",
    "RELATIONS": "model",
    "ROLES": "model",
    "Problem": "model",
    "bundled_ids": "load",
    "restrict": "layers",
    "check_network": "load",
    "load_all": "load",
    "load_network": "load",
    "resolve": "load",
    "tables": "load",
    "node_table": "metrics",
    "graph_table": "metrics",
    "scores_table": "metrics",
    "render_html": "render",
    "render_notebook": "render",
    "to_pyvis": "render.pyvis_export",
    "diff": "diff",
    "summary_sentences": "diff",
    "format_diff": "diff",
    "diff_html": "render.diff_view",
    "render_figure": "render.figure",
    "diff_figure": "render.figure",
    "classify_text": "classify",
    "classify": "classify",
    "robustness": "classify",
    "nearest_archetype": "classify",
    "export_files": "export",
    "build_site": "site",
    "network_page": "site",
    "notebook_view": "site",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'instnet' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
