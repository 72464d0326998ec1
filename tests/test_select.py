"""Selecting a set of networks from bundled ids, network folders and folders of networks."""

import shutil

import pytest

from instnet.errors import NetworkNotFound, SelectionError
from instnet.load import bundled_graphs_dir, bundled_ids, select


def _copy(source: str, dest):
    """A bundled network copied under another country's id (same era year)."""
    shutil.copytree(bundled_graphs_dir() / source, dest)


@pytest.fixture
def mine(tmp_path):
    """A folder of two user networks (copies of bundled ones, renamed)."""
    folder = tmp_path / "mygraphs"
    for source, name in (("korea-1961", "vietnam-1961"), ("japan-1955", "laos-1955")):
        _copy(source, folder / name)
    return folder


def test_nothing_selects_the_bundled_networks():
    assert list(select()) == bundled_ids()


def test_a_mix_of_ids_network_folders_and_folders_of_networks(mine, tmp_path):
    _copy("thailand-1980", tmp_path / "more" / "cambodia-1980")
    chosen = select(["korea-1961", mine / "vietnam-1961", tmp_path / "more", "japan-1955"])
    assert list(chosen) == ["korea-1961", "vietnam-1961", "cambodia-1980", "japan-1955"]
    assert chosen["korea-1961"] == bundled_graphs_dir() / "korea-1961"
    assert chosen["cambodia-1980"] == tmp_path / "more" / "cambodia-1980"


def test_folder_of_networks_expands_in_id_order(mine):
    assert list(select([mine])) == ["laos-1955", "vietnam-1961"]
    assert select([mine])["laos-1955"] == mine / "laos-1955"


def test_with_bundled_adds_them_last(mine):
    chosen = select([mine], with_bundled=True)
    assert list(chosen)[:2] == ["laos-1955", "vietnam-1961"]
    assert list(chosen)[2:] == bundled_ids()


def test_the_same_network_twice_is_an_error_naming_both(mine):
    with pytest.raises(
        SelectionError, match=r"'vietnam-1961' is selected twice: .*mygraphs/vietnam-1961 and .*mygraphs/vietnam-1961"
    ):
        select([mine, mine / "vietnam-1961"])


def test_two_networks_with_one_id_is_an_error_naming_both_paths(mine, tmp_path):
    shutil.copytree(bundled_graphs_dir() / "korea-1961", tmp_path / "other" / "korea-1961")
    with pytest.raises(
        SelectionError, match=r"two networks have the id 'korea-1961': .*other/korea-1961 and .*graphs/korea-1961"
    ):
        select([tmp_path / "other"], with_bundled=True)


def test_a_folder_without_networks_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(NetworkNotFound, match=r"neither a network folder .* nor a folder of networks"):
        select([tmp_path / "empty"])


def test_an_unknown_id_is_an_error_with_a_hint():
    with pytest.raises(NetworkNotFound, match="Did you mean 'korea-1961'"):
        select(["korea-196"])


# The commands that work on a set of networks take the same selection.

from click.testing import CliRunner  # noqa: E402

from instnet.cli import cli  # noqa: E402


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("command", ["list", "validate", "scores"])
def test_commands_take_ids_folders_and_repeated_graphs(command, mine, tmp_path):
    _copy("usa-1989", tmp_path / "more" / "canada-1989")
    result = _run(
        command, "korea-1961", mine / "vietnam-1961", "--graphs", tmp_path / "more", "--graphs", mine / "laos-1955"
    )
    assert result.exit_code == 0, result.output
    for network in ("korea-1961", "vietnam-1961", "canada-1989", "laos-1955"):
        assert network in result.output
    assert "japan-2012" not in result.output


@pytest.mark.parametrize("command", ["list", "scores"])
def test_with_bundled_adds_the_bundled_networks(command, mine):
    result = _run(command, mine, "--with-bundled", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = [line.split(",")[0] for line in result.output.splitlines()[1:]]
    if command == "list":  # in selection order; scores ranks countries first, then models
        assert rows == ["laos-1955", "vietnam-1961", *bundled_ids()]
    assert sorted(rows) == sorted(["laos-1955", "vietnam-1961", *bundled_ids()])


@pytest.mark.parametrize("command", ["list", "validate", "scores"])
def test_a_network_named_twice_exits_1_naming_both(command, mine):
    result = _run(command, mine, "--graphs", mine / "laos-1955")
    assert result.exit_code == 1
    assert "Error: network 'laos-1955' is selected twice:" in result.output
    assert result.output.count("laos-1955") == 3


@pytest.mark.parametrize("command", ["list", "validate", "scores"])
def test_two_networks_with_one_id_exit_1_naming_both_paths(command, tmp_path):
    shutil.copytree(bundled_graphs_dir() / "korea-1961", tmp_path / "mine" / "korea-1961")
    result = _run(command, tmp_path / "mine", "--with-bundled")
    assert result.exit_code == 1
    assert f"Error: two networks have the id 'korea-1961': {tmp_path / 'mine' / 'korea-1961'} and " in result.output


@pytest.mark.parametrize("command", ["list", "validate", "scores"])
def test_an_empty_folder_exits_1_and_prints_no_table(command, tmp_path):
    (tmp_path / "empty").mkdir()
    result = _run(command, tmp_path / "empty")
    assert result.exit_code == 1
    assert "nor a folder of networks" in result.output
    assert "Empty DataFrame" not in result.output


def test_scores_of_one_network_folder_is_one_row(mine):
    result = _run("scores", mine / "vietnam-1961", "--format", "csv")
    assert result.exit_code == 0
    assert [line.split(",")[0] for line in result.output.splitlines()] == ["network", "vietnam-1961"]
