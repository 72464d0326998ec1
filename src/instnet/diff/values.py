"""Plain values: numpy and pandas scalars and tables turned into JSON-ready Python, and read back as numbers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["frame_rows"]


def _plain(value):
    """Turn numpy / pandas scalars and containers into JSON-ready Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_plain(v) for v in items]
    if value is None or isinstance(value, (str, bool)):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, dict)):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return round(value, 6)
    if isinstance(value, (int, str, bool)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _native(value):
    """A value of an object column as ``DataFrame.to_dict`` gives it: numpy scalars as Python's, NA as None."""
    if isinstance(value, np.generic):
        if isinstance(value, np.datetime64):
            return pd.Timestamp(value)
        if isinstance(value, np.timedelta64):
            return pd.Timedelta(value)
        return value if isinstance(value, np.complexfloating) else value.item()
    return None if value is pd.NA else value


def frame_rows(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of the stored values (row Series would turn a row of text and None into NaN).

    The same dicts, values and types as ``df.to_dict(orient="records")``, made column by column (the diff pages
    read a few dozen small frames each: pandas' own took twice as long).
    """
    columns = df.columns.tolist()
    values = []
    for k in range(len(columns)):
        column = df.iloc[:, k]
        items = column.tolist()  # numpy scalars as Python's; an object or extension column's values as stored
        boxed = column.dtype == object or isinstance(column.dtype, pd.api.extensions.ExtensionDtype)
        values.append([_native(v) for v in items] if boxed else items)
    if not columns:
        return [{} for _ in range(len(df))]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _indexed(df: pd.DataFrame) -> list[tuple]:
    """(index, row dict) pairs, values as stored."""
    return list(zip(df.index, frame_rows(df), strict=False))


def _records(df: pd.DataFrame) -> list[dict]:
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame_rows(df)]


def _matrix(df: pd.DataFrame) -> dict:
    return {
        "rows": [str(i) for i in df.index],
        "columns": [str(c) for c in df.columns],
        "values": [[_plain(v) for v in row] for row in df.to_numpy().tolist()],
    }


def _numeric(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _is_int(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        hasattr(value, "dtype") and value.dtype.kind in "iu"
    )
