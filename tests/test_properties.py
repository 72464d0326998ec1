"""Property-based tests: random and hostile network folders never crash instnet.

Generated folders (network.toml, nodes.csv, edges.csv) hold random unicode
(control characters, NUL, RTL marks, odd code points), huge and empty cells,
missing, extra and duplicate columns, random bytes, UTF-16, CSV quoting corner
cases and TOML values of odd types. Loading and validating them must either
succeed or report problems with a path and a positive line number; the CLI
must exit 0, 1 or 2 and never show a traceback or an "internal error".
Valid networks drawn from the vocabulary must load with the counts drawn.

CI runs the "ci" profile (a few hundred examples per property). A longer
local run, with the failing examples kept in .hypothesis/:

    HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py -q -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import re
import tempfile
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC
from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from instnet.cli import cli
from instnet.errors import InvalidNetwork
from instnet.load import check_network, load_network, read_folder
from instnet.model import (
    BASES,
    EDGE_COLUMNS,
    NODE_COLUMNS,
    NODE_KINDS,
    RELATIONS,
    REQUIRED_EDGE_COLUMNS,
    REQUIRED_NODE_COLUMNS,
    ROLES,
    Problem,
)
from instnet.validate import validate

# On a failure Hypothesis writes a patch with libcst, whose import warns
# (mypy_extensions.TypedDict); with warnings as errors that turned every failing
# property into an INTERNALERROR that hid the falsifying example. Import it quietly.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):  # libcst missing: Hypothesis skips the patch
        import hypothesis.extra._patching  # noqa: F401

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(share: float) -> settings:
    """Settings running ``share`` of the profile's examples (for costly properties)."""
    return settings(max_examples=max(5, int(settings.default.max_examples * share)))


FILES = ("network.toml", "nodes.csv", "edges.csv")
NEWLINES = re.compile(r"\r\n|\r|\n")
INTERNAL = "internal error"
MORE = "\x00more"  # row key: cells written after the header's columns
FEWER = "\x00fewer"  # row key: how many of the header's cells are written

# ---------------------------------------------------------------------------
# text

# Pieces that break naive CSV, TOML, HTML or terminal handling.
TOKENS = [
    ",",
    '"',
    '""',
    "'",
    "\r",
    "\n",
    "\r\n",
    "\t",
    " ",
    "#",
    "\\",
    "=",
    "[",
    "]",
    "{",
    "}",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u061c",  # bidi marks and overrides
    "\ufeff",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x7f",
    "\x80",
    "\x9b",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0010fffd",
    "\U0001d518",
    "e\u0301",
    "\U0001f1f0\U0001f1f7",
    "\u4e2d\u6587",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "<script>alert(1)</script>",
    "</script>",
    "&amp;",
    "<b>",
    "${x}",
    "{{x}}",
    "%s",
    "=cmd|' /C calc'!A0",
    "ministry",
    "directs",
    "stated",
    "inferred",
    "id",
    "label",
    "nan",
    "None",
    "null",
    "1998",
    "-1",
]
CHARS = st.characters(exclude_categories=("Cs",))  # any code point but lone surrogates


def _text(tokens, chars, max_pieces=8):
    piece = st.one_of(st.text(chars, max_size=6), st.sampled_from(tokens))
    return st.lists(piece, max_size=max_pieces).map("".join)


