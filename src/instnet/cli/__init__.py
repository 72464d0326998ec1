"""The ``instnet`` command line: parse, call one library function, print.

The commands are here; what they share (the error-handling group, the
``--format``, ``--sources``, ``--year`` and selection options) is in
:mod:`instnet.cli.options`.
"""

from __future__ import annotations

import json
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
    Group,
    at_year,
    format_option,
    load_layer,
    note_shadow,
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
    if failed:
        raise click.ClickException(f"{failed} network(s) failed validation")


@cli.command()
@click.argument("network_id")
@click.option("--dir", "parent", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder to create the network in.")
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="HTML file to write (default: NETWORK-ID.html here).")
@click.option("--size-by", type=click.Choice(SIZE_MEASURES), default="degree", show_default=True, help="Node measure that sets node size.")
@click.option("--force", is_flag=True, help="Replace the output file even if instnet did not write it.")
@year_option
@sources_option
def render(network, output, size_by, force, year, sources):
    """Write an interactive, self-contained HTML view of NETWORK.

    The page works offline from a file: legend, tooltips with sources,
    node size by a centrality.

    Example: instnet render japan-1955 -o japan.html --size-by betweenness
    """
    from ..atomic import write_output
    from ..site import network_page

    G = at_year(load_layer(network, sources), year)
    path = Path(output) if output else Path(f"{G.graph['id']}{'' if year is None else f'-{year}'}.html")
    write_output(path, network_page(G, size_by), force=force)
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("network", callback=note_shadow)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="graphml/gexf for Gephi, Cytoscape and yEd; node-link json; kumu (a Kumu JSON blueprint); "
              "cytoscape (Cytoscape.js JSON, .cyjs); csv metric tables (UTF-8 with a byte-order mark, for Excel).")
@click.option("-o", "--output", type=click.Path(), default=None, help="File to write (a folder for csv; default: here, named after the network).")
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
    from ..export import export_files

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


@cli.command("diff")
@click.argument("network_a", callback=note_shadow)
@click.argument("network_b", callback=note_shadow)
@click.option("--format", "fmt", type=click.Choice(("table", "markdown", "json")), default="table", show_default=True, help="Output format.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None, help="Also write an interactive HTML diff view to this file.")
@click.option("--force", is_flag=True, help="Replace the --html file even if instnet did not write it.")
@click.option("--level", type=click.Choice(("institution", "role")), default="institution", show_default=True, help="role: first reduce both networks to one node per functional role (compares a detailed map with a sketch).")
@click.option("--year", "years", type=click.IntRange(0, 9999), multiple=True, metavar="YYYY",
              help="Compare the networks as they stood in this year; twice: a year of each (A, then B).")
@sources_option
def diff_cmd(network_a, network_b, fmt, html_file, force, level, years, sources):
    """Compare two networks: two eras of one country, or two countries.

    Shared institutions (same ids) are matched by identity: added,
    removed, changed and rewired. Any two networks are compared by
    functional role: composition, who-coordinates-whom matrices, measures
    and a structural distance, with a summary in sentences.

    Example: instnet diff japan-1955 japan-2012 --html japan.html
    """
    from ..diff import diff, format_diff

    if len(years) > 2:
        raise click.BadParameter("give --year once (both networks) or twice (A, then B)", param_hint="--year")
    years = (years + years)[:2] or (None, None)
    A, B = at_year(load_layer(network_a, sources), years[0]), at_year(load_layer(network_b, sources), years[1])
    d = diff(A, B, level=level)
    if level == "role":
        from ..diff.roles import reduce_to_roles

        A, B = reduce_to_roles(A), reduce_to_roles(B)
    click.echo(format_diff(d, fmt), nl=False)
    if html_file:
        from ..atomic import write_output
        from ..render.diff_view import diff_html

        write_output(html_file, diff_html(A, B, d), force=force)
        click.echo(f"wrote {html_file}", err=True)


@cli.command()
@click.argument("network", callback=note_shadow)
@format_option
@click.option("--robustness", "robust", is_flag=True, help="Add verdict stability and score intervals over random edge removals and stated-only edges.")
@click.option("--runs", type=click.IntRange(1, 10000), default=200, show_default=True, help="Random removals for --robustness.")
@click.option("--drop", type=click.FloatRange(0, 0.9), default=0.1, show_default=True, help="Share of edges removed in each run.")
@year_option
@sources_option
def classify(network, fmt, robust, runs, drop, year, sources):
    """Which coordination model does NETWORK's structure resemble?

    Scores the six models of the sources (technocrat group, councils,
    super-ministry, hub institution, strong leader, fragmented) from
    node kinds, roles and relation types only, each with its evidence,
    and names the nearest idealized archetype.

    Example: instnet classify thailand-2001 --robustness
    """
    from ..classify import bundled_archetypes, classify_text

    G = at_year(load_layer(network, sources), year)
    click.echo(classify_text(G, fmt, robust=robust, archetypes=bundled_archetypes(), runs=runs, drop=drop))


@cli.command()
@click.argument("network", callback=note_shadow)
@click.option("--graphs", "graphs", multiple=True, type=click.Path(exists=True, file_okay=False), help="Also rank these network folders or folders of networks; repeat it for several.")
@click.option("--top", type=click.IntRange(1, None), default=None, help="Show only the nearest N.")
@format_option
def nearest(network, graphs, top, fmt):
    """Rank the other networks by role-level distance to NETWORK, with reasons.

    Each network is reduced to one node per functional role, ties to
    patterns (source role, target role, axis); the distance is 0 for the same
    roles tied the same ways, however finely each was coded. Candidates: the
    bundled networks and those of --graphs.

    Example: instnet nearest korea-1961 --top 3
    """
    from ..diff.nearest import rank_selection

    frame = rank_selection(network, graphs)
    click.echo(write_table(frame if top is None else frame.head(top), fmt, index=False))


@cli.command()
@selection_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="output", show_default=True, help="Folder to write the site into.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines, only the summary.")
def build(selection, out_dir, jobs, quiet):
    """Build the whole site: views, diffs, exports and index.html.

    NETWORKS are bundled ids, network folders or folders of networks (with
    none, the bundled ones). Nothing is written unless every network is
    valid; only outputs whose inputs changed are recomputed, unchanged files
    are left alone and files of removed networks are cleaned away.

    Example: instnet build --graphs mygraphs --out site
    """
    from ..site import build_site

    progress = (lambda _: None) if quiet else (lambda line: click.echo(line, err=True))
    report = build_site(selection, out_dir, progress, jobs=jobs or os.cpu_count() or 1)
    click.echo(report.summary())


