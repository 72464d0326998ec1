"""The commands that compare networks: diff, classify, nearest, agree."""

from __future__ import annotations

import json

import click

from ..text import write_table
from . import cli
from .options import (
    at_year,
    format_option,
    load_layer,
    note_shadow,
    output_format,
    sources_option,
    year_option,
)


@cli.command("diff")
@click.argument("network_a", callback=note_shadow)
@click.argument("network_b", callback=note_shadow)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "markdown", "json")),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write an interactive HTML diff view to this file.",
)
@click.option(
    "--figure",
    "figure_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the diff's drawing as a static figure for a paper (.svg, .png or .pdf, 17 cm wide).",
)
@click.option("--force", is_flag=True, help="Replace the --html or --figure file even if instnet did not write it.")
@click.option(
    "--level",
    type=click.Choice(("institution", "role")),
    default="institution",
    show_default=True,
    help="role: first reduce both networks to one node per functional role (compares a detailed map with a sketch).",
)
@click.option(
    "--year",
    "years",
    type=click.IntRange(0, 9999),
    multiple=True,
    metavar="YYYY",
    help="Compare the networks as they stood in this year; twice: a year of each (A, then B).",
)
@sources_option
def diff_cmd(network_a, network_b, fmt, html_file, figure_file, force, level, years, sources):
    """Compare two networks: two eras of one country, or two countries.

    Shared institutions (same ids) are matched by identity: added,
    removed, changed and rewired. Any two networks are compared by
    functional role: composition, who-coordinates-whom matrices, measures
    and a structural distance, with a summary in sentences.

    Example: instnet diff japan-1955 japan-2012 --html japan.html --figure japan.pdf
    """
    from ..diff import diff, format_diff

    figure_fmt = output_format(figure_file, None, param="--figure", figure_only=True) if figure_file else ""
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
    if figure_file:
        from ..atomic import write_output
        from ..render.figure import diff_figure

        write_output(figure_file, diff_figure(A, B, d, figure_fmt), force=force)
        click.echo(f"wrote {figure_file}", err=True)


@cli.command()
@click.argument("network", callback=note_shadow)
@format_option
@click.option(
    "--robustness",
    "robust",
    is_flag=True,
    help="Add verdict stability and score intervals over random edge removals and stated-only edges.",
)
@click.option(
    "--runs", type=click.IntRange(1, 10000), default=200, show_default=True, help="Random removals for --robustness."
)
@click.option(
    "--drop", type=click.FloatRange(0, 0.9), default=0.1, show_default=True, help="Share of edges removed in each run."
)
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
@click.option(
    "--graphs",
    "graphs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Also rank these network folders or folders of networks; repeat it for several.",
)
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
        raise click.BadParameter(
            "csv holds one table: choose --what measures, matches or disagreements", param_hint="--what"
        )
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
    lines = [
        f"{result.a} ({network_a}) vs {result.b} ({network_b})",
        "",
        write_table(result.measures.drop(columns="meaning"), fmt, index=False),
        "",
    ]
    lines += [f"{r.a} = {r.b} (matched by label: {r.label_a!r} / {r.label_b!r})" for r in by_label.itertuples()]
    lines += ["", f"{len(result.disagreements)} disagreement(s):", write_table(result.disagreements, fmt, index=False)]
    click.echo("\n".join(lines))
