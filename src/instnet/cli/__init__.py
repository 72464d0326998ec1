"""The ``instnet`` command line: parse, call one library function, print.

The commands are here; what they share (the error-handling group, the
``--format``, ``--sources``, ``--year`` and selection options) is in
:mod:`instnet.cli.options`.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# Tiny matrices: OpenBLAS threads only add contention on a 2-core machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from ..errors import InstnetError
from ..text import FORMATS, write_table
from .options import (
    EXPORT_FORMATS,
    SIZE_MEASURES,
    SOURCES,
    VIEW_FORMATS,
    Group,
    at_year,
    format_option,
    load_layer,
    note_shadow,
    output_format,
    selection_options,
    sorted_frame,
    sources_option,
    year_option,
)

__all__ = ["cli", "EXPORT_FORMATS", "FORMATS", "SIZE_MEASURES", "SOURCES"]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="instnet")
def cli():
    """Map, measure and compare how governments coordinate economic policy.

    Every command that takes a NETWORK accepts a bundled id (see
    'instnet list') or the path of a network folder you made
    ('instnet new').

    Example: instnet show korea-1961
    """


@cli.command("list")
@selection_options
@format_option
def list_cmd(selection, fmt):
    """List networks: id, title, era, nodes and ties (the bundled ones by default).

    NETWORKS are bundled ids, network folders or folders of networks.

    Example: instnet list --format markdown
    """
    import pandas as pd

    from .. import load
    from ..metrics import tie_count

    rows = []
    for network_id, folder in selection.items():
        G = load.load_network(folder)
        rows.append(
            {
                "id": network_id,
                "title": G.graph["title"],
                "era": G.graph["era"],
                "nodes": G.number_of_nodes(),
                "ties": tie_count(G),
            }
        )
    frame = pd.DataFrame(rows, columns=["id", "title", "era", "nodes", "ties"])
    click.echo(write_table(frame, fmt, index=False))


@cli.command()
@click.argument("network", callback=note_shadow)
@sources_option
def show(network, sources):
    """Print a readable summary of NETWORK: metadata, institutions and ties.

    Example: instnet show japan-1955
    """
    from ..text import describe

    click.echo(describe(load_layer(network, sources)))


@cli.command("validate")
@selection_options
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, no warnings or summary lines.")
def validate_cmd(selection, quiet):
    """Check networks and report every problem as path:line: message.

    NETWORKS are bundled ids or network folders (a folder holding network
    folders checks them all); with none, every bundled network is checked.
    Exits with status 1 if any error is found.

    Example: instnet validate graphs/korea-1961 mycountry-2020
    """
    from .. import load

    failed = 0
    for ref in selection.values():
        try:
            problems = load.check_network(ref)
        except InstnetError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            if problem.severity == "error" or not quiet:
                click.echo(str(problem), err=True)
        if errors:
            failed += 1
        if not quiet:
            warnings = len(problems) - len(errors)
            state = f"{len(errors)} error(s)" if errors else "ok"
            click.echo(f"{ref}: {state}, {warnings} warning(s)")
    from ..site_countries import country_story_problems  # the country pages' stories (<page>.story.toml)

    problems = country_story_problems(selection)
    for problem in problems:
        if problem.severity == "error" or not quiet:
            click.echo(str(problem), err=True)
    failed += len({p.path for p in problems if p.severity == "error"})
    if failed:
        raise click.ClickException(f"{failed} network(s) failed validation")


@cli.command()
@click.argument("network_id")
@click.option(
    "--dir",
    "parent",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to create the network in.",
)
def new(network_id, parent):
    """Create a network folder NETWORK_ID to fill in with your own country.

    The folder holds network.toml, nodes.csv and edges.csv with their
    headers and a small example that validates; replace it with your data.

    Example: instnet new ghana-2017 --dir mygraphs
    """
    import shlex

    from ..errors import InvalidId
    from ..scaffold import new_network

    try:
        folder = new_network(network_id, parent)
    except InvalidId as exc:
        raise click.BadParameter(str(exc), param_hint="NETWORK_ID") from exc
    click.echo(f"created {folder}/ (network.toml, nodes.csv, edges.csv)")
    click.echo(f"next: edit the files, then run: instnet validate {shlex.quote(str(folder))}")


@cli.command()
@click.argument("network", callback=note_shadow)
@click.option("--nodes", "what", flag_value="nodes", default=True, help="One row per node (default).")
@click.option("--graph", "what", flag_value="graph", help="The whole-network measures.")
@click.option("--group-by", default="kind", show_default=True, help="Node attribute giving the brokerage groups.")
@click.option("--sort", default=None, help="Column to sort the node table by (numbers: largest first).")
@year_option
@format_option
@sources_option
def metrics(network, what, group_by, sort, year, fmt, sources):
    """Centralities, brokerage and hierarchy measures of NETWORK.

    Node table: degree, betweenness, closeness, eigenvector, PageRank,
    HITS, Burt's constraint and effective size, Gould-Fernandez brokerage.
    Graph table (--graph): Freeman centralizations, Krackhardt hierarchy,
    top hub and the shares of vertical and horizontal ties.

    Example: instnet metrics korea-1961 --sort betweenness --format markdown
    """
    from .. import metrics as m

    G = at_year(load_layer(network, sources), year)
    if what == "graph":
        series = m.graph_table(G)
        if fmt in ("json", "csv"):  # one record per network, as 'scores' prints them
            frame = series.to_frame().T
            frame.index = [G.graph.get("id", "network")]
            frame.index.name = "network"
        else:
            frame = series.to_frame(G.graph.get("id", "value"))
    else:
        try:
            frame = m.node_table(G, group_by=group_by)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--group-by") from exc
        frame = sorted_frame(frame, sort)
    click.echo(write_table(frame, fmt, labels=m.COLUMN_LABELS))


@cli.command()
@selection_options
@click.option("--sort", default=None, help="Column to rank the networks by (numbers: largest first).")
@format_option
@sources_option
def scores(selection, sort, fmt, sources):
    """Rank networks side by side on the whole-network measures (the bundled ones by default).

    NETWORKS are bundled ids, network folders or folders of networks.

    Example: instnet scores --sort centralization_degree --format markdown
    """
    from .. import metrics as m

    frame = sorted_frame(m.scores_table({i: load_layer(p, sources) for i, p in selection.items()}), sort)
    click.echo(write_table(frame, fmt, labels=m.COLUMN_LABELS))


@cli.command()
@click.argument("network", callback=note_shadow)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="File to write (default: NETWORK-ID.html here, or .svg/.png/.pdf with --format).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(VIEW_FORMATS),
    default=None,
    help="html: the interactive view; svg, png, pdf: a static figure for a paper (17 cm wide). "
    "Default: from the --output suffix, else html.",
)
@click.option(
    "--size-by",
    type=click.Choice(SIZE_MEASURES),
    default="degree",
    show_default=True,
    help="Node measure that sets node size.",
)
@click.option("--force", is_flag=True, help="Replace the output file even if instnet did not write it.")
@year_option
@sources_option
def render(network, output, fmt, size_by, force, year, sources):
    """Write an interactive, self-contained HTML view of NETWORK, or a static figure of it.

    The page works offline from a file: legend, tooltips with sources,
    node size by a centrality. --format svg, png or pdf (or an --output
    ending so) writes the same drawing as a figure for a paper: 17 cm
    wide, title, era and legend, text as text in SVG and PDF.

    Example: instnet render japan-1955 -o japan.html --size-by betweenness
    """
    from ..atomic import write_output
    from ..site import network_figure, network_page

    fmt = output_format(output, fmt)
    G = at_year(load_layer(network, sources), year)
    path = Path(output) if output else Path(f"{G.graph['id']}{'' if year is None else f'-{year}'}.{fmt}")
    write_output(path, network_page(G, size_by) if fmt == "html" else network_figure(G, fmt, size_by), force=force)
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("network", callback=note_shadow)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="graphml/gexf for Gephi, Cytoscape and yEd; node-link json; kumu (a Kumu JSON blueprint); "
    "cytoscape (Cytoscape.js JSON, .cyjs); csv metric tables (UTF-8 with a byte-order mark, for Excel).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="File to write (a folder for csv; default: here, named after the network).",
)
@click.option("--force", is_flag=True, help="Replace output files even if instnet did not write them.")
@sources_option
def export(network, fmt, output, force, sources):
    """Export NETWORK for other tools (Gephi, Cytoscape, Kumu, spreadsheets).

    No export holds a local path, and the same network gives the same bytes
    on any machine; 'instnet import' reads graphml, gexf, json, kumu and
    cytoscape exports back into the same network.

    Example: instnet export korea-1961 --format graphml -o korea.graphml
    """
    from ..atomic import write_output
    from ..errors import OutputError
    from ..export import export_files

    if fmt == "csv" and output is not None and Path(output).exists() and not Path(output).is_dir():
        raise OutputError(f"{output} is not a folder: csv writes two tables, give -o a folder for them")
    files = export_files(load_layer(network, sources), fmt)
    for name, content in files.items():
        if output is None:
            path = Path(name)
        elif fmt == "csv" or Path(output).is_dir() or output.endswith(("/", os.sep)):
            path = Path(output) / name
        else:
            path = Path(output)
        write_output(path, content, force=force)
        click.echo(f"wrote {path}")


# The commands that compare networks, and those that build and import, register on the group too.
from . import compare, publish  # noqa: E402, F401


def main(argv=None):
    """The ``instnet`` program (its console script and ``python -m instnet``): the group, in a process it ends.

    The garbage collector's automatic passes are off while the command starts: its imports (networkx, pandas,
    the templates' modules) make half a million objects that live until exit, and every pass over them found
    nothing (a tenth of the import time). A build turns them on again once it has imported what its pages
    need (:class:`instnet.workers.Workers`), as ``serve`` does before it watches; the other commands are
    short, and what cycles they leave is handed back with the rest of the process's memory.

    Before the interpreter exits, what the command left is frozen out of the garbage collector's sight:
    Python's closing collection would otherwise walk every object the command imported or made (0.08 s
    after a bundled site build, a fifteenth of it) only to free memory the process is handing back anyway.
    """
    gc.disable()
    try:
        return cli.main(args=argv, prog_name="instnet")
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
