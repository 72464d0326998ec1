"""What the commands share: the group that turns errors into messages, the shared options, loading with a layer."""

from __future__ import annotations

import os

import click

from ..errors import InstnetError
from ..text import FORMATS

__all__ = [
    "EXPORT_FORMATS",
    "SIZE_MEASURES",
    "SOURCES",
    "Group",
    "format_option",
    "selection_options",
    "sources_option",
    "year_option",
    "load_layer",
    "at_year",
    "note_shadow",
    "sorted_frame",
    "VIEW_FORMATS",
    "output_format",
]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "kumu", "cytoscape")
"""As ``instnet.export.EXPORT_FORMATS``, spelled out so that --help does not load networkx."""


class Group(click.Group):
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
        except Exception as exc:
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


year_option = click.option(
    "--year",
    type=click.IntRange(0, 9999),
    metavar="YYYY",
    multiple=False,
    help="The network as it stood in this year (items dated outside it are left out).",
)


def at_year(G, year):
    """``G`` as it stood in ``year`` (outside its era: a usage error), saying on stderr what was left out."""
    from ..layers import restrict

    try:
        H, layer = (G, None) if year is None else restrict(G, year=year)
    except InstnetError as exc:
        raise click.BadParameter(str(exc), param_hint="--year") from exc
    if layer:
        click.echo(f"{G.graph.get('id', 'network')}, {layer.note()}", err=True)
    return H


def note_shadow(ctx, param, value):
    """Say on stderr when a local folder hides a bundled network of the same name (the folder is used)."""
    from .. import load

    for ref in value if isinstance(value, tuple) else (value,):
        hidden = load.shadowed(ref) if ref else None
        if hidden is not None:
            click.echo(f"note: using the folder ./{ref}, not the bundled network {ref} ({hidden})", err=True)
    return value


SOURCES = ("all", "seeds", "external")
"""As ``instnet.layers.SOURCES``, spelled out so that --help does not load networkx."""


def sources_option(func):
    """The shared ``--sources all|seeds|external`` option: the full record, or one layer of its sources."""
    return click.option(
        "--sources",
        type=click.Choice(SOURCES),
        default="all",
        show_default=True,
        help="Use every item, only what the seed documents say (the slides' picture), or only the external record.",
    )(func)


def load_layer(ref, sources: str = "all"):
    """A network by id or folder, cut to a layer of its sources; what was left out goes to stderr."""
    from .. import load
    from ..layers import restrict

    G = load.load_network(ref)
    if sources == "all":
        return G
    H, layer = restrict(G, sources=sources)
    click.echo(f"{G.graph.get('id', ref)}: {layer.note()}", err=True)
    return H


def selection_options(func):
    """The shared way to choose a set of networks: NETWORKS..., repeated --graphs, --with-bundled.

    The command receives ``selection``: network id -> folder, from
    :func:`instnet.load.select` (duplicates and an empty selection are errors).
    """
    import functools

    @functools.wraps(func)
    def wrapper(*args, networks=(), graphs=(), with_bundled=False, **kwargs):
        from .. import load

        return func(*args, selection=load.select([*networks, *graphs], with_bundled=with_bundled), **kwargs)

    wrapper = click.option(
        "--with-bundled", is_flag=True, help="Add the bundled networks to those named (alone when none is named)."
    )(wrapper)
    wrapper = click.option(
        "--graphs",
        "graphs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="A network folder or a folder of networks; repeat it for several.",
    )(wrapper)
    return click.argument("networks", nargs=-1, callback=note_shadow)(wrapper)


def sorted_frame(frame, sort):
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


SIZE_MEASURES = (
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "betweenness_undirected",
    "closeness_in",
    "closeness_out",
    "eigenvector",
    "pagerank",
    "hub",
    "authority",
    "effective_size",
    "brokerage",
)


VIEW_FORMATS = ("html", "svg", "png", "pdf")
"""What ``render`` writes: the interactive view, or a static figure (``instnet.render.figure``)."""
FIGURE_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


def output_format(output, fmt, *, param: str = "--output", figure_only: bool = False) -> str:
    """The format of an output file: ``fmt`` if given, else from the suffix of ``output`` (``html`` by default).

    Raises click.BadParameter (exit 2) when ``fmt`` and the suffix disagree,
    or when ``figure_only`` and the suffix names no figure format.
    """
    suffix = os.path.splitext(str(output or ""))[1].lower()
    implied = FIGURE_SUFFIXES.get(suffix) or ("html" if suffix in (".html", ".htm") else None)
    if figure_only and implied not in FIGURE_SUFFIXES.values():
        raise click.BadParameter(f"{output}: the file name must end in .svg, .png or .pdf", param_hint=param)
    if fmt and implied and fmt != implied:
        raise click.BadParameter(f"{output} ends in {suffix} but --format is {fmt}", param_hint=param)
    return fmt or implied or "html"
