"""Structural facts of korea-2008 that its sources state."""

import pytest

from instnet.load import load_network

# decree-2010: the ex officio members of the Presidential Committee on Green Growth
EX_OFFICIO = {"mosf", "mest", "mofat", "mopas", "mcst", "mifaff", "mke", "moe", "mogef", "mltm", "kcc", "fsc", "pmo"}


@pytest.fixture(scope="module")
def G():
    return load_network("korea-2008")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def members(G, council):
    return {u for u, _, d in G.in_edges(council, data=True) if d["relation"] == "member_of"}


# koreaittimes-2009: "Prime Minister Han Seung-soo and Kim Hyung-kook ... will jointly chair
# the commission"; unescap-2012: set up in February 2009
def test_prime_minister_chairs_the_green_growth_committee(G):
    assert relation(G, "pm", "pcgg") == "chairs"
    assert G.nodes["pcgg"]["start"] == 2009


# unescap-2012 and piie-2008: the committee and the council report to the President
def test_presidential_committees_advise_the_president(G):
    committees = {u for u, v, d in G.in_edges("president", data=True) if d["relation"] == "advises"}
    assert committees == {"pcgg", "pcnc"}
    assert all(G.nodes[c]["kind"] == "council" for c in committees)


# decree-2010 (ex officio members), koreaittimes-2009 (think-tank chiefs and 29 business and
# social leaders among the 47 members at the launch)
def test_the_decree_seats_thirteen_ministers_on_the_green_growth_committee(G):
    assert members(G, "pcgg") == EX_OFFICIO | {"think_tanks", "private_members"}
    assert all(G.nodes[m]["kind"] == "ministry" for m in EX_OFFICIO)
    assert all(G.edges[m, "pcgg"]["cite"] == "decree-2010" for m in EX_OFFICIO)
    assert G.nodes["mke"]["role"] == "industrial_ministry"
    assert G.nodes["mosf"]["role"] == "macro_agency"


# koreaittimes-2009 and pecc-young: the planning office assists the committee and works with
# the Blue House and the Prime Minister's Office
def test_the_planning_office_serves_the_committee(G):
    assert relation(G, "gg_office", "pcgg") == "secretariat_for"
    assert G.nodes["gg_office"]["kind"] == "secretariat"
    assert relation(G, "gg_office", "blue_house") == "cooperates_with"
    assert relation(G, "gg_office", "pmo") == "cooperates_with"


# donga-2009, keia-2009, yonhap-2011: the President's emergency economic meeting, January 2009
# to September 2010, with the finance minister, the FSC chairman, the BOK governor, the
# senior secretaries, NEAC members and, as non-regular members, the MKE minister and the GNP
def test_the_president_chairs_the_emergency_economic_meeting(G):
    assert relation(G, "president", "eem") == "chairs"
    assert (G.nodes["eem"]["start"], G.nodes["eem"]["end"]) == (2009, 2010)
    assert members(G, "eem") == {"mosf", "mke", "fsc", "bok", "blue_house", "neac", "gnp"}
    assert G.nodes["bok"]["kind"] == "central_bank"


# unescap-act: the National Assembly enacted the Framework Act in January 2010
def test_the_assembly_enacts_the_framework_act(G):
    assert relation(G, "national_assembly", "framework_act") == "enacts"
    assert G.nodes["framework_act"]["start"] == 2010
    assert relation(G, "framework_act", "pcgg") == "guides"
    # greengrowth-go-kr: the national strategy and five-year plan of 2009
    assert G.nodes["green_plan"]["kind"] == "law" and G.nodes["green_plan"]["start"] == 2009


# bluehouse-2010 (GGGI, June 2010) and ibtimes-pcnb (PCNB, January 2009)
def test_the_president_founds_gggi_and_the_nation_branding_council(G):
    assert relation(G, "president", "gggi") == "establishes"
    assert G.nodes["gggi"]["start"] == 2010
    assert relation(G, "president", "pcnb") == "establishes"
    assert G.nodes["pcnb"]["start"] == 2009


# imf-pfm-2008: MOSF formed in 2008 from the finance and the planning-and-budget ministries
def test_mosf_is_the_merged_finance_ministry_of_2008(G):
    assert G.nodes["mosf"]["start"] == 2008
    assert "Ministry of Planning and Budget" in G.nodes["mosf"]["quote"]


# constitution-kr: the President above the Prime Minister and the ministries
def test_president_sits_above_pm_and_ministries(G):
    for target in ("pm", "mosf", "mke"):
        assert relation(G, "president", target) == "directs"
    assert G.in_degree("president") == 2 and all(
        d["relation"] == "advises" for _, _, d in G.in_edges("president", data=True)
    )


def test_five_councils_no_economic_planning_board_in_2008(G):
    assert "epb" not in G
    assert not any(d["kind"] == "planning_agency" for _, d in G.nodes(data=True))
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == {"pcgg", "pcnc", "pcnb", "eem", "neac"}


def test_slide_spelling_and_dates_are_kept(G):
    assert G.nodes["president"]["quote"] == "I Myeong-bak Administration 2008.2-2012.2"
    assert not G.nodes["president"]["external"]
    assert (G.graph["start"], G.graph["end"]) == (2008, 2012)


def test_everything_but_the_president_is_external(G):
    assert {n for n, d in G.nodes(data=True) if not d["external"]} == {"president"}
    assert all(d["external"] for _, _, d in G.edges(data=True))
    assert 20 <= G.number_of_nodes() <= 40
