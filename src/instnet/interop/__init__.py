"""Import networks from other tools: GraphML, GEXF, node-link JSON, Kumu
(JSON, or CSV/XLSX elements and connections) and Cytoscape.js JSON.

One module per format reads the file into a :class:`Parsed` graph; ``mapping``
maps attributes to instnet's kinds, relations and roles; ``folder`` writes the
network folder. XML is parsed with defusedxml: no entities, no outside files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import ID_PATTERN
from ._common import ImportFailed, Parsed
from .folder import network_files, write_folder
from .gexf import read_gexf
from .graphml import read_graphml
from .jsonfmt import read_json, slug
from .mapping import KindMap, read_kind_map
from .sheets import read_kumu_csv, read_kumu_xlsx

__all__ = [
    "IMPORT_FORMATS",
    "ImportFailed",
    "ImportReport",
    "Parsed",
    "KindMap",
    "read_kind_map",
    "read_graph",
    "import_file",
]

_READERS = {
    ".graphml": read_graphml,
    ".xml": read_graphml,
    ".gexf": read_gexf,
    ".json": read_json,
    ".cyjs": read_json,
    ".csv": read_kumu_csv,
    ".xlsx": read_kumu_xlsx,
}
IMPORT_FORMATS = tuple(_READERS)
"""File name endings ``instnet import`` reads."""


@dataclass
class ImportReport:
    """What an import wrote and what the user should check."""

    folder: Path
    nodes: int
    edges: int
    notes: list[str]


def read_graph(path: str | Path) -> Parsed:
    """Read any supported file into a :class:`Parsed` graph, by its name's ending.

    Raises
    ------
    ImportFailed
        For an unknown ending (with the list) or a file that cannot be read.
    """
    path = Path(path)
    suffix = ".kumu.json" if path.name.endswith(".kumu.json") else path.suffix.lower()
    reader = _READERS.get(".json" if suffix == ".kumu.json" else suffix)
    if reader is None:
        raise ImportFailed(f"{path}: unknown file type '{path.suffix}'; instnet imports {', '.join(IMPORT_FORMATS)}")
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file")
    return reader(path)


def _default_id(path: Path, parsed: Parsed) -> str:
    if parsed.meta is not None and isinstance(parsed.meta.get("id"), str) and ID_PATTERN.match(parsed.meta["id"]):
        return parsed.meta["id"]
    stem = path.name.split(".")[0]
    return slug(stem.replace("_", "-").replace("elements", "").replace("Elements", "")) or "imported"


def import_file(
    path: str | Path, network_id: str | None = None, parent: str | Path = ".", kind_map: str | Path | None = None
) -> ImportReport:
    """Turn ``path`` into the network folder ``parent/network_id``.

    Parameters
    ----------
    path : str or Path
        A ``.graphml``, ``.gexf``, ``.json`` (node-link, Kumu or
        Cytoscape.js), ``.cyjs``, Kumu ``...elements....csv`` (with its
        ``...connections....csv``) or ``.xlsx`` (sheets Elements and
        Connections) file.
    network_id : str, optional
        The new folder's name; by default the id an instnet export carries,
        else one made from the file name.
    parent : str or Path
        Where to create the folder.
    kind_map : str or Path, optional
        A TOML mapping of the file's attributes and values to instnet's kinds,
        relations and roles (see :mod:`instnet.interop.mapping`).

    Returns
    -------
    ImportReport
        The folder, the counts and the notes (unknown values with the
        closest instnet term, dropped ties, what to fill in).

    Raises
    ------
    ImportFailed
        For a file that cannot be read or is unsafe, a bad mapping file, or
        an existing folder.
    """
    path = Path(path)
    mapping = read_kind_map(kind_map)
    parsed = read_graph(path)
    if not parsed.nodes:
        raise ImportFailed(f"{path}: the file holds no nodes")
    network_id = network_id or _default_id(path, parsed)
    files, notes = network_files(parsed, network_id, path.name, mapping)
    folder = Path(parent) / network_id
    write_folder(folder, files)
    import csv
    import io

    edges = sum(1 for _ in csv.reader(io.StringIO(files["edges.csv"], newline=""))) - 1
    return ImportReport(folder, len(parsed.nodes), edges, notes)
