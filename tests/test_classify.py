"""Classification of networks into the slides' models of policy coordination."""

import csv
import io
import json
import math
import random
import time

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from instnet import model
from instnet.classify import (
    CENTRALIZATIONS,
    FORMATS,
    MODELS,
    Classification,
    archetype_distance,
    bundled_archetypes,
    classify,
    classify_text,
    format_classification,
    nearest_archetype,
    robustness,
    role_profile,
    verdicts,
)
from instnet.classify.perturbation import _centralizations
from instnet.load import bundled_ids, load_network

# The model the sources assign to each bundled country network.
#
# - Technocrat group: the slide "Technocrat Group Approach" names "Korea – Econ.
#   Planning Board Malaysia – Econ. Planning Unit Indonesia – BAPPENAS (Suharto)".
# - Super-ministry: "MITI as Super-Ministry for Industrial Policy: Japan (late
#   50s-70s)" and "MoEA/IDB as Super Ministry for Industrial Policy: Taiwan".
# - Councils: "East Asian Examples of Technocrat and/or Council Approach" and the
#   slides on Thailand's national committees of the 1980s, its National
#   Industrial Development Committee after 1997, Malaysia's National SME
#   Development Council and Korea's Presidential Committees (2008-2012).
# - japan-2012 is councils, not strong leader: the slides list Japan's "current
#   policy making" among the examples of the technocrat and/or council approach,
#   and "Japan Now" says "Deliberation councils continue to be used for the
#   purpose of consensus-building" next to "PM exercises strong leadership". The
#   slides' strong-leader model is "without institutionalization" and works
#   "without horizontal coordination", which the councils contradict.
# - Hub institution: "Thailand: Institutional Hub ... (Under Thaksin Government,
#   2001-2006)", the TAI.
# - Fragmented: "Cf. US (fragmented machinery)".
EXPECTED = {
    "korea-1961": "technocrat-group",
    "indonesia-1967": "technocrat-group",
    "malaysia-1997": "technocrat-group",
    "japan-1955": "super-ministry",
    "taiwan-2010": "super-ministry",
    "thailand-1980": "councils",
    "thailand-1997": "councils",
    "malaysia-2004": "councils",
    "korea-2008": "councils",
    "japan-2012": "councils",
    "thailand-2001": "hub-institution",
    "usa-1989": "fragmented",
}
# Where the record grown from public sources (issue [4/7]) gives another verdict
# than the slides, the full network keeps the verdict its structure gives (the
# classifier was not changed to force it back; each summary says so):
# - malaysia-1997: the National Economic Action Council machinery of 1997-98 and
#   the National Development Planning Committee add councils tied to the Prime
#   Minister, and MITI gains its agencies: councils and super-ministry tie.
# - thailand-2001: the Ministry of Industry with its offices, BOI and an advising
#   parts makers' association meets the super-ministry signature; the hub
#   institution (TAI) is still "present" just below it.
# - usa-1989: the record's advisory councils (trade advisory committees, the
#   Economic Policy Council, the Competitiveness Policy Council) outweigh the
#   fragmented signature, which comes second.
# The seed layer (what the slides say: layers.restrict(G, sources="seeds")) still
# gives the slides' model for these three, see SEED_LAYER below.
DIVERGENT = {
    "malaysia-1997": ["councils", "super-ministry"],
    "thailand-2001": ["super-ministry"],
    "usa-1989": ["councils"],
}
# The seed layers that hold the slides' model. The others are too thin to carry a
# verdict on their own (korea-2008, japan-2012, malaysia-2004 and thailand-1997:
# the slides' charts were lost and their text names a few bodies only).
SEED_LAYER = [
    "korea-1961",
    "indonesia-1967",
    "malaysia-1997",
    "japan-1955",
    "taiwan-2010",
    "thailand-1980",
    "thailand-2001",
    "usa-1989",
]
# Bundled networks to which the sources assign no model: the blog post on a
# global campaign for industrial policy describes actors of a campaign, not a
# government's coordination machinery; the slides name Singapore (its civil
# service), Chile ("Chicago boys") and Rwanda (the RDB and its chairman) under
# "Other examples" without placing them in the typology.
UNASSIGNED = {"global-campaign-2012", "singapore-1961", "chile-1975", "rwanda-2008"}
# Archetypes that illustrate no single model of the typology: the slide "Policy &
# Resource Coordination Mechanisms" shows the general scheme.
GENERAL_ARCHETYPES = {"model-coordination-mechanisms"}

