"""Structural facts of singapore-1961 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("singapore-1961")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_the_slides_layer_is_the_civil_service_only(G):
    # grips: "Singapore pays high salaries to the public sector"; "performance-based promotion"
    seed_nodes = [v for v, d in G.nodes(data=True) if not d["external"]]
    assert seed_nodes == ["public_service"]
    assert relation(G, "pm", "public_service") == "incentivizes"
    assert not G.edges["pm", "public_service"]["external"]


def test_edb_set_up_by_the_1961_ordinance_of_the_legislative_assembly(G):
    # nlb-edb-1961: bill read in the Legislative Assembly; Ordinance in force 1 August 1961
    assert relation(G, "legislature", "edb_ordinance") == "enacts"
    assert relation(G, "edb_ordinance", "edb") == "establishes"
    assert G.nodes["edb"]["start"] == 1961


def test_edb_answers_to_finance_then_to_trade_and_industry(G):
    # nas-incentives: "MOF's directives" to the EDB (1969); nlb-mti: MTI formed March 1979
    assert relation(G, "mof", "edb") == "directs"
    assert G.edges["mof", "edb"]["end"] == 1979
    assert relation(G, "mti", "edb") == "directs"
    assert G.edges["mti", "edb"]["start"] == 1979
    assert G.nodes["mti"]["start"] == 1979
    assert G.nodes["mof_dev"]["end"] == 1979


def test_dbs_and_jtc_took_over_edb_tasks_in_1968(G):
    # nlb-dbs: DBS took over the EDB's industrial financing; nlb-jtc: JTC took over industrial estates
    for unit in ("dbs", "jtc"):
        assert relation(G, "edb", unit) == "delegates_to"
        assert G.nodes[unit]["start"] == 1968


def test_winsemius_advised_the_government(G):
    # nlb-dbs-1968: the UN mission headed by Winsemius was invited by the government in 1960
    assert relation(G, "winsemius", "pm") == "advises"
    assert G.nodes["winsemius"]["role"] == "external_partner"


def test_the_monetary_bodies_under_finance(G):
    # nlb-bccs: Finance Minister Lim Kim San first chairman; nas-mas: MAS began under MOF in 1971
    assert relation(G, "mof", "bccs") == "chairs"
    assert relation(G, "mof", "mas") == "directs"
    assert G.nodes["mas"]["kind"] == "central_bank" and G.nodes["mas"]["start"] == 1971
    assert relation(G, "mof", "temasek") == "establishes"  # liquisearch-temasek, nlb-temasek


def test_national_wages_council_is_tripartite_with_a_neutral_chair(G):
    # nlb-nwc: three members each from NTUC, employers' organisations and the government; chairman Lim Chong Yah
    assert relation(G, "ntuc", "nwc") == "member_of"
    assert relation(G, "employers", "nwc") == "member_of"
    assert relation(G, "nwc_chair", "nwc") == "chairs"
    assert relation(G, "pm", "nwc") == "establishes"
    assert relation(G, "nwc", "pm") == "advises"  # lkyspp-tripartism: guidelines submitted to the Cabinet
    assert G.nodes["nwc"]["start"] == 1972


def test_multinationals_served_by_edb_jtc_dbs_and_the_1967_act(G):
    # nlb-ti: EDB assisted TI, factory leased from JTC, pioneer status; st-2018-dbs: DBS financed Rollei
    assert relation(G, "edb", "mncs") == "provides_services_to"
    assert relation(G, "jtc", "mncs") == "provides_services_to"
    assert relation(G, "dbs", "mncs") == "funds"
    assert relation(G, "eeia", "mncs") == "incentivizes"
    assert relation(G, "legislature", "eeia") == "enacts"


def test_ntuc_turned_to_cooperation_in_1969(G):
    # nlb-ntuc: founded 1961 with the PAP's support; st-2019-modernisation: 1969 seminar
    assert relation(G, "pap", "ntuc") == "supports"
    edge = G.edges["ntuc", "pm"] if G.has_edge("ntuc", "pm") else G.edges["pm", "ntuc"]
    assert edge["relation"] == "cooperates_with" and edge["start"] == 1969


def test_economic_committee_of_the_1985_recession(G):
    # nlb-ec-1985: appointed 8 March 1985, headed by Lee Hsien Loong (Minister of State, Trade and Industry)
    assert relation(G, "pm", "economic_committee") == "establishes"
    assert relation(G, "mti", "economic_committee") == "chairs"
    assert (G.nodes["economic_committee"]["start"], G.nodes["economic_committee"]["end"]) == (1985, 1986)


def test_era_and_size(G):
    # nlb-goh-pm: Lee Kuan Yew prime minister from June 1959 to 28 November 1990
    assert (G.graph["start"], G.graph["end"]) == (1961, 1990)
    assert G.number_of_nodes() >= 20
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert {
        "head_of_government",
        "planning_agency",
        "ministry",
        "central_bank",
        "council",
        "trade_union",
        "state_enterprise",
        "law",
        "legislature",
        "firm",
    } <= kinds
