"""How one value is printed in a table or a sentence: the one number format."""

from __future__ import annotations

import math

__all__ = ["NA", "cell", "number"]

#: How an undefined value (NaN, None) is printed.
NA = "n/a"


def number(x: float | None, digits: int = 3) -> str:
    """A number with ``digits`` decimals; :data:`NA` for None or NaN.

    Examples
    --------
    >>> number(2 / 3), number(0.5, 2), number(float("nan")), number(None)
    ('0.667', '0.50', 'n/a', 'n/a')
    """
    if x is None or math.isnan(x):
        return NA
    return f"{x:.{digits}f}"


def cell(value: object, digits: int = 3, missing: str = NA) -> str:
    """One table cell as text: booleans as yes/no, integers as they are, other numbers by :func:`number`.

    ``missing`` is printed for None and ``pandas.NA``; NaN is always :data:`NA`;
    anything else is ``str(value)``. numpy scalars print as the Python values.

    Examples
    --------
    >>> [cell(v) for v in (True, 3, 0.25, float("nan"), None, "x")]
    ['yes', '3', '0.250', 'n/a', 'n/a', 'x']
    >>> cell(None, missing="")
    ''
    """
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA:
        return missing
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return number(float(value), digits)
    return str(value)