ARCHETYPES = sorted(i for i in bundled_ids() if i.startswith("model-") and i not in GENERAL_ARCHETYPES)


def _strict_top(c: Classification, expected: str):
    others = {m: c.score(m) for m in MODELS if m != expected}
    assert all(c.score(expected) > v for v in others.values()), (expected, c.score(expected), others)


# ---------------------------------------------------------------------------
# the sources' verdicts


@pytest.mark.parametrize("network", sorted(set(EXPECTED) - set(DIVERGENT)))
def test_country_network_gets_its_sources_model(network):
    c = classify(load_network(network))
    _strict_top(c, EXPECTED[network])
    assert c.best == EXPECTED[network]
    assert c.top == [EXPECTED[network]]


@pytest.mark.parametrize("network", sorted(DIVERGENT))
def test_grown_record_verdict_differs_from_the_slides_and_is_kept(network):
    c = classify(load_network(network))
    assert c.top == DIVERGENT[network]
    assert verdicts(c)[EXPECTED[network]] in {"present", "absent"}


@pytest.mark.parametrize("network", SEED_LAYER)
def test_seed_layer_gets_the_slides_model(network):
    from instnet.layers import restrict

    seeds, _ = restrict(load_network(network), sources="seeds")
    c = classify(seeds)
    _strict_top(c, EXPECTED[network])


def test_every_bundled_country_network_has_a_stated_expectation():
    countries = set()
    for i in bundled_ids():
        if not i.startswith("model-"):
            countries.add(i)
    assert countries - UNASSIGNED == set(EXPECTED), "add the model its source assigns to EXPECTED"


@pytest.mark.parametrize("archetype", ARCHETYPES)
def test_archetype_is_classified_as_itself(archetype):
    G = load_network(archetype)
    assert G.graph["idealized"] is True
    c = classify(G)
    _strict_top(c, archetype.removeprefix("model-"))


def test_every_model_has_an_archetype():
    assert {a.removeprefix("model-") for a in ARCHETYPES} == set(MODELS)


# ---------------------------------------------------------------------------
# structure only: renaming and shuffling change nothing


def _scrambled(G: nx.DiGraph, seed: int) -> tuple[nx.DiGraph, dict]:
    """G with random new ids, labels, descriptions and metadata, rows shuffled."""
    rng = random.Random(seed)
    nodes = list(G.nodes(data=True))
    ids = rng.sample(range(10**6), len(nodes))
    new = {v: f"n{ids[i]}" for i, (v, _) in enumerate(nodes)}
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.graph.update(id="renamed", title="x", country="y", summary="z")
    rng.shuffle(nodes)
    for v, d in nodes:
        H.add_node(new[v], **{**d, "label": f"L{rng.random()}", "description": "nothing", "quote": None})
    edges = list(G.edges(data=True))
    rng.shuffle(edges)
    for u, v, d in edges:
        H.add_edge(new[u], new[v], **{**d, "description": "nothing"})
    return H, new


def _same(c: Classification, h: Classification, mapping: dict):
    for a, b in zip(c.scores, h.scores, strict=True):
        assert (a.model, a.score, a.evidence) == (b.model, b.score, b.evidence)
        assert {mapping[x] for x in a.actors} == set(b.actors)
    assert c.top == h.top


@pytest.mark.parametrize("network", bundled_ids())
def test_renaming_and_shuffling_rows_changes_nothing(network):
    G = load_network(network)
    c = classify(G)
    for seed in range(3):
        H, mapping = _scrambled(G, seed)
        _same(c, classify(H), mapping)


@pytest.mark.parametrize("network", ["korea-1961", "thailand-1980", "taiwan-2010", "usa-1989"])
def test_robustness_is_invariant_to_renaming_and_row_order(network):
    G = load_network(network)
    H, _ = _scrambled(G, 7)
    a, b = robustness(G, runs=60), robustness(H, runs=60)
    da, db = a.to_dict(), b.to_dict()
    da.pop("network"), db.pop("network")
    assert da == db


_KINDS = sorted(model.NODE_KINDS)
_ROLES = [None, *sorted(model.ROLES)]
_RELS = sorted(model.RELATIONS)


@st.composite
def _graphs(draw):
    n = draw(st.integers(1, 9))
    G = nx.DiGraph()
    for i in range(n):
        G.add_node(f"v{i}", kind=draw(st.sampled_from(_KINDS)), role=draw(st.sampled_from(_ROLES)))
    pairs = [(u, v) for u in G for v in G if u != v]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=20, unique=True)) if pairs else []:
        G.add_edge(u, v, relation=draw(st.sampled_from(_RELS)))
    return G


