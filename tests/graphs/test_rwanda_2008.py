"""Structural facts of rwanda-2008 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("rwanda-2008")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_seed_layer_is_sithanen_chairing_rdb(G):
    # grips: "Rwanda (Kagame): Even invited Dr. Rama Sithanen ... to be chairman of RDB."
    seed_nodes = {v for v, d in G.nodes(data=True) if not d["external"]}
    assert seed_nodes == {"kagame", "rdb", "sithanen"}
    assert relation(G, "sithanen", "rdb") == "chairs"
    assert not G.edges["sithanen", "rdb"]["external"]


def test_rdb_endorsed_by_cabinet_and_enacted_by_parliament(G):
    # nt-2008-house: endorsed by the Cabinet meeting; nt-2009-senate: the Senate passed the bill in January 2009
    assert relation(G, "cabinet", "rdb") == "establishes"
    assert relation(G, "parliament", "rdb_law_2009") == "enacts"
    assert relation(G, "rdb_law_2009", "rdb") == "guides"
    assert G.nodes["rdb"]["start"] == 2008


def test_president_chairs_cabinet_and_appoints_the_rdb_chief(G):
    # nt-2009-merged: "The meeting chaired by President Paul Kagame"; nt-2009-senate: CEO by Presidential Order
    assert relation(G, "kagame", "cabinet") == "chairs"
    assert relation(G, "kagame", "rdb") == "directs"
    assert G.nodes["cabinet"]["kind"] == "council"


def test_prime_minister_appointed_rdb_heads_until_the_2023_law(G):
    # nt-2009-senate: deputy CEO appointed by the PM; nt-2023-autonomy: heads of department by PM's Order
    assert relation(G, "opm", "rdb") == "directs"
    assert G.edges["opm", "rdb"]["end"] == 2023
    assert relation(G, "parliament", "rdb_law_2023") == "enacts"  # ktpress-2023
    assert G.nodes["rdb_law_2023"]["start"] == 2023


def test_presidential_advisory_council_advises_the_president(G):
    # oundo-pac: mission "to advise the President"; co-chaired by Kagame and Joe Ritchie
    assert relation(G, "pac", "kagame") == "advises"
    assert relation(G, "kagame", "pac") == "chairs"
    assert relation(G, "ritchie", "pac") == "chairs"


def test_ministers_and_blair_sit_on_the_advisory_council(G):
    # rwandinfo-pac (2010 list): finance, commerce, foreign affairs; nt-2009-blair: "Blair, who is on the PAC"
    for member in ("minecofin", "minicom", "mofa", "agi"):
        assert relation(G, member, "pac") == "member_of"


def test_agi_works_inside_four_institutions(G):
    # nt-2009-blair: Office of the President, Office of the PM, Ministry of Public Service, RDB
    for target in ("kagame", "opm", "mifotra", "rdb"):
        assert relation(G, "agi", target) == "provides_services_to"
    assert G.nodes["agi"]["start"] == 2008


def test_first_chief_executive_joe_ritchie(G):
    # nt-2009-senate: "Currently, the CEO of the institution is Joe Ritchie"
    assert relation(G, "ritchie", "rdb") == "manages"
    assert G.edges["ritchie", "rdb"]["end"] == 2009


def test_plans_edprs_under_vision_2020(G):
    # edprs-2007: MINECOFIN, September 2007; eu-edprs2: EDPRS II 2013/14-2017/18
    assert relation(G, "minecofin", "edprs") == "establishes"
    assert (G.nodes["edprs"]["start"], G.nodes["edprs"]["end"]) == (2008, 2012)
    assert relation(G, "vision2020", "edprs") == "guides"
    assert relation(G, "vision2020", "edprs2") == "guides"


def test_rdb_works_with_investors_psf_and_ministries(G):
    # nt-2008-house: promote local and foreign investment; nt-2014-psf; ktpress-2023; nt-2023-autonomy
    assert relation(G, "rdb", "investors") == "provides_services_to"
    assert relation(G, "psf", "rdb") == "cooperates_with"
    assert relation(G, "rdb", "mofa") == "cooperates_with"
    assert relation(G, "rdb", "minecofin") == "consults"


def test_era_and_size(G):
    assert G.graph["start"] == 2008 and G.graph.get("end") is None
    assert G.number_of_nodes() >= 20
