"""The site's country pages: one per country with more than one era, with its story when it has one.

Kept beside :mod:`instnet.site` (whose :data:`~instnet.site.PLANNERS` run
:func:`plan_countries` before the index) so that module stays small; the
grouping of networks into countries is :func:`instnet.render.country.site_countries`.
A country page's story is the file ``<page name>.story.toml`` beside the folder
of its latest era (:mod:`instnet.country_story`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from .model import Problem

__all__ = ["country_files", "country_stories", "country_story_problems", "plan_countries"]


def country_files(
    stem: str, eras: list[nx.DiGraph], story: dict | None = None, models: list[tuple[str, ...]] | None = None
) -> dict[str, bytes]:
    """The page of one country's eras (``eras`` ordered by start year): ``countries/{stem}.html``.

    ``models``: each era's top models, from the build's summaries (otherwise each era is classified again).
    """
    from .render.country import country_html
    from .site import ASSETS_DIR

    country = str(eras[0].graph.get("country", stem)).strip()
    html = country_html(country, eras, assets=f"../{ASSETS_DIR}/", story=story, models=models)
    return {f"countries/{stem}.html": html.encode("utf-8")}


def _story_path(stem: str, eras: list[nx.DiGraph]) -> Path | None:
    from .country_story import STORY_SUFFIX

    folder = eras[-1].graph.get("path")
    path = Path(folder).parent / f"{stem}{STORY_SUFFIX}" if folder else None
    return path if path is not None and path.is_file() else None


def country_stories(
    graphs: Mapping[str, nx.DiGraph],
) -> dict[str, tuple[Path, dict | None, list[Problem]]]:
    """Each country page's story file, read and checked: stem -> (path, story or None, problems).

    Pages without a story file are left out.
    """
    from .country_story import read_country_story
    from .render.country import site_countries

    out = {}
    for stem, ids in site_countries(graphs).items():
        eras = [graphs[k] for k in ids]
        path = _story_path(stem, eras)
        if path is not None:
            out[stem] = (path, *read_country_story(path, {k: graphs[k] for k in ids}))
    return out


def country_story_problems(selection: Mapping[str, str | Path]) -> list[Problem]:
    """The problems of the country stories of the networks in ``selection`` (id -> folder) that load.

    A ``*.story.toml`` beside them that names no country page of the selection is a warning.
    """
    from .country_story import STORY_SUFFIX
    from .errors import InstnetError
    from .load import load_network

    graphs = {}
    for key, folder in selection.items():
        try:
            graphs[key] = load_network(folder)
        except InstnetError:
            continue  # reported by the network's own validation
    stories = country_stories(graphs)
    problems = [p for _, _, found in stories.values() for p in found]
    from .render.country import site_countries

    pages = site_countries(graphs)
    folders = {Path(f).resolve().parent: Path(f).parent for f in selection.values()}
    for folder in sorted(folders.values()):
        for path in sorted(folder.glob(f"*{STORY_SUFFIX}")):
            stem = path.name.removesuffix(STORY_SUFFIX)
            if stem not in pages:
                names = ", ".join(pages) or "none"
                message = f"no country page '{stem}' among these networks (pages: {names}): the story is not shown"
                problems.append(Problem(str(path), 1, message, "warning"))
    return problems


def plan_countries(ctx) -> None:
    """Plan output ``country:{stem}`` for each multi-era country of ``ctx.graphs`` (a :class:`instnet.site.PlanContext`).

    The pages to make are queued in ``ctx.pending`` (made with the diffs and the index over one pool).

    Raises
    ------
    InvalidNetwork
        When a country's story file has an error (every problem is listed, as ``path:line``).
    """
    from .buildcache import digest
    from .errors import InvalidNetwork
    from .render.country import site_countries

    stories = country_stories(ctx.graphs)
    for where, checked, problems in stories.values():
        if checked is None:
            raise InvalidNetwork(where, problems)
    todo = []
    for stem, ids in site_countries(ctx.graphs).items():
        path, story = stories[stem][:2] if stem in stories else (None, None)
        told = hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else ""
        name, inputs = f"country:{stem}", digest(ctx.code, *(f"{k}={ctx.inputs[k]}" for k in ids), told)
        ctx.plan.outputs[name] = (inputs, None)
        if not ctx.fresh(name, inputs):
            models = [ctx.summaries[k].top for k in ids]  # every network is summarized before the countries are planned
            todo.append((name, (stem, [ctx.graphs[k] for k in ids], story, models)))
    ctx.pending += [(name, country_files, args, f"country page {args[0]}") for name, args in todo]