@settings(max_examples=60, deadline=None)
@given(_graphs(), st.integers(0, 1000))
def test_random_graphs_scores_in_range_and_naming_free(G, seed):
    c = classify(G)
    assert all(0.0 <= s.score <= 1.0 for s in c.scores)
    assert [s.model for s in c.scores] == list(MODELS)
    H, mapping = _scrambled(G, seed)
    _same(c, classify(H), mapping)


# ---------------------------------------------------------------------------
# the signatures on hand-built graphs


def _graph(nodes, edges):
    G = nx.DiGraph()
    for v, kind in nodes.items():
        G.add_node(v, kind=kind)
    for u, rel, v in edges:
        G.add_edge(u, v, relation=rel, basis="stated", external=False)
    return G


def test_technocrat_group_needs_the_leaders_mandate_and_the_ministries():
    nodes = {"pm": "head_of_government", "plan": "planning_agency", "a": "ministry", "b": "ministry"}
    full = _graph(nodes, [("pm", "directs", "plan"), ("plan", "plans_for", "a"), ("plan", "plans_for", "b")])
    assert classify(full).score("technocrat-group") == 1.0
    no_mandate = _graph(nodes, [("plan", "plans_for", "a"), ("plan", "plans_for", "b")])
    assert classify(no_mandate).score("technocrat-group") == 0.5
    half = _graph(nodes, [("pm", "directs", "plan"), ("plan", "plans_for", "a")])
    c = classify(half)
    assert c.score("technocrat-group") == 0.5
    assert (
        c["technocrat-group"].evidence[0] == "one planning agency steers (directs or plans for) 1 of the 2 ministries"
    )
    # a plan document in between still counts
    via_plan = _graph(
        {**nodes, "plan_doc": "law"},
        [
            ("pm", "delegates_to", "plan"),
            ("plan", "plans_for", "plan_doc"),
            ("plan_doc", "guides", "a"),
            ("plan_doc", "guides", "b"),
        ],
    )
    assert classify(via_plan).score("technocrat-group") == 1.0


def test_councils_reward_several_national_councils_with_ministers_as_members():
    nodes = {"pm": "head_of_government", "c1": "council", "c2": "council", "a": "ministry", "b": "ministry"}
    edges = [("pm", "chairs", "c1"), ("pm", "chairs", "c2"), ("a", "member_of", "c1"), ("b", "member_of", "c2")]
    c = classify(_graph(nodes, edges))
    assert c.score("councils") == 1.0
    assert c["councils"].evidence == (
        "2 councils (ties: 2, 2)",
        "2 of them tied to the top leader",
        "2 of the 2 ministries sit on them as members",
    )
    one = classify(_graph(nodes, edges[:1] + edges[2:3]))
    assert one.score("councils") == pytest.approx((0.5 + 1 + 0.5) / 3, abs=1e-6)


def test_super_ministry_with_bureaus_and_business():
    nodes = {
        "m": "ministry",
        "b1": "bureau",
        "b2": "bureau",
        "f": "firm",
        "ass": "business_association",
        "dc": "council",
        "x": "ministry",
    }
    edges = [
        ("m", "directs", "b1"),
        ("m", "directs", "b2"),
        ("b1", "provides_services_to", "f"),
        ("m", "manages", "dc"),
        ("ass", "member_of", "dc"),
        ("m", "cooperates_with", "x"),
    ]
    c = classify(_graph(nodes, edges))
    s = c["super-ministry"]
    assert s.actors == ("m",)
    # business 1, tasks 4/4, reach: f, dc, ass, x = 4 of the 4 others; bureaus 2 -> full
    assert s.score == 1.0
    assert s.evidence[:2] == (
        "one ministry holds 2 bureaus or units of its own",
        "it works with business associations and firms",
    )


def test_hub_links_three_spheres():
    nodes = {"hub": "hub_institution", "f": "firm", "m": "ministry", "u": "university", "d": "donor"}
    edges = [("hub", "coordinates", "f"), ("hub", "coordinates", "m"), ("hub", "coordinates", "u")]
    c = classify(_graph(nodes, edges))
    assert c.score("hub-institution") == pytest.approx(1 * (1 + 3 / 4) / 2)
    assert c["hub-institution"].evidence[0] == "a hub institution links firms, 1 ministry and universities"
    two = classify(_graph(nodes, edges[:2]))
    assert two.score("hub-institution") == pytest.approx(2 / 3 * (1 + 2 / 4) / 2)


