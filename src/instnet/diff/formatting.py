"""A diff as text: plain tables, Markdown or JSON (``instnet diff --format``)."""

from __future__ import annotations

import json

from ..text import aligned_table, cell, escape_markdown
from .result import Diff
from .sentences import _shared_label, summary_sentences
from .values import _indexed, frame_rows

__all__ = ["FORMATS", "STRUCTURAL", "format_diff"]

#: The formats of :func:`format_diff`: those of :data:`instnet.text.FORMATS` but csv.
FORMATS = ("table", "markdown", "json")
STRUCTURAL = ("label", "kind", "role", "relation", "start", "end")
"""Attributes shown in the text formats; the others (texts, citations) only in JSON."""


def _cell(value) -> str:
    """One cell of a text table: lists joined with commas, whitespace collapsed, None empty."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return " ".join(cell(value, missing="").split())


def _section(title: str, fmt: str) -> list[str]:
    return ["", f"## {escape_markdown(title)}", ""] if fmt == "markdown" else ["", title, "=" * len(title)]


def _long_matrix(mats: dict) -> list[list]:
    rows = []
    for s in mats["a"].index:
        for t in mats["a"].columns:
            a, b = int(mats["a"].loc[s, t]), int(mats["b"].loc[s, t])
            if a or b:
                rows.append([s, t, a, b, b - a])
    return rows


def _identity_tables(d: Diff, A: str, B: str, table, note) -> None:
    """The tables only a diff of two eras has: institutions and ties added, removed, changed, rewired."""
    table(f"Institutions added (only in {B})", ["id", "label", "kind", "role", "ties"], d.nodes_added.values.tolist())
    table(
        f"Institutions removed (only in {A})",
        ["id", "label", "kind", "role", "ties"],
        d.nodes_removed.values.tolist(),
    )
    changed = d.nodes_changed[d.nodes_changed["attribute"].isin(STRUCTURAL)]
    table("Institutions changed", ["id", "attribute", A, B], changed.values.tolist())
    table(f"Ties added (only in {B})", ["source", "target", "relation"], d.edges_added.values.tolist())
    table(f"Ties removed (only in {A})", ["source", "target", "relation"], d.edges_removed.values.tolist())
    changed = d.edges_changed[d.edges_changed["attribute"].isin(STRUCTURAL)]
    table("Ties changed", ["source", "target", "attribute", A, B], changed.values.tolist())
    other = (
        len(d.nodes_changed)
        + len(d.edges_changed)
        - len(changed)
        - int(d.nodes_changed["attribute"].isin(STRUCTURAL).sum())
    )
    if other:
        note(f"{other} other attribute changes (descriptions, quotes, citations): see --format json.")
    rows = [
        [r["id"], _shared_label(r), r["ties_a"], r["ties_b"], r["ties_kept"], r["gained"], r["lost"]]
        for r in frame_rows(d.rewired)
    ]
    table(
        "Rewired institutions (neighbours gained and lost)",
        ["id", "label", f"ties {A}", f"ties {B}", "ties kept", "gained", "lost"],
        rows,
    )


def format_diff(d: Diff, fmt: str = "table") -> str:
    """The diff as text, for ``instnet diff A B --format FMT``.

    Parameters
    ----------
    d : Diff
    fmt : {"table", "markdown", "json"}
        ``table``: plain text with aligned columns; ``markdown``: headings and
        pipe tables, every cell escaped so it renders literally; ``json``:
        ``d.to_dict()``, indented (every table, full matrices, attribute
        changes of every kind, sentences and distance meanings). The text
        formats list only structural attribute changes (label, kind, role,
        relation, years) and the non-zero cells of the tie matrices.

    Returns
    -------
    str
        Ends with a newline.

    Raises
    ------
    ValueError
        For an unknown format.

    Examples
    --------
    >>> import networkx as nx
    >>> from instnet.diff import diff
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> print(format_diff(diff(A, B), "table").splitlines()[0])
    x-1990 -> x-2000: institutions matched by id
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(d.to_dict(), indent=2, ensure_ascii=False) + "\n"
    A, B = d.a["id"], d.b["id"]
    if A == B:
        A, B = f"{A} (A)", f"{B} (B)"
    how = "institutions matched by id" if d.mode == "identity" else "compared by functional role and kind"
    md = fmt == "markdown"
    head = f"{A} -> {B}: {how}"
    out = [f"# {escape_markdown(head)}" if md else head]
    for tag, info in (("A", d.a), ("B", d.b)):
        years = "-".join(str(y) for y in (info["start"], info["end"]) if y is not None)
        text = f"{tag}: {info['id']} - {info['title']}" + (f" ({info['country']}, {years})" if info["country"] else "")
        out.append(("- " + escape_markdown(text)) if md else text)
    out += _section("Summary", fmt)
    out += [("- " + escape_markdown(s)) if md else f"- {s}" for s in summary_sentences(d)]

    def table(title, headers, rows):
        out.extend(_section(title, fmt))
        out.extend(aligned_table(headers, [[_cell(v) for v in row] for row in rows], md))

    def note(text):
        out.append(("\n" + escape_markdown(text)) if md else "  " + text)

    if d.mode == "identity":
        _identity_tables(d, A, B, table, note)
    rows = [[name, r["a"], r["b"], r["change"]] for name, r in _indexed(d.measures)]
    table("Graph measures", ["measure", A, B, "change"], rows)
    note(
        "ties, the top hub and the *_share rows count ties as listed (a symmetric tie once); "
        "arcs, density and the centralizations read a symmetric tie both ways."
    )
    for title, frame in (("Composition by role", d.roles), ("Composition by kind", d.kinds)):
        rows = [[g, *r] for g, r in zip(frame.index, frame.itertuples(index=False), strict=False)]
        table(
            title,
            [
                frame.index.name,
                f"n {A}",
                f"n {B}",
                f"share {A}",
                f"share {B}",
                f"ties {A}",
                f"ties {B}",
                f"tie share {A}",
                f"tie share {B}",
            ],
            rows,
        )
    rows = [[role, r["a"], r["b"]] for role, r in _indexed(d.alignment)]
    table("Role alignment (who plays each role)", ["role", A, B], rows)
    table(
        "Ties between roles (source role -> target role; non-zero cells)",
        ["source role", "target role", A, B, "change"],
        _long_matrix(d.role_matrix),
    )
    table(
        "Ties between kinds (source kind -> target kind; non-zero cells)",
        ["source kind", "target kind", A, B, "change"],
        _long_matrix(d.kind_matrix),
    )
    table(
        "Distances",
        ["distance", "value", "exact", "detail"],
        [[x.name, x.value, x.exact, x.detail] for x in d.distances],
    )
    out.extend(_section("What the distances mean", fmt))
    for x in d.distances:
        out.append(f"- {escape_markdown(x.name)}: {escape_markdown(x.meaning)}" if md else f"- {x.name}: {x.meaning}")
    return "\n".join(out) + "\n"
