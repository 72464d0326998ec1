"""Diffs of two networks: hand-made pairs with known answers, then the bundled eras and countries."""

import json
import random
import re

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from instnet.diff import (
    NO_ROLE,
    diff,
    format_diff,
    kind_aware_ged,
    profile_distance,
    summary_sentences,
    tie_matrix,
)
from instnet.model import NODE_KINDS, RELATIONS, ROLES


def net(gid, country, nodes, edges):
    """nodes: (id, kind, role, label); edges: (source, target, relation)."""
    G = nx.DiGraph(id=gid, country=country, title=f"{gid} title", era="", start=None, end=None)
    for n, kind, role, label in nodes:
        G.add_node(n, kind=kind, role=role, label=label, description=None, cite="x", basis="inferred")
    for u, v, rel in edges:
        assert u in G and v in G
        G.add_edge(u, v, relation=rel, cite="x", basis="inferred")
    return G


PM = ("pm", "head_of_government", "top_leader", "Prime Minister")
PLAN = ("plan", "planning_agency", "pilot_agency", "Planning Board (PB)")
IND = ("ind", "ministry", "industrial_ministry", "Ministry of Industry (MOI)")
COUNCIL = ("council", "council", "consensus_forum", "Industry Council")
FIRMS = ("firms", "firm", "private_sector", "Firms")


@pytest.fixture
def before():
    return net(
        "x-1990",
        "X",
        [PM, PLAN, IND, FIRMS],
        [
            ("pm", "plan", "directs"),
            ("plan", "ind", "plans_for"),
            ("ind", "firms", "incentivizes"),
            ("ind", "firms", "incentivizes"),
        ],
    )


@pytest.fixture
def after():
    ind = ("ind", "ministry", "industrial_ministry", "Ministry of Economy (MOE)")
    return net(
        "x-2000",
        "X",
        [PM, ind, COUNCIL, FIRMS],
        [
            ("pm", "council", "chairs"),
            ("ind", "council", "member_of"),
            ("firms", "council", "member_of"),
            ("ind", "firms", "provides_services_to"),
            ("pm", "ind", "directs"),
        ],
    )


# ---------------------------------------------------------------- identity


def test_added_and_removed_sets(before, after):
    d = diff(before, after)
    assert d.mode == "identity"
    assert list(d.nodes_added["id"]) == ["council"]
    assert list(d.nodes_removed["id"]) == ["plan"]
    assert set(map(tuple, d.edges_added[["source", "target"]].values)) == {
        ("pm", "council"),
        ("ind", "council"),
        ("firms", "council"),
        ("pm", "ind"),
    }
    assert set(map(tuple, d.edges_removed[["source", "target"]].values)) == {("pm", "plan"), ("plan", "ind")}
    assert d.nodes_removed.set_index("id").loc["plan", "role"] == "pilot_agency"


def test_changed_attributes(before, after):
    d = diff(before, after)
    rel = d.edges_changed[d.edges_changed["attribute"] == "relation"]
    assert rel[["source", "target", "a", "b"]].values.tolist() == [
        ["ind", "firms", "incentivizes", "provides_services_to"]
    ]
    label = d.nodes_changed[d.nodes_changed["attribute"] == "label"]
    assert label[["id", "a", "b"]].values.tolist() == [
        ["ind", "Ministry of Industry (MOI)", "Ministry of Economy (MOE)"]
    ]


def test_rewired_gained_and_lost(before, after):
    d = diff(before, after)
    rewired = d.rewired.set_index("id")
    assert rewired.loc["ind", "gained"] == ["council", "pm"]
    assert rewired.loc["ind", "lost"] == ["plan"]
    assert rewired.loc["ind", "kept"] == ["firms"]
    assert (rewired.loc["ind", "ties_a"], rewired.loc["ind", "ties_b"], rewired.loc["ind", "ties_kept"]) == (2, 3, 1)
    assert rewired.loc["pm", "gained"] == ["council", "ind"] and rewired.loc["pm", "lost"] == ["plan"]
    assert set(d.shared_nodes["id"]) == {"pm", "ind", "firms"}