#: anything, NUL included
hostile_text = _text([*TOKENS, "\x00", "\x00\x00"], CHARS)
#: what a valid cell may hold once read back: no NUL, no surrounding space,
#: and no leading '#' (a first cell starting with '#' makes a comment line)
_clean_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
cell_text = _text(TOKENS, _clean_chars).map(lambda s: re.sub(r"^[#\s]+", "", s).strip())
word = cell_text.map(lambda s: s or "x")
#: 2,000 to 100,000 characters (the CSV reader's field limit is 131,072)
long_label = st.tuples(word, st.integers(2_000, 100_000)).map(
    lambda t: (t[0] * (t[1] // len(t[0]) + 1))[: t[1]].strip()
)
slug = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are TOML escapes; DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return value.isoformat()  # date, datetime, time


def toml_document(data: dict, prefix: tuple = ()) -> str:
    """``data`` as TOML: scalars and arrays as ``key = value``, dicts as [tables]."""
    out = []
    if prefix:
        out.append("[" + ".".join(toml_key(p) for p in prefix) + "]")
    for key, value in data.items():
        if not isinstance(value, dict):
            out.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, value in data.items():
        if isinstance(value, dict):
            out.append(toml_document(value, (*prefix, key)))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# CSV


@dataclass(frozen=True)
class CsvStyle:
    """How a table is written: what spreadsheets and hands do to CSV files."""

    newline: str = "\n"
    bom: bool = False
    quote_all: bool = False
    pad: bool = False
    comment_every: int = 0
    blank_every: int = 0
    trailing_commas: int = 0
    final_newline: bool = True


csv_styles = st.builds(
    CsvStyle,
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
    quote_all=st.booleans(),
    pad=st.booleans(),
    comment_every=st.sampled_from([0, 0, 1, 3]),
    blank_every=st.sampled_from([0, 0, 2]),
    trailing_commas=st.sampled_from([0, 0, 1, 3]),
    final_newline=st.booleans(),
)


def _cell(value: str, style: CsvStyle) -> str:
    if style.pad:
        value = f" {value}\t"
    if style.quote_all or any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(header: list[str], rows: list[dict], style: CsvStyle) -> tuple[str, list[int]]:
    """The CSV text of ``rows`` and the row number a spreadsheet shows for each (the header is row 1).

    A record spanning several lines (a quoted cell with a newline) is one row: messages
    give this number (and the file's line where it differs).
    """
    parts: list[str] = []
    lines: list[int] = []
    line = 1

    def emit(text):
        nonlocal line
        parts.append(text)
        line += 1  # one record, one spreadsheet row, however many lines its cells span

    emit(",".join(_cell(h, style) for h in header) + style.newline)
    for i, row in enumerate(rows):
        if style.comment_every and i % style.comment_every == 0:
            emit(f"# row {i}, a comment; with commas{style.newline}")
        if style.blank_every and i % style.blank_every == 0:
            emit(style.newline)
        lines.append(line)
        cells = [row.get(h, "") for h in header][: row.get(FEWER)] + row.get(MORE, [])
        emit(",".join(_cell(c, style) for c in cells) + "," * style.trailing_commas + style.newline)
    text = "".join(parts)
    if not style.final_newline:
        text = text[: -len(style.newline)]
    return ("\ufeff" if style.bom else "") + text, lines


# ---------------------------------------------------------------------------
# valid networks


@dataclass
class Net:
    """A generated network folder, before it is written."""

    id: str
    meta: dict
    node_header: list[str]
    nodes: list[dict]
    edge_header: list[str]
    edges: list[dict]
    seeds: dict[str, str] = field(default_factory=dict)
    node_style: CsvStyle = CsvStyle()
    edge_style: CsvStyle = CsvStyle()

    def files(self) -> dict[str, bytes]:
        nodes, _ = write_csv(self.node_header, self.nodes, self.node_style)
        edges, _ = write_csv(self.edge_header, self.edges, self.edge_style)
        out = {
            "network.toml": toml_document(self.meta).encode("utf-8"),
            "nodes.csv": nodes.encode("utf-8"),
            "edges.csv": edges.encode("utf-8"),
        }
        out.update({name: text.encode("utf-8") for name, text in self.seeds.items()})
        return out

    def lines(self, table: str) -> list[int]:
        if table == "nodes":
            return write_csv(self.node_header, self.nodes, self.node_style)[1]
        return write_csv(self.edge_header, self.edges, self.edge_style)[1]


def _years(draw, lo, hi):
    """Empty, or a start and an end (end >= start) within [lo, hi]."""
    start = draw(st.one_of(st.none(), st.integers(lo, hi)))
    end = draw(st.one_of(st.none(), st.integers(start if start is not None else lo, hi)))
    return ("" if start is None else str(start)), ("" if end is None else str(end))


def _common(draw, refs: dict, seeds: dict, lo, hi) -> dict:
    key = draw(st.sampled_from(sorted(refs)))
    seed = refs[key].get("seed")
    if seed is not None:
        text = seeds[seed]
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, len(text)))
        quote = draw(st.sampled_from(["", re.sub(r"^[#\s]+", "", text[i:j]).strip()]))
    else:
        quote = draw(cell_text)
    start, end = _years(draw, lo, hi)
    return {
        "cite": key,
        "quote": quote,
        "basis": draw(st.sampled_from(sorted(BASES))),
        "description": draw(cell_text),
        "start": start,
        "end": end,
    }


def _header(draw, required, optional, extra):
    chosen = list(required) + [c for c in optional if draw(st.booleans())] + list(extra)
    return draw(st.permutations(chosen))


