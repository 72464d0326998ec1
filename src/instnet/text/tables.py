"""Tables as text: one writer for the table, csv, json and markdown formats, and aligned report tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .cells import cell, number
from .markdown import escape_markdown, escape_pipes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "aligned_table", "markdown_table", "write_table"]

#: The output formats of every command that prints a table (``--format``).
FORMATS = ("table", "csv", "json", "markdown")


def write_table(
    frame: pd.DataFrame | pd.Series,
    fmt: str,
    *,
    index: bool = True,
    labels: Mapping[str, str] | None = None,
    digits: int = 3,
) -> str:
    """A DataFrame (or Series) as text in one of :data:`FORMATS`.

    Parameters
    ----------
    frame : pandas.DataFrame or pandas.Series
        A Series is one column named ``value`` (a two-column Measure/Value
        table in markdown, see :func:`markdown_table`).
    fmt : {"table", "csv", "json", "markdown"}
        ``table``: aligned columns (pandas), floats with ``digits`` decimals;
        ``csv``; ``json``: a list of records; ``markdown``: a pipe table (see
        :func:`markdown_table`).
    index : bool, default True
        Include the index as the first column.
    labels : mapping, optional
        Headings of the markdown table, by column name (others keep their name).
    digits : int, default 3

    Returns
    -------
    str
        Without a final newline.

    Raises
    ------
    ValueError
        For an unknown ``fmt``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"id": ["a", "b"], "share": [0.5, 0.25]}).set_index("id")
    >>> print(write_table(frame, "table"))
    id  share
     a  0.500
     b  0.250
    >>> print(write_table(frame, "csv"))
    id,share
    a,0.5
    b,0.25
    """
    import pandas as pd

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "markdown":
        return markdown_table(frame, digits=digits, labels=labels, index=index)
    if isinstance(frame, pd.Series):
        frame = frame.to_frame("value")
    if fmt == "csv":
        return frame.to_csv(index=index, lineterminator="\n").rstrip("\n")
    shown = frame.reset_index() if index else frame
    if fmt == "json":
        return shown.to_json(orient="records", indent=2, force_ascii=False)
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250):
        return shown.to_string(index=False, float_format=lambda v: number(v, digits))


def markdown_table(
    frame: pd.DataFrame | pd.Series,
    digits: int = 3,
    labels: Mapping[str, str] | None = None,
    index: bool = True,
) -> str:
    """A GitHub-flavoured Markdown table of a DataFrame, or of a Series as Measure/Value rows.

    Cells are printed by :func:`instnet.text.cells.cell` (NaN and None as
    ``n/a``, booleans as ``yes``/``no``, floats with ``digits`` decimals) and
    ``|`` is escaped. ``labels`` gives the headings by column name (and, for a
    Series, the measure names); without it the names are shown as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> print(markdown_table(pd.Series({"nodes": 3, "directed": True}), labels={"nodes": "Nodes"}))
    | Measure | Value |
    |---|---|
    | Nodes | 3 |
    | directed | yes |
    """
    import pandas as pd

    def head(name):
        return labels.get(name, str(name)) if labels is not None else str(name)

    def text(value):
        return escape_pipes(cell(value, digits))

    if isinstance(frame, pd.Series):
        if labels is not None:
            header = ["Measure", "Value"]
        else:
            header = [str(frame.index.name or "measure"), str(frame.name or "value")]
        body = [[head(k), text(v)] for k, v in frame.items()]
    else:
        header = ([head(frame.index.name or "")] if index else []) + [head(c) for c in frame.columns]
        body = [
            ([text(idx)] if index else []) + [text(v) for v in row]
            for idx, row in zip(frame.index, frame.itertuples(index=False), strict=True)
        ]
    lines = ["| " + " | ".join(escape_pipes(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def aligned_table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool = False) -> list[str]:
    """The lines of a report table of text cells: aligned plain-text columns, or a Markdown pipe table.

    In Markdown every heading and cell is escaped to render literally. A table
    without rows is one line, ``(none)``.

    Examples
    --------
    >>> print("\\n".join(aligned_table(["model", "score"], [["councils", "0.500"]])))
      model     score
      --------  -----
      councils  0.500
    """
    if markdown:
        if not rows:
            return ["(none)"]
        lines = ["| " + " | ".join(escape_markdown(h) for h in headers) + " |", "|" + "---|" * len(headers)]
        return lines + ["| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in rows]
    if not rows:
        return ["  (none)"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(row):
        return "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip()

    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]
