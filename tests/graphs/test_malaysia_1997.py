"""Structural facts of the malaysia-1997 network, each checked against its sources."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("malaysia-1997")


def test_epu_is_the_pilot_planning_agency(G):
    # "Technocrat Group Approach ... Malaysia – Econ. Planning Unit"
    assert G.nodes["epu"]["kind"] == "planning_agency"
    assert G.nodes["epu"]["role"] == "pilot_agency"


def test_top_leader_gives_the_epu_its_planning_authority(G):
    # "Elite technocrat group with full planning authority given by top leader"
    assert G.edges["pm", "epu"]["relation"] == "delegates_to"
    assert G.nodes["pm"]["role"] == "top_leader"


def test_epu_sits_above_the_implementing_ministries(G):
    # "A planning body above all ministries; the latter are implementing bodies"
    for ministry in ("ministries", "miti"):
        assert G.edges["epu", ministry]["relation"] == "plans_for"
        assert not G.has_edge(ministry, "epu")


def test_plans_named_by_the_slides_are_policy_documents(G):
    # "Malaysia—five-year plan, SME policy, industrial master plan"
    for plan in ("five_year_plan", "imp"):
        assert G.nodes[plan]["kind"] == "law"
        assert G.nodes[plan]["cite"] == "grips"
    assert G.edges["epu", "five_year_plan"]["relation"] == "establishes"


def test_planning_cells_link_macro_and_sector(G):
    # 'Role of "planning cells" technocrats ensuring macrosector links.'
    assert set(G.successors("planning_cells")) == {"epu", "ministries"}
    assert {G.edges["planning_cells", t]["relation"] for t in ("epu", "ministries")} == {"coordinates"}


def test_external_items_are_marked_external(G):
    external = {n for n, d in G.nodes(data=True) if d["external"]}
    assert external == {"miti", "mida"}
    assert G.edges["miti", "mida"]["external"]
    assert not G.edges["pm", "epu"]["external"]
