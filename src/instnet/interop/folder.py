"""Turn a graph read from another tool into an instnet network folder."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

from ..atomic import write_atomic
from ..model import EDGE_COLUMNS, NODE_COLUMNS, NODE_KINDS, RELATIONS, ROLES
from ._common import ImportFailed, Parsed
from .mapping import KindMap, suggest

__all__ = ["network_files", "IMPORTED_KEY"]

IMPORTED_KEY = "imported"
"""The reference every item of a foreign file cites, with a citation to fill in."""
_VOCAB = {"kinds": NODE_KINDS, "relations": RELATIONS, "roles": ROLES}


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _toml(meta: dict, comments: dict[str, str]) -> str:
    """network.toml for ``meta``; ``comments`` puts a line above a reference table."""
    lines = []
    for key in ("title", "country", "era", "start", "end", "summary", "idealized"):
        value = meta.get(key)
        if value is None or (key == "idealized" and value is False) or (key == "summary" and value == ""):
            continue
        lines.append(f"{key} = {_toml_value(value)}")
    for key, ref in meta.get("references", {}).items():
        lines += ["", *([f"# {comments[key]}"] if key in comments else []), f"[references.{_toml_key(key)}]"]
        if ref.get("seed"):
            lines.append(f"seed = {_toml_value(ref['seed'])}")
        lines.append(f"citation = {_toml_value(ref.get('citation') or '')}")
    for table, columns in (meta.get("columns") or {}).items():
        if columns:
            lines += ["", f"[columns.{_toml_key(table)}]"] + [
                f"{_toml_key(c)} = {_toml_value(m)}" for c, m in columns.items()
            ]
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _csv(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(row.get(c)) for c in header] for row in rows])
    return out.getvalue()


def _pick(attrs: dict, names: list[str]):
    """The first attribute among ``names`` (any case) that has a value, and its name."""
    lowered = {k.lower(): k for k in attrs}
    for name in names:
        key = lowered.get(name.lower())
        if key is not None and attrs[key] not in (None, "", []):
            value = attrs[key]
            return (str(value[0]) if isinstance(value, list) else str(value)), key
    return None, None


class _Mapper:
    """Maps one file's values, counting what it could not map."""

    def __init__(self, mapping: KindMap):
        self.mapping = mapping
        self.unknown: Counter = Counter()
        self.missing: Counter = Counter()

    def value(self, table: str, attrs: dict, what: str, default: str) -> tuple[str, str | None]:
        raw, used = _pick(attrs, self.mapping.attributes[what])
        if raw is None:
            self.missing[table] += 1
            return default, None
        key = self.mapping.translate(table, raw)
        if key is None:
            self.unknown[table, raw] += 1
            return raw, used
        return key, used

    def report(self) -> list[str]:
        lines = []
        for (table, raw), count in sorted(self.unknown.items()):
            lines.append(
                f"{table[:-1]} {raw!r} ({count} item(s)) is not an instnet {table[:-1]}.{suggest(raw, _VOCAB[table])} "
                f"Map it under [{table}] in a --kind-map file, or fix the rows that instnet validate lists"
            )
        if self.missing["kinds"]:
            lines.append(
                f"{self.missing['kinds']} node(s) had no kind attribute ({', '.join(self.mapping.attributes['kind'])}): written as 'other'"
            )
        if self.missing["relations"]:
            lines.append(
                f"{self.missing['relations']} edge(s) had no relation attribute ({', '.join(self.mapping.attributes['relation'])}): left empty for you to fill in"
            )
        return lines


def _year(value):
    text = _cell(value).strip()
    return int(text) if re.fullmatch(r"\d{4}", text) else None


def _extras(attrs: dict, used: set, known, extra: dict, name: str) -> dict:
    out = {}
    for key, value in attrs.items():
        if key in used or key == "external" or value in (None, "", []):
            continue
        column = key if key not in known else f"source_{key}"
        column = re.sub(r"\s+", "_", column.strip())
        extra.setdefault(column, f"imported from {name} (attribute {key!r})")
        out[column] = value
    return out


def _readable_ids(parsed: Parsed) -> Parsed:
    """Ids made from labels when the file's ids are only numbers (``0``, ``n12``), as most tools write them."""
    if not parsed.nodes or not all(re.fullmatch(r"n?\d+", node) for node, _ in parsed.nodes):
        return parsed
    from .jsonfmt import slug

    new, used = {}, set()
    for node, attrs in parsed.nodes:
        label, _ = _pick(attrs, ["label", "name", "title"])
        base = slug(label) if label else node
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        new[node] = candidate
        used.add(candidate)
    notes = [*parsed.notes, "the file's node ids are numbers: ids were made from the labels (keep them across eras)"]
    return Parsed(
        [(new[n], a) for n, a in parsed.nodes],
        [(new.get(s, s), new.get(t, t), a) for s, t, a in parsed.edges],
        parsed.meta,
        notes,
        parsed.directed,
    )


