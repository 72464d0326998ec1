"""Documentation stays true: vocabulary tables, README commands."""

import re
from pathlib import Path

from instnet.model import vocabulary_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_graphs_readme_vocabulary_is_current():
    text = (ROOT / "graphs" / "README.md").read_text()
    block = re.search(r"<!-- vocabulary:start -->\n(.*)\n<!-- vocabulary:end -->", text, re.S)
    assert block, "graphs/README.md lost its vocabulary markers"
    assert block.group(1) == vocabulary_markdown(), "regenerate with instnet.model.vocabulary_markdown()"


def test_graphs_readme_example_validates(tmp_path):
    """The five-node example in graphs/README.md is a valid network."""
    from instnet import load_network

    text = (ROOT / "graphs" / "README.md").read_text()
    example = text.split("## A complete five-node example", 1)[1]
    blocks = re.findall(r"```(toml|csv)\n(.*?)```", example, re.S)
    folder = tmp_path / "example-2020"
    folder.mkdir()
    for name, (_, body) in zip(["network.toml", "nodes.csv", "edges.csv"], blocks, strict=True):
        (folder / name).write_text(body)
    G = load_network(folder)
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 5


def test_graphs_readme_lists_every_bundled_network():
    from instnet.load import bundled_ids

    text = (ROOT / "graphs" / "README.md").read_text()
    block = text.split("<!-- bundled:start -->", 1)[1].split("<!-- bundled:end -->", 1)[0]
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", block, re.M)
    assert listed == bundled_ids()


def _readme_commands(section: str) -> list[list[str]]:
    import shlex

    text = (ROOT / "README.md").read_text()
    body = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", body, re.S).group(1)
    commands = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("instnet "):
            commands.append(shlex.split(line)[1:])
    return commands


def test_readme_commands_run_as_shown(tmp_path, monkeypatch):
    """Every instnet command in the README's command blocks succeeds, in order."""
    from click.testing import CliRunner

    from instnet.cli import cli

    monkeypatch.chdir(tmp_path)
    commands = _readme_commands("Map your own country") + _readme_commands("Commands")
    assert len(commands) >= 14
    for args in commands:
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "mysite" / "networks" / "mycountry-2020.html").is_file()
