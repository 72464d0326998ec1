"""Delimiter detection on headers the property tests found hard."""

from pathlib import Path

from instnet.sheets import csv_table


def test_a_form_feed_or_semicolon_inside_a_quoted_header_cell_keeps_the_comma():
    data = b'";\x0c0",label,kind,cite,basis,quote,id\nx,A,ministry,a,inferred,,a\n'
    problems = []
    table = csv_table(Path("nodes.csv"), data, problems)
    assert table.header == [";\x0c0", "label", "kind", "cite", "basis", "quote", "id"]
    assert not any("delimited" in p.message for p in problems)


def test_control_characters_in_cells_are_reported_on_their_row():
    """Pasted from a PDF: labels with U+0001, and with U+0008, U+000C and U+001F, on rows 2 and 4; the cells kept."""
    data = (
        b"id,label,kind,cite,basis\n"
        b'a,"Plan\x01ning Board",planning_agency,x,inferred\n'
        b'b,"Ministry",ministry,x,inferred\n'
        b'c,"Coun\x08cil\x0c and\x1f more",council,x,inferred\n'
    )
    problems = []
    table = csv_table(Path("nodes.csv"), data, problems)
    assert [row.cells["label"] for row in table.rows][1:] == ["Ministry", "Coun\x08cil\x0c and\x1f more"]  # kept
    lines = [(p.line, p.message) for p in problems if "control character" in p.message]
    assert [line for line, _ in lines] == [2, 4]
    assert "(U+0001)" in lines[0][1] and "(U+0008, U+000C, U+001F)" in lines[1][1]
    assert all(p.severity == "warning" for p in problems)


def test_a_header_of_unknown_names_is_read_with_commas():
    problems = []
    table = csv_table(Path("nodes.csv"), b"a;b,c\n1;2,3\n", problems)
    assert table.header == ["a;b", "c"]
