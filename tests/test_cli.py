"""The command line: exact output, exit codes, help text with examples."""

import re

import pytest
from click.testing import CliRunner

from instnet.cli import cli


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(cli, list(args))

    return invoke


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(run, name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example: instnet " + name in result.output


def test_new_then_validate_passes(run, tmp_path):
    result = run("new", "ghana-2017", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"created {tmp_path}/ghana-2017/ (network.toml, nodes.csv, edges.csv)\n"
        f"next: edit the files, then run: instnet validate {tmp_path}/ghana-2017\n"
    )
    result = run("validate", str(tmp_path / "ghana-2017"))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path}/ghana-2017: ok, 5 warning(s)\n"  # the placeholders, until replaced


def test_new_refuses_to_overwrite(run, tmp_path):
    assert run("new", "ghana-2017", "--dir", str(tmp_path)).exit_code == 0
    result = run("new", "ghana-2017", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists" in result.stderr


@pytest.mark.parametrize("bad", ["Ghana", "ghana", "ghana_2017", "../x-2017", "x-20177", ""])
def test_new_rejects_bad_ids(run, tmp_path, bad):
    result = run("new", bad, "--dir", str(tmp_path))
    assert result.exit_code == 2  # a usage mistake, as the README says
    assert "is not a valid id" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_network_is_a_clear_error(run):
    result = run("show", "korea-1691")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no network 'korea-1691'")
    assert "Traceback" not in result.output


def test_unknown_option_is_a_usage_error(run):
    result = run("list", "--format", "xml")
    assert result.exit_code == 2


def test_validate_folder_of_networks(run, tmp_path):
    run("new", "a-2001", "--dir", str(tmp_path))
    run("new", "b-2002", "--dir", str(tmp_path))
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0
    # the scaffold's five placeholder texts warn until they are replaced
    assert result.stdout.splitlines() == [
        f"{tmp_path}/a-2001: ok, 5 warning(s)",
        f"{tmp_path}/b-2002: ok, 5 warning(s)",
    ]


def test_validate_bundled_networks_all_pass(run):
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert all(re.search(r": ok, \d+ warning\(s\)$", line) for line in result.stdout.splitlines())


def test_show_summarises(run, tmp_path):
    run("new", "ghana-2017", "--dir", str(tmp_path))
    result = run("show", str(tmp_path / "ghana-2017"))
    assert result.exit_code == 0
    assert "Head of government --directs--> Planning agency" in result.output
    assert "2 institutions (2 from external references), 1 ties" in result.output


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "instnet", "--help"], capture_output=True, text=True, check=True)
    assert "Map, measure and compare" in out.stdout


def test_every_size_measure_is_a_node_measure_that_render_can_size_by():
    """cli.options.SIZE_MEASURES is written out (no metrics import at CLI start): it must agree with the metrics."""
    from instnet import load_network
    from instnet.cli.options import SIZE_MEASURES
    from instnet.metrics import NODE_MEASURES, node_table

    assert set(SIZE_MEASURES) <= set(NODE_MEASURES)
    frame = node_table(load_network("korea-1961"))
    for measure in SIZE_MEASURES:
        assert frame[measure].dtype.kind in "biuf", measure
        assert frame[measure].notna().all(), measure