def test_strong_leader_needs_breadth_and_no_horizontal_bypass():
    nodes = {"pm": "head_of_government", "a": "ministry", "f": "firm", "d": "donor", "e": "expert_group"}
    star = [("pm", "directs", "a"), ("pm", "consults", "f"), ("pm", "consults", "d"), ("pm", "consults", "e")]
    assert classify(_graph(nodes, star)).score("strong-leader") == 1.0
    bypass = [*star, ("a", "cooperates_with", "f")]
    assert classify(_graph(nodes, bypass)).score("strong-leader") == 0.0
    only_ministries = _graph(
        {"pm": "head_of_government", "a": "ministry", "b": "ministry"}, [("pm", "directs", "a"), ("pm", "directs", "b")]
    )
    assert classify(only_ministries).score("strong-leader") == 0.25


def test_fragmented_machinery_two_principals_and_no_coordination():
    nodes = {"wh": "head_of_government", "cong": "legislature", "a": "ministry", "b": "ministry"}
    edges = [("wh", "directs", "a"), ("wh", "directs", "b"), ("cong", "funds", "a"), ("cong", "funds", "b")]
    c = classify(_graph(nodes, edges))
    f = c["fragmented"]
    # unsteered: wh reaches 2 of 3 -> 1/3; uncoordinated 2/2; divided 2/2
    assert f.score == pytest.approx((1 / 3 + 1 + 1) / 3, abs=1e-6)
    assert c.best == "fragmented"
    # a council where the two departments meet removes the uncoordinated part
    met = _graph({**nodes, "c": "council"}, [*edges, ("a", "member_of", "c"), ("b", "member_of", "c")])
    assert classify(met).score("fragmented") < f.score


def test_empty_and_tiny_graphs():
    assert all(s.score == 0 for s in classify(nx.DiGraph()).scores)
    assert classify(nx.DiGraph()).top == []
    one = nx.DiGraph()
    one.add_node("x", kind="ministry")
    assert classify(one).score("fragmented") == 0.0


def test_scores_do_not_read_ids_labels_or_metadata():
    G = load_network("korea-1961")
    H = G.copy()
    H.graph.update(id="model-councils", title="Councils", summary="councils councils")
    for v in H:
        H.nodes[v]["label"] = "National Council"
        H.nodes[v]["description"] = "a super-ministry"
    a, b = classify(G).to_dict(), classify(H).to_dict()
    a.pop("network"), b.pop("network")
    assert a == b


# ---------------------------------------------------------------------------
# result types and text


def test_verdicts_and_views():
    c = classify(load_network("model-fragmented"))
    v = verdicts(c)
    assert v["fragmented"] == "top" and set(v.values()) <= {"top", "present", "absent"}
    d = c.to_dict()
    assert d["network"] == "model-fragmented" and d["top"] == ["fragmented"]
    assert list(d["models"]) == list(MODELS)
    df = c.to_frame()
    assert list(df.index) == list(MODELS)
    assert list(df.columns) == ["label", "score", "verdict", "evidence", "actors"]
    assert df.loc["fragmented", "score"] == c.score("fragmented")


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats(fmt):
    G = load_network("japan-1955")
    r = robustness(G, runs=20)
    near = nearest_archetype(G, bundled_archetypes())
    text = format_classification(classify(G), fmt, robustness=r, nearest=near)
    assert text.endswith("\n")
    if fmt == "json":
        data = json.loads(text)
        assert data["top"] == ["super-ministry"]
        assert data["robustness"]["runs"] == 20
        assert [x["id"] for x in data["nearest_archetypes"]] == [k for k, _ in near]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["model"] for r in rows] == list(MODELS)
        assert {"score", "verdict", "kept", "5-95%", "stated-only", "seeds-only", "evidence", "actors"} <= set(rows[0])
        assert rows[2]["actors"] == "miti"
    elif fmt == "markdown":
        assert text.startswith("# japan-1955: super-ministry\n")
        assert f"| super-ministry | {classify(G).score('super-ministry'):.3f} | top |" in text
    else:
        assert text.startswith("japan-1955: super-ministry\n")
        assert "Evidence:\n  technocrat-group: " in text
        assert "Nearest archetypes" in text


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        format_classification(classify(nx.DiGraph()), "xml")
    with pytest.raises(ValueError):
        classify_text(nx.DiGraph(), "xml")


def test_classify_text_is_one_call():
    G = load_network("thailand-2001")
    text = classify_text(G, "json", robust=True, runs=10)
    data = json.loads(text)
    assert data["top"] == classify(G).top and data["robustness"]["runs"] == 10
    assert "nearest_archetypes" not in data