@st.composite
def valid_networks(draw, max_nodes=10, max_edges=16):
    idealized = draw(st.booleans())
    start = draw(st.one_of(st.none(), st.integers(1000, 2200)) if idealized else st.integers(1000, 2200))
    end = draw(st.one_of(st.none(), st.integers(start or 1000, 2200)))
    name = draw(slug)
    network_id = f"model-{name}" if idealized else f"{name}-{start}"
    meta = {
        "title": draw(word),
        "country": draw(word),
        "era": draw(word),
    }
    if start is not None:
        meta["start"] = start
    if end is not None:
        meta["end"] = end
    if draw(st.booleans()):
        meta["summary"] = draw(hostile_text)
    if idealized or draw(st.booleans()):
        meta["idealized"] = idealized
    keys = draw(st.lists(st.one_of(slug, word), min_size=1, max_size=3, unique=True))
    refs, seeds = {}, {}
    for key in keys:
        ref = {"citation": draw(word)}
        if draw(st.booleans()):
            seed = draw(st.from_regex(r"[a-z][a-z0-9_-]{0,8}\.txt", fullmatch=True))
            ref["seed"] = seed
            seeds.setdefault(seed, draw(_text(TOKENS, _clean_chars, max_pieces=20)))
        refs[key] = ref
    meta["references"] = refs
    reserved = set(NODE_COLUMNS) | set(EDGE_COLUMNS) | {"external"}
    extra_nodes = draw(st.lists(word.filter(lambda s: s not in reserved), max_size=2, unique=True))
    if extra_nodes:
        meta["columns"] = {"nodes": {c: draw(word) for c in extra_nodes}}
    lo, hi = start or 1000, end or 2200

    ids = draw(st.lists(word, min_size=1, max_size=max_nodes, unique=True))
    nodes = []
    for node in ids:
        row = _common(draw, refs, seeds, lo, hi)
        row.update(
            id=node,
            label=draw(st.one_of(word, long_label) if draw(st.integers(0, 9)) == 0 else word),
            kind=draw(st.sampled_from(sorted(NODE_KINDS))),
            role=draw(st.sampled_from(["", *sorted(ROLES)])),
        )
        row.update({c: draw(cell_text) for c in extra_nodes})
        nodes.append(row)
    node_optional = [c for c in NODE_COLUMNS if c not in REQUIRED_NODE_COLUMNS]
    node_header = _header(draw, REQUIRED_NODE_COLUMNS, node_optional, extra_nodes)
    for row in nodes:  # a column left out of the header is empty
        for c in node_optional:
            if c not in node_header:
                row[c] = ""

    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, len(ids) - 1), st.integers(0, len(ids) - 1)).filter(lambda p: p[0] != p[1]),
            max_size=max_edges if len(ids) > 1 else 0,
            unique=True,
        )
    )
    edges, relation_of = [], {}
    for u, v in pairs:
        relation = draw(st.sampled_from(sorted(RELATIONS)))
        if RELATIONS[relation].symmetric and relation_of.get((v, u)) == relation:
            relation = "advises"  # a symmetric tie is listed once
        relation_of[(u, v)] = relation
        row = _common(draw, refs, seeds, lo, hi)
        row.update(source=ids[u], target=ids[v], relation=relation)
        edges.append(row)
    edge_optional = [c for c in EDGE_COLUMNS if c not in REQUIRED_EDGE_COLUMNS]
    edge_header = _header(draw, REQUIRED_EDGE_COLUMNS, edge_optional, [])
    for row in edges:
        for c in edge_optional:
            if c not in edge_header:
                row[c] = ""
    return Net(network_id, meta, node_header, nodes, edge_header, edges, seeds, draw(csv_styles), draw(csv_styles))


DIR = object()  # a directory where a file should be


@contextmanager
def folder_with(files: dict, name: str):
    """A temporary network folder ``name`` holding ``files`` (None: left out)."""
    with tempfile.TemporaryDirectory(prefix="instnet-prop-") as tmp:
        folder = Path(tmp) / name
        folder.mkdir()
        for file, content in files.items():
            if content is DIR:
                (folder / file).mkdir()
            elif content is not None:
                (folder / file).write_bytes(content)
        yield folder


# ---------------------------------------------------------------------------
# invariants


def physical_lines(path: Path) -> int:
    if not path.is_file():
        return 0
    return len(NEWLINES.split(path.read_bytes().decode("utf-8", errors="replace")))


