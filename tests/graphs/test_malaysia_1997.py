"""Structural facts of the malaysia-1997 network, each checked against its sources."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("malaysia-1997")


SEED_NODES = {"pm", "epu", "ministries", "planning_cells", "five_year_plan", "imp"}


def test_epu_is_the_pilot_planning_agency(G):
    # grips: "Technocrat Group Approach ... Malaysia – Econ. Planning Unit"
    assert G.nodes["epu"]["kind"] == "planning_agency"
    assert G.nodes["epu"]["role"] == "pilot_agency"


def test_top_leader_gives_the_epu_its_planning_authority(G):
    # grips: "Elite technocrat group with full planning authority given by top leader"
    assert G.edges["pm", "epu"]["relation"] == "delegates_to"
    assert G.nodes["pm"]["role"] == "top_leader"


def test_epu_sits_above_the_implementing_ministries(G):
    # grips: "A planning body above all ministries; the latter are implementing bodies"
    for ministry in ("ministries", "miti"):
        assert G.edges["epu", ministry]["relation"] == "plans_for"
        assert not G.has_edge(ministry, "epu")


def test_plans_named_by_the_slides_are_policy_documents(G):
    # grips: "Malaysia—five-year plan, SME policy, industrial master plan"
    for plan in ("five_year_plan", "imp"):
        assert G.nodes[plan]["kind"] == "law"
        assert G.nodes[plan]["cite"] == "grips"
    assert G.edges["epu", "five_year_plan"]["relation"] == "establishes"


def test_planning_cells_link_macro_and_sector(G):
    # grips: 'Role of "planning cells" technocrats ensuring macrosector links.'
    assert set(G.successors("planning_cells")) == {"epu", "ministries"}
    assert {G.edges["planning_cells", t]["relation"] for t in ("epu", "ministries")} == {"coordinates"}


def test_the_seed_layer_is_intact_and_everything_else_is_external(G):
    # grips: the six slide items keep their seed citation; all additions cite external references
    seeded = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seeded == SEED_NODES
    assert all(G.nodes[n]["cite"] == "grips" for n in SEED_NODES)
    assert G.edges["miti", "mida"]["external"]
    assert not G.edges["pm", "epu"]["external"]


def test_icu_and_epu_sit_in_the_prime_ministers_department(G):
    # mahathir-1996, para. 4: "a powerful Economic Planning Unit located in the Prime Minister's
    # Department, we also have an Implementation Coordination Unit, likewise located in the PM's Department"
    assert G.edges["pm", "icu"]["relation"] == "directs"
    assert G.nodes["icu"]["cite"] == "mahathir-1996"


def test_epu_serves_the_planning_committee_under_the_cabinet(G):
    # epu-2004: NDPC established 1961 "with the Economic Planning Unit as its secretariat";
    # "the Cabinet continued to retain the ultimate responsibility for planning"
    assert G.edges["epu", "ndpc"]["relation"] == "secretariat_for"
    assert G.edges["cabinet", "ndpc"]["relation"] == "delegates_to"
    assert G.edges["ndpc", "five_year_plan"]["relation"] == "manages"


def test_neac_is_a_crisis_council_from_1998_chaired_by_the_prime_minister(G):
    # lks-1998-01a (Cabinet approved the NEAC, January 1998); lks-1998-01c (first meeting);
    # wiki-neac ("the Council and Exco are chaired by the Prime Minister")
    assert G.nodes["neac"]["kind"] == "council" and G.nodes["neac"]["start"] == 1998
    assert G.edges["cabinet", "neac"]["relation"] == "establishes"
    assert G.edges["pm", "neac"]["relation"] == "chairs"
    # lks-1998-01c: the EPU "is acting as the secretariat for NEAC"
    assert G.edges["epu", "neac"]["relation"] == "secretariat_for"
    assert G.edges["epu", "neac"]["start"] == 1998


def test_neac_members_include_ministers_unions_and_chambers(G):
    # lks-1998-01b: "certain Ministers, ... the Malaysian Trades Union Congress, ... the various chambers of commerce"
    members = {u for u, _, d in G.in_edges("neac", data=True) if d["relation"] == "member_of"}
    assert members == {"ministries", "mtuc", "business_assoc"}
    assert G.nodes["mtuc"]["kind"] == "trade_union"


def test_neac_executive_committee_and_its_executive_director(G):
    # lks-1998-02: the executive council "comprises the Prime Minister, the Deputy Prime Minister and
    # Finance Minister, the executive director and two members"; wiki-neac: "members from ISIS, EPU and others"
    members = {u for u, _, d in G.in_edges("neac_exco", data=True) if d["relation"] == "member_of"}
    assert members == {"mof", "neac_ed", "epu", "isis"}
    assert G.edges["pm", "neac_exco"]["relation"] == "chairs"
    # lks-1997-12: Daim appointed executive director; decisions "will be implemented by Daim"
    assert G.nodes["neac_ed"]["start"] == 1997
    assert G.edges["pm", "neac_ed"]["relation"] == "delegates_to"
    # lks-1998-02: "empowered to co-ordinate all activities of the relevant authorities"
    assert G.edges["neac_ed", "ministries"]["relation"] == "coordinates"


def test_neac_products_recovery_plan_and_danaharta(G):
    # lks-1998-08: "The National Economic Recovery Plan (NERP) prepared by the NEAC";
    # insider-2009: "By June, it had established Danaharta"; danaharta-2005: set up June 1998
    assert G.edges["neac", "nerp"]["relation"] == "establishes"
    assert G.nodes["nerp"]["kind"] == "law" and G.nodes["nerp"]["start"] == 1998
    assert G.edges["neac", "danaharta"]["relation"] == "establishes"
    assert G.nodes["danaharta"]["start"] == 1998


def test_central_bank_created_danamodal_for_the_crisis_years(G):
    # ypfs-danamodal: created by Bank Negara on 10 August 1998; wound down 31 December 2003
    assert G.edges["bnm", "danamodal"]["relation"] == "establishes"
    assert (G.nodes["danamodal"]["start"], G.nodes["danamodal"]["end"]) == (1998, 2003)
    assert G.nodes["bnm"]["kind"] == "central_bank"


def test_miti_holds_its_agencies_and_consults_business(G):
    # mida; bernama-2023 ("Matrade is an agency under Miti"); smecorp-about (SMIDEC "established under MITI")
    for agency in ("mida", "matrade", "smidec"):
        assert G.edges["miti", agency]["relation"] == "directs"
    # biddle-milor-1999, contents: "The MITI Dialogue", "The Budget Dialogue" (pp. 22)
    assert G.edges["miti", "business_assoc"]["relation"] == "consults"
    assert G.edges["mof", "business_assoc"]["relation"] == "consults"


def test_perspective_plans_frame_the_malaysia_plans_and_parliament_approves(G):
    # mahathir-1999: the Seventh Plan "represents the second phase in the implementation of the ... (OPP2)";
    # mahathir-2001: the Eighth Plan "represents the first phase in the implementation of the OPP3";
    # "this House has approved the OPP3"
    assert G.nodes["opp2"]["end"] == 2000 and G.nodes["opp3"]["start"] == 2001
    for plan in ("opp2", "opp3"):
        assert G.edges[plan, "five_year_plan"]["relation"] == "guides"
    assert G.edges["parliament", "opp3"]["relation"] == "enacts"
    assert G.edges["parliament", "five_year_plan"]["relation"] == "enacts"
    assert G.nodes["parliament"]["kind"] == "legislature"


def test_finance_ministry_is_a_macro_agency_that_funds_the_ministries(G):
    # inpuma-2014, p. 2: "The Ministry of Finance is responsible for the preparation of annual budgets"
    assert G.nodes["mof"]["role"] == "macro_agency"
    assert G.edges["mof", "ministries"]["relation"] == "funds"
