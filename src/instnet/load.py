"""Read network folders: the only code that opens files under ``graphs/``.

``read_folder`` turns a folder into raw rows with line numbers (never raising
on bad content); ``load_network`` validates them and builds a networkx
``DiGraph``; ``tables`` gives the tidy pandas view of a loaded graph.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from . import sheets
from .errors import InvalidNetwork, NetworkNotFound, SelectionError
from .frames import tables
from .model import EDGE_COLUMNS, NODE_COLUMNS, YEAR_COLUMNS, Problem, RawNetwork, Row, Table
from .validate import validate

__all__ = [
    "Row",
    "Table",
    "RawNetwork",
    "bundled_graphs_dir",
    "bundled_seeds_dir",
    "bundled_ids",
    "network_ids",
    "resolve",
    "select",
    "shadowed",
    "row_lines",
    "read_folder",
    "check_network",
    "load_network",
    "load_all",
    "tables",
]

_PKG = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PKG / "_bundled" / name
    return installed if installed.is_dir() else _PKG.parents[1] / name


def bundled_graphs_dir() -> Path:
    """The folder holding the bundled networks."""
    return _bundled("graphs")


def bundled_seeds_dir() -> Path:
    """The folder holding the bundled source documents."""
    return _bundled("seeds")


def network_ids(graphs_dir: Path) -> list[str]:
    """Ids (folder names) of the networks in ``graphs_dir``, sorted."""
    graphs_dir = Path(graphs_dir)
    if not graphs_dir.is_dir():
        return []
    return sorted(p.name for p in graphs_dir.iterdir() if (p / "network.toml").is_file())


def bundled_ids() -> list[str]:
    """Ids of the bundled networks, sorted."""
    return network_ids(bundled_graphs_dir())


def resolve(ref: str | Path) -> Path:
    """Turn a bundled id or a folder path into the network's folder.

    An existing folder wins over a bundled id of the same name.

    Raises
    ------
    NetworkNotFound
        When ``ref`` is neither, with the closest bundled id as a hint.
    """
    path = Path(ref)
    if path.is_dir():
        return path
    name = str(ref)
    candidate = bundled_graphs_dir() / name
    if "/" not in name and "\\" not in name and name not in ("", ".", "..") and (candidate / "network.toml").is_file():
        return candidate
    ids = bundled_ids()
    close = difflib.get_close_matches(name, ids, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise NetworkNotFound(
        f"no network '{name}': it is neither a bundled id nor a folder.{hint} Run 'instnet list' for the bundled ids."
    )


def shadowed(ref: str | Path) -> Path | None:
    """The bundled network a local folder named like a bundled id hides, if any (that folder wins)."""
    name = str(ref)
    candidate = bundled_graphs_dir() / name
    if "/" in name or "\\" in name or not Path(name).is_dir() or not (candidate / "network.toml").is_file():
        return None
    return None if Path(name).resolve() == candidate.resolve() else candidate


def _looks_like_network(folder: Path) -> bool:
    """A folder holding any of a network's files (network.toml, nodes/edges tables)."""
    names = ("network.toml", "network.xlsx", "nodes.csv", "edges.csv", "nodes.xlsx", "edges.xlsx")
    return any((folder / name).is_file() for name in names)


def _expand(ref: str | Path) -> list[Path]:
    """The network folders one reference stands for: itself, or the networks a folder holds."""
    path = Path(ref)
    if path.is_dir() and not _looks_like_network(path):
        inside = network_ids(path)
        if not inside:
            raise NetworkNotFound(
                f"{path}: neither a network folder (no network.toml) nor a folder of networks "
                "(no subfolder has a network.toml)"
            )
        return [path / i for i in inside]
    return [resolve(ref)]


