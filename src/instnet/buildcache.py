"""What a site build remembers between runs: the manifest, with each output's files and the hash of its inputs.

An output (one network's pages, one diff, the index, the shared assets) is
recomputed only when the digest of its inputs differs from the one the
previous build recorded, or when one of its files is gone. A digest covers the
bytes of every file of the network folders it reads, the bundled seeds and
archetypes, and instnet's own code (so a new version rebuilds everything).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

__all__ = [
    "MANIFEST",
    "Manifest",
    "Summaries",
    "code_digest",
    "digest",
    "folder_digest",
    "read_manifest",
    "manifest_text",
]

MANIFEST = ".instnet-manifest.json"

Manifest = dict[str, tuple[str, list[str]]]
"""Output name (``network:korea-1961``) -> (input digest, files it wrote)."""

Summaries = dict[str, tuple[str, dict]]
"""Network id -> (input digest, its summary as JSON: :class:`instnet.summary.NetworkSummary`)."""


def digest(*parts: str) -> str:
    """The SHA-256 of ``parts`` joined (each part ended by a NUL)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def _tree_digest(root: Path, patterns: Iterable[str] = ("*",)) -> str:
    h = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in root.rglob(pattern) if p.is_file()}) if root.is_dir() else []
    for path in files:
        if "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def folder_digest(folder: str | Path) -> str:
    """The digest of every file in a network folder (names and bytes)."""
    return _tree_digest(Path(folder))


@cache
def code_digest() -> str:
    """The digest of instnet's code and templates, the bundled seeds and archetypes (once per process)."""
    from .load import bundled_graphs_dir, bundled_seeds_dir
    from .model import ARCHETYPE_PREFIX

    package = Path(__file__).parent
    graphs = bundled_graphs_dir()
    archetypes = [_tree_digest(p) for p in sorted(graphs.glob(ARCHETYPE_PREFIX + "*")) if p.is_dir()]
    return digest(
        _tree_digest(package, ("*.py", "*.html", "*.css", "*.js", "*.toml", "*.csv")),
        _tree_digest(bundled_seeds_dir()),
        *archetypes,
    )


def read_manifest(out: Path) -> tuple[set[str], Manifest, Summaries]:
    """The files a previous build wrote into ``out``, its outputs and its networks' summaries; empty when there is none or it is unreadable.

    Reads both this format (``{"files": [...], "outputs": {...}}``) and the
    older plain list of files, whose outputs are unknown (so all are rebuilt).
    """
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    except (ValueError, OSError, UnicodeDecodeError, RecursionError):
        return set(), {}, {}
    listed = data.get("files", []) if isinstance(data, dict) else data
    files = {x for x in listed if isinstance(x, str)} if isinstance(listed, list) else set()
    files = {x for x in files if ".." not in Path(x).parts and not Path(x).is_absolute()}
    outputs: Manifest = {}
    raw = data.get("outputs", {}) if isinstance(data, dict) else {}
    for name, entry in raw.items() if isinstance(raw, dict) else ():
        if isinstance(entry, dict) and isinstance(entry.get("inputs"), str) and isinstance(entry.get("files"), list):
            outputs[name] = (entry["inputs"], [f for f in entry["files"] if isinstance(f, str) and f in files])
    summaries: Summaries = {}
    raw = data.get("summaries", {}) if isinstance(data, dict) else {}
    for key, entry in raw.items() if isinstance(raw, dict) else ():
        if isinstance(entry, dict) and isinstance(entry.get("inputs"), str) and isinstance(entry.get("summary"), dict):
            summaries[key] = (entry["inputs"], entry["summary"])
    return files, outputs, summaries


def manifest_text(
    outputs: Mapping[str, tuple[str, list[str]]], summaries: Mapping[str, tuple[str, dict]] | None = None
) -> str:
    """The manifest to write: every file, each output's input digest and files, each network's summary, sorted.

    Compact JSON on one line: only :func:`read_manifest` reads it.
    """
    files = sorted({f for _, names in outputs.values() for f in names})
    body = {
        "files": files,
        "outputs": {k: {"inputs": d, "files": sorted(names)} for k, (d, names) in sorted(outputs.items())},
        "summaries": {k: {"inputs": d, "summary": s} for k, (d, s) in sorted((summaries or {}).items())},
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True) + "\n"
