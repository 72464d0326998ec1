"""The site's country pages: one per country with more than one era.

Kept beside :mod:`instnet.site` (whose :data:`~instnet.site.PLANNERS` run
:func:`plan_countries` before the index) so that module stays small; the
grouping of networks into countries is :func:`instnet.render.country.site_countries`.
"""

from __future__ import annotations

import networkx as nx

from .workers import run_calls as _run

__all__ = ["country_files", "plan_countries"]


def country_files(stem: str, eras: list[nx.DiGraph]) -> dict[str, bytes]:
    """The page of one country's eras (``eras`` ordered by start year): ``countries/{stem}.html``."""
    from .render.country import country_html
    from .site import ASSETS_DIR

    country = str(eras[0].graph.get("country", stem)).strip()
    return {f"countries/{stem}.html": country_html(country, eras, assets=f"../{ASSETS_DIR}/").encode("utf-8")}


def plan_countries(ctx) -> None:
    """Plan output ``country:{stem}`` for each multi-era country of ``ctx.graphs`` (a :class:`instnet.site.PlanContext`)."""
    from .buildcache import digest
    from .render.country import site_countries

    todo = []
    for stem, ids in site_countries(ctx.graphs).items():
        name, inputs = f"country:{stem}", digest(ctx.code, *(f"{k}={ctx.inputs[k]}" for k in ids))
        ctx.plan.outputs[name] = (inputs, None)
        if not ctx.fresh(name, inputs):
            todo.append((name, (stem, [ctx.graphs[k] for k in ids])))
    results = _run([(country_files, args) for _, args in todo], ctx.jobs)
    for i, ((name, args), files) in enumerate(zip(todo, results, strict=True), 1):
        ctx.progress(f"[{i}/{len(todo)}] country page {args[0]}")
        ctx.plan.outputs[name] = (ctx.plan.outputs[name][0], files)