def test_unchanged_node_is_not_rewired():
    A = net("y-1", "Y", [PM, IND, COUNCIL], [("pm", "ind", "directs"), ("ind", "council", "member_of")])
    B = A.copy()
    B.add_node("new", kind="council", role="consensus_forum", label="New")
    B.add_edge("pm", "new", relation="chairs")
    d = diff(A, B)
    assert list(d.rewired["id"]) == ["pm"]
    assert d.shared_nodes.set_index("id").loc["council", "gained"] == []


def test_symmetric_tie_written_either_way_is_the_same_tie():
    A = net("y-1", "Y", [IND, FIRMS], [("ind", "firms", "cooperates_with")])
    B = net("y-2", "Y", [IND, FIRMS], [("firms", "ind", "cooperates_with")])
    d = diff(A, B)
    assert d.edges_added.empty and d.edges_removed.empty and d.rewired.empty
    assert d.distance("edge_jaccard").value == 0.0
    assert (d.role_matrix["change"] == 0).all().all()


def test_identity_distances(before, after):
    d = diff(before, after)
    # ids: 5 in all, 3 shared; ties: 3 in A (incentivizes listed once), 5 in B, 1 shared
    assert d.distance("node_jaccard").value == pytest.approx(1 - 3 / 5)
    assert d.distance("edge_jaccard").value == pytest.approx(1 - 1 / 7)


def test_match_modes(before, after):
    other = after.copy()
    other.graph["country"] = "Elsewhere"
    d = diff(before, other)
    assert d.mode == "role"
    assert d.nodes_added.empty and d.nodes_removed.empty and d.rewired.empty and d.shared_nodes.empty
    assert d.distance("node_jaccard") is None
    assert diff(before, other, match="identity").mode == "identity"
    assert diff(before, after, match="role").nodes_added.empty
    with pytest.raises(ValueError, match="match must be"):
        diff(before, after, match="names")


# ---------------------------------------------------------------- role level


def test_tie_matrix_counts():
    G = net(
        "z-1",
        "Z",
        [PM, PLAN, IND, COUNCIL, ("bare", "ministry", None, "Ministry without role")],
        [
            ("pm", "plan", "directs"),
            ("plan", "ind", "plans_for"),
            ("plan", "bare", "plans_for"),
            ("ind", "council", "member_of"),
            ("bare", "council", "member_of"),
        ],
    )
    M = tie_matrix(G)
    assert list(M.index) == ["top_leader", "pilot_agency", "industrial_ministry", "consensus_forum", NO_ROLE]
    assert M.loc["pilot_agency", "industrial_ministry"] == 1
    assert M.loc["pilot_agency", NO_ROLE] == 1
    assert M.loc[NO_ROLE, "consensus_forum"] == 1
    assert int(M.to_numpy().sum()) == G.number_of_edges()
    K = tie_matrix(G, by="kind")
    assert K.loc["planning_agency", "ministry"] == 2
    with pytest.raises(ValueError):
        tie_matrix(G, by="label")


def test_symmetric_tie_lands_in_one_cell_whatever_its_direction():
    one = net("s-1", "S", [IND, FIRMS], [("ind", "firms", "cooperates_with")])
    two = net("s-2", "S", [IND, FIRMS], [("firms", "ind", "cooperates_with")])
    assert tie_matrix(one).equals(tie_matrix(two))
    assert tie_matrix(two).loc["industrial_ministry", "private_sector"] == 1


def test_matrix_difference(before, after):
    d = diff(before, after)
    roles = ["top_leader", "pilot_agency", "industrial_ministry", "consensus_forum", "private_sector"]
    assert list(d.role_matrix["change"].index) == roles
    expected = pd.DataFrame(0, index=roles, columns=roles)
    expected.loc["top_leader", "pilot_agency"] = -1
    expected.loc["pilot_agency", "industrial_ministry"] = -1
    expected.loc["top_leader", "consensus_forum"] = 1
    expected.loc["industrial_ministry", "consensus_forum"] = 1
    expected.loc["private_sector", "consensus_forum"] = 1
    expected.loc["top_leader", "industrial_ministry"] = 1
    assert (d.role_matrix["change"].to_numpy() == expected.to_numpy()).all()
    assert (d.role_matrix["b"] - d.role_matrix["a"]).equals(d.role_matrix["change"])
    assert d.kind_matrix["change"].loc["head_of_government", "council"] == 1