@cli.command()
@selection_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="output", show_default=True, help="Folder to build the site into.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes of the first build (0: one per core).")
def serve(selection, out_dir, host, port, jobs):
    """Preview the site: build it, serve it and rebuild it whenever a network file is saved.

    Open pages reload by themselves; while a file is broken they show its
    problems (path:line: message). Stop with Ctrl-C.

    Example: instnet serve korea-1961 --graphs mygraphs
    """
    from ..serve import serve as serve_site

    serve_site(
        selection,
        out_dir,
        host=host,
        port=port,
        jobs=jobs or os.cpu_count() or 1,
        progress=lambda line: click.echo(line, err=True),
        ready=lambda url: click.echo(f"serving {out_dir} at {url} (Ctrl-C stops)"),
    )


@cli.command()
@click.argument("network_a", callback=note_shadow)
@click.argument("network_b", callback=note_shadow)
@click.option(
    "--what",
    type=click.Choice(("all", "measures", "matches", "disagreements")),
    default="all",
    show_default=True,
    help="Which tables to print (csv holds one: choose it).",
)
@format_option
def agree(network_a, network_b, what, fmt):
    """Coder agreement: how far two codings of one country and era agree.

    Institutions are matched by id, then by normalised label (the matches
    are shown). Agreement on which institutions exist, Cohen's kappa over
    the pairs of institutions (tied or not), on relations, kinds and roles;
    then every disagreement with path:line in both codings.

    Example: instnet agree coder1/vietnam-2011 coder2/vietnam-2011
    """
    from .. import load
    from ..agree import agreement

    if fmt == "csv" and what == "all":
        raise click.BadParameter("csv holds one table: choose --what measures, matches or disagreements", param_hint="--what")
    A, B = load.load_network(network_a), load.load_network(network_b)
    result = agreement(A, B, load.row_lines(network_a), load.row_lines(network_b))
    if fmt == "json":
        data = result.to_dict()
        click.echo(json.dumps(data if what == "all" else data[what], indent=2, ensure_ascii=False))
        return
    tables = {"measures": result.measures, "matches": result.matches, "disagreements": result.disagreements}
    if what != "all":
        click.echo(write_table(tables[what], fmt, index=False))
        return
    by_label = result.matches[result.matches["how"] == "label"]
    lines = [f"{result.a} ({network_a}) vs {result.b} ({network_b})", "", write_table(result.measures.drop(columns="meaning"), fmt, index=False), ""]
    lines += [f"{r.a} = {r.b} (matched by label: {r.label_a!r} / {r.label_b!r})" for r in by_label.itertuples()]
    lines += ["", f"{len(result.disagreements)} disagreement(s):", write_table(result.disagreements, fmt, index=False)]
    click.echo("\n".join(lines))


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--id", "network_id", default=None, help="Name of the network folder to create (default: the id an instnet export carries, else one made from the file name).")
@click.option("--dir", "parent", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder to create the network in.")
@click.option("--kind-map", type=click.Path(exists=True, dir_okay=False), default=None, help="TOML file mapping the file's attributes and values to kinds, relations and roles.")
def import_cmd(file, network_id, parent, kind_map):
    """Turn FILE from another tool into a network folder.

    Reads GraphML, GEXF, node-link JSON (networkx, d3), Cytoscape.js JSON
    and Kumu: a JSON blueprint or project export, an Excel workbook with
    sheets Elements and Connections, or '...elements....csv' with its
    '...connections....csv'. Attributes become kinds, relations and roles
    through --kind-map (default: instnet's own names and labels); values
    it cannot map are listed with the closest term. Every item of a file
    not written by instnet is marked inferred and cites
    [references.imported], left for you to fill in: 'instnet validate'
    then lists what to complete. XML with entities or outside references
    is refused.

    Example: instnet import map.graphml --id ghana-2017 --kind-map map.toml
    """
    import shlex

    from ..interop import import_file
    from ..model import ID_PATTERN

    if network_id is not None and not ID_PATTERN.match(network_id):
        raise click.BadParameter(
            f"'{network_id}' is not a valid id: use lower-case words joined by '-', e.g. 'ghana-2017'", param_hint="--id"
        )
    report = import_file(file, network_id, parent, kind_map)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"created {report.folder}/ ({report.nodes} nodes, {report.edges} edges)")
    click.echo(f"next: check the notes, then run: instnet validate {shlex.quote(str(report.folder))}")


def main(argv=None):  # pragma: no cover - thin wrapper for python -m
    """Entry point for ``python -m instnet``."""
    return cli.main(args=argv, prog_name="instnet")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