def assert_well_formed(problems, folder: Path):
    assert isinstance(problems, list)
    lines = {name: physical_lines(folder / name) for name in FILES}
    for p in problems:
        assert isinstance(p, Problem), p
        assert p.severity in ("error", "warning"), p
        assert isinstance(p.message, str) and p.message.strip(), p
        assert Path(p.path).parent == folder and Path(p.path).name in FILES, p
        assert isinstance(p.line, int) and not isinstance(p.line, bool), p
        assert 1 <= p.line <= max(1, lines[Path(p.path).name]), p
        assert "Traceback" not in p.message


def assert_loads_or_reports(folder: Path) -> list[Problem]:
    """The library contract on any folder; returns every problem found."""
    raw = read_folder(folder)
    problems = raw.problems + validate(raw)
    assert_well_formed(problems, folder)
    assert check_network(folder) == problems
    errors = [p for p in problems if p.severity == "error"]
    try:
        G = load_network(folder)
    except InvalidNetwork as exc:
        assert errors, "InvalidNetwork raised without an error problem"
        assert [p for p in exc.problems if p.severity == "error"] == errors
        assert str(errors[0]) in str(exc)
    else:
        assert not errors, errors
        assert isinstance(G, nx.DiGraph)
        assert nx.number_of_selfloops(G) == 0
    return problems


COMMANDS = {
    "validate": lambda p: ["validate", p],
    "show": lambda p: ["show", p],
    "metrics": lambda p: ["metrics", p],
    "classify": lambda p: ["classify", p],
    "render": lambda p: ["render", p, "-o", "tmp/x.html"],
    "export": lambda p: ["export", p, "--format", "json", "-o", "tmp/"],
}


def run_cli(folder: Path, command: str, make_tmp: bool = True):
    """Run one command on ``folder`` from a scratch working directory.

    Returns the result and the files written into ``tmp/`` (created first
    unless ``make_tmp`` is false).
    """
    runner = CliRunner()
    # not runner.isolated_filesystem(): deprecated in Click 8.5, and warnings are errors
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch, contextlib.chdir(scratch):
        if make_tmp:
            Path("tmp").mkdir()
        result = runner.invoke(cli, COMMANDS[command](str(folder)), env={"INSTNET_DEBUG": None})
        written = {p.name: p.read_bytes() for p in Path("tmp").iterdir()} if Path("tmp").is_dir() else {}
        assert sorted(os.listdir()) in ([], ["tmp"]), os.listdir()  # nothing written elsewhere
    assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        command,
        repr(result.exception),
    )
    assert "Traceback" not in result.output, (command, result.output)
    assert INTERNAL not in result.output, (command, result.output)
    return result, written


# ---------------------------------------------------------------------------
# valid networks load with what was drawn


def _check_valid(net: Net, folder: Path):
    problems = assert_loads_or_reports(folder)
    assert not [p for p in problems if p.severity == "error"], problems
    G = load_network(folder)
    assert G.graph["id"] == net.id
    assert G.number_of_nodes() == len(net.nodes)
    assert G.number_of_edges() == len(net.edges)
    for row in net.nodes:
        data = G.nodes[row["id"]]
        assert data["label"] == row["label"]
        assert data["kind"] == row["kind"]
        assert data["role"] == (row.get("role") or None)
        assert data["start"] == (int(row["start"]) if row.get("start") else None)
        assert data["external"] is ("seed" not in net.meta["references"][row["cite"]])
    for row in net.edges:
        data = G.edges[row["source"], row["target"]]
        assert data["relation"] == row["relation"]
        assert data["cite"] == row["cite"]
        assert data["quote"] == (row.get("quote") or None)
    return G


@given(valid_networks())
def test_valid_networks_load_with_their_counts(net):
    with folder_with(net.files(), net.id) as folder:
        _check_valid(net, folder)


@given(valid_networks(max_nodes=6, max_edges=8), st.booleans())
@examples(0.5)
def test_valid_networks_through_the_cli(net, make_tmp):
    with folder_with(net.files(), net.id) as folder:
        for command in COMMANDS:
            result, written = run_cli(folder, command, make_tmp)
            assert result.exit_code == 0, (command, result.output)
            if command == "show":
                assert f"{len(net.nodes)} institutions" in result.output
                assert f"{len(net.edges)} ties" in result.output
            if command == "render":
                assert written["x.html"].startswith(b"<!DOCTYPE html>") or b"<html" in written["x.html"][:2000]
            if command == "export":
                data = json.loads(written[f"{net.id}.json"])
                assert len(data["nodes"]) == len(net.nodes)
                assert len(data["edges"]) == len(net.edges)


