"""Read Kumu-style spreadsheets: an elements table and a connections table, as
two CSV files or as sheets of one Excel workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ._common import ImportFailed, Parsed, read_bytes
from .jsonfmt import kumu_graph

__all__ = ["read_kumu_csv", "read_kumu_xlsx", "partner"]


def _rows(path: Path, table: list[list], what: str) -> list[dict]:
    rows = [r for r in table if any(str(c).strip() for c in r if c is not None)]
    if not rows:
        raise ImportFailed(f"{path}: the {what} table is empty")
    header = [str(c or "").strip() for c in rows[0]]
    out = []
    for row in rows[1:]:
        cells = {}
        for name, value in zip(header, row, strict=False):
            if not name or value is None or str(value).strip() == "":
                continue
            key = name.lower()
            if key == "tags":
                value = [t.strip() for t in str(value).split("|") if t.strip()]
            cells[key] = value.strip() if isinstance(value, str) else value
        out.append(cells)
    return out


def partner(path: Path) -> Path:
    """The connections file beside an elements file (``x-elements.csv`` -> ``x-connections.csv``)."""
    name = path.name
    for a, b in (("elements", "connections"), ("Elements", "Connections"), ("ELEMENTS", "CONNECTIONS")):
        if a in name:
            return path.with_name(name.replace(a, b))
    raise ImportFailed(
        f"{path}: a Kumu-style CSV is a pair of files: name them '...elements....csv' and '...connections....csv' "
        "(or give an Excel workbook with sheets 'Elements' and 'Connections')"
    )


def _read_csv(path: Path, what: str) -> list[dict]:
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed(f"{path}: this is an Excel workbook saved under a .csv name; rename it to .xlsx")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x}); save it as 'CSV UTF-8'") from exc
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    return _rows(path, list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), what)


def read_kumu_csv(path: Path) -> Parsed:
    """An elements CSV and the connections CSV beside it (see :func:`partner`)."""
    other = partner(path)
    if not other.is_file():
        raise ImportFailed(f"{path}: the connections file {other.name} is missing beside it")
    return kumu_graph(path, _read_csv(path, "elements"), _read_csv(other, "connections"))


def read_kumu_xlsx(path: Path) -> Parsed:
    """An Excel workbook with sheets ``Elements`` and ``Connections`` (names in any case)."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(read_bytes(path)), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed(f"{path}: not a readable Excel workbook (.xlsx): {exc}") from exc
    sheets = {name.lower(): book[name] for name in book.sheetnames}
    missing = [s for s in ("elements", "connections") if s not in sheets]
    if "elements" in missing:
        raise ImportFailed(
            f"{path}: the workbook needs a sheet 'Elements' (and 'Connections'); it has {', '.join(book.sheetnames)}"
        )
    tables = {
        s: [list(r) for r in sheets[s].iter_rows(values_only=True)] for s in sheets if s in ("elements", "connections")
    }
    connections = (
        _rows(path, tables["connections"], "connections")
        if "connections" in tables and len(tables["connections"]) > 1
        else []
    )
    book.close()
    return kumu_graph(path, _rows(path, tables["elements"], "elements"), connections)
