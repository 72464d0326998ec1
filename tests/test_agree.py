"""Coder agreement on two codings of one network, against a hand-worked example and scikit-learn."""

import json
import math

import networkx as nx
import pytest
from click.testing import CliRunner
from sklearn.metrics import cohen_kappa_score

from instnet.agree import agreement, cohen_kappa, normalise_label
from instnet.cli import cli

HEADER_N = "id,label,kind,role,description,start,end,cite,quote,basis\n"
HEADER_E = "source,target,relation,description,start,end,cite,quote,basis\n"
TOML = 'title = "{t}"\ncountry = "W"\nera = "2000s"\nstart = 2000\n\n[references.notes]\ncitation = "Field notes, interview, 2024, p. 1."\n'


def _write(folder, nodes, edges):
    folder.mkdir(parents=True)
    (folder / "network.toml").write_text(TOML.format(t=folder.name))
    (folder / "nodes.csv").write_text(
        HEADER_N + "".join(f"{i},{label},{kind},{role},,,,notes,,inferred\n" for i, label, kind, role in nodes)
    )
    (folder / "edges.csv").write_text(HEADER_E + "".join(f"{s},{t},{r},,,,notes,,inferred\n" for s, t, r in edges))
    return folder


@pytest.fixture
def codings(tmp_path):
    a = _write(
        tmp_path / "a" / "w-2000",
        [
            ("pm", "Prime Minister", "head_of_government", "top_leader"),
            ("plan", "Planning Agency", "planning_agency", "pilot_agency"),
            ("ind", "Ministry of Industry (MOI)", "ministry", "industrial_ministry"),
            ("fed", "Federation of Industries", "business_association", "private_sector"),
        ],
        [
            ("pm", "plan", "directs"),
            ("plan", "ind", "plans_for"),
            ("pm", "ind", "directs"),
            ("ind", "fed", "incentivizes"),
        ],
    )
    b = _write(
        tmp_path / "b" / "w-2000",
        [
            ("pm", "Prime Minister", "head_of_government", "top_leader"),
            ("plan", "Planning Agency", "ministry", "pilot_agency"),
            ("moi", "Ministry  of industry", "ministry", "industrial_ministry"),
            ("council", "Industry Council", "council", "consensus_forum"),
        ],
        [("pm", "plan", "directs"), ("plan", "moi", "coordinates"), ("moi", "council", "member_of")],
    )
    return a, b


def _agreement(a, b):
    from instnet.load import load_network, row_lines

    return agreement(load_network(a), load_network(b), row_lines(a), row_lines(b))


def test_hand_worked_example(codings):
    """Worked by hand: 3 of 5 institutions matched; dyads (pm,plan) same, (pm,ind) only in A, (plan,ind) relation differs."""
    ag = _agreement(*codings)
    assert ag.matches[["a", "b", "how"]].values.tolist() == [
        ["pm", "pm", "id"],
        ["plan", "plan", "id"],
        ["ind", "moi", "label"],
    ]
    m = ag.measures.set_index("measure")["value"]
    assert m["institutions"] == pytest.approx(3 / 5)
    assert m["ties_agreement"] == pytest.approx(2 / 3)
    assert m["ties_kappa"] == pytest.approx(0.0)  # p_o = 2/3 = p_e
    assert m["relation_agreement"] == pytest.approx(0.5)
    assert m["relation_kappa"] == pytest.approx(1 / 3)  # (0.5 - 0.25) / 0.75
    assert m["kind_kappa"] == pytest.approx(0.5)  # (2/3 - 1/3) / (2/3)
    assert m["role_kappa"] == pytest.approx(1.0)
    rows = ag.disagreements
    assert rows["what"].tolist() == [
        "institution only in A",
        "institution only in B",
        "kind differs",
        "tie only in A",
        "relation differs",
    ]
    only_a = rows.iloc[0]
    assert only_a["item"] == "fed" and only_a["where_a"].endswith("a/w-2000/nodes.csv:5")
    rel = rows.iloc[4]
    assert rel["item"] == "plan - ind = plan - moi"
    assert (rel["a"], rel["b"]) == ("-> plans_for", "-> coordinates")
    assert rel["where_a"].endswith("a/w-2000/edges.csv:3") and rel["where_b"].endswith("b/w-2000/edges.csv:3")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([1, 1, 0, 0, 1, 0, 1], [1, 0, 0, 0, 1, 1, 1]),
        (["x", "y", "z", "x", "y"], ["x", "y", "y", "x", "z"]),
        ([True] * 9 + [False], [True] * 8 + [False, False]),
        (["a", "b"], ["b", "a"]),
    ],
)
def test_kappa_matches_scikit_learn(a, b):
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_kappa_is_undefined_with_one_category_and_no_items():
    assert math.isnan(cohen_kappa([1, 1, 1], [1, 1, 1]))
    assert math.isnan(cohen_kappa([], []))


def test_random_codings_kappa_matches_scikit_learn():
    A = nx.gnp_random_graph(15, 0.3, seed=1, directed=True)
    B = nx.gnp_random_graph(15, 0.3, seed=2, directed=True)
    ag = agreement(A, B)
    pairs = [(i, j) for i in range(15) for j in range(i + 1, 15)]
    ta = [A.has_edge(i, j) or A.has_edge(j, i) for i, j in pairs]
    tb = [B.has_edge(i, j) or B.has_edge(j, i) for i, j in pairs]
    value = ag.measures.set_index("measure").loc["ties_kappa", "value"]
    assert value == pytest.approx(cohen_kappa_score(ta, tb))


def test_normalised_labels():
    assert normalise_label("Bộ Kế hoạch và Đầu tư (MPI)") == normalise_label("bo ke hoach va dau tu")
    assert normalise_label("Ministry of Trade & Industry") == "ministry of trade and industry"


def test_cli_agree_table_and_json(codings):
    a, b = codings
    result = CliRunner().invoke(cli, ["agree", str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert "ties_kappa" in result.output
    assert "relation differs" in result.output and "edges.csv:3" in result.output
    assert "ind = moi (matched by label: 'Ministry of Industry (MOI)' / 'Ministry  of industry')" in result.output
    data = json.loads(CliRunner().invoke(cli, ["agree", str(a), str(b), "--format", "json"]).output)
    assert sorted(data) == ["a", "b", "disagreements", "matches", "measures"]
    assert data["measures"][0] == {
        "measure": "institutions",
        "value": 0.6,
        "n": 5,
        "meaning": data["measures"][0]["meaning"],
    }


def test_cli_agree_unknown_network_is_an_error(codings):
    result = CliRunner().invoke(cli, ["agree", str(codings[0]), "no-such-9999"])
    assert result.exit_code == 1
    assert "no network 'no-such-9999'" in result.output