@given(valid_networks(), st.data())
def test_a_broken_cell_is_reported_on_its_line(net, data):
    """Break one cell of one row: exactly that file and line report an error."""
    table = data.draw(st.sampled_from(["nodes", "edges"] if net.edges else ["nodes"]))
    rows = net.nodes if table == "nodes" else net.edges
    i = data.draw(st.integers(0, len(rows) - 1))
    column, bad = data.draw(
        st.sampled_from(
            [
                ("kind" if table == "nodes" else "relation", "no_such_term"),
                ("basis", "maybe"),
                ("cite", "no-such-reference\u200f"),
                ("label" if table == "nodes" else "target", ""),
            ]
        )
    )
    broken = [dict(r) for r in rows]
    broken[i][column] = bad
    net = replace(net, **{table: broken})
    line = net.lines(table)[i]
    with folder_with(net.files(), net.id) as folder:
        problems = assert_loads_or_reports(folder)
        errors = [p for p in problems if p.severity == "error"]
        assert errors
        assert {(Path(p.path).name, p.line) for p in errors} == {(f"{table}.csv", line)}, errors


# ---------------------------------------------------------------------------
# hostile folders


toml_scalars = st.one_of(
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 1000, 1961, 2200, 2201, 999, 10**19]),
    st.sampled_from(["a" * 300, "\u00e9" * 200, "seed.txt", "../seed.txt", ".hidden", "nodes.csv", "\u202e.txt"]),
    st.floats(),
    st.booleans(),
    hostile_text,
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.just(UTC))),
    st.times(),
)
toml_keys = st.one_of(
    st.sampled_from(
        [
            "title",
            "country",
            "era",
            "start",
            "end",
            "summary",
            "idealized",
            "references",
            "columns",
            "nodes",
            "edges",
            "seed",
            "citation",
            "mine",
        ]
    ),
    hostile_text.map(lambda s: s or "k"),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(toml_keys, inner, max_size=3)),
    max_leaves=8,
)


def _meta_paths(meta: dict) -> list[tuple]:
    paths = [(k,) for k in ("title", "start", "end", "idealized", "summary", "references", "columns")]
    for key, _ref in meta["references"].items():
        paths += [("references", key), ("references", key, "seed"), ("references", key, "citation")]
    paths += [("columns", "nodes"), ("columns", "edges"), ("columns", "nodes", "id")]
    return paths


def _set(meta: dict, path: tuple, value) -> dict:
    meta = copy.deepcopy(meta)
    node = meta
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[path[-1]] = value
    return meta


@st.composite
def table_mutations(draw, header: list[str], rows: list[dict]):
    """A header and rows with columns dropped, doubled, renamed or added, and odd cells."""
    header = list(header)
    rows = [dict(r) for r in rows]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                [
                    "drop",
                    "drop_header_only",
                    "duplicate",
                    "rename",
                    "add",
                    "cell",
                    "huge",
                    "empty_header",
                    "no_rows",
                    "many_cells",
                    "few_cells",
                ]
            )
        )
        if kind == "drop" and header:
            header.remove(draw(st.sampled_from(header)))
        elif kind == "drop_header_only" and header:
            gone = draw(st.sampled_from(header))
            i = header.index(gone)
            header[i] = "\x00"  # written, but renamed; the cells stay
        elif kind == "duplicate" and header:
            header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(header)))
        elif kind == "rename" and header:
            header[draw(st.integers(0, len(header) - 1))] = draw(hostile_text)
        elif kind == "add":
            column = draw(hostile_text)
            header.insert(draw(st.integers(0, len(header))), column)
            for row in rows:
                row[column] = draw(hostile_text)
        elif kind == "cell" and rows and header:
            rows[draw(st.integers(0, len(rows) - 1))][draw(st.sampled_from(header))] = draw(hostile_text)
        elif kind == "huge" and rows and header:
            size = draw(st.sampled_from([10_000, 140_000]))
            rows[draw(st.integers(0, len(rows) - 1))][draw(st.sampled_from(header))] = (
                draw(st.sampled_from('x\u202e,"\n')) * size
            )
        elif kind == "empty_header":
            header = []
        elif kind == "no_rows":
            rows = []
        elif kind == "many_cells" and rows:
            rows[draw(st.integers(0, len(rows) - 1))][MORE] = draw(st.lists(hostile_text, min_size=1, max_size=4))
        elif kind == "few_cells" and rows and header:
            rows[draw(st.integers(0, len(rows) - 1))][FEWER] = draw(st.integers(0, len(header) - 1))
    return header, rows


def _insert(data: bytes, at: int, piece: bytes) -> bytes:
    at = min(at, len(data))
    return data[:at] + piece + data[at:]


