"""A country page's story: ordered steps through the country's eras, read from ``<page>.story.toml``.

The file lies beside the era folders and is named after the country page
(``graphs/thailand.story.toml`` for ``countries/thailand.html``). It has the
form of a network's ``story.toml`` (:mod:`instnet.stories`) plus one key per
step, ``era``: the network the step is about. The step's institutions, ties,
year and citation keys are checked against that era, so every claim cites a
reference of the network it is drawn on. :func:`parse_country_story` is pure;
:func:`read_country_story` reads the file (it lies beside the network folders,
not in one, like ``site.toml``; :mod:`instnet.load` stays the one reader of
network folders).

The file::

    title = "Thailand's machinery, 1980 to 2001"

    [[step]]
    era = "thailand-1980"                 # the network the step shows
    title = "Prem's three national committees"
    text = "A short text, from the sources."
    nodes = ["pm", "esdc"]
    ties = ["pm -> esdc"]
    cite = ["grips"]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from .model import Problem
from .stories import _check_step, _hint, story_head

__all__ = ["STORY_SUFFIX", "parse_country_story", "read_country_story"]

#: Problems that only a known era can decide: dropped when the step names no known era.
_NEEDS_ERA = ("unknown institution id", "unknown tie", "unknown citation key")

STORY_SUFFIX = ".story.toml"
"""A country story's file is ``<page name><STORY_SUFFIX>`` beside the era folders."""


def _era_of(step, number: int, lines: dict[str, int], path: str, eras: Mapping, problems: list[Problem]):
    """The era a step names (None, with a problem, when it names none of ``eras``)."""
    where = lines.get("era", lines.get("", 1))
    era = step.get("era") if isinstance(step, dict) else None
    if not isinstance(era, str) or not era.strip():
        names = ", ".join(eras)
        problems.append(Problem(path, where, f'step {number} needs an era = "..." (one of {names})'))
        return None
    if era not in eras:
        problems.append(
            Problem(
                path,
                where,
                f"unknown era '{era}' in step {number}: the page shows {', '.join(eras)}.{_hint(era, eras)}",
            )
        )
        return None
    return era


def parse_country_story(text: str, path: str, eras: Mapping[str, Mapping]) -> tuple[dict | None, list[Problem]]:
    """A country story read from its file's text, each step checked against the era it names.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        The file's path, for ``path:line`` messages.
    eras : mapping
        Era (network id, in time order) -> ``{"nodes", "ties", "references", "start", "end"}``:
        its institution ids, ``(source, target)`` ties, reference keys and years.

    Returns
    -------
    (dict or None, list of Problem)
        ``{"title", "summary", "steps": [{"era", "title", "text", "nodes", "ties", "year", "cite"}]}``
        (``None`` when any error was found) and every problem.

    Examples
    --------
    >>> era = {"nodes": {"pm"}, "ties": set(), "references": {"src": {}}, "start": 1980, "end": 1988}
    >>> story, problems = parse_country_story(
    ...     'title = "t"\\n[[step]]\\nera = "x-1908"\\ntitle = "s"\\ntext = "x"\\ncite = ["src"]\\n',
    ...     "x.story.toml", {"x-1980": era})
    >>> print(problems[0])
    x.story.toml:3: unknown era 'x-1908' in step 1: the page shows x-1980. Did you mean 'x-1980'?
    """
    data, step_lines, raw_steps, problems = story_head(text, path)
    if data is None:
        return None, problems
    steps = []
    for number, step in enumerate(raw_steps, 1):
        lines = step_lines[number - 1] if number <= len(step_lines) else {}
        era = _era_of(step, number, lines, path, eras, problems)
        facts = eras.get(era, {}) if era else {"nodes": set(), "ties": set(), "references": {}}
        ctx = {"path": path, "text": text, "start": facts.get("start"), "end": facts.get("end"), **facts}
        ctx.update(nodes=set(facts["nodes"]), ties=set(facts["ties"]))
        body = {k: v for k, v in step.items() if k != "era"} if isinstance(step, dict) else step
        found: list[Problem] = []
        clean = _check_step(body, number, lines, ctx, found)
        # without a known era, only the problems that do not depend on it are kept
        problems += [p for p in found if era or not p.message.startswith(_NEEDS_ERA)]
        steps.append({"era": era, **(clean or {})})
    if any(p.severity == "error" for p in problems):
        return None, problems
    return {"title": data["title"], "summary": data.get("summary", ""), "steps": steps}, problems


def read_country_story(path: str | Path, eras: Mapping[str, nx.DiGraph]) -> tuple[dict | None, list[Problem]]:
    """The story in ``path`` (a ``<page>.story.toml``), each step checked against its era.

    Parameters
    ----------
    path : path
        The story file.
    eras : mapping
        The page's loaded networks by id, in time order.

    Returns
    -------
    (dict or None, list of Problem)
        As :func:`parse_country_story`.
    """
    path = Path(path)
    data = path.read_bytes()
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem(str(path), 1, "byte-order mark removed (harmless)", "warning"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(str(path), line, "not UTF-8: save the file as UTF-8")]
    facts = {
        key: {
            "nodes": {str(n) for n in G.nodes},
            "ties": {(str(u), str(v)) for u, v in G.edges},
            "references": G.graph.get("references", {}) or {},
            "start": G.graph.get("start"),
            "end": G.graph.get("end"),
        }
        for key, G in eras.items()
    }
    story, found = parse_country_story(text, str(path), facts)
    return story, problems + found
