"""Structural facts of chile-1975 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("chile-1975")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_seed_layer_is_the_slides_university_line(G):
    # grips: 'Chile (Pinochet): "Chicago boys"'; "Univ. of Chicago Universidad Catolica de Chile (with US support)"
    seed_nodes = {v for v, d in G.nodes(data=True) if not d["external"]}
    assert seed_nodes == {"pinochet", "chicago_boys", "uc", "uchicago", "us_support"}
    assert relation(G, "uc", "chicago_boys") == "provides_services_to"
    assert not G.edges["uc", "chicago_boys"]["external"]


def test_the_chicago_catholic_university_agreement_and_its_funding(G):
    # memoriachilena: the March 1956 agreement; hoover-friedman: USAID financed the exchange 1955-64
    assert relation(G, "uchicago", "uc") == "provides_services_to"
    assert relation(G, "us_support", "uc") == "funds"
    assert G.nodes["us_support"]["kind"] == "donor"


def test_chicago_boys_held_the_economic_ministries_and_the_central_bank(G):
    # zxc-decastro: de Castro Minister of Economy from April 1975; bunk-friedman: by 1976 Finance and the Central Bank
    assert relation(G, "chicago_boys", "economia") == "member_of"
    assert G.edges["chicago_boys", "economia"]["start"] == 1975
    assert relation(G, "chicago_boys", "hacienda") == "member_of"
    assert G.edges["chicago_boys", "hacienda"]["start"] == 1976
    assert relation(G, "chicago_boys", "central_bank") == "member_of"


def test_chicago_boys_and_friedman_advised_pinochet(G):
    # bbc-pinochet: "From about 1975 on, Gen Pinochet came under the influence of the 'Chicago Boys'"; bunk-friedman
    assert relation(G, "chicago_boys", "pinochet") == "advises"
    assert relation(G, "friedman", "pinochet") == "advises"
    assert (G.nodes["friedman"]["start"], G.nodes["friedman"]["end"]) == (1975, 1975)


def test_el_ladrillo_was_theirs_and_framed_the_regime(G):
    # hoover-friedman: the 189-page draft they gave to the generals; princeton-wiki: basis of the regime's policy
    assert relation(G, "chicago_boys", "el_ladrillo") == "establishes"
    assert relation(G, "el_ladrillo", "junta") == "guides"
    assert G.nodes["el_ladrillo"]["kind"] == "law"


def test_junta_is_the_legislature_and_pinochet_left_it_in_1981(G):
    # bcn-congreso: the Junta took executive, legislative and constituent power; wikidat-junta: Pinochet left in 1981
    assert G.nodes["junta"]["kind"] == "legislature"
    assert relation(G, "pinochet", "junta") == "member_of"
    assert G.edges["pinochet", "junta"]["end"] == 1981


def test_pinochet_over_the_ministries_and_odeplan(G):
    # ledevoir-1974: the Supreme Chief appoints the ministers; uft-odeplan: ODEPLAN answered to the Presidency
    for unit in ("hacienda", "economia", "odeplan"):
        assert relation(G, "pinochet", unit) == "directs"
    assert G.nodes["odeplan"]["kind"] == "planning_agency"


def test_odeplan_worked_with_the_catholic_university(G):
    # huneeus-1998: "Ambas funciones fueron realizadas en estrecha colaboración con la Universidad Católica"
    edge = G.edges["odeplan", "uc"] if G.has_edge("odeplan", "uc") else G.edges["uc", "odeplan"]
    assert edge["relation"] == "cooperates_with" and edge["basis"] == "stated"


def test_monetary_board_and_the_central_bank_laws(G):
    # bcentral-history: the 1975 organic law created the Monetary Board; loc-18840: autonomy in 1989
    assert relation(G, "bank_law_1975", "monetary_board") == "establishes"
    assert G.nodes["monetary_board"]["kind"] == "council" and G.nodes["monetary_board"]["start"] == 1975
    assert relation(G, "bank_law_1989", "central_bank") == "guides"
    assert relation(G, "junta", "bank_law_1989") == "enacts"


def test_rivals_and_privatisation(G):
    # bunk-friedman: business groups and officers vying for influence; elclarin-privatizaciones: CORFO's 725 firms
    assert relation(G, "protectionist_business", "chicago_boys") == "opposes"
    assert relation(G, "statist_officers", "chicago_boys") == "opposes"
    assert relation(G, "corfo", "state_firms") == "manages"


def test_era_and_size(G):
    # bcn-congreso: the regime governed until 11 March 1990
    assert (G.graph["start"], G.graph["end"]) == (1975, 1990)
    assert G.number_of_nodes() >= 20
