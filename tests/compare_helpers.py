"""A hand-collapsed copy of a bundled network: every role drawn as one node, as a sketch would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from instnet.load import bundled_graphs_dir

_COLLECTIVE = {"line_ministry": "Ministries/Agencies", "private_sector": "Business (firms and associations)"}


def collapsed_copy(network: str, dest: Path, new_id: str, country: str) -> Path:
    """Write ``dest/new_id``: ``network`` with one node per role (unroled nodes one per kind) and its ties between them."""
    src = bundled_graphs_dir() / network
    folder = dest / new_id
    folder.mkdir(parents=True)
    nodes = pd.read_csv(src / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(src / "edges.csv", dtype=str, keep_default_na=False)
    group = {r.id: (r.role or f"kind_{r.kind}") for r in nodes.itertuples()}
    firsts = nodes.assign(group=[group[i] for i in nodes["id"]]).drop_duplicates("group")
    firsts["label"] = [_COLLECTIVE.get(g, label) for g, label in zip(firsts["group"], firsts["label"], strict=False)]
    firsts["id"] = firsts["group"]
    firsts[["start", "end"]] = ""
    firsts.drop(columns="group").to_csv(folder / "nodes.csv", index=False)
    edges["source"] = [group[s] for s in edges["source"]]
    edges["target"] = [group[t] for t in edges["target"]]
    edges = edges[edges["source"] != edges["target"]].drop_duplicates(["source", "target"])
    edges[["start", "end"]] = ""
    edges.to_csv(folder / "edges.csv", index=False)
    toml = (src / "network.toml").read_text(encoding="utf-8")
    lines = toml.splitlines()
    lines = [f'country = "{country}"' if ln.startswith("country =") else ln for ln in lines]
    lines = [f'title = "A sketch of {network}, one node per role"' if ln.startswith("title =") else ln for ln in lines]
    (folder / "network.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def copy_network(network: str, dest: Path, new_id: str, country: str) -> Path:
    """Copy a bundled network under a new id and country."""
    folder = dest / new_id
    shutil.copytree(bundled_graphs_dir() / network, folder)
    toml = (folder / "network.toml").read_text(encoding="utf-8").splitlines()
    toml = [f'country = "{country}"' if ln.startswith("country =") else ln for ln in toml]
    (folder / "network.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")
    return folder