def _foreign(parsed: Parsed, mapping: KindMap, name: str) -> tuple[dict, list, list, list[str]]:
    parsed = _readable_ids(parsed)
    mapper, notes = _Mapper(mapping), list(parsed.notes)
    node_extra: dict[str, str] = {}
    edge_extra: dict[str, str] = {}
    common = {"cite": IMPORTED_KEY, "basis": "inferred"}
    nodes, ids = [], set()
    for node, attrs in parsed.nodes:
        label, label_key = _pick(attrs, ["label", "name", "title"])
        kind, kind_key = mapper.value("kinds", attrs, "kind", "other")
        role, role_key = mapper.value("roles", attrs, "role", "")
        description, description_key = _pick(attrs, ["description", "desc", "notes"])
        used = {label_key, kind_key, role_key, description_key, "start", "end"}
        row = {
            "id": node,
            "label": label or node,
            "kind": kind,
            "role": role,
            "description": description or "",
            "start": _year(attrs.get("start")),
            "end": _year(attrs.get("end")),
            **common,
        }
        nodes.append({**row, **_extras(attrs, used, NODE_COLUMNS, node_extra, name)})
        ids.add(node)
    edges, pairs = [], set()
    for source, target, attrs in parsed.edges:
        if source not in ids or target not in ids:
            notes.append(
                f"edge {source} -> {target} dropped: {source if source not in ids else target!r} is not a node"
            )
            continue
        if source == target:
            notes.append(f"self-loop on {source!r} dropped (instnet ties join two institutions)")
            continue
        if (source, target) in pairs:
            notes.append(
                f"second edge {source} -> {target} dropped (instnet keeps one tie per pair; say the other in its description)"
            )
            continue
        pairs.add((source, target))
        relation, relation_key = mapper.value("relations", attrs, "relation", "")
        description, description_key = _pick(attrs, ["description", "desc", "notes"])
        row = {
            "source": source,
            "target": target,
            "relation": relation,
            "description": description or "",
            "start": _year(attrs.get("start")),
            "end": _year(attrs.get("end")),
            **common,
        }
        edges.append(
            {
                **row,
                **_extras(attrs, {relation_key, description_key, "start", "end", "id"}, EDGE_COLUMNS, edge_extra, name),
            }
        )
    if not parsed.directed:
        notes.append("the graph is undirected: each tie is read from its first end to its second; check the direction")
    columns = {k: v for k, v in (("nodes", node_extra), ("edges", edge_extra)) if v}
    meta = {
        "title": f"Imported from {name}",
        "country": "",
        "era": "",
        "summary": "",
        "references": {IMPORTED_KEY: {"citation": ""}},
        "columns": columns,
    }
    return meta, nodes, edges, notes + mapper.report()


def network_files(parsed: Parsed, network_id: str, name: str, mapping: KindMap) -> tuple[dict[str, str], list[str]]:
    """File name -> text of the network folder for ``parsed``, and the notes to show.

    An instnet export (``parsed.meta``) is written back as it was; any other
    file gets every item marked ``inferred``, citing ``[references.imported]``
    whose citation is left empty for the user to fill in.
    """
    comments = {}
    if parsed.meta is not None:
        meta, notes = parsed.meta, list(parsed.notes)
        nodes = [{"id": n, **a} for n, a in parsed.nodes]
        edges = [{"source": s, "target": t, **a} for s, t, a in parsed.edges]
        from ..load import bundled_seeds_dir

        seeds = sorted({r["seed"] for r in meta["references"].values() if isinstance(r, dict) and r.get("seed")})
        seeds = [s for s in seeds if not (bundled_seeds_dir() / s).is_file()]
        if seeds:
            notes.append(f"cites seed file(s) {', '.join(seeds)}: copy them into the new folder")
    else:
        meta, nodes, edges, notes = _foreign(parsed, mapping, name)
        year = re.search(r"-(\d{4})$", network_id)
        if year:
            meta["start"] = int(year.group(1))
        comments[IMPORTED_KEY] = f"imported from {name}: give the source's author, title, year and page or address"
        notes.append(
            f"every item is marked 'inferred' and cites [references.{IMPORTED_KEY}]: fill in its citation, "
            "the title, country, era and start year, then run instnet validate"
        )
    columns = meta.get("columns") or {}
    node_header = list(NODE_COLUMNS) + [c for c in columns.get("nodes", {}) if c not in NODE_COLUMNS]
    edge_header = list(EDGE_COLUMNS) + [c for c in columns.get("edges", {}) if c not in EDGE_COLUMNS]
    files = {
        "network.toml": _toml(meta, comments),
        "nodes.csv": _csv(node_header, nodes),
        "edges.csv": _csv(edge_header, edges),
    }
    return files, notes


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """Write the files into a new folder (an existing one is never touched)."""
    if folder.exists():
        raise ImportFailed(f"{folder} already exists; choose another --id or --dir, or remove it first")
    folder.mkdir(parents=True)
    for file_name, text in files.items():
        write_atomic(folder / file_name, text)