@st.composite
def hostile_folders(draw):
    """A valid network damaged in one to four ways: (folder name, files)."""
    net = draw(valid_networks(max_nodes=6, max_edges=8))
    meta = net.meta
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            meta = _set(meta, draw(st.sampled_from(_meta_paths(net.meta))), draw(toml_values))
    if draw(st.booleans()):
        meta = (
            draw(st.dictionaries(toml_keys, toml_values, max_size=6))
            if draw(st.booleans())
            else {**meta, **draw(st.dictionaries(toml_keys, toml_values, max_size=3))}
        )
    net = replace(net, meta=meta)
    if draw(st.booleans()):
        header, rows = draw(table_mutations(net.node_header, net.nodes))
        net = replace(net, node_header=header, nodes=rows)
    if draw(st.booleans()):
        header, rows = draw(table_mutations(net.edge_header, net.edges))
        net = replace(net, edge_header=header, edges=rows)
    files: dict = net.files()
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(FILES + tuple(sorted(net.seeds))))
        data = files.get(name)
        data = data if isinstance(data, bytes) else b""
        kind = draw(
            st.sampled_from(
                [
                    "bytes",
                    "utf16",
                    "latin1",
                    "truncate",
                    "insert",
                    "insert_bytes",
                    "missing",
                    "dir",
                    "empty",
                    "tokens",
                    "cr_only",
                ]
            )
        )
        if kind == "bytes":
            files[name] = draw(st.binary(max_size=500))
        elif kind == "utf16":
            files[name] = data.decode("utf-8", "replace").encode(
                draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32"]))
            )
        elif kind == "latin1":
            files[name] = data.decode("utf-8", "replace").encode("cp1252", "replace")
        elif kind == "truncate":
            files[name] = data[: draw(st.integers(0, len(data)))]
        elif kind == "insert":
            files[name] = _insert(data, draw(st.integers(0, len(data))), draw(hostile_text).encode("utf-8"))
        elif kind == "insert_bytes":
            files[name] = _insert(data, draw(st.integers(0, len(data))), draw(st.binary(min_size=1, max_size=8)))
        elif kind == "missing":
            files[name] = None
        elif kind == "dir":
            files[name] = DIR
        elif kind == "empty":
            files[name] = b""
        elif kind == "tokens":
            pieces = st.sampled_from(
                [
                    *TOKENS,
                    "\x00",
                    ",,,",
                    '"\n"',
                    '"a""b"',
                    "id,label,kind,cite,basis\n",
                    "source,target,relation,cite,basis\n",
                    "[references.x]\n",
                    'citation = "c"\n',
                    "start = 2020\n",
                    "= =\n",
                ]
            )
            files[name] = "".join(draw(st.lists(pieces, max_size=40))).encode("utf-8")
        elif kind == "cr_only":
            files[name] = data.replace(b"\r\n", b"\r").replace(b"\n", b"\r")
    name = net.id
    if draw(st.integers(0, 9)) == 0:
        name = draw(hostile_text.map(lambda s: s.replace("/", "").replace("\x00", "")[:60]))
        name = name if name not in ("", ".", "..") else f"x{name}"
    return name, files


@given(hostile_folders())
def test_hostile_folders_load_or_report(case):
    name, files = case
    with folder_with(files, name) as folder:
        problems = assert_loads_or_reports(folder)
        event("rejected" if any(p.severity == "error" for p in problems) else "accepted")


@given(
    st.dictionaries(st.sampled_from(FILES), st.one_of(st.binary(max_size=400), hostile_text.map(str.encode))),
    st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
)
def test_random_bytes_load_or_report(files, encoding):
    if encoding != "utf-8":
        files = {k: v.decode("utf-8", "replace").encode(encoding) for k, v in files.items()}
    with folder_with(files, "random-2020") as folder:
        assert_loads_or_reports(folder)


@given(hostile_folders(), st.sampled_from(sorted(set(COMMANDS) - {"validate"})))
@examples(0.5)
def test_hostile_folders_through_the_cli(case, command):
    """validate and one other command: exit 0 iff the folder has no error."""
    name, files = case
    with folder_with(files, name) as folder:
        has_errors = any(p.severity == "error" for p in check_network(folder))
        event("rejected" if has_errors else "accepted")
        result, _ = run_cli(folder, "validate")
        assert result.exit_code == (1 if has_errors else 0), result.output
        result, written = run_cli(folder, command)
        assert result.exit_code == (1 if has_errors else 0), (command, result.output)
        if has_errors:
            assert result.output.startswith("Error: ") and "error(s)" in result.output
            assert not written


