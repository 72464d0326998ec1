"""Every surface prints the same tie count, top hub and axis shares (one definition each).

The definitions are those of :mod:`instnet.metrics.ties`: a tie is a row of
edges.csv (a symmetric ``cooperates_with`` tie counts once, and once for each
of its two ends), the top hub has the most ties (the first in file order on a
tie), and the axis shares are shares of the ties as listed.
"""

import html
import json
import math
import re

import pytest
from click.testing import CliRunner

from instnet import load_network, summary_sentences
from instnet.classify import classify
from instnet.cli import cli
from instnet.diff import diff
from instnet.load import bundled_ids
from instnet.metrics import tie_figures

IDS = bundled_ids()


def _run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def figures():
    return {i: tie_figures(load_network(i)) for i in IDS}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    _run("build", "--out", str(out), "--quiet")
    return out


def _same(printed, value) -> bool:
    """A JSON value (null for NaN) equal to a figure."""
    if isinstance(value, float) and math.isnan(value):
        return printed is None
    return printed == pytest.approx(value)


def _close(printed: str, value: float, digits: int) -> bool:
    return math.isclose(float(printed), round(value, digits), abs_tol=10**-digits / 2 + 1e-12)


def test_tie_figures_follow_the_stated_convention():
    import networkx as nx

    G = nx.DiGraph(
        [
            ("hq", "cefp", {"relation": "cooperates_with"}),  # one symmetric tie: one tie, once for each end
            ("pm", "hq", {"relation": "chairs"}),
            ("pm", "cefp", {"relation": "chairs"}),
            ("hq", "icc", {"relation": "establishes"}),
            ("meti", "hq", {"relation": "member_of"}),
        ]
    )
    f = tie_figures(G)
    assert f["ties"] == 5
    assert f["top_hub"] == "hq" and f["top_hub_ties"] == 4
    assert f["top_hub_share"] == pytest.approx(4 / 5)
    assert (f["vertical_share"], f["horizontal_share"], f["other_share"]) == pytest.approx((0.6, 0.4, 0.0))
    G.add_edge("cefp", "pm", relation="advises")  # cefp now ties with hq: the first in node order wins
    assert tie_figures(G)["top_hub"] == "hq"


@pytest.mark.parametrize("network", IDS)
def test_show_counts_the_ties(network, figures):
    out = _run("show", network)
    assert re.search(rf"\b{figures[network]['ties']} ties\b", out.split("\n\n")[2])


@pytest.mark.parametrize("network", IDS)
def test_metrics_graph_json(network, figures):
    (row,) = json.loads(_run("metrics", network, "--graph", "--format", "json"))
    f = figures[network]
    assert row["network"] == network
    assert row["ties"] == f["ties"]
    assert row["top_hub"] == f["top_hub"]
    for key in ("top_hub_share", "vertical_share", "horizontal_share"):
        assert _same(row[key], f[key])


def test_scores_json(figures):
    rows = {r["network"]: r for r in json.loads(_run("scores", "--format", "json"))}
    assert sorted(rows) == IDS
    for network, f in figures.items():
        assert rows[network]["ties"] == f["ties"]
        assert rows[network]["top_hub"] == f["top_hub"]
        assert _same(rows[network]["vertical_share"], f["vertical_share"])


@pytest.mark.parametrize("network", IDS)
def test_view_header(network, figures, site):
    page = (site / "networks" / f"{network}.html").read_text()
    header = re.search(r"<header>.*?</header>", page, re.S).group(0)
    f = figures[network]
    assert re.search(rf"\b{f['ties']} ties</p>", header)
    scores = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", header))
    if f["ties"]:
        assert _close(scores["Top hub&#x27;s share of ties"], f["top_hub_share"], 3)
        assert _close(scores["Vertical (authority) ties"], f["vertical_share"], 3)


def test_index_rows(figures, site):
    index = (site / "index.html").read_text()
    for network, f in figures.items():
        row = re.search(rf'<tr><td><a href="networks/{network}.html">.*?</tr>', index, re.S).group(0)
        cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert int(cells[4]) == f["ties"], network
        if f["top_hub"] is not None:
            G = load_network(network)
            label = G.nodes[f["top_hub"]]["label"]
            assert cells[8].startswith(label), (network, cells[8])
            assert _close(re.search(r"\(([\d.]+)\)$", cells[8]).group(1), f["top_hub_share"], 2)


def _pairs():
    """Each country network against its next era, or against its archetype."""
    countries = [i for i in IDS if not i.startswith("model-")]
    pairs = []
    for network in countries:
        later = [i for i in countries if i.rsplit("-", 1)[0] == network.rsplit("-", 1)[0] and i > network]
        pairs.append((network, later[0] if later else "model-" + classify(load_network(network)).best))
    return pairs


@pytest.mark.parametrize(("a", "b"), _pairs())
def test_diff_tables_and_sentences(a, b, figures):
    A, B = load_network(a), load_network(b)
    d = diff(A, B)
    for side, network in ((d.a, a), (d.b, b)):
        f = figures[network]
        assert side["ties"] == f["ties"]
        assert (side["top_hub"] or {}).get("id") == f["top_hub"]
        if f["ties"]:
            assert side["top_hub"]["ties"] == f["top_hub_ties"]
            assert side["vertical_share"] == pytest.approx(f["vertical_share"], abs=1e-6)  # rounded for JSON
    measures = d.measures.set_index("measure") if "measure" in d.measures.columns else d.measures
    if "ties" in measures.index:
        assert int(measures.loc["ties", "a"]) == figures[a]["ties"]
    text = " ".join(summary_sentences(d))
    if figures[a]["ties"] and figures[b]["ties"]:  # the sentence names both top hubs
        for G, network in ((A, a), (B, b)):
            f = figures[network]
            assert G.nodes[f["top_hub"]]["label"] in text
            assert f"{f['top_hub_ties']} of {f['ties']}" in text
