"""Comparing networks fairly: the grain measure, the role-level reduction and distance, nearest, the site's comparisons."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from click.testing import CliRunner

from compare_helpers import collapsed_copy, copy_network
from instnet import load
from instnet.cli import cli
from instnet.diff import diff, summary_sentences
from instnet.diff.grain import compare_grain, grain
from instnet.diff.nearest import cluster_order, distance_matrix, nearest, plan_comparisons
from instnet.diff.roles import reduce_to_roles, role_distance


def _fine() -> nx.DiGraph:
    """Six institutions: a leader, a planning board directing three line ministries that cooperate, a council."""
    G = nx.DiGraph(id="fine-1990", country="Fineland")
    G.add_node("pm", label="Prime Minister", kind="head_of_government", role="top_leader")
    G.add_node("plan", label="Planning Board", kind="planning_agency", role="pilot_agency")
    for m in ("trade", "labour", "transport"):
        G.add_node(m, label=f"Ministry of {m}", kind="ministry", role="line_ministry")
        G.add_edge("plan", m, relation="plans_for")
        G.add_edge(m, "council", relation="member_of")
    G.add_node("council", label="Economic Council", kind="council", role="consensus_forum")
    G.add_edge("pm", "plan", relation="directs")
    G.add_edge("pm", "council", relation="chairs")
    G.add_edge("trade", "labour", relation="cooperates_with")
    return G


def _sketch() -> nx.DiGraph:
    """The same machinery drawn by hand with one node for the ministries."""
    G = nx.DiGraph(id="sketch-1990", country="Sketchland")
    G.add_node("leader", label="Leader", kind="head_of_government", role="top_leader")
    G.add_node("board", label="Board", kind="planning_agency", role="pilot_agency")
    G.add_node("ministries", label="Ministries/Agencies", kind="ministry", role="line_ministry")
    G.add_node("forum", label="Forum", kind="council", role="consensus_forum")
    G.add_edge("leader", "board", relation="directs")
    G.add_edge("board", "ministries", relation="directs")  # another vertical relation: same axis
    G.add_edge("ministries", "forum", relation="member_of")
    G.add_edge("forum", "leader", relation="advises")  # inserted below only where said
    G.remove_edge("forum", "leader")
    G.add_edge("leader", "forum", relation="manages")
    return G


def test_grain_of_a_hand_made_network():
    g = grain(_fine())
    assert g == {"nodes": 6, "roles": 4, "per_role": 1.5, "collective": 0, "collective_share": 0.0}
    s = grain(_sketch())
    assert s["nodes"] == 4 and s["per_role"] == 1.0 and s["collective"] == 1 and s["collective_share"] == 0.25


def test_grain_warns_only_when_the_grains_differ_a_lot():
    c = compare_grain(_fine(), _sketch())
    assert c["size_ratio"] == 1.5 and c["per_role_ratio"] == 1.5 and c["collective_gap"] == 0.25
    assert c["differs"] and "institutions per role" in c["warning"] and "--level role" in c["warning"]
    same = compare_grain(_fine(), _fine())
    assert not same["differs"] and same["warning"] == "" and same["size_ratio"] == 1.0


def test_collapsed_version_is_at_role_distance_zero():
    fine, sketch = _fine(), _sketch()
    assert role_distance(fine, sketch).value == 0.0
    R = reduce_to_roles(fine)
    assert sorted(R.nodes) == ["consensus_forum", "line_ministry", "pilot_agency", "top_leader"]
    assert R.nodes["line_ministry"]["size"] == 3 and R.nodes["line_ministry"]["members"] == [
        "labour",
        "trade",
        "transport",
    ]
    assert R.edges["pilot_agency", "line_ministry"]["axes"] == {"vertical": 3}
    assert R.edges["line_ministry", "consensus_forum"]["count"] == 3
    assert not R.has_edge("line_ministry", "line_ministry")  # ties inside a role are coding detail
    # the reduced networks are compared at distance 0 by the tie profile too, once counts are ignored
    assert role_distance(reduce_to_roles(fine), reduce_to_roles(sketch)).value == 0.0


def test_role_distance_sees_a_missing_role_and_a_changed_axis():
    sketch = _sketch()
    sketch.remove_node("forum")
    r = role_distance(_fine(), sketch)
    assert r.only_a_roles == ("consensus_forum",) and r.only_b_roles == ()
    # roles: 3 of 4 shared (1/4); patterns: 2 of 4 shared (2/4): mean 0.375
    assert r.value == pytest.approx(0.375)
    changed = _sketch()
    changed["board"]["ministries"]["relation"] = "coordinates"
    r = role_distance(_fine(), changed)
    assert ("pilot_agency", "line_ministry", "horizontal") in r.only_b_ties
    assert ("pilot_agency", "line_ministry", "vertical") in r.only_a_ties


def test_a_bundled_network_and_its_collapsed_copy_are_nearest(tmp_path):
    folder = collapsed_copy("korea-1961", tmp_path, "sketch-1961", "Sketchland")
    S, K = load.load_network(folder), load.load_network("korea-1961")
    assert S.number_of_nodes() < K.number_of_nodes() / 1.5
    # one tie pattern is lost only because the format keeps one row per pair of nodes
    assert role_distance(S, K).value <= 0.05
    ranking = nearest(S, load.load_all())
    assert ranking.loc[0, "id"] == "korea-1961" and ranking.loc[0, "rank"] == 1
    assert list(ranking["distance"]) == sorted(ranking["distance"])
    assert "roles in common" in ranking.loc[0, "reasons"]
    d = diff(K, S)
    assert d.grain["differs"] and d.grain["warning"] in summary_sentences(d)
    role = diff(K, S, level="role")
    assert role.level == "role" and role.a["nodes"] == role.b["nodes"] == 13
    assert summary_sentences(role)[0].startswith("At role level")
    assert "--level role" not in role.grain["warning"] and "compares them at role level" in role.grain["warning"]


def test_cross_country_sentences_compare_and_eras_change():
    d = diff(load.load_network("korea-1961"), load.load_network("japan-1955"))
    text = " ".join(summary_sentences(d))
    assert " falls from " not in text and " rises from " not in text and "From korea-1961 to japan-1955" not in text
    assert (
        "share of ties is 0.24 in korea-1961" in text
        and "centralization is 0.15 in korea-1961 and 0.18 in japan-1955" in text
    )
    same = " ".join(summary_sentences(diff(load.load_network("japan-1955"), load.load_network("japan-2012"))))
    assert "From japan-1955 to japan-2012" in same


def test_distance_matrix_and_cluster_order():
    nets = {"fine": _fine(), "sketch": _sketch(), "other": nx.DiGraph(id="other")}
    nets["other"].add_node("x", label="Donor", kind="donor", role="external_partner")
    m = distance_matrix(nets)
    assert m.loc["fine", "sketch"] == 0.0 and m.loc["fine", "other"] == 1.0 and (m.to_numpy() == m.to_numpy().T).all()
    order = cluster_order(m)
    assert sorted(order) == sorted(nets) and abs(order.index("fine") - order.index("sketch")) == 1


def test_the_distance_matrix_holds_each_pairs_role_distance_exactly():
    """The matrix is computed for all pairs at once; each cell is the float :func:`role_distance` gives the pair."""
    nets = load.load_all()
    nets["empty"] = nx.DiGraph(id="empty")  # no roles and no ties: 0 from another empty one, 1 from the rest
    nets["empty-too"] = nx.DiGraph(id="empty-too")
    m = distance_matrix(nets)
    assert list(m.index) == list(m.columns) == sorted(nets)
    for a, b in itertools.combinations(sorted(nets), 2):
        assert m.loc[a, b] == m.loc[b, a] == role_distance(nets[a], nets[b]).value, (a, b)
    assert (m.to_numpy().diagonal() == 0).all() and m.loc["empty", "empty-too"] == 0.0
    assert m.loc["empty", "korea-1961"] == 1.0


def test_plan_comparisons_adds_the_nearest_country_cases_of_user_networks():
    nets = load.load_all()
    nets["sketch-1961"] = reduce_to_roles(nets["korea-1961"])
    nets["sketch-1961"].graph.update(id="sketch-1961", country="Sketchland")
    pairs = plan_comparisons(nets, {"sketch-1961": "technocrat-group"}, {"sketch-1961"})
    mine = [p for p in pairs if "sketch-1961" in p]
    assert ("sketch-1961", "korea-1961") in mine and ("sketch-1961", "model-technocrat-group") in mine
    assert len([p for p in mine if not p[1].startswith("model-")]) == 2
    assert ("japan-1955", "japan-2012") in pairs and len(pairs) == len(set(pairs))


def test_nearest_cli(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["nearest", "korea-1961", "--top", "3", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("rank,id,country,distance") and len(lines) == 4
    assert lines[1].startswith("1,malaysia-1997,") and not any(ln.split(",")[1] == "korea-1961" for ln in lines[1:])
    collapsed_copy("korea-1961", tmp_path, "sketch-1961", "Sketchland")
    result = runner.invoke(cli, ["nearest", str(tmp_path / "sketch-1961"), "--top", "1", "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[1].startswith("1,korea-1961,")
    bad = runner.invoke(cli, ["nearest", "no-such-network"])
    assert bad.exit_code == 1 and "no network 'no-such-network'" in bad.output
    level = runner.invoke(cli, ["diff", "korea-1961", "japan-1955", "--level", "role"])
    assert level.exit_code == 0 and "At role level" in level.output
    assert runner.invoke(cli, ["diff", "korea-1961", "japan-1955", "--level", "roles"]).exit_code == 2


def test_site_with_a_user_network_beside_the_bundled_cases(tmp_path):
    from instnet.site import plan_site

    copy_network("korea-1961", tmp_path / "mine", "vietnam-1961", "Vietnam")
    (tmp_path / "mine" / "site.toml").write_text('compare = [["vietnam-1961", "usa-1989"]]\n', encoding="utf-8")
    chosen = load.select([tmp_path / "mine"], with_bundled=True)
    graphs = {k: load.load_network(p) for k, p in chosen.items()}
    files = plan_site(graphs)
    index = files["index.html"].decode("utf-8")
    assert 'href="networks/vietnam-1961.html"' in index
    heatmap = index[index.index('<section id="similarity">') :]
    heatmap = heatmap[: heatmap.index("</section>")]
    assert 'font-weight="bold">vietnam-1961</text>' in heatmap and "vietnam-1961 \u2194 korea-1961: 0.00" in heatmap
    diffs = [name for name in files if name.startswith("diffs/vietnam-1961--")]
    countries = [n for n in diffs if not n.split("--")[1].startswith("model-")]
    assert len(countries) >= 2 and "diffs/vietnam-1961--korea-1961.html" in countries
    assert "diffs/vietnam-1961--usa-1989.html" in countries  # named in site.toml
    page = files["diffs/vietnam-1961--korea-1961.html"].decode("utf-8")
    assert '<section id="grain">' in page and "<script" not in heatmap
    assert "script-src" in index or "default-src" in index


def test_site_toml_errors_name_the_file(tmp_path):
    from instnet.errors import SelectionError
    from instnet.site import site_comparisons

    copy_network("korea-1961", tmp_path, "vietnam-1961", "Vietnam")
    graphs = {
        "vietnam-1961": load.load_network(tmp_path / "vietnam-1961"),
        "korea-1961": load.load_network("korea-1961"),
    }
    best = {"vietnam-1961": "technocrat-group", "korea-1961": "technocrat-group"}
    pairs, user = site_comparisons(graphs, best)
    assert user == {"vietnam-1961"} and pairs == [("vietnam-1961", "korea-1961")]
    (tmp_path / "site.toml").write_text('compare = [["vietnam-1961", "japan-1955"]]\n', encoding="utf-8")
    with pytest.raises(SelectionError, match=r"site\.toml: compare names 'japan-1955'"):
        site_comparisons(graphs, best)
    (tmp_path / "site.toml").write_text('compare = ["vietnam-1961"]\n', encoding="utf-8")
    with pytest.raises(SelectionError, match="list of pairs"):
        site_comparisons(graphs, best)
    (tmp_path / "site.toml").write_text("compare = [\n", encoding="utf-8")
    with pytest.raises(SelectionError, match="not valid TOML"):
        site_comparisons(graphs, best)


def test_a_cluster_order_is_remembered_by_its_distances(tmp_path, monkeypatch):
    """The same distances give the kept order without scipy; other distances, a damaged or foreign entry recompute."""
    import json
    import os
    import subprocess
    import sys

    import pandas as pd

    from instnet.diff import nearest as near

    monkeypatch.setenv("INSTNET_CACHE", str(tmp_path))
    ids = ["a", "b", "c", "d"]
    values = [[0, 0.1, 0.9, 0.8], [0.1, 0, 0.85, 0.9], [0.9, 0.85, 0, 0.2], [0.8, 0.9, 0.2, 0]]
    m = pd.DataFrame(values, index=ids, columns=ids)
    first = cluster_order(m)
    assert first == near._cluster_order(m.to_numpy(dtype=float), ids)
    kept = list((tmp_path / "clusters").glob("*.json"))
    assert len(kept) == 1
    code = (
        "import sys, pandas as pd\n"
        "from instnet.diff.nearest import cluster_order\n"
        f"m = pd.DataFrame({values!r}, index={ids!r}, columns={ids!r})\n"
        "print(cluster_order(m), 'scipy.cluster' in sys.modules)\n"
    )
    env = {**os.environ, "INSTNET_CACHE": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == f"{first} False"  # remembered: no clustering, no scipy
    kept[0].write_text('["a", "b", "zz", "d"]')  # not these ids: clustered again, and kept right
    assert cluster_order(m) == first and sorted(json.loads(kept[0].read_text())) == ids
    other = m.copy()
    other.loc["a", "c"] = other.loc["c", "a"] = 0.05  # other distances: another entry
    cluster_order(other)
    assert len(list((tmp_path / "clusters").glob("*.json"))) == 2
    monkeypatch.setenv("INSTNET_CACHE", "off")
    assert cluster_order(m) == first


def test_plan_comparisons_of_user_networks_alone_ranks_nothing(monkeypatch):
    """With no bundled country case among the networks built, a user network has no nearest case to be compared
    with: its eras and its archetype are paired, and no ranking is made (200 user networks: a fifth of a second)."""
    import instnet.diff.nearest as nearest_module

    nets = {k: G for k, G in load.load_all().items() if k.startswith(("japan-", "model-"))}
    user = {"japan-1955", "japan-2012"}

    def refuse(*_):
        raise AssertionError("nothing to rank against")

    monkeypatch.setattr(nearest_module, "nearest", refuse)
    pairs = plan_comparisons(nets, {"japan-1955": "councils", "japan-2012": "councils"}, user)
    assert pairs == [("japan-1955", "japan-2012"), ("japan-1955", "model-councils"), ("japan-2012", "model-councils")]
