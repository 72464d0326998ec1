"""Tables from the bytes of a spreadsheet as people save it: CSV in any common dialect, or an Excel sheet.

A CSV may be comma-, semicolon- or tab-delimited (found from the header row),
UTF-8 with or without a byte-order mark, or UTF-16 with one (Excel's "Unicode
text"). Rows are numbered as a spreadsheet shows them (the header is row 1,
blank and comment rows count); where a quoted cell spans several lines, the
message also gives the line of the file. Nothing here opens a file:
:mod:`instnet.load` reads the bytes and passes them in.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import CONTROL_CHARACTERS, EDGE_COLUMNS, NODE_COLUMNS, Problem, Row, Table

__all__ = ["DELIMITERS", "csv_table", "sheet_table", "workbook_sheets", "lost_characters"]

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
"""The delimiters a CSV may use, with the names messages give them."""

_KNOWN = {c.casefold() for c in (*NODE_COLUMNS, *EDGE_COLUMNS)}
_WORKBOOK = b"PK\x03\x04"
_OLD_WORKBOOK = b"\xd0\xcf\x11\xe0"
_LOST = re.compile(r"\w\?+\w|\ufffd")


def _where(line: int, file_line: int) -> str:
    return "" if line == file_line else f" (line {file_line} of the file)"


def lost_characters(cell: str) -> bool:
    """Whether a cell looks damaged by a legacy encoding: ``?`` inside a word, or U+FFFD.

    Web addresses (``?`` starts a query there) are not counted.

    Examples
    --------
    >>> lost_characters("B? K? ho?ch"), lost_characters("Is it?"), lost_characters("https://a.org/p?id=1")
    (True, False, False)
    """
    if "?" not in cell and "\ufffd" not in cell:  # most cells: no search needed
        return False
    return "://" not in cell and bool(_LOST.search(cell))


def _decode(path: Path, data: bytes, problems: list[Problem]) -> str | None:
    """The text of a CSV file, or None after one error that says what the file is."""
    where = str(path)
    if data.startswith(_WORKBOOK):
        problems.append(
            Problem(
                where,
                1,
                f"this is an Excel workbook saved under a .csv name: rename it "
                f"{path.stem}.xlsx, or save it from the spreadsheet as 'CSV UTF-8'",
            )
        )
        return None
    if data.startswith(_OLD_WORKBOOK):
        problems.append(
            Problem(
                where,
                1,
                "this is an old Excel workbook (.xls) saved under a .csv name: save it as .xlsx or as 'CSV UTF-8'",
            )
        )
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            problems.append(
                Problem(where, 1, "starts like UTF-16 text but cannot be read as it: save it as 'CSV UTF-8'")
            )
            return None
        problems.append(
            Problem(where, 1, "UTF-16 text read (Excel's 'Unicode text'); 'CSV UTF-8' is the usual format", "warning")
        )
        return text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem(where, 1, "byte-order mark removed (harmless)", "warning"))
    if data.count(b"\x00") > len(data) // 4:
        problems.append(Problem(where, 1, "looks like UTF-16 text without a byte-order mark: save it as 'CSV UTF-8'"))
        return None
    try:
        return data.decode("utf-8").replace("\x00", "")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        legacy = " (it reads as Windows-1252 / Latin-1, the older 'CSV' of Excel)" if _is_cp1252(data) else ""
        problems.append(
            Problem(
                where,
                line,
                f"not UTF-8 (byte 0x{data[exc.start]:02x}){legacy}; save the file as "
                "UTF-8 (in a spreadsheet: 'CSV UTF-8'); nothing else in this file was checked",
            )
        )
        return None


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _delimiter(text: str) -> str:
    """The delimiter whose split of the header row gives the most known column names (comma unless another gives more).

    The header is the first row that is not blank or a comment, split at line ends only
    (``\\n``, ``\\r``), as the CSV reader splits them: a form feed inside a cell is not a line end.
    """
    lines = re.split(r"\r\n|\r|\n", text)
    header = next((line for line in lines if line.strip() and not line.lstrip().startswith("#")), "")

    def score(d: str) -> tuple[int, bool]:
        cells = next(csv.reader([header], delimiter=d), [])
        return sum(c.strip().casefold() in _KNOWN for c in cells), d == ","

    return max(DELIMITERS, key=score)


def _csv_records(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """``(spreadsheet row, first line in the file, cells)`` for every record, blank ones included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for row, cells in enumerate(reader, 1):
        yield row, start, cells
        start = reader.line_num + 1


def _mixed(cells: list[str], delimiter: str, header: list[str]) -> str | None:
    """The other delimiter a lone-cell row uses where the header uses ``delimiter``, if any."""
    if len(cells) != 1 or len(header) < 2:
        return None
    for other in DELIMITERS:
        if other != delimiter and len(next(csv.reader([cells[0]], delimiter=other))) >= 2:
            return other
    return None


