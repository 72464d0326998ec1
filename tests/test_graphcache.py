"""Loaded networks cached by the digest of their bytes: exact round trips, misses on any change, never trusted blindly."""

import json
import shutil

import networkx as nx
import pytest

from instnet import graphcache, load, site
from instnet.errors import InvalidNetwork
from instnet.graphcache import graph_from_record, graph_record, load_cached


def _same(G, H):
    assert G.graph == H.graph
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))
    for v in G:  # the measures and layouts iterate predecessors too
        assert list(G.pred[v]) == list(H.pred[v]), v
        assert list(G.succ[v]) == list(H.succ[v]), v


@pytest.mark.parametrize("key", load.bundled_ids())
def test_every_bundled_network_comes_back_exactly(key):
    G = load.load_network(key)
    _same(G, graph_from_record(json.loads(json.dumps(graph_record(G)))))


def test_predecessor_order_survives_where_the_tie_order_alone_would_lose_it():
    G = nx.DiGraph()
    G.add_nodes_from("abc")
    G.add_edge("b", "c")
    G.add_edge("a", "c")  # c's predecessors: b, a; G.edges lists a -> c first
    G.add_edge("a", "b")
    H = graph_from_record(json.loads(json.dumps(graph_record(G))))
    _same(G, H)
    naive = nx.DiGraph(list(G.edges()))
    assert list(naive.pred["c"]) != list(G.pred["c"])


def test_a_build_reads_unchanged_networks_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTNET_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "graphs"
    for key in ("korea-1961", "korea-2008"):
        shutil.copytree(load.bundled_graphs_dir() / key, root / key)
    site.build_site(root, tmp_path / "first", jobs=1)
    assert len(list((tmp_path / "cache" / "graphs").glob("*.json"))) == 2
    read = []
    real = load.load_network
    monkeypatch.setattr(load, "load_network", lambda ref: read.append(str(ref)) or real(ref))
    nodes = root / "korea-2008" / "nodes.csv"
    nodes.write_text(nodes.read_text().replace("President", "President (edited)", 1))
    site.build_site(root, tmp_path / "second", jobs=1)
    assert read == [str(root / "korea-2008")]  # korea-1961 came from the cache
    site.build_site(root, tmp_path / "third", jobs=1)
    assert read == [str(root / "korea-2008")]
    monkeypatch.setenv("INSTNET_CACHE", "off")
    site.build_site(root, tmp_path / "uncached", jobs=1)
    for path in (tmp_path / "uncached").rglob("*.html"):
        assert path.read_bytes() == (tmp_path / "third" / path.relative_to(tmp_path / "uncached")).read_bytes()


def test_a_broken_file_is_read_and_reported_although_it_loaded_before(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTNET_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "graphs" / "korea-1961"
    shutil.copytree(load.bundled_graphs_dir() / "korea-1961", folder)
    site.build_site(folder.parent, tmp_path / "out", jobs=1)
    edges = folder / "edges.csv"
    edges.write_text(edges.read_text() + "president,nobody,directs,,,,grips,,stated\n")
    with pytest.raises(InvalidNetwork) as caught:
        site.build_site(folder.parent, tmp_path / "out", jobs=1)
    assert any("nobody" in p.message for p in caught.value.problems)


@pytest.mark.parametrize("content", ["{not json", '{"graph": {}, "nodes": 3, "edges": []}', "[]", '"x"'])
def test_a_damaged_cache_file_is_skipped(tmp_path, monkeypatch, content):
    monkeypatch.setenv("INSTNET_CACHE", str(tmp_path))
    G = load_cached("k", lambda: load.load_network("korea-1961"))
    (tmp_path / "graphs" / "k.json").write_text(content)
    _same(G, load_cached("k", lambda: load.load_network("korea-1961")))


def test_the_cache_keeps_at_most_keep_files(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTNET_CACHE", str(tmp_path))
    monkeypatch.setattr(graphcache, "KEEP", 3)
    small = nx.DiGraph(id="x")
    for i in range(6):
        load_cached(f"k{i}", lambda: small)
    assert len(list((tmp_path / "graphs").glob("*.json"))) <= 3
    assert (tmp_path / "graphs" / "k5.json").is_file()


def test_an_unwritable_cache_does_not_stop_loading(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("INSTNET_CACHE", str(blocker))
    G = load_cached("k", lambda: load.load_network("korea-1961"))
    assert G.graph["id"] == "korea-1961"
