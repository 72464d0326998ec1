"""Pure checks of a network folder read by ``instnet.load.read_folder``.

``validate`` returns every problem found, each with its file and line and a
hint on how to fix it; it never raises on bad content and never reads files.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import replace

from .model import (
    BASES,
    EDGE_COLUMNS,
    ID_PATTERN,
    MAX_YEAR,
    META_KEYS,
    MIN_YEAR,
    NODE_COLUMNS,
    NODE_KINDS,
    PLACEHOLDER,
    RELATIONS,
    REQUIRED_EDGE_COLUMNS,
    REQUIRED_NODE_COLUMNS,
    ROLES,
    YEARED_ID,
    Problem,
    RawNetwork,
    Table,
    suggest_id,
)

__all__ = ["validate", "ID_PATTERN", "normalize_space"]


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space, as quotes are compared.

    >>> normalize_space("a \\n  b")
    'a b'
    """
    return " ".join(text.split())


@functools.lru_cache(maxsize=64)
def _normalized_seed(text: str) -> str:
    """A seed's text as quotes are compared with it (:func:`normalize_space`), made once per seed, not once per row."""
    return normalize_space(text)


def _suggest(value: str, options, cutoff: float = 0.5) -> str:
    options = list(options)
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    if key in options:
        return f" Did you mean '{key}'?"
    close = difflib.get_close_matches(key, options, n=1, cutoff=cutoff)
    return f" Did you mean '{close[0]}'?" if close else ""


def _toml_line(text: str, key: str, table: str | None = None) -> int:
    """Best-effort line of ``key = ...`` (or of ``[table]``) in a TOML text."""
    lines = text.split("\n")  # TOML lines end at \n only, not at U+2028 or \x0c
    if table is not None:
        pattern = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\]")
    else:
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number, line in enumerate(lines, 1):
        if pattern.match(line):
            return number
    return 1


