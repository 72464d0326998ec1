"""Structural facts of taiwan-2010 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("taiwan-2010")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


# grips: "The Ministry of Economic Affairs (MoEA) is the powerful one-stop ministry"; "Industrial Development Bureau of MoEA"
def test_moea_is_the_one_stop_industrial_ministry_over_idb(G):
    assert G.nodes["moea"]["role"] == "industrial_ministry"
    assert relation(G, "moea", "idb") == "directs"
    assert G.nodes["idb"]["kind"] == "bureau"


# grips: 'IDB providing "industrial extension services" to firms (Wade 2009)'
def test_idb_gives_industrial_extension_services_to_firms(G):
    assert relation(G, "idb", "firms") == "provides_services_to"
    assert "industrial extension services" in G.edges["idb", "firms"]["quote"]


# grips: "Outsourcing of many policymaking functions to think tanks (e.g. studies, committees, seminars)"
def test_policymaking_outsourced_to_think_tanks_that_run_committees_and_seminars(G):
    assert relation(G, "moea", "think_tanks") == "delegates_to"
    assert relation(G, "think_tanks", "committees") == "manages"
    assert relation(G, "think_tanks", "seminars") == "manages"


# grips: '"Committees" are organized for consensus building among ministries and experts'
def test_committees_bring_ministries_and_experts_together(G):
    members = {u for u, _, d in G.in_edges("committees", data=True) if d["relation"] == "member_of"}
    assert members == {"ministries", "experts"}


# grips: '"Seminars" are actively used for interacting with the private sector'
def test_seminars_reach_the_private_sector(G):
    assert relation(G, "firms", "seminars") == "member_of"


# grips: "a law approved by National Assembly"; moj-sii: passed by the Legislative Yuan
def test_legislature_enacts_the_statute_that_guides_moea(G):
    assert relation(G, "legislature", "statute") == "enacts"
    assert relation(G, "statute", "moea") == "guides"
    assert "National Assembly" in G.edges["legislature", "statute"]["quote"]
    assert "Legislative Yuan" in G.nodes["legislature"]["label"]
    assert G.nodes["legislature"]["external"] is True


# grips: 'special "task forces" were created when necessary'
def test_special_task_forces_beside_idb_staff(G):
    assert relation(G, "idb", "task_forces") == "establishes"
    assert G.edges["idb", "task_forces"]["basis"] == "inferred"


def test_the_seed_layer_is_intact(G):
    seeded = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seeded == {
        "moea",
        "idb",
        "firms",
        "think_tanks",
        "committees",
        "seminars",
        "ministries",
        "experts",
        "statute",
        "task_forces",
    }
    assert sum(1 for _, _, d in G.edges(data=True) if not d["external"]) == 11


# tt-2014 (Taipei Times editorial, 27 Jan 2014): NDC "under the Cabinet", "the dissolution of the CEPD";
# taiwantoday-2013: NDC "in charge of policy planning, coordination, supervision"
def test_cepd_gives_way_to_the_ndc_in_2014(G):
    assert G.nodes["cepd"]["end"] == 2014 and G.nodes["ndc"]["start"] == 2014
    assert relation(G, "executive_yuan", "ndc") == "directs"
    assert relation(G, "ndc", "moea") == "coordinates"
    assert relation(G, "cepd", "executive_yuan") == "advises"


# tt-2018 (Taipei Times, 6 Dec 2018): "The ministry must submit its incentive program to the Executive Yuan for review."
def test_moea_answers_to_the_cabinet(G):
    assert G.nodes["executive_yuan"]["role"] == "top_leader"
    assert relation(G, "executive_yuan", "moea") == "directs"


# moj-sii (Art. 10): "prescribed by the central competent authority in consultation with the Ministry of Finance"
def test_moea_consults_finance_on_the_rd_tax_credit(G):
    assert relation(G, "moea", "mof") == "consults"
    assert G.nodes["mof"]["role"] == "macro_agency"


# smea-sbir (moeasmea.gov.tw): SBIR Steering Committee "reviewed and passed subsidies"; wef-itri: 30,000 client
# enterprises; wiki-itri: "under the supervision of the ... Ministry of Economic Affairs"
def test_moea_units_serving_and_funding_firms(G):
    units = {v for _, v, d in G.out_edges("moea", data=True) if d["relation"] == "directs"}
    assert {"idb", "smea", "itri"} <= units
    assert relation(G, "smea", "firms") == "funds"
    assert relation(G, "itri", "firms") == "provides_services_to"


# tier-about: TIER assists "the MOEA in the operations of the Industrial Development Advisory Council";
# cier-origins: "research and recommendations to the Executive Yuan"
def test_named_think_tanks_beside_the_collective_node(G):
    assert relation(G, "tier", "idac") == "secretariat_for"
    assert relation(G, "moea", "idac") == "manages"
    assert relation(G, "cier", "executive_yuan") == "advises"
    assert "think_tanks" in G  # no source says which think tanks the MoEA outsources to


# sipa-hspb: HSPB "Under the jurisdiction of the Ministry of Science and Technology"; taiwan-gov: Five Plus Two (2016);
# idb-policies: the 2019 amendments (3 and 24 July 2019) and Five Plus Two among the IDB's important policies
def test_science_parks_and_the_five_plus_two_plan(G):
    assert relation(G, "most", "hspb") == "directs"
    assert relation(G, "hspb", "firms") == "provides_services_to"
    assert G.nodes["five_plus_two"]["start"] == 2016
    assert relation(G, "ndc", "five_plus_two") == "manages"
    assert relation(G, "five_plus_two", "idb") == "guides"
    assert relation(G, "statute", "idb") == "guides"
    assert "2019" in G.edges["statute", "idb"]["quote"]