def select(refs: Sequence[str | Path] = (), *, with_bundled: bool = False) -> dict[str, Path]:
    """The networks a command works on, by id, from any mix of references.

    Parameters
    ----------
    refs : sequence of str or Path
        Bundled ids, network folders and folders of networks, in any mix and
        order. With none (and ``with_bundled`` false) the bundled networks.
    with_bundled : bool
        Add the bundled networks to those of ``refs``.

    Returns
    -------
    dict
        Network id (folder name) to folder, in the order given (a folder of
        networks in id order), the bundled ones last.

    Raises
    ------
    SelectionError
        When the same network is named twice, when two different folders hold
        networks with the same id (both paths are named), or when the selection
        is empty.
    NetworkNotFound
        When a reference is neither a bundled id nor a folder with networks.

    Examples
    --------
    >>> sorted(select(["korea-1961", "japan-1955"]))
    ['japan-1955', 'korea-1961']
    >>> len(select()) == len(bundled_ids())
    True
    """
    folders = [folder for ref in refs for folder in _expand(ref)]
    if with_bundled or not refs:
        folders += [bundled_graphs_dir() / i for i in bundled_ids()]
    chosen: dict[str, Path] = {}
    for folder in folders:
        previous = chosen.get(folder.name)
        if previous is None:
            chosen[folder.name] = folder
        elif previous.resolve() == folder.resolve():
            raise SelectionError(f"network {folder.name!r} is selected twice: {previous} and {folder}")
        else:
            raise SelectionError(
                f"two networks have the id {folder.name!r}: {previous} and {folder}; "
                "rename one folder (ids must be unique in a selection)"
            )
    if not chosen:
        raise SelectionError("no networks selected: name bundled ids, network folders or folders of networks")
    return chosen


def row_lines(ref: str | Path) -> dict:
    """Where each institution and tie of a network is written, as ``path:line``.

    Returns
    -------
    dict
        Node id -> ``"…/nodes.csv:LINE"`` and ``(source, target)`` ->
        ``"…/edges.csv:LINE"`` (the first line of the row, as a spreadsheet
        counts it from the header at 1).
    """
    raw = read_folder(resolve(ref))
    out: dict = {}
    if raw.nodes is not None:
        out.update({row.cells.get("id", ""): f"{raw.nodes.path}:{row.line}" for row in raw.nodes.rows})
    if raw.edges is not None:
        out.update(
            {
                (row.cells.get("source", ""), row.cells.get("target", "")): f"{raw.edges.path}:{row.line}"
                for row in raw.edges.rows
            }
        )
    return out


def _decode(path: Path, data: bytes, problems: list[Problem]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem(str(path), 1, "byte-order mark removed (harmless)", "warning"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                str(path),
                line,
                f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 (in a spreadsheet: 'CSV UTF-8')",
            )
        )
        return data.decode("utf-8", errors="replace")


def _read_table(folder: Path, name: str, problems: list[Problem], books: dict) -> Table | None:
    """The ``nodes`` or ``edges`` table of a folder: ``NAME.csv``, ``NAME.xlsx`` or sheet NAME of ``network.xlsx``.

    ``books`` caches the workbooks read so far (``network.xlsx`` holds both tables).
    """
    csv_path, xlsx_path, book_path = folder / f"{name}.csv", folder / f"{name}.xlsx", folder / "network.xlsx"
    found = [p for p in (csv_path, xlsx_path) if p.is_file()]
    if len(found) == 2:
        problems.append(
            Problem(
                str(xlsx_path),
                1,
                f"both {csv_path.name} and {xlsx_path.name} are here: keep one "
                "(instnet reads the CSV; remove or rename the other)",
            )
        )
    if csv_path.is_file():
        return sheets.csv_table(csv_path, csv_path.read_bytes(), problems)
    for path, sheet in ((xlsx_path, None), (book_path, name)):
        if not path.is_file():
            continue
        if path not in books:
            books[path] = sheets.workbook_sheets(path, path.read_bytes(), problems)
        book = books[path]
        if book is None:
            return None
        if sheet is None:
            return sheets.sheet_table(path, next(iter(book.values()), []), problems)
        if sheet in book:
            return sheets.sheet_table(Path(f"{path}[{sheet}]"), book[sheet], problems)
        problems.append(
            Problem(
                str(path),
                1,
                f"no sheet named '{sheet}' in {path.name} (sheets: "
                f"{', '.join(book) or 'none'}); name the sheets 'nodes' and 'edges'",
            )
        )
        return None
    others = sorted(
        p.name for p in folder.glob(f"{name}.*") if p.suffix.lower() in (".xls", ".ods", ".numbers", ".txt", ".tsv")
    )
    hint = f" ({', '.join(others)} is here: save it as .xlsx or 'CSV UTF-8')" if others else ""
    what = f"missing file {csv_path.name}"
    if csv_path.is_dir():
        what = f"{csv_path.name} is a folder, not a file: the table goes in a file {csv_path.name}"
    problems.append(
        Problem(
            str(csv_path),
            1,
            f"{what} (or {xlsx_path.name}, or a sheet '{name}' in network.xlsx){hint}; run 'instnet new' to see its header",
        )
    )
    return None