def _table(
    path: Path, records: Iterable[tuple[int, int, list[str]]], problems: list[Problem], delimiter: str | None
) -> Table:
    """A Table from numbered records: comments, blank rows and stray spaces handled, bad rows reported.

    ``delimiter`` is the CSV's, or None for a workbook sheet.
    """
    where = str(path)
    fix = f"quote cells that contain a {DELIMITERS[delimiter]}" if delimiter else "give every cell a column header"
    header: list[str] | None = None
    rows: list[Row] = []
    rejected: list[Row] = []
    damaged = False
    for line, file_line, cells in records:
        at = _where(line, file_line)
        if not any(c.strip() for c in cells):
            continue
        if cells[0].lstrip().startswith("#"):
            if sum(1 for c in cells if c.strip()) > 1:
                problems.append(
                    Problem(
                        where,
                        line,
                        "row starts with '#' and is ignored as a comment; if it is data, "
                        f"remove the '#' (ids may not start with it){at}",
                        "warning",
                    )
                )
            continue
        stripped = [c.strip() for c in cells]
        if stripped != cells:
            problems.append(Problem(where, line, f"stray spaces around a cell removed{at}", "warning"))
        found = CONTROL_CHARACTERS.findall("".join(stripped))  # one search a row: most rows have none
        if found:
            names = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(found)))
            problems.append(
                Problem(
                    where,
                    line,
                    f"a cell holds invisible control character(s) ({names}), as text pasted from a PDF or a word "
                    f"processor may; retype the cell: GraphML and GEXF exports leave them out{at}",
                    "warning",
                )
            )
        if not damaged and any(lost_characters(c) for c in stripped):
            damaged = True
            problems.append(
                Problem(
                    where,
                    line,
                    "'?' inside a word or U+FFFD: characters were probably lost by a "
                    f"legacy encoding; save the file as 'CSV UTF-8'{at}",
                    "warning",
                )
            )
        if header is None:
            header = stripped
            continue
        other = _mixed(stripped, delimiter, header) if delimiter else None
        if other:
            problems.append(
                Problem(
                    where,
                    line,
                    f"this row is {DELIMITERS[other]}-delimited but the header is "
                    f"{DELIMITERS[delimiter or ',']}-delimited: a mixed file; save it again with one delimiter{at}",
                )
            )
            cells = [c.strip() for c in next(csv.reader([stripped[0]], delimiter=other))]
            rejected.append(Row(line, dict(zip(header, cells, strict=False)), file_line))  # its id is known: no cascade
            continue
        if len(stripped) > len(header) and any(stripped[len(header) :]):
            problems.append(
                Problem(where, line, f"row has {len(stripped)} cells but the header has {len(header)}; {fix}{at}")
            )
            rejected.append(Row(line, dict(zip(header, stripped, strict=False)), file_line))
            continue
        padded = stripped + [""] * (len(header) - len(stripped))
        rows.append(Row(line, dict(zip(header, padded, strict=False)), file_line))
    if header is None:
        problems.append(Problem(where, 1, "empty file: the first row must be the header"))
        return Table(path, [], [])
    return Table(path, header, rows, rejected)


def csv_table(path: Path, data: bytes, problems: list[Problem]) -> Table | None:
    """The table in a CSV file's bytes; None when the file cannot be read as text (one error says why).

    Examples
    --------
    >>> problems = []
    >>> t = csv_table(Path("nodes.csv"), "id;label\\npm;Prime Minister\\n".encode(), problems)
    >>> t.header, t.rows[0].cells, [p.message for p in problems]
    (['id', 'label'], {'id': 'pm', 'label': 'Prime Minister'}, ['semicolon-delimited file read (as Excel saves CSV in many languages)'])
    """
    text = _decode(path, data, problems)
    if text is None:
        return None
    delimiter = _delimiter(text)
    if delimiter != ",":
        how = "as Excel saves CSV in many languages" if delimiter == ";" else "as Excel saves 'Unicode text'"
        problems.append(Problem(str(path), 1, f"{DELIMITERS[delimiter]}-delimited file read ({how})", "warning"))
    try:
        return _table(path, _csv_records(text, delimiter), problems, delimiter)
    except csv.Error as exc:
        problems.append(Problem(str(path), 1, f"unreadable CSV: {exc}"))
        return None


def _cell(value: object) -> str:
    """A spreadsheet cell as text: whole numbers without '.0', empty for None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def workbook_sheets(path: Path, data: bytes, problems: list[Problem]) -> dict[str, list[list[str]]] | None:
    """Every sheet of an .xlsx workbook's bytes as rows of text cells, by sheet name; None if unreadable."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        problems.append(
            Problem(
                str(path),
                1,
                f"not a readable .xlsx workbook ({type(exc).__name__}): save it again "
                "from the spreadsheet as .xlsx, or as 'CSV UTF-8'",
            )
        )
        return None
    try:
        return {ws.title: [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()


def sheet_table(path: Path, rows: list[list[str]], problems: list[Problem]) -> Table:
    """The table of one sheet's rows; row numbers are the sheet's own."""
    return _table(path, ((i, i, cells) for i, cells in enumerate(rows, 1)), problems, None)
