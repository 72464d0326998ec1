"""Structural facts of japan-2012 that its sources state.

Each fact names its source: the seed slides (grips) or the external reference
key in graphs/japan-2012/network.toml (each key's citation gives the address).
"""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("japan-2012")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def out(G, source, rel):
    return {v for _, v, d in G.out_edges(source, data=True) if d["relation"] == rel}


def into(G, target, rel):
    return {u for u, _, d in G.in_edges(target, data=True) if d["relation"] == rel}


def test_prime_minister_chairs_the_economic_councils(G):
    # japantimes-2012-12 (CEFP headed by Abe), japantimes-2013 (HQ), kantei-2013-icc
    # (ICC chair), imidas-2016 (CIF chair), kantei-2014-csti (held, read as chairing)
    chaired = out(G, "pm", "chairs")
    assert chaired == {"cefp", "hq", "icc", "cif", "cstp"}
    assert G.edges["pm", "cstp"]["basis"] == "inferred"


def test_prime_minister_leads_strongly(G):
    # grips: "Under Abe administration, PM exercises strong leadership."
    assert G.nodes["pm"]["role"] == "top_leader"
    assert "strong leadership" in G.nodes["pm"]["quote"]
    assert relation(G, "pm", "miti") == "directs"


def test_meti_keeps_mitis_id_and_sits_on_the_councils(G):
    # grips ("MITI (now, METI)"); japantimes-2013 (HQ), kantei-2013-icc, imidas-2016 (CIF)
    assert "METI" in G.nodes["miti"]["label"]
    assert {"hq", "icc", "cif"} <= out(G, "miti", "member_of")


def test_deliberation_council_kept_for_consensus_building(G):
    # grips; meti-2024
    assert relation(G, "miti", "isc") == "manages"
    assert "consensus-building" in G.edges["miti", "isc"]["quote"]
    assert G.nodes["isc"]["role"] == "consensus_forum"


def test_meti_supports_business(G):
    # grips: "Coordination & support to business activities"
    assert relation(G, "miti", "private_sector") == "provides_services_to"


def test_headquarters_set_up_the_growth_councils_and_works_with_cefp(G):
    # kantei-2013-icc (ICC from 2013); imidas-2016, japanknowledge-2016 (CIF from 2016
    # replaced the ICC and the public-private dialogue); kantei-2013-hq
    assert out(G, "hq", "establishes") >= {"icc", "cif"}
    assert relation(G, "hq", "cefp") == "cooperates_with"
    assert (G.nodes["icc"]["start"], G.nodes["icc"]["end"]) == (2013, 2016)
    assert G.nodes["cif"]["start"] == 2016
    assert (G.nodes["ppd"]["start"], G.nodes["ppd"]["end"]) == (2015, 2016)


def test_industrial_competitiveness_council_membership_and_secretariat(G):
    # kantei-2013-icc: vice chairs (revitalization minister, Chief Cabinet Secretary,
    # METI minister), experts, and the General Secretariat in cooperation with METI
    members = into(G, "icc", "member_of")
    assert {"ccs", "cao", "miti", "experts", "private_sector", "mof"} == members
    assert G.edges["mof", "icc"]["basis"] == "inferred"
    assert relation(G, "gsjer", "icc") == "secretariat_for"
    assert relation(G, "gsjer", "miti") == "cooperates_with"


def test_cefp_members_include_the_central_bank(G):
    # japantimes-2012-12 (composition), japantimes-2013-01 (BOJ governor an official
    # member), japantimes-2020 (advice to the Prime Minister)
    assert into(G, "cefp", "member_of") == {"ccs", "cao", "boj", "private_sector", "experts"}
    assert relation(G, "cefp", "pm") == "advises"
    assert G.nodes["boj"]["kind"] == "central_bank"


def test_joint_statement_with_the_bank_of_japan(G):
    # domainb-2013: joint statement of January 2013, 2% price stability target
    assert into(G, "joint_statement", "establishes") == {"pm", "boj"}
    assert relation(G, "joint_statement", "boj") == "guides"
    assert G.nodes["joint_statement"]["start"] == 2013
    assert relation(G, "boj", "pm") == "cooperates_with"


def test_growth_strategy_and_basic_policies(G):
    # kantei-2013-jrs (decided by the HQ, approved by the Cabinet, 14 June 2013),
    # kantei-2013-icc-june (compiled by the ICC); kantei-2017-joint (Basic Policies)
    assert into(G, "jrs", "establishes") == {"hq", "icc", "pm"}
    assert G.nodes["jrs"]["start"] == 2013
    assert into(G, "basic_policies", "establishes") == {"cefp", "pm"}


def test_personnel_bureau_under_the_chief_cabinet_secretary(G):
    # japantimes-2014-05 (launched May 2014), japantimes-2018 (under the CCS;
    # appointments previously held by the ministries)
    assert G.nodes["cbpa"]["start"] == 2014
    assert relation(G, "ccs", "cbpa") == "directs"
    assert out(G, "cbpa", "constrains") == {"miti", "mof"}


def test_regulatory_reform_councils_advise_the_prime_minister(G):
    # kantei-2013-rrc (from January 2013), kantei-2016-rrpc (from September 2016)
    assert relation(G, "rrc", "pm") == "advises"
    assert relation(G, "rrpc", "pm") == "advises"
    assert G.nodes["rrc"]["start"] == 2013 and G.nodes["rrpc"]["start"] == 2016


def test_wage_talks_bring_in_business_and_labour(G):
    # japantimes-2013-12 (Keidanren and Rengo at the December 2013 meeting),
    # kantei-2013-glm (the Prime Minister attends)
    assert {"keidanren", "rengo", "pm"} <= into(G, "glm", "member_of")
    assert G.nodes["rengo"]["kind"] == "trade_union"


def test_meti_units(G):
    # cambridge-ifm: METI oversees the Manufacturing Industries Bureau, the SME
    # Agency, JETRO and AIST (same ids as japan-1955 for smea and jetro)
    assert out(G, "miti", "directs") == {"manufacturing_bureau", "smea", "jetro", "aist"}


def test_named_councils_are_external(G):
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == {"cefp", "hq", "icc", "ppd", "cif", "rrc", "rrpc", "cstp", "glm", "isc"}
    assert all(G.nodes[c]["external"] for c in councils)


def test_seed_layer_intact(G):
    # grips: the slide's bodies keep their seed citation
    seeded = {n for n, d in G.nodes(data=True) if d["cite"] == "grips"}
    assert seeded == {"pm", "miti", "private_sector"}
