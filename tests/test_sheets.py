"""Delimiter detection on headers the property tests found hard."""

from pathlib import Path

from instnet.sheets import csv_table


def test_a_form_feed_or_semicolon_inside_a_quoted_header_cell_keeps_the_comma():
    data = b'";\x0c0",label,kind,cite,basis,quote,id\nx,A,ministry,a,inferred,,a\n'
    problems = []
    table = csv_table(Path("nodes.csv"), data, problems)
    assert table.header == [";\x0c0", "label", "kind", "cite", "basis", "quote", "id"]
    assert not any("delimited" in p.message for p in problems)


def test_a_header_of_unknown_names_is_read_with_commas():
    problems = []
    table = csv_table(Path("nodes.csv"), b"a;b,c\n1;2,3\n", problems)
    assert table.header == ["a;b", "c"]
