"""The long lines a site's pages share, written once per network: ``data/<id>.js``.

A network's descriptions and quotes are most of its pages' weight, and each
is shown by several pages: the network's own view, every diff that compares
it and (as the tooltips of the drawing) both sides of a diff. On a site, each
network's distinct lines (:func:`network_lines`) are one script,
``data/<id>.js`` (:func:`lines_script`), and a page's JSON holds, in place of a
string made of such lines, ``{"$lines": [position, "literal line", ...]}``
(:func:`share_lines`): positions count through the tables of the networks the
page lists as ``lineFiles``, in order. ``static/lines.js`` gives every page
script the JSON with the strings whole again (``instnetData()``), as
:func:`resolve_lines` does here. Lists of records (a drawing's institutions
and ties) name their keys once, as ``{"$rows": [keys, row, ...]}``. A
self-contained page keeps its JSON as it is.

A network's lines depend on its files alone, so a page that uses them is
rebuilt whenever they change (the site's outputs of a network and of its
diffs read the same inputs).

Examples
--------
>>> tables = {"x-1990": ["The ministry plans the whole economy."]}
>>> shared = share_lines({"title": "MOF\\nThe ministry plans the whole economy.", "id": 1}, tables)
>>> shared
{'title': {'$lines': ['MOF', 0]}, 'id': 1, 'lineFiles': ['x-1990']}
>>> resolve_lines(shared, tables)
{'title': 'MOF\\nThe ministry plans the whole economy.', 'id': 1}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

import networkx as nx

from .tooltips import evidence_lines

__all__ = [
    "ABSENT",
    "DATA_DIR",
    "MIN_SHARED",
    "network_lines",
    "lines_script",
    "read_lines_script",
    "share_lines",
    "resolve_lines",
]

#: The folder of a site's per-network line files.
DATA_DIR = "data"

#: Lines shorter than this stay in the page (a reference would save little).
MIN_SHARED = 24

_KEY = "$lines"
_ROWS = "$rows"

#: A record's absent key in a ``$rows`` table.
ABSENT = "\x00"


def network_lines(G: nx.DiGraph) -> list[str]:
    """Each distinct line of the descriptions and quotes of ``G``'s institutions and ties, as tooltips show them.

    In the graph's order (institutions, then ties), each line once; lines shorter than :data:`MIN_SHARED` are left out.
    """
    seen: dict[str, None] = {}
    items = [d for _, d in G.nodes(data=True)] + [d for _, _, d in G.edges(data=True)]
    for data in items:
        for text in evidence_lines(data):
            for line in text.split("\n"):
                if len(line) >= MIN_SHARED:
                    seen.setdefault(line, None)
    return list(seen)


def lines_script(key: str, lines: Sequence[str]) -> str:
    """The script ``data/<key>.js``: it adds ``lines`` to ``window.instnetLines`` under ``key``.

    The JSON is escaped as in a page (no ``<``, ``>``, ``&`` nor line separators), so no line can end the script.

    >>> lines_script("x-1990", ["a </script> b"])
    '(window.instnetLines = window.instnetLines || {})["x-1990"] = ["a \\\\u003c/script\\\\u003e b"];\\n'
    """
    return f"(window.instnetLines = window.instnetLines || {{}})[{_json(key)}] = {_json(list(lines))};\n"


def read_lines_script(script: str) -> tuple[str, list[str]]:
    """The key and lines a script of :func:`lines_script` holds.

    >>> read_lines_script(lines_script("x-1990", ["one line", "two"]))
    ('x-1990', ['one line', 'two'])
    """
    match = re.fullmatch(r"\(window\.instnetLines = window\.instnetLines \|\| \{\}\)\[(.*?)\] = (.*);\n", script, re.S)
    if not match:
        raise ValueError("not a line file of instnet")
    return json.loads(match[1]), json.loads(match[2])


def _json(value) -> str:
    out = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        out = out.replace(char, code)
    return out


def share_lines(data, tables: Mapping[str, Sequence[str]]):
    """``data`` (a page's JSON) with each string that holds lines of ``tables`` written as references to them.

    ``tables``: the line tables of the page's networks, by site key, in the order the page loads them
    (its ``lineFiles``, added to a dict ``data``). A list of three or more records (dicts) is also
    written as ``{"$rows": [[key, ...], [value, ...], ...]}``: each key once, a record's absent
    key as :data:`ABSENT`. ``data`` comes back as it is (without ``lineFiles``, so it is read as it is)
    if it holds a dict that reads as either form, or the string :data:`ABSENT`.

    >>> share_lines({"nodes": [{"id": 0, "x": 1}, {"id": 1}, {"id": 2, "x": 3}]}, {})
    {'nodes': {'$rows': [['id', 'x'], [0, 1], [1, '\\x00'], [2, 3]]}, 'lineFiles': []}
    """
    index: dict[str, int] = {}
    offset = 0
    for lines in tables.values():
        for i, line in enumerate(lines):
            index.setdefault(line, offset + i)
        offset += len(lines)
    clash = []

    def rows(records: list) -> dict | list:
        keys = sorted({key for record in records for key in record})
        table = [[record.get(key, ABSENT) for key in keys] for record in records]
        return {_ROWS: [keys, *table]}

    def share(value):
        kind = type(value)  # exact types: the JSON a page makes (the walk is on every build's hot path)
        if kind is str:
            if len(value) < MIN_SHARED:
                if value == ABSENT:
                    clash.append(value)
                return value
            parts = value.split("\n")
            refs = [index.get(part) for part in parts]
            if refs.count(None) == len(refs):
                return value
            return {_KEY: [part if ref is None else ref for part, ref in zip(parts, refs, strict=True)]}
        if kind is dict:
            if len(value) == 1 and (_KEY in value or _ROWS in value):
                clash.append(value)
            return {key: share(item) for key, item in value.items()}
        if kind is list or kind is tuple:
            items = [share(item) for item in value]
            if len(items) >= 3 and all(type(item) is dict for item in items):
                return rows(items)
            return items
        if isinstance(value, str | dict | list | tuple):  # a subclass (Markup, a named tuple): the slow path
            return share(
                str(value) if isinstance(value, str) else dict(value) if isinstance(value, dict) else list(value)
            )
        return value

    out = share(data)
    if clash:  # a value that would read back as something else: the page keeps its JSON as it is
        return data
    if isinstance(out, dict):
        out["lineFiles"] = list(tables)  # also what says the JSON is to be made whole
    return out


def resolve_lines(data, tables: Mapping[str, Sequence[str]]):
    """A page's JSON whole again (what ``static/lines.js`` does): strings joined, records rebuilt; ``tables`` by key."""
    if not isinstance(data, dict) or "lineFiles" not in data:
        return data
    pool = [line for key in data["lineFiles"] for line in tables[key]]

    def resolve(value):
        if isinstance(value, dict):
            if set(value) == {_KEY}:
                return "\n".join(part if isinstance(part, str) else pool[part] for part in value[_KEY])
            if set(value) == {_ROWS}:
                keys, *table = value[_ROWS]
                return [
                    {key: resolve(item) for key, item in zip(keys, row, strict=True) if item != ABSENT} for row in table
                ]
            return {key: resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [resolve(item) for item in value]
        return value

    return resolve({key: item for key, item in data.items() if key != "lineFiles"})
