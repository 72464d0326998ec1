"""The names drawn on a view's canvas: shortened past 60 characters, and compact forms for dense drawings."""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["compact_label", "compact_labels", "short_label"]

_LABEL_CHARS = 60  # a longer label is shortened on the drawing; the tooltip's first line is the full name


def short_label(label: str) -> str:
    """The label drawn on the canvas: ``label`` shortened to 60 characters at a word boundary.

    Parameters
    ----------
    label : str
        The full name (the tooltip keeps it).

    Returns
    -------
    str
        ``label`` itself when short enough, else its beginning and an ellipsis.

    Examples
    --------
    >>> short_label("Ministry of Finance")
    'Ministry of Finance'
    >>> len(short_label("word " * 100)) <= 60
    True
    """
    if len(label) <= _LABEL_CHARS:
        return label
    cut = label[: _LABEL_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _LABEL_CHARS // 2 else cut).rstrip() + "\u2026"


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&.\-]{1,9})\)\s*$")  # a trailing "(MITI)", "(EPB)", "(NESDB)"
_COMPACT_CHARS = 18  # the zoomed-out label: at most this many characters, or its acronym


def compact_label(label: str, limit: int = _COMPACT_CHARS) -> str:
    """The label drawn when the view is zoomed out so far that full names would run into each other.

    A dense network fitted to a laptop screen is drawn at a small scale; its
    labels are enlarged to stay readable (10 px or more on screen), and at
    that size full names no longer fit the room the layout gave them. The
    view then draws this compact form, and the full name again from the zoom
    at which it fits (the tooltip and the tables always give it).

    Parameters
    ----------
    label : str
        The full name.
    limit : int
        The most characters of a shortened name (ellipsis included).

    Returns
    -------
    str
        The acronym of a name ending in one ("Ministry of Finance (MOF)" ->
        "MOF"), the name itself when short, else its first words and an ellipsis (not into a
        parenthesis: the words before it).

    Examples
    --------
    >>> compact_label("Ministry of International Trade & Industry (MITI)")
    'MITI'
    >>> compact_label("Bank of Japan")
    'Bank of Japan'
    >>> compact_label("Small and Medium Enterprise Basic Law (1963)")
    'Small and Medium\u2026'
    >>> compact_label("White House (the President and the Executive Office)")
    'White House\u2026'
    """
    label = " ".join(label.split())
    found = _ACRONYM.search(label)
    if found and sum(c.isupper() for c in found.group(1)) >= 2:
        return found.group(1)
    if len(label) <= limit:
        return label
    space = label[: limit + 1].rfind(" ")  # a word ending at the limit is kept whole
    kept = label[:space] if space >= 6 else label[: limit - 1]
    if kept.count("(") > kept.count(")") and kept.rfind("(") >= 6:  # not into a gloss: the name before it
        kept = kept[: kept.rfind("(")]
    return kept.rstrip(" ,;:-&") + "\u2026"


def compact_labels(labels: list[str]) -> list[str]:
    """:func:`compact_label` of every name, lengthened where two would read the same.

    Examples
    --------
    >>> compact_labels(["Industrial Structure Council", "Industrial Bank of Japan (IBJ)", "Industrial Rationalization Council"])
    ['Industrial Structure\u2026', 'IBJ', 'Industrial Rationalization\u2026']
    """
    out = [compact_label(label) for label in labels]
    limit = _COMPACT_CHARS
    for _ in range(8):
        seen = Counter(out)
        clash = [i for i, c in enumerate(out) if seen[c] > 1 and c != labels[i]]
        if not clash:
            break
        limit += 8
        for i in clash:
            out[i] = compact_label(labels[i], limit) if not _ACRONYM.search(labels[i]) else " ".join(labels[i].split())
    return out
