"""The ``instnet`` command line: parse, call one library function, print."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Tiny matrices: OpenBLAS threads only add contention on a 2-core machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from .errors import InstnetError
from .text import FORMATS, write_table

__all__ = ["cli"]


class _Group(click.Group):
    """A group that turns domain errors into messages and never shows a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InstnetError as exc:
            raise click.ClickException(str(exc)) from exc
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except OSError as exc:
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc
        except Exception as exc:  # noqa: BLE001 - last line of defence for users
            if os.environ.get("INSTNET_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} "
                "(set INSTNET_DEBUG=1 for the traceback, and please report it)"
            ) from exc


def format_option(func):
    """The shared ``--format table|csv|json|markdown`` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(func)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="instnet")
def cli():
    """Map, measure and compare how governments coordinate economic policy.

    Every command that takes a NETWORK accepts a bundled id (see
    'instnet list') or the path of a network folder you made
    ('instnet new').

    Example: instnet show korea-1961
    """


@cli.command("list")
@format_option
def list_cmd(fmt):
    """List the bundled networks: id, title, era, nodes and edges.

    Example: instnet list --format markdown
    """
    from . import load

    import pandas as pd

    rows = []
    for network_id, G in load.load_all().items():
        rows.append(
            {
                "id": network_id,
                "title": G.graph["title"],
                "era": G.graph["era"],
                "nodes": G.number_of_nodes(),
                "edges": G.number_of_edges(),
            }
        )
    frame = pd.DataFrame(rows, columns=["id", "title", "era", "nodes", "edges"])
    click.echo(write_table(frame, fmt, index=False))


@cli.command()
@click.argument("network")
def show(network):
    """Print a readable summary of NETWORK: metadata, institutions and ties.

    Example: instnet show japan-1955
    """
    from . import load

    from .text import describe

    click.echo(describe(load.load_network(network)))


def _expand(paths):
    """Bundled ids and folders; a folder of networks expands to its networks."""
    from . import load

    if not paths:
        return [load.bundled_graphs_dir() / i for i in load.bundled_ids()]
    out = []
    for ref in paths:
        folder = Path(ref)
        if folder.is_dir() and not (folder / "network.toml").exists() and load.network_ids(folder):
            out += [folder / i for i in load.network_ids(folder)]
        else:
            out.append(ref)
    return out


@cli.command("validate")
@click.argument("paths", nargs=-1)
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, no warnings or summary lines.")
def validate_cmd(paths, quiet):
    """Check networks and report every problem as path:line: message.

    PATHS are bundled ids or network folders (a folder holding network
    folders checks them all); with none, every bundled network is checked.
    Exits with status 1 if any error is found.

    Example: instnet validate graphs/korea-1961 mycountry-2020
    """
    from . import load

    failed = 0
    for ref in _expand(paths):
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
    from .scaffold import new_network

    folder = new_network(network_id, parent)
    click.echo(f"created {folder}/ (network.toml, nodes.csv, edges.csv)")
    click.echo(f"next: edit the files, then run: instnet validate {folder}")


def _sorted(frame, sort):
    """``frame`` sorted by ``sort`` (descending for numbers), or a usage error."""
    if sort is None:
        return frame
    if sort not in frame.columns:
        import difflib

        close = difflib.get_close_matches(sort, list(frame.columns), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise click.BadParameter(f"no column '{sort}'.{hint} Columns: {', '.join(frame.columns)}", param_hint="--sort")
    numeric = frame[sort].dtype.kind in "biuf"
    return frame.sort_values(sort, ascending=not numeric, kind="stable")


@cli.command()
@click.argument("network")
@click.option("--nodes", "what", flag_value="nodes", default=True, help="One row per node (default).")
@click.option("--graph", "what", flag_value="graph", help="The whole-network measures.")
@click.option("--group-by", default="kind", show_default=True, help="Node attribute giving the brokerage groups.")
@click.option("--sort", default=None, help="Column to sort the node table by (numbers: largest first).")
@format_option
def metrics(network, what, group_by, sort, fmt):
    """Centralities, brokerage and hierarchy measures of NETWORK.

    Node table: degree, betweenness, closeness, eigenvector, PageRank,
    HITS, Burt's constraint and effective size, Gould-Fernandez brokerage.
    Graph table (--graph): Freeman centralizations, Krackhardt hierarchy,
    top hub and the shares of vertical and horizontal ties.

    Example: instnet metrics korea-1961 --sort betweenness --format markdown
    """
    from . import load

    from . import metrics as m

    G = load.load_network(network)
    if what == "graph":
        frame = m.graph_table(G)
        frame = frame.to_frame(G.graph.get("id", "value"))
    else:
        try:
            frame = m.node_table(G, group_by=group_by)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--group-by") from exc
        frame = _sorted(frame, sort)
    click.echo(write_table(frame, fmt, labels=m.COLUMN_LABELS))


@cli.command()
@click.option("--graphs", "graphs_dir", type=click.Path(exists=True, file_okay=False), default=None, help="Folder of networks (default: the bundled ones).")
@click.option("--sort", default=None, help="Column to rank the networks by (numbers: largest first).")
@format_option
def scores(graphs_dir, sort, fmt):
    """Rank all networks side by side on the whole-network measures.

    Example: instnet scores --sort centralization_degree --format markdown
    """
    from . import load

    from . import metrics as m

    frame = _sorted(m.scores_table(load.load_all(graphs_dir)), sort)
    click.echo(write_table(frame, fmt, labels=m.COLUMN_LABELS))


SIZE_MEASURES = ("degree", "in_degree", "out_degree", "betweenness", "betweenness_undirected",
                 "closeness_in", "closeness_out", "eigenvector", "pagerank", "hub", "authority",
                 "effective_size", "brokerage")


@cli.command()
@click.argument("network")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="HTML file to write (default: NETWORK-ID.html here).")
@click.option("--size-by", type=click.Choice(SIZE_MEASURES), default="degree", show_default=True, help="Node measure that sets node size.")
def render(network, output, size_by):
    """Write an interactive, self-contained HTML view of NETWORK.

    The page works offline from a file: legend, tooltips with sources,
    node size by a centrality.

    Example: instnet render japan-1955 -o japan.html --size-by betweenness
    """
    from . import load

    from .atomic import write_atomic
    from .site import network_page

    G = load.load_network(network)
    path = Path(output) if output else Path(f"{G.graph['id']}.html")
    write_atomic(path, network_page(G, size_by))
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("network")
@click.option("--format", "fmt", type=click.Choice(("graphml", "gexf", "json", "csv")), required=True, help="graphml/gexf for Gephi and Cytoscape, node-link json, csv metric tables.")
@click.option("-o", "--output", type=click.Path(), default=None, help="File to write (a folder for csv; default: here, named after the network).")
def export(network, fmt, output):
    """Export NETWORK for other tools (Gephi, Cytoscape, spreadsheets).

    Example: instnet export korea-1961 --format graphml -o korea.graphml
    """
    from . import load

    from .export import export_files
    from .atomic import write_atomic

    files = export_files(load.load_network(network), fmt)
    for name, content in files.items():
        if output is None:
            path = Path(name)
        elif fmt == "csv" or Path(output).is_dir() or output.endswith(("/", os.sep)):
            path = Path(output) / name
        else:
            path = Path(output)
        write_atomic(path, content)
        click.echo(f"wrote {path}")


@cli.command("diff")
@click.argument("network_a")
@click.argument("network_b")
@click.option("--format", "fmt", type=click.Choice(("table", "markdown", "json")), default="table", show_default=True, help="Output format.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None, help="Also write an interactive HTML diff view to this file.")
def diff_cmd(network_a, network_b, fmt, html_file):
    """Compare two networks: two eras of one country, or two countries.

    Shared institutions (same ids) are matched by identity: added,
    removed, changed and rewired. Any two networks are compared by
    functional role: composition, who-coordinates-whom matrices, measures
    and a structural distance, with a summary in sentences.

    Example: instnet diff japan-1955 japan-2012 --html japan.html
    """
    from . import load
    from .diff import diff, format_diff

    A, B = load.load_network(network_a), load.load_network(network_b)
    d = diff(A, B)
    click.echo(format_diff(d, fmt), nl=False)
    if html_file:
        from .atomic import write_atomic
        from .diff_view import diff_html

        write_atomic(html_file, diff_html(A, B, d))
        click.echo(f"wrote {html_file}", err=True)


@cli.command()
@click.argument("network")
@format_option
@click.option("--robustness", "robust", is_flag=True, help="Add verdict stability and score intervals over random edge removals and stated-only edges.")
@click.option("--runs", type=click.IntRange(1, 10000), default=200, show_default=True, help="Random removals for --robustness.")
@click.option("--drop", type=click.FloatRange(0, 0.9), default=0.1, show_default=True, help="Share of edges removed in each run.")
def classify(network, fmt, robust, runs, drop):
    """Which coordination model does NETWORK's structure resemble?

    Scores the six models of the sources (technocrat group, councils,
    super-ministry, hub institution, strong leader, fragmented) from
    node kinds, roles and relation types only, each with its evidence,
    and names the nearest idealized archetype.

    Example: instnet classify thailand-2001 --robustness
    """
    from . import load
    from .classify import bundled_archetypes, classify_text

    G = load.load_network(network)
    click.echo(classify_text(G, fmt, robust=robust, archetypes=bundled_archetypes(), runs=runs, drop=drop))


@cli.command()
@click.option("--graphs", "graphs_dir", type=click.Path(exists=True, file_okay=False), default=None, help="Folder of networks (default: the bundled ones).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="output", show_default=True, help="Folder to write the site into.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines, only the summary.")
def build(graphs_dir, out_dir, quiet):
    """Build the whole site: views, diffs, exports and index.html.

    Nothing is written unless every network is valid; unchanged files are
    left alone and files of removed networks are cleaned away.

    Example: instnet build --graphs mygraphs --out site
    """
    from .site import build_site

    progress = (lambda _: None) if quiet else (lambda line: click.echo(line, err=True))
    report = build_site(graphs_dir, out_dir, progress)
    click.echo(report.summary())


def main(argv=None):  # pragma: no cover - thin wrapper for python -m
    """Entry point for ``python -m instnet``."""
    return cli.main(args=argv, prog_name="instnet")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
