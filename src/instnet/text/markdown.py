"""Escaping text for Markdown: literal text in reports, pipes in data tables."""

from __future__ import annotations

__all__ = ["escape_markdown", "escape_pipes"]

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def escape_markdown(text: object) -> str:
    """Escape text for a Markdown cell or line so it renders literally (no HTML, links or emphasis).

    Examples
    --------
    >>> escape_markdown("a_b <i>")
    'a\\\\_b \\\\<i\\\\>'
    """
    return str(text).translate(_SPECIAL)


def escape_pipes(text: str) -> str:
    """Escape ``|`` and flatten line breaks, so text stays in its cell of a data table (the rest is kept).

    Examples
    --------
    >>> escape_pipes("a|b")
    'a\\\\|b'
    """
    return text.replace("|", "\\|").replace("\n", " ")