@given(valid_networks(max_nodes=5, max_edges=6), st.data())
@examples(0.5)
def test_one_odd_toml_value_through_the_cli(net, data):
    """A valid network with one TOML value of an odd type: rejected, or every command works."""
    paths = [*_meta_paths(net.meta), ("summary",), ("columns", "edges", "weight"), ("era",), ("country",)]
    paths += [("references", key, "note") for key in net.meta["references"]]
    paths += [(data.draw(toml_keys, label="new top-level key"),)]
    path = data.draw(st.sampled_from(paths), label="path")
    net = replace(net, meta=_set(net.meta, path, data.draw(toml_values, label="value")))
    with folder_with(net.files(), net.id) as folder:
        problems = assert_loads_or_reports(folder)
        has_errors = any(p.severity == "error" for p in problems)
        event("rejected" if has_errors else "accepted")
        for command in COMMANDS:
            result, _written = run_cli(folder, command)
            assert result.exit_code == (1 if has_errors else 0), (command, result.output)
        if not has_errors:
            G = load_network(folder)
            assert G.number_of_nodes() == len(net.nodes) and G.number_of_edges() == len(net.edges)


# ---------------------------------------------------------------------------
# thousands of rows (a few examples)


def _big_network(seed: int, n_nodes: int, n_edges: int) -> Net:
    rng = random.Random(seed)
    alphabet = "abcdefghij\u00e9\u4e2d\u200f\u202e ,\"'\r\n<>&\x7f\x85\u2028\U0001f600"
    kinds, relations = sorted(NODE_KINDS), sorted(set(RELATIONS) - {"cooperates_with"})

    def label(k):
        return ("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) + f" {k}").strip()

    ids = [f"n{k}-{rng.randint(0, 9)}" for k in range(n_nodes)]
    nodes = [
        {
            "id": i,
            "label": label(k),
            "kind": rng.choice(kinds),
            "cite": "r",
            "basis": "inferred",
            "start": str(rng.randint(1961, 1979)) if rng.random() < 0.1 else "",
        }
        for k, i in enumerate(ids)
    ]
    pairs = set()
    while len(pairs) < n_edges:
        u, v = rng.randrange(n_nodes), rng.randrange(n_nodes)
        if u != v:
            pairs.add((u, v))
    edges = [
        {
            "source": ids[u],
            "target": ids[v],
            "relation": rng.choice(relations),
            "cite": "r",
            "basis": "inferred",
            "description": label(u) * rng.randint(0, 3),
        }
        for u, v in sorted(pairs)
    ]
    meta = {
        "title": "Big",
        "country": "Big",
        "era": "1960s",
        "start": 1961,
        "end": 1979,
        "references": {"r": {"citation": "Synthetic test data, 2024, p. 1."}},
    }
    style = CsvStyle(newline=rng.choice(["\n", "\r\n", "\r"]), pad=rng.random() < 0.5)
    return Net(
        "big-1961",
        meta,
        ["id", "label", "kind", "start", "cite", "basis"],
        nodes,
        ["source", "target", "relation", "description", "cite", "basis"],
        edges,
        node_style=style,
        edge_style=style,
    )


@given(st.integers(0, 2**32), st.integers(1000, 4000), st.data())
@examples(0.02)
def test_thousands_of_rows(seed, n_nodes, data):
    net = _big_network(seed, n_nodes, 2 * n_nodes)
    with folder_with(net.files(), net.id) as folder:
        G = _check_valid(net, folder)
        assert G.number_of_nodes() == n_nodes
        result, _ = run_cli(folder, "validate")
        assert result.exit_code == 0, result.output
    # one bad row among thousands is reported on its own line, and only it
    i = data.draw(st.integers(0, n_nodes - 1))
    nodes = [dict(r) for r in net.nodes]
    nodes[i]["kind"] = "ministry\u200f"
    net = replace(net, nodes=nodes)
    with folder_with(net.files(), net.id) as folder:
        errors = [p for p in assert_loads_or_reports(folder) if p.severity == "error"]
        assert [(Path(p.path).name, p.line) for p in errors] == [("nodes.csv", net.lines("nodes")[i])]


# ---------------------------------------------------------------------------
# regressions: bugs these properties found


def _scaffold(folder: Path, toml: str):
    (folder / "network.toml").write_text(toml, encoding="utf-8")
    (folder / "nodes.csv").write_text("id,label,kind,cite,basis\na,A,ministry,r,inferred\n", encoding="utf-8")
    (folder / "edges.csv").write_text("source,target,relation,cite,basis\n", encoding="utf-8")


def test_toml_problem_lines_ignore_unicode_line_separators(tmp_path):
    """U+2028 and NEL inside a TOML string do not end a line (validate._toml_line)."""
    folder = tmp_path / "sep-2020"
    folder.mkdir()
    _scaffold(
        folder,
        'summary = "one\u2028two\x85three"\ntitle = 5\ncountry = "C"\nera = "e"\n'
        'start = 2020\n[references.r]\ncitation = "A book, 2020, p. 1."\n',
    )
    problems = check_network(folder)
    assert [(p.line, p.message) for p in problems] == [(2, "'title' is missing or empty; add title = \"...\"")]


def test_overlong_seed_name_is_reported_not_raised(tmp_path):
    """A seed name longer than the file system allows (load._read_seeds raised OSError)."""
    folder = tmp_path / "long-2020"
    folder.mkdir()
    seed = "a" * 300 + ".txt"
    _scaffold(
        folder,
        f'title = "T"\ncountry = "C"\nera = "e"\nstart = 2020\n'
        f'[references.r]\nseed = "{seed}"\ncitation = "A book, 2020, p. 1."\n',
    )
    assert read_folder(folder).seeds == {seed: None}
    problems = check_network(folder)
    assert [(Path(p.path).name, p.line) for p in problems] == [("network.toml", 5)]
    assert f"seed file '{seed}' not found" in problems[0].message
    result, _ = run_cli(folder, "validate")
    assert result.exit_code == 1
    assert "File name too long" not in result.output


def test_summary_and_column_meanings_must_be_text(tmp_path):
    """A TOML date as summary or as a column's meaning passed validation and broke export."""
    head = 'title = "T"\ncountry = "C"\nera = "e"\nstart = 2020\n'
    refs = '[references.r]\ncitation = "A book, 2020, p. 1."\n'
    cases = {
        head + "summary = 1979-01-01\n" + refs: (5, "summary must be text in quotes"),
        head + refs + "[columns]\nnodes = {staff = 1979-01-01}\n": (7, "[columns] may only hold"),
    }
    for number, (toml, (line, message)) in enumerate(cases.items()):
        folder = tmp_path / f"odd{number}-2020"
        folder.mkdir()
        _scaffold(folder, toml)
        problems = check_network(folder)
        assert [p.line for p in problems] == [line] and problems[0].message.startswith(message)
        result, written = run_cli(folder, "export")
        assert result.exit_code == 1 and not written


def test_export_to_a_new_folder_named_with_a_slash(tmp_path):
    """``-o tmp/`` names a folder even before it exists (it used to write a file named tmp)."""
    folder = tmp_path / "slash-2020"
    folder.mkdir()
    _scaffold(
        folder,
        'title = "T"\ncountry = "C"\nera = "e"\nstart = 2020\n[references.r]\ncitation = "A book, 2020, p. 1."\n',
    )
    result, written = run_cli(folder, "export", make_tmp=False)
    assert result.exit_code == 0, result.output
    assert result.output == "wrote tmp/slash-2020.json\n"
    assert json.loads(written["slash-2020.json"])["nodes"] == [
        {
            "id": "a",
            "label": "A",
            "kind": "ministry",
            "role": None,
            "description": None,
            "start": None,
            "end": None,
            "cite": "r",
            "quote": None,
            "basis": "inferred",
            "external": True,
        }
    ]


def test_columns_table_of_the_wrong_type_is_reported(tmp_path):
    """``[columns] nodes = 5`` made validate raise TypeError (``'x' in 5``)."""
    folder = tmp_path / "cols-2020"
    folder.mkdir()
    _scaffold(
        folder,
        'title = "T"\ncountry = "C"\nera = "e"\nstart = 2020\n[references.r]\n'
        'citation = "A book, 2020, p. 1."\n[columns]\nnodes = 5\nedges = true\n',
    )
    (folder / "nodes.csv").write_text("id,label,kind,cite,basis,staff\na,A,ministry,r,inferred,12\n", encoding="utf-8")
    problems = check_network(folder)
    assert [(p.line, p.severity) for p in problems] == [(7, "error"), (1, "warning")]
    assert problems[0].message.startswith("[columns] may only hold")
    assert problems[1].message.startswith("unknown column 'staff' ignored")
    result, _ = run_cli(folder, "show")
    assert result.exit_code == 1 and "[columns] may only hold" in result.output