def test_composition_and_alignment(before, after):
    d = diff(before, after)
    roles = d.roles
    assert roles.loc["pilot_agency", "a_nodes"] == 1 and roles.loc["pilot_agency", "b_nodes"] == 0
    assert roles.loc["consensus_forum", "b_node_share"] == pytest.approx(1 / 4)
    # 3 of the 5 ties of B touch the council
    assert roles.loc["consensus_forum", "b_ties"] == 3
    assert roles.loc["consensus_forum", "b_tie_share"] == pytest.approx(3 / 5, abs=1e-4)
    assert roles.loc["top_leader", "a_tie_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert d.kinds.loc["planning_agency", "a_nodes"] == 1
    assert d.alignment.loc["pilot_agency", "a_ids"] == ["plan"] and d.alignment.loc["pilot_agency", "b_ids"] == []
    assert d.alignment.loc["industrial_ministry", "b"] == "Ministry of Economy (MOE)"


def test_alignment_lists_holders_most_ties_first():
    A = net(
        "m-1",
        "M",
        [PM, COUNCIL, ("c2", "council", "consensus_forum", "Second council")],
        [("pm", "c2", "chairs"), ("c2", "council", "coordinates"), ("pm", "council", "chairs")],
    )
    A.add_edge("c2", "pm", relation="advises")
    assert diff(A, A).alignment.loc["consensus_forum", "a_ids"] == ["c2", "council"]


def test_measures_side_by_side(before, after):
    d = diff(before, after)
    m = d.measures
    assert (m.loc["nodes", "a"], m.loc["nodes", "b"], m.loc["nodes", "change"]) == (4, 4, 0)
    assert (m.loc["ties", "a"], m.loc["ties", "b"], m.loc["ties", "change"]) == (3, 5, 2)
    assert m.loc["vertical_share", "change"] == pytest.approx(
        m.loc["vertical_share", "b"] - m.loc["vertical_share", "a"]
    )
    assert m.loc["top_hub", "b"] in {"Prime Minister", "Ministry of Economy (MOE)", "Industry Council"}
    assert m.loc["top_hub", "change"] is None


# ---------------------------------------------------------------- distances


def test_profile_distance_known_values():
    a = pd.Series({"x": 2})
    b = pd.Series({"x": 1, "y": 1})
    assert profile_distance(a, b) == 0.5
    assert profile_distance(a, pd.Series({"y": 3})) == 1.0
    assert profile_distance(pd.Series(dtype=float), pd.Series(dtype=float)) == 0.0
    assert profile_distance(pd.Series({"x": 0}), b) == 1.0


def test_identical_networks_are_at_distance_zero(before):
    d = diff(before, before.copy(), ged_timeout=5)
    assert d.nodes_added.empty and d.nodes_removed.empty and d.edges_changed.empty and d.rewired.empty
    for dist in d.distances:
        assert dist.value == 0.0, dist.name
    assert d.distance("graph_edit").exact


def renamed(G, gid="r-2020", country="Renamed"):
    mapping = {n: f"n{i}" for i, n in enumerate(sorted(G))}
    H = nx.relabel_nodes(G, mapping)
    for n in H:
        H.nodes[n]["label"] = f"Other name {n}"
    H.graph.update(id=gid, country=country)
    return H


def test_renamed_institutions_with_the_same_roles_are_at_role_distance_zero(after):
    other = renamed(after)
    d = diff(after, other, ged_timeout=5)
    assert d.mode == "role"
    assert d.distance("role_ties").value == 0.0
    assert d.distance("kind_ties").value == 0.0
    assert d.distance("role_composition").value == 0.0
    ged = d.distance("graph_edit")
    assert ged.exact and ged.value == 0.0
    assert (d.role_matrix["change"] == 0).all().all()


def test_role_distance_is_scale_free():
    A = net("a-1", "A", [PM, PLAN], [("pm", "plan", "directs")])
    B = net(
        "b-1",
        "B",
        [PM, PLAN, ("plan2", "planning_agency", "pilot_agency", "Second board")],
        [("pm", "plan", "directs"), ("pm", "plan2", "directs")],
    )
    assert diff(A, B).distance("role_ties").value == 0.0
    assert diff(A, B).distance("role_composition").value == pytest.approx(1 / 2 - 1 / 3)


def test_ged_known_answer_and_symmetry():
    A = net("a-1", "A", [PM, PLAN], [("pm", "plan", "directs")])
    B = net("b-1", "B", [PM, PLAN], [("pm", "plan", "plans_for")])
    C = net("c-1", "C", [PM, PLAN], [("pm", "plan", "advises")])
    ab = kind_aware_ged(A, B)
    assert ab.exact and ab.value == pytest.approx(0.5 / 6, abs=1e-6)  # same axis: half a substitution
    assert kind_aware_ged(A, C).value == pytest.approx(1 / 6, abs=1e-6)  # other axis: a full one
    assert kind_aware_ged(B, A).value == ab.value
    D = net("d-1", "D", [PM, IND], [("pm", "ind", "directs")])  # planning agency -> ministry: kind and role differ
    assert kind_aware_ged(A, D).value == pytest.approx(1 / 6, abs=1e-6)


def test_ged_reports_an_upper_bound_when_cut_by_the_clock():
    rng = random.Random(3)
    kinds = list(NODE_KINDS)[:6]
    rels = list(RELATIONS)

    def rnd(gid):
        G = nx.DiGraph(id=gid, country=gid)
        for i in range(11):
            G.add_node(i, kind=rng.choice(kinds), role=None, label=str(i))
        for _ in range(22):
            u, v = rng.sample(range(11), 2)
            G.add_edge(u, v, relation=rng.choice(rels))
        return G

    d = kind_aware_ged(rnd("p"), rnd("q"), timeout=0.05)
    assert not d.exact
    assert d.value is None or 0 <= d.value <= 1
    assert "upper bound" in d.detail or "no edit path" in d.detail


roles = st.sampled_from([None, *list(ROLES)[:6]])
kinds = st.sampled_from(list(NODE_KINDS)[:6])
relations = st.sampled_from(list(RELATIONS))


@st.composite
def graphs(draw, gid):
    n = draw(st.integers(0, 6))
    G = nx.DiGraph(id=gid, country=draw(st.sampled_from(["P", "Q"])))
    for i in range(n):
        G.add_node(f"v{i}", kind=draw(kinds), role=draw(roles), label=f"V{i}")
    if n > 1:
        for _ in range(draw(st.integers(0, 8))):
            u, v = draw(st.sampled_from([(f"v{i}", f"v{j}") for i in range(n) for j in range(n) if i != j]))
            G.add_edge(u, v, relation=draw(relations))
    return G


@settings(max_examples=40, deadline=None)
@given(graphs("p-1"), graphs("q-1"))
def test_distances_are_symmetric_and_bounded(A, B):
    ab, ba = diff(A, B, match="identity"), diff(B, A, match="identity")
    for x in ab.distances:
        y = ba.distance(x.name)
        assert 0 <= x.value <= 1, x.name
        assert x.value == pytest.approx(y.value, abs=1e-9), x.name
    assert set(ab.nodes_added["id"]) == set(ba.nodes_removed["id"])
    assert len(ab.edges_added) == len(ba.edges_removed)
    assert (ab.role_matrix["change"].to_numpy() == -ba.role_matrix["change"].to_numpy()).all()
    json.dumps(ab.to_dict(), allow_nan=False)


# ---------------------------------------------------------------- output


def test_to_dict_is_plain_json(before, after):
    d = diff(before, after)
    data = json.loads(json.dumps(d.to_dict(), allow_nan=False))
    assert data["mode"] == "identity"
    assert [n["id"] for n in data["nodes_added"]] == ["council"]
    assert data["role_matrix"]["change"]["rows"] == list(d.role_matrix["change"].index)
    assert {x["name"] for x in data["distances"]} >= {"role_ties", "kind_ties", "role_composition"}
    assert all(x["meaning"] for x in data["distances"])
    assert data["sentences"] == summary_sentences(d)


def test_sentences_for_a_known_pair(before, after):
    text = summary_sentences(diff(before, after))
    assert text[0] == "x-1990 has 4 institutions and 3 ties; x-2000 has 4 and 5."
    joined = "\n".join(text)
    # top leader: 1 of 3 ties before, 2 of 5 after
    assert (
        "The top leader's share of ties rises from 0.33 in x-1990 (Prime Minister: 1 of 3 ties) to 0.40 in x-2000"
        in joined
    )
    assert "Renamed in x-2000: Ministry of Industry (MOI) \u2192 Ministry of Economy (MOE)." in joined
    assert "MOI / MOE keeps 1 of its 2 ties from x-1990" in joined
    assert "pilot / planning agency (Planning Board (PB))" in joined
    assert "rewards or penalizes becomes provides services to" in joined


def test_sentences_across_countries_match_roles(after):
    other = renamed(after, "r-2020", "R")
    text = "\n".join(summary_sentences(diff(after, other)))
    assert "Matched by role (x-2000 \u2194 r-2020): top leader: Prime Minister \u2194 Other name" in text
    assert "same tie profile (distance 0)" in text


def test_format_table_and_markdown(before, after):
    d = diff(before, after)
    table = format_diff(d, "table")
    assert table.splitlines()[0] == "x-1990 -> x-2000: institutions matched by id"
    for heading in (
        "Summary",
        "Institutions added (only in x-2000)",
        "Ties removed (only in x-1990)",
        "Graph measures",
        "Composition by role",
        "Role alignment (who plays each role)",
        "Ties between roles (source role -> target role; non-zero cells)",
        "Distances",
    ):
        assert heading + "\n" + "=" * len(heading) in table
    md = format_diff(d, "markdown")
    assert "## Institutions added (only in x-2000)" in md
    assert "| id | label | kind | role | ties |" in md
    assert json.loads(format_diff(d, "json")) == json.loads(json.dumps(d.to_dict()))
    with pytest.raises(ValueError, match="unknown format"):
        format_diff(d, "html")


def test_markdown_escapes_labels(before, after):
    after.nodes["council"]["label"] = "<script>alert(1)</script> | [x](javascript:alert(1))"
    md = format_diff(diff(before, after), "markdown")
    assert "<script>" not in md and not re.search(r"(?<!\\)\]\(javascript", md)
    assert r"\<script\>alert(1)\</script\> \| \[x\](javascript:alert(1))" in md


def test_text_formats_mark_missing_values_as_empty(before, after):
    table = format_diff(diff(before, after), "table")
    assert not re.search(r"\bnan\b", table, re.I)


# ---------------------------------------------------------------- the bundled networks, read against the slides
# (seeds/grips-policy-coordination-slides.txt). Facts, not numbers: each assertion
# says what the slides say about the two structures and checks the diff shows it.


@pytest.fixture(scope="module")
def bundled():
    from instnet.load import load_network

    cache = {}

    def get(a, b):
        if (a, b) not in cache:
            cache[(a, b)] = diff(load_network(a), load_network(b))
        return cache[(a, b)]

    return get


def either_way(matrix, r1, r2) -> int:
    """Ties between two roles in either direction (0 if a role is absent)."""

    def cell(s, t):
        return int(matrix.loc[s, t]) if s in matrix.index and t in matrix.columns else 0

    return cell(r1, r2) + (cell(r2, r1) if r1 != r2 else 0)


def test_japan_abe_era_leader_is_stronger_than_the_organizational_leadership_of_1955(bundled):
    """'Organizational leadership' (1955-70s) vs 'Under Abe administration, PM exercises strong leadership'."""
    d = bundled("japan-1955", "japan-2012")
    assert d.mode == "identity"
    leader = d.roles.loc["top_leader"]
    assert leader["b_tie_share"] > leader["a_tie_share"] and leader["b_ties"] > leader["a_ties"]
    # the PM now sits on top of the deliberation councils
    assert d.role_matrix["change"].loc["top_leader", "consensus_forum"] > 0
    sentences = summary_sentences(d)
    assert any(s.startswith("The top leader's share of ties rises from") for s in sentences)


def test_japan_councils_continue_and_miti_becomes_meti(bundled):
    """'Deliberation councils continue to be used'; MITI (now, METI) stays the industrial super-ministry."""
    d = bundled("japan-1955", "japan-2012")
    assert d.roles.loc["consensus_forum", "a_nodes"] >= 1 and d.roles.loc["consensus_forum", "b_nodes"] >= 1
    assert (
        d.alignment.loc["industrial_ministry", "a_ids"] == d.alignment.loc["industrial_ministry", "b_ids"] == ["miti"]
    )
    renamed = d.nodes_changed[(d.nodes_changed["id"] == "miti") & (d.nodes_changed["attribute"] == "label")]
    assert "MITI" in renamed["a"].iloc[0] and "METI" in renamed["b"].iloc[0]
    assert any(s.startswith("MITI / METI keeps") for s in summary_sentences(d))
    # 'No single superministry' above the ministries in 1955: no pilot agency
    assert "pilot_agency" not in d.roles.index or d.roles.loc["pilot_agency", "a_nodes"] == 0


def test_korea_moves_from_a_pilot_agency_to_presidential_committees(bundled):
    """1960s-70s: EPB as superministry under the President; 2008-12: Presidential Committees."""
    d = bundled("korea-1961", "korea-2008")
    assert d.alignment.loc["pilot_agency", "a_ids"] == ["epb"] and d.alignment.loc["pilot_agency", "b_ids"] == []
    forums = d.alignment.loc["consensus_forum", "b"].split("; ")
    # the grown record adds the 2009-10 'war room' and the advisory council beside the Presidential Committees
    assert sum(f.startswith("Presidential") for f in forums) >= 2
    assert d.roles.loc["consensus_forum", "b_nodes"] > d.roles.loc["consensus_forum", "a_nodes"]
    assert either_way(d.role_matrix["b"], "top_leader", "consensus_forum") > 0
    text = "\n".join(summary_sentences(d))
    assert "Roles found in korea-1961 only: pilot / planning agency (Economic Planning Board (EPB))" in text
    assert re.search(r"korea-2008 has \d+ consensus forums \(Presidential", text)


def test_korea_technocrat_group_versus_japan_councils_and_super_ministry(bundled):
    """Korea: technocrat group (EPB) under the President; Japan: deliberation councils and MITI as super-ministry."""
    d = bundled("korea-1961", "japan-1955")
    assert d.mode == "role"
    assert d.roles.loc["pilot_agency", "a_nodes"] == 1 and d.roles.loc["pilot_agency", "b_nodes"] == 0
    # the grown korea-1961 names the Ministry of Commerce and Industry (Kim 2011), Japan has MITI
    assert d.roles.loc["industrial_ministry", "b_nodes"] == 1 == d.roles.loc["industrial_ministry", "a_nodes"]
    # 4 each in the grown record: Japan's deliberation councils, Korea's export, trend-report and HCI meetings
    assert d.roles.loc["consensus_forum", "b_nodes"] >= d.roles.loc["consensus_forum", "a_nodes"] >= 2
    assert d.role_matrix["a"].loc["top_leader", "pilot_agency"] >= 1  # 'full planning authority given by top leader'
    assert d.role_matrix["b"].loc["top_leader", "pilot_agency"] == 0
    assert d.distance("role_ties").value > 0.5
    text = "\n".join(summary_sentences(d))
    assert "Matched by role (korea-1961 \u2194 japan-1955): top leader: President Park" in text
    assert (
        "industrial-policy ministry: Ministry of Commerce and Industry (MCI) \u2194 Ministry of International Trade"
        in text
    )


def test_thailand_2001_has_sector_hubs_that_1980_lacks(bundled):
    """1980s: PM Prem's national committees managed by NESDB; 2001-06: hub institutions linking business,
    government and experts."""
    d = bundled("thailand-1980", "thailand-2001")
    hubs = d.roles.loc["sector_hub"]
    assert hubs["a_nodes"] == 0 and hubs["b_nodes"] >= 2
    assert "Thailand Automotive Institute (TAI)" in d.alignment.loc["sector_hub", "b"]
    a = d.role_matrix["a"]
    assert a.loc["top_leader", "consensus_forum"] >= 1  # chaired by PM Prem
    assert either_way(a, "pilot_agency", "consensus_forum") >= 1  # managed by NESDB
    assert d.roles.loc["macro_agency", "a_nodes"] >= 2  # close coordination among macroeconomic agencies
    b = d.role_matrix["b"]
    for partner in ("private_sector", "industrial_ministry", "civil_society"):  # businesses, MOI, universities
        assert either_way(b, "sector_hub", partner) > 0, partner
    text = "\n".join(summary_sentences(d))
    assert re.search(r"Roles found in thailand-2001 only: [^;]*sector hub \(", text)


def test_role_and_kind_changes_are_told_even_from_no_role():
    A = net("w-1", "W", [PM, ("epa", "planning_agency", None, "Planning Agency (EPA)")], [("pm", "epa", "directs")])
    B = net("w-2", "W", [PM, ("epa", "ministry", "pilot_agency", "Planning Agency (EPA)")], [("pm", "epa", "directs")])
    d = diff(A, B)
    changes = {r["attribute"]: (r["a"], r["b"]) for r in d.nodes_changed.to_dict(orient="records")}
    assert changes == {"kind": ("planning_agency", "ministry"), "role": (None, "pilot_agency")}
    text = summary_sentences(d)
    assert "Planning Agency (EPA) changes role from none to pilot / planning agency." in text
    assert "Planning Agency (EPA) changes kind from planning / central economic agency to ministry." in text
    table = format_diff(d, "table")
    assert not re.search(r"\bnan\b", table, re.I)


def test_ties_are_counted_as_listed_in_sentences_and_shares():
    """A symmetric tie is one tie for the diff, as everywhere (``arcs`` counts its two arcs)."""
    A = net("v-1", "V", [IND, FIRMS, PM], [("ind", "firms", "cooperates_with"), ("pm", "ind", "directs")])
    d = diff(A, A)
    assert d.a["ties"] == 2 and d.measures.loc["ties", "a"] == 2 and d.measures.loc["arcs", "a"] == 3
    assert d.a["top_hub"] == {"id": "ind", "label": "Ministry of Industry (MOI)", "ties": 2, "share": 1.0}
    assert d.roles.loc["private_sector", "a_tie_share"] == 0.5
    assert d.a["vertical_share"] == 0.5 and d.a["horizontal_share"] == 0.5
    text = summary_sentences(d)
    assert text[0] == "v-1 (A) has 3 institutions and 2 ties; v-1 (B) has 3 and 2."
    assert (
        "Ministry of Industry (MOI) has the most ties in both: 2 of 2 in v-1 (A) (1.00), 2 of 2 in v-1 (B) (1.00)."
        in text
    )


def test_frame_rows_are_the_rows_pandas_gives():
    """instnet.diff.values.frame_rows: the dicts, values and value types of ``DataFrame.to_dict(orient="records")``
    for every frame of the bundled diffs and for frames of every kind of column."""
    import numpy as np

    from instnet import load
    from instnet.comparisons import site_comparisons
    from instnet.diff.values import frame_rows

    nets = load.load_all()
    pairs, _ = site_comparisons(nets, {k: "councils" for k in nets})
    frames = [
        frame for a, b in pairs for frame in vars(diff(nets[a], nets[b])).values() if isinstance(frame, pd.DataFrame)
    ]
    frames += [
        pd.DataFrame({"i": [1, 2], "f": [1.5, np.nan], "s": ["x", None], "b": [True, False]}),
        pd.DataFrame(
            {"o": pd.Series([np.int64(3), np.float64(2.5), None, pd.NA, [1], "s", np.bool_(True)], dtype=object)}
        ),
        pd.DataFrame(
            {
                "str": pd.Series(["a", None], dtype="str"),
                "Int64": pd.Series([1, None], dtype="Int64"),
                "boolean": pd.Series([True, None], dtype="boolean"),
                "when": pd.to_datetime(["2020-01-01", None]),
                "category": pd.Categorical(["x", "y"]),
                "float32": np.array([1, 2], dtype=np.float32),
            }
        ),
        pd.DataFrame(index=[0, 1]),
        pd.DataFrame(columns=["a", "b"]),
    ]
    assert len(frames) > 200

    def same(x, y):
        return type(x) is type(y) and (x == y or x is y or (x != x and y != y))

    for frame in frames:
        expected, got = frame.to_dict(orient="records"), frame_rows(frame)
        assert len(got) == len(expected) and len({id(row) for row in got}) == len(got)  # a dict a row
        for want, row in zip(expected, got, strict=True):
            assert list(row) == list(want) and all(same(row[k], want[k]) for k in want), (frame, row, want)
