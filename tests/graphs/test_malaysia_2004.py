"""Structural facts of the malaysia-2004 network, each checked against its sources."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("malaysia-2004")


def test_council_is_a_consensus_forum_for_the_whole_era(G):
    # grips: "Malaysia Now: National SME Dev. Council"
    assert G.nodes["nsdc"]["kind"] == "council"
    assert G.nodes["nsdc"]["role"] == "consensus_forum"
    assert G.graph["start"] == 2004 and G.graph["end"] is None


def test_central_bank_was_secretariat_until_2009(G):
    # grips: "Bank Negara Malaysia (central bank) served as a secretariat ... until ... 2009."
    edge = G.edges["bnm", "nsdc"]
    assert edge["relation"] == "secretariat_for"
    assert edge["end"] == 2009 and edge["start"] is None
    assert G.nodes["bnm"]["kind"] == "central_bank"


def test_sme_corp_takes_over_the_secretariat_from_2009(G):
    # grips: "until the establishment of SME Corp. Malaysia in 2009"; bnm-2008: SME Corp. "will continue the role
    # of the Secretariat"
    edge = G.edges["sme_corp", "nsdc"]
    assert edge["relation"] == "secretariat_for"
    assert edge["start"] == 2009
    assert G.nodes["sme_corp"]["start"] == 2009


def test_secretariats_never_overlap(G):
    # grips: Bank Negara served "until the establishment of SME Corp. Malaysia in 2009"
    secretariats = [(u, d) for u, v, d in G.in_edges("nsdc", data=True) if d["relation"] == "secretariat_for"]
    assert len(secretariats) == 2
    (_, a), (_, b) = sorted(secretariats, key=lambda item: item[1]["start"] or 0)
    assert a["end"] <= b["start"]


MEMBER_MINISTRIES = {
    "miti",
    "mdtca",
    "mecd",
    "moa",
    "mohr",
    "mof",
    "mewc",
    "mpic",
    "mosti",
    "motour",
    "krt",
    "moe",
    "mohe",
}


def test_prime_minister_chairs_and_named_ministries_sit_on_the_council(G):
    # bernama-2017: "before chairing the 22nd National Small and Medium Enterprise Council Meeting"
    assert G.edges["pm", "nsdc"]["relation"] == "chairs"
    # blog-2006: "The Prime Minister (Chairman)", then "Minister of International Trade and Industry" ...
    # "Minister of Higher Education" (items II-XIV); the collective node no longer stands for the members
    members = {u for u, _, d in G.in_edges("nsdc", data=True) if d["relation"] == "member_of"}
    assert members == MEMBER_MINISTRIES
    assert all(G.nodes[m]["kind"] == "ministry" for m in members)
    assert G.nodes["mof"]["role"] == "macro_agency"
    assert G.nodes["miti"]["role"] == "industrial_ministry"


def test_only_the_seed_items_are_not_external(G):
    # grips: the slides name only the council, Bank Negara and SME Corp.; everything else is external
    seeded = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seeded == {"nsdc", "bnm", "sme_corp"}
    assert G.edges["pm", "nsdc"]["external"]


def test_smidec_under_miti_until_it_became_sme_corp(G):
    # smecorp-about: SMIDEC "was established under the Ministry of International Trade and Industry (MITI)"
    # on 2 May 1996; bnm-2008: SMIDEC "will be transformed" into SME Corp. (same id as in malaysia-1997)
    assert G.edges["miti", "smidec"]["relation"] == "directs"
    assert G.nodes["smidec"]["end"] == 2009 and G.edges["miti", "smidec"]["end"] == 2009


def test_sme_corp_reports_to_the_council_under_miti_then_med(G):
    # bernama-2009: "It will report to the council and be placed under the International Trade and Industry Ministry."
    assert G.edges["nsdc", "sme_corp"]["relation"] == "directs"
    assert (G.edges["miti", "sme_corp"]["start"], G.edges["miti", "sme_corp"]["end"]) == (2009, 2018)
    # smecorp-about: "the central coordinating agency (CCA) under the Ministry of Entrepreneur Development";
    # smear-2019, p. 52: "establishment of the Ministry of Entrepreneur Development (MED)"
    assert G.edges["med", "sme_corp"]["relation"] == "directs"
    assert G.nodes["med"]["start"] == 2018 == G.edges["med", "sme_corp"]["start"]
    # bnm-2008: SME Corp. undertakes "the overall coordination of SME policy formulation ... across all sectors"
    assert G.edges["sme_corp", "ministries"]["relation"] == "coordinates"


def test_council_documents_frame_the_ministries_programmes(G):
    # smidirectory: "The NSDC, on 9 June 2005, approved the common definitions of SMEs";
    # massa-2007: the council "has endorsed the first National SME Development Blueprint in 2006"
    assert G.edges["nsdc", "sme_definition"]["relation"] == "establishes"
    assert G.nodes["sme_definition"]["start"] == 2005
    assert G.edges["nsdc", "sme_blueprint"]["relation"] == "establishes"
    assert (G.nodes["sme_blueprint"]["start"], G.nodes["sme_blueprint"]["end"]) == (2006, 2008)
    for doc in ("sme_definition", "sme_blueprint", "smeipa", "sme_masterplan"):
        assert G.nodes[doc]["kind"] == "law"
        assert G.edges[doc, "ministries"]["relation"] == "guides"


def test_masterplan_launched_by_the_leader_and_run_by_sme_corp(G):
    # bernama-2012: "Prime Minister Najib Razak on Thursday launched the ... SME Masterplan 2012-2020";
    # oecd-2018: SME Corp. "is in charge of implementing the country's SME Masterplan (2012-20)"
    assert (G.nodes["sme_masterplan"]["start"], G.nodes["sme_masterplan"]["end"]) == (2012, 2020)
    assert G.edges["pm", "sme_masterplan"]["relation"] == "establishes"
    assert G.edges["sme_corp", "sme_masterplan"]["relation"] == "manages"
    # smecorp-cca: the annual SMEIPA is published by SME Corp. as central coordinating agency
    assert G.edges["sme_corp", "smeipa"]["relation"] == "manages"


def test_sme_bank_moves_from_bank_pembangunan_to_the_finance_ministry_in_2008(G):
    # nst-2008: "Bank Pembangunan is a wholly owned subsidiary of the Finance Ministry (MoF)";
    # bernama-2008: "Prior to this, SME Bank was a subsidiary of Bank Pembangunan ... will ... come under
    # the direct supervision of the MoF"
    assert G.edges["mof", "bpmb"]["relation"] == "directs"
    assert G.edges["bpmb", "sme_bank"]["end"] == 2008
    assert G.edges["mof", "sme_bank"]["start"] == 2008
    assert G.nodes["sme_bank"]["start"] == 2005


def test_credit_guarantee_corporation_is_owned_by_the_central_bank(G):
    # marc-2020: "BNM has a 78.7% interest in CGC, with the rest held by commercial banks."
    assert G.edges["bnm", "cgc"]["relation"] == "directs"
    assert G.nodes["cgc"]["kind"] == "state_enterprise"