def _toml_error_line(exc: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else 1


def _read_seeds(folder: Path, meta: dict, problems: list[Problem]) -> dict[str, str | None]:
    seeds: dict[str, str | None] = {}
    refs = meta.get("references")
    if not isinstance(refs, dict):
        return seeds
    places = [folder, folder.parent.parent / "seeds", bundled_seeds_dir()]
    for ref in refs.values():
        name = ref.get("seed") if isinstance(ref, dict) else None
        if not isinstance(name, str) or not name or name in seeds:
            continue
        seeds[name] = None
        if Path(name).name != name or name.startswith("."):
            continue  # the validator reports it: a seed is a plain file name
        for place in places:
            candidate = place / name
            try:
                if candidate.is_file():
                    seeds[name] = candidate.read_bytes().decode("utf-8", errors="replace")
                    break
            except OSError:
                continue  # e.g. a name too long for the file system: reported as not found
    return seeds


def read_folder(path: str | Path) -> RawNetwork:
    """Read a network folder without judging it; never raises on bad content."""
    folder = Path(path)
    problems: list[Problem] = []
    toml_path = folder / "network.toml"
    meta: dict | None = None
    meta_text = ""
    if not toml_path.is_file():
        what = "network.toml is a folder, not a file" if toml_path.is_dir() else "missing file network.toml"
        problems.append(Problem(str(toml_path), 1, f"{what}; run 'instnet new' to see a template"))
    else:
        meta_text = _decode(toml_path, toml_path.read_bytes(), problems)
        try:
            meta = tomllib.loads(meta_text)
        except tomllib.TOMLDecodeError as exc:
            problems.append(Problem(str(toml_path), _toml_error_line(exc), f"invalid TOML: {exc}"))
    books: dict = {}
    nodes = _read_table(folder, "nodes", problems, books)
    edges = _read_table(folder, "edges", problems, books)
    seeds = _read_seeds(folder, meta, problems) if meta else {}
    name = folder.resolve().name if str(path) in ("", ".") else folder.name
    return RawNetwork(folder, name, meta, meta_text, nodes, edges, seeds, problems)


def check_network(ref: str | Path) -> list[Problem]:
    """Every problem (errors and warnings) of a network, by id or folder."""
    raw = read_folder(resolve(ref))
    return raw.problems + validate(raw) + read_story(raw)[1]


def _value(column: str, text: str):
    if text == "":
        return None
    if column in YEAR_COLUMNS:
        return int(text)
    return text


def _build(raw: RawNetwork) -> nx.DiGraph:
    if raw.nodes is None or raw.edges is None:
        raise ValueError(f"{raw.path}: cannot build a network without both tables (validate it first)")
    meta = raw.meta or {}
    refs = {
        key: {
            "seed": ref.get("seed"),
            "citation": ref.get("citation", ""),
            "external": not ref.get("seed"),
        }
        for key, ref in meta.get("references", {}).items()
    }
    columns = meta.get("columns", {})
    G = nx.DiGraph(
        id=raw.id,
        title=meta.get("title", raw.id),
        country=meta.get("country", ""),
        era=meta.get("era", ""),
        start=meta.get("start"),
        end=meta.get("end"),
        summary=meta.get("summary", ""),
        idealized=bool(meta.get("idealized", False)),
        references=refs,
        columns={k: dict(v) for k, v in columns.items()},
        path=str(raw.path),
    )
    node_cols = list(NODE_COLUMNS) + list(columns.get("nodes", {}))
    for row in raw.nodes.rows:
        attrs = {c: _value(c, row.cells.get(c, "")) for c in node_cols if c != "id"}
        attrs["external"] = refs[attrs["cite"]]["external"]
        G.add_node(row.cells["id"], **attrs)
    edge_cols = list(EDGE_COLUMNS) + list(columns.get("edges", {}))
    for row in raw.edges.rows:
        attrs = {c: _value(c, row.cells.get(c, "")) for c in edge_cols if c not in ("source", "target")}
        attrs["external"] = refs[attrs["cite"]]["external"]
        G.add_edge(row.cells["source"], row.cells["target"], **attrs)
    return G


def load_network(ref: str | Path) -> nx.DiGraph:
    """Load a network by bundled id or folder path into a validated DiGraph.

    Parameters
    ----------
    ref : str or Path
        A bundled id such as ``"korea-1961"`` or the path of a network folder.

    Returns
    -------
    networkx.DiGraph
        Network metadata in ``G.graph``; node and edge attributes as in the
        CSV files (empty cells become ``None``, years become ``int``), plus
        ``external`` (the item cites a reference outside the seeds).

    Raises
    ------
    NetworkNotFound
        If ``ref`` names no network.
    InvalidNetwork
        If validation finds any error; ``exc.problems`` lists them all.

    Examples
    --------
    >>> G = load_network("korea-1961")
    >>> G.graph["country"]
    'South Korea'
    """
    raw = read_folder(resolve(ref))
    story, story_problems = read_story(raw)
    problems = raw.problems + validate(raw) + story_problems
    if any(p.severity == "error" for p in problems):
        raise InvalidNetwork(raw.path, problems)
    G = _build(raw)
    if story is not None:
        G.graph["story"] = story
    return G


SITE_TOML = "site.toml"
"""The file beside a folder of networks that names the comparisons a site draws."""


def read_site_toml(folder: str | Path) -> list[tuple[str, str]]:
    """The comparisons named in ``folder/site.toml`` (``compare = [["a", "b"], ...]``); none without the file.

    Raises
    ------
    SelectionError
        When the file is not valid TOML or ``compare`` is not a list of pairs of ids.
    """
    path = Path(folder) / SITE_TOML
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SelectionError(f"{path}: not valid TOML ({exc})") from exc
    pairs = data.get("compare", [])
    ok = isinstance(pairs, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    )
    if not ok:
        raise SelectionError(
            f'{path}: compare must be a list of pairs of network ids, e.g. compare = [["a-2000", "b-1990"]]'
        )
    return [(a, b) for a, b in pairs]


def load_all(graphs_dir: str | Path | None = None) -> dict[str, nx.DiGraph]:
    """Load every network of a graphs folder (the bundled one by default), by id."""
    folder = Path(graphs_dir) if graphs_dir is not None else bundled_graphs_dir()
    return {i: load_network(folder / i) for i in network_ids(folder)}


def load_archetypes() -> dict[str, nx.DiGraph]:
    """The bundled idealized networks, by id: those whose id starts with ``model-`` and that say ``idealized``.

    The one place the archetypes that :func:`instnet.classify.nearest_archetype` compares with are read.
    """
    from .model import ARCHETYPE_PREFIX

    out = {}
    for key in bundled_ids():
        if key.startswith(ARCHETYPE_PREFIX):
            G = load_network(key)
            if G.graph.get("idealized"):
                out[key] = G
    return out


def read_story(raw: RawNetwork) -> tuple[dict | None, list[Problem]]:
    """The story in ``story.toml`` beside ``network.toml``, checked against the network (None, [] when there is none).

    See :mod:`instnet.stories` for the file's form; problems come as ``path:line``.
    """
    from .stories import STORY_FILE, parse_story

    path = raw.path / STORY_FILE
    if not path.is_file():
        return None, []
    problems: list[Problem] = []
    text = _decode(path, path.read_bytes(), problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    meta = raw.meta or {}
    nodes = {row.cells.get("id", "") for row in raw.nodes.rows} if raw.nodes else set()
    ties = (
        {(row.cells.get("source", ""), row.cells.get("target", "")) for row in raw.edges.rows} if raw.edges else set()
    )
    refs = meta.get("references", {}) or {}
    story, found = parse_story(
        text, str(path), nodes=nodes, ties=ties, references=refs, start=meta.get("start"), end=meta.get("end")
    )
    return story, problems + found
