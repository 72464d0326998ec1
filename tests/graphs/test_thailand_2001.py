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


def test_only_the_prime_ministers_ties_are_external(G):
    external = {(u, v) for u, v, d in G.edges(data=True) if d["external"]}
    assert external == {("pm", "moi"), ("pm", "related_ministries")}
    assert not any(d["external"] for _, d in G.nodes(data=True))


def test_tai_staff_growth_is_noted(G):
    # "It has about 120 staff." while the table gives the initial 28
    assert "about 120 staff" in G.nodes["tai"]["description"]
