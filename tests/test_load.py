"""Loading networks into networkx and pandas."""

import pytest

from instnet import InvalidNetwork, NetworkNotFound, load_network, tables
from instnet.scaffold import new_network


@pytest.fixture
def folder(tmp_path):
    return new_network("testland-2020", tmp_path)


def test_load_attributes(folder):
    G = load_network(folder)
    assert G.graph["id"] == "testland-2020"
    assert G.graph["start"] == 2020
    assert G.graph["references"]["mine"]["external"] is True
    assert G.nodes["leader"]["kind"] == "head_of_government"
    assert G.nodes["leader"]["quote"] is None
    assert G.edges["leader", "planning"]["relation"] == "directs"


def test_years_become_ints_and_extra_columns_kept(folder):
    (folder / "network.toml").write_text(
        (folder / "network.toml").read_text() + '\n[columns.nodes]\nstaff = "staff at start"\n'
    )
    (folder / "nodes.csv").write_text(
        "id,label,kind,role,description,start,end,cite,quote,basis,staff\n"
        "a,A,ministry,,,2021,2023,mine,,inferred,27\n"
        "b,B,council,,,,,mine,,inferred,\n"
    )
    (folder / "edges.csv").write_text("source,target,relation,cite,basis\na,b,member_of,mine,inferred\n")
    G = load_network(folder)
    assert G.nodes["a"]["start"] == 2021 and G.nodes["a"]["end"] == 2023
    assert G.nodes["a"]["staff"] == "27" and G.nodes["b"]["staff"] is None
    nodes, edges = tables(G)
    assert list(nodes.index) == ["a", "b"]
    assert list(edges.columns[:3]) == ["source", "target", "relation"]


def test_typo_in_edge_is_rejected_not_silently_added(folder):
    with open(folder / "edges.csv", "a") as f:
        f.write("leader,planing,coordinates,,,,mine,,inferred\n")
    with pytest.raises(InvalidNetwork) as info:
        load_network(folder)
    assert any(
        "target 'planing' is not a node" in str(p) and "Did you mean 'planning'" in str(p) for p in info.value.problems
    )


def test_not_found_suggests():
    with pytest.raises(NetworkNotFound, match="no network 'nowhere-1900'"):
        load_network("nowhere-1900")


def test_quote_check_is_whitespace_insensitive(folder, tmp_path):
    (folder / "seed.txt").write_text("The planning   board\nsits above all ministries.")
    toml = (folder / "network.toml").read_text() + '\n[references.s]\nseed = "seed.txt"\ncitation = "A seed."\n'
    (folder / "network.toml").write_text(toml)
    (folder / "edges.csv").write_text(
        "source,target,relation,cite,quote,basis\nplanning,leader,advises,s,board sits below all,stated\n"
    )
    with pytest.raises(InvalidNetwork, match="quote not found"):
        load_network(folder)
    (folder / "edges.csv").write_text(
        'source,target,relation,cite,quote,basis\nplanning,leader,advises,s,"planning board sits\n above",stated\n'
    )
    assert load_network(folder).edges["planning", "leader"]["quote"].startswith("planning board")


def test_comment_lines_are_skipped_but_data_like_ones_are_reported(folder):
    from instnet import check_network

    with open(folder / "nodes.csv", "a") as f:
        f.write("# a plain comment\n#hidden,Hidden node,ministry,,,,,mine,,inferred\n")
    problems = [p for p in check_network(folder) if "placeholder text of 'instnet new'" not in p.message]
    assert [str(p) for p in problems] == [
        f"{folder}/nodes.csv:6: warning: row starts with '#' and is ignored as a comment; "
        "if it is data, remove the '#' (ids may not start with it)"
    ]
    assert "#hidden" not in load_network(folder)


@pytest.mark.parametrize("name", ["nodes.csv", "network.toml"])
def test_a_folder_where_a_file_belongs_is_named_as_such(tmp_path, name):
    """A folder nodes.csv (or network.toml), as an unzipped download can leave: said so, on line 1 of its path."""
    import shutil

    from instnet.load import bundled_graphs_dir

    folder = tmp_path / "korea-1961"
    shutil.copytree(bundled_graphs_dir() / "korea-1961", folder)
    (folder / name).unlink()
    (folder / name).mkdir()
    with pytest.raises(InvalidNetwork) as caught:
        load_network(folder)
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(f"{folder / name}:1: {name} is a folder, not a file") for m in messages), messages
