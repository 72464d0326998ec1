"""Text output: the one table writer and number format, Markdown escaping, and the plain-text network summary.

Light to import (pandas is imported when a table is written), so that the
command line can read :data:`FORMATS` without paying for pandas.
"""

from .cells import NA, cell, number
from .markdown import escape_markdown, escape_pipes
from .summary import describe
from .tables import FORMATS, aligned_table, markdown_table, write_table

__all__ = [
    "FORMATS",
    "NA",
    "aligned_table",
    "cell",
    "describe",
    "escape_markdown",
    "escape_pipes",
    "markdown_table",
    "number",
    "write_table",
]
