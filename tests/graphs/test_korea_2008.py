"""Structural facts of korea-2008 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("korea-2008")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_prime_minister_chairs_the_green_growth_committee(G):
    assert relation(G, "pm", "pcgg") == "chairs"
    assert G.nodes["pcgg"]["start"] == 2009


def test_presidential_committees_advise_the_president(G):
    committees = {u for u, v, d in G.in_edges("president", data=True) if d["relation"] == "advises"}
    assert committees == {"pcgg", "pcnc"}
    assert all(G.nodes[c]["kind"] == "council" for c in committees)


def test_finance_and_industry_ministers_sit_on_the_green_growth_committee(G):
    members = {u for u, _, d in G.in_edges("pcgg", data=True) if d["relation"] == "member_of"}
    assert members == {"mosf", "mke"}
    assert G.nodes["mke"]["role"] == "industrial_ministry"


def test_president_sits_above_pm_and_ministries(G):
    for target in ("pm", "mosf", "mke"):
        assert relation(G, "president", target) == "directs"
    assert G.in_degree("president") == 2 and all(
        d["relation"] == "advises" for _, _, d in G.in_edges("president", data=True)
    )


def test_no_economic_planning_board_in_2008(G):
    assert "epb" not in G
    assert not any(d["kind"] == "planning_agency" for _, d in G.nodes(data=True))


def test_slide_spelling_and_dates_are_kept(G):
    assert G.nodes["president"]["quote"] == "I Myeong-bak Administration 2008.2-2012.2"
    assert not G.nodes["president"]["external"]
    assert (G.graph["start"], G.graph["end"]) == (2008, 2012)


def test_everything_but_the_president_is_external(G):
    assert {n for n, d in G.nodes(data=True) if not d["external"]} == {"president"}
    assert all(d["external"] for _, _, d in G.edges(data=True))