# ---------------------------------------------------------------------------
# robustness


def test_robustness_is_deterministic_and_timed():
    G = load_network("thailand-2001")
    start = time.perf_counter()
    a = robustness(G)
    elapsed = time.perf_counter() - start
    print(f"\nrobustness(thailand-2001, runs=200): {elapsed:.2f} s")
    b = robustness(G)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    assert a.removed == round(0.1 * G.number_of_edges())
    assert set(a.metrics) == set(CENTRALIZATIONS)
    for m in MODELS:
        low, high = a.scores[m]
        assert 0 <= low <= high <= 1
        assert 0 <= a.kept[m] <= 1


def test_robustness_seed_changes_draws_only():
    G = load_network("thailand-1980")
    a, b = robustness(G, runs=30, seed=1), robustness(G, runs=30, seed=2)
    assert a.baseline == b.baseline
    assert a.variants == b.variants


def test_stated_only_and_seeds_only_variants():
    nodes = {"pm": "head_of_government", "plan": "planning_agency", "a": "ministry", "b": "ministry"}
    G = _graph(nodes, [("pm", "directs", "plan"), ("plan", "plans_for", "a"), ("plan", "plans_for", "b")])
    r = robustness(G, runs=5, metrics=False)
    assert r.variants["stated-only"] == r.baseline and r.variant_edges == {"stated-only": 3, "seeds-only": 3}
    G.edges["plan", "a"]["basis"] = "inferred"
    G.edges["pm", "plan"]["external"] = True
    r = robustness(G, runs=5, metrics=False)
    assert r.variant_edges == {"stated-only": 2, "seeds-only": 2}
    assert r.variants["stated-only"].score("technocrat-group") == 0.5
    assert r.variants["seeds-only"].score("technocrat-group") == 0.5
    assert r.metrics == {}


def test_kept_share_counts_runs_with_the_same_verdict():
    # one tie holds the whole technocrat structure together: removing it
    # (1 of 2 ties) loses the verdict
    G = _graph(
        {"pm": "head_of_government", "plan": "planning_agency", "a": "ministry"},
        [("pm", "directs", "plan"), ("plan", "plans_for", "a")],
    )
    r = robustness(G, runs=100, drop=0.5, metrics=False)
    assert r.removed == 1
    assert 0 < r.kept["technocrat-group"] < 1
    assert r.scores["technocrat-group"] == (0.0, 0.5)


@pytest.mark.parametrize("network", bundled_ids())
def test_centralizations_match_metrics_graph_table(network):
    from instnet.metrics import graph_table

    G = load_network(network)
    H = G.copy()
    H.remove_edges_from(list(H.edges)[::3])
    for X in (G, H):
        theirs = graph_table(X)
        for exact in (True, False):
            ours = _centralizations(X, exact=exact)
            for k in CENTRALIZATIONS:
                if math.isnan(theirs[k]):
                    assert math.isnan(ours[k]), k
                elif exact or k != "centralization_eigenvector":
                    assert ours[k] == theirs[k], k
                else:  # power iteration in the robustness runs
                    assert ours[k] == pytest.approx(theirs[k], abs=1e-9), k


# ---------------------------------------------------------------------------
# nearest archetype


def test_each_archetype_is_nearest_to_itself():
    archetypes = bundled_archetypes()
    assert set(ARCHETYPES) <= set(archetypes)
    assert all(A.graph["idealized"] for A in archetypes.values())
    for key, A in archetypes.items():
        near = nearest_archetype(A, archetypes)
        assert near[0] == (key, 0.0)
        assert [d for _, d in near] == sorted(d for _, d in near)
        assert all(0 <= d <= 1 for _, d in near)


def test_archetype_distance_parts():
    a = _graph({"pm": "head_of_government", "m": "ministry"}, [("pm", "directs", "m")])
    b = _graph({"m": "ministry", "c": "council"}, [("m", "member_of", "c")])
    assert role_profile(a) == {("top_leader", "line_ministry", "vertical"): 1.0}
    total, scores, profile = archetype_distance(a, b)
    assert profile == 1.0
    assert total == pytest.approx((scores + 1.0) / 2, abs=1e-6)
    assert archetype_distance(a, a) == (0.0, 0.0, 0.0)


def test_symmetric_ties_count_the_same_either_way():
    a = _graph({"x": "ministry", "f": "firm"}, [("x", "cooperates_with", "f")])
    b = _graph({"x": "ministry", "f": "firm"}, [("f", "cooperates_with", "x")])
    assert role_profile(a) == role_profile(b)