def _check_meta(raw: RawNetwork, meta: dict) -> list[Problem]:
    text = raw.meta_text
    path = str(raw.path / "network.toml")
    out: list[Problem] = []

    def err(key, message, severity="error", table=None):
        out.append(Problem(path, _toml_line(text, key, table), message, severity))

    idealized = meta.get("idealized", False)
    if not isinstance(idealized, bool):
        err("idealized", "idealized must be true or false")
        idealized = False
    if not ID_PATTERN.match(raw.id):
        start_year = meta.get("start") if isinstance(meta.get("start"), int) else None
        out.append(
            Problem(
                path,
                1,
                f"folder name '{raw.id}' is not a valid id: use lower-case words joined by '-', ending in "
                f"the era's first year; rename the folder to '{suggest_id(raw.id, start_year)}'",
            )
        )
    for key in ("title", "country", "era"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            err(key, f"'{key}' is missing or empty; add {key} = \"...\"")
    if "summary" in meta and not isinstance(meta["summary"], str):
        err("summary", 'summary must be text in quotes: summary = "..."')
    for key in meta:
        if key not in META_KEYS:
            err(key, f"unknown key '{key}' ignored.{_suggest(key, META_KEYS)}", "warning")
    start, end = meta.get("start"), meta.get("end")
    for key, value in (("start", start), ("end", end)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR
        ):
            err(key, f"{key} = {value!r} is not a year; write a four-digit year without quotes")
    if start is None and not idealized:
        err("start", "start year missing; add start = YYYY (the era's first year)")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        err("end", f"end year {end} is before start year {start}")
    year = YEARED_ID.search(raw.id)
    if not idealized and isinstance(start, int) and not isinstance(start, bool):
        if not year:
            if ID_PATTERN.match(raw.id):  # an invalid id already has its advice
                out.append(
                    Problem(
                        path,
                        1,
                        f"id '{raw.id}' must end with the era's first year (then, optionally, a "
                        f"variant such as '-v2'): rename the folder to '{suggest_id(raw.id, start)}'",
                    )
                )
        elif int(year.group(1)) != start:
            err("start", f"start = {start} but the folder name '{raw.id}' says {year.group(1)}; make them agree")
    _check_references(meta, raw.seeds, err)
    return out


def _check_references(meta: dict, seeds: dict, err) -> None:
    """The ``[references]``, placeholder texts and ``[columns]`` of network.toml, reported through ``err``."""
    refs = meta.get("references")
    if not isinstance(refs, dict) or not refs:
        err("references", "no [references.<key>] table: every item must cite a reference", table="references")
    else:
        for key, ref in refs.items():
            table = f"references.{key}"
            if not isinstance(ref, dict):
                err(key, f"references.{key} must be a table with 'citation' (and 'seed' for a source document)")
                continue
            citation = ref.get("citation")
            if not isinstance(citation, str) or not citation.strip():
                err(
                    key,
                    f"[references.{key}] has no citation; give author, title, year and page or address",
                    table=table,
                )
            seed = ref.get("seed")
            if seed is None:
                continue
            if not isinstance(seed, str) or not seed or "/" in seed or "\\" in seed or seed.startswith("."):
                err(key, f"[references.{key}] seed must be a plain file name such as 'my-source.txt'", table=table)
            elif seeds.get(seed) is None:
                err(
                    key,
                    f"[references.{key}] seed file '{seed}' not found in the network folder, in seeds/ beside graphs/, or in instnet's bundled seeds",
                    table=table,
                )
    texts: list[tuple[str, str | None, str, object]] = [("summary", None, "summary", meta.get("summary"))] + [
        ("citation", f"references.{k}", f"[references.{k}] citation", r.get("citation"))
        for k, r in (refs.items() if isinstance(refs, dict) else [])
        if isinstance(r, dict)
    ]
    for text_key, text_table, name, value in texts:
        if isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
            err(
                text_key,
                f"{name} still holds the placeholder text of 'instnet new': replace it with your own",
                "warning",
                text_table,
            )
    columns = meta.get("columns", {})
    if not isinstance(columns, dict) or any(
        k not in ("nodes", "edges") or not isinstance(v, dict) or not all(isinstance(m, str) for m in v.values())
        for k, v in columns.items()
    ):
        err(
            "columns",
            '[columns] may only hold [columns.nodes] and [columns.edges] tables of name = "meaning"',
            table="columns",
        )


def _check_header(table: Table, required, known, declared) -> list[Problem]:
    out = []
    path = str(table.path)
    for column in required:
        if column not in table.header:
            hint = _suggest(column, [h for h in table.header if h not in known])
            out.append(Problem(path, 1, f"missing column '{column}': the header needs {', '.join(required)}.{hint}"))
    seen = set()
    for column in table.header:
        if column in seen:
            out.append(Problem(path, 1, f"column '{column}' appears twice in the header"))
        seen.add(column)
        if column not in known and column not in declared:
            hint = _suggest(column, known, cutoff=0.75)
            out.append(
                Problem(
                    path,
                    1,
                    f"unknown column '{column}' ignored.{hint} Declare it under [columns] in network.toml to keep it.",
                    "warning",
                )
            )
    return out


def _check_common(path: str, row, meta: dict, refs: dict, seeds: dict) -> list[Problem]:
    """Checks shared by node and edge rows: years, citation, quote, basis."""
    out = []
    cells = row.cells
    era_start, era_end = meta.get("start"), meta.get("end")
    years = {}
    for column in ("start", "end"):
        text = cells.get(column, "")
        if not text:
            continue
        if not re.fullmatch(r"\d{4}", text) or not MIN_YEAR <= int(text) <= MAX_YEAR:
            out.append(
                Problem(
                    path,
                    row.line,
                    f"{column} '{text}' is not a year; write four digits such as 1998, or leave it empty",
                )
            )
            continue
        year = years[column] = int(text)
        if (isinstance(era_start, int) and year < era_start) or (isinstance(era_end, int) and year > era_end):
            out.append(
                Problem(
                    path,
                    row.line,
                    f"{column} {year} lies outside the era {era_start}-{era_end or ''}; leave it empty if the item spans the whole era",
                )
            )
    if "start" in years and "end" in years and years["end"] < years["start"]:
        out.append(Problem(path, row.line, f"end {years['end']} is before start {years['start']}"))
    cite = cells.get("cite", "")
    if not cite:
        out.append(Problem(path, row.line, "empty cite: name a reference key from network.toml"))
    elif isinstance(refs, dict) and refs and cite not in refs:
        out.append(
            Problem(
                path,
                row.line,
                f"unknown citation key '{cite}'.{_suggest(cite, refs) or ' Add [references.' + cite + '] to network.toml.'}",
            )
        )
    basis = cells.get("basis", "")
    if basis and basis not in BASES:
        out.append(Problem(path, row.line, f"unknown basis '{basis}': use stated or inferred.{_suggest(basis, BASES)}"))
    elif not basis and "basis" in cells:
        out.append(Problem(path, row.line, "empty basis: write stated (the source says it) or inferred"))
    quote = cells.get("quote", "")
    ref = refs.get(cite) if isinstance(refs, dict) else None
    seed = ref.get("seed") if isinstance(ref, dict) else None
    seed_text = seeds.get(seed) if isinstance(seed, str) else None
    if quote and seed_text is not None and normalize_space(quote) not in _normalized_seed(seed_text):
        out.append(
            Problem(
                path, row.line, f"quote not found in seed '{seed}': copy the words exactly (only whitespace may differ)"
            )
        )
    if basis == "stated" and not quote and isinstance(seed, str):
        out.append(
            Problem(
                path,
                row.line,
                "stated item without a quote: give the source's words in 'quote', or mark it inferred",
                "warning",
            )
        )
    left = [c for c in ("label", "description") if cells.get(c, "").startswith(PLACEHOLDER)]
    if left:
        out.append(
            Problem(
                path,
                row.line,
                f"{' and '.join(left)} still the placeholder text of 'instnet new': replace it or delete the row",
                "warning",
            )
        )
    return out


def _check_nodes(raw: RawNetwork, table: Table, refs, declared) -> tuple[list[Problem], dict[str, int]]:
    path = str(table.path)
    out = _check_header(table, REQUIRED_NODE_COLUMNS, NODE_COLUMNS, declared)
    ids: dict[str, int] = {}
    if any(p.severity == "error" for p in out):
        return out, ids
    for row in table.rows:
        c = row.cells
        node = c["id"]
        if not node:
            out.append(Problem(path, row.line, "empty id: give every node a short unique id"))
        elif node in ids:
            out.append(
                Problem(path, row.line, f"duplicate id '{node}' (first on line {ids[node]}); ids must be unique")
            )
        else:
            ids[node] = row.line
        if not c["label"]:
            out.append(Problem(path, row.line, f"empty label for '{node}': give the name to show"))
        kind = c["kind"]
        if kind not in NODE_KINDS:
            out.append(
                Problem(
                    path,
                    row.line,
                    f"unknown kind '{kind}'.{_suggest(kind, NODE_KINDS) or ' See the kinds in graphs/README.md.'}",
                )
            )
        role = c.get("role", "")
        if role and role not in ROLES:
            out.append(
                Problem(
                    path,
                    row.line,
                    f"unknown role '{role}'.{_suggest(role, ROLES) or ' See the roles in graphs/README.md.'}",
                )
            )
        out += _check_common(path, row, raw.meta or {}, refs, raw.seeds)
    return out, ids


def _check_edges(raw: RawNetwork, table: Table, refs, declared, ids: dict[str, int] | None) -> list[Problem]:
    path = str(table.path)
    out = _check_header(table, REQUIRED_EDGE_COLUMNS, EDGE_COLUMNS, declared)
    if any(p.severity == "error" for p in out):
        return out
    pairs: dict[tuple[str, str], int] = {}
    for row in table.rows:
        c = row.cells
        source, target, relation = c["source"], c["target"], c["relation"]
        for end, node in (("source", source), ("target", target)):
            if not node:
                out.append(Problem(path, row.line, f"empty {end}: name a node id from nodes.csv"))
            elif ids is not None and node not in ids:
                out.append(Problem(path, row.line, f"{end} '{node}' is not a node in nodes.csv.{_suggest(node, ids)}"))
        if relation not in RELATIONS:
            out.append(
                Problem(
                    path,
                    row.line,
                    f"unknown relation '{relation}'.{_suggest(relation, RELATIONS) or ' See the relation types in graphs/README.md.'}",
                )
            )
        if source and source == target:
            out.append(Problem(path, row.line, f"self-loop on '{source}': an institution cannot be tied to itself"))
        elif source and target:
            key = (source, target)
            reverse = (target, source)
            if key in pairs:
                out.append(
                    Problem(
                        path,
                        row.line,
                        f"duplicate edge {source} -> {target} (first on line {pairs[key]}); keep one row and mention the other relation in its description",
                    )
                )
            elif (
                relation in RELATIONS
                and RELATIONS[relation].symmetric
                and reverse in pairs
                and raw_relation(raw, pairs[reverse]) == relation
            ):
                out.append(
                    Problem(
                        path,
                        row.line,
                        f"'{relation}' is symmetric and already listed as {target} -> {source} (line {pairs[reverse]}); list it once",
                    )
                )
            else:
                pairs[key] = row.line
        out += _check_common(path, row, raw.meta or {}, refs, raw.seeds)
    return out


def raw_relation(raw: RawNetwork, line: int) -> str:
    """The relation cell of the edge row on ``line``."""
    for row in raw.edges.rows if raw.edges else []:
        if row.line == line:
            return row.cells.get("relation", "")
    return ""


def _declared(columns: dict, table: str) -> dict:
    """The extra columns declared for ``table``; {} if [columns.<table>] is not a table (reported)."""
    declared = columns.get(table)
    return declared if isinstance(declared, dict) else {}


def validate(raw: RawNetwork) -> list[Problem]:
    """Every problem in a network read by ``instnet.load.read_folder``.

    Parameters
    ----------
    raw : RawNetwork
        The folder's contents with line numbers.

    Returns
    -------
    list of Problem
        Errors (the network cannot be used) and warnings (handled, but worth
        fixing), in file order. Problems found while reading the files
        (missing file, not UTF-8) are in ``raw.problems`` and not repeated.
    """
    if raw.meta is None:
        meta_problems: list[Problem] = []
        meta: dict = {}
    else:
        meta_problems = _check_meta(raw, raw.meta)
        meta = raw.meta
    raw = replace(raw, meta=meta)
    refs = meta.get("references", {})
    columns = meta.get("columns", {}) if isinstance(meta.get("columns", {}), dict) else {}
    node_problems: list[Problem] = []
    ids: dict[str, int] | None = None
    if raw.nodes is not None:
        node_problems, ids = _check_nodes(raw, raw.nodes, refs, _declared(columns, "nodes"))
        if any(p.line == 1 and p.severity == "error" for p in node_problems):
            ids = None  # the header is broken: endpoint checks would only echo it
        else:
            ids.update({row.cells.get("id", ""): row.line for row in raw.nodes.rejected})
    edge_problems: list[Problem] = []
    if raw.edges is not None:
        edge_problems = _check_edges(raw, raw.edges, refs, _declared(columns, "edges"), ids)
    if raw.nodes is not None and raw.nodes.header and not raw.nodes.rows:
        node_problems.append(Problem(str(raw.nodes.path), 1, "no nodes: add one row per institution"))
    return meta_problems + _with_file_lines(node_problems + edge_problems, raw)


def _with_file_lines(problems: list[Problem], raw: RawNetwork) -> list[Problem]:
    """Problems on a row whose first line in the file differs from its spreadsheet row say both."""
    lines = {
        (str(table.path), row.line): row.file_line
        for table in (raw.nodes, raw.edges)
        if table is not None
        for row in table.rows + table.rejected
        if row.file_line is not None and row.file_line != row.line
    }
    return [
        replace(p, message=f"{p.message} (line {lines[p.path, p.line]} of the file)")
        if (p.path, p.line) in lines
        else p
        for p in problems
    ]
