"""Structural facts of korea-1961 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("korea-1961")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_president_heads_the_monthly_export_promotion_meetings(G):
    assert relation(G, "president", "export_meeting") == "chairs"
    assert G.nodes["export_meeting"]["kind"] == "council"


def test_epb_is_the_pilot_agency_under_the_president(G):
    assert relation(G, "president", "epb") == "directs"
    assert G.nodes["epb"]["role"] == "pilot_agency"
    assert "superministry" in G.nodes["epb"]["quote"]


def test_epb_plans_above_the_ministries(G):
    assert relation(G, "epb", "ministries") == "plans_for"
    assert G.nodes["ministries"]["label"] == "Ministries/Agencies"
    assert not G.has_edge("ministries", "epb")


def test_kdi_provides_analysis(G):
    assert G.nodes["kdi"]["kind"] == "research_institute"
    assert relation(G, "kdi", "epb") == "advises"


def test_business_gets_performance_based_rewards_and_penalties(G):
    assert relation(G, "ministries", "business") == "incentivizes"
    assert G.nodes["business"]["role"] == "private_sector"


def test_business_takes_part_in_the_export_meetings_on_an_external_reference(G):
    edge = G.edges["business", "export_meeting"]
    assert edge["relation"] == "member_of"
    assert edge["external"] is True


def test_only_one_tie_is_external_and_era_is_park_years(G):
    external = [(u, v) for u, v, d in G.edges(data=True) if d["external"]]
    assert external == [("business", "export_meeting")]
    assert not any(d["external"] for _, d in G.nodes(data=True))
    assert (G.graph["start"], G.graph["end"]) == (1961, 1979)


def test_kinds_present(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"head_of_government", "planning_agency", "ministry", "research_institute", "firm", "council", "expert_group"}
