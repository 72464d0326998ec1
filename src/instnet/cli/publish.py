"""The commands that publish and bring in networks: build, serve, import."""

from __future__ import annotations

import os

import click

from . import cli
from .options import (
    selection_options,
)


def _out_option(help_text: str):
    """The site's folder (``out_dir``), as build and serve take it."""
    return click.option(
        "--out", "out_dir", type=click.Path(file_okay=False), default="output", show_default=True, help=help_text
    )


def _jobs_option(help_text: str):
    """Worker processes (``jobs``; 0: one per core), as build and serve take them."""
    return click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help=help_text)


@cli.command()
@selection_options
@_out_option("Folder to write the site into.")
@_jobs_option("Worker processes (default 0: one per core).")
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
@_out_option("Folder to build the site into.")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@_jobs_option("Worker processes of the first build (0: one per core).")
def serve(selection, out_dir, host, port, jobs):
    """Preview the site: build it, serve it and rebuild it whenever a network file is saved.

    Open pages reload by themselves; while a file is broken they show its
    problems (path:line: message). Stop with Ctrl-C.

    Example: instnet serve korea-1961 --graphs mygraphs
    """
    from ..serve import serve as serve_site

    params = click.get_current_context().params  # what the selection was made from, to make it again on a change
    serve_site(
        selection,
        out_dir,
        host=host,
        port=port,
        jobs=jobs or os.cpu_count() or 1,
        progress=lambda line: click.echo(line, err=True),
        ready=lambda url: click.echo(f"serving {out_dir} at {url} (Ctrl-C stops)"),
        refs=[*params.get("networks", ()), *params.get("graphs", ())],
        with_bundled=params.get("with_bundled", False),
    )


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--id",
    "network_id",
    default=None,
    help="Name of the network folder to create (default: the id an instnet export carries, else one made from the file name).",
)
@click.option(
    "--dir",
    "parent",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to create the network in.",
)
@click.option(
    "--kind-map",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="TOML file mapping the file's attributes and values to kinds, relations and roles.",
)
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
            f"'{network_id}' is not a valid id: use lower-case words joined by '-', e.g. 'ghana-2017'",
            param_hint="--id",
        )
    report = import_file(file, network_id, parent, kind_map)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"created {report.folder}/ ({report.nodes} nodes, {report.edges} edges)")
    click.echo(f"next: check the notes, then run: instnet validate {shlex.quote(str(report.folder))}")
