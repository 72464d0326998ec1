"""Stories: ordered steps through a network, read from ``story.toml`` beside ``network.toml``.

A story is pure data checked against the network it walks through; this module
never reads files (:func:`instnet.load.read_story` does).

The file::

    title = "Who coordinates whom in Park's Korea"

    [[step]]
    title = "The planning board above the ministries"
    text = "A short text, from the sources."
    nodes = ["president", "epb"]           # institutions to highlight (ids)
    ties = ["president -> epb"]            # ties to highlight: "source -> target"
    year = 1965                            # optional: the year the step shows
    cite = ["grips", "kim-2011"]           # keys of the network's [references]
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Collection, Mapping

from .model import Problem

__all__ = ["STORY_FILE", "parse_story"]

STORY_FILE = "story.toml"
"""The file beside ``network.toml`` that holds a network's story."""

TOP_KEYS = ("title", "summary", "step")
STEP_KEYS = ("title", "text", "nodes", "ties", "year", "cite")
MAX_TEXT = 700
"""A step's text longer than this many characters gets a warning: a step is read on one screen."""

_HEADER = re.compile(r"^\s*\[\[\s*step\s*\]\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TIE = re.compile(r"^\s*(\S+)\s*->\s*(\S+)\s*$")


def _key_lines(text: str) -> tuple[dict[str, int], list[dict[str, int]]]:
    """Line numbers: of each top-level key, and of each step's header (``""``) and keys."""
    top: dict[str, int] = {}
    steps: list[dict[str, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if _HEADER.match(line):
            steps.append({"": number})
        elif (match := _KEY.match(line)) is not None:
            (steps[-1] if steps else top).setdefault(match.group(1), number)
    return top, steps


def _value_line(text: str, start: int, value: str) -> int:
    """The first line from ``start`` on that holds ``value`` in quotes (``start`` if none)."""
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        if f'"{value}"' in lines[number - 1] or f"'{value}'" in lines[number - 1]:
            return number
    return start


def _hint(word: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _strings(step: dict, key: str, where: int, path: str, problems: list[Problem]) -> list[str]:
    value = step.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(path, where, f'\'{key}\' must be a list of strings, e.g. {key} = ["a", "b"]'))
        return []
    return value


def _check_step(step, number: int, lines: dict[str, int], ctx: dict, problems: list[Problem]) -> dict | None:
    """One step checked against the network; its clean form, or None when it is unusable."""
    path, text = ctx["path"], ctx["text"]
    head = lines.get("", 1)
    at = lambda key: lines.get(key, head)  # noqa: E731 - a line-number lookup
    if not isinstance(step, dict):
        problems.append(Problem(path, head, f"step {number} must be a table [[step]]"))
        return None
    for key in step:
        if key not in STEP_KEYS:
            problems.append(Problem(path, at(key), f"unknown key '{key}' in step {number}.{_hint(key, STEP_KEYS)}"))
    for key in ("title", "text"):
        if not isinstance(step.get(key), str) or not step[key].strip():
            problems.append(Problem(path, at(key), f"step {number} needs a '{key}' (a non-empty string)"))
    if isinstance(step.get("text"), str) and len(step["text"]) > MAX_TEXT:
        problems.append(
            Problem(
                path,
                at("text"),
                f"step {number}'s text has {len(step['text'])} characters: keep it under {MAX_TEXT}",
                "warning",
            )
        )
    nodes = _strings(step, "nodes", at("nodes"), path, problems)
    for node in nodes:
        if node not in ctx["nodes"]:
            line = _value_line(text, at("nodes"), node)
            problems.append(
                Problem(path, line, f"unknown institution id '{node}' in step {number}.{_hint(node, ctx['nodes'])}")
            )
    ties = []
    for tie in _strings(step, "ties", at("ties"), path, problems):
        line = _value_line(text, at("ties"), tie)
        match = _TIE.match(tie)
        if match is None:
            problems.append(Problem(path, line, f"tie '{tie}' in step {number}: write it as \"source -> target\""))
            continue
        pair = (match.group(1), match.group(2))
        if pair not in ctx["ties"]:
            hint = (
                " (the tie runs the other way: swap them)"
                if pair[::-1] in ctx["ties"]
                else " (no such tie in edges.csv)"
            )
            problems.append(Problem(path, line, f"unknown tie '{tie}' in step {number}{hint}"))
            continue
        ties.append(list(pair))
    year = step.get("year")
    if year is not None:
        start, end = ctx["start"], ctx["end"]
        if not isinstance(year, int) or isinstance(year, bool):
            problems.append(Problem(path, at("year"), f"step {number}'s year must be a whole number such as 1965"))
            year = None
        elif (isinstance(start, int) and year < start) or (isinstance(end, int) and year > end):
            span = f"{start}-{end if end is not None else 'today'}"
            problems.append(
                Problem(path, at("year"), f"step {number}'s year {year} is outside the network's era {span}")
            )
            year = None
    cite = _strings(step, "cite", at("cite"), path, problems)
    if not cite:
        problems.append(
            Problem(path, at("cite"), f'step {number} cites no source: give cite = ["key"] from [references]')
        )
    for key in cite:
        if key not in ctx["references"]:
            line = _value_line(text, at("cite"), key)
            problems.append(
                Problem(path, line, f"unknown citation key '{key}' in step {number}.{_hint(key, ctx['references'])}")
            )
    clean = {k: step.get(k) for k in ("title", "text")}
    return {**clean, "nodes": [n for n in nodes if n in ctx["nodes"]], "ties": ties, "year": year, "cite": cite}


def story_head(text: str, path: str) -> tuple[dict | None, list[dict], list, list[Problem]]:
    """The checks every story file shares: TOML, its top-level keys, a title, some steps.

    Returns ``(data, step_lines, raw_steps, problems)``: the parsed table (None
    when the TOML does not parse), each step's key -> line, the steps as
    written and the problems found so far (``path:line``).
    """
    problems: list[Problem] = []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        return None, [], [], [Problem(path, line, f"invalid TOML: {exc}")]
    top, step_lines = _key_lines(text)
    for key in data:
        if key not in TOP_KEYS:
            problems.append(Problem(path, top.get(key, 1), f"unknown key '{key}' in the story.{_hint(key, TOP_KEYS)}"))
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        problems.append(Problem(path, top.get("title", 1), 'the story needs a title = "..."'))
    raw_steps = data.get("step", [])
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(Problem(path, top.get("step", 1), "the story has no steps: add [[step]] tables"))
        raw_steps = []
    return data, step_lines, raw_steps, problems


def parse_story(
    text: str,
    path: str,
    *,
    nodes: Collection[str],
    ties: Collection[tuple[str, str]],
    references: Mapping[str, object],
    start: int | None = None,
    end: int | None = None,
) -> tuple[dict | None, list[Problem]]:
    """A story read from the text of a ``story.toml``, checked against its network.

    Parameters
    ----------
    text : str
        The file's text.
    path : str
        The file's path, for ``path:line`` messages.
    nodes, ties : collections
        The network's institution ids and its ``(source, target)`` ties.
    references : mapping
        The network's reference keys.
    start, end : int or None
        The network's era: a step's year must lie inside it.

    Returns
    -------
    (dict or None, list of Problem)
        ``{"title": str, "steps": [{"title", "text", "nodes", "ties", "year", "cite"}]}``
        (``None`` when any error was found) and every problem, errors and warnings.

    Examples
    --------
    >>> story, problems = parse_story(
    ...     'title = "t"\\n[[step]]\\ntitle = "s"\\ntext = "x"\\nnodes = ["pm", "pmm"]\\ncite = ["src"]\\n',
    ...     "story.toml", nodes={"pm"}, ties=set(), references={"src": {}})
    >>> print(problems[0])
    story.toml:5: unknown institution id 'pmm' in step 1. Did you mean 'pm'?
    """
    data, step_lines, raw_steps, problems = story_head(text, path)
    if data is None:
        return None, problems
    ctx: dict[str, object] = {
        "path": path,
        "text": text,
        "nodes": set(nodes),
        "ties": set(ties),
        "references": references,
    }
    ctx.update(start=start, end=end)
    steps = [
        _check_step(step, i, step_lines[i - 1] if i <= len(step_lines) else {}, ctx, problems)
        for i, step in enumerate(raw_steps, 1)
    ]
    if any(p.severity == "error" for p in problems):
        return None, problems
    return {"title": data["title"], "summary": data.get("summary", ""), "steps": steps}, problems
