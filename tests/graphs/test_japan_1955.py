"""Structural facts of japan-1955 that its sources state.

Each fact names its source: the seed slides (grips) or the external reference
key in graphs/japan-1955/network.toml with its page or address.
"""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("japan-1955")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def out(G, source, rel):
    return {v for _, v, d in G.out_edges(source, data=True) if d["relation"] == rel}


def into(G, target, rel):
    return {u for u, _, d in G.in_edges(target, data=True) if d["relation"] == rel}


def test_miti_is_the_industrial_super_ministry(G):
    # grips: "MITI serving as super-ministry for industrial policy"
    assert G.nodes["miti"]["role"] == "industrial_ministry"
    assert "super-ministry" in G.nodes["miti"]["quote"]


def test_miti_holds_the_slides_bureaus_and_its_named_units(G):
    # grips: vertical and horizontal bureaus; johnson-1982 p. 79 (Enterprises Bureau,
    # energy agency in the rank order), p. 192 (energy agency 1973), p. 231 (JETRO);
    # smea-history-1 (SME Agency as an extra-ministerial bureau)
    units = out(G, "miti", "directs")
    assert units == {"miti_vertical", "miti_horizontal", "enterprises_bureau", "smea", "anre", "jetro"}
    assert all(G.nodes[b]["kind"] == "bureau" for b in units - {"jetro"})
    assert G.nodes["miti_vertical"]["cite"] == G.nodes["miti_horizontal"]["cite"] == "grips"
    assert G.nodes["anre"]["start"] == 1973


def test_miti_works_with_the_private_sector_directly_and_through_a_council(G):
    # grips: "Working with the private sector" and "through Deliberation Councils"
    assert relation(G, "miti", "private_sector") == "cooperates_with"
    assert relation(G, "private_sector", "isc") == "member_of"
    assert relation(G, "miti", "isc") == "manages"


def test_plans_made_via_a_deliberation_council(G):
    # grips; yoshioka-kawasaki-2016; cao-economic-plan
    assert relation(G, "economic_council", "pm") == "advises"
    assert relation(G, "epa", "economic_council") == "secretariat_for"
    assert G.nodes["economic_council"]["kind"] == "council"


def test_no_single_superministry(G):
    # grips: "No single superministry": no body plans for or directs the ministries
    # except the Prime Minister (constitution-jp, Article 72)
    commanders = {
        u
        for u, v, d in G.edges(data=True)
        if d["relation"] in ("plans_for", "directs") and G.nodes[v]["kind"] == "ministry"
    }
    assert commanders == {"pm"}
    assert {v for v in out(G, "pm", "directs") if G.nodes[v]["kind"] == "ministry"} == {"miti", "mof"}
    assert not any(d["role"] == "pilot_agency" for _, d in G.nodes(data=True))


def test_industrial_structure_council_dates_from_1964_and_replaced_two_councils(G):
    # johnson-1982 p. 253: Investigation Council 1961-64, merged with the 1949
    # Rationalization Council into the Industrial Structure Council in 1964
    assert G.nodes["isc"]["start"] == 1964
    assert G.nodes["isc"]["external"] is True
    assert (G.nodes["isic"]["start"], G.nodes["isic"]["end"]) == (1961, 1964)
    assert G.nodes["irc"]["end"] == 1964


def test_enterprises_bureau_does_the_investigation_councils_work(G):
    # johnson-1982 p. 253: "the Enterprises Bureau was charged with writing reports"
    assert relation(G, "enterprises_bureau", "isic") == "secretariat_for"
    assert relation(G, "private_sector", "isic") == "member_of"
    assert relation(G, "miti", "isic") == "manages"


def test_finance_ministry_holds_the_development_bank_and_the_central_bank(G):
    # johnson-1982 p. 209 (JDB under MoF jurisdiction, MITI's policy influence),
    # p. 211 (JDB finance to strategic industries), p. 10 (BOJ an arm of MoF)
    assert relation(G, "mof", "jdb") == "directs"
    assert relation(G, "miti", "jdb") == "advises"
    assert relation(G, "jdb", "private_sector") == "funds"
    assert relation(G, "mof", "boj") == "directs"
    assert G.nodes["boj"]["kind"] == "central_bank"
    assert relation(G, "city_banks", "private_sector") == "funds"


def test_filp_is_built_by_finance_and_mitis_enterprises_bureau(G):
    # johnson-1982 p. 210: FILP constructed by MoF and the Enterprises Bureau
    assert into(G, "filp", "manages") == {"mof", "enterprises_bureau"}
    assert G.nodes["filp"]["kind"] == "law"


def test_the_epa_plans_of_1955_1957_and_1960(G):
    # johnson-1982 p. 231 (Table 17) and p. 252 (cabinet adoption of 27 Dec 1960)
    plans = {"plan_1955": 1955, "plan_1957": 1957, "income_doubling": 1960}
    for plan, year in plans.items():
        assert G.nodes[plan]["start"] == year
        assert relation(G, "epa", plan) == "establishes"
        assert relation(G, "pm", plan) == "establishes"
    assert G.edges["pm", "income_doubling"]["basis"] == "stated"
    assert relation(G, "epa", "ncndp_1969") == "establishes"  # epa-1969


def test_the_special_measures_law_fight(G):
    # johnson-1982 pp. 255, 258-260: drafted by the Enterprises Bureau, backed by
    # the Investigation Council and Keizai Doyukai, resisted by Keidanren, MoF,
    # the bankers and the FTC; it died in the Diet (1963-64)
    assert relation(G, "enterprises_bureau", "sml") == "establishes"
    assert into(G, "sml", "opposes") == {"keidanren", "mof", "banking_assoc", "ftc"}
    assert into(G, "sml", "supports") == {"isic", "keizai_doyukai", "ldp"}
    assert (G.nodes["sml"]["start"], G.nodes["sml"]["end"]) == (1963, 1964)


def test_sme_machinery(G):
    # smea-history-1 (agency 1948, finance corporation 1953); smea-history-3 (Basic Law 1963)
    assert relation(G, "jfcsb", "smes") == "funds"
    assert relation(G, "sme_basic_law", "smes") == "guides"
    assert G.nodes["sme_basic_law"]["start"] == 1963
    assert relation(G, "diet", "sme_basic_law") == "enacts"


def test_business_federations(G):
    # japantimes-2009 (Keidanren a strong supporter of the LDP); johnson-1982 p. 277
    # (Sanken formed March 1966); roberts-1983 (Sanken's members)
    assert relation(G, "keidanren", "ldp") == "supports"
    assert G.nodes["sanken"]["start"] == 1966
    assert into(G, "sanken", "member_of") == {"keidanren", "keizai_doyukai"}


def test_kinds_present(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {
        "head_of_government",
        "planning_agency",
        "council",
        "ministry",
        "bureau",
        "firm",
        "central_bank",
        "state_enterprise",
        "law",
        "business_association",
        "research_institute",
        "legislature",
        "other",
    }


def test_seed_layer_intact(G):
    # grips: the slides' eight bodies keep their seed citation
    seeded = {n for n, d in G.nodes(data=True) if d["cite"] == "grips"}
    assert seeded == {"pm", "economic_council", "miti", "miti_vertical", "miti_horizontal", "private_sector"}
