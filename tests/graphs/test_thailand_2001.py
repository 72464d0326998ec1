"""Structural facts of the thailand-2001 network, each checked against its sources."""

import pytest

from instnet.load import load_network

TABLE = {  # id: (founded, board members, staff) as the slides' table gives them
    "tpi": ("June 1995", "20", "161"),
    "tgi": ("Nov. 1995", "12", "79"),
    "tti": ("June 1997", "20", "27"),
    "nfi": ("Oct. 1996", "20", "27"),
    "msci": ("March 1999", "14", "55"),
    "tai": ("July 1998", "20", "28"),
    "eei": ("Feb. 1999", "29", "28"),
    "csri": ("April 1999", "13", None),
    "ismed": ("June 1999", "21", None),
    "isit": ("Dec. 1998 (cabinet approval)", None, None),
}


@pytest.fixture(scope="module")
def G():
    return load_network("thailand-2001")


def test_extra_columns_are_declared(G):
    assert set(G.graph["columns"]["nodes"]) == {"founded", "board_members", "staff", "origin"}


@pytest.mark.parametrize("institute", sorted(TABLE))
def test_table_rows_are_node_attributes(G, institute):
    data = G.nodes[institute]
    assert (data["founded"], data["board_members"], data["staff"]) == TABLE[institute]
    assert data["kind"] == "hub_institution"
    assert data["start"] is None  # all founded before 2001


def test_tai_links_firms_government_and_universities(G):
    # "linking local and FDI firms, MOI (esp. BSID) and related ministries, and universities"
    linked = {v for _, v, d in G.out_edges("tai", data=True) if d["relation"] == "coordinates"}
    assert linked == {"firms", "moi", "bsid", "related_ministries", "universities"}
    assert G.nodes["tai"]["role"] == "sector_hub"


def test_tai_drafts_master_plan_in_step_with_five_year_plan(G):
    assert G.edges["tai", "auto_master_plan"]["relation"] == "establishes"
    assert G.edges["five_year_plan", "auto_master_plan"]["relation"] == "guides"


def test_moi_lets_the_hub_produce_policy(G):
    assert G.edges["moi", "tai"]["relation"] == "delegates_to"
    assert G.nodes["moi"]["role"] == "industrial_ministry"


def test_stated_origins_are_edges(G):
    assert G.edges["dip", "tpi"]["relation"] == "establishes"
    assert G.edges["tisi", "msci"]["relation"] == "establishes"
    assert G.edges["cane_sugar_ri", "csri"]["relation"] == "establishes"
    assert {u for u, _ in G.in_edges("tgi")} == {"kfw", "gdc"}
    assert all(G.edges[u, "tgi"]["relation"] == "funds" for u in ("kfw", "gdc"))
    assert G.edges["thammasat", "ismed"]["relation"] == "manages"
    assert G.has_edge("local_universities", "ismed")


def test_seed_ties_stay_seed_and_external_ties_are_marked(G):
    # Changed: before the growth only the Prime Minister's two ties (vdf-2005) were external
    # and no node was; the added record is all external.
    external_nodes = {n for n, d in G.nodes(data=True) if d["external"]}
    assert external_nodes == {
        "cabinet",
        "idf",
        "oie",
        "tapma",
        "boi",
        "sme_act",
        "osmep",
        "sme_board",
        "ncc",
        "fti",
        "mot",
        "moc",
        "nesac",
    }
    assert G.number_of_nodes() == 41
    assert not any(d["external"] for _, _, d in G.out_edges("tai", data=True) if d["relation"] == "coordinates")


def test_tai_founded_by_cabinet_under_the_industry_development_foundation(G):
    # cabt-1998 (https://ryt9.com/s/cabt/185828); kooperation-tai
    assert G.edges["cabinet", "tai"]["relation"] == "establishes"
    assert G.edges["cabinet", "eei"]["relation"] == "establishes"
    assert G.edges["moi", "idf"]["relation"] == "establishes"
    assert G.edges["idf", "tai"]["relation"] == "supports"


def test_oie_works_with_tai_on_the_testing_center(G):
    # ryt9-atrc (https://ryt9.com/s/ryt9/134844); oie-history (www.oie.go.th/en/about/history)
    assert G.edges["oie", "tai"]["relation"] == "cooperates_with"
    assert G.edges["moi", "oie"]["relation"] == "directs"
    assert G.edges["tapma", "moi"]["basis"] == "inferred"


def test_sme_machinery(G):
    # osmep-profile (developmentaid.org): Act of 2000, board chaired by the Prime Minister
    assert G.edges["sme_act", "osmep"]["relation"] == "establishes"
    assert G.edges["sme_board", "osmep"]["relation"] == "directs"
    assert G.edges["pm", "sme_board"]["relation"] == "chairs"


def test_competitiveness_committee_served_by_nesdb(G):
    # nesdb-cluster-2005 (https://ryt9.com/s/nesd/38576); cabt-ncc-2004 (https://ryt9.com/s/cabt/132490)
    assert G.edges["nesdb", "ncc"]["relation"] == "secretariat_for"
    assert G.edges["ncc", "fti"]["relation"] == "delegates_to"
    assert G.edges["ncc", "moi"]["relation"] == "delegates_to"
    assert G.nodes["ncc"]["kind"] == "council"


def test_cabinet_assigns_ministries_on_car_taxes(G):
    # cabt-excise-2004 (https://ryt9.com/s/ryt9/149372), 27 July 2004
    assert G.edges["cabinet", "mot"]["relation"] == "directs"
    assert G.edges["cabinet", "moc"]["relation"] == "directs"
    assert G.edges["cabinet", "mot"]["start"] == 2004


def test_prime_minister_directs_ministries(G):
    # vdf-2005: "He determines the general direction and orders ministries"
    assert G.edges["pm", "moi"]["relation"] == "directs"
    assert G.edges["pm", "related_ministries"]["external"]


def test_tai_staff_growth_is_noted(G):
    # "It has about 120 staff." while the table gives the initial 28
    assert "about 120 staff" in G.nodes["tai"]["description"]
